/* styr-replicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-replicator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "styr-http-private.h"
#include "styr-json.h"
#include "styr-merge.h"
#include "styr-record.h"
#include "styr-replicator.h"

/* StyrReplicator replicates the store with one database on a CouchDB
 * server by the CouchDB replication protocol, both ways:
 *
 * pull: _changes from the checkpoint in batches, the revisions missing
 *       here fetched with _bulk_get (open_revs where a server lacks it),
 *       and written with their ancestry, one transaction per batch; a
 *       thread fetches the next batch while one is written;
 * push: the documents changed here since the checkpoint, _revs_diff to
 *       ask which revisions the server lacks, and _bulk_docs with
 *       new_edits:false and _revisions.
 *
 * Who made a revision travels with it, as the document's "styr_author"
 * member, so a colleague's history names the colleague; the store keeps
 * it beside the revision, not in the content.
 *
 * Checkpoints are kept on both sides, in a _local document on the server
 * and in the store's settings, under an id made of this database, the
 * server, the database and the direction; a pass resumes from them only
 * when both agree. Revisions are immutable and written with their
 * ancestry, so a pass that fails half-way loses nothing and the next one
 * simply goes on: an answer that cannot be read never reaches the store.
 */

G_DEFINE_QUARK (styr-replicator-error-quark, styr_replicator_error)

#define DEFAULT_BATCH 500
#define AUTHOR_MEMBER "styr_author"
/* Attachments another CouchDB client added: Styr keeps their stubs in the
 * body, so an edit here sends them on and the server keeps the files. */
#define ATTACHMENTS_MEMBER "styr_attachments"

struct _StyrReplicator
{
  GObject      parent_instance;

  StyrStore   *store;
  StyrHttp    *http;
  char        *server;
  char        *database;
  guint        batch_size;
  /* Why the server would not take a revision, the last time it said so. */
  char        *refusal;
  /* The documents of the last pull Styr could not store, each "id: why" */
  GPtrArray   *skipped;
};

G_DEFINE_FINAL_TYPE (StyrReplicator, styr_replicator, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
styr_replicator_finalize (GObject *object)
{
  StyrReplicator *self = (StyrReplicator *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->http, styr_http_free);
  g_free (self->server);
  g_free (self->database);
  g_free (self->refusal);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_replicator_parent_class)->finalize (object);
}

static void
styr_replicator_class_init (StyrReplicatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styr_replicator_finalize;

  /**
   * StyrReplicator::progress:
   * @self: the replicator
   * @direction: "pull" or "push"
   * @done: revisions moved so far in this direction
   *
   * Emitted after each batch, in the thread the pass runs in, once its
   * checkpoint is written.
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
styr_replicator_init (StyrReplicator *self)
{
  self->batch_size = DEFAULT_BATCH;
  self->skipped = g_ptr_array_new_null_terminated (1, g_free, TRUE);
}

/**
 * styr_replicator_new:
 * @store: the store to replicate
 * @server: the server's URL, e.g. "https://couch.example.dk"
 * @database: the database on it
 * @user: (nullable): the user name
 * @password: (nullable): the password; kept in memory only
 * @error: return location for a #GError
 *
 * Plain http is accepted only for a server on this machine; certificate
 * errors are never accepted.
 *
 * Returns: (transfer full): a replicator, or %NULL with @error set
 */
StyrReplicator *
styr_replicator_new (StyrStore   *store,
                     const char  *server,
                     const char  *database,
                     const char  *user,
                     const char  *password,
                     GError     **error)
{
  g_autoptr(StyrReplicator) self = NULL;
  g_autoptr(StyrHttp) http = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (server != NULL && database != NULL, NULL);

  http = styr_http_new (server, user, password, error);
  if (http == NULL)
    return NULL;
  if (database[0] == '\0' || strchr (database, '/') != NULL)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NO_DATABASE,
                   /* Translators: %s is what was given as the database's name. */
                   _("“%s” is not the name of a database."), database);
      return NULL;
    }

  self = g_object_new (STYR_TYPE_REPLICATOR, NULL);
  self->store = g_object_ref (store);
  self->http = g_steal_pointer (&http);
  /* As given, so the checkpoints' ids stay what they were. */
  self->server = g_strdup (server);
  while (g_str_has_suffix (self->server, "/"))
    self->server[strlen (self->server) - 1] = '\0';
  self->database = g_uri_escape_string (database, NULL, FALSE);

  return g_steal_pointer (&self);
}

/**
 * styr_replicator_set_timeout:
 * @self: a #StyrReplicator
 * @seconds: how long to wait for an answer before giving up
 */
void
styr_replicator_set_timeout (StyrReplicator *self,
                             guint           seconds)
{
  g_return_if_fail (STYR_IS_REPLICATOR (self));

  styr_http_set_timeout (self->http, seconds);
}

/**
 * styr_replicator_set_batch_size:
 * @self: a #StyrReplicator
 * @batch_size: how many changes one request carries
 */
void
styr_replicator_set_batch_size (StyrReplicator *self,
                                guint           batch_size)
{
  g_return_if_fail (STYR_IS_REPLICATOR (self));

  self->batch_size = MAX (batch_size, 1);
}

/* One request to the server: @path is below the database, or "" for
 * the database itself. The answer must be JSON from a 2xx, or a 404 the
 * caller asked to see; everything else becomes an error that says what
 * went wrong, and nothing of it reaches the store. */
static JsonNode *
request (StyrReplicator  *self,
         const char      *method,
         const char      *path,
         JsonNode        *body,
         gboolean         allow_missing,
         guint           *status_out,
         GCancellable    *cancellable,
         GError         **error)
{
  g_autofree char *below = g_strdup_printf ("%s%s%s", self->database,
                                            path[0] != '\0' ? "/" : "", path);
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *type = NULL;
  guint status = 0;

  answer = styr_http_send (self->http, method, below, body, &status, &type, cancellable, error);
  if (answer == NULL)
    return NULL;

  if (status_out != NULL)
    *status_out = status;
  if (status == SOUP_STATUS_NOT_FOUND && !allow_missing)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NO_DATABASE,
                   /* Translators: the database's name, then the server. */
                   _("There is no database “%s” on %s."), self->database,
                   styr_http_get_url (self->http));
      return NULL;
    }

  return styr_http_parse_json (self->http, answer, status, type, error);
}

