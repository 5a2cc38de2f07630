/* styr-work.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-work"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-checklist-item.h"
#include "styr-checklist-item-state.h"
#include "styr-record.h"
#include "styr-rules.h"
#include "styr-task.h"
#include "styr-task-actions.h"
#include "styr-task-state.h"
#include "styr-json.h"
#include "styr-work.h"

/* Work items are KLIK tasks and checklist items. What KOMBIT publishes
 * lives in the catalogue's documents; what the municipality does about
 * it (status, ticks, people, notes) lives in a state document of its own
 * beside it, "task-state:KEY" or "checklist-item-state:KEY", so a newer
 * catalogue and a colleague's tick never touch the same document.
 */

static const struct {
  const char *type;
  const char *state_type;
  const char *link;
} state_types[] = {
  { "task", "task-state", "task" },
  { "checklist-item", "checklist-item-state", "item" },
  { "meeting", "meeting-state", "meeting" },
};

G_DEFINE_QUARK (styr-work-error-quark, styr_work_error)

/**
 * styr_work_is_own:
 * @body: a document
 *
 * The one test of whose a document is: the municipality's own when it
 * added it ("origin": "local"), KOMBIT's when the catalogue brought it.
 *
 * Returns: %TRUE if @body is the municipality's own
 */
gboolean
styr_work_is_own (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, FALSE);

  return g_strcmp0 (styr_json_get_string (body, "origin", NULL), "local") == 0;
}

/**
 * styr_work_record_is_own:
 * @record: a record
 *
 * Returns: %TRUE if @record is the municipality's own, see
 *   styr_work_is_own()
 */
gboolean
styr_work_record_is_own (StyrRecord *record)
{
  g_return_val_if_fail (STYR_IS_RECORD (record), FALSE);

  return styr_work_is_own (styr_record_get_body (record));
}

/**
 * styr_work_same_task:
 * @store: the store
 * @item: a checklist item's document
 *
 * KOMBIT's ØiR checklist repeats some KLIK tasks as items: the catalogue
 * names the task of an item ("klik_task"). An item that is the only one
 * naming its task is the same step as the task (the kick-off, the
 * organisation, the YR mapping): one thing to do, ticked in either place
 * and listed once. Several items naming one task are its parts (the
 * contact persons and the mailbox of task 01), each ticked on its own.
 *
 * Returns: (transfer full) (nullable): the id of the task @item is the
 *   same step as, %NULL if it is none
 */
char *
styr_work_same_task (StyrStore  *store,
                     JsonObject *item)
{
  const char *task = styr_json_get_string (item, "klik_task", NULL);
  g_autofree char *task_id = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonObject) body = NULL;

  if (task == NULL)
    return NULL;

  task_id = g_strconcat ("task:", task, NULL);
  items = styr_store_find_ids (store, "checklist-item", "klik_task", task, NULL, NULL);
  body = items != NULL && items->len == 1 ? styr_store_get (store, task_id, NULL, NULL) : NULL;
  return body != NULL ? g_steal_pointer (&task_id) : NULL;
}

/**
 * styr_work_check_own:
 * @body: a document about to be changed or deleted
 * @id: its id
 * @error: return location for a #GError
 *
 * Refuses to change KOMBIT's tasks and checklist items, saying what the
 * municipality can change of them instead.
 *
 * Returns: %TRUE if @body is the municipality's own
 */
gboolean
styr_work_check_own (JsonObject  *body,
                     const char  *id,
                     GError     **error)
{
  const char *type = styr_json_get_string (body, "type", NULL);

  if (styr_work_is_own (body))
    return TRUE;

  if (g_strcmp0 (type, "checklist-item") == 0)
    g_set_error (error, STYR_WORK_ERROR, STYR_WORK_ERROR_CATALOGUE,
                 /* Translators: %s is a checklist item's text. */
                 _("“%s” comes from KOMBIT’s catalogue, so its text and due date can’t be "
                   "changed or deleted here. Its tick and note are the municipality’s own."),
                 styr_json_get_string (body, "text", id));
  else
    g_set_error (error, STYR_WORK_ERROR, STYR_WORK_ERROR_CATALOGUE,
                 /* Translators: %s is a task's title. */
                 _("“%s” is one of KOMBIT’s KLIK tasks, so its title, deadline and other fields "
                   "come from the catalogue and can’t be changed or deleted here. Its status, "
                   "people and notes are the municipality’s own."),
                 styr_json_get_string (body, "title", id));
  return FALSE;
}

