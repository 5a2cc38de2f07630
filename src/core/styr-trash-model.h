/* styr-trash-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"
#include "styr-trash-entry.h"

G_BEGIN_DECLS

#define STYR_TYPE_TRASH_MODEL (styr_trash_model_get_type ())

G_DECLARE_FINAL_TYPE (StyrTrashModel, styr_trash_model, STYR, TRASH_MODEL, GObject)

StyrTrashModel *styr_trash_model_new    (StyrStore      *store,
                                         const char     *doc_type);
gboolean        styr_trash_model_reload (StyrTrashModel *self,
                                         GError        **error);
StyrTrashEntry *styr_trash_model_find   (StyrTrashModel *self,
                                         const char     *id);

G_END_DECLS