static JsonObject *
object_of (StyrReplicator  *self,
           JsonNode        *node,
           GError         **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  styr_http_set_unreadable (self->http, error);
  return NULL;
}

static gboolean
check_database (StyrReplicator  *self,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(JsonNode) node = request (self, "GET", "", NULL, FALSE, NULL, cancellable, error);
  JsonObject *info = node != NULL ? object_of (self, node, error) : NULL;

  if (info == NULL)
    return FALSE;
  if (!json_object_has_member (info, "update_seq") && !json_object_has_member (info, "db_name"))
    {
      styr_http_set_unreadable (self->http, error);
      return FALSE;
    }
  return TRUE;
}

/* The id both sides keep a direction's checkpoint under. */
static char *
replication_id (StyrReplicator *self,
                const char     *direction)
{
  g_autofree char *node = styr_store_get_setting (self->store, "replication-node", NULL);
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;

  if (node == NULL)
    {
      node = g_uuid_string_random ();
      styr_store_set_setting (self->store, "replication-node", node, NULL);
    }
  key = g_strdup_printf ("%s|%s|%s|%s", node, self->server, self->database, direction);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  return g_strdup_printf ("styr-%.32s", hash);
}

/* The checkpoint as a string; "0" unless both sides agree on one. */
static char *
read_checkpoint (StyrReplicator  *self,
                 const char      *id,
                 char           **remote_rev,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autofree char *path = g_strconcat ("_local/", id, NULL);
  g_autofree char *key = g_strconcat ("checkpoint:", id, NULL);
  g_autofree char *local = styr_store_get_setting (self->store, key, NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  guint status = 0;
  const char *remote;

  node = request (self, "GET", path, NULL, TRUE, &status, cancellable, error);
  if (node == NULL)
    return NULL;
  if (status == SOUP_STATUS_NOT_FOUND || (object = object_of (self, node, NULL)) == NULL)
    return g_strdup ("0");

  remote = styr_json_get_string (object, "last_seq", NULL);
  *remote_rev = g_strdup (styr_json_get_string (object, "_rev", NULL));
  return g_strdup (remote != NULL && g_strcmp0 (remote, local) == 0 ? remote : "0");
}

static gboolean
write_checkpoint (StyrReplicator  *self,
                  const char      *id,
                  const char      *seq,
                  char           **remote_rev,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autofree char *path = g_strconcat ("_local/", id, NULL);
  g_autofree char *key = g_strconcat ("checkpoint:", id, NULL);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object = json_object_new ();
  JsonObject *result;

  json_object_set_string_member (object, "last_seq", seq);
  if (*remote_rev != NULL)
    json_object_set_string_member (object, "_rev", *remote_rev);
  json_node_take_object (body, object);

  answer = request (self, "PUT", path, body, FALSE, NULL, cancellable, error);
  if (answer == NULL || (result = object_of (self, answer, error)) == NULL)
    return FALSE;
  g_free (*remote_rev);
  *remote_rev = g_strdup (styr_json_get_string (result, "rev", NULL));

  return styr_store_set_setting (self->store, key, seq, error);
}

static char *
seq_text (JsonNode *seq)
{
  if (seq == NULL || JSON_NODE_HOLDS_NULL (seq))
    return g_strdup ("0");
  if (JSON_NODE_HOLDS_VALUE (seq) && json_node_get_value_type (seq) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (seq));
  return json_to_string (seq, FALSE);
}

typedef struct
{
  GPtrArray *docs;
  guint      added;
  guint      merged;
  /* "id: why" of the documents it could not store */
  GPtrArray *skipped;
} Incoming;

/* The stubs of a document's attachments, as CouchDB describes them
 * without their data: enough to send them on unchanged. */
static void
keep_attachment_stubs (JsonObject *body,
                       JsonNode   *attachments)
{
  JsonObject *stubs;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (attachments))
    return;

  stubs = json_object_new ();
  json_object_iter_init (&iter, json_node_get_object (attachments));
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonObject *stub;
      JsonObjectIter fields;
      const char *field;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      stub = json_object_new ();
      json_object_iter_init (&fields, json_node_get_object (node));
      while (json_object_iter_next (&fields, &field, &value))
        if (!g_str_equal (field, "data") && !g_str_equal (field, "stub") &&
            !g_str_equal (field, "follows"))
          json_object_set_member (stub, field, json_node_copy (value));
      json_object_set_boolean_member (stub, "stub", TRUE);
      json_object_set_object_member (stubs, name, stub);
    }

  if (json_object_get_size (stubs) > 0)
    json_object_set_object_member (body, ATTACHMENTS_MEMBER, stubs);
  else
    json_object_unref (stubs);
}

