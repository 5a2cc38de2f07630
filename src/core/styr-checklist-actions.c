/* styr-checklist-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-assignment.h"
#include "styr-checklist-actions.h"
#include "styr-checklist-item-state.h"
#include "styr-json.h"
#include "styr-meeting.h"
#include "styr-person.h"
#include "styr-rules.h"
#include "styr-task-actions.h"
#include "styr-work.h"

/* The ØiR checklists: the catalogue's templates, the municipality's ticks
 * (in state documents of their own, so a newer template never touches
 * them), the municipality's own checklists and items, and the changes a
 * newer catalogue made to a template, kept until the user has seen them.
 */

#define TEMPLATE_CHANGES_PREFIX "template-changes:"

static const char * const erp_systems[] = {
  "KMD OPUS", "EG ØS Indsigt", "Fujitsu Prisme", NULL
};

void
styr_template_change_free (StyrTemplateChange *change)
{
  g_free (change->item);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static StyrTask *
load_task (StyrStore  *store,
           const char *id,
           StyrRecord **state)
{
  g_autofree char *rev = NULL;
  g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, NULL);
  g_autoptr(StyrRecord) task = body != NULL ? styr_record_load (id, NULL, body) : NULL;
  g_autofree char *state_id = styr_work_state_id (id);
  g_autoptr(JsonObject) state_body = styr_store_get (store, state_id, &rev, NULL);

  *state = state_body != NULL ? styr_record_load (state_id, rev, state_body) : NULL;
  if (*state != NULL && !STYR_IS_TASK_STATE (*state))
    g_clear_object (state);
  return task != NULL && STYR_IS_TASK (task) ? STYR_TASK (g_steal_pointer (&task)) : NULL;
}

/**
 * styr_checklist_item_is_overdue:
 * @store: the store
 * @item: a checklist item
 * @state: (nullable): its own state
 * @today: a valid date
 *
 * Returns: %TRUE if @item is past its due date and not done; an item
 *   that mirrors a KLIK task is late as the task is
 */
gboolean
styr_checklist_item_is_overdue (StyrStore              *store,
                                StyrChecklistItem      *item,
                                StyrChecklistItemState *state,
                                const GDate            *today)
{
  g_autofree char *task_id = styr_work_same_task (store, styr_record_get_body (STYR_RECORD (item)));
  g_autoptr(StyrRecord) task_state = NULL;
  g_autoptr(StyrTask) task = task_id != NULL ? load_task (store, task_id, &task_state) : NULL;

  if (task != NULL)
    return styr_rules_task_overdue (task, task_state != NULL ? STYR_TASK_STATE (task_state) : NULL,
                                    today);
  return styr_rules_checklist_item_overdue (item, state, today);
}

/**
 * styr_checklist_item_set_done:
 * @store: the store
 * @item: the item
 * @seen_state_rev: (nullable): the revision of the item's state the user
 *   saw, %NULL if it had none
 * @done: ticked or not
 * @author: who ticks it, recorded as done by
 * @today: the date recorded as done on
 * @new_rev: (out) (optional): the state's new revision
 * @error: return location for a #GError
 *
 * Ticks or unticks an item, as one new revision of its state document.
 *
 * Returns: %TRUE if the tick was written
 */
gboolean
styr_checklist_item_set_done (StyrStore          *store,
                              StyrChecklistItem  *item,
                              const char         *seen_state_rev,
                              gboolean            done,
                              const char         *author,
                              const GDate        *today,
                              char              **new_rev,
                              GError            **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *state_id = NULL;
  g_autofree char *done_on = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (item), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  /* The tick of an item that mirrors a KLIK task is the task's status. */
  {
    g_autofree char *task_id = styr_work_same_task (store, styr_record_get_body (STYR_RECORD (item)));
    g_autoptr(StyrRecord) task_state = NULL;
    g_autoptr(StyrTask) task = task_id != NULL ? load_task (store, task_id, &task_state) : NULL;

    if (task != NULL)
      return styr_task_set_status (store, task,
                                   task_state != NULL ? styr_record_get_rev (task_state) : NULL,
                                   done ? "completed" : "started", author, today, new_rev, error);
  }

  state_id = styr_work_state_id (styr_record_get_id (STYR_RECORD (item)));
  json_object_set_boolean_member (changes, "done", done);
  if (done)
    {
      json_object_set_string_member (changes, "done_on", (done_on = styr_date_to_iso (today)));
      if (author != NULL)
        json_object_set_string_member (changes, "done_by", author);
    }
  else
    {
      json_object_set_null_member (changes, "done_on");
      json_object_set_null_member (changes, "done_by");
    }

  return styr_work_update_state (store, state_id, seen_state_rev, changes, author, new_rev,
                                 error);
}

