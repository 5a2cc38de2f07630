/* styr-store-documents.c: reading documents, settings and what the server
 * refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "styr-json.h"
#include "styr-store-private.h"

JsonObject *
_styr_store_parse_body (StyrStore   *self,
            const char  *id,
            const char  *text,
            GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  node = styr_json_parse (text, -1, &local_error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CORRUPT,
                   _("The document “%s” in “%s” is damaged: %s"),
                   id, self->path,
                   local_error != NULL ? local_error->message : _("it is not a JSON object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (node));
}

/**
 * styr_store_get:
 * @self: a #StyrStore
 * @id: the document id
 * @rev: (out) (optional) (transfer full): its current revision
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the current body of a document that exists and
 *   is not deleted, or %NULL with %STYR_STORE_ERROR_NOT_FOUND
 */
JsonObject *
styr_store_get (StyrStore   *self,
                const char  *id,
                char       **rev,
                GError     **error)
{
  g_autoptr(StyrCachedStmt) stmt = NULL;
  JsonObject *body;
  gboolean row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = _styr_store_prepare_cached (self, "SELECT rev, body FROM documents WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  if (!_styr_store_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), id);
      return NULL;
    }

  body = _styr_store_parse_body (self, id, (const char *) sqlite3_column_text (stmt, 1), error);
  if (body != NULL && rev != NULL)
    *rev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return body;
}

/**
 * styr_store_get_all_of_type:
 * @self: a #StyrStore
 * @type: a document type such as "municipality"
 * @error: return location for a #GError
 *
 * Reads every live document of one type, ordered by id. Meant for small
 * reference sets; large lists use the lazy list models.
 *
 * Returns: (transfer full) (element-type JsonObject): the bodies, or %NULL
 *   with @error set
 */
GPtrArray *
styr_store_get_all_of_type (StyrStore   *self,
                            const char  *type,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = NULL;
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  stmt = _styr_store_prepare (self,
                  "SELECT id, body FROM documents WHERE type = ?1 AND deleted = 0 ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    {
      JsonObject *body = _styr_store_parse_body (self,
                                     (const char *) sqlite3_column_text (stmt, 0),
                                     (const char *) sqlite3_column_text (stmt, 1),
                                     error);
      if (body == NULL)
        return NULL;
      g_ptr_array_add (result, body);
    }

  if (!stepped)
    return NULL;

  return g_steal_pointer (&result);
}

/**
 * styr_store_count_of_type:
 * @self: a #StyrStore
 * @type: a document type
 * @error: return location for a #GError
 *
 * Returns: the number of live documents of @type, or -1 with @error set
 */