/* A document of a type Styr knows, checked as every other path checks it. */
static gboolean
check_record (const char  *id,
              JsonObject  *body,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(StyrRecord) record = styr_record_new_from_json (id, NULL, body, &local_error);

  if (record != NULL ||
      g_error_matches (local_error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_UNKNOWN_TYPE))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A document from the server that is not stored here, for the user:
 * "“agreement:1b4e…”: why". */
static char *
skipped_doc (const char *id,
             const char *why)
{
  /* Translators: a document from the server that is not stored here, and why. */
  return g_strdup_printf (_("“%s”: %s"), id, why);
}

/* Writes one batch of the server's revisions with their ancestry, all or
 * nothing. */
static gboolean
write_incoming (StyrStore  *store,
                gpointer    user_data,
                GError    **error)
{
  Incoming *incoming = user_data;

  incoming->added = 0;
  incoming->merged = 0;
  g_ptr_array_set_size (incoming->skipped, 0);
  for (guint i = 0; i < incoming->docs->len; i++)
    {
      JsonObject *doc = g_ptr_array_index (incoming->docs, i);
      const char *id = styr_json_get_string (doc, "_id", NULL);
      const char *rev = styr_json_get_string (doc, "_rev", NULL);
      JsonObject *revisions = json_object_has_member (doc, "_revisions")
                              ? styr_json_get_object (doc, "_revisions") : NULL;
      g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JsonObject) body = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (doc);
      gboolean deleted = styr_json_get_boolean (doc, "_deleted", FALSE);
      gboolean added = FALSE;
      gboolean merged = FALSE;
      g_autoptr(GError) invalid = NULL;

      if (id == NULL || rev == NULL)
        continue;

      if (revisions != NULL && json_object_has_member (revisions, "ids"))
        {
          JsonArray *ids = styr_json_get_array (revisions, "ids");
          gint64 start = styr_json_get_int (revisions, "start", 0);

          for (guint r = 0; ids != NULL && r < json_array_get_length (ids); r++)
            g_ptr_array_add (chain, g_strdup_printf ("%" G_GINT64_FORMAT "-%s", start - r,
                                                     styr_json_array_get_string (ids, r)));
        }
      if (chain->len == 0)
        g_ptr_array_add (chain, g_strdup (rev));
      g_ptr_array_add (chain, NULL);

      for (GList *l = members; l != NULL; l = l->next)
        if (((const char *) l->data)[0] != '_' && !g_str_equal (l->data, AUTHOR_MEMBER))
          json_object_set_member (body, l->data,
                                  json_node_copy (json_object_get_member (doc, l->data)));
      if (json_object_has_member (doc, "_attachments"))
        keep_attachment_stubs (body, json_object_get_member (doc, "_attachments"));

      /* A deletion carries no content of its own. A document Styr cannot
       * read, or one its rules refuse on every other path (a holder who is
       * also the deputy), written to the server by some other client, must
       * not stop the team's sync for good: it stays on the server, unread
       * here. A type this version does not know is kept as it is. */
      if (!deleted && !check_record (id, body, &invalid))
        {
          g_message ("Skipped %s from the server: %s", id, invalid->message);
          g_ptr_array_add (incoming->skipped, skipped_doc (id, invalid->message));
          g_clear_error (&invalid);
          continue;
        }
      if (!styr_store_put_revision (store, id, (const char * const *) chain->pdata,
                                    deleted ? NULL : body, deleted,
                                    styr_json_get_string (doc,
                                                                                AUTHOR_MEMBER,
                                                                                NULL),
                                    &added, &invalid))
        {
          if (!g_error_matches (invalid, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&invalid));
              return FALSE;
            }
          g_message ("Skipped %s from the server: %s", id, invalid->message);
          g_ptr_array_add (incoming->skipped, skipped_doc (id, invalid->message));
          continue;
        }
      incoming->added += added;

      /* Changes to different fields are merged at once, in the same
       * transaction, so no one sees a conflict that is not one. */
      if (added && !styr_merge_conflict (store, id, &merged, error))
        return FALSE;
      incoming->merged += merged;
    }

  return TRUE;
}

/* The revisions of @missing (id → array of revs) as full documents,
 * through _bulk_get, or open_revs from a server without it. */
static GPtrArray *
fetch_all (StyrReplicator  *self,
           JsonObject      *missing,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GList) ids = json_object_get_members (missing);
  JsonObject *request_body = json_object_new ();
  JsonArray *list = json_array_new ();
  JsonObject *result;
  JsonArray *results;
  guint status = 0;

  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonArray *revs = styr_json_get_array (missing, l->data);

      for (guint r = 0; r < json_array_get_length (revs); r++)
        {
          JsonObject *entry = json_object_new ();

          json_object_set_string_member (entry, "id", l->data);
          json_object_set_string_member (entry, "rev", styr_json_array_get_string (revs, r));
          json_array_add_object_element (list, entry);
        }
    }
  json_object_set_array_member (request_body, "docs", list);
  json_node_take_object (body, request_body);

  answer = request (self, "POST", "_bulk_get?revs=true", body, TRUE, &status, cancellable, error);
  if (answer == NULL)
    return NULL;

  if (status == SOUP_STATUS_NOT_FOUND)
    {
      /* A server without _bulk_get: one open_revs request per document. */
      for (GList *l = ids; l != NULL; l = l->next)
        {
          g_autofree char *escaped = g_uri_escape_string (l->data, NULL, FALSE);
          g_autofree char *revs = json_to_string (json_object_get_member (missing, l->data), FALSE);
          g_autofree char *revs_escaped = g_uri_escape_string (revs, NULL, FALSE);
          g_autofree char *path = g_strdup_printf ("%s?revs=true&open_revs=%s", escaped,
                                                   revs_escaped);
          g_autoptr(JsonNode) each = request (self, "GET", path, NULL, FALSE, NULL, cancellable,
                                              error);

          if (each == NULL)
            return NULL;
          if (!JSON_NODE_HOLDS_ARRAY (each))
            {
              object_of (self, NULL, error);
              return NULL;
            }
          for (guint i = 0; i < json_array_get_length (json_node_get_array (each)); i++)
            {
              JsonObject *entry = styr_json_array_get_object (json_node_get_array (each), i);

              if (entry != NULL && json_object_has_member (entry, "ok"))
                g_ptr_array_add (docs, json_object_ref (styr_json_get_object (entry, "ok")));
            }
        }
      return g_steal_pointer (&docs);
    }

  if ((result = object_of (self, answer, error)) == NULL)
    return NULL;
  results = json_object_has_member (result, "results")
            ? styr_json_get_array (result, "results") : NULL;
  if (results == NULL)
    {
      object_of (self, NULL, error);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *entry = styr_json_array_get_object (results, i);
      JsonArray *found = entry != NULL && json_object_has_member (entry, "docs")
                         ? styr_json_get_array (entry, "docs") : NULL;

      for (guint d = 0; found != NULL && d < json_array_get_length (found); d++)
        {
          JsonObject *one = styr_json_array_get_object (found, d);

          JsonObject *failed = one != NULL && json_object_has_member (one, "error") &&
                               JSON_NODE_HOLDS_OBJECT (json_object_get_member (one, "error"))
                               ? styr_json_get_object (one, "error") : NULL;
          const char *why = failed != NULL
                            ? styr_json_get_string (failed, "error", "")
                            : NULL;

          if (one != NULL && json_object_has_member (one, "ok") &&
              JSON_NODE_HOLDS_OBJECT (json_object_get_member (one, "ok")))
            g_ptr_array_add (docs, json_object_ref (styr_json_get_object (one, "ok")));
          /* A revision gone from the server since _changes named it is
           * simply not there; any other failure would be skipped for good
           * once the checkpoint moves, so the batch fails instead. */
          else if (why != NULL && g_strcmp0 (why, "not_found") != 0)
            {
              g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_SERVER,
                           /* Translators: the server, a document, and the server's reason. */
                           _("%s could not send “%s” (%s). Nothing was changed here; the next "
                             "synchronisation tries again."),
                           styr_http_get_url (self->http),
                           styr_json_get_string (failed, "id", "?"), why);
              return NULL;
            }
        }
    }

  return g_steal_pointer (&docs);
}

