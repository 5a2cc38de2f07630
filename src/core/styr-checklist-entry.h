/* styr-checklist-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-checklist-item.h"
#include "styr-checklist-item-state.h"
#include "styr-list-entry.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_CHECKLIST_ENTRY (styr_checklist_entry_get_type ())

G_DECLARE_FINAL_TYPE (StyrChecklistEntry, styr_checklist_entry, STYR, CHECKLIST_ENTRY,
                      StyrListEntry)

StyrChecklistEntry     *styr_checklist_entry_new            (StyrChecklistItem  *item);
StyrChecklistItem      *styr_checklist_entry_get_item       (StyrChecklistEntry *self);
void                    styr_checklist_entry_set_item       (StyrChecklistEntry *self,
                                                             StyrChecklistItem  *item);
const char             *styr_checklist_entry_get_id         (StyrChecklistEntry *self);
StyrChecklistItemState *styr_checklist_entry_get_state      (StyrChecklistEntry *self);
gboolean                styr_checklist_entry_get_done       (StyrChecklistEntry *self);
gboolean                styr_checklist_entry_get_overdue    (StyrChecklistEntry *self);
const char             *styr_checklist_entry_get_role_name  (StyrChecklistEntry *self);
const char             *styr_checklist_entry_get_role_holder (StyrChecklistEntry *self);
const char             *styr_checklist_entry_get_same_task  (StyrChecklistEntry *self);
const char * const     *styr_checklist_entry_get_waits_for  (StyrChecklistEntry *self);
const char * const     *styr_checklist_entry_get_blocked_by (StyrChecklistEntry *self);
void                    styr_checklist_entry_read           (StyrChecklistEntry *self,
                                                             StyrStore          *store,
                                                             const GDate        *today);

G_END_DECLS
