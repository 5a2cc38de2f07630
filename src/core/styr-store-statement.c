/* styr-store-statement.c: the helpers every statement of the store goes
 * through, with one step function that reports a GError and checks the
 * thread that owns the connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "styr-store-private.h"

/* Turns an SQLite result code into an error that tells the user what
 * happened to which file and what they can do about it.
 */
void
_styr_store_set_error (StyrStore   *self,
                  GError     **error,
                  int          rc)
{
  /* SQLite's message may quote names from a damaged file, in any bytes. */
  g_autofree char *detail = g_utf8_make_valid (self->db != NULL ? sqlite3_errmsg (self->db)
                                                                : sqlite3_errstr (rc), -1);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Styr database: the file is damaged or belongs to another "
                     "program. It has been left unchanged; move it elsewhere and Styr will start "
                     "a new database."),
                   self->path);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). Restore it from a backup."),
                   self->path, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_LOCKED,
                   _("The database “%s” is locked by another program. Close other programs "
                     "that use it, such as another copy of Styr, and try again."),
                   self->path);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be changed: Styr needs permission to write to "
                     "the file and its folder (%s)."),
                   self->path, detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_DISK_FULL,
                   _("The disk that holds the database “%s” is full. Free some space and try "
                     "again."),
                   self->path);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” could not be opened (%s)."),
                   self->path, detail);
      break;

    default:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s."),
                   self->path, detail);
      break;
    }
}

sqlite3_stmt *
_styr_store_prepare (StyrStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert (self->owner == g_thread_self ());

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _styr_store_set_error (self, error, rc);
      return NULL;
    }

  return stmt;
}

/* @sql must be a string literal: the cache is keyed by its address. */
StyrCachedStmt *
_styr_store_prepare_cached (StyrStore   *self,
                            const char  *sql,
                            GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;

  stmt = _styr_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

gboolean
_styr_store_exec (StyrStore   *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _styr_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Steps @stmt to completion; a statement that returns rows is an error
 * here, callers that read rows step themselves.
 */
gboolean
_styr_store_step_done (StyrStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  gboolean row;

  if (!_styr_store_step (self, stmt, &row, error))
    return FALSE;
  if (row)
    {
      _styr_store_set_error (self, error, SQLITE_MISUSE);
      return FALSE;
    }

  return TRUE;
}

/**
 * _styr_store_step:
 * @self: the store
 * @stmt: a statement prepared on its connection
 * @row: (out): whether there is a row to read
 * @error: return location for a #GError
 *
 * The one way the store steps a statement: on the thread that owns the
 * connection, with what SQLite says turned into the store's errors.
 *
 * Returns: %TRUE with @row set; %FALSE with @error set if the step failed
 */
gboolean
_styr_store_step (StyrStore     *self,
                  sqlite3_stmt  *stmt,
                  gboolean      *row,
                  GError       **error)
{
  int rc;

  g_assert (self->owner == g_thread_self ());

  rc = sqlite3_step (stmt);
  *row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  _styr_store_set_error (self, error, rc);
  return FALSE;
}

gboolean
_styr_store_query_int64 (StyrStore   *self,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _styr_store_prepare (self, sql, error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;

  if (!_styr_store_step (self, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      _styr_store_set_error (self, error, SQLITE_CORRUPT);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

char *
_styr_store_query_text (StyrStore   *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _styr_store_prepare (self, sql, error);
  gboolean row;

  if (stmt == NULL)
    return NULL;

  if (!_styr_store_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      _styr_store_set_error (self, error, SQLITE_CORRUPT);
      return NULL;
    }

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

char *
_styr_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
