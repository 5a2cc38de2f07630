/* styr-task-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-task-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-meeting.h"
#include "styr-meeting-state.h"
#include "styr-task-actions.h"
#include "styr-work.h"

/* What the municipality does with KLIK tasks. KOMBIT's tasks come from
 * the catalogue and keep its fields; the municipality's status, people
 * and notes go to the task's state document. Tasks the municipality adds
 * itself ("local") are its own, and only those can be edited or deleted.
 */

G_DEFINE_QUARK (styr-task-action-error-quark, styr_task_action_error)

static const struct {
  const char *value;
  const char *label;
} labels[] = {
  { "not-started", NC_("task status", "Not started") },
  { "started", NC_("task status", "Started") },
  { "completed", NC_("task status", "Completed") },
  { "mandatory", NC_("task type", "Mandatory") },
  { "recommended", NC_("task type", "Recommended") },
  { "published", NC_("task lifecycle", "Published") },
  { "announced", NC_("task lifecycle", "Announced") },
  { "withdrawal-announced", NC_("task lifecycle", "To be withdrawn") },
  { "withdrawn", NC_("task lifecycle", "Withdrawn") },
};

static const char *
label_of (const char *context,
          const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].value, value) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i].label);

  return value;
}

/**
 * styr_task_status_label:
 * @status: (nullable): a status as stored; %NULL means not started
 *
 * Returns: the status in KLIK's words ("påbegyndt" in Danish)
 */
const char *
styr_task_status_label (const char *status)
{
  return label_of ("task status", status != NULL ? status : "not-started");
}

/**
 * styr_task_kind_label:
 * @kind: (nullable): "mandatory" or "recommended"
 *
 * Returns: (nullable): "Obligatorisk" or "Anbefalet" in Danish; %NULL
 *   when KOMBIT did not say
 */
const char *
styr_task_kind_label (const char *kind)
{
  return kind != NULL ? label_of ("task type", kind) : NULL;
}

/**
 * styr_task_lifecycle_label:
 * @lifecycle: a lifecycle as stored, e.g. "withdrawn"
 *
 * Returns: the lifecycle for the user
 */
const char *
styr_task_lifecycle_label (const char *lifecycle)
{
  return label_of ("task lifecycle", lifecycle);
}

/**
 * styr_task_next_status:
 * @status: (nullable): a status as stored
 *
 * Returns: the status one click moves to: not started → started →
 *   completed → not started
 */
const char *
styr_task_next_status (const char *status)
{
  if (g_strcmp0 (status, "started") == 0)
    return "completed";
  if (g_strcmp0 (status, "completed") == 0)
    return "not-started";
  return "started";
}

/**
 * styr_task_national_ahead:
 * @national: the national counts
 * @status: (nullable): the municipality's own status
 *
 * Returns: how many municipalities are further along than one with
 *   @status, going by KOMBIT's counts
 */
int
styr_task_national_ahead (const StyrNationalStatus *national,
                          const char               *status)
{
  g_return_val_if_fail (national != NULL, 0);

  if (g_strcmp0 (status, "completed") == 0)
    return 0;
  if (g_strcmp0 (status, "started") == 0)
    return national->completed;
  return national->completed + national->started;
}

/**
 * styr_task_set_status:
 * @store: the store
 * @task: the task
 * @seen_state_rev: (nullable): the revision of the task's state the user
 *   saw, %NULL if it had none
 * @status: "not-started", "started" or "completed"
 * @author: who changes it
 * @today: the date a completion is recorded with
 * @new_rev: (out) (optional): the state's new revision
 * @error: return location for a #GError
 *
 * Sets the municipality's own status of @task, as one new revision of
 * its state document, so the change syncs and shows in the audit trail.
 * Whether a blocked task may be completed is the user's call; the caller
 * asks first.
 *
 * Returns: %TRUE if the status was written
 */
