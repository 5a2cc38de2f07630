/* styr-checklist-actions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-checklist.h"
#include "styr-checklist-item.h"
#include "styr-checklist-item-state.h"
#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrTemplateChange:
 * @item: the id of the item that changed
 * @before: (nullable): its text before, %NULL for a new item
 * @after: its text now
 *
 * One change a newer catalogue made to a checklist template.
 */
typedef struct
{
  char *item;
  char *before;
  char *after;
} StyrTemplateChange;

void        styr_template_change_free            (StyrTemplateChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrTemplateChange, styr_template_change_free)

gboolean    styr_checklist_item_is_overdue       (StyrStore              *store,
                                                  StyrChecklistItem      *item,
                                                  StyrChecklistItemState *state,
                                                  const GDate            *today);
gboolean    styr_checklist_item_set_done         (StyrStore          *store,
                                                  StyrChecklistItem  *item,
                                                  const char         *seen_state_rev,
                                                  gboolean            done,
                                                  const char         *author,
                                                  const GDate        *today,
                                                  char              **new_rev,
                                                  GError            **error);
StyrChecklistItemState *
            styr_checklist_item_load_state       (StyrStore          *store,
                                                  const char         *item_id);
GPtrArray  *styr_checklist_list_ticked           (StyrStore          *store,
                                                  const char         *shown_with,
                                                  GError            **error);
GPtrArray  *styr_checklist_list_items            (StyrStore          *store,
                                                  const char         *checklist_key,
                                                  GError            **error);
gboolean    styr_checklist_progress              (StyrStore          *store,
                                                  const char         *checklist_key,
                                                  guint              *done,
                                                  guint              *total,
                                                  GError            **error);
gboolean    styr_checklist_save_local            (StyrStore          *store,
                                                  const char         *title,
                                                  const char         *author,
                                                  char              **new_id,
                                                  GError            **error);
gboolean    styr_checklist_add_item              (StyrStore          *store,
                                                  const char         *checklist_key,
                                                  JsonObject         *fields,
                                                  const char         *author,
                                                  char              **new_id,
                                                  GError            **error);
gboolean    styr_checklist_update_item           (StyrStore          *store,
                                                  const char         *id,
                                                  const char         *seen_rev,
                                                  JsonObject         *fields,
                                                  const char         *author,
                                                  GError            **error);
gboolean    styr_checklist_delete_item           (StyrStore          *store,
                                                  const char         *id,
                                                  const char         *seen_rev,
                                                  const char         *author,
                                                  char              **tombstone,
                                                  GError            **error);
GPtrArray  *styr_checklist_template_changes      (StyrStore          *store,
                                                  const char         *checklist_key,
                                                  GError            **error);
gboolean    styr_checklist_dismiss_template_changes (StyrStore       *store,
                                                  const char         *checklist_key,
                                                  GError            **error);
gboolean    styr_checklist_record_template_changes (StyrStore        *store,
                                                  const char         *checklist_key,
                                                  JsonArray          *new_changes,
                                                  GError            **error);

char       *styr_role_holder_name                (StyrStore          *store,
                                                  const char         *role_key,
                                                  const GDate        *today);

const char * const *styr_erp_systems             (void);
char       *styr_erp_meeting_id                  (StyrStore          *store,
                                                  const char         *erp,
                                                  GError            **error);

G_END_DECLS