/**
 * styr_checklist_item_load_state:
 * @store: the store
 * @item_id: a checklist item's id
 *
 * Returns: (transfer full) (nullable): the municipality's tick and note
 *   on the item, or %NULL if it has none
 */
StyrChecklistItemState *
styr_checklist_item_load_state (StyrStore  *store,
                                const char *item_id)
{
  g_autofree char *state_id = styr_work_state_id (item_id);
  g_autofree char *rev = NULL;
  g_autoptr(JsonObject) body = styr_store_get (store, state_id, &rev, NULL);
  StyrRecord *state = body != NULL ? styr_record_load (state_id, rev, body) : NULL;

  if (state != NULL && !STYR_IS_CHECKLIST_ITEM_STATE (state))
    g_clear_object (&state);
  return (StyrChecklistItemState *) state;
}

static int
compare_checklists (gconstpointer a,
                    gconstpointer b)
{
  StyrRecord *x = *(StyrRecord **) a;
  StyrRecord *y = *(StyrRecord **) b;
  gint64 px = styr_record_get_int (x, "styr_position", G_MAXINT);
  gint64 py = styr_record_get_int (y, "styr_position", G_MAXINT);

  if (px != py)
    return px < py ? -1 : 1;
  return g_utf8_collate (styr_record_get_string (x, "title") ?: "",
                         styr_record_get_string (y, "title") ?: "");
}

/**
 * styr_checklist_list_ticked:
 * @store: the store
 * @shown_with: (nullable): %NULL for the ØiR checklists and the
 *   municipality's own, or the page the catalogue shows a checklist with
 *   ("styr_shown_with", e.g. "agreements" for Pejlemærke 3)
 * @error: return location for a #GError
 *
 * The checklists whose items the municipality ticks, on their page and
 * in the summary alike, in the catalogue's order ("styr_position", which
 * Styr adds to KOMBIT's checklists), then by title. One the catalogue
 * asks per agreement ("styr_asked_per", the five questions before an
 * agreement is approved) is answered on each agreement, not ticked.
 *
 * Returns: (transfer full) (element-type StyrChecklist): the checklists,
 *   or %NULL with @error set
 */
GPtrArray *
styr_checklist_list_ticked (StyrStore   *store,
                            const char  *shown_with,
                            GError     **error)
{
  GPtrArray *checklists = styr_record_load_all (store, "checklist", NULL, error);

  if (checklists == NULL)
    return NULL;

  for (guint i = checklists->len; i > 0; i--)
    {
      StyrRecord *checklist = g_ptr_array_index (checklists, i - 1);

      if (styr_record_get_string (checklist, "styr_asked_per") != NULL ||
          g_strcmp0 (styr_record_get_string (checklist, "styr_shown_with"), shown_with) != 0)
        g_ptr_array_remove_index (checklists, i - 1);
    }
  g_ptr_array_sort (checklists, compare_checklists);
  return checklists;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  StyrChecklistItem *item_a = *(StyrChecklistItem **) a;
  StyrChecklistItem *item_b = *(StyrChecklistItem **) b;
  int pa = styr_checklist_item_get_position (item_a);
  int pb = styr_checklist_item_get_position (item_b);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return g_strcmp0 (styr_record_get_id (STYR_RECORD (item_a)),
                    styr_record_get_id (STYR_RECORD (item_b)));
}

/**
 * styr_checklist_list_items:
 * @store: the store
 * @checklist_key: the checklist's key, e.g. "CL-OIR-BASIS"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type StyrChecklistItem): the items in
 *   their order, or %NULL with @error set
 */
