/* styr-checklist.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_CHECKLIST (styr_checklist_get_type ())

G_DECLARE_FINAL_TYPE (StyrChecklist, styr_checklist, STYR, CHECKLIST, StyrRecord)

const char * styr_checklist_get_title (StyrChecklist *self);

G_END_DECLS