/* Why a document from the server cannot be read at all, or %NULL when
 * @error is about something else. */
static const char *
unreadable_reason (const GError *error)
{
  if (g_error_matches (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_TOO_DEEP))
    return _("it nests deeper than Styr reads");
  if (g_error_matches (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NOT_UNICODE))
    return _("its text is not valid Unicode");
  return NULL;
}

/* As fetch_all(); but one document Styr cannot read spoils the whole
 * answer, so then each is fetched alone, and the ones that cannot be
 * read are named in @skipped while the others arrive. */
static GPtrArray *
fetch (StyrReplicator  *self,
       JsonObject      *missing,
       GPtrArray       *skipped,
       GCancellable    *cancellable,
       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) docs = fetch_all (self, missing, cancellable, &local_error);
  g_autoptr(GList) ids = NULL;

  if (docs != NULL)
    return g_steal_pointer (&docs);
  if (unreadable_reason (local_error) == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  ids = json_object_get_members (missing);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      g_autoptr(JsonObject) one = json_object_new ();
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) one_error = NULL;

      json_object_set_member (one, l->data, json_node_copy (json_object_get_member (missing,
                                                                                  l->data)));
      found = fetch_all (self, one, cancellable, &one_error);
      if (found == NULL && unreadable_reason (one_error) != NULL)
        {
          g_message ("Skipped %s from the server: %s", (const char *) l->data,
                     one_error->message);
          g_ptr_array_add (skipped, skipped_doc (l->data, unreadable_reason (one_error)));
          continue;
        }
      if (found == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&one_error));
          return NULL;
        }
      g_ptr_array_extend_and_steal (docs, g_steal_pointer (&found));
    }

  return g_steal_pointer (&docs);
}

/* One batch of the server's changes from @since, checked to have a list
 * of results and a last_seq. */
static JsonNode *
get_changes (StyrReplicator  *self,
             const char      *since,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autofree char *since_escaped = g_uri_escape_string (since, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("_changes?style=all_docs&since=%s&limit=%u",
                                           since_escaped, self->batch_size);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *changes;
  JsonNode *results;

  answer = request (self, "GET", path, NULL, FALSE, NULL, cancellable, error);
  if (answer == NULL || (changes = object_of (self, answer, error)) == NULL)
    return NULL;
  results = json_object_get_member (changes, "results");
  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results) ||
      !json_object_has_member (changes, "last_seq"))
    {
      object_of (self, NULL, error);
      return NULL;
    }
  return g_steal_pointer (&answer);
}

/* The revisions @results names that this store lacks, as id → revs. */
static JsonObject *
missing_revisions (StyrReplicator *self,
                   JsonArray      *results)
{
  JsonObject *missing = json_object_new ();

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *change = styr_json_array_get_object (results, i);
      const char *doc_id = change != NULL
                           ? styr_json_get_string (change, "id", NULL)
                           : NULL;
      JsonArray *revs = doc_id != NULL && json_object_has_member (change, "changes")
                        ? styr_json_get_array (change, "changes") : NULL;

      for (guint r = 0; revs != NULL && r < json_array_get_length (revs); r++)
        {
          JsonObject *entry = styr_json_array_get_object (revs, r);
          const char *rev = entry != NULL
                            ? styr_json_get_string (entry, "rev", NULL)
                            : NULL;

          /* Design documents and server-side checkpoints are not ours. */
          if (rev == NULL || g_str_has_prefix (doc_id, "_") ||
              styr_store_has_revision (self->store, doc_id, rev))
            continue;
          if (!json_object_has_member (missing, doc_id))
            json_object_set_array_member (missing, doc_id, json_array_new ());
          json_array_add_string_element (styr_json_get_array (missing, doc_id), rev);
        }
    }

  return missing;
}

/* A batch of a pull: the revisions to fetch and the checkpoint after it
 * in; the fetched revisions, and the next batch's changes or why they
 * could not be had, out. */
typedef struct
{
  JsonObject *missing;
  char       *last_seq;
  gboolean    more;
  GPtrArray  *docs;
  /* "id: why" of the revisions that could not be read */
  GPtrArray  *skipped;
  JsonNode   *changes;
  GError     *error;
} Batch;

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->missing, json_object_unref);
  g_free (batch->last_seq);
  g_clear_pointer (&batch->docs, g_ptr_array_unref);
  g_clear_pointer (&batch->skipped, g_ptr_array_unref);
  g_clear_pointer (&batch->changes, json_node_unref);
  g_clear_error (&batch->error);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, batch_free)

/* The server's side of a pull runs in a thread of its own, one batch
 * ahead: while the pass writes a batch, the server looks up the next one
 * and its answer is read. Only the pass's own thread touches the store;
 * the prefetch thread sends requests, which a SoupSession takes from any
 * thread since libsoup 3.2, and reads their answers. */
typedef struct
{
  StyrReplicator *self;
  GCancellable   *cancellable;
  GCancellable   *caller;
  gulong          cancelled_id;
  GAsyncQueue    *todo;
  GAsyncQueue    *done;
  GThread        *thread;
  gboolean        busy;
} Prefetch;

static gpointer
prefetch_thread (gpointer user_data)
{
  Prefetch *prefetch = user_data;
  Batch *batch;

  /* A batch without revisions to look at stops the thread. */
  while ((batch = g_async_queue_pop (prefetch->todo))->missing != NULL)
    {
      batch->skipped = g_ptr_array_new_with_free_func (g_free);
      if (json_object_get_size (batch->missing) > 0)
        batch->docs = fetch (prefetch->self, batch->missing, batch->skipped,
                             prefetch->cancellable, &batch->error);
      else
        batch->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
      if (batch->docs != NULL && batch->more)
        batch->changes = get_changes (prefetch->self, batch->last_seq, prefetch->cancellable,
                                      &batch->error);
      g_async_queue_push (prefetch->done, batch);
    }

  batch_free (batch);
  return NULL;
}

