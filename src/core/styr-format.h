/* styr-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-meeting.h"

G_BEGIN_DECLS

char *styr_format_date        (const GDate    *day);
char *styr_format_day         (const GDate    *day);
char *styr_format_slot        (const StyrSlot *slot);
char *styr_format_slot_long   (const StyrSlot *slot);
char *styr_format_time_range  (GDateTime      *start,
                               GDateTime      *end,
                               gboolean        all_day);
char *styr_format_moment      (GDateTime      *moment);

G_END_DECLS
