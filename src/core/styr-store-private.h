/* styr-store-private.h: what the parts of the store share: styr-store.c
 * (open, migrate, transactions), its statements, documents, revisions,
 * queries and backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "styr-store.h"

G_BEGIN_DECLS

struct _StyrStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  /* The thread that opened the connection, the only one that may use it:
   * the workers open connections of their own. */
  GThread    *owner;
  guint       schema_version;
  guint       transaction_depth;
  /* Set when SQLite ended the whole transaction under a savepoint (disk
   * full, I/O error): every enclosing level must then fail too, and nothing
   * may be written in autocommit mode behind the caller's back. */
  gboolean    transaction_aborted;
  int         busy_timeout;
  /* type → (id → id): what the current transaction changed, announced
   * once it is committed. */
  GHashTable *pending_changes;
  /* SQL text (by address) → prepared statement, for the statements every
   * write runs; preparing them anew for each of 100 000 documents in an
   * import would cost more than the writes. */
  GHashTable *statements;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A cached statement is borrowed: it is reset, not finalized, when the
 * borrower is done with it. */
typedef sqlite3_stmt StyrCachedStmt;

static inline void
_styr_store_release (StyrCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrCachedStmt, _styr_store_release)

void          _styr_store_set_error         (StyrStore    *self,
                                             GError      **error,
                                             int           rc);
sqlite3_stmt *_styr_store_prepare           (StyrStore    *self,
                                             const char   *sql,
                                             GError      **error);
StyrCachedStmt *_styr_store_prepare_cached (StyrStore    *self,
                                             const char   *sql,
                                             GError      **error);
gboolean      _styr_store_exec              (StyrStore    *self,
                                             const char   *sql,
                                             GError      **error);
gboolean      _styr_store_step              (StyrStore    *self,
                                             sqlite3_stmt *stmt,
                                             gboolean     *row,
                                             GError      **error);
gboolean      _styr_store_step_done         (StyrStore    *self,
                                             sqlite3_stmt *stmt,
                                             GError      **error);
gboolean      _styr_store_query_int64       (StyrStore    *self,
                                             const char   *sql,
                                             gint64       *value,
                                             GError      **error);
gboolean      _styr_store_migrate           (StyrStore    *self,
                                             gint64        version,
                                             GError      **error);
gboolean      _styr_store_backup_before_migration (StyrStore *self,
                                                   guint      from_version,
                                                   GError   **error);
void          _styr_store_flush_changes     (StyrStore    *self);
char         *_styr_store_query_text        (StyrStore    *self,
                                             const char   *sql,
                                             GError      **error);
char         *_styr_store_now               (void);
gboolean      _styr_store_check_not_aborted (StyrStore    *self,
                                             GError      **error);
JsonObject   *_styr_store_parse_body        (StyrStore    *self,
                                             const char   *id,
                                             const char   *text,
                                             GError      **error);
void          _styr_store_note_change       (StyrStore    *self,
                                             const char   *type,
                                             const char   *id);

G_END_DECLS
