/* styr-store.c
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
#include <sys/stat.h>
#include <unistd.h>

#include "styr-json.h"
#include "styr-migrations.h"
#include "styr-store-private.h"

/* How long a write waits for another program's lock before it reports the
 * database as busy. Long enough for a colleague's sync pass to commit,
 * short enough that the window never looks frozen.
 */
#define DEFAULT_BUSY_TIMEOUT_MS 3000

static void styr_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrStore, styr_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      styr_store_initable_iface_init))

G_DEFINE_QUARK (styr-store-error-quark, styr_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_BUSY_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DOCUMENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
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

  g_ptr_array_sort (backups, compare_names);
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
static gboolean
backup_before_migration (StyrStore  *self,
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

/* Reads the schema version and makes sure the file is Styr's to change:
 * nothing may be written, not even the journal mode, before this passed.
 */
static gboolean
check_schema (StyrStore  *self,
              gint64     *version,
              GError    **error)
{
  guint n_steps;
  gint64 n_objects;

  _styr_migrations_get (&n_steps);

  /* The first read also tells a database from any other file. */
  if (!_styr_store_query_int64 (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !_styr_store_query_int64 (self, "PRAGMA user_version", version, error))
    return FALSE;

  if (*version > n_steps)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Styr (schema %u; "
                     "this version knows up to %u). Update Styr to open it."),
                   self->path, (guint) *version, n_steps);
      return FALSE;
    }

  /* A schema of version 0 must be empty: anything else is another
   * program's database, and creating our tables in it would mix the two.
   */
  if (*version == 0 && n_objects > 0)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not a Styr database. "
                     "It has been left unchanged; move it elsewhere and Styr will start a new "
                     "database."),
                   self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (StyrStore  *self,
         gint64      version,
         GError    **error)
{
  const char * const *steps;
  guint n_steps;

  steps = _styr_migrations_get (&n_steps);

  if (version > 0 && version < n_steps &&
      !backup_before_migration (self, version, error))
    return FALSE;

  for (guint i = version; i < n_steps; i++)
    {
      /* PRAGMA takes no bound parameters; the value is our own counter. */
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);
      g_autoptr(GError) local_error = NULL;

      if (!_styr_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!_styr_store_exec (self, steps[i], &local_error) ||
          !_styr_store_exec (self, set_version, &local_error) ||
          !_styr_store_exec (self, "COMMIT", &local_error))
        {
          _styr_store_exec (self, "ROLLBACK", NULL);
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not upgrade the database to schema %u: "),
                                      i + 1);
          return FALSE;
        }
    }

  self->schema_version = n_steps;
  return TRUE;
}

static gboolean
check_existing_file (StyrStore  *self,
                     gboolean   *exists,
                     GError    **error)
{
  GStatBuf st;
  int saved_errno;

  if (g_stat (self->path, &st) != 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT)
        {
          *exists = FALSE;
          return TRUE;
        }

      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” cannot be read: %s."),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” cannot be opened: it is not a regular file."),
                   self->path);
      return FALSE;
    }

  if (g_access (self->path, R_OK) != 0)
    {
      saved_errno = errno;
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” cannot be read: %s."),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_access (self->path, W_OK) != 0)
    {
      saved_errno = errno;
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be changed: %s. Styr needs permission to "
                     "write to the file and its folder."),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
styr_store_initable_init (GInitable     *initable,
                          GCancellable  *cancellable,
                          GError       **error)
{
  StyrStore *self = STYR_STORE (initable);
  g_autofree char *dir = NULL;
  g_autofree char *journal_mode = NULL;
  gboolean exists = FALSE;
  gint64 version;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  if (self->path == NULL || self->path[0] == '\0')
    {
      g_set_error_literal (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN,
                           _("No database file was given."));
      return FALSE;
    }

  if (!check_existing_file (self, &exists, error))
    return FALSE;

  /* Only a file that is not there yet may be created; an existing file that
   * SQLite cannot read must never be replaced by an empty database.
   */
  if (!exists)
    {
      dir = g_path_get_dirname (self->path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN,
                       _("The folder “%s” for the database cannot be created: %s."),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
      flags |= SQLITE_OPEN_CREATE;
    }

  self->owner = g_thread_self ();
  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _styr_store_set_error (self, error, rc);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, self->busy_timeout);

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be changed: Styr needs permission to write to "
                     "the file and its folder."),
                   self->path);
      return FALSE;
    }

  if (!check_schema (self, &version, error))
    return FALSE;

  /* WAL lets the window read while a sync pass writes. Some network file
   * systems cannot share its index; SQLite then keeps the old journal,
   * which is slower but just as safe, so that is not an error.
   */
  journal_mode = _styr_store_query_text (self, "PRAGMA journal_mode = WAL", error);
  if (journal_mode == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (journal_mode, "wal") != 0)
    g_debug ("“%s” stays in journal mode %s", self->path, journal_mode);

  /* The lists read documents one at a time while they filter; a page
   * cache of 32 MB and a memory-mapped file keep those reads out of the
   * kernel. Every write in a transaction of many (a pull writes 500) is a
   * savepoint whose journal of page images SQLite would otherwise spill
   * to a temporary file, one pwrite per page; in memory it costs a copy.
   * None of these change what is stored. */
  if (!_styr_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_styr_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !_styr_store_exec (self, "PRAGMA cache_size = -32768", error) ||
      !_styr_store_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !_styr_store_exec (self, "PRAGMA mmap_size = 268435456", error))
    return FALSE;

  return migrate (self, version, error);
}

