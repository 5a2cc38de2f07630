/* styr-checklist-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-checklist-item.h"

/* StyrChecklistItem: one step of a checklist template, with its due date,
 * the role that owns it, the KLIK task it belongs to and what it depends
 * on. Whether it is done lives in a StyrChecklistItemState.
 */
struct _StyrChecklistItem
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrChecklistItem, styr_checklist_item, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CHECKLIST,
  PROP_POSITION,
  PROP_TEXT,
  PROP_TOPIC,
  PROP_DUE,
  PROP_DUE_APPROX,
  PROP_DATE,
  PROP_KLIK_TASK,
  PROP_OWNER_ROLE,
  PROP_BLOCKS,
  PROP_DEPENDS_ON,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Items such as "attend the meeting for your ERP vendor" offer options,
 * each with a vendor and a time. */
static gboolean
check_options (StyrRecord  *record,
               GError     **error)
{
  JsonObject *body = styr_record_get_body (record);
  JsonArray *options;

  if (!json_object_has_member (body, "options"))
    return TRUE;

  options = styr_record_get_array (record, "options");
  if (options == NULL)
    return styr_record_invalid (record, error, _("options is not a list"));

  for (guint i = 0; i < json_array_get_length (options); i++)
    {
      JsonNode *node = json_array_get_element (options, i);
      JsonObject *option;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return styr_record_invalid (record, error, _("option %u is not an object"), i + 1);

      option = json_node_get_object (node);
      start = styr_parse_datetime (json_object_get_string_member_with_default (option, "start",
                                                                               NULL));
      end = styr_parse_datetime (json_object_get_string_member_with_default (option, "end", NULL));
      if (start == NULL || end == NULL || g_date_time_compare (start, end) >= 0)
        return styr_record_invalid (record, error,
                                    _("option %u needs a start before its end"), i + 1);
    }

  return TRUE;
}

/* An item about one ØiR integration names the using system, the service
 * and how it is carried, e.g. KSD, SF1590_B, "webservice". */
static gboolean
check_integration (StyrRecord  *record,
                   GError     **error)
{
  JsonObject *integration;

  if (!json_object_has_member (styr_record_get_body (record), "integration"))
    return TRUE;

  integration = styr_record_get_object (record, "integration");
  if (integration == NULL ||
      json_object_get_string_member_with_default (integration, "system", NULL) == NULL ||
      json_object_get_string_member_with_default (integration, "service", NULL) == NULL)
    return styr_record_invalid (record, error,
                                _("integration needs a using system and a service"));

  return TRUE;
}

static gboolean
styr_checklist_item_validate (StyrRecord  *record,
                              GError     **error)
{
  return styr_record_check_required (record, "checklist", error) &&
         styr_record_check_required (record, "text", error) &&
         styr_record_check_date (record, "due", error) &&
         styr_record_check_date (record, "date", error) &&
         styr_record_check_strv (record, "depends_on", error) &&
         check_options (record, error) &&
         check_integration (record, error);
}

static void
styr_checklist_item_class_init (StyrChecklistItemClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  record_class->type_name = "checklist-item";
  record_class->validate = styr_checklist_item_validate;

  properties[PROP_CHECKLIST] = g_param_spec_string ("checklist", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, NULL, flags);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  properties[PROP_DUE_APPROX] = g_param_spec_string ("due-approx", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_KLIK_TASK] = g_param_spec_string ("klik-task", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_ROLE] = g_param_spec_string ("owner-role", NULL, NULL, NULL, flags);
  properties[PROP_BLOCKS] = g_param_spec_string ("blocks", NULL, NULL, NULL, flags);
  properties[PROP_DEPENDS_ON] =
    g_param_spec_boxed ("depends-on", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_checklist_item_init (StyrChecklistItem *self)
{
}

const char *
styr_checklist_item_get_checklist (StyrChecklistItem *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "checklist");
}

const char *
styr_checklist_item_get_text (StyrChecklistItem *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "text");
}

int
styr_checklist_item_get_position (StyrChecklistItem *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (self), 0);

  return (int) styr_record_get_int (STYR_RECORD (self), "position", 0);
}

const char *
styr_checklist_item_get_owner_role (StyrChecklistItem *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "owner_role");
}

/**
 * styr_checklist_item_get_due:
 * @self: a #StyrChecklistItem
 * @due: (out): the due date
 *
 * Returns: %TRUE if the item has a due date
 */
gboolean
styr_checklist_item_get_due (StyrChecklistItem *self,
                             GDate             *due)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (self), FALSE);

  return styr_record_get_date (STYR_RECORD (self), "due", due);
}

/**
 * styr_checklist_item_dup_depends_on:
 * @self: a #StyrChecklistItem
 *
 * Returns: (transfer full) (nullable): ids of what must be done first
 */
char **
styr_checklist_item_dup_depends_on (StyrChecklistItem *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (self), NULL);

  return styr_record_dup_strv (STYR_RECORD (self), "depends_on");
}

/**
 * styr_checklist_item_get_integration:
 * @self: a #StyrChecklistItem
 *
 * Returns: (transfer none) (nullable): the ØiR integration the item is
 *   about, with "system", "service" and optionally "name", "version" and
 *   "transport"; %NULL for other items
 */
JsonObject *
styr_checklist_item_get_integration (StyrChecklistItem *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (self), NULL);

  return styr_record_get_object (STYR_RECORD (self), "integration");
}