GPtrArray *
styr_checklist_list_items (StyrStore   *store,
                           const char  *checklist_key,
                           GError     **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  GPtrArray *items;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (checklist_key != NULL, NULL);

  ids = styr_store_find_ids (store, "checklist-item", "checklist", checklist_key, NULL, error);
  if (ids == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *rev = NULL;
      g_autoptr(JsonObject) body = styr_store_get (store, id, &rev, NULL);
      StyrRecord *record = body != NULL ? styr_record_load (id, rev, body) : NULL;

      if (record != NULL && STYR_IS_CHECKLIST_ITEM (record))
        g_ptr_array_add (items, record);
      else
        g_clear_object (&record);
    }

  g_ptr_array_sort (items, compare_position);
  return items;
}

/**
 * styr_checklist_progress:
 * @store: the store
 * @checklist_key: the checklist's key
 * @done: (out): the items ticked
 * @total: (out): all its items
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
styr_checklist_progress (StyrStore   *store,
                         const char  *checklist_key,
                         guint       *done,
                         guint       *total,
                         GError     **error)
{
  g_autoptr(GPtrArray) items = styr_checklist_list_items (store, checklist_key, error);

  if (items == NULL)
    return FALSE;

  *done = 0;
  *total = items->len;
  for (guint i = 0; i < items->len; i++)
    if (styr_work_is_done (store, styr_record_get_id (g_ptr_array_index (items, i))))
      (*done)++;

  return TRUE;
}

/**
 * styr_checklist_save_local:
 * @store: the store
 * @title: the new checklist's title
 * @author: who adds it
 * @new_id: (out) (optional): its id
 * @error: return location for a #GError
 *
 * Adds a checklist of the municipality's own.
 *
 * Returns: %TRUE if it was written
 */
gboolean
styr_checklist_save_local (StyrStore   *store,
                           const char  *title,
                           const char  *author,
                           char       **new_id,
                           GError     **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(StyrRecord) record = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("checklist:", uuid, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (title != NULL ? title : ""));

  json_object_set_string_member (body, "type", "checklist");
  json_object_set_string_member (body, "title", stripped);
  json_object_set_string_member (body, "origin", "local");

  record = styr_record_new_from_json (id, NULL, body, error);
  if (record == NULL || !styr_store_put (store, id, body, NULL, author, NULL, error))
    return FALSE;

  if (new_id != NULL)
    *new_id = g_steal_pointer (&id);
  return TRUE;
}

/**
 * styr_checklist_add_item:
 * @store: the store
 * @checklist_key: the checklist to add to
 * @fields: the item's fields: text, and optionally due, owner_role,
 *   depends_on
 * @author: who adds it
 * @new_id: (out) (optional): the item's id
 * @error: return location for a #GError
 *
 * Adds an item of the municipality's own at the end of a checklist, a
 * catalogue checklist or an own one.
 *
 * Returns: %TRUE if it was written
 */
gboolean
styr_checklist_add_item (StyrStore   *store,
                         const char  *checklist_key,
                         JsonObject  *fields,
                         const char  *author,
                         char       **new_id,
                         GError     **error)
{
  static const char * const allowed[] = { "text", "due", "owner_role", "depends_on" };
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(StyrRecord) record = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("checklist-item:", uuid, NULL);
  int position = 0;

  items = styr_checklist_list_items (store, checklist_key, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    position = MAX (position, styr_checklist_item_get_position (g_ptr_array_index (items, i)));

  json_object_set_string_member (body, "type", "checklist-item");
  json_object_set_string_member (body, "checklist", checklist_key);
  json_object_set_int_member (body, "position", position + 1);
  json_object_set_string_member (body, "origin", "local");
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      JsonNode *value = json_object_get_member (fields, allowed[i]);

      if (value != NULL && !JSON_NODE_HOLDS_NULL (value))
        json_object_set_member (body, allowed[i], json_node_copy (value));
    }

  record = styr_record_new_from_json (id, NULL, body, error);
  if (record == NULL || !styr_store_put (store, id, body, NULL, author, NULL, error))
    return FALSE;

  if (new_id != NULL)
    *new_id = g_steal_pointer (&id);
  return TRUE;
}

