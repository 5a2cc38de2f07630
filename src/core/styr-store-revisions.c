/* styr-store-revisions.c: the revision tree of StyrStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-json.h"
#include "styr-merge.h"
#include "styr-store-private.h"

/* Every document keeps the tree of its revisions as CouchDB does: a
 * revision names its parent, the leaves are the ends of the branches, and
 * the winning leaf is the one "documents" shows. Local edits extend the
 * winning leaf; replication can add leaves of its own, which is how a
 * conflict is stored. The revision a tombstone gets is made like any
 * other, from its parent and a fixed body.
 */
#define TOMBSTONE_BODY "{\"_deleted\":true}"

typedef struct
{
  char     *rev;
  char     *type;
  gboolean  deleted;
} Current;

static void
current_clear (Current *current)
{
  g_clear_pointer (&current->rev, g_free);
  g_clear_pointer (&current->type, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Current, current_clear)

/* Reads the winning revision; returns FALSE only on a database error. */
static gboolean
read_current (StyrStore   *self,
              const char  *id,
              Current     *current,
              GError     **error)
{
  g_autoptr(StyrCachedStmt) stmt = NULL;
  gboolean row;

  stmt = _styr_store_prepare_cached (self, "SELECT rev, type, deleted FROM documents WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  if (!_styr_store_step (self, stmt, &row, error))
    return FALSE;
  if (row)
    {
      current->rev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      current->type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      current->deleted = sqlite3_column_int (stmt, 2) != 0;
      return TRUE;
    }

  return TRUE;
}

static gboolean
revision_exists (StyrStore   *self,
                 const char  *id,
                 const char  *rev,
                 gboolean    *exists,
                 GError     **error)
{
  g_autoptr(StyrCachedStmt) stmt = NULL;

  stmt = _styr_store_prepare_cached (self, "SELECT 1 FROM revisions WHERE doc_id = ?1 AND rev = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);

  return _styr_store_step (self, stmt, exists, error);
}

/* The documents row must exist before its revisions refer to it. */
static gboolean
ensure_document (StyrStore   *self,
                 const char  *id,
                 const char  *type,
                 GError     **error)
{
  g_autoptr(StyrCachedStmt) stmt = NULL;

  stmt = _styr_store_prepare_cached (self,
                              "INSERT INTO documents (id, type, rev, deleted, seq, body) "
                              "VALUES (?1, ?2, '', 1, 0, '{}') ON CONFLICT (id) DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);

  return _styr_store_step_done (self, stmt, error);
}

static gboolean
insert_revision (StyrStore   *self,
                 const char  *id,
                 const char  *rev,
                 const char  *parent,
                 gboolean     deleted,
                 gboolean     leaf,
                 const char  *body,
                 const char  *author,
                 GError     **error)
{
  g_autoptr(StyrCachedStmt) unleaf = NULL;
  g_autoptr(StyrCachedStmt) insert = NULL;
  g_autofree char *now = _styr_store_now ();
  guint generation = 0;

  if (!styr_json_revision_parse (rev, &generation, NULL))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                   _("“%s” cannot be saved: “%s” is not a revision."), id, rev);
      return FALSE;
    }

  if (parent != NULL)
    {
      unleaf = _styr_store_prepare_cached (self,
                                    "UPDATE revisions SET leaf = 0 WHERE doc_id = ?1 AND rev = ?2",
                                    error);
      if (unleaf == NULL)
        return FALSE;
      sqlite3_bind_text (unleaf, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (unleaf, 2, parent, -1, SQLITE_STATIC);
      if (!_styr_store_step_done (self, unleaf, error))
        return FALSE;
    }

  insert = _styr_store_prepare_cached (self,
                                "INSERT INTO revisions (doc_id, rev, parent, generation, deleted, "
                                "  leaf, body, author, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, parent, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, generation);
  sqlite3_bind_int (insert, 5, deleted);
  sqlite3_bind_int (insert, 6, leaf);
  sqlite3_bind_text (insert, 7, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, author, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, now, -1, SQLITE_STATIC);

  return _styr_store_step_done (self, insert, error);
}

/* Picks the winning leaf as CouchDB does (a live leaf beats a deleted one,
 * then the longer branch, then the greater revision id), shows it in
 * "documents", flags a conflict when more than one leaf is live, and logs
 * the change in the local sequence.
 */
static gboolean
update_winner (StyrStore   *self,
               const char  *id,
               const char  *type,
               const char  *origin,
               GError     **error)
{
  g_autoptr(StyrCachedStmt) leaves = NULL;
  g_autoptr(StyrCachedStmt) log = NULL;
  g_autoptr(StyrCachedStmt) update = NULL;
  g_autofree char *winner = NULL;
  g_autofree char *body = NULL;
  g_autofree char *now = _styr_store_now ();
  gboolean deleted = TRUE;
  guint live = 0;
  gint64 seq;
  gboolean stepped, row;

  leaves = _styr_store_prepare_cached (self,
                                "SELECT rev, deleted, body FROM revisions "
                                "WHERE doc_id = ?1 AND leaf = 1 "
                                "ORDER BY deleted ASC, generation DESC, rev DESC",
                                error);
  if (leaves == NULL)
    return FALSE;
  sqlite3_bind_text (leaves, 1, id, -1, SQLITE_STATIC);

  while ((stepped = _styr_store_step (self, leaves, &row, error)) && row)
    {
      gboolean leaf_deleted = sqlite3_column_int (leaves, 1) != 0;

      if (winner == NULL)
        {
          const char *text = (const char *) sqlite3_column_text (leaves, 2);

          winner = g_strdup ((const char *) sqlite3_column_text (leaves, 0));
          deleted = leaf_deleted;
          body = g_strdup (!leaf_deleted && text != NULL ? text : "{}");
        }
      if (!leaf_deleted)
        live++;
    }
  if (!stepped)
    return FALSE;
  g_assert (winner != NULL);

  log = _styr_store_prepare_cached (self,
                             "INSERT INTO changes (doc_id, rev, origin, changed_at) "
                             "VALUES (?1, ?2, ?3, ?4)",
                             error);
  if (log == NULL)
    return FALSE;
  sqlite3_bind_text (log, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 2, winner, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 3, origin, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 4, now, -1, SQLITE_STATIC);
  if (!_styr_store_step_done (self, log, error))
    return FALSE;
  seq = sqlite3_last_insert_rowid (self->db);

  update = _styr_store_prepare_cached (self,
                                "UPDATE documents SET rev = ?2, deleted = ?3, conflicted = ?4, "
                                "  seq = ?5, body = ?6 WHERE id = ?1",
                                error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, winner, -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 3, deleted);
  sqlite3_bind_int (update, 4, live > 1);
  sqlite3_bind_int64 (update, 5, seq);
  sqlite3_bind_text (update, 6, body, -1, SQLITE_STATIC);
  if (!_styr_store_step_done (self, update, error))
    return FALSE;

  _styr_store_note_change (self, type, id);
  return TRUE;
}

static gboolean
check_id (const char  *id,
          const char  *type,
          GError     **error)
{
  if (type == NULL || type[0] == '\0' ||
      !g_str_has_prefix (id, type) || id[strlen (type)] != ':' || id[strlen (type) + 1] == '\0')
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                   _("“%s” cannot be saved: its id must be its type followed by a colon and a "
                     "key."),
                   id);
      return FALSE;
    }

  return TRUE;
}

/* Members starting with an underscore are CouchDB's own (_id, _rev,
 * _deleted, _attachments, …); a body must not carry them, or replicating
 * it would tell the server something else than the store means. */
static gboolean
check_body (const char  *id,
            JsonObject  *body,
            GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (body);

  for (const GList *l = members; l != NULL; l = l->next)
    if (((const char *) l->data)[0] == '_')
      {
        g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                     _("“%s” cannot be saved: the field “%s” is reserved for the database."),
                     id, (const char *) l->data);
        return FALSE;
      }

  return TRUE;
}

typedef struct
{
  const char *id;
  const char *type;
  const char *parent_rev;
  const char *author;
  const char *body;
  gboolean    deleted;
  char       *new_rev;
} Edit;

/* A local edit: extends the winning leaf, which the caller must have seen. */
static gboolean
edit_in_transaction (StyrStore  *self,
                     gpointer    user_data,
                     GError    **error)
{
  Edit *edit = user_data;
  g_auto(Current) current = { 0 };
  const char *parent = edit->parent_rev;

  if (!read_current (self, edit->id, &current, error))
    return FALSE;

  /* As in CouchDB, writing a deleted document without a revision brings
   * it back on top of its tombstone. */
  if (current.rev != NULL && current.deleted && parent == NULL && !edit->deleted)
    parent = current.rev;

  if (current.rev == NULL || (current.deleted && edit->deleted))
    {
      if (parent != NULL || edit->deleted)
        {
          g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                       _("“%s” cannot be changed: it no longer exists."), edit->id);
          return FALSE;
        }
    }
  else if (g_strcmp0 (current.rev, parent) != 0)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   _("“%s” cannot be changed: it was changed in the meantime."), edit->id);
      return FALSE;
    }

  edit->new_rev = styr_json_revision_next (parent, edit->deleted ? TOMBSTONE_BODY : edit->body);

  return ensure_document (self, edit->id, edit->type, error) &&
         insert_revision (self, edit->id, edit->new_rev, parent, edit->deleted, TRUE,
                          edit->deleted ? NULL : edit->body, edit->author, error) &&
         update_winner (self, edit->id, edit->type, "local", error);
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
  g_autofree char *text = NULL;
  Edit edit = { 0 };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  edit.type = json_object_get_string_member_with_default (body, "type", NULL);
  if (!check_id (id, edit.type, error))
    return FALSE;

  if (!check_body (id, body, error))
    return FALSE;

  text = styr_json_object_to_canonical (body);
  edit.id = id;
  edit.parent_rev = parent_rev;
  edit.author = author;
  edit.body = text;

  ok = styr_store_transaction (self, edit_in_transaction, &edit, error);
  if (ok && new_rev != NULL)
    *new_rev = g_steal_pointer (&edit.new_rev);

  g_free (edit.new_rev);
  return ok;
}

