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
#include "styr-store.h"

/* How long a write waits for another program's lock before it reports the
 * database as busy. Long enough for a colleague's sync pass to commit,
 * short enough that the window never looks frozen.
 */
#define DEFAULT_BUSY_TIMEOUT_MS 3000

struct _StyrStore
{
  GObject   parent_instance;

  char     *path;
  sqlite3  *db;
  guint     schema_version;
  guint     transaction_depth;
  /* Set when SQLite ended the whole transaction under a savepoint (disk
   * full, I/O error): every enclosing level must then fail too, and nothing
   * may be written in autocommit mode behind the caller's back. */
  gboolean  transaction_aborted;
  int       busy_timeout;
};

static void styr_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrStore, styr_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      styr_store_initable_iface_init))

G_DEFINE_QUARK (styr-store-error-quark, styr_store_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

enum {
  PROP_0,
  PROP_PATH,
  PROP_BUSY_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Turns an SQLite result code into an error that tells the user what
 * happened to which file and what they can do about it.
 */
static void
set_sqlite_error (StyrStore   *self,
                  GError     **error,
                  int          rc)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

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

static sqlite3_stmt *
prepare (StyrStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  return stmt;
}

static gboolean
exec (StyrStore   *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Steps @stmt to completion; a statement that returns rows is an error
 * here, callers that read rows step themselves.
 */
static gboolean
step_done (StyrStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int64 (StyrStore   *self,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static char *
query_text (StyrStore   *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return NULL;
    }

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Copies the database aside before a migration changes it, so that a
 * failed or unwanted upgrade can be undone by hand.
 */
static gboolean
backup_before_migration (StyrStore  *self,
                         guint       from_version,
                         GError    **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.v%u.bak", self->path, from_version);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (backup_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* Another connection's lock makes a step return BUSY; wait a
           * little and go on, but never accept an incomplete copy. */
          for (guint attempt = 0; attempt < 50; attempt++)
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                break;
              sqlite3_sleep (100);
            }
          if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_DONE)
            rc = sqlite3_errcode (dest);
          else if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  sqlite3_close (dest);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_FAILED,
                   _("Could not back up the database to “%s” before upgrading it (%s). "
                     "The database has been left unchanged."),
                   backup_path, sqlite3_errstr (rc));
      return FALSE;
    }

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
  if (!query_int64 (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int64 (self, "PRAGMA user_version", version, error))
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

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!exec (self, steps[i], &local_error) ||
          !exec (self, set_version, &local_error) ||
          !exec (self, "COMMIT", &local_error))
        {
          exec (self, "ROLLBACK", NULL);
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

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc);
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
  journal_mode = query_text (self, "PRAGMA journal_mode = WAL", error);
  if (journal_mode == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (journal_mode, "wal") != 0)
    g_debug ("“%s” stays in journal mode %s", self->path, journal_mode);

  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error))
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

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

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
}

