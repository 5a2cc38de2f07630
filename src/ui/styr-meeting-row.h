/* styr-meeting-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-meeting-entry.h"

G_BEGIN_DECLS

#define STYR_TYPE_MEETING_ROW (styr_meeting_row_get_type ())

G_DECLARE_FINAL_TYPE (StyrMeetingRow, styr_meeting_row, STYR, MEETING_ROW, AdwActionRow)

GtkWidget        *styr_meeting_row_new       (StyrMeetingEntry *entry);
StyrMeetingEntry *styr_meeting_row_get_entry (StyrMeetingRow   *self);
char             *styr_meeting_row_describe  (StyrMeetingEntry *entry);

G_END_DECLS