/**
 * styr_store_delete:
 * @self: a #StyrStore
 * @id: the document id
 * @parent_rev: the revision the user saw
 * @author: (nullable): who deleted it
 * @new_rev: (out) (optional) (transfer full): the tombstone's revision
 * @error: return location for a #GError
 *
 * Deletes a document by adding a tombstone revision: its history stays,
 * it can be undone, and the deletion replicates like any edit.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_store_delete (StyrStore   *self,
                   const char  *id,
                   const char  *parent_rev,
                   const char  *author,
                   char       **new_rev,
                   GError     **error)
{
  const char *colon;
  g_autofree char *type = NULL;
  Edit edit = { 0 };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (parent_rev != NULL, FALSE);

  colon = strchr (id, ':');
  type = colon != NULL ? g_strndup (id, colon - id) : NULL;
  if (!check_id (id, type, error))
    return FALSE;

  edit.id = id;
  edit.type = type;
  edit.parent_rev = parent_rev;
  edit.author = author;
  edit.deleted = TRUE;

  ok = styr_store_transaction (self, edit_in_transaction, &edit, error);
  if (ok && new_rev != NULL)
    *new_rev = g_steal_pointer (&edit.new_rev);

  g_free (edit.new_rev);
  return ok;
}

typedef struct
{
  const char         *id;
  const char * const *revisions;
  const char         *body;
  const char         *type;
  const char         *author;
  gboolean            deleted;
  gboolean            added;
} Replicated;

static gboolean
put_revision_in_transaction (StyrStore  *self,
                             gpointer    user_data,
                             GError    **error)
{
  Replicated *data = user_data;
  guint n = g_strv_length ((char **) data->revisions);
  guint known = n;
  gboolean exists;

  if (!revision_exists (self, data->id, data->revisions[0], &exists, error))
    return FALSE;
  if (exists)
    return TRUE;

  /* The nearest ancestor this store already has is where the new branch
   * joins the tree; without one, it starts a tree of its own. */
  for (guint i = 1; i < n; i++)
    {
      if (!revision_exists (self, data->id, data->revisions[i], &exists, error))
        return FALSE;
      if (exists)
        {
          known = i;
          break;
        }
    }

  if (!ensure_document (self, data->id, data->type, error))
    return FALSE;

  /* Ancestors we never had are stored without content, oldest first. */
  for (guint i = known - 1; i >= 1; i--)
    if (!insert_revision (self, data->id, data->revisions[i],
                          i + 1 < n ? data->revisions[i + 1] : NULL,
                          FALSE, FALSE, NULL, NULL, error))
      return FALSE;

  if (!insert_revision (self, data->id, data->revisions[0], n > 1 ? data->revisions[1] : NULL,
                        data->deleted, TRUE, data->deleted ? NULL : data->body, data->author,
                        error))
    return FALSE;

  data->added = TRUE;
  return update_winner (self, data->id, data->type, "replicated", error);
}

