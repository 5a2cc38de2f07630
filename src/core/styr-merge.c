/* styr-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-merge"

#include "config.h"

#include "styr-merge.h"

/* Two people who changed different fields of the same record while apart
 * have not disagreed: their versions are merged against the newest
 * revision both descend from, when the store still holds its content.
 * Anything else (the same field changed to different values, a deletion,
 * more than two versions, an ancestor known by name only) stays a
 * conflict for a person to resolve.
 *
 * The merge is an ordinary resolution, so its revision id depends only on
 * the versions and the merged content: two desktops that merge the same
 * conflict reach the same revision and do not conflict again.
 */

static char *
common_ancestor (StyrStore   *store,
                 const char  *id,
                 const char  *a,
                 const char  *b,
                 GError     **error)
{
  g_auto(GStrv) ancestry_a = styr_store_get_ancestry (store, id, a, error);
  g_auto(GStrv) ancestry_b = NULL;

  if (ancestry_a == NULL)
    return NULL;
  ancestry_b = styr_store_get_ancestry (store, id, b, error);
  if (ancestry_b == NULL)
    return NULL;

  /* Both lists are newest first, so the first of a that b shares is the
   * newest common ancestor. */
  for (guint i = 0; ancestry_a[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) ancestry_b, ancestry_a[i]))
      return g_strdup (ancestry_a[i]);
  return NULL;
}

static gboolean
same (JsonObject *a,
      JsonObject *b,
      const char *field)
{
  JsonNode *x = json_object_get_member (a, field);
  JsonNode *y = json_object_get_member (b, field);

  if (x == NULL || y == NULL)
    return x == y;
  return json_node_equal (x, y);
}

static void
add_fields (GHashTable *fields,
            JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (fields, l->data);
}

/* The merge of @winner and @loser against @base, or %NULL when they
 * changed a field differently. */
static JsonObject *
merge (JsonObject *base,
       JsonObject *winner,
       JsonObject *loser)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonObject) merged = json_object_new ();
  GHashTableIter iter;
  gpointer field;

  add_fields (fields, base);
  add_fields (fields, winner);
  add_fields (fields, loser);

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &field, NULL))
    {
      gboolean winner_changed = !same (base, winner, field);
      gboolean loser_changed = !same (base, loser, field);
      JsonObject *from;

      if (winner_changed && loser_changed && !same (winner, loser, field))
        return NULL;

      from = loser_changed ? loser : winner;
      if (json_object_has_member (from, field))
        json_object_set_member (merged, field,
                                json_node_copy (json_object_get_member (from, field)));
    }

  return g_steal_pointer (&merged);
}

/**
 * styr_merge_conflict:
 * @store: a #StyrStore
 * @id: a document that may be in conflict
 * @merged: (out) (optional): whether the conflict was merged
 * @error: return location for a #GError
 *
 * Merges a conflict of two versions that changed different fields, and
 * records the merge in the audit trail under %STYR_AUTHOR_AUTOMATIC_MERGE.
 * A conflict it cannot merge is left as it is, without an error.
 *
 * Returns: %FALSE with @error set only if the store failed
 */
gboolean
styr_merge_conflict (StyrStore   *store,
                     const char  *id,
                     gboolean    *merged,
                     GError     **error)
{
  g_autofree char *winner_rev = NULL;
  g_autofree char *base_rev = NULL;
  g_auto(GStrv) losers = NULL;
  g_autoptr(JsonObject) winner = NULL;
  g_autoptr(JsonObject) loser = NULL;
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean deleted = FALSE;
  gboolean conflicted = FALSE;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (merged != NULL)
    *merged = FALSE;

  if (!styr_store_get_status (store, id, &winner_rev, &deleted, &conflicted, error))
    return FALSE;
  if (!conflicted || deleted)
    return TRUE;

  losers = styr_store_get_conflicts (store, id, error);
  if (losers == NULL)
    return FALSE;
  if (g_strv_length (losers) != 1)
    return TRUE;

  base_rev = common_ancestor (store, id, winner_rev, losers[0], &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (base_rev == NULL)
    return TRUE;

  /* A revision the store knows by name only has no content to compare. */
  winner = styr_store_get_revision (store, id, winner_rev, NULL, error);
  if (winner == NULL)
    return FALSE;
  loser = styr_store_get_revision (store, id, losers[0], NULL, &local_error);
  base = loser != NULL ? styr_store_get_revision (store, id, base_rev, NULL, &local_error) : NULL;
  if (loser == NULL || base == NULL)
    return TRUE;

  result = merge (base, winner, loser);
  if (result == NULL)
    return TRUE;

  if (!styr_store_resolve_conflict (store, id, result, winner_rev,
                                    (const char * const *) losers,
                                    STYR_AUTHOR_AUTOMATIC_MERGE, NULL, error))
    return FALSE;

  if (merged != NULL)
    *merged = TRUE;
  return TRUE;
}