static void
cancel_prefetch (GCancellable *caller,
                 GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static Prefetch *
prefetch_new (StyrReplicator *self,
              GCancellable   *caller)
{
  Prefetch *prefetch = g_new0 (Prefetch, 1);

  prefetch->self = self;
  prefetch->cancellable = g_cancellable_new ();
  if (caller != NULL)
    {
      prefetch->caller = g_object_ref (caller);
      prefetch->cancelled_id = g_cancellable_connect (caller, G_CALLBACK (cancel_prefetch),
                                                      prefetch->cancellable, NULL);
    }
  prefetch->todo = g_async_queue_new ();
  prefetch->done = g_async_queue_new_full ((GDestroyNotify) batch_free);
  prefetch->thread = g_thread_new ("styr-pull", prefetch_thread, prefetch);
  return prefetch;
}

/* Stops the thread; a batch it is still fetching is abandoned. */
static void
prefetch_free (Prefetch *prefetch)
{
  if (prefetch->busy)
    g_cancellable_cancel (prefetch->cancellable);
  g_async_queue_push (prefetch->todo, g_new0 (Batch, 1));
  g_thread_join (prefetch->thread);

  if (prefetch->caller != NULL)
    g_cancellable_disconnect (prefetch->caller, prefetch->cancelled_id);
  g_clear_object (&prefetch->caller);
  g_clear_object (&prefetch->cancellable);
  g_async_queue_unref (prefetch->todo);
  g_async_queue_unref (prefetch->done);
  g_free (prefetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Prefetch, prefetch_free)

static void
prefetch_start (Prefetch *prefetch,
                Batch    *batch)
{
  g_assert (!prefetch->busy);

  prefetch->busy = TRUE;
  g_async_queue_push (prefetch->todo, batch);
}

/* The batch, with its documents unless @error says why not. */
static Batch *
prefetch_finish (Prefetch  *prefetch,
                 GError   **error)
{
  g_autoptr(Batch) batch = g_async_queue_pop (prefetch->done);

  prefetch->busy = FALSE;
  if (batch->docs == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&batch->error));
      return NULL;
    }
  return g_steal_pointer (&batch);
}

/* Writes a fetched batch, then its checkpoint: a pull stopped after it
 * goes on from there. */
static gboolean
write_batch (StyrReplicator  *self,
             Batch           *batch,
             const char      *id,
             char           **remote_rev,
             guint           *pulled,
             StyrSyncResult  *result,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  Incoming incoming = { batch->docs, 0, 0, skipped };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (batch->docs->len > 0)
    {
      if (!styr_store_transaction (self->store, write_incoming, &incoming, error))
        return FALSE;
      if (result != NULL)
        {
          result->pulled += incoming.added;
          result->merged += incoming.merged;
        }
    }

  /* What could not be stored stays on the server, named, and the pull
   * goes on past it. */
  g_ptr_array_extend_and_steal (skipped, g_steal_pointer (&batch->skipped));
  batch->skipped = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < skipped->len; i++)
    g_ptr_array_add (self->skipped, g_strdup (g_ptr_array_index (skipped, i)));
  if (result != NULL)
    result->skipped += skipped->len;

  if (!write_checkpoint (self, id, batch->last_seq, remote_rev, cancellable, error))
    return FALSE;
  *pulled += incoming.added;
  g_signal_emit (self, signals[PROGRESS], 0, "pull", *pulled);
  return TRUE;
}

/**
 * styr_replicator_pull:
 * @self: a #StyrReplicator
 * @result: (inout): what was pulled is added to it
 * @cancellable: (nullable): to stop between batches
 * @error: return location for a #GError
 *
 * Brings every revision the server has and this store lacks, from the
 * last checkpoint on.
 *
 * Returns: %TRUE if the pull completed
 */