/**
 * styr_store_put_revision:
 * @self: a #StyrStore
 * @id: the document id
 * @revisions: (array zero-terminated=1): the revision to store, then its
 *   ancestors, newest first (CouchDB's "_revisions")
 * @body: (nullable): its content; %NULL for a tombstone
 * @deleted: whether the revision deletes the document
 * @author: (nullable): who made it, when that is known here
 * @added: (out) (optional): whether the store did not have it yet
 * @error: return location for a #GError
 *
 * Stores a revision made elsewhere, as CouchDB's `new_edits: false` does:
 * it keeps its id, joins the tree where its ancestry meets it, and may add
 * a second live leaf, a conflict. The winner follows CouchDB's rule, so
 * every replica agrees on it without talking to the others.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_store_put_revision (StyrStore           *self,
                         const char          *id,
                         const char * const  *revisions,
                         JsonObject          *body,
                         gboolean             deleted,
                         const char          *author,
                         gboolean            *added,
                         GError             **error)
{
  g_autofree char *text = NULL;
  g_autofree char *type = NULL;
  Replicated data = { 0 };
  const char *colon;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (revisions != NULL && revisions[0] != NULL, FALSE);
  g_return_val_if_fail (deleted || body != NULL, FALSE);

  colon = strchr (id, ':');
  type = colon != NULL ? g_strndup (id, colon - id) : NULL;
  if (!check_id (id, type, error))
    return FALSE;
  if (body != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (body, "type", NULL), type) != 0)
    return check_id (id, NULL, error);

  /* Each ancestor is one generation older than the revision after it, as
   * CouchDB's "_revisions" lists them. */
  for (guint i = 0; revisions[i] != NULL; i++)
    {
      guint generation = 0;
      guint first = 0;

      if (!styr_json_revision_parse (revisions[i], &generation, NULL) ||
          !styr_json_revision_parse (revisions[0], &first, NULL) ||
          generation + i != first)
        {
          g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID,
                       _("“%s” cannot be saved: “%s” is not a revision in sequence."), id,
                       revisions[i]);
          return FALSE;
        }
    }

  if (body != NULL && !check_body (id, body, error))
    return FALSE;

  if (body != NULL)
    text = styr_json_object_to_canonical (body);

  data.id = id;
  data.revisions = revisions;
  data.body = text;
  data.type = type;
  data.author = author;
  data.deleted = deleted;

  if (!styr_store_transaction (self, put_revision_in_transaction, &data, error))
    return FALSE;

  if (added != NULL)
    *added = data.added;
  return TRUE;
}

/* @sql, a query about revision @rev of @id as ?1 and ?2, bound to them. */
static sqlite3_stmt *
prepare_revision_query (StyrStore   *self,
                        const char  *sql,
                        const char  *id,
                        const char  *rev,
                        GError     **error)
{
  sqlite3_stmt *stmt = _styr_store_prepare (self, sql, error);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
    }
  return stmt;
}

