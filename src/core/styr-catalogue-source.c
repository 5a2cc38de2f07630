/* styr-catalogue-source.c: the catalogue from KOMBIT's server, as a
 * catalogue file at a web address or as a CouchDB database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "styr-catalogue-source.h"
#include "styr-http-private.h"
#include "styr-json.h"
#include "styr-replicator.h"

/* A source is only ever read, with GET: the catalogue is pulled, and what
 * the municipality does with it never goes back to KOMBIT.
 *
 * What the source is follows from its answer: a CouchDB database answers
 * its URL with its info, which has "db_name"; anything else is taken as a
 * catalogue file. A catalogue database holds
 *
 *   - one document per catalogue document, with the same "_id" and
 *     fields as in the catalogue file; its CouchDB "_rev" is the server's
 *     own and is left out, and what the file has under "_revisions" (the
 *     catalogue's earlier revisions of a changed document) is under
 *     "catalogue_revisions", since CouchDB keeps "_revisions" for itself;
 *   - the document "catalogue:meta" with what the file has at its top:
 *     "format" ("styr-catalogue"), "format_version", "version", "issued"
 *     and "title" (and "links");
 *   - nothing else but design documents, which are skipped.
 *
 * The database becomes the catalogue file it stands for, and that is
 * checked and imported as any file is, so both give the same documents
 * with the same revisions, and every rule of the importer holds.
 */

#define CATALOGUE_FORMAT "styr-catalogue"

static gboolean
is_web_address (const char *source)
{
  g_autofree char *scheme = g_uri_parse_scheme (source);

  return g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0;
}

/* What the server sent is not trusted to have the shape asked for. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A database document as the catalogue file has it. */
static JsonObject *
catalogue_document (JsonObject *doc)
{
  g_autoptr(GList) members = json_object_get_members (doc);
  JsonObject *document = json_object_new ();

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (doc, name);

      if (g_str_equal (name, STYR_CATALOGUE_REVISIONS_MEMBER))
        json_object_set_member (document, "_revisions", json_node_copy (value));
      else if (g_str_equal (name, "_id") || name[0] != '_')
        json_object_set_member (document, name, json_node_copy (value));
    }

  return document;
}

static StyrCatalogue *
fetch_database (StyrHttp      *http,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) file = json_object_new ();
  g_autoptr(JsonArray) documents = json_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *type = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *meta = NULL;
  JsonNode *rows_node;
  JsonArray *rows;
  guint status = 0;
  char *text;

  answer = styr_http_send (http, "GET", "_all_docs?include_docs=true", NULL, &status, &type,
                           cancellable, error);
  if (answer == NULL ||
      (node = styr_http_parse_json (http, answer, status, type, error)) == NULL)
    return NULL;
  rows_node = JSON_NODE_HOLDS_OBJECT (node)
              ? json_object_get_member (json_node_get_object (node), "rows") : NULL;
  if (rows_node == NULL || !JSON_NODE_HOLDS_ARRAY (rows_node))
    {
      styr_http_set_unreadable (http, error);
      return NULL;
    }

  rows = json_node_get_array (rows_node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      JsonObject *doc = JSON_NODE_HOLDS_OBJECT (row)
                        ? object_member (json_node_get_object (row), "doc") : NULL;
      const char *id = string_member (doc, "_id");

      if (id == NULL)
        {
          styr_http_set_unreadable (http, error);
          return NULL;
        }

      /* Design documents are the server's, not the catalogue's. */
      if (g_str_has_prefix (id, "_design/"))
        continue;
      if (g_str_equal (id, STYR_CATALOGUE_META_ID))
        meta = doc;
      else
        json_array_add_object_element (documents, catalogue_document (doc));
    }

  if (meta == NULL)
    {
      g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID,
                   /* Translators: the database's address, then the id of a document. */
                   _("The database %s holds no Styr catalogue: it has no document “%s” with the "
                     "catalogue’s format, version and issue date."),
                   styr_http_get_url (http), STYR_CATALOGUE_META_ID);
      return NULL;
    }
  if (g_strcmp0 (string_member (meta, "format"), CATALOGUE_FORMAT) != 0)
    {
      g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID,
                   /* Translators: the database's address, a document's id, then a format. */
                   _("The database %s holds no Styr catalogue: its document “%s” does not "
                     "have the format “%s”."),
                   styr_http_get_url (http), STYR_CATALOGUE_META_ID, CATALOGUE_FORMAT);
      return NULL;
    }

  members = json_object_get_members (meta);
  for (const GList *l = members; l != NULL; l = l->next)
    if (((const char *) l->data)[0] != '_' && !g_str_equal (l->data, "documents"))
      json_object_set_member (file, l->data, json_node_copy (json_object_get_member (meta,
                                                                                    l->data)));
  json_object_set_array_member (file, "documents", g_steal_pointer (&documents));

  /* Checked as a file is, with the same limits and messages. */
  root = json_node_init_object (json_node_alloc (), file);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new_take (text, strlen (text));
  return styr_catalogue_new_from_bytes (bytes, styr_http_get_url (http), error);
}

