/* styr-checklist-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-checklist-entry.h"
#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_CHECKLIST_MODEL (styr_checklist_model_get_type ())

G_DECLARE_FINAL_TYPE (StyrChecklistModel, styr_checklist_model, STYR, CHECKLIST_MODEL, GObject)

StyrChecklistModel *styr_checklist_model_new              (StyrStore          *store,
                                                           StyrClock          *clock,
                                                           const char         *checklist_key);
StyrChecklistModel *styr_checklist_model_new_integrations (StyrStore          *store,
                                                           StyrClock          *clock);
const char         *styr_checklist_model_get_checklist    (StyrChecklistModel *self);
guint               styr_checklist_model_get_n_done       (StyrChecklistModel *self);
StyrStore          *styr_checklist_model_get_store        (StyrChecklistModel *self);
void                styr_checklist_model_get_today        (StyrChecklistModel *self,
                                                           GDate              *today);
StyrChecklistEntry *styr_checklist_model_find             (StyrChecklistModel *self,
                                                           const char         *item_id,
                                                           guint              *position);
const GError       *styr_checklist_model_get_error        (StyrChecklistModel *self);
gboolean            styr_checklist_model_set_done         (StyrChecklistModel *self,
                                                           StyrChecklistEntry *entry,
                                                           gboolean            done,
                                                           const char         *author,
                                                           GError            **error);

G_END_DECLS
