/* styr-checklist-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_CHECKLIST_ITEM (styr_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (StyrChecklistItem, styr_checklist_item, STYR, CHECKLIST_ITEM, StyrRecord)

const char  *styr_checklist_item_get_checklist  (StyrChecklistItem *self);
const char  *styr_checklist_item_get_text       (StyrChecklistItem *self);
int          styr_checklist_item_get_position   (StyrChecklistItem *self);
const char  *styr_checklist_item_get_owner_role (StyrChecklistItem *self);
gboolean     styr_checklist_item_get_due        (StyrChecklistItem *self,
                                                 GDate             *due);
char       **styr_checklist_item_dup_depends_on (StyrChecklistItem *self);
JsonObject  *styr_checklist_item_get_integration (StyrChecklistItem *self);

G_END_DECLS