/**
 * styr_store_get_revision_author:
 * @self: a #StyrStore
 * @id: the document id
 * @rev: one of its revisions
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): who made that revision; %NULL with
 *   @error unset when that is not known here, or the store does not have
 *   the revision
 */
char *
styr_store_get_revision_author (StyrStore   *self,
                                const char  *id,
                                const char  *rev,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL && rev != NULL, NULL);

  stmt = prepare_revision_query (self,
                                 "SELECT author FROM revisions WHERE doc_id = ?1 AND rev = ?2",
                                 id, rev, error);
  if (stmt == NULL)
    return NULL;

  if (_styr_store_step (self, stmt, &row, error) && row)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

/**
 * styr_store_get_revision:
 * @self: a #StyrStore
 * @id: the document id
 * @rev: one of its revisions
 * @deleted: (out) (optional): whether that revision is a tombstone
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the content of that revision; %NULL
 *   for a tombstone (no error) or when the store does not have it
 *   (%STYR_STORE_ERROR_NOT_FOUND)
 */
JsonObject *
styr_store_get_revision (StyrStore   *self,
                         const char  *id,
                         const char  *rev,
                         gboolean    *deleted,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *text;
  gboolean found;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL && rev != NULL, NULL);

  stmt = prepare_revision_query (self,
                                 "SELECT deleted, body FROM revisions WHERE doc_id = ?1 AND rev = ?2",
                                 id, rev, error);
  if (stmt == NULL)
    return NULL;

  if (!_styr_store_step (self, stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("Revision %s of “%s” is not in this database."), rev, id);
      return NULL;
    }

  if (deleted != NULL)
    *deleted = sqlite3_column_int (stmt, 0) != 0;
  if (sqlite3_column_int (stmt, 0) != 0)
    return NULL;

  text = (const char *) sqlite3_column_text (stmt, 1);
  if (text == NULL)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("The content of revision %s of “%s” is not in this database."), rev, id);
      return NULL;
    }

  return _styr_store_parse_body (self, id, text, error);
}

/**
 * styr_store_get_conflicts:
 * @self: a #StyrStore
 * @id: the document id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the live leaves that lost to the winner, an
 *   empty list when there is no conflict, or %NULL with @error set
 */
char **
styr_store_get_conflicts (StyrStore   *self,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT r.rev FROM revisions r JOIN documents d ON d.id = r.doc_id "
                              "WHERE r.doc_id = ?1 AND r.leaf = 1 AND r.deleted = 0 "
                              "  AND r.rev != d.rev "
                              "ORDER BY r.generation DESC, r.rev DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (!stepped)
    return NULL;

  return g_strv_builder_end (builder);
}

typedef struct
{
  const char         *id;
  const char         *type;
  const char         *body;
  const char         *seen_winner;
  const char * const *seen_losers;
  const char         *author;
  char               *new_rev;
} Resolution;

/* The user resolved what they saw; a sync may have changed it since. */
static gboolean
same_versions (const char          *winner,
               const char * const  *losers,
               const char          *seen_winner,
               const char * const  *seen_losers)
{
  guint n_seen = seen_losers != NULL ? g_strv_length ((char **) seen_losers) : 0;

  if (g_strcmp0 (winner, seen_winner) != 0 || g_strv_length ((char **) losers) != n_seen)
    return FALSE;

  for (guint i = 0; losers[i] != NULL; i++)
    if (!g_strv_contains (seen_losers, losers[i]))
      return FALSE;

  return TRUE;
}

static gboolean
resolve_in_transaction (StyrStore  *self,
                        gpointer    user_data,
                        GError    **error)
{
  Resolution *resolution = user_data;
  g_auto(GStrv) losers = NULL;
  g_auto(Current) current = { 0 };

  if (!read_current (self, resolution->id, &current, error))
    return FALSE;
  if (current.rev == NULL)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("“%s” cannot be changed: it no longer exists."), resolution->id);
      return FALSE;
    }

  losers = styr_store_get_conflicts (self, resolution->id, error);
  if (losers == NULL)
    return FALSE;

  if (!same_versions (current.rev, (const char * const *) losers, resolution->seen_winner,
                      resolution->seen_losers))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   _("The versions of “%s” changed while you compared them. Look at them again "
                     "before you choose."), resolution->id);
      return FALSE;
    }

  /* The chosen content goes on the winning branch; every other live
   * branch ends in a tombstone, so all replicas see the conflict closed. */
  resolution->new_rev = styr_json_revision_next (current.rev, resolution->body);
  if (!insert_revision (self, resolution->id, resolution->new_rev, current.rev, FALSE, TRUE,
                        resolution->body, resolution->author, error))
    return FALSE;

  for (guint i = 0; losers[i] != NULL; i++)
    {
      g_autofree char *tombstone = styr_json_revision_next (losers[i], TOMBSTONE_BODY);

      if (!insert_revision (self, resolution->id, tombstone, losers[i], TRUE, TRUE, NULL,
                            resolution->author, error))
        return FALSE;
    }

  return update_winner (self, resolution->id, current.type, "local", error);
}

