/* styr-store-backup.c: copies of the database file: the backups before a
 * migration, the user's backups, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "styr-store-private.h"
#include "styr-text.h"

#define N_MIGRATION_BACKUPS 5

/* Copies one open database into another with SQLite's online backup API,
 * which takes a consistent snapshot even while others use the source. */
static int
copy_database (sqlite3 *source,
               sqlite3 *dest)
{
  sqlite3_backup *backup;
  int rc;

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    return sqlite3_errcode (dest);

  /* Another connection's lock makes a step return BUSY; wait a little and
   * go on, but never accept an incomplete copy. */
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      sqlite3_sleep (100);
    }

  if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_DONE)
    return sqlite3_errcode (dest);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Copies the database to a new file at @path. On failure the file is
 * removed, not left behind empty or half written, and @why says what
 * went wrong in words: "the disk is full" where the system said so,
 * which SQLite itself reports as a disk I/O error. */
static int
copy_to_file (sqlite3     *source,
              const char  *path,
              char       **why)
{
  sqlite3 *dest = NULL;
  int system_errno = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (source, dest);
  /* The copy carries the WAL flag of its source; a backup must open
   * read-only from anywhere, such as a write-protected stick, without the
   * shared-memory file WAL needs. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK && dest != NULL)
    system_errno = sqlite3_system_errno (dest);
  sqlite3_close (dest);

  if (rc != SQLITE_OK)
    {
      g_remove (path);
      if (why != NULL)
        *why = (rc & 0xff) == SQLITE_FULL || system_errno == ENOSPC
               ? g_strdup (_("the disk is full"))
               : g_strdup (sqlite3_errstr (rc));
    }

  return rc;
}

/* What PRAGMA integrity_check finds wrong with @db, a few lines of it, or
 * NULL when it finds nothing. */
static char *
find_damage (sqlite3 *db)
{
  g_autoptr(GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check (5)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return g_strdup (sqlite3_errstr (rc));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *line = NULL;

      if (sqlite3_column_text (stmt, 0) == NULL)
        continue;
      line = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 0), -1);
      if (g_str_equal (line, "ok"))
        continue;
      /* SQLite heads its findings "*** in database main ***" on a line
       * of their own. */
      g_strdelimit (line, "\n", ' ');
      if (g_str_has_prefix (line, "*** in database main *** "))
        memmove (line, line + strlen ("*** in database main *** "),
                 strlen (line) - strlen ("*** in database main *** ") + 1);
      g_string_append_printf (found, "%s%s", found->len > 0 ? "; " : "", line);
    }
  if (rc != SQLITE_DONE)
    g_string_append_printf (found, "%s%s", found->len > 0 ? "; " : "", sqlite3_errstr (rc));
  sqlite3_finalize (stmt);

  return found->len > 0 ? g_string_free (g_steal_pointer (&found), FALSE) : NULL;
}

static char *
timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%dT%H%M%S");
}

/* Keeps the newest few automatic backups. Their names sort by version and
 * time, so the oldest come first. */
static void
prune_migration_backups (StyrStore *self)
{
  g_autofree char *dir_path = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *prefix = g_strconcat (base, ".v", NULL);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak"))
      g_ptr_array_add (backups, g_strdup (name));

  g_ptr_array_sort (backups, styr_text_compare_ptrs);
  for (guint i = 0; i + N_MIGRATION_BACKUPS < backups->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (backups, i), NULL);

      if (g_remove (path) != 0)
        g_debug ("Could not remove the old backup “%s”: %s", path, g_strerror (errno));
    }
}

/* Copies the database aside before a migration changes it, so that a
 * failed or unwanted upgrade can be undone by hand.
 */
gboolean
_styr_store_backup_before_migration (StyrStore  *self,
                                     guint       from_version,
                                     GError    **error)
{
  g_autofree char *stamp = timestamp ();
  g_autofree char *backup_path = g_strdup_printf ("%s.v%02u-%s.bak", self->path, from_version,
                                                  stamp);
  g_autofree char *why = NULL;
  int rc;

  rc = copy_to_file (self->db, backup_path, &why);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, STYR_STORE_ERROR,
                   (rc & 0xff) == SQLITE_FULL ? STYR_STORE_ERROR_DISK_FULL
                                              : STYR_STORE_ERROR_FAILED,
                   _("Could not back up the database to “%s” before upgrading it (%s). "
                     "The database has been left unchanged."),
                   backup_path, why);
      return FALSE;
    }

  prune_migration_backups (self);
  return TRUE;
}