typedef struct
{
  const char *id;
  const char *seen_rev;
  JsonObject *fields;
  const char *author;
} UpdateItem;

static gboolean
update_item_in_transaction (StyrStore  *store,
                            gpointer    user_data,
                            GError    **error)
{
  static const char * const editable[] = { "text", "due" };
  UpdateItem *update = user_data;
  g_autofree char *rev = NULL;
  g_autoptr(JsonObject) body = styr_store_get (store, update->id, &rev, error);
  g_autoptr(StyrRecord) record = NULL;
  const char *text;

  if (body == NULL || !styr_work_check_own (body, update->id, error))
    return FALSE;
  if (g_strcmp0 (rev, update->seen_rev) != 0)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   /* Translators: %s is a task's title or a checklist item's text. */
                   _("“%s” was not saved: someone changed it after you opened it. Look at "
                     "the changes and try again."),
                   json_object_get_string_member_with_default (body, "text", update->id));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
    {
      JsonNode *value = json_object_get_member (update->fields, editable[i]);

      if (value == NULL)
        continue;
      if (JSON_NODE_HOLDS_NULL (value))
        json_object_remove_member (body, editable[i]);
      else
        json_object_set_member (body, editable[i], json_node_copy (value));
    }

  text = json_object_get_string_member_with_default (body, "text", "");
  if (text[0] == '\0')
    {
      g_set_error_literal (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                           _("The item was not saved: it needs a text."));
      return FALSE;
    }

  record = styr_record_new_from_json (update->id, rev, body, error);
  return record != NULL && styr_store_put (store, update->id, body, rev, update->author, NULL,
                                           error);
}

/**
 * styr_checklist_update_item:
 * @store: the store
 * @id: an item of the municipality's own
 * @seen_rev: the revision the user saw
 * @fields: the fields to change, text and due; a null member removes one
 * @author: who changes it
 * @error: return location for a #GError
 *
 * Changes the text or due date of an item the municipality added. KOMBIT's
 * items are refused, and so is a change to an item someone else changed
 * since @seen_rev.
 *
 * Returns: %TRUE if the item was written
 */
gboolean
styr_checklist_update_item (StyrStore   *store,
                            const char  *id,
                            const char  *seen_rev,
                            JsonObject  *fields,
                            const char  *author,
                            GError     **error)
{
  UpdateItem update = { id, seen_rev, fields, author };

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && fields != NULL, FALSE);

  return styr_store_transaction (store, update_item_in_transaction, &update, error);
}

/**
 * styr_checklist_delete_item:
 * @store: the store
 * @id: an item of the municipality's own
 * @seen_rev: the revision the user saw
 * @author: who deletes it
 * @tombstone: (out) (optional): the deletion's revision, for undo
 * @error: return location for a #GError
 *
 * Moves an item the municipality added to the trash; KOMBIT's items are
 * refused.
 *
 * Returns: %TRUE if the item was deleted
 */
gboolean
styr_checklist_delete_item (StyrStore   *store,
                            const char  *id,
                            const char  *seen_rev,
                            const char  *author,
                            char       **tombstone,
                            GError     **error)
{
  return styr_work_delete_own (store, id, seen_rev, author, tombstone, error);
}

static char *
setting_key (const char *checklist_key)
{
  return g_strconcat (TEMPLATE_CHANGES_PREFIX, checklist_key, NULL);
}

/**
 * styr_checklist_template_changes:
 * @store: the store
 * @checklist_key: the checklist's key
 * @error: return location for a #GError
 *
 * Lists what newer catalogues changed in a checklist's template since the
 * user last dismissed the list: items added and items re-worded.
 *
 * Returns: (transfer full) (element-type StyrTemplateChange): the
 *   changes, oldest first, or %NULL with @error set
 */