/**
 * styr_work_state_id:
 * @id: the id of a task, checklist item or meeting, e.g. "task:YR-OIR-MAP"
 *
 * Returns: (transfer full) (nullable): the id of the document that holds
 *   the municipality's state of @id, e.g. "task-state:YR-OIR-MAP"
 */
char *
styr_work_state_id (const char *id)
{
  const char *colon;

  g_return_val_if_fail (id != NULL, NULL);

  colon = strchr (id, ':');
  if (colon == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (state_types); i++)
    if (strlen (state_types[i].type) == (gsize) (colon - id) &&
        strncmp (id, state_types[i].type, colon - id) == 0)
      return g_strconcat (state_types[i].state_type, colon, NULL);

  return NULL;
}

/**
 * styr_work_state_type:
 * @type: a document type
 *
 * Returns: (nullable): the type of the documents that keep the
 *   municipality's state of @type's ("task-state" for "task"), or %NULL
 */
const char *
styr_work_state_type (const char *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (state_types); i++)
    if (g_str_equal (state_types[i].type, type))
      return state_types[i].state_type;
  return NULL;
}

/**
 * styr_work_id_of_state:
 * @state_id: a state document's id, "task-state:KEY"
 *
 * Returns: (transfer full) (nullable): the id of the document it is the
 *   state of, "task:KEY", or %NULL if @state_id is no state's
 */
char *
styr_work_id_of_state (const char *state_id)
{
  const char *colon;

  g_return_val_if_fail (state_id != NULL, NULL);

  colon = strchr (state_id, ':');
  if (colon == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (state_types); i++)
    if (strlen (state_types[i].state_type) == (gsize) (colon - state_id) &&
        strncmp (state_id, state_types[i].state_type, colon - state_id) == 0)
      return g_strconcat (state_types[i].type, colon, NULL);
  return NULL;
}

/**
 * styr_work_sync_marks:
 * @store: the store
 * @id: a document id
 * @pending: (out) (optional): whether a change made here to it, or to the
 *   municipality's state of it, waits for the team's server
 * @conflicted: (out) (optional): whether sync left it, or its state, with
 *   two versions to choose between
 *
 * What every list marks a record with, read in one place: the record's
 * own document and its state document count alike.
 */
void
styr_work_sync_marks (StyrStore  *store,
                      const char *id,
                      gboolean   *pending,
                      gboolean   *conflicted)
{
  g_autofree char *state_id = NULL;
  const char *ids[2];
  gboolean is_pending = FALSE;
  gboolean is_conflicted = FALSE;

  g_return_if_fail (STYR_IS_STORE (store));
  g_return_if_fail (id != NULL);

  state_id = styr_work_state_id (id);
  ids[0] = id;
  ids[1] = state_id;
  for (guint i = 0; i < G_N_ELEMENTS (ids) && ids[i] != NULL; i++)
    {
      gboolean two = FALSE;

      if (styr_store_get_status (store, ids[i], NULL, NULL, &two, NULL) && two)
        is_conflicted = TRUE;
      if (styr_store_is_pending (store, ids[i]))
        is_pending = TRUE;
    }

  if (pending != NULL)
    *pending = is_pending;
  if (conflicted != NULL)
    *conflicted = is_conflicted;
}

/**
 * styr_work_read_sync_marks:
 * @store: the store @record is from
 * @record: a record
 *
 * Sets @record's #StyrRecord:pending and #StyrRecord:conflicted as
 * styr_work_sync_marks() reads them, so that a list shows them from the
 * record alone.
 */
void
styr_work_read_sync_marks (StyrStore  *store,
                           StyrRecord *record)
{
  gboolean pending, conflicted;

  g_return_if_fail (STYR_IS_RECORD (record));

  styr_work_sync_marks (store, styr_record_get_id (record), &pending, &conflicted);
  styr_record_set_pending (record, pending);
  styr_record_set_conflicted (record, conflicted);
}

typedef struct
{
  const char  *id;
  const char  *seen_rev;
  JsonObject  *changes;
  const char  *author;
  char        *new_rev;
} Update;