gboolean
styr_replicator_pull (StyrReplicator  *self,
                      StyrSyncResult  *result,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autofree char *id = NULL;
  g_autofree char *since = NULL;
  g_autofree char *remote_rev = NULL;
  g_autoptr(JsonNode) changes = NULL;
  g_autoptr(Prefetch) prefetch = NULL;
  g_autoptr(Batch) fetched = NULL;
  guint pulled = 0;

  g_return_val_if_fail (STYR_IS_REPLICATOR (self), FALSE);

  g_ptr_array_set_size (self->skipped, 0);
  if (!check_database (self, cancellable, error))
    return FALSE;

  id = replication_id (self, "pull");
  since = read_checkpoint (self, id, &remote_rev, cancellable, error);
  if (since == NULL)
    return FALSE;

  changes = get_changes (self, since, cancellable, error);
  if (changes == NULL)
    return FALSE;
  prefetch = prefetch_new (self, cancellable);

  /* Each turn hands a batch to the prefetch thread, writes the one it
   * fetched in the turn before, and waits for the new one. */
  while (changes != NULL)
    {
      JsonObject *object = json_node_get_object (changes);
      JsonArray *results = styr_json_get_array (object, "results");
      guint n = json_array_get_length (results);
      Batch *next;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (n == 0)
        break;

      /* Asked before the batch in hand is written: a revision that both
       * carry is fetched twice, and stored once. */
      next = g_new0 (Batch, 1);
      next->missing = missing_revisions (self, results);
      next->last_seq = seq_text (json_object_get_member (object, "last_seq"));
      next->more = n >= self->batch_size;
      prefetch_start (prefetch, next);
      g_clear_pointer (&changes, json_node_unref);

      if (fetched != NULL &&
          !write_batch (self, fetched, id, &remote_rev, &pulled, result, cancellable, error))
        return FALSE;
      g_clear_pointer (&fetched, batch_free);

      fetched = prefetch_finish (prefetch, error);
      if (fetched == NULL)
        return FALSE;
      changes = g_steal_pointer (&fetched->changes);
    }

  /* The last batch, or the one whose next changes could not be had: that
   * error is told once the batch is stored. */
  if (fetched == NULL)
    return TRUE;
  if (!write_batch (self, fetched, id, &remote_rev, &pulled, result, cancellable, error))
    return FALSE;
  if (fetched->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&fetched->error));
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
outgoing_doc (StyrReplicator  *self,
              const char      *id,
              const char      *rev,
              GError         **error)
{
  g_auto(GStrv) ancestry = styr_store_get_ancestry (self->store, id, rev, error);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *author = NULL;
  gboolean deleted = FALSE;
  JsonObject *body;
  JsonObject *revisions;
  JsonArray *ids;
  gint64 start;

  if (ancestry == NULL)
    return NULL;

  body = styr_store_get_revision (self->store, id, rev, &deleted, &local_error);
  if (body == NULL && !deleted)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (body == NULL)
    body = json_object_new ();
  author = styr_store_get_revision_author (self->store, id, rev, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      json_object_unref (body);
      return NULL;
    }
  if (author != NULL)
    json_object_set_string_member (body, AUTHOR_MEMBER, author);

  start = g_ascii_strtoll (rev, NULL, 10);
  revisions = json_object_new ();
  ids = json_array_new ();
  for (guint i = 0; ancestry[i] != NULL; i++)
    {
      const char *dash = strchr (ancestry[i], '-');

      json_array_add_string_element (ids, dash != NULL ? dash + 1 : ancestry[i]);
    }
  json_object_set_int_member (revisions, "start", start);
  json_object_set_array_member (revisions, "ids", ids);

  /* The attachments go back as the stubs the server gave. */
  if (json_object_has_member (body, ATTACHMENTS_MEMBER))
    {
      JsonNode *stubs = json_object_dup_member (body, ATTACHMENTS_MEMBER);

      json_object_remove_member (body, ATTACHMENTS_MEMBER);
      if (JSON_NODE_HOLDS_OBJECT (stubs))
        json_object_set_member (body, "_attachments", stubs);
      else
        json_node_unref (stubs);
    }

  json_object_set_string_member (body, "_id", id);
  json_object_set_string_member (body, "_rev", rev);
  json_object_set_object_member (body, "_revisions", revisions);
  if (deleted)
    json_object_set_boolean_member (body, "_deleted", TRUE);
  return body;
}

/**
 * styr_replicator_get_skipped:
 * @self: a #StyrReplicator
 *
 * Returns: (transfer none): the documents of the last pull that could
 *   not be stored here, each as “id”: why; see #StyrSyncResult.skipped
 */
const char * const *
styr_replicator_get_skipped (StyrReplicator *self)
{
  g_return_val_if_fail (STYR_IS_REPLICATOR (self), NULL);

  return (const char * const *) self->skipped->pdata;
}

/**
 * styr_replicator_get_refusal:
 * @self: a #StyrReplicator
 *
 * Returns: (nullable): the changes made here that the server would not
 *   take and that wait to be sent, one line each with the document and
 *   the server's reason; see #StyrSyncResult.refused
 */
const char *
styr_replicator_get_refusal (StyrReplicator *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (STYR_IS_REPLICATOR (self), NULL);

  ids = styr_store_list_refused (self->store, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autofree char *reason = styr_store_get_refused (self->store, g_ptr_array_index (ids, i),
                                                        NULL);

      if (reason == NULL)
        continue;
      /* Translators: a change the server would not take, and its reason. */
      g_string_append_printf (text, _("%s“%s”, not sent: %s"), text->len > 0 ? "\n" : "",
                              (const char *) g_ptr_array_index (ids, i), reason);
    }

  g_free (self->refusal);
  self->refusal = text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
  return self->refusal;
}

/* Sends @docs_body with _bulk_docs. With new_edits:false a server answers
 * with the failures only. A revision it refuses, such as by its
 * validation, is kept here with its reason, stays "not sent" and goes
 * again on the next pass, while the push goes on, so one document holds
 * back no other; one it takes that was refused before is forgotten. */
