/* styr-store-queries.c: lookups by field, search texts and distinct values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "styr-store-private.h"
#include "styr-text.h"

typedef struct
{
  const char *type;
  const char *field;
  const char *sql;
} IndexedQuery;

/* Lookups that have an index of their own (migration 2). The SQL names the
 * field literally so that SQLite can use the partial expression index. */
static const IndexedQuery indexed_lookups[] = {
  { "task-state", "task",
    "SELECT id FROM documents WHERE type = 'task-state' AND deleted = 0 "
    "AND json_extract (body, '$.task') = ?1" },
  { "checklist-item-state", "item",
    "SELECT id FROM documents WHERE type = 'checklist-item-state' AND deleted = 0 "
    "AND json_extract (body, '$.item') = ?1" },
  { "meeting-state", "meeting",
    "SELECT id FROM documents WHERE type = 'meeting-state' AND deleted = 0 "
    "AND json_extract (body, '$.meeting') = ?1" },
  { "checklist-item", "checklist",
    "SELECT id FROM documents WHERE type = 'checklist-item' AND deleted = 0 "
    "AND json_extract (body, '$.checklist') = ?1" },
  { "assignment", "role",
    "SELECT id FROM documents WHERE type = 'assignment' AND deleted = 0 "
    "AND json_extract (body, '$.role') = ?1" },
  { "assignment", "holder",
    "SELECT id FROM documents WHERE type = 'assignment' AND deleted = 0 "
    "AND json_extract (body, '$.holder') = ?1" },
  { "task", "project",
    "SELECT id FROM documents INDEXED BY documents_task_project "
    "WHERE type = 'task' AND deleted = 0 AND json_extract (body, '$.project') = ?1" },
};

/* Sorts and value lists with an index of their own (migration 3). As
 * above, the SQL must repeat the index's terms literally, and INDEXED BY
 * keeps SQLite from preferring the type index before ANALYZE has run. */
static const IndexedQuery indexed_sorts[] = {
  { "agreement", "using_system",
    "SELECT id FROM documents INDEXED BY documents_agreement_using_system "
    "WHERE type = 'agreement' AND deleted = 0 "
    "ORDER BY json_extract (body, '$.using_system') COLLATE NOCASE, id" },
};

static const IndexedQuery indexed_values[] = {
  { "agreement", "supplier",
    "SELECT DISTINCT json_extract (body, '$.supplier') AS value "
    "FROM documents INDEXED BY documents_agreement_supplier "
    "WHERE type = 'agreement' AND deleted = 0 AND json_type (body, '$.supplier') = 'text' "
    "ORDER BY value COLLATE NOCASE" },
  { "task", "project",
    "SELECT DISTINCT json_extract (body, '$.project') AS value "
    "FROM documents INDEXED BY documents_task_project "
    "WHERE type = 'task' AND deleted = 0 AND json_extract (body, '$.project') IS NOT NULL "
    "ORDER BY value COLLATE NOCASE" },
};

/* Sets *stmt to the indexed statement for @type and @field, if there is
 * one; returns %FALSE only if there is one and it cannot be prepared. */
static gboolean
prepare_indexed (StyrStore      *self,
                 const char     *type,
                 const char     *field,
                 gboolean        sorts,
                 sqlite3_stmt  **stmt,
                 GError        **error)
{
  const IndexedQuery *queries = sorts ? indexed_sorts : indexed_values;
  guint n = sorts ? G_N_ELEMENTS (indexed_sorts) : G_N_ELEMENTS (indexed_values);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (queries[i].type, type) && g_strcmp0 (queries[i].field, field) == 0)
      {
        *stmt = _styr_store_prepare (self, queries[i].sql, error);
        return *stmt != NULL;
      }

  return TRUE;
}

