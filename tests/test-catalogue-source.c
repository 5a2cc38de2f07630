/* test-catalogue-source.c: the catalogue pulled from a CouchDB database on
 * the real test server, or from a catalogue file at a web address served
 * here, into a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "couch-helpers.h"
#include "styr-catalogue-source.h"
#include "styr-json.h"
#include "styr-replicator.h"
#include "styr-store.h"

typedef struct
{
  char        *dir;
  GSubprocess *server;
  char        *url;
  char        *database;
  LocalServer *files;
  StyrStore   *store;
} Fixture;

/* The bundled catalogue file, as a file server would serve it. */
static GBytes *
bundled_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (RESOURCE_PATH "/catalogue.json", 0, &error);

  g_assert_no_error (error);
  return bytes;
}

static JsonNode *
bundled_json (void)
{
  g_autoptr(GBytes) bytes = bundled_bytes ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  root = styr_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return root;
}

static JsonArray *
documents_of (JsonNode *root)
{
  return json_object_get_array_member (json_node_get_object (root), "documents");
}

/* A web server of catalogue files and of what is not one. */
static void
files_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  if (g_str_equal (path, "/catalogue.json"))
    {
      g_autoptr(GBytes) bytes = bundled_bytes ();

      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes));
    }
  else if (g_str_equal (path, "/moved"))
    soup_server_message_set_redirect (message, 302, "/catalogue.json");
  else if (g_str_equal (path, "/away"))
    soup_server_message_set_redirect (message, 302, "http://couch.example.dk/catalogue.json");
  else if (g_str_equal (path, "/hello.json"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"hello\": \"world\"}", 18);
    }
  else if (g_str_equal (path, "/empty.json"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "", 0);
    }
  else if (g_str_equal (path, "/deep.json"))
    {
      g_autoptr(GString) deep = g_string_new (NULL);

      for (guint i = 0; i < 200000; i++)
        g_string_append_c (deep, '[');
      for (guint i = 0; i < 200000; i++)
        g_string_append_c (deep, ']');
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        deep->str, deep->len);
    }
  else if (g_str_equal (path, "/login"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        "<html>Log in</html>", 19);
    }
  else
    soup_server_message_set_status (message, 404, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("styr-catalogue-source-XXXXXX", NULL);
  fixture->server = couch_server_start (NULL, NULL, &fixture->url);
  fixture->database = g_strconcat (fixture->url, "/kombit-katalog", NULL);
  g_assert_cmpuint (couch_http (fixture->database, "PUT", NULL, NULL), ==, 201);
  fixture->files = local_server_start (files_cb, fixture);
  path = g_build_filename (fixture->dir, "styr.db", NULL);
  fixture->store = styr_store_new (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->files, local_server_stop);
  g_clear_pointer (&fixture->server, couch_server_stop);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->url);
  g_free (fixture->database);
}

static JsonNode *
get_json (const char *url)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_cmpuint (couch_http (url, "GET", NULL, &text), ==, 200);
  node = styr_json_parse (text, -1, &error);
  g_assert_no_error (error);
  return node;
}

/* The database's update sequence, which moves with every write. */
static char *
database_seq (const char *database)
{
  g_autoptr(JsonNode) info = get_json (database);

  return json_to_string (json_object_get_member (json_node_get_object (info), "update_seq"),
                         FALSE);
}

/* Publishes a catalogue file into a catalogue database by the convention
 * of styr-catalogue-source.c, as KOMBIT would: what the file has at its
 * top in "catalogue:meta", each document as it is but for "_revisions",
 * and the server's revision of any document it already has. */
static void
publish (const char *database,
         JsonNode   *root)
{
  g_autofree char *all_url = g_strconcat (database, "/_all_docs", NULL);
  g_autofree char *bulk_url = g_strconcat (database, "/_bulk_docs", NULL);
  g_autoptr(JsonNode) all = get_json (all_url);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GHashTable) revs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  g_autofree char *answer = NULL;
  JsonObject *file = json_node_get_object (root);
  JsonArray *rows = json_object_get_array_member (json_node_get_object (all), "rows");
  JsonArray *docs = json_array_new ();
  JsonObject *bulk = json_object_new ();
  JsonObject *meta = json_object_new ();
  JsonArray *documents = documents_of (root);

  static const char * const top[] = { "format", "format_version", "version", "issued", "title" };

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *value = json_object_get_object_member (row, "value");

      g_hash_table_insert (revs, (gpointer) json_object_get_string_member (row, "id"),
                           (gpointer) json_object_get_string_member (value, "rev"));
    }

  json_object_set_string_member (meta, "_id", STYR_CATALOGUE_META_ID);
  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    json_object_set_member (meta, top[i], json_node_copy (json_object_get_member (file, top[i])));
  json_array_add_object_element (docs, meta);

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (doc);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy,
                                g_str_equal (l->data, "_revisions")
                                ? STYR_CATALOGUE_REVISIONS_MEMBER : l->data,
                                json_node_copy (json_object_get_member (doc, l->data)));
      json_array_add_object_element (docs, copy);
    }

  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      JsonObject *doc = json_array_get_object_element (docs, i);
      const char *rev = g_hash_table_lookup (revs, json_object_get_string_member (doc, "_id"));

      if (rev != NULL)
        json_object_set_string_member (doc, "_rev", rev);
    }

  json_object_set_array_member (bulk, "docs", docs);
  json_node_take_object (body, bulk);
  text = json_to_string (body, FALSE);
  g_assert_cmpuint (couch_http (bulk_url, "POST", text, &answer), ==, 201);
  g_assert_null (strstr (answer, "\"error\""));
}