GPtrArray *
styr_checklist_template_changes (StyrStore   *store,
                                 const char  *checklist_key,
                                 GError     **error)
{
  g_autofree char *key = setting_key (checklist_key);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_template_change_free);
  JsonArray *array;

  text = styr_store_get_setting (store, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_ptr_array_unref (changes);
      return NULL;
    }

  if (text == NULL)
    return changes;

  /* The setting is the app's own; an unreadable one lists nothing rather
   * than keeping the page from opening. */
  root = styr_json_parse (text, -1, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return changes;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      StyrTemplateChange *change;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      change = g_new0 (StyrTemplateChange, 1);
      change->item = g_strdup (json_object_get_string_member_with_default (object, "item", ""));
      change->before = g_strdup (json_object_get_string_member_with_default (object, "before",
                                                                             NULL));
      change->after = g_strdup (json_object_get_string_member_with_default (object, "after", ""));
      g_ptr_array_add (changes, change);
    }

  return changes;
}

/**
 * styr_checklist_record_template_changes:
 * @store: the store, inside the import's transaction
 * @checklist_key: the checklist
 * @new_changes: the changes this import made
 * @error: return location for a #GError
 *
 * Adds an import's changes to those the user has not dismissed yet.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_checklist_record_template_changes (StyrStore   *store,
                                        const char  *checklist_key,
                                        JsonArray   *new_changes,
                                        GError     **error)
{
  g_autofree char *key = setting_key (checklist_key);
  g_autofree char *text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;

  text = styr_store_get_setting (store, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (text != NULL)
    root = styr_json_parse (text, -1, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_clear_pointer (&root, json_node_unref);
      root = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (root, json_array_new ());
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (new_changes); i++)
    json_array_add_element (array, json_node_copy (json_array_get_element (new_changes, i)));

  new_text = json_to_string (root, FALSE);
  return styr_store_set_setting (store, key, new_text, error);
}

/**
 * styr_checklist_dismiss_template_changes:
 * @store: the store
 * @checklist_key: the checklist
 * @error: return location for a #GError
 *
 * Forgets the changes listed for a checklist once the user has seen them.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_checklist_dismiss_template_changes (StyrStore   *store,
                                         const char  *checklist_key,
                                         GError     **error)
{
  g_autofree char *key = setting_key (checklist_key);

  return styr_store_set_setting (store, key, "[]", error);
}

/**
 * styr_role_holder_name:
 * @store: the store
 * @role_key: a role's key, e.g. "KOMBIT-PROGRAMLEDER"
 * @today: a valid date
 *
 * Returns: (transfer full) (nullable): the name of the active person who
 *   holds @role_key on @today, %NULL if nobody does
 */
char *
styr_role_holder_name (StyrStore   *store,
                       const char  *role_key,
                       const GDate *today)
{
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  StyrAssignment *current = NULL;
  StyrRuleThresholds thresholds;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (role_key != NULL, NULL);

  /* Held as the Roles page has it held; only who holds it matters here,
   * not the limits. */
  styr_rule_thresholds_init (&thresholds);
  if ((assignments = styr_record_load_all (store, "assignment", NULL, NULL)) == NULL ||
      (persons = styr_record_load_all (store, "person", NULL, NULL)) == NULL)
    return NULL;
  styr_rules_role_coverage (role_key, assignments, persons, today, &thresholds, &current);
  if (current == NULL)
    return NULL;

  for (guint i = 0; i < persons->len; i++)
    if (g_strcmp0 (styr_record_get_id (g_ptr_array_index (persons, i)),
                   styr_assignment_get_holder (current)) == 0)
      return g_strdup (styr_person_get_name (g_ptr_array_index (persons, i)));

  return NULL;
}

/**
 * styr_erp_systems:
 *
 * Returns: (transfer none): the ERP systems KOMBIT holds vendor meetings
 *   for; a municipality may have another
 */
const char * const *
styr_erp_systems (void)
{
  return erp_systems;
}

/**
 * styr_erp_meeting_id:
 * @store: the store
 * @erp: the municipality's ERP system, e.g. "KMD OPUS"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the id of the ERP-vendor meeting
 *   for @erp; %NULL with @error unset if there is none
 */
char *
styr_erp_meeting_id (StyrStore   *store,
                     const char  *erp,
                     GError     **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  if (erp == NULL || erp[0] == '\0')
    return NULL;

  ids = styr_store_find_ids (store, "meeting", "erp", erp, NULL, error);
  if (ids == NULL || ids->len == 0)
    return NULL;

  return g_strdup (g_ptr_array_index (ids, 0));
}
