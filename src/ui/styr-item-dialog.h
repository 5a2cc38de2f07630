/* styr-item-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-form-dialog.h"

#include "styr-checklist-entry.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_ITEM_DIALOG (styr_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StyrItemDialog, styr_item_dialog, STYR, ITEM_DIALOG, StyrFormDialog)

StyrItemDialog *styr_item_dialog_new_add  (GtkWidget          *origin,
                                           StyrStore          *store,
                                           const char         *checklist_key);
StyrItemDialog *styr_item_dialog_new_edit (GtkWidget          *origin,
                                           StyrStore          *store,
                                           StyrChecklistEntry *entry);

G_END_DECLS
