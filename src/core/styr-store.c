/* styr-store.c: opening, checking and migrating the database file,
 * transactions, and the change notices sent once they commit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

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
  SYNC_MARKS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

gboolean
_styr_store_migrate (StyrStore  *self,
                     gint64      version,
                     GError    **error)
{
  const char * const *steps;
  guint n_steps;

  steps = _styr_migrations_get (&n_steps);

  if (version > 0 && version < n_steps &&
      !_styr_store_backup_before_migration (self, version, error))
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

  return _styr_store_migrate (self, version, error);
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

  /**
   * StyrStore::sync-marks-changed:
   * @self: the store
   * @ids: the documents whose changes the team's server has now
   *   confirmed, or that wait for it again
   *
   * Emitted by styr_store_announce_sync_marks(), so that every list
   * redraws the "not sent yet" mark of just those records.
   */
  signals[SYNC_MARKS_CHANGED] =
    g_signal_new ("sync-marks-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);
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
void
_styr_store_flush_changes (StyrStore *self)
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
        _styr_store_flush_changes (self);
      else
        g_hash_table_remove_all (self->pending_changes);
    }

  return ok;
}

/**
 * styr_store_announce_sync_marks:
 * @self: a #StyrStore
 * @ids: (array zero-terminated=1): documents whose "not sent" state
 *   changed
 *
 * Tells the lists with #StyrStore::sync-marks-changed; sync calls it
 * after a pass, with what the pass confirmed.
 */
void
styr_store_announce_sync_marks (StyrStore          *self,
                                const char * const *ids)
{
  g_return_if_fail (STYR_IS_STORE (self));
  g_return_if_fail (ids != NULL);

  if (ids[0] != NULL)
    g_signal_emit (self, signals[SYNC_MARKS_CHANGED], 0, ids);
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

  _styr_store_flush_changes (self);
  return last;
}