static void
styr_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = styr_store_initable_init;
}

static void
styr_store_finalize (GObject *object)
{
  StyrStore *self = (StyrStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);

  G_OBJECT_CLASS (styr_store_parent_class)->finalize (object);
}

static void
styr_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  StyrStore *self = STYR_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_BUSY_TIMEOUT:
      g_value_set_int (value, self->busy_timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_store_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  StyrStore *self = STYR_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_BUSY_TIMEOUT:
      self->busy_timeout = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_store_class_init (StyrStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = styr_store_finalize;
  object_class->get_property = styr_store_get_property;
  object_class->set_property = styr_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StyrStore:busy-timeout:
   *
   * Milliseconds a statement waits for another connection's lock.
   */
  properties[PROP_BUSY_TIMEOUT] =
    g_param_spec_int ("busy-timeout", NULL, NULL,
                      0, G_MAXINT, DEFAULT_BUSY_TIMEOUT_MS,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StyrStore::documents-changed:
   * @self: the store
   * @type: the type of the documents, also the signal's detail
   * @ids: the ids of the documents that changed
   *
   * Emitted after a transaction that wrote documents of @type has been
   * committed: new, changed, deleted or replicated documents alike. After
   * a restore, @ids is just "*": everything of @type may have changed.
   */
  signals[DOCUMENTS_CHANGED] =
    g_signal_new ("documents-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRV);
}

static void
styr_store_init (StyrStore *self)
{
  self->busy_timeout = DEFAULT_BUSY_TIMEOUT_MS;
  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
}

/**
 * styr_store_new:
 * @path: the SQLite file; created, with its folder, if it does not exist
 * @error: return location for a #GError
 *
 * Opens the store and upgrades its schema. An existing file that is not a
 * Styr database, cannot be read or written, or is locked is reported in
 * @error and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
StyrStore *
styr_store_new (const char  *path,
                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (STYR_TYPE_STORE, NULL, error, "path", path, NULL);
}

const char *
styr_store_get_path (StyrStore *self)
{
  g_return_val_if_fail (STYR_IS_STORE (self), NULL);

  return self->path;
}

/**
 * styr_store_get_schema_version:
 * @self: a #StyrStore
 *
 * Returns: the schema version (PRAGMA user_version) after migration
 */
guint
styr_store_get_schema_version (StyrStore *self)
{
  g_return_val_if_fail (STYR_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * styr_store_get_latest_schema:
 *
 * Returns: the schema version this build of Styr migrates to
 */
guint
styr_store_get_latest_schema (void)
{
  guint n;

  _styr_migrations_get (&n);
  return n;
}

/* Called by every write, inside its transaction. */
void
_styr_store_note_change (StyrStore  *self,
                         const char *type,
                         const char *id)
{
  GHashTable *ids;

  ids = g_hash_table_lookup (self->pending_changes, type);
  if (ids == NULL)
    {
      ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->pending_changes, g_strdup (type), ids);
    }

  if (!g_hash_table_contains (ids, id))
    g_hash_table_add (ids, g_strdup (id));
}

/* Announces what a committed transaction changed, once per type, so that a
 * list model reloads once for an import of thousands of documents. */
static void
flush_changes (StyrStore *self)
{
  g_autoptr(GHashTable) pending = g_steal_pointer (&self->pending_changes);
  GHashTableIter iter;
  gpointer type, ids;

  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &type, &ids))
    {
      g_autofree const char **strv = (const char **) g_hash_table_get_keys_as_array (ids, NULL);

      g_signal_emit (self, signals[DOCUMENTS_CHANGED], g_quark_from_string (type), type, strv);
    }
}

gboolean
_styr_store_check_not_aborted (StyrStore  *self,
                   GError    **error)
{
  if (!self->transaction_aborted)
    return TRUE;

  g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_FAILED,
               _("The change to “%s” was cancelled because the database stopped it."),
               self->path);
  return FALSE;
}

/**
 * styr_store_transaction:
 * @self: a #StyrStore
 * @func: the work to do
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Runs @func in a transaction: everything it writes is committed when it
 * returns %TRUE and rolled back when it returns %FALSE. Transactions nest
 * (inner ones are savepoints), so a caller can wrap several writes that
 * each use a transaction of their own.
 *
 * Returns: %TRUE if @func succeeded and its work was committed
 */
gboolean
styr_store_transaction (StyrStore      *self,
                        StyrStoreFunc   func,
                        gpointer        user_data,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean outer;
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* SQLite may end the whole transaction on an error the caller went past;
   * a savepoint then would start a new one of its own. */
  if (self->transaction_depth > 0 && sqlite3_get_autocommit (self->db))
    self->transaction_aborted = TRUE;
  if (!_styr_store_check_not_aborted (self, error))
    return FALSE;

  outer = self->transaction_depth == 0;
  if (!_styr_store_exec (self, outer ? "BEGIN IMMEDIATE" : "SAVEPOINT styr", error))
    return FALSE;

  self->transaction_depth++;
  ok = func (self, user_data, &local_error);
  self->transaction_depth--;

  if (ok && self->transaction_aborted)
    {
      ok = FALSE;
      g_set_error (&local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_FAILED,
                   _("The change to “%s” was cancelled because the database stopped it."),
                   self->path);
    }

  if (ok)
    ok = _styr_store_exec (self, outer ? "COMMIT" : "RELEASE styr", &local_error);

  if (!ok)
    {
      if (sqlite3_get_autocommit (self->db))
        self->transaction_aborted = !outer;
      else if (outer)
        _styr_store_exec (self, "ROLLBACK", NULL);
      else
        _styr_store_exec (self, "ROLLBACK TO styr; RELEASE styr", NULL);

      if (local_error == NULL)
        g_set_error_literal (&local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_FAILED,
                             _("The change was cancelled."));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  if (outer)
    {
      self->transaction_aborted = FALSE;
      if (ok)
        flush_changes (self);
      else
        g_hash_table_remove_all (self->pending_changes);
    }

  return ok;
}

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
 * styr_store_notice_changes:
 * @self: a #StyrStore
 * @since: the sequence number this connection last saw
 * @error: return location for a #GError
 *
 * Announces with #StyrStore::documents-changed what other connections to
 * the same file, such as sync's, wrote after @since; this connection only
 * hears of its own writes by itself.
 *
 * Returns: the sequence number to pass next time, or -1 with @error set
 */
gint64
styr_store_notice_changes (StyrStore  *self,
                           gint64      since,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 last = since;
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), -1);

  stmt = _styr_store_prepare (self,
                              "SELECT c.seq, d.type, d.id FROM changes c "
                              "  JOIN documents d ON d.id = c.doc_id "
                              "  WHERE c.seq > ?1 ORDER BY c.seq",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, since);

  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    {
      last = sqlite3_column_int64 (stmt, 0);
      _styr_store_note_change (self, (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2));
    }
  if (!stepped)
    {
      g_hash_table_remove_all (self->pending_changes);
      return -1;
    }

  flush_changes (self);
  return last;
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
    g_ptr_array_sort (ids, compare_names);

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
      !migrate (self, version, error))
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
  flush_changes (self);

  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&before);
  return TRUE;
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