/**
 * styr_store_backup:
 * @self: a #StyrStore
 * @path: the file to write the copy to; replaced if it exists
 * @error: return location for a #GError
 *
 * Writes a consistent copy of the database, even while it is in use.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_store_backup (StyrStore   *self,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *damage = NULL;
  g_autofree char *why = NULL;
  int rc;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A copy of a damaged database is damaged too, and restore would
   * refuse it: better to say so now than when the copy is needed. */
  damage = find_damage (self->db);
  if (damage != NULL)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s), so no backup was written: it could "
                     "not be restored. Restore the database from an earlier backup."),
                   self->path, damage);
      return FALSE;
    }

  /* The copy is made beside the target and renamed over it, so a failed
   * backup never leaves a half-written file under the name asked for. */
  partial = g_strconcat (path, ".partial", NULL);
  g_remove (partial);
  rc = copy_to_file (self->db, partial, &why);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, STYR_STORE_ERROR,
                   (rc & 0xff) == SQLITE_FULL ? STYR_STORE_ERROR_DISK_FULL
                                              : STYR_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s."), path, why);
      return FALSE;
    }

  /* What was written is what restore will find. */
  if (!styr_store_check_backup (partial, error))
    {
      g_remove (partial);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_remove (partial);
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Opens a backup read-only and checks it is a whole, undamaged Styr
 * database this version can use. */
static sqlite3 *
open_checked_backup (const char  *path,
                     GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *integrity = NULL;
  gint64 version = -1;
  gboolean has_documents = FALSE;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” does not exist or is not a file."), path);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (source, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* It quotes the damaged file's own names, in whatever bytes. */
      integrity = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 0), -1);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK &&
      sqlite3_prepare_v2 (source, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK &&
      sqlite3_prepare_v2 (source, "SELECT 1 FROM sqlite_schema WHERE name = 'documents'", -1,
                          &stmt, NULL) == SQLITE_OK)
    has_documents = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK || g_strcmp0 (integrity, "ok") != 0)
    g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CORRUPT,
                 _("The backup “%s” is damaged or not a database (%s). Nothing was restored."),
                 path, integrity != NULL ? integrity : sqlite3_errstr (rc));
  else if (version < 1 || !has_documents)
    g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a backup of a Styr database. Nothing was restored."), path);
  else if (version > styr_store_get_latest_schema ())
    g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_TOO_NEW,
                 _("The backup “%s” was made by a newer version of Styr (schema %u). Update "
                   "Styr to restore it. Nothing was restored."),
                 path, (guint) version);
  else
    return source;

  sqlite3_close (source);
  return NULL;
}

static GPtrArray *
list_types (StyrStore  *self,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  gboolean stepped, row;

  stmt = _styr_store_prepare (self, "SELECT DISTINCT type FROM documents", error);
  if (stmt == NULL)
    return NULL;

  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    g_ptr_array_add (types, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!stepped)
    return NULL;

  return g_steal_pointer (&types);
}

/**
 * styr_store_check_backup:
 * @path: a file
 * @error: return location for a #GError
 *
 * Checks, without changing anything, that @path is an undamaged backup of
 * a Styr database that this version can restore.
 *
 * Returns: %TRUE if it is
 */
gboolean
styr_store_check_backup (const char  *path,
                         GError     **error)
{
  sqlite3 *source;

  g_return_val_if_fail (path != NULL, FALSE);

  source = open_checked_backup (path, error);
  if (source == NULL)
    return FALSE;

  sqlite3_close (source);
  return TRUE;
}

/**
 * styr_store_restore:
 * @self: a #StyrStore
 * @path: a backup made by styr_store_backup()
 * @safety_copy: (out) (optional) (transfer full): where the database as it
 *   was before the restore was copied to
 * @error: return location for a #GError
 *
 * Replaces the database with a backup. The backup is checked first
 * (integrity check and schema version), and the database as it was is
 * copied aside before anything is replaced. An older backup is upgraded
 * to the current schema after it is restored.
 *
 * Returns: %TRUE on success; on failure the database is unchanged
 */
gboolean
styr_store_restore (StyrStore   *self,
                    const char  *path,
                    char       **safety_copy,
                    GError     **error)
{
  g_autofree char *stamp = timestamp ();
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) after = NULL;
  sqlite3 *source;
  gint64 version;
  int rc;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->transaction_depth > 0)
    {
      g_set_error_literal (error, STYR_STORE_ERROR, STYR_STORE_ERROR_FAILED,
                           _("A backup cannot be restored while a change is being saved."));
      return FALSE;
    }

  source = open_checked_backup (path, error);
  if (source == NULL)
    return FALSE;

  before = g_strdup_printf ("%s.before-restore-%s.bak", self->path, stamp);
  types = list_types (self, error);
  if (types == NULL)
    {
      sqlite3_close (source);
      return FALSE;
    }

  rc = copy_to_file (self->db, before, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (source, self->db);
  sqlite3_close (source);

  if (rc != SQLITE_OK)
    {
      _styr_store_set_error (self, error, rc);
      g_prefix_error (error, _("The backup “%s” could not be restored: "), path);
      return FALSE;
    }

  /* An older backup is upgraded; if that fails, the database as it was
   * goes back in place. */
  if (!_styr_store_query_int64 (self, "PRAGMA user_version", &version, error) ||
      !_styr_store_migrate (self, version, error))
    {
      sqlite3 *saved = NULL;

      if (sqlite3_open_v2 (before, &saved, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
        copy_database (saved, self->db);
      sqlite3_close (saved);
      return FALSE;
    }

  /* Every open list must reload: the types the store held before and
   * those it holds now. */
  after = list_types (self, error);
  if (after == NULL)
    return FALSE;
  for (guint i = 0; i < after->len; i++)
    if (!g_ptr_array_find_with_equal_func (types, g_ptr_array_index (after, i), g_str_equal, NULL))
      g_ptr_array_add (types, g_strdup (g_ptr_array_index (after, i)));
  for (guint i = 0; i < types->len; i++)
    _styr_store_note_change (self, g_ptr_array_index (types, i), "*");
  _styr_store_flush_changes (self);

  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&before);
  return TRUE;
}