static StyrCatalogue *
fetch (const char              *source,
       StyrCatalogueSourceKind  expected_kind)
{
  g_autoptr(GError) error = NULL;
  StyrCatalogueSourceKind kind = (StyrCatalogueSourceKind) -1;
  StyrCatalogue *catalogue;

  catalogue = styr_catalogue_source_fetch (source, NULL, NULL, &kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  g_assert_cmpint (kind, ==, expected_kind);
  return catalogue;
}

static StyrCatalogueImport
pull (const char              *source,
      StyrCatalogueSourceKind  kind,
      StyrStore               *store)
{
  g_autoptr(StyrCatalogue) catalogue = fetch (source, kind);
  g_autoptr(GError) error = NULL;
  StyrCatalogueImport result = { 0 };

  g_assert_true (styr_catalogue_import (catalogue, store, &result, &error));
  g_assert_no_error (error);
  return result;
}

static char *
rev_of (StyrStore  *store,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  char *rev = NULL;

  g_assert_true (styr_store_get_status (store, id, &rev, NULL, NULL, &error));
  g_assert_no_error (error);
  return rev;
}

/* The catalogue arrives from a database as the same documents with the
 * same revisions as from the file it was published from; a second pull
 * changes nothing, and nothing is ever written to the server. */
static void
test_database (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonNode) root = bundled_json ();
  g_autoptr(StyrCatalogue) bundled = styr_catalogue_new_bundled (NULL);
  g_autofree char *design = g_strconcat (fixture->database, "/_design/views", NULL);
  g_autofree char *file_path = g_build_filename (fixture->dir, "file.db", NULL);
  g_autoptr(StyrStore) from_file = styr_store_new (file_path, NULL);
  g_autofree char *seq_before = NULL;
  g_autofree char *seq_after = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *documents = documents_of (root);
  guint n = json_array_get_length (documents);
  StyrCatalogueImport first, again;
  gint64 store_seq;

  publish (fixture->database, root);
  g_assert_cmpuint (couch_http (design, "PUT", "{\"views\": {}}", NULL), ==, 201);
  seq_before = database_seq (fixture->database);

  first = pull (fixture->database, STYR_CATALOGUE_SOURCE_DATABASE, fixture->store);
  g_assert_false (first.skipped);
  g_assert_cmpuint (first.added, ==, n);
  g_assert_cmpuint (first.updated + first.unchanged, ==, 0);
  g_assert_cmpint (styr_catalogue_get_store_version (fixture->store, NULL), ==,
                   styr_catalogue_get_version (bundled));

  g_assert_true (styr_catalogue_import (bundled, from_file, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (documents,
                                                                                    i), "_id");
      g_autofree char *rev = rev_of (fixture->store, id);
      g_autofree char *file_rev = rev_of (from_file, id);
      g_autoptr(JsonObject) body = styr_store_get (fixture->store, id, NULL, &error);
      g_autoptr(JsonObject) file_body = styr_store_get (from_file, id, NULL, &error);
      g_autofree char *text = styr_json_object_to_canonical (body);
      g_autofree char *file_text = styr_json_object_to_canonical (file_body);

      g_assert_cmpstr (rev, ==, file_rev);
      g_assert_cmpstr (text, ==, file_text);
    }
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "task", NULL), ==,
                   styr_store_count_of_type (from_file, "task", NULL));

  store_seq = styr_store_get_update_seq (fixture->store, NULL);
  again = pull (fixture->database, STYR_CATALOGUE_SOURCE_DATABASE, fixture->store);
  g_assert_true (again.skipped);
  g_assert_cmpint (styr_store_get_update_seq (fixture->store, NULL), ==, store_seq);

  seq_after = database_seq (fixture->database);
  g_assert_cmpstr (seq_after, ==, seq_before);
}

/* A newer catalogue in the database updates KOMBIT's documents; what the
 * municipality wrote in its own documents stays as it was. */