static gboolean
update_in_transaction (StyrStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  Update *update = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(StyrRecord) record = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *rev = NULL;
  const char *colon = strchr (update->id, ':');
  gboolean deleted = FALSE;

  /* Reading inside the transaction keeps a sync from slipping a revision
   * in between the check and the write. */
  body = styr_store_get (store, update->id, &rev, &local_error);
  if (body == NULL)
    {
      if (!g_error_matches (local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* A state nobody wrote yet, or one that was deleted: the new one
       * follows the deletion, which the user saw as no state at all. */
      g_clear_pointer (&rev, g_free);
      styr_store_get_status (store, update->id, &rev, &deleted, NULL, NULL);
      body = json_object_new ();
      for (guint i = 0; i < G_N_ELEMENTS (state_types); i++)
        if (g_str_has_prefix (update->id, state_types[i].state_type) &&
            update->id + strlen (state_types[i].state_type) == colon)
          {
            json_object_set_string_member (body, "type", state_types[i].state_type);
            json_object_set_string_member (body, state_types[i].link, colon + 1);
          }
    }

  if (g_strcmp0 (rev, update->seen_rev) != 0 && !(deleted && update->seen_rev == NULL))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   /* Translators: %s is a record's id, e.g. task-state:YR-OIR-MAP. */
                   _("%s was not saved: someone changed it after you opened it. Look at the "
                     "changes and try again."), update->id);
      return FALSE;
    }

  members = json_object_get_members (update->changes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (update->changes, l->data);

      if (JSON_NODE_HOLDS_NULL (value))
        json_object_remove_member (body, l->data);
      else
        json_object_set_member (body, l->data, json_node_copy (value));
    }

  record = styr_record_new_from_json (update->id, rev, body, error);
  if (record == NULL)
    return FALSE;

  return styr_store_put (store, update->id, body, rev, update->author, &update->new_rev, error);
}

/**
 * styr_work_update_state:
 * @store: the store
 * @id: the id of a state document, e.g. "task-state:YR-OIR-MAP"
 * @seen_rev: (nullable): the revision the user saw; %NULL if there was
 *   no state yet
 * @changes: the fields to set; a null member removes the field
 * @author: who makes the change
 * @new_rev: (out) (optional): the revision written
 * @error: return location for a #GError
 *
 * Changes some fields of the municipality's state of a task, checklist
 * item or meeting, creating the state document if there is none yet, as
 * one new revision. Refuses when the state changed since @seen_rev, and
 * when the result is not a valid record.
 *
 * Returns: %TRUE if the change was written
 */
gboolean
styr_work_update_state (StyrStore   *store,
                        const char  *id,
                        const char  *seen_rev,
                        JsonObject  *changes,
                        const char  *author,
                        char       **new_rev,
                        GError     **error)
{
  Update update = { id, seen_rev, changes, author, NULL };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && strchr (id, ':') != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  ok = styr_store_transaction (store, update_in_transaction, &update, error);
  if (ok && new_rev != NULL)
    *new_rev = g_steal_pointer (&update.new_rev);

  g_free (update.new_rev);
  return ok;
}

/**
 * styr_work_is_done:
 * @store: the store
 * @id: a task or checklist item, e.g. "task:YR-OIR-MAP"
 *
 * Returns: %TRUE if the task is fuldført or the item ticked; %FALSE if
 *   not, or if the store cannot tell
 */
gboolean
styr_work_is_done (StyrStore  *store,
                   const char *id)
{
  g_autofree char *state_id = styr_work_state_id (id);
  g_autoptr(JsonObject) body = NULL;

  if (state_id == NULL)
    return FALSE;

  /* A checklist item that is the same step as a KLIK task is done when
   * the task is, ticked in either place. */
  if (g_str_has_prefix (id, "checklist-item:"))
    {
      g_autoptr(JsonObject) item = styr_store_get (store, id, NULL, NULL);
      g_autofree char *task_id = item != NULL ? styr_work_same_task (store, item) : NULL;

      if (task_id != NULL)
        return styr_work_is_done (store, task_id);
    }

  body = styr_store_get (store, state_id, NULL, NULL);
  return styr_work_state_says_done (id, body);
}

/**
 * styr_work_state_says_done:
 * @id: a task or checklist item
 * @state: (nullable): its state document, %NULL if it has none
 *
 * The rule styr_work_is_done() reads from the store, for a list that holds
 * the states already: a task is done when fuldført, an item when ticked.
 *
 * Returns: whether @state says @id is done
 */
gboolean
styr_work_state_says_done (const char *id,
                           JsonObject *state)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (state == NULL)
    return FALSE;
  if (g_str_has_prefix (id, "task:"))
    return g_strcmp0 (json_object_get_string_member_with_default (state, "status", NULL),
                      "completed") == 0;
  return json_object_get_boolean_member_with_default (state, "done", FALSE);
}

static gboolean
is_done_cb (const char *id,
            gpointer    user_data)
{
  return styr_work_is_done (user_data, id);
}

/**
 * styr_work_blocked_by:
 * @store: the store
 * @depends_on: (nullable) (array zero-terminated=1): what a task or item
 *   depends on
 *
 * Returns: (transfer full): the ids in @depends_on that are not done yet
 */