gint64
styr_store_count_of_type (StyrStore   *self,
                          const char  *type,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (STYR_IS_STORE (self), -1);
  g_return_val_if_fail (type != NULL, -1);

  stmt = _styr_store_prepare (self, "SELECT count(*) FROM documents WHERE type = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);

  if (!_styr_store_step (self, stmt, &row, error))
    return -1;
  if (!row)
    {
      _styr_store_set_error (self, error, SQLITE_CORRUPT);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * styr_store_get_update_seq:
 * @self: a #StyrStore
 * @error: return location for a #GError
 *
 * Returns: the sequence number of the last local change (0 for a new
 *   store), or -1 with @error set
 */
gint64
styr_store_get_update_seq (StyrStore  *self,
                           GError    **error)
{
  gint64 seq;

  g_return_val_if_fail (STYR_IS_STORE (self), -1);

  if (!_styr_store_query_int64 (self, "SELECT coalesce(max(seq), 0) FROM changes", &seq, error))
    return -1;

  return seq;
}

/**
 * styr_store_get_setting:
 * @self: a #StyrStore
 * @key: the key
 * @error: return location for a #GError
 *
 * Reads a value the store keeps about itself, such as the version of the
 * catalogue it holds. These travel with the database, unlike GSettings.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if unset or on
 *   error (then @error is set)
 */
char *
styr_store_get_setting (StyrStore   *self,
                        const char  *key,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _styr_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  if (_styr_store_step (self, stmt, &row, error) && row)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return NULL;
}

gboolean
styr_store_set_setting (StyrStore   *self,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (self->transaction_depth > 0 && sqlite3_get_autocommit (self->db))
    self->transaction_aborted = TRUE;
  if (!_styr_store_check_not_aborted (self, error))
    return FALSE;

  stmt = _styr_store_prepare (self,
                  "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return _styr_store_step_done (self, stmt, error);
}

/* A revision the team's server refused, kept until it is sent, edited or
 * undone: "sync-refused:<id>" → "<rev>\n<the server's reason>". */
#define REFUSED_PREFIX "sync-refused:"

/**
 * styr_store_set_refused:
 * @self: a #StyrStore
 * @id: a document
 * @rev: (nullable): the revision the server refused
 * @reason: (nullable): why, as the server said it; %NULL when it took it
 * @error: return location for a #GError
 *
 * Keeps, or forgets, that the team's server would not take @id's revision
 * @rev. Such a document stays "not sent" (see styr_store_is_pending()).
 *
 * Returns: %TRUE on success
 */
gboolean
styr_store_set_refused (StyrStore   *self,
                        const char  *id,
                        const char  *rev,
                        const char  *reason,
                        GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  key = g_strconcat (REFUSED_PREFIX, id, NULL);
  if (reason != NULL)
    {
      g_return_val_if_fail (rev != NULL, FALSE);

      value = g_strconcat (rev, "\n", reason, NULL);
      return styr_store_set_setting (self, key, value, error);
    }

  stmt = _styr_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  return _styr_store_step_done (self, stmt, error);
}

/**
 * styr_store_get_refused:
 * @self: a #StyrStore
 * @id: a document
 * @rev: (out) (optional) (transfer full): the revision refused
 *
 * Returns: (transfer full) (nullable): why the team's server would not
 *   take @id's revision, or %NULL if it did not refuse one
 */
char *
styr_store_get_refused (StyrStore   *self,
                        const char  *id,
                        char       **rev)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  char *newline;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  key = g_strconcat (REFUSED_PREFIX, id, NULL);
  value = styr_store_get_setting (self, key, NULL);
  if (value == NULL || (newline = strchr (value, '\n')) == NULL)
    return NULL;

  if (rev != NULL)
    *rev = g_strndup (value, newline - value);
  return g_strdup (newline + 1);
}

/**
 * styr_store_list_refused:
 * @self: a #StyrStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8): the documents whose
 *   revision the team's server refused, or %NULL with @error set
 */
GPtrArray *
styr_store_list_refused (StyrStore  *self,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT substr (key, length (?1) + 1) FROM settings "
                              "WHERE substr (key, 1, length (?1)) = ?1 ORDER BY key",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, REFUSED_PREFIX, -1, SQLITE_STATIC);

  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!stepped)
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * styr_store_get_status:
 * @self: a #StyrStore
 * @id: the document id
 * @rev: (out) (optional) (transfer full): the winning revision
 * @deleted: (out) (optional): whether the document is deleted
 * @conflicted: (out) (optional): whether it has conflicting versions
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the store knows the document, deleted or not;
 *   %FALSE with %STYR_STORE_ERROR_NOT_FOUND if it never had it
 */
gboolean
styr_store_get_status (StyrStore   *self,
                       const char  *id,
                       char       **rev,
                       gboolean    *deleted,
                       gboolean    *conflicted,
                       GError     **error)
{
  g_autoptr(StyrCachedStmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = _styr_store_prepare_cached (self,
                              "SELECT rev, deleted, conflicted FROM documents "
                              "WHERE id = ?1 AND rev != ''",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  if (!_styr_store_step (self, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), id);
      return FALSE;
    }

  if (rev != NULL)
    *rev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (deleted != NULL)
    *deleted = sqlite3_column_int (stmt, 1) != 0;
  if (conflicted != NULL)
    *conflicted = sqlite3_column_int (stmt, 2) != 0;
  return TRUE;
}
