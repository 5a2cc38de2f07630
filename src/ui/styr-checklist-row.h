/* styr-checklist-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-checklist-model.h"

G_BEGIN_DECLS

/**
 * StyrChecklistRowStyle:
 * @STYR_CHECKLIST_ROW_ITEM: an item of a checklist, with all it says
 *   and its Note and Details button
 * @STYR_CHECKLIST_ROW_INTEGRATION: an integration to set up, titled by
 *   its system and service
 * @STYR_CHECKLIST_ROW_BRIEF: an item beside another page's content, with
 *   who ticked it only
 */
typedef enum
{
  STYR_CHECKLIST_ROW_ITEM,
  STYR_CHECKLIST_ROW_INTEGRATION,
  STYR_CHECKLIST_ROW_BRIEF,
} StyrChecklistRowStyle;

#define STYR_TYPE_CHECKLIST_ROW (styr_checklist_row_get_type ())

G_DECLARE_FINAL_TYPE (StyrChecklistRow, styr_checklist_row, STYR, CHECKLIST_ROW, AdwActionRow)

GtkWidget          *styr_checklist_row_new       (StyrChecklistModel    *model,
                                                  StyrChecklistEntry    *entry,
                                                  StyrChecklistRowStyle  style);
StyrChecklistEntry *styr_checklist_row_get_entry (StyrChecklistRow      *self);
GtkCheckButton     *styr_checklist_row_get_check (StyrChecklistRow      *self);
void                styr_checklist_row_set_erp   (StyrChecklistRow      *self,
                                                  const char            *erp);
GtkWidget          *styr_checklist_row_find      (GtkWidget             *list,
                                                  const char            *item_id);

G_END_DECLS
