/* styr-checklist-item-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_CHECKLIST_ITEM_STATE (styr_checklist_item_state_get_type ())

G_DECLARE_FINAL_TYPE (StyrChecklistItemState, styr_checklist_item_state, STYR, CHECKLIST_ITEM_STATE, StyrRecord)

const char * styr_checklist_item_state_get_item (StyrChecklistItemState *self);
gboolean     styr_checklist_item_state_get_done (StyrChecklistItemState *self);

G_END_DECLS
