/* styr-conflict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-conflict"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-agreement-actions.h"
#include "styr-conflict.h"
#include "styr-work.h"

/* A conflict Styr could not merge by itself is shown to a person field by
 * field: for each field the versions disagree on, they pick the value to
 * keep, and the combination becomes the next revision of the winner while
 * the other versions are closed. The store refuses the resolution if the
 * versions changed meanwhile, so nobody drops a version they did not see.
 */

void
styr_conflict_free (StyrConflict *conflict)
{
  g_free (conflict->id);
  g_strfreev (conflict->revs);
  g_clear_pointer (&conflict->versions, g_ptr_array_unref);
  g_clear_pointer (&conflict->fields, g_ptr_array_unref);
  g_free (conflict);
}

static gboolean
all_equal (GPtrArray  *versions,
           const char *field)
{
  JsonNode *first = json_object_get_member (g_ptr_array_index (versions, 0), field);

  for (guint i = 1; i < versions->len; i++)
    {
      JsonNode *other = json_object_get_member (g_ptr_array_index (versions, i), field);

      if ((first == NULL) != (other == NULL) ||
          (first != NULL && !json_node_equal (first, other)))
        return FALSE;
    }
  return TRUE;
}

/* g_ptr_array_sort() hands out pointers to the elements. */
static int
compare_fields (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * styr_conflict_load:
 * @store: a #StyrStore
 * @id: a document in conflict
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the versions to compare, or %NULL with @error
 *   set, also when @id is no longer in conflict
 */
StyrConflict *
styr_conflict_load (StyrStore   *store,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(StyrConflict) conflict = g_new0 (StyrConflict, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *winner = NULL;
  g_auto(GStrv) losers = NULL;
  g_autoptr(GStrvBuilder) revs = g_strv_builder_new ();
  gboolean conflicted = FALSE;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!styr_store_get_status (store, id, &winner, NULL, &conflicted, error))
    return NULL;
  if (!conflicted)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   _("“%s” has only one version now; someone chose already."), id);
      return NULL;
    }
  losers = styr_store_get_conflicts (store, id, error);
  if (losers == NULL)
    return NULL;

  conflict->id = g_strdup (id);
  conflict->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  conflict->fields = g_ptr_array_new_with_free_func (g_free);

  g_strv_builder_add (revs, winner);
  g_strv_builder_addv (revs, (const char **) losers);
  conflict->revs = g_strv_builder_end (revs);

  for (guint i = 0; conflict->revs[i] != NULL; i++)
    {
      JsonObject *body = styr_store_get_revision (store, id, conflict->revs[i], NULL, error);

      if (body == NULL)
        return NULL;
      g_ptr_array_add (conflict->versions, body);
    }

  for (guint i = 0; i < conflict->versions->len; i++)
    {
      g_autoptr(GList) members = json_object_get_members (g_ptr_array_index (conflict->versions, i));

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_hash_table_contains (seen, l->data))
          {
            g_hash_table_add (seen, l->data);
            if (!all_equal (conflict->versions, l->data))
              g_ptr_array_add (conflict->fields, g_strdup (l->data));
          }
    }
  g_ptr_array_sort (conflict->fields, compare_fields);

  return g_steal_pointer (&conflict);
}

/**
 * styr_conflict_combine:
 * @conflict: a #StyrConflict
 * @choices: (array): for each of @conflict's fields, the version whose
 *   value to keep
 *
 * Returns: (transfer full): the winner's content with the chosen values
 */
JsonObject *
styr_conflict_combine (StyrConflict *conflict,
                       const guint  *choices)
{
  JsonObject *winner;
  JsonObject *body;

  g_return_val_if_fail (conflict != NULL, NULL);
  g_return_val_if_fail (choices != NULL || conflict->fields->len == 0, NULL);

  winner = g_ptr_array_index (conflict->versions, 0);
  body = json_object_new ();
  {
    g_autoptr(GList) members = json_object_get_members (winner);

    for (GList *l = members; l != NULL; l = l->next)
      json_object_set_member (body, l->data,
                              json_node_copy (json_object_get_member (winner, l->data)));
  }

  for (guint f = 0; f < conflict->fields->len; f++)
    {
      const char *field = g_ptr_array_index (conflict->fields, f);
      guint choice = MIN (choices[f], conflict->versions->len - 1);
      JsonNode *value = json_object_get_member (g_ptr_array_index (conflict->versions, choice),
                                                field);

      if (value != NULL)
        json_object_set_member (body, field, json_node_copy (value));
      else if (json_object_has_member (body, field))
        json_object_remove_member (body, field);
    }

  return body;
}

/**
 * styr_conflict_resolve:
 * @conflict: a #StyrConflict
 * @store: the store it was loaded from
 * @body: the content to keep, e.g. from styr_conflict_combine()
 * @author: who chose
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the document has one version now; it replicates like
 *   any edit
 */
gboolean
styr_conflict_resolve (StyrConflict  *conflict,
                       StyrStore     *store,
                       JsonObject    *body,
                       const char    *author,
                       GError       **error)
{
  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  return styr_store_resolve_conflict (store, conflict->id, body, conflict->revs[0],
                                      (const char * const *) conflict->revs + 1, author, NULL,
                                      error);
}

/**
 * styr_conflict_field_label:
 * @type: the document's type
 * @field: one of its fields
 *
 * Returns: the field's name in the user's words
 */
const char *
styr_conflict_field_label (const char *type,
                           const char *field)
{
  if (g_strcmp0 (type, "agreement") == 0)
    return styr_agreement_field_label (field);
  return styr_work_field_label (field);
}

/**
 * styr_conflict_describe_value:
 * @type: the document's type
 * @field: one of its fields
 * @node: (nullable): a version's value of it
 *
 * Returns: (transfer full): the value in the user's words
 */
char *
styr_conflict_describe_value (const char *type,
                              const char *field,
                              JsonNode   *node)
{
  if (node == NULL)
    return g_strdup (_("(empty)"));
  if (g_strcmp0 (type, "agreement") == 0)
    return styr_agreement_describe_value (field, node);
  return styr_work_describe_value (field, node);
}