static void
styr_store_init (StyrStore *self)
{
  self->busy_timeout = DEFAULT_BUSY_TIMEOUT_MS;
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

static gboolean
check_not_aborted (StyrStore  *self,
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

  if (!check_not_aborted (self, error))
    return FALSE;

  outer = self->transaction_depth == 0;
  if (!exec (self, outer ? "BEGIN IMMEDIATE" : "SAVEPOINT styr", error))
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
    ok = exec (self, outer ? "COMMIT" : "RELEASE styr", &local_error);

  if (!ok)
    {
      if (sqlite3_get_autocommit (self->db))
        self->transaction_aborted = !outer;
      else if (outer)
        exec (self, "ROLLBACK", NULL);
      else
        exec (self, "ROLLBACK TO styr; RELEASE styr", NULL);

      if (local_error == NULL)
        g_set_error_literal (&local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_FAILED,
                             _("The change was cancelled."));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  if (outer)
    self->transaction_aborted = FALSE;

  return ok;
}

typedef struct
{
  const char *id;
  const char *type;
  const char *parent_rev;
  const char *author;
  char       *body;
  char       *new_rev;
  char       *tombstone_rev;
} PutData;

static gboolean
put_in_transaction (StyrStore  *self,
                    gpointer    user_data,
                    GError    **error)
{
  PutData *put = user_data;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) log = NULL;
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) revision = NULL;
  g_autoptr(sqlite3_stmt) unleaf = NULL;
  g_autofree char *current_rev = NULL;
  g_autofree char *now = now_iso8601 ();
  guint generation = 0;
  gint64 seq;
  int rc;

  select = prepare (self, "SELECT rev, deleted FROM documents WHERE id = ?1", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_text (select, 1, put->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    {
      current_rev = g_strdup ((const char *) sqlite3_column_text (select, 0));

      /* As in CouchDB, writing a deleted document without a revision
       * brings it back on top of its tombstone. */
      if (put->parent_rev == NULL && sqlite3_column_int (select, 1) != 0)
        put->parent_rev = put->tombstone_rev = g_strdup (current_rev);
    }
  else if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      return FALSE;
    }

  if (g_strcmp0 (current_rev, put->parent_rev) != 0)
    {
      if (current_rev == NULL)
        g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                     _("“%s” cannot be saved: it no longer exists."), put->id);
      else
        g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                     _("“%s” cannot be saved: it was changed in the meantime."), put->id);
      return FALSE;
    }

  put->new_rev = styr_json_revision_next (put->parent_rev, put->body);
  styr_json_revision_parse (put->new_rev, &generation, NULL);

  log = prepare (self,
                 "INSERT INTO changes (doc_id, rev, origin, changed_at) "
                 "VALUES (?1, ?2, 'local', ?3)",
                 error);
  if (log == NULL)
    return FALSE;
  sqlite3_bind_text (log, 1, put->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 2, put->new_rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 3, now, -1, SQLITE_STATIC);
  if (!step_done (self, log, error))
    return FALSE;
  seq = sqlite3_last_insert_rowid (self->db);

  upsert = prepare (self,
                    "INSERT INTO documents (id, type, rev, deleted, conflicted, seq, body) "
                    "VALUES (?1, ?2, ?3, 0, 0, ?4, ?5) "
                    "ON CONFLICT (id) DO UPDATE SET "
                    "  type = excluded.type, rev = excluded.rev, deleted = 0, "
                    "  seq = excluded.seq, body = excluded.body",
                    error);
  if (upsert == NULL)
    return FALSE;
  sqlite3_bind_text (upsert, 1, put->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 2, put->type, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 3, put->new_rev, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (upsert, 4, seq);
  sqlite3_bind_text (upsert, 5, put->body, -1, SQLITE_STATIC);
  if (!step_done (self, upsert, error))
    return FALSE;

  if (put->parent_rev != NULL)
    {
      unleaf = prepare (self, "UPDATE revisions SET leaf = 0 WHERE doc_id = ?1 AND rev = ?2",
                        error);
      if (unleaf == NULL)
        return FALSE;
      sqlite3_bind_text (unleaf, 1, put->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (unleaf, 2, put->parent_rev, -1, SQLITE_STATIC);
      if (!step_done (self, unleaf, error))
        return FALSE;
    }

  revision = prepare (self,
                      "INSERT INTO revisions "
                      "  (doc_id, rev, parent, generation, deleted, leaf, body, author, created_at) "
                      "VALUES (?1, ?2, ?3, ?4, 0, 1, ?5, ?6, ?7)",
                      error);
  if (revision == NULL)
    return FALSE;
  sqlite3_bind_text (revision, 1, put->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (revision, 2, put->new_rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (revision, 3, put->parent_rev, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (revision, 4, generation);
  sqlite3_bind_text (revision, 5, put->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (revision, 6, put->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (revision, 7, now, -1, SQLITE_STATIC);

  return step_done (self, revision, error);
}

/**
 * styr_store_put:
 * @self: a #StyrStore
 * @id: the document id, "<type>:<key>"
 * @body: the document's fields; its "type" member must match @id's prefix
 * @parent_rev: (nullable): the revision this edit is based on, %NULL for a
 *   new document
 * @author: (nullable): who made the change, for the audit trail
 * @new_rev: (out) (optional) (transfer full): the new revision id
 * @error: return location for a #GError
 *
 * Writes a new revision of a document. The write fails with
 * %STYR_STORE_ERROR_CONFLICT when @parent_rev is not the document's current
 * revision, so a stale edit never overwrites a newer one.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_store_put (StyrStore   *self,
                const char  *id,
                JsonObject  *body,
                const char  *parent_rev,
                const char  *author,
                char       **new_rev,
                GError     **error)
{
  PutData put = { 0 };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  put.id = id;
  put.type = json_object_get_string_member_with_default (body, "type", NULL);
  if (put.type == NULL || put.type[0] == '\0' ||
      !g_str_has_prefix (id, put.type) || id[strlen (put.type)] != ':' ||
      id[strlen (put.type) + 1] == '\0')
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                   _("“%s” cannot be saved: its id must be its type followed by a colon and a "
                     "key."),
                   id);
      return FALSE;
    }

  if (json_object_has_member (body, "_id") || json_object_has_member (body, "_rev"))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                   _("“%s” cannot be saved: the body must not carry its own id or revision."),
                   id);
      return FALSE;
    }

  put.parent_rev = parent_rev;
  put.author = author;
  put.body = styr_json_object_to_canonical (body);

  ok = styr_store_transaction (self, put_in_transaction, &put, error);
  if (ok && new_rev != NULL)
    *new_rev = g_steal_pointer (&put.new_rev);

  g_free (put.body);
  g_free (put.new_rev);
  g_free (put.tombstone_rev);
  return ok;
}

static JsonObject *
parse_body (StyrStore   *self,
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *body;
  int rc;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = prepare (self, "SELECT rev, body FROM documents WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

  body = parse_body (self, id, (const char *) sqlite3_column_text (stmt, 1), error);
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
  int rc;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  stmt = prepare (self,
                  "SELECT id, body FROM documents WHERE type = ?1 AND deleted = 0 ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *body = parse_body (self,
                                     (const char *) sqlite3_column_text (stmt, 0),
                                     (const char *) sqlite3_column_text (stmt, 1),
                                     error);
      if (body == NULL)
        return NULL;
      g_ptr_array_add (result, body);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc);
      return NULL;
    }

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
  int rc;

  g_return_val_if_fail (STYR_IS_STORE (self), -1);
  g_return_val_if_fail (type != NULL, -1);

  stmt = prepare (self, "SELECT count(*) FROM documents WHERE type = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc);
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

  if (!query_int64 (self, "SELECT coalesce(max(seq), 0) FROM changes", &seq, error))
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
  int rc;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, error, rc);

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

  if (!check_not_aborted (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}