/**
 * styr_catalogue_source_fetch:
 * @source: the address of a catalogue file or of a catalogue database,
 *   https (or http on this machine), which may carry "user:password@"
 * @user: (nullable): the user name for HTTP Basic authentication
 * @password: (nullable): its password; kept in memory only
 * @kind: (out) (optional): what @source turned out to be
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the whole catalogue from @source and checks it as
 * styr_catalogue_new_from_bytes() checks a file. Nothing is written, here
 * or there: styr_catalogue_import() merges the result into a store. Blocks,
 * so the application calls it from a worker thread.
 *
 * Errors are in %STYR_REPLICATOR_ERROR when the source cannot be had
 * (not an https address, not reached, a certificate not valid, the user
 * refused, nothing there: %STYR_REPLICATOR_ERROR_NO_DATABASE) and in
 * %STYR_CATALOGUE_ERROR when what is there is not a valid catalogue.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
StyrCatalogue *
styr_catalogue_source_fetch (const char               *source,
                             const char               *user,
                             const char               *password,
                             StyrCatalogueSourceKind  *kind,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  g_autoptr(StyrHttp) http = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *type = NULL;
  JsonObject *object = NULL;
  guint status = 0;

  g_return_val_if_fail (source != NULL, NULL);

  if (!is_web_address (source))
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE,
                   /* Translators: %s is what was given as the catalogue's address. */
                   _("“%s” is not a web address; give the address of the catalogue file or "
                     "database, such as https://kombit.dk/kombit-katalog."), source);
      return NULL;
    }

  http = styr_http_new (source, user, password, error);
  if (http == NULL)
    return NULL;

  answer = styr_http_send (http, "GET", "", NULL, &status, &type, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NO_DATABASE,
                   /* Translators: %s is the catalogue's address. */
                   _("There is no catalogue at %s (HTTP 404): neither a catalogue file nor a "
                     "database has that address."), styr_http_get_url (http));
      return NULL;
    }
  if (status >= 300)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_SERVER,
                   /* Translators: %s is the catalogue's address, %u the HTTP status. */
                   _("%s answered with HTTP %u instead of a catalogue."),
                   styr_http_get_url (http), status);
      return NULL;
    }

  root = styr_json_parse (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

  if (string_member (object, "db_name") != NULL)
    {
      if (kind != NULL)
        *kind = STYR_CATALOGUE_SOURCE_DATABASE;
      return fetch_database (http, cancellable, error);
    }

  /* The welcome of CouchDB (or PouchDB Server): the URL lacks the
   * database's name. */
  if (object != NULL && (json_object_has_member (object, "couchdb") ||
                         json_object_has_member (object, "express-pouchdb")))
    {
      g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID,
                   /* Translators: the server's address, twice. */
                   _("%s is a CouchDB server, not a database on it; add the catalogue "
                     "database’s name, such as %s/kombit-katalog."),
                   styr_http_get_url (http), styr_http_get_url (http));
      return NULL;
    }
  if (g_strcmp0 (type, "text/html") == 0)
    {
      g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID,
                   /* Translators: %s is the catalogue's address. */
                   _("%s answered with a web page, not a catalogue file or a CouchDB "
                     "database."), styr_http_get_url (http));
      return NULL;
    }

  if (kind != NULL)
    *kind = STYR_CATALOGUE_SOURCE_FILE;
  return styr_catalogue_new_from_bytes (answer, styr_http_get_url (http), error);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  StyrCatalogue *catalogue = styr_catalogue_source_fetch (task_data, NULL, NULL, NULL,
                                                          cancellable, &error);

  if (catalogue == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, catalogue, g_object_unref);
}

/**
 * styr_catalogue_source_fetch_async:
 * @source: the address of a catalogue file or a catalogue database
 * @cancellable: (nullable): to give up
 * @callback: called in the caller's thread when the catalogue is read
 * @user_data: for @callback
 *
 * Reads and checks the catalogue in a worker thread, so a window stays
 * responsive; the import, which writes the store, is left to the caller.
 */
void
styr_catalogue_source_fetch_async (const char          *source,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (source != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, styr_catalogue_source_fetch_async);
  g_task_set_task_data (task, g_strdup (source), g_free);
  g_task_run_in_thread (task, fetch_thread);
}

/**
 * styr_catalogue_source_fetch_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
StyrCatalogue *
styr_catalogue_source_fetch_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