static gboolean
send_docs (StyrReplicator  *self,
           JsonNode        *docs_body,
           GHashTable      *refused_before,
           GHashTable      *sent,
           guint           *n_refused,
           GCancellable    *cancellable,
           GError         **error)
{
  JsonArray *docs = styr_json_get_array (json_node_get_object (docs_body), "docs");
  g_autoptr(GHashTable) failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) saved = NULL;

  *n_refused = 0;
  saved = request (self, "POST", "_bulk_docs", docs_body, FALSE, NULL, cancellable, error);
  if (saved == NULL)
    return FALSE;

  for (guint i = 0; JSON_NODE_HOLDS_ARRAY (saved) &&
                    i < json_array_get_length (json_node_get_array (saved)); i++)
    {
      JsonObject *entry = styr_json_array_get_object (json_node_get_array (saved), i);
      const char *doc_id = entry != NULL
                           ? styr_json_get_string (entry, "id", NULL)
                           : NULL;
      const char *rev = NULL;
      g_autofree char *reason = NULL;

      if (doc_id == NULL || !json_object_has_member (entry, "error"))
        continue;

      /* The revision sent for it, when the answer does not say. */
      rev = styr_json_get_string (entry, "rev", NULL);
      for (guint d = 0; rev == NULL && d < json_array_get_length (docs); d++)
        {
          JsonObject *doc = styr_json_array_get_object (docs, d);

          if (g_strcmp0 (styr_json_get_string (doc, "_id", NULL), doc_id) == 0)
            rev = styr_json_get_string (doc, "_rev", NULL);
        }

      /* Translators: the server, and its reason for refusing a change. */
      reason = g_strdup_printf (_("%s did not take it: %s"), styr_http_get_url (self->http),
                                styr_json_get_string (
                                  entry, "reason",
                                  styr_json_get_string (entry, "error",
                                                                              "?")));
      g_message ("%s: %s", doc_id, reason);
      if (rev != NULL && !styr_store_set_refused (self->store, doc_id, rev, reason, error))
        return FALSE;
      g_hash_table_add (failed, g_strdup (doc_id));
      (*n_refused)++;
    }

  for (guint d = 0; d < json_array_get_length (docs); d++)
    {
      const char *doc_id = json_object_get_string_member (styr_json_array_get_object (docs, d),
                                                          "_id");

      g_hash_table_add (sent, g_strdup (doc_id));
      if (!g_hash_table_contains (failed, doc_id) && g_hash_table_contains (refused_before, doc_id) &&
          !styr_store_set_refused (self->store, doc_id, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * styr_replicator_push:
 * @self: a #StyrReplicator
 * @result: (inout): what was pushed is added to it
 * @cancellable: (nullable): to stop between batches
 * @error: return location for a #GError
 *
 * Sends every revision made or received here since the last checkpoint
 * that the server lacks.
 *
 * Returns: %TRUE if the push completed
 */
gboolean
styr_replicator_push (StyrReplicator  *self,
                      StyrSyncResult  *result,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autofree char *id = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *remote_rev = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GHashTable) refused_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint pushed = 0;
  guint refused;
  gint64 since;

  g_return_val_if_fail (STYR_IS_REPLICATOR (self), FALSE);

  if (!check_database (self, cancellable, error))
    return FALSE;

  /* The changes the server refused before wait here, and go again. */
  waiting = styr_store_list_refused (self->store, error);
  if (waiting == NULL)
    return FALSE;
  for (guint i = 0; i < waiting->len; i++)
    g_hash_table_add (refused_before, g_strdup (g_ptr_array_index (waiting, i)));

  id = replication_id (self, "push");
  since_text = read_checkpoint (self, id, &remote_rev, cancellable, error);
  if (since_text == NULL)
    return FALSE;
  since = g_ascii_strtoll (since_text, NULL, 10);

  for (;;)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(JsonNode) diff_body = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonNode) diff = NULL;
      g_autoptr(JsonNode) docs_body = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *last = NULL;
      JsonObject *asked = json_object_new ();
      JsonObject *bulk = json_object_new ();
      JsonArray *docs = json_array_new ();
      JsonObject *missing;
      g_autoptr(GList) ids = NULL;

      json_node_take_object (diff_body, asked);
      json_object_set_array_member (bulk, "docs", docs);
      json_object_set_boolean_member (bulk, "new_edits", FALSE);
      json_node_take_object (docs_body, bulk);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      changes = styr_store_changes_since (self->store, since, self->batch_size, error);
      if (changes == NULL)
        return FALSE;
      if (changes->len == 0)
        break;

      for (guint i = 0; i < changes->len; i++)
        {
          StyrStoreChange *change = g_ptr_array_index (changes, i);
          g_auto(GStrv) leaves = styr_store_get_leaf_revisions (self->store, change->id, error);
          JsonArray *revs = json_array_new ();

          if (leaves == NULL)
            {
              json_array_unref (revs);
              return FALSE;
            }
          for (guint r = 0; leaves[r] != NULL; r++)
            json_array_add_string_element (revs, leaves[r]);
          json_object_set_array_member (asked, change->id, revs);
        }

      diff = request (self, "POST", "_revs_diff", diff_body, FALSE, NULL, cancellable, error);
      if (diff == NULL || (missing = object_of (self, diff, error)) == NULL)
        return FALSE;

      ids = json_object_get_members (missing);
      for (GList *l = ids; l != NULL; l = l->next)
        {
          JsonObject *entry = styr_json_get_object (missing, l->data);
          JsonArray *revs = entry != NULL && json_object_has_member (entry, "missing")
                            ? styr_json_get_array (entry, "missing") : NULL;

          for (guint r = 0; revs != NULL && r < json_array_get_length (revs); r++)
            {
              JsonObject *doc = outgoing_doc (self, l->data,
                                              styr_json_array_get_string (revs, r), error);

              if (doc == NULL)
                return FALSE;
              json_array_add_object_element (docs, doc);
            }
        }

      if (json_array_get_length (docs) > 0)
        {
          if (!send_docs (self, docs_body, refused_before, sent, &refused, cancellable, error))
            return FALSE;
          if (result != NULL)
            result->pushed += json_array_get_length (docs) - refused;
          pushed += json_array_get_length (docs) - refused;
        }

      since = ((StyrStoreChange *) g_ptr_array_index (changes, changes->len - 1))->seq;
      last = g_strdup_printf ("%" G_GINT64_FORMAT, since);
      if (!write_checkpoint (self, id, last, &remote_rev, cancellable, error))
        return FALSE;
      g_signal_emit (self, signals[PROGRESS], 0, "push", pushed);
      if (changes->len < self->batch_size)
        break;
    }

  /* A refused change not edited since goes again, as it is; the server
   * may take it now that its validation or the user's rights changed. */
  {
    g_autoptr(JsonNode) again_body = json_node_new (JSON_NODE_OBJECT);
    JsonObject *bulk = json_object_new ();
    JsonArray *docs = json_array_new ();
    GHashTableIter iter;
    gpointer key;

    json_object_set_array_member (bulk, "docs", docs);
    json_object_set_boolean_member (bulk, "new_edits", FALSE);
    json_node_take_object (again_body, bulk);

    g_hash_table_iter_init (&iter, refused_before);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_autofree char *rev = NULL;
        g_autofree char *reason = NULL;
        g_autofree char *current = NULL;
        JsonObject *doc;

        if (g_hash_table_contains (sent, key) ||
            (reason = styr_store_get_refused (self->store, key, &rev)) == NULL)
          continue;

        /* Deleted here or gone: nothing waits any more. */
        if (!styr_store_get_status (self->store, key, &current, NULL, NULL, NULL) ||
            !styr_store_has_revision (self->store, key, rev))
          {
            if (!styr_store_set_refused (self->store, key, NULL, NULL, error))
              return FALSE;
            continue;
          }

        doc = outgoing_doc (self, key, rev, error);
        if (doc == NULL)
          return FALSE;
        json_array_add_object_element (docs, doc);
      }

    if (json_array_get_length (docs) > 0)
      {
        if (!send_docs (self, again_body, refused_before, sent, &refused, cancellable, error))
          return FALSE;
        if (result != NULL)
          result->pushed += json_array_get_length (docs) - refused;
      }
  }

  if (result != NULL)
    {
      g_autoptr(GPtrArray) still = styr_store_list_refused (self->store, error);

      if (still == NULL)
        return FALSE;
      result->refused = still->len;
    }
  return TRUE;
}