static gboolean
is_field_name (const char *field)
{
  if (field == NULL || field[0] == '\0')
    return FALSE;

  for (const char *p = field; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/**
 * styr_store_find_ids:
 * @self: a #StyrStore
 * @type: the document type
 * @field: (nullable): a field to match, or %NULL for all documents of @type
 * @value: (nullable): the text @field must have
 * @sort_field: (nullable): a field to sort by, with a leading "-" to sort
 *   from the greatest; ties and %NULL sort by id
 * @error: return location for a #GError
 *
 * Finds live documents by type and, optionally, by the value of one
 * field. The lookups the app makes often, such as the state of a task,
 * use an index.
 *
 * Returns: (transfer full) (element-type utf8): the ids, or %NULL with
 *   @error set
 */
GPtrArray *
styr_store_find_ids (StyrStore   *self,
                     const char  *type,
                     const char  *field,
                     const char  *value,
                     const char  *sort_field,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *field_path = NULL;
  g_autofree char *sort_path = NULL;
  gboolean indexed = FALSE;
  gboolean descending;
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  descending = sort_field != NULL && sort_field[0] == '-';
  if ((field != NULL && !is_field_name (field)) ||
      (sort_field != NULL && !is_field_name (sort_field + descending)))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                   _("“%s” is not the name of a field."),
                   field != NULL && !is_field_name (field) ? field : sort_field);
      return NULL;
    }

  for (guint i = 0; field != NULL && sort_field == NULL && i < G_N_ELEMENTS (indexed_lookups); i++)
    if (g_str_equal (indexed_lookups[i].type, type) &&
        g_str_equal (indexed_lookups[i].field, field))
      {
        stmt = _styr_store_prepare (self, indexed_lookups[i].sql, error);
        if (stmt == NULL)
          return NULL;
        sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
        indexed = TRUE;
        break;
      }

  if (stmt == NULL && field == NULL &&
      !prepare_indexed (self, type, sort_field, TRUE, &stmt, error))
    return NULL;

  /* By id alone the type index answers without reading any body. */
  if (stmt == NULL && field == NULL && sort_field == NULL)
    {
      stmt = _styr_store_prepare (self,
                                  "SELECT id FROM documents WHERE type = ?1 AND deleted = 0 "
                                  "ORDER BY id",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
    }

  if (stmt == NULL)
    {
      /* The JSON paths are bound like values; only their shape is ours. */
      stmt = _styr_store_prepare (self,
                                  "SELECT id FROM documents WHERE type = ?1 AND deleted = 0 "
                                  "  AND (?2 IS NULL OR json_extract (body, ?2) = ?3) "
                                  "ORDER BY "
                                  "  CASE WHEN ?5 = 0 THEN json_extract (body, ?4) END "
                                  "    COLLATE NOCASE ASC, "
                                  "  CASE WHEN ?5 = 1 THEN json_extract (body, ?4) END "
                                  "    COLLATE NOCASE DESC, "
                                  "  id",
                                  error);
      if (stmt == NULL)
        return NULL;

      field_path = field != NULL ? g_strconcat ("$.", field, NULL) : NULL;
      sort_path = sort_field != NULL ? g_strconcat ("$.", sort_field + descending, NULL) : NULL;
      sqlite3_bind_int (stmt, 5, descending);
      sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, field_path, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, sort_path, -1, SQLITE_STATIC);
    }

  ids = g_ptr_array_new_with_free_func (g_free);
  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!stepped)
    return NULL;

  if (indexed)
    g_ptr_array_sort (ids, styr_text_compare_ptrs);

  return g_steal_pointer (&ids);
}

/**
 * styr_store_get_search_texts:
 * @self: a #StyrStore
 * @type: the document type
 * @error: return location for a #GError
 *
 * Collects, for every live document of @type, all the texts in its body
 * joined by spaces. SQLite walks the JSON itself, which is much faster than
 * parsing every document here, so a search over 100 000 documents starts
 * quickly.
 *
 * Returns: (transfer full) (element-type utf8 utf8): id → text, or %NULL
 *   with @error set
 */
GHashTable *
styr_store_get_search_texts (StyrStore   *self,
                             const char  *type,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) texts = NULL;
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT d.id, (SELECT group_concat (t.value, ' ') "
                              "  FROM json_tree (d.body) t WHERE t.type = 'text') "
                              "FROM documents d WHERE d.type = ?1 AND d.deleted = 0",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);

  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);

      g_hash_table_insert (texts,
                           g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup (text != NULL ? text : ""));
    }
  if (!stepped)
    return NULL;

  return g_steal_pointer (&texts);
}

/**
 * styr_store_get_search_text:
 * @self: a #StyrStore
 * @id: a document id
 * @error: return location for a #GError
 *
 * Like styr_store_get_search_texts() for one document, so that a list can
 * follow an edit without reading every document again.
 *
 * Returns: (transfer full) (nullable): the texts, or %NULL if the document
 *   is deleted or missing (no error) or on failure (@error set)
 */
char *
styr_store_get_search_text (StyrStore   *self,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(StyrCachedStmt) stmt = NULL;
  const char *text;
  gboolean row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = _styr_store_prepare_cached (self,
                                     "SELECT (SELECT group_concat (t.value, ' ') "
                                     "  FROM json_tree (d.body) t WHERE t.type = 'text') "
                                     "FROM documents d WHERE d.id = ?1 AND d.deleted = 0",
                                     error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  if (!_styr_store_step (self, stmt, &row, error) || !row)
    return NULL;

  text = (const char *) sqlite3_column_text (stmt, 0);
  return g_strdup (text != NULL ? text : "");
}

/**
 * styr_store_get_distinct_values:
 * @self: a #StyrStore
 * @type: a document type
 * @field: a text field of it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8): the different values
 *   @field has among live documents of @type, sorted without case, or
 *   %NULL with @error set
 */
GPtrArray *
styr_store_get_distinct_values (StyrStore   *self,
                                const char  *type,
                                const char  *field,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *path = NULL;
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  if (!is_field_name (field))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                   _("“%s” is not the name of a field."), field != NULL ? field : "");
      return NULL;
    }

  if (!prepare_indexed (self, type, field, FALSE, &stmt, error))
    return NULL;

  if (stmt == NULL)
    {
      stmt = _styr_store_prepare (self,
                                  "SELECT DISTINCT json_extract (body, ?2) AS value FROM documents "
                                  "WHERE type = ?1 AND deleted = 0 AND value IS NOT NULL "
                                  "  AND json_type (body, ?2) = 'text' "
                                  "ORDER BY value COLLATE NOCASE",
                                  error);
      if (stmt == NULL)
        return NULL;

      path = g_strconcat ("$.", field, NULL);
      sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
    }

  values = g_ptr_array_new_with_free_func (g_free);
  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!stepped)
    return NULL;

  return g_steal_pointer (&values);
}