static void
test_newer_keeps_local (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *task_id = "task:DUBU34-FK-01";
  const char *state_id = "task-state:DUBU34-FK-01";
  g_autoptr(JsonNode) root = bundled_json ();
  g_autoptr(JsonObject) state = json_object_new ();
  g_autoptr(JsonObject) task = NULL;
  g_autoptr(JsonObject) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_rev = NULL;
  g_autofree char *kept_rev = NULL;
  g_autofree char *v1_rev = NULL;
  g_autofree char *v2_rev = NULL;
  JsonObject *file = json_node_get_object (root);
  JsonArray *documents = documents_of (root);
  JsonArray *ancestry = json_array_new ();
  gboolean conflicted = TRUE;
  StyrCatalogueImport result;

  publish (fixture->database, root);
  pull (fixture->database, STYR_CATALOGUE_SOURCE_DATABASE, fixture->store);

  json_object_set_string_member (state, "type", "task-state");
  json_object_set_string_member (state, "task", "DUBU34-FK-01");
  json_object_set_string_member (state, "status", "started");
  json_object_set_string_member (state, "notes", "Møde med økonomi 8/1");
  g_assert_true (styr_store_put (fixture->store, state_id, state, NULL, "mette", &state_rev,
                                 &error));
  g_assert_no_error (error);
  v1_rev = rev_of (fixture->store, task_id);

  /* KOMBIT moves the deadline in the next catalogue version. */
  json_object_set_int_member (file, "version", json_object_get_int_member (file, "version") + 1);
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);

      if (g_str_equal (json_object_get_string_member (doc, "_id"), task_id))
        {
          json_object_set_string_member (doc, "deadline", "2020-02-14");
          JsonArray *before = json_object_has_member (doc, "_revisions")
                              ? json_object_get_array_member (doc, "_revisions") : NULL;

          /* The revisions it had, newest first: the one installed, then
           * the ones before it. */
          json_array_add_string_element (ancestry, v1_rev);
          for (guint j = 0; before != NULL && j < json_array_get_length (before); j++)
            json_array_add_string_element (ancestry, json_array_get_string_element (before, j));
          json_object_set_array_member (doc, "_revisions", g_steal_pointer (&ancestry));
        }
    }
  g_assert_null (ancestry);
  publish (fixture->database, root);

  result = pull (fixture->database, STYR_CATALOGUE_SOURCE_DATABASE, fixture->store);
  g_assert_false (result.skipped);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.added, ==, 0);

  task = styr_store_get (fixture->store, task_id, NULL, &error);
  g_assert_cmpstr (json_object_get_string_member (task, "deadline"), ==, "2020-02-14");
  g_assert_true (styr_store_get_status (fixture->store, task_id, &v2_rev, NULL, &conflicted,
                                        &error));
  g_assert_cmpint (g_ascii_strtoll (v2_rev, NULL, 10), ==, g_ascii_strtoll (v1_rev, NULL, 10) + 1);
  g_assert_false (conflicted);

  kept = styr_store_get (fixture->store, state_id, &kept_rev, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept_rev, ==, state_rev);
  g_assert_cmpstr (json_object_get_string_member (kept, "status"), ==, "started");
  g_assert_cmpstr (json_object_get_string_member (kept, "notes"), ==, "Møde med økonomi 8/1");
}

/* A catalogue file at a web address, also behind a redirect. */
static void
test_file_url (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->files->url, "/catalogue.json", NULL);
  g_autofree char *moved = g_strconcat (fixture->files->url, "/moved", NULL);
  g_autoptr(StyrCatalogue) bundled = styr_catalogue_new_bundled (NULL);
  StyrCatalogueImport result;

  result = pull (url, STYR_CATALOGUE_SOURCE_FILE, fixture->store);
  g_assert_false (result.skipped);
  g_assert_cmpuint (result.added, ==, styr_catalogue_get_n_documents (bundled));
  g_assert_cmpint (styr_catalogue_get_store_version (fixture->store, NULL), ==,
                   styr_catalogue_get_version (bundled));

  result = pull (moved, STYR_CATALOGUE_SOURCE_FILE, fixture->store);
  g_assert_true (result.skipped);
}