/**
 * styr_store_resolve_conflict:
 * @self: a #StyrStore
 * @id: a conflicted document
 * @body: the content the user chose or combined
 * @seen_winner: the winning revision the user compared
 * @seen_losers: (array zero-terminated=1) (nullable): the conflicting
 *   revisions the user compared
 * @author: (nullable): who resolved it
 * @new_rev: (out) (optional) (transfer full): the resulting revision
 * @error: return location for a #GError
 *
 * Ends a conflict: @body becomes the next revision of the winner and the
 * losing leaves are deleted. The resolution replicates like any edit. It
 * fails with %STYR_STORE_ERROR_CONFLICT when the versions are no longer the
 * ones the user compared, so no version is ever dropped unseen.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_store_resolve_conflict (StyrStore           *self,
                             const char          *id,
                             JsonObject          *body,
                             const char          *seen_winner,
                             const char * const  *seen_losers,
                             const char          *author,
                             char       **new_rev,
                             GError     **error)
{
  g_autofree char *text = NULL;
  Resolution resolution = { 0 };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  resolution.type = json_object_get_string_member_with_default (body, "type", NULL);
  if (!check_id (id, resolution.type, error))
    return FALSE;

  text = styr_json_object_to_canonical (body);
  resolution.id = id;
  resolution.body = text;
  resolution.seen_winner = seen_winner;
  resolution.seen_losers = seen_losers;
  resolution.author = author;

  ok = styr_store_transaction (self, resolve_in_transaction, &resolution, error);
  if (ok && new_rev != NULL)
    *new_rev = g_steal_pointer (&resolution.new_rev);

  g_free (resolution.new_rev);
  return ok;
}

/* The first column of every row of @stmt, as strings. */
static GPtrArray *
collect_ids (StyrStore     *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean stepped, row;

  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!stepped)
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * styr_store_list_conflicted:
 * @self: a #StyrStore
 * @type: (nullable): only documents of this type
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8): the ids of documents in
 *   conflict, or %NULL with @error set
 */
GPtrArray *
styr_store_list_conflicted (StyrStore   *self,
                            const char  *type,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT id FROM documents WHERE conflicted = 1 "
                              "  AND (?1 IS NULL OR type = ?1) ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);

  return collect_ids (self, stmt, error);
}

typedef struct
{
  char     *rev;
  char     *parent;
  char     *author;
  char     *created_at;
  char     *body;
  gboolean  deleted;
} RevisionRow;

static void
revision_row_free (RevisionRow *row)
{
  g_free (row->rev);
  g_free (row->parent);
  g_free (row->author);
  g_free (row->created_at);
  g_free (row->body);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RevisionRow, revision_row_free)

static RevisionRow *
read_revision (StyrStore   *self,
               const char  *id,
               const char  *rev,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RevisionRow *row;
  gboolean found;

  stmt = _styr_store_prepare (self,
                              "SELECT parent, author, created_at, body, deleted FROM revisions "
                              "WHERE doc_id = ?1 AND rev = ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);

  if (!_styr_store_step (self, stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("Revision %s of “%s” is not in this database."), rev, id);
      return NULL;
    }

  row = g_new0 (RevisionRow, 1);
  row->rev = g_strdup (rev);
  row->parent = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->author = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->body = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  row->deleted = sqlite3_column_int (stmt, 4) != 0;
  return row;
}

/**
 * styr_store_get_history:
 * @self: a #StyrStore
 * @id: the document id
 * @error: return location for a #GError
 *
 * Reads the audit trail of a document: its winning branch from the newest
 * revision back to the first, each with who made it, when, and which
 * fields it changed from what to what.
 *
 * Returns: (transfer full) (element-type StyrRevisionInfo): newest first,
 *   or %NULL with @error set
 */
GPtrArray *
styr_store_get_history (StyrStore   *self,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(GPtrArray) history = NULL;
  g_auto(Current) current = { 0 };
  g_autoptr(RevisionRow) row = NULL;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!read_current (self, id, &current, error))
    return NULL;
  if (current.rev == NULL)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), id);
      return NULL;
    }

  history = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_revision_info_free);
  row = read_revision (self, id, current.rev, error);
  if (row == NULL)
    return NULL;

  while (row != NULL)
    {
      g_autoptr(RevisionRow) parent = NULL;
      g_autoptr(JsonObject) after = NULL;
      g_autoptr(JsonObject) before = NULL;
      StyrRevisionInfo *info;
      gboolean known = TRUE;

      if (row->parent != NULL)
        {
          parent = read_revision (self, id, row->parent, error);
          if (parent == NULL)
            return NULL;
        }

      if (row->body != NULL && !(after = _styr_store_parse_body (self, id, row->body, error)))
        return NULL;
      if (parent != NULL && parent->body != NULL &&
          !(before = _styr_store_parse_body (self, id, parent->body, error)))
        return NULL;

      /* A revision that came by replication may lack its own or its
       * parent's content; its changes are then unknown, not empty. */
      if ((row->body == NULL && !row->deleted) ||
          (parent != NULL && parent->body == NULL && !parent->deleted))
        known = FALSE;

      info = g_new0 (StyrRevisionInfo, 1);
      info->rev = g_strdup (row->rev);
      info->author = g_strdup (row->author);
      info->created_at = g_strdup (row->created_at);
      info->deleted = row->deleted;
      info->changes = known
        ? styr_history_diff (before, after)
        : g_ptr_array_new_with_free_func ((GDestroyNotify) styr_field_change_free);
      g_ptr_array_add (history, info);

      g_clear_pointer (&row, revision_row_free);
      row = g_steal_pointer (&parent);
    }

  return g_steal_pointer (&history);
}

typedef struct
{
  const char *id;
  const char *seen_rev;
  const char *author;
  char       *new_rev;
  /* Back to this revision, or to none, instead of the last one's parent. */
  gboolean    to_target;
  const char *target;
} Undo;

