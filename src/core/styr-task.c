/* styr-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-task"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-task.h"

/* StyrTask: a KLIK task as KOMBIT publishes it (or a local task the
 * municipality adds): project, code, title, type, dates and how the 98
 * municipalities stand. The municipality's own status lives in a
 * StyrTaskState, so a catalogue update never overwrites it.
 */
struct _StyrTask
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrTask, styr_task, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CODE,
  PROP_TITLE,
  PROP_KIND,
  PROP_PUBLISHED,
  PROP_PUBLISHED_APPROX,
  PROP_DEADLINE,
  PROP_DEADLINE_APPROX,
  PROP_LIFECYCLE,
  PROP_GROUP,
  PROP_KLIK_PROJECT,
  PROP_ORIGIN,
  PROP_DEPENDS_ON,
  PROP_NOTES,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = { "mandatory", "recommended", NULL };
static const char * const lifecycles[] = {
  "published", "announced", "withdrawal-announced", "withdrawn", NULL
};
static const char * const origins[] = { "catalogue", "local", NULL };

static gboolean
check_national (StyrRecord  *record,
                GError     **error)
{
  static const char * const counts[] = { "completed", "started", "not_started" };
  JsonObject *body = styr_record_get_body (record);
  JsonObject *national;
  gint64 total = 0;

  if (!json_object_has_member (body, "national"))
    return TRUE;

  national = styr_record_get_object (record, "national");
  if (national == NULL)
    return styr_record_invalid (record, error, _("national is not an object"));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      JsonNode *count = json_object_get_member (national, counts[i]);

      if (count == NULL || !JSON_NODE_HOLDS_VALUE (count) ||
          json_node_get_value_type (count) != G_TYPE_INT64 || json_node_get_int (count) < 0)
        return styr_record_invalid (record, error,
                                    _("national.%s is missing or not a count"), counts[i]);
      total += json_node_get_int (count);
    }

  if (total != STYR_N_MUNICIPALITIES)
    return styr_record_invalid (record, error,
                                _("the national counts add up to %d, not %d"),
                                (int) MIN (total, G_MAXINT), STYR_N_MUNICIPALITIES);

  if (json_object_has_member (national, "as_of") &&
      !styr_parse_date (json_object_get_string_member_with_default (national, "as_of", NULL),
                        NULL))
    return styr_record_invalid (record, error, _("national.as_of is not a date"));

  return TRUE;
}

static gboolean
styr_task_validate (StyrRecord  *record,
                    GError     **error)
{
  return styr_record_check_required (record, "project", error) &&
         styr_record_check_required (record, "title", error) &&
         styr_record_check_choice (record, "kind", kinds, error) &&
         styr_record_check_choice (record, "lifecycle", lifecycles, error) &&
         styr_record_check_choice (record, "origin", origins, error) &&
         styr_record_check_date (record, "published", error) &&
         styr_record_check_date (record, "deadline", error) &&
         styr_record_check_date_order (record, "published", "deadline", error) &&
         styr_record_check_strv (record, "depends_on", error) &&
         styr_record_check_strv (record, "notes", error) &&
         styr_record_check_strv (record, "styr_notes", error) &&
         check_national (record, error);
}

static void
styr_task_class_init (StyrTaskClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  record_class->type_name = "task";
  record_class->validate = styr_task_validate;

  properties[PROP_PROJECT] = g_param_spec_string ("project", NULL, NULL, NULL, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /* "mandatory" (obligatorisk) or "recommended" (anbefalet). */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED_APPROX] =
    g_param_spec_string ("published-approx", NULL, NULL, NULL, flags);
  properties[PROP_DEADLINE] = g_param_spec_string ("deadline", NULL, NULL, NULL, flags);
  properties[PROP_DEADLINE_APPROX] =
    g_param_spec_string ("deadline-approx", NULL, NULL, NULL, flags);
  properties[PROP_LIFECYCLE] = g_param_spec_string ("lifecycle", NULL, NULL, NULL, flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);
  properties[PROP_KLIK_PROJECT] = g_param_spec_string ("klik-project", NULL, NULL, NULL, flags);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, flags);
  properties[PROP_DEPENDS_ON] =
    g_param_spec_boxed ("depends-on", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTES] = g_param_spec_boxed ("notes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_task_init (StyrTask *self)
{
}

const char *
styr_task_get_project (StyrTask *self)
{
  g_return_val_if_fail (STYR_IS_TASK (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "project");
}

const char *
styr_task_get_title (StyrTask *self)
{
  g_return_val_if_fail (STYR_IS_TASK (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "title");
}

/**
 * styr_task_get_kind:
 * @self: a #StyrTask
 *
 * Returns: (nullable): "mandatory", "recommended", or %NULL when KOMBIT
 *   has not said
 */
const char *
styr_task_get_kind (StyrTask *self)
{
  g_return_val_if_fail (STYR_IS_TASK (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "kind");
}

/**
 * styr_task_get_lifecycle:
 * @self: a #StyrTask
 *
 * Returns: "published" (the default), "announced", "withdrawal-announced"
 *   or "withdrawn"
 */
const char *
styr_task_get_lifecycle (StyrTask *self)
{
  const char *lifecycle;

  g_return_val_if_fail (STYR_IS_TASK (self), NULL);

  lifecycle = styr_record_get_string (STYR_RECORD (self), "lifecycle");
  return lifecycle != NULL ? lifecycle : "published";
}

/**
 * styr_task_get_deadline:
 * @self: a #StyrTask
 * @deadline: (out): the deadline (slutdato)
 *
 * Returns: %TRUE if the task has a deadline
 */
gboolean
styr_task_get_deadline (StyrTask *self,
                        GDate    *deadline)
{
  g_return_val_if_fail (STYR_IS_TASK (self), FALSE);

  return styr_record_get_date (STYR_RECORD (self), "deadline", deadline);
}

/**
 * styr_task_get_national:
 * @self: a #StyrTask
 * @status: (out): the national counts
 *
 * Returns: %TRUE if KOMBIT has published counts for the task
 */
gboolean
styr_task_get_national (StyrTask           *self,
                        StyrNationalStatus *status)
{
  JsonObject *national;

  g_return_val_if_fail (STYR_IS_TASK (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  national = styr_record_get_object (STYR_RECORD (self), "national");
  if (national == NULL)
    return FALSE;

  status->completed = json_object_get_int_member_with_default (national, "completed", 0);
  status->started = json_object_get_int_member_with_default (national, "started", 0);
  status->not_started = json_object_get_int_member_with_default (national, "not_started", 0);
  g_date_clear (&status->as_of, 1);
  styr_parse_date (json_object_get_string_member_with_default (national, "as_of", NULL),
                   &status->as_of);
  return TRUE;
}

/**
 * styr_task_dup_depends_on:
 * @self: a #StyrTask
 *
 * Returns: (transfer full) (nullable): ids of the tasks and checklist
 *   items that must be done first
 */
char **
styr_task_dup_depends_on (StyrTask *self)
{
  g_return_val_if_fail (STYR_IS_TASK (self), NULL);

  return styr_record_dup_strv (STYR_RECORD (self), "depends_on");
}
