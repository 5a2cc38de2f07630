/* styr-checklist-item-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist-item-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-checklist-item-state.h"

/* StyrChecklistItemState: What the municipality owns of a checklist item:
 * whether it is done, by whom and when, and a note. Its fields are
 * properties backed by the document (see StyrRecord).
 */
struct _StyrChecklistItemState
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrChecklistItemState, styr_checklist_item_state, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_DONE,
  PROP_DONE_BY,
  PROP_DONE_ON,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
styr_checklist_item_state_validate (StyrRecord  *record,
                                    GError     **error)
{
  return styr_record_check_required (record, "item", error) &&
         styr_record_check_date (record, "done_on", error);
}

static void
styr_checklist_item_state_class_init (StyrChecklistItemStateClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "checklist-item-state";
  record_class->validate = styr_checklist_item_state_validate;

  properties[PROP_ITEM] =
    g_param_spec_string ("item", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DONE_BY] =
    g_param_spec_string ("done-by", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DONE_ON] =
    g_param_spec_string ("done-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_checklist_item_state_init (StyrChecklistItemState *self)
{
}

const char *
styr_checklist_item_state_get_item (StyrChecklistItemState *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM_STATE (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "item");
}

gboolean
styr_checklist_item_state_get_done (StyrChecklistItemState *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM_STATE (self), FALSE);

  return styr_record_get_boolean (STYR_RECORD (self), "done", FALSE);
}