/* Every source that cannot be had gives an error that says why, and the
 * store stays as it was. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSubprocess) guarded = NULL;
  g_autofree char *guarded_url = NULL;
  g_autofree char *guarded_database = NULL;
  g_autofree char *with_password = NULL;
  g_autofree char *empty = g_strconcat (fixture->url, "/empty", NULL);
  g_autofree char *broken = g_strconcat (fixture->url, "/broken", NULL);
  g_autofree char *nope = g_strconcat (fixture->url, "/nope", NULL);
  g_autofree char *hello = g_strconcat (fixture->files->url, "/hello.json", NULL);
  g_autofree char *login = g_strconcat (fixture->files->url, "/login", NULL);
  g_autofree char *empty_file = g_strconcat (fixture->files->url, "/empty.json", NULL);
  g_autofree char *deep_file = g_strconcat (fixture->files->url, "/deep.json", NULL);
  g_autofree char *away = g_strconcat (fixture->files->url, "/away", NULL);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(JsonNode) root = bundled_json ();
  g_autoptr(StyrCatalogue) bundled = styr_catalogue_new_bundled (NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *spaceship;
  gint64 tasks, seq;
  struct {
    const char *source;
    const char *user;
    const char *password;
    GQuark      domain;
    int         code;
    const char *words;
  } cases[] = {
    { "http://127.0.0.1:9/kombit-katalog", NULL, NULL,
      STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE, "could not be reached" },
    { "http://couch.example.dk/kombit-katalog", NULL, NULL,
      STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_INSECURE, "https" },
    { "/tmp/catalogue.json", NULL, NULL,
      STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE, "not a web address" },
    { nope, NULL, NULL, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NO_DATABASE, "/nope" },
    { away, NULL, NULL, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_INSECURE, "plain http" },
    { fixture->url, NULL, NULL,
      STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID, "CouchDB server" },
    { hello, NULL, NULL,
      STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID, "not a Styr catalogue" },
    { login, NULL, NULL, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID, "web page" },
    /* Both crashed --pull-catalogue, and the window a few seconds after
     * every start. */
    { empty_file, NULL, NULL, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID, "empty" },
    { deep_file, NULL, NULL,
      STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID, "nests more than 100 levels" },
    { empty, NULL, NULL,
      STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID, STYR_CATALOGUE_META_ID },
    { broken, NULL, NULL, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID, "spaceship" },
    { NULL, NULL, NULL, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNAUTHORIZED, "HTTP 401" },
    { NULL, "styr", "forkert",
      STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNAUTHORIZED, "HTTP 401" },
    /* The right password gets past the server's guard, to no database. */
    { NULL, "styr", "hemmelig",
      STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NO_DATABASE, "kombit-katalog" },
    { NULL, NULL, NULL, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NO_DATABASE, "127.0.0.1" },
  };

  /* A catalogue in the store already, so that a change would show. */
  g_assert_true (styr_catalogue_import (bundled, fixture->store, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (couch_http (empty, "PUT", NULL, NULL), ==, 201);
  g_assert_cmpuint (couch_http (broken, "PUT", NULL, NULL), ==, 201);
  spaceship = json_object_new ();
  json_object_set_string_member (spaceship, "_id", "spaceship:1");
  json_object_set_string_member (spaceship, "type", "spaceship");
  json_array_add_object_element (documents_of (root), spaceship);
  publish (broken, root);

  guarded = couch_server_start ("styr", "hemmelig", &guarded_url);
  guarded_database = g_strconcat (guarded_url, "/kombit-katalog", NULL);
  with_password = g_strconcat ("http://styr:hemmelig@", guarded_url + strlen ("http://"),
                               "/kombit-katalog", NULL);
  cases[G_N_ELEMENTS (cases) - 4].source = guarded_database;
  cases[G_N_ELEMENTS (cases) - 3].source = guarded_database;
  cases[G_N_ELEMENTS (cases) - 2].source = guarded_database;
  cases[G_N_ELEMENTS (cases) - 1].source = with_password;

  tasks = styr_store_count_of_type (fixture->store, "task", NULL);
  seq = styr_store_get_update_seq (fixture->store, NULL);
  g_assert_cmpint (tasks, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) fetch_error = NULL;
      g_autoptr(StyrCatalogue) catalogue = NULL;

      g_test_message ("source %s", cases[i].source);
      catalogue = styr_catalogue_source_fetch (cases[i].source, cases[i].user, cases[i].password,
                                               NULL, NULL, &fetch_error);
      g_assert_null (catalogue);
      g_assert_nonnull (fetch_error);
      g_test_message ("%s", fetch_error->message);
      g_assert_error (fetch_error, cases[i].domain, cases[i].code);
      g_assert_nonnull (strstr (fetch_error->message, cases[i].words));
      /* A password never shows in what the user reads. */
      g_assert_null (strstr (fetch_error->message, "hemmelig"));

      g_assert_cmpint (styr_store_count_of_type (fixture->store, "task", NULL), ==, tasks);
      g_assert_cmpint (styr_store_get_update_seq (fixture->store, NULL), ==, seq);
    }

  g_cancellable_cancel (cancelled);
  g_assert_null (styr_catalogue_source_fetch (fixture->database, NULL, NULL, NULL, cancelled,
                                              &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  couch_server_stop (g_steal_pointer (&guarded));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/catalogue-source/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("database", test_database);
  ADD ("newer-keeps-local", test_newer_keeps_local);
  ADD ("file-url", test_file_url);
  ADD ("errors", test_errors);

  return g_test_run ();
}