gboolean
styr_task_set_status (StyrStore    *store,
                      StyrTask     *task,
                      const char   *seen_state_rev,
                      const char   *status,
                      const char   *author,
                      const GDate  *today,
                      char        **new_rev,
                      GError      **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *state_id = NULL;
  g_autofree char *completed_on = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (STYR_IS_TASK (task), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  state_id = styr_work_state_id (styr_record_get_id (STYR_RECORD (task)));
  json_object_set_string_member (changes, "status", status);
  if (g_str_equal (status, "completed"))
    json_object_set_string_member (changes, "completed_on",
                                   (completed_on = styr_date_to_iso (today)));
  else
    json_object_set_null_member (changes, "completed_on");

  return styr_work_update_state (store, state_id, seen_state_rev, changes, author, new_rev,
                                 error);
}

/* The fields of a task that only a local task may set. */
static const char * const task_fields[] = {
  "project", "code", "title", "kind", "published", "deadline", "depends_on", "notes",
};

typedef struct
{
  const char *id;
  const char *seen_rev;
  JsonObject *fields;
  const char *author;
  char       *new_id;
} SaveLocal;

static gboolean
save_local_in_transaction (StyrStore  *store,
                           gpointer    user_data,
                           GError    **error)
{
  SaveLocal *save = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(StyrRecord) record = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *id = NULL;

  if (save->id != NULL)
    {
      body = styr_store_get (store, save->id, &rev, error);
      if (body == NULL || !styr_work_check_own (body, save->id, error))
        return FALSE;

      if (g_strcmp0 (rev, save->seen_rev) != 0)
        {
          g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                       /* Translators: %s is a task's title or a checklist item's text. */
                       _("“%s” was not saved: someone changed it after you opened it. Look at "
                         "the changes and try again."),
                       json_object_get_string_member_with_default (body, "title", save->id));
          return FALSE;
        }
      id = g_strdup (save->id);
    }
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      body = json_object_new ();
      json_object_set_string_member (body, "type", "task");
      json_object_set_string_member (body, "origin", "local");
      json_object_set_string_member (body, "lifecycle", "published");
      id = g_strconcat ("task:", uuid, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (task_fields); i++)
    {
      JsonNode *value = json_object_get_member (save->fields, task_fields[i]);

      if (value == NULL)
        continue;
      if (JSON_NODE_HOLDS_NULL (value))
        json_object_remove_member (body, task_fields[i]);
      else
        json_object_set_member (body, task_fields[i], json_node_copy (value));
    }

  record = styr_record_new_from_json (id, rev, body, error);
  if (record == NULL ||
      !styr_store_put (store, id, body, rev, save->author, NULL, error))
    return FALSE;

  save->new_id = g_steal_pointer (&id);
  return TRUE;
}

/**
 * styr_task_new_draft:
 * @project: the project the new task goes in
 *
 * A task of the municipality's own that is not in the store: an editor
 * fills it in and styr_task_save_local() makes it, once it has a title.
 *
 * Returns: (transfer full): the draft, without a title, its id
 *   %STYR_TASK_DRAFT_ID
 */
StyrTask *
styr_task_new_draft (const char *project)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_val_if_fail (project != NULL, NULL);

  json_object_set_string_member (body, "type", "task");
  json_object_set_string_member (body, "origin", "local");
  json_object_set_string_member (body, "lifecycle", "published");
  json_object_set_string_member (body, "project", project);
  json_object_set_string_member (body, "title", "");
  return STYR_TASK (styr_record_load (STYR_TASK_DRAFT_ID, NULL, body));
}

/**
 * styr_task_save_local:
 * @store: the store
 * @id: (nullable): the local task to change, or %NULL to add one
 * @seen_rev: (nullable): the revision of @id the user saw
 * @fields: the task's fields to set (project, code, title, kind,
 *   published, deadline, depends_on, notes); a null member removes one
 * @author: who saves
 * @new_id: (out) (optional): the task's id
 * @error: return location for a #GError
 *
 * Adds or changes a task of the municipality's own. KOMBIT's tasks are
 * refused, so editing can never lose what the catalogue says.
 *
 * Returns: %TRUE if the task was written
 */
gboolean
styr_task_save_local (StyrStore   *store,
                      const char  *id,
                      const char  *seen_rev,
                      JsonObject  *fields,
                      const char  *author,
                      char       **new_id,
                      GError     **error)
{
  SaveLocal save = { id, seen_rev, fields, author, NULL };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  ok = styr_store_transaction (store, save_local_in_transaction, &save, error);
  if (ok && new_id != NULL)
    *new_id = g_steal_pointer (&save.new_id);

  g_free (save.new_id);
  return ok;
}

/**
 * styr_task_delete_local:
 * @store: the store
 * @id: a local task
 * @seen_rev: the revision the user saw
 * @author: who deletes it
 * @tombstone: (out) (optional): the deletion's revision, for undo
 * @error: return location for a #GError
 *
 * Moves a task of the municipality's own to the trash. KOMBIT's tasks are
 * refused: when KOMBIT withdraws one, the catalogue says so.
 *
 * Returns: %TRUE if the task was deleted
 */
gboolean
styr_task_delete_local (StyrStore   *store,
                        const char  *id,
                        const char  *seen_rev,
                        const char  *author,
                        char       **tombstone,
                        GError     **error)
{
  return styr_work_delete_own (store, id, seen_rev, author, tombstone, error);
}