static gboolean
undo_in_transaction (StyrStore  *self,
                     gpointer    user_data,
                     GError    **error)
{
  Undo *undo = user_data;
  g_auto(Current) current = { 0 };
  g_autoptr(RevisionRow) last = NULL;
  g_autoptr(RevisionRow) previous = NULL;
  Edit edit = { 0 };
  gboolean ok;

  if (!read_current (self, undo->id, &current, error))
    return FALSE;
  if (current.rev == NULL)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), undo->id);
      return FALSE;
    }

  /* Undo the change the user made, not one a colleague's sync put on top. */
  if (g_strcmp0 (current.rev, undo->seen_rev) != 0)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   _("“%s” was changed again since; that change is not undone."), undo->id);
      return FALSE;
    }

  last = read_revision (self, undo->id, current.rev, error);
  if (last == NULL)
    return FALSE;
  if (undo->to_target)
    {
      if (undo->target != NULL && !(previous = read_revision (self, undo->id, undo->target, error)))
        return FALSE;
    }
  else if (last->parent != NULL &&
           !(previous = read_revision (self, undo->id, last->parent, error)))
    return FALSE;

  if (previous != NULL && !previous->deleted && previous->body == NULL)
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("The last change to “%s” cannot be undone: the version before it is not "
                     "in this database."), undo->id);
      return FALSE;
    }

  /* Undo is a new revision with the content before the last change, so it
   * keeps the history and replicates like any edit. Undoing the creation
   * deletes the document. */
  edit.id = undo->id;
  edit.type = current.type;
  edit.parent_rev = current.rev;
  edit.author = undo->author;
  edit.deleted = previous == NULL || previous->deleted;
  edit.body = edit.deleted ? NULL : previous->body;

  if (current.deleted && edit.deleted)
    {
      /* Going back to "there was none" leaves a deletion as it is. */
      if (undo->to_target)
        {
          undo->new_rev = g_strdup (current.rev);
          return TRUE;
        }
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("There is nothing to undo for “%s”."), undo->id);
      return FALSE;
    }

  edit.new_rev = styr_json_revision_next (current.rev, edit.deleted ? TOMBSTONE_BODY : edit.body);
  ok = insert_revision (self, edit.id, edit.new_rev, current.rev, edit.deleted, TRUE, edit.body,
                        edit.author, error) &&
       update_winner (self, edit.id, edit.type, "local", error);

  undo->new_rev = edit.new_rev;
  return ok;
}

/**
 * styr_store_list_deleted:
 * @self: a #StyrStore
 * @type: the document type
 * @error: return location for a #GError
 *
 * The trash: documents of @type whose winning revision is a deletion,
 * the latest deletion first. styr_store_undo() with the entry's @rev
 * restores one. The tombstones stay, as sync must pass deletions on.
 *
 * Returns: (transfer full) (element-type StyrDeletedDocument): the
 *   deleted documents, or %NULL with @error set
 */
GPtrArray *
styr_store_list_deleted (StyrStore   *self,
                         const char  *type,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT d.id, d.rev, r.author, r.created_at, p.body "
                              "FROM documents d "
                              "JOIN revisions r ON r.doc_id = d.id AND r.rev = d.rev "
                              "LEFT JOIN revisions p ON p.doc_id = d.id AND p.rev = r.parent "
                              "WHERE d.type = ?1 AND d.deleted = 1 "
                              "ORDER BY r.created_at DESC, d.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);

  deleted = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_deleted_document_free);
  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    {
      g_autoptr(StyrDeletedDocument) entry = g_new0 (StyrDeletedDocument, 1);
      const char *body = (const char *) sqlite3_column_text (stmt, 4);

      entry->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->rev = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->author = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->deleted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (body != NULL &&
          !(entry->body = _styr_store_parse_body (self, entry->id, body, error)))
        return NULL;
      g_ptr_array_add (deleted, g_steal_pointer (&entry));
    }
  if (!stepped)
    return NULL;

  return g_steal_pointer (&deleted);
}

/**
 * styr_store_undo:
 * @self: a #StyrStore
 * @id: the document id
 * @seen_rev: the revision the user wants to undo, the document's current one
 * @author: (nullable): who undid it
 * @new_rev: (out) (optional) (transfer full): the resulting revision
 * @error: return location for a #GError
 *
 * Undoes the last change to a document by writing the content it had
 * before: an edit is reverted, a deletion restored, a creation deleted.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_store_undo (StyrStore   *self,
                 const char  *id,
                 const char  *seen_rev,
                 const char  *author,
                 char       **new_rev,
                 GError     **error)
{
  Undo undo = { 0 };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  undo.id = id;
  undo.seen_rev = seen_rev;
  undo.author = author;

  ok = styr_store_transaction (self, undo_in_transaction, &undo, error);
  if (ok && new_rev != NULL)
    *new_rev = g_steal_pointer (&undo.new_rev);

  g_free (undo.new_rev);
  return ok;
}

/**
 * styr_store_edit_free:
 * @edit: a #StyrStoreEdit
 */
void
styr_store_edit_free (StyrStoreEdit *edit)
{
  g_free (edit->id);
  g_free (edit->before);
  g_free (edit->after);
  g_free (edit);
}