char **
styr_work_blocked_by (StyrStore          *store,
                      const char * const *depends_on)
{
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  return styr_rules_blocking (depends_on, is_done_cb, store);
}

/**
 * styr_work_title:
 * @store: the store
 * @id: a task or checklist item
 *
 * Returns: (transfer full): how to name @id to the user: a task's code
 *   and title or an item's text; @id itself if the store lacks it
 */
char *
styr_work_title (StyrStore  *store,
                 const char *id)
{
  g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, NULL);
  const char *code;
  const char *title;

  if (body == NULL)
    return g_strdup (id);

  code = json_object_get_string_member_with_default (body, "code", NULL);
  title = json_object_get_string_member_with_default (body, "title", NULL);
  if (title == NULL)
    title = json_object_get_string_member_with_default (body, "text", id);

  if (code != NULL && code[0] != '\0' && !g_str_has_prefix (title, code))
    return g_strdup_printf ("%s %s", code, title);

  return g_strdup (title);
}

/**
 * styr_work_describe_due:
 * @due: a valid date
 * @today: a valid date
 * @done: whether the work is done
 *
 * Returns: (transfer full): "3 days left", "due today", "2 days overdue",
 *   or %NULL when @done, since then the countdown no longer matters
 */
char *
styr_work_describe_due (const GDate *due,
                        const GDate *today,
                        gboolean     done)
{
  int days;

  if (done)
    return NULL;

  days = styr_rules_days_left (due, today);
  if (days == 0)
    return g_strdup (_("due today"));

  if (days > 0)
    /* Translators: the time until a deadline. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                            days);

  /* Translators: the time since a missed deadline. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                       -days), -days);
}

static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "task", N_("KLIK task") },
  { "item", N_("Item") },
  { "status", N_("Status") },
  { "responsible", N_("Responsible") },
  { "doer", N_("Doer") },
  { "role", N_("Role") },
  { "notes", N_("Notes") },
  { "note", N_("Note") },
  { "completed_on", N_("Completed on") },
  { "done", N_("Done") },
  { "done_by", N_("Done by") },
  { "done_on", N_("Done on") },
  { "project", N_("Project") },
  { "code", N_("Code") },
  { "title", N_("Title") },
  { "kind", N_("Type") },
  { "published", N_("Published") },
  { "deadline", N_("Deadline") },
  { "depends_on", N_("Depends on") },
  { "lifecycle", N_("At KOMBIT") },
  { "due", N_("Due") },
  { "text", N_("Text") },
};

/**
 * styr_work_field_label:
 * @field: a field of a task, checklist item or their state
 *
 * Returns: the field's name for the user, for the audit trail
 */
const char *
styr_work_field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);

  return field;
}

/**
 * styr_work_describe_value:
 * @field: a field of a task, checklist item or their state
 * @node: (nullable): its value, %NULL when it is not there
 *
 * Returns: (transfer full): the value in words: statuses in KLIK's words,
 *   dates day first, lists joined
 */
char *
styr_work_describe_value (const char *field,
                          JsonNode   *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("–");

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_str_equal (field, "status"))
        return g_strdup (styr_task_status_label (text));
      if (g_str_equal (field, "kind"))
        return g_strdup (styr_task_kind_label (text));
      if (g_str_equal (field, "lifecycle"))
        return g_strdup (styr_task_lifecycle_label (text));
      if (styr_parse_date (text, NULL))
        return styr_date_to_user (text);
      return g_strdup (text);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = styr_work_describe_value (field,
                                                            json_array_get_element (array, i));

          g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", item);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return json_to_string (node, FALSE);
}

/**
 * styr_work_delete_own:
 * @store: the store
 * @id: a document of the municipality's own
 * @seen_rev: the revision the user saw
 * @author: who deletes it
 * @tombstone: (out) (optional): the deletion's revision, for undo
 * @error: return location for a #GError
 *
 * Moves a task or checklist item the municipality added to the trash;
 * what KOMBIT's catalogue brought is refused (styr_work_check_own()).
 *
 * Returns: %TRUE if the document was deleted
 */
gboolean
styr_work_delete_own (StyrStore         *store,
                      const char        *id,
                      const char        *seen_rev,
                      const char        *author,
                      char             **tombstone,
                      GError           **error)
{
  g_autoptr(JsonObject) body = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  body = styr_store_get (store, id, NULL, error);
  if (body == NULL || !styr_work_check_own (body, id, error))
    return FALSE;

  return styr_store_delete (store, id, seen_rev, author, tombstone, error);
}