/**
 * styr_replicator_check:
 * @self: a #StyrReplicator
 * @cancellable: (nullable): to give up
 * @error: return location for a #GError
 *
 * Asks the server for the database, as "Test Connection" does: an error
 * says whether the server could not be reached, its certificate is bad,
 * the user name or password is refused, it is not CouchDB, or the
 * database is missing.
 *
 * Returns: %TRUE if a pass could start
 */
gboolean
styr_replicator_check (StyrReplicator  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_return_val_if_fail (STYR_IS_REPLICATOR (self), FALSE);

  return check_database (self, cancellable, error);
}

/* The local sequence number the push checkpoint stands at, read here
 * without asking the server: "0" before the first push. */
static char *
pushed_to (StyrReplicator *self)
{
  g_autofree char *id = replication_id (self, "push");
  g_autofree char *key = g_strconcat ("checkpoint:", id, NULL);
  char *since = styr_store_get_setting (self->store, key, NULL);

  return since != NULL ? since : g_strdup ("0");
}

/**
 * styr_replicator_list_pending:
 * @self: a #StyrReplicator
 * @error: return location for a #GError
 *
 * Lists the documents changed here that the server has not confirmed yet,
 * without asking it: a document stays in the list until a push that
 * carried it has completed.
 *
 * Returns: (transfer full) (element-type utf8): their ids, or %NULL with
 *   @error set
 */
GPtrArray *
styr_replicator_list_pending (StyrReplicator  *self,
                              GError         **error)
{
  g_autofree char *since = NULL;

  g_return_val_if_fail (STYR_IS_REPLICATOR (self), NULL);

  since = pushed_to (self);
  return styr_store_list_pending (self->store, g_ascii_strtoll (since, NULL, 10), error);
}

/**
 * styr_replicator_confirm_pending:
 * @self: a #StyrReplicator
 * @error: return location for a #GError
 *
 * Records in the store, under %STYR_STORE_CONFIRMED_KEY, how far the
 * server has confirmed the changes made here, so that every list can mark
 * the rest as not sent without knowing of sync.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_replicator_confirm_pending (StyrReplicator  *self,
                                 GError         **error)
{
  g_autofree char *since = NULL;
  g_autofree char *recorded = NULL;

  g_return_val_if_fail (STYR_IS_REPLICATOR (self), FALSE);

  since = pushed_to (self);
  recorded = styr_store_get_setting (self->store, STYR_STORE_CONFIRMED_KEY, NULL);
  if (g_strcmp0 (recorded, since) == 0)
    return TRUE;
  return styr_store_set_setting (self->store, STYR_STORE_CONFIRMED_KEY, since, error);
}

/**
 * styr_replicator_wait_for_changes:
 * @self: a #StyrReplicator
 * @seconds: how long the server may hold the question
 * @changed: (out) (optional): whether the server has changes; %FALSE when
 *   the wait timed out
 * @cancellable: (nullable): to stop waiting, e.g. because of a local change
 * @error: return location for a #GError
 *
 * Waits until the server has changes after the pull checkpoint, or
 * @seconds have passed, with a long-polling _changes request: continuous
 * sync without asking again and again.
 *
 * Returns: %TRUE when the wait ended without an error
 */
gboolean
styr_replicator_wait_for_changes (StyrReplicator  *self,
                                  guint            seconds,
                                  gboolean        *changed,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  JsonObject *object;
  JsonArray *results;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *since = NULL;
  g_autofree char *since_escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) answer = NULL;

  g_return_val_if_fail (STYR_IS_REPLICATOR (self), FALSE);

  id = replication_id (self, "pull");
  key = g_strconcat ("checkpoint:", id, NULL);
  since = styr_store_get_setting (self->store, key, NULL);
  since_escaped = g_uri_escape_string (since != NULL ? since : "now", NULL, FALSE);
  path = g_strdup_printf ("_changes?feed=longpoll&limit=1&since=%s&timeout=%u",
                          since_escaped, seconds * 1000);
  answer = request (self, "GET", path, NULL, FALSE, NULL, cancellable, error);
  if (answer == NULL || (object = object_of (self, answer, error)) == NULL)
    return FALSE;

  results = json_object_has_member (object, "results")
            ? styr_json_get_array (object, "results") : NULL;
  if (changed != NULL)
    *changed = results != NULL && json_array_get_length (results) > 0;
  return TRUE;
}

/**
 * styr_replicator_sync:
 * @self: a #StyrReplicator
 * @result: (out caller-allocates): what the pass did
 * @cancellable: (nullable): to stop between batches
 * @error: return location for a #GError
 *
 * One pass both ways: pull, then push.
 *
 * Returns: %TRUE only if both directions completed
 */
gboolean
styr_replicator_sync (StyrReplicator  *self,
                      StyrSyncResult  *result,
                      GCancellable    *cancellable,
                      GError         **error)
{
  StyrSyncResult local = { 0 };
  g_autoptr(GPtrArray) conflicted = NULL;
  g_autoptr(GError) pull_error = NULL;

  g_return_val_if_fail (STYR_IS_REPLICATOR (self), FALSE);

  /* The directions do not depend on each other: when the server's
   * changes cannot be read, the changes made here still go out, unless
   * the server cannot be reached or refuses us at all. */
  if (!styr_replicator_pull (self, &local, cancellable, &pull_error) &&
      !g_error_matches (pull_error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_SERVER) &&
      !g_error_matches (pull_error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NOT_COUCHDB))
    {
      g_propagate_error (error, g_steal_pointer (&pull_error));
      if (result != NULL)
        *result = local;
      return FALSE;
    }

  if (!styr_replicator_push (self, &local, cancellable, pull_error == NULL ? error : NULL) ||
      pull_error != NULL)
    {
      if (pull_error != NULL)
        g_propagate_error (error, g_steal_pointer (&pull_error));
      if (result != NULL)
        *result = local;
      return FALSE;
    }

  conflicted = styr_store_list_conflicted (self->store, NULL, NULL);
  local.conflicts = conflicted != NULL ? conflicted->len : 0;
  if (result != NULL)
    *result = local;
  return TRUE;
}