/**
 * styr_store_list_local_edits:
 * @self: a #StyrStore
 * @since: a change sequence number, from styr_store_get_update_seq()
 * @error: return location for a #GError
 *
 * Lists what was written here after @since, each document once: the
 * revision it had before and the one it has now. Replicated revisions
 * and sync's automatic merges are not edits made here and are left out.
 *
 * Returns: (transfer full) (element-type StyrStoreEdit): the edits in the
 *   order they were made, or %NULL with @error set
 */
GPtrArray *
styr_store_list_local_edits (StyrStore  *self,
                             gint64      since,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                styr_store_edit_free);
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);

  /* Sync's own merge of two versions is written here too, but it is a
   * colleague's change as much as the user's, and not the user's to undo. */
  stmt = _styr_store_prepare (self,
                              "SELECT c.doc_id, c.rev FROM changes c "
                              "JOIN revisions r ON r.doc_id = c.doc_id AND r.rev = c.rev "
                              "WHERE c.seq > ?1 AND c.origin = 'local' "
                              "  AND r.author IS NOT ?2 "
                              "ORDER BY c.seq",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_text (stmt, 2, STYR_AUTHOR_AUTOMATIC_MERGE, -1, SQLITE_STATIC);

  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *rev = (const char *) sqlite3_column_text (stmt, 1);
      GHashTable *revs = g_hash_table_lookup (written, id);
      StyrStoreEdit *edit = g_hash_table_lookup (by_id, id);

      if (revs == NULL)
        {
          revs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (written, g_strdup (id), revs);
          edit = g_new0 (StyrStoreEdit, 1);
          edit->id = g_strdup (id);
          g_ptr_array_add (edits, edit);
          g_hash_table_insert (by_id, edit->id, edit);
        }
      g_hash_table_add (revs, g_strdup (rev));
      g_free (edit->after);
      edit->after = g_strdup (rev);
    }
  if (!stepped)
    return NULL;

  /* Before is the first ancestor not written since: what it was. */
  for (guint i = 0; i < edits->len; i++)
    {
      StyrStoreEdit *edit = g_ptr_array_index (edits, i);
      GHashTable *revs = g_hash_table_lookup (written, edit->id);
      g_autofree char *rev = g_strdup (edit->after);

      while (rev != NULL && g_hash_table_contains (revs, rev))
        {
          g_autoptr(RevisionRow) revision = read_revision (self, edit->id, rev, error);

          if (revision == NULL)
            return NULL;
          g_free (rev);
          rev = g_steal_pointer (&revision->parent);
        }
      edit->before = g_steal_pointer (&rev);
    }

  return g_steal_pointer (&edits);
}

typedef struct
{
  GPtrArray  *edits;
  const char *author;
} Revert;

static gboolean
revert_in_transaction (StyrStore  *self,
                       gpointer    user_data,
                       GError    **error)
{
  Revert *revert = user_data;

  for (guint i = 0; i < revert->edits->len; i++)
    {
      StyrStoreEdit *edit = g_ptr_array_index (revert->edits, i);
      Undo undo = { edit->id, edit->after, revert->author, NULL, TRUE, edit->before };

      if (!undo_in_transaction (self, &undo, error))
        {
          g_free (undo.new_rev);
          return FALSE;
        }
      g_free (edit->before);
      edit->before = g_steal_pointer (&edit->after);
      edit->after = undo.new_rev;
    }
  return TRUE;
}

/**
 * styr_store_revert:
 * @self: a #StyrStore
 * @edits: (element-type StyrStoreEdit): edits from
 *   styr_store_list_local_edits()
 * @author: (nullable): who reverted them
 * @error: return location for a #GError
 *
 * Takes each document of @edits back to its @before content, all or none,
 * as new revisions that replicate like any edit; a document changed again
 * since its @after is not touched, and the whole revert fails. On success
 * each edit is turned around, so that reverting it again redoes it.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_store_revert (StyrStore   *self,
                   GPtrArray   *edits,
                   const char  *author,
                   GError     **error)
{
  g_autoptr(GPtrArray) copy = NULL;
  Revert revert = { NULL, author };

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (edits != NULL, FALSE);

  /* The edits turn around only when the whole transaction commits. */
  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_store_edit_free);
  for (guint i = 0; i < edits->len; i++)
    {
      StyrStoreEdit *edit = g_ptr_array_index (edits, i);
      StyrStoreEdit *twin = g_new0 (StyrStoreEdit, 1);

      twin->id = g_strdup (edit->id);
      twin->before = g_strdup (edit->before);
      twin->after = g_strdup (edit->after);
      g_ptr_array_add (copy, twin);
    }
  revert.edits = copy;
  if (!styr_store_transaction (self, revert_in_transaction, &revert, error))
    return FALSE;

  for (guint i = 0; i < edits->len; i++)
    {
      StyrStoreEdit *edit = g_ptr_array_index (edits, i);
      StyrStoreEdit *twin = g_ptr_array_index (copy, i);

      g_free (edit->before);
      g_free (edit->after);
      edit->before = g_steal_pointer (&twin->before);
      edit->after = g_steal_pointer (&twin->after);
    }
  return TRUE;
}

/**
 * styr_store_changes_since:
 * @self: a #StyrStore
 * @since: a change sequence number, 0 for the beginning
 * @limit: the most documents to return
 * @error: return location for a #GError
 *
 * Lists the documents changed after @since, each once, in the order of
 * their last change: what a push replicates next. The sequence numbers
 * are this database's own.
 *
 * Returns: (transfer full) (element-type StyrStoreChange): the changes,
 *   or %NULL with @error set
 */
GPtrArray *
styr_store_changes_since (StyrStore  *self,
                          gint64      since,
                          guint       limit,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *changes;
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT id, seq FROM documents WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_store_change_free);
  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    {
      StyrStoreChange *change = g_new0 (StyrStoreChange, 1);

      change->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->seq = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (changes, change);
    }
  if (!stepped)
    {
      g_ptr_array_unref (changes);
      return NULL;
    }

  return changes;
}

void
styr_store_change_free (StyrStoreChange *change)
{
  g_free (change->id);
  g_free (change);
}

/**
 * styr_store_get_leaf_revisions:
 * @self: a #StyrStore
 * @id: a document id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the revisions at the tips of @id's tree, the
 *   winner, the losing conflicts and deleted branches alike; empty if the
 *   document is unknown; %NULL with @error set on failure
 */
char **
styr_store_get_leaf_revisions (StyrStore   *self,
                               const char  *id,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) revs = g_strv_builder_new ();
  gboolean stepped, row;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT rev FROM revisions WHERE doc_id = ?1 AND leaf = 1 "
                              "ORDER BY generation DESC, rev DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while ((stepped = _styr_store_step (self, stmt, &row, error)) && row)
    g_strv_builder_add (revs, (const char *) sqlite3_column_text (stmt, 0));
  if (!stepped)
    return NULL;

  return g_strv_builder_end (revs);
}

/**
 * styr_store_list_pending:
 * @self: a #StyrStore
 * @since: the sequence number the server has confirmed up to
 * @error: return location for a #GError
 *
 * Lists the documents changed here, not received by sync, after @since:
 * the changes still waiting for the server.
 *
 * Returns: (transfer full) (element-type utf8): their ids, or %NULL with
 *   @error set
 */
GPtrArray *
styr_store_list_pending (StyrStore  *self,
                         gint64      since,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT DISTINCT doc_id FROM changes "
                              "  WHERE seq > ?1 AND origin = 'local' ORDER BY doc_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);

  return collect_ids (self, stmt, error);
}

/**
 * styr_store_is_pending:
 * @self: a #StyrStore
 * @id: a document id
 *
 * Whether a change made here to @id waits for the team's server: sync
 * keeps the point up to which the server confirmed the changes in the
 * setting %STYR_STORE_CONFIRMED_KEY, and without sync nothing waits.
 *
 * Returns: %TRUE if @id has a change the server has not confirmed
 */
gboolean
styr_store_is_pending (StyrStore  *self,
                       const char *id)
{
  g_autoptr(StyrCachedStmt) stmt = NULL;
  g_autofree char *confirmed = NULL;
  gboolean pending;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  confirmed = styr_store_get_setting (self, STYR_STORE_CONFIRMED_KEY, NULL);
  if (confirmed == NULL || confirmed[0] == '\0')
    return FALSE;

  /* A change the server refused waits here until it is sent. */
  {
    g_autofree char *refused = styr_store_get_refused (self, id, NULL);

    if (refused != NULL)
      return TRUE;
  }

  stmt = _styr_store_prepare_cached (self,
                                     "SELECT 1 FROM changes WHERE doc_id = ?1 AND seq > ?2 "
                                     "  AND origin = 'local' LIMIT 1",
                                     NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_ascii_strtoll (confirmed, NULL, 10));
  return _styr_store_step (self, stmt, &pending, NULL) && pending;
}

/**
 * styr_store_get_ancestry:
 * @self: a #StyrStore
 * @id: a document id
 * @rev: one of its revisions
 * @error: return location for a #GError
 *
 * Returns: (transfer full): @rev and the revisions it descends from, the
 *   newest first, as far as this database knows them: what CouchDB's
 *   `_revisions` carries; %NULL with @error set if @rev is unknown
 */
char **
styr_store_get_ancestry (StyrStore   *self,
                         const char  *id,
                         const char  *rev,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) chain = g_strv_builder_new ();
  g_autofree char *current = g_strdup (rev);
  guint n = 0;

  g_return_val_if_fail (STYR_IS_STORE (self), NULL);

  stmt = _styr_store_prepare (self,
                              "SELECT parent FROM revisions WHERE doc_id = ?1 AND rev = ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  while (current != NULL)
    {
      gboolean found;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, current, -1, SQLITE_TRANSIENT);
      if (!_styr_store_step (self, stmt, &found, error))
        return NULL;
      if (!found)
        {
          if (n == 0)
            {
              g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                           _("Revision %s of “%s” is not in this database."), rev, id);
              return NULL;
            }
          break;
        }

      g_strv_builder_add (chain, current);
      n++;
      g_free (current);
      current = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }

  return g_strv_builder_end (chain);
}

/**
 * styr_store_has_revision:
 * @self: a #StyrStore
 * @id: a document id
 * @rev: a revision
 *
 * Returns: %TRUE if this database holds @rev of @id, its content or its
 *   place in the tree
 */
gboolean
styr_store_has_revision (StyrStore  *self,
                         const char *id,
                         const char *rev)
{
  gboolean exists = FALSE;

  g_return_val_if_fail (STYR_IS_STORE (self), FALSE);

  /* A pull asks this of every change it is offered; the cached statement
   * saves preparing it each time. */
  return revision_exists (self, id, rev, &exists, NULL) && exists;
}
