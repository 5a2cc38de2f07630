/* test-sync.c: replication with a real CouchDB-compatible server (PouchDB
 * behind express-pouchdb, from tests/couch, started on 127.0.0.1 with a
 * free port), between two stores as two colleagues' desktops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "couch-helpers.h"
#include "styr-catalogue.h"
#include "styr-conflict.h"
#include "styr-document-list.h"
#include "styr-history.h"
#include "styr-merge.h"
#include "styr-replicator.h"
#include "styr-store.h"
#include "styr-sync.h"
#include "styr-task-actions.h"

typedef struct
{
  char        *dir;
  GSubprocess *server;
  char        *url;
  StyrStore   *a;
  StyrStore   *b;
} Fixture;

static StyrStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  StyrStore *store = styr_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("styr-sync-XXXXXX", NULL);
  fixture->server = couch_server_start (NULL, NULL, &fixture->url);
  db = g_strconcat (fixture->url, "/team", NULL);
  g_assert_cmpuint (couch_http (db, "PUT", NULL, NULL), ==, 201);
  fixture->a = open_store (fixture, "a.db");
  fixture->b = open_store (fixture, "b.db");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->server, couch_server_stop);
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  couch_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->url);
}

static StyrSyncResult
sync_pass (Fixture   *fixture,
           StyrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrReplicator) replicator = styr_replicator_new (store, fixture->url, "team", NULL,
                                                              NULL, &error);
  StyrSyncResult result = { 0 };

  g_assert_no_error (error);
  styr_replicator_sync (replicator, &result, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static char *
rev_of (StyrStore  *store,
        const char *id)
{
  char *rev = NULL;

  if (!styr_store_get_status (store, id, &rev, NULL, NULL, NULL))
    return NULL;
  return rev;
}

static void
put_state (StyrStore  *store,
           const char *id,
           const char *status,
           const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *rev = rev_of (store, id);

  json_object_set_string_member (body, "type", "task-state");
  json_object_set_string_member (body, "task", strchr (id, ':') + 1);
  json_object_set_string_member (body, "status", status);
  g_assert_true (styr_store_put (store, id, body, rev, author, NULL, &error));
  g_assert_no_error (error);
}

static const char *
status_of (StyrStore  *store,
           const char *id)
{
  static char status[32];
  g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, NULL);

  g_strlcpy (status, body != NULL ? json_object_get_string_member (body, "status") : "",
             sizeof status);
  return status;
}

/* A colleague's first sync brings the shared database, revision for
 * revision. */
static void
test_first_pull (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(StyrCatalogue) catalogue = styr_catalogue_new_bundled (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  StyrSyncResult first, pulled, again;

  g_assert_true (styr_catalogue_import (catalogue, fixture->a, NULL, &error));
  first = sync_pass (fixture, fixture->a);
  g_assert_cmpuint (first.pushed, ==, styr_catalogue_get_n_documents (catalogue));

  pulled = sync_pass (fixture, fixture->b);
  g_assert_cmpuint (pulled.pulled, ==, styr_catalogue_get_n_documents (catalogue));
  ids = styr_store_find_ids (fixture->a, "task", NULL, NULL, NULL, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *rev_a = rev_of (fixture->a, g_ptr_array_index (ids, i));
      g_autofree char *rev_b = rev_of (fixture->b, g_ptr_array_index (ids, i));

      g_assert_cmpstr (rev_a, ==, rev_b);
    }

  /* Nothing new, nothing moves. */
  again = sync_pass (fixture, fixture->b);
  g_assert_cmpuint (again.pulled + again.pushed, ==, 0);
}

static void
test_two_clients (Fixture       *fixture,
                  gconstpointer  data)
{
  put_state (fixture->a, "task-state:OIR-BASIS-00", "started", "mette");
  put_state (fixture->b, "task-state:OIR-BASIS-01", "completed", "anne");

  sync_pass (fixture, fixture->a);
  sync_pass (fixture, fixture->b);
  sync_pass (fixture, fixture->a);

  g_assert_cmpstr (status_of (fixture->a, "task-state:OIR-BASIS-01"), ==, "completed");
  g_assert_cmpstr (status_of (fixture->b, "task-state:OIR-BASIS-00"), ==, "started");

  /* Each history names the colleague who made the change; the name
   * travels beside the content, not in it. */
  for (guint i = 0; i < 2; i++)
    {
      StyrStore *store = i == 0 ? fixture->a : fixture->b;
      const char *id = i == 0 ? "task-state:OIR-BASIS-01" : "task-state:OIR-BASIS-00";
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) history = styr_store_get_history (store, id, &error);
      g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (((StyrRevisionInfo *) history->pdata[0])->author, ==,
                       i == 0 ? "anne" : "mette");
      g_assert_false (json_object_has_member (body, "styr_author"));
    }
  {
    g_autofree char *url = g_strconcat (fixture->url, "/team/task-state:OIR-BASIS-00", NULL);
    g_autofree char *answer = NULL;

    g_assert_cmpuint (couch_http (url, "GET", NULL, &answer), ==, 200);
    g_assert_nonnull (strstr (answer, "\"styr_author\":\"mette\""));
  }
}

/* The same record changed on both desktops is a conflict on both; it is
 * resolved on one, and the resolution reaches the other. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  const char *id = "task-state:YR-OIR-MAP";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) resolution = NULL;
  g_autoptr(StyrConflict) conflict = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) losers = NULL;
  g_autofree char *winner = NULL;
  gboolean conflicted = FALSE;
  StyrSyncResult result;

  put_state (fixture->a, id, "started", "mette");
  sync_pass (fixture, fixture->a);
  sync_pass (fixture, fixture->b);

  put_state (fixture->a, id, "completed", "mette");
  put_state (fixture->b, id, "not-started", "anne");
  sync_pass (fixture, fixture->a);
  result = sync_pass (fixture, fixture->b);
  g_assert_cmpuint (result.conflicts, ==, 1);
  sync_pass (fixture, fixture->a);

  g_assert_true (styr_store_get_status (fixture->a, id, &winner, NULL, &conflicted, &error));
  g_assert_true (conflicted);
  losers = styr_store_get_conflicts (fixture->a, id, &error);
  g_assert_cmpuint (g_strv_length (losers), ==, 1);

  /* Both desktops agree on which version wins, as CouchDB would. */
  {
    g_autofree char *winner_b = rev_of (fixture->b, id);

    g_assert_cmpstr (winner, ==, winner_b);
  }

  /* The person compares the versions field by field and keeps the other
   * desktop's status. */
  conflict = styr_conflict_load (fixture->a, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflict->versions->len, ==, 2);
  g_assert_cmpuint (conflict->fields->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (conflict->fields, 0), ==, "status");
  g_assert_cmpstr (conflict->revs[0], ==, winner);
  {
    const guint keep_other[] = { 1 };
    const char *other = json_object_get_string_member (g_ptr_array_index (conflict->versions, 1),
                                                       "status");

    resolution = styr_conflict_combine (conflict, keep_other);
    g_assert_cmpstr (json_object_get_string_member (resolution, "status"), ==, other);
    g_assert_true (styr_conflict_resolve (conflict, fixture->a, resolution, "mette", &error));
    g_assert_no_error (error);
    expected = g_strdup (other);
  }

  /* Chosen once, it cannot be chosen again from the old versions. */
  g_assert_false (styr_conflict_resolve (conflict, fixture->a, resolution, "mette", &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  sync_pass (fixture, fixture->a);
  result = sync_pass (fixture, fixture->b);
  g_assert_cmpuint (result.conflicts, ==, 0);
  g_assert_cmpstr (status_of (fixture->b, id), ==, expected);
}

/* Different fields changed on each side merge by themselves, and the
 * merge is in the audit trail and reaches the other desktop. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  const char *id = "task-state:YR-OIR-MAP";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body_b = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *rev = NULL;
  gboolean conflicted = TRUE;
  StyrSyncResult result;

  put_state (fixture->a, id, "started", "mette");
  sync_pass (fixture, fixture->a);
  sync_pass (fixture, fixture->b);

  put_state (fixture->a, id, "completed", "mette");
  body_b = styr_store_get (fixture->b, id, &rev, &error);
  json_object_set_string_member (body_b, "notes", "Aftalt med IT");
  g_assert_true (styr_store_put (fixture->b, id, body_b, rev, "anne", NULL, &error));
  g_assert_no_error (error);

  sync_pass (fixture, fixture->a);
  result = sync_pass (fixture, fixture->b);
  g_assert_cmpuint (result.merged, ==, 1);
  g_assert_cmpuint (result.conflicts, ==, 0);
  sync_pass (fixture, fixture->a);

  for (guint i = 0; i < 2; i++)
    {
      StyrStore *store = i == 0 ? fixture->a : fixture->b;
      g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, &error);

      g_assert_true (styr_store_get_status (store, id, NULL, NULL, &conflicted, &error));
      g_assert_false (conflicted);
      g_assert_cmpstr (json_object_get_string_member (body, "status"), ==, "completed");
      g_assert_cmpstr (json_object_get_string_member (body, "notes"), ==, "Aftalt med IT");
    }

  /* Both desktops say the merge was automatic. */
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&history, g_ptr_array_unref);
      history = styr_store_get_history (i == 0 ? fixture->a : fixture->b, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (((StyrRevisionInfo *) history->pdata[0])->author, ==,
                       STYR_AUTHOR_AUTOMATIC_MERGE);
    }

  /* The same field changed on both sides is not merged. */
  put_state (fixture->a, id, "started", "mette");
  put_state (fixture->b, id, "not-started", "anne");
  sync_pass (fixture, fixture->a);
  result = sync_pass (fixture, fixture->b);
  g_assert_cmpuint (result.merged, ==, 0);
  g_assert_cmpuint (result.conflicts, ==, 1);
  g_assert_true (styr_store_get_status (fixture->b, id, NULL, NULL, &conflicted, &error));
  g_assert_true (conflicted);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *rev = NULL;

  json_object_set_string_member (fields, "title", "Aftal testdato");
  json_object_set_string_member (fields, "project", "YR");
  g_assert_true (styr_task_save_local (fixture->a, NULL, NULL, fields, "mette", &id, &error));
  sync_pass (fixture, fixture->a);
  sync_pass (fixture, fixture->b);
  g_assert_nonnull (styr_store_get (fixture->b, id, NULL, NULL));

  rev = rev_of (fixture->a, id);
  g_assert_true (styr_task_delete_local (fixture->a, id, rev, "mette", NULL, &error));
  sync_pass (fixture, fixture->a);
  sync_pass (fixture, fixture->b);
  g_assert_null (styr_store_get (fixture->b, id, NULL, NULL));
}

static void
put_person (StyrStore  *store,
            const char *id,
            const char *name)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = rev_of (store, id);

  json_object_set_string_member (body, "type", "person");
  json_object_set_string_member (body, "name", name);
  json_object_set_boolean_member (body, "active", TRUE);
  g_assert_true (styr_store_put (store, id, body, rev, "mette", NULL, &error));
  g_assert_no_error (error);
}

/* A document Styr cannot read, written to the server by another client,
 * is left there and does not stop the rest from arriving. */
static gboolean
has_prefix_in (const char * const *list,
               const char         *prefix)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_has_prefix (list[i], prefix))
      return TRUE;
  return FALSE;
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *bad = g_strconcat (fixture->url, "/team/spaceship:1", NULL);
  g_autofree char *good = g_strconcat (fixture->url, "/team/person:p9", NULL);
  StyrSyncResult result;

  g_autofree char *deep = g_strconcat (fixture->url, "/team/person:deep", NULL);
  g_autoptr(GString) nested = g_string_new ("{\"type\":\"person\",\"name\":\"Dyb\",\"x\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrReplicator) replicator = NULL;
  const char * const *skipped;

  g_autofree char *self_deputy = g_strconcat (fixture->url, "/team/assignment:self", NULL);
  g_autofree char *lone = g_strconcat (fixture->url, "/team/person:lone", NULL);

  g_assert_cmpuint (couch_http (bad, "PUT", "{\"type\":\"person\"}", NULL), ==, 201);
  /* A holder who is also the deputy, as every path of Styr refuses it. */
  g_assert_cmpuint (couch_http (self_deputy, "PUT",
                                "{\"type\":\"assignment\",\"role\":\"STS-AFTALEGODKENDER\","
                                "\"holder\":\"person:p9\",\"deputy\":\"person:p9\","
                                "\"since\":\"2019-12-01\"}", NULL), ==, 201);
  g_assert_cmpuint (couch_http (good, "PUT", "{\"type\":\"person\",\"name\":\"Karen Holm\","
                                             "\"active\":true}", NULL), ==, 201);

  /* A document a few thousand levels deep made every pull fail for good,
   * and stopped the edits made here going out. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < 3000; i++)
    g_string_append_c (nested, ']');
  g_string_append_c (nested, '}');
  g_assert_cmpuint (couch_http (deep, "PUT", nested->str, NULL), ==, 201);
  /* json-glib passes a lone UTF-16 surrogate through as bytes that are
   * not text, and they would reach the store and the window. */
  g_assert_cmpuint (couch_http (lone, "PUT", "{\"type\":\"person\",\"name\":\"\\ud800x\"}",
                                NULL), ==, 201);
  put_person (fixture->b, "person:here", "Lars Holm");

  replicator = styr_replicator_new (fixture->b, fixture->url, "team", NULL, NULL, &error);
  g_assert_no_error (error);
  result = (StyrSyncResult) { 0 };
  g_assert_true (styr_replicator_sync (replicator, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.pulled, ==, 1);
  g_assert_cmpuint (result.pushed, ==, 1);
  g_assert_nonnull (styr_store_get (fixture->b, "person:p9", NULL, NULL));
  g_assert_null (styr_store_get (fixture->b, "spaceship:1", NULL, NULL));
  g_assert_null (styr_store_get (fixture->b, "person:deep", NULL, NULL));

  /* Both are named, by their ids, and counted. */
  g_assert_null (styr_store_get (fixture->b, "assignment:self", NULL, NULL));
  g_assert_null (styr_store_get (fixture->b, "person:lone", NULL, NULL));
  g_assert_cmpuint (result.skipped, ==, 4);
  skipped = styr_replicator_get_skipped (replicator);
  g_assert_cmpuint (g_strv_length ((char **) skipped), ==, 4);
  g_assert_true (g_strv_contains (skipped, "“person:lone”: its text is not valid Unicode"));
  g_assert_true (g_strv_contains (skipped, "“assignment:self”: assignment self: its holder is "
                                           "also its deputy; the deputy must be someone else"));
  g_assert_true (has_prefix_in (skipped, "“person:deep”: it nests deeper than Styr reads"));
  g_assert_true (has_prefix_in (skipped, "“spaceship:1”"));
}

/* Attachments another CouchDB client added were dropped from the next
 * revision when someone edited the record here: their stubs go along. */
static void
test_attachments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *doc = g_strconcat (fixture->url, "/team/person:p5", NULL);
  g_autofree char *file = g_strconcat (fixture->url, "/team/person:p5/note.txt", NULL);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(JsonNode) on_server = NULL;
  JsonObject *attachments;
  StyrSyncResult result;

  g_assert_cmpuint (couch_http (doc, "PUT", "{\"type\":\"person\",\"name\":\"Bo Lind\","
                                            "\"active\":true,\"_attachments\":{\"note.txt\":"
                                            "{\"content_type\":\"text/plain\","
                                            "\"data\":\"aGVq\"}}}", NULL), ==, 201);
  result = sync_pass (fixture, fixture->b);
  g_assert_cmpuint (result.pulled, ==, 1);

  body = styr_store_get (fixture->b, "person:p5", &rev, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (body, "styr_attachments"));
  json_object_set_string_member (body, "name", "Bo Lind Hansen");
  g_assert_true (styr_store_put (fixture->b, "person:p5", body, rev, "lars", NULL, &error));
  g_assert_no_error (error);
  result = sync_pass (fixture, fixture->b);
  g_assert_cmpuint (result.pushed, ==, 1);

  g_assert_cmpuint (couch_http (doc, "GET", NULL, &answer), ==, 200);
  on_server = json_from_string (answer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (on_server), "name"), ==,
                   "Bo Lind Hansen");
  g_assert_false (json_object_has_member (json_node_get_object (on_server), "styr_attachments"));
  attachments = json_object_get_object_member (json_node_get_object (on_server), "_attachments");
  g_assert_nonnull (attachments);
  g_assert_true (json_object_has_member (attachments, "note.txt"));
  g_clear_pointer (&answer, g_free);
  g_assert_cmpuint (couch_http (file, "GET", NULL, &answer), ==, 200);
  g_assert_cmpstr (answer, ==, "hej");
}

/* A change another client wrote straight to the server arrives. */
static void
test_server_change (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->url, "/team/person:p9", NULL);
  g_autoptr(JsonObject) person = NULL;

  g_assert_cmpuint (couch_http (url, "PUT", "{\"type\":\"person\",\"name\":\"Karen Holm\","
                                            "\"active\":true}", NULL), ==, 201);
  sync_pass (fixture, fixture->b);
  person = styr_store_get (fixture->b, "person:p9", NULL, NULL);
  g_assert_nonnull (person);
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Karen Holm");
}

/* Runs the main loop until @done says so, for at most ten seconds. */
static void
run_until (gboolean (*done) (StyrSync *sync, gpointer data),
           StyrSync  *sync,
           gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (sync, data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_USEC_PER_SEC / 100);
    }
}

static gboolean
settled (StyrSync *sync,
         gpointer  data)
{
  return styr_sync_get_state (sync) == STYR_SYNC_IDLE && styr_sync_get_n_pending (sync) == 0;
}

static gboolean
failed (StyrSync *sync,
        gpointer  data)
{
  return styr_sync_get_state (sync) == STYR_SYNC_FAILED;
}

static gboolean
has_document (StyrSync *sync,
              gpointer  data)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sync), data));
}

static void
person_changed_cb (StyrStore  *store,
                   const char *type,
                   GStrv       ids,
                   StyrSync   *sync)
{
  for (guint i = 0; ids[i] != NULL; i++)
    g_object_set_data (G_OBJECT (sync), ids[i], GINT_TO_POINTER (TRUE));
}

static void
count_redraws (guint *redrawn)
{
  (*redrawn)++;
}

static gboolean
row_pending (StyrDocumentList *list,
             guint             position)
{
  g_autoptr(StyrRecord) record = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (record);
  return styr_record_get_pending (record);
}

/* The app's continuous sync: local edits wait, marked, until pushed; a
 * change on the server arrives by itself and is announced to the lists;
 * a server that cannot be reached is said, with why. */
static void
test_service (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(StyrSync) sync = styr_sync_new (fixture->a);
  g_autofree char *on_server = g_strconcat (fixture->url, "/team/person:p1", NULL);
  g_autofree char *from_server = g_strconcat (fixture->url, "/team/person:p9", NULL);
  g_autoptr(JsonObject) person = NULL;
  g_autoptr(StyrDocumentList) list = NULL;
  g_autoptr(StyrRecord) row = NULL;
  guint redrawn = 0;

  put_person (fixture->a, "person:p1", "Mette Juhl");
  g_assert_cmpint (styr_sync_get_state (sync), ==, STYR_SYNC_OFF);
  /* A list shows the mark from its row's object, which says when sync
   * confirms it: no reload, no question to the store. */
  list = styr_document_list_new (fixture->a, "person");
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_connect_swapped (row, "notify::pending", G_CALLBACK (count_redraws), &redrawn);
  g_assert_false (row_pending (list, 0));
  styr_sync_configure (sync, fixture->url, "team", NULL);
  g_assert_cmpuint (styr_sync_get_n_pending (sync), ==, 1);
  g_assert_true (styr_sync_is_pending (sync, "person:p1"));
  g_assert_true (styr_store_is_pending (fixture->a, "person:p1"));
  g_assert_cmpuint (redrawn, ==, 1);
  g_assert_true (row_pending (list, 0));
  run_until (settled, sync, NULL);
  g_assert_false (styr_store_is_pending (fixture->a, "person:p1"));
  g_assert_false (row_pending (list, 0));
  g_assert_cmpuint (couch_http (on_server, "GET", NULL, NULL), ==, 200);
  g_assert_nonnull (styr_sync_get_last_sync (sync));

  /* The last sync is the configured database's: another was never synced
   * here, and the first one's time comes back with it. */
  styr_sync_configure (sync, fixture->url, "elsewhere", NULL);
  g_assert_null (styr_sync_get_last_sync (sync));
  styr_sync_configure (sync, fixture->url, "team", NULL);
  g_assert_nonnull (styr_sync_get_last_sync (sync));
  run_until (settled, sync, NULL);

  g_signal_connect (fixture->a, "documents-changed::person", G_CALLBACK (person_changed_cb),
                    sync);
  g_assert_cmpuint (couch_http (from_server, "PUT", "{\"type\":\"person\",\"name\":\"Karen Holm\","
                                                    "\"active\":true}", NULL), ==, 201);
  run_until (has_document, sync, (gpointer) "person:p9");
  person = styr_store_get (fixture->a, "person:p9", NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Karen Holm");

  /* A local edit is pending at once and pushed soon after. */
  put_person (fixture->a, "person:p1", "Mette Juhl Hansen");
  g_assert_true (styr_sync_is_pending (sync, "person:p1"));
  run_until (settled, sync, NULL);
  sync_pass (fixture, fixture->b);
  g_clear_pointer (&person, json_object_unref);
  person = styr_store_get (fixture->b, "person:p1", NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Mette Juhl Hansen");
  g_signal_handlers_disconnect_by_func (fixture->a, person_changed_cb, sync);

  /* Offline: the edit waits, and the window is told why. */
  styr_sync_configure (sync, "http://127.0.0.1:1", "team", NULL);
  put_person (fixture->a, "person:p1", "Mette J. Hansen");
  run_until (failed, sync, NULL);
  g_assert_nonnull (strstr (styr_sync_get_message (sync), "could not be reached"));
  g_assert_cmpuint (styr_sync_get_n_pending (sync), ==, 1);

  g_assert_true (styr_store_is_pending (fixture->a, "person:p1"));
  g_assert_true (row_pending (list, styr_document_list_find (list, "person:p1")));
  /* The edits made the row a new record. */
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (list), styr_document_list_find (list, "person:p1"));
  g_signal_connect_swapped (row, "notify::pending", G_CALLBACK (count_redraws), &redrawn);
  redrawn = 0;

  /* Without sync, nothing waits, and no list says so: that row's record
   * says it. */
  styr_sync_configure (sync, NULL, NULL, NULL);
  g_assert_cmpuint (redrawn, ==, 1);
  g_assert_cmpint (styr_sync_get_state (sync), ==, STYR_SYNC_OFF);
  g_assert_false (styr_store_is_pending (fixture->a, "person:p1"));
  g_assert_false (row_pending (list, styr_document_list_find (list, "person:p1")));
}

static gboolean
add_many (StyrStore  *store,
          gpointer    user_data,
          GError    **error)
{
  for (guint i = 0; i < GPOINTER_TO_UINT (user_data); i++)
    {
      g_autoptr(JsonObject) body = json_object_new ();
      g_autofree char *id = g_strdup_printf ("task:bulk%05u", i);
      g_autofree char *title = g_strdup_printf ("Opgave %u", i);

      json_object_set_string_member (body, "type", "task");
      json_object_set_string_member (body, "project", "Test");
      json_object_set_string_member (body, "title", title);
      if (!styr_store_put (store, id, body, NULL, "test", NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
cancel_after_first (StyrReplicator *replicator,
                    const char     *direction,
                    guint           done,
                    GCancellable   *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
count_progress (StyrReplicator *replicator,
                const char     *direction,
                guint           done,
                guint          *last)
{
  *last = done;
}

/* A pull stopped half-way goes on from its checkpoint: nothing lost,
 * nothing fetched twice. */
static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  const guint n = 2000;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrReplicator) stopped = NULL;
  g_autoptr(StyrReplicator) resumed = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  StyrSyncResult first = { 0 }, second = { 0 };
  guint progress = 0;

  g_assert_true (styr_store_transaction (fixture->a, add_many, GUINT_TO_POINTER (n), &error));
  sync_pass (fixture, fixture->a);

  stopped = styr_replicator_new (fixture->b, fixture->url, "team", NULL, NULL, &error);
  styr_replicator_set_batch_size (stopped, 300);
  g_signal_connect (stopped, "progress", G_CALLBACK (cancel_after_first), cancellable);
  g_assert_false (styr_replicator_pull (stopped, &first, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (first.pulled, ==, 300);

  resumed = styr_replicator_new (fixture->b, fixture->url, "team", NULL, NULL, &error);
  styr_replicator_set_batch_size (resumed, 300);
  g_signal_connect (resumed, "progress", G_CALLBACK (count_progress), &progress);
  g_assert_true (styr_replicator_pull (resumed, &second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.pulled, ==, n - 300);
  g_assert_cmpint (styr_store_count_of_type (fixture->b, "task", NULL), ==, n);
}

/* A 10 000-document pull whose process is killed half-way: the next pass
 * goes on from the last checkpoint, and in the end every document is there
 * once. */
static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  const guint n = 10000;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (fixture->dir, "killed", NULL);
  g_autofree char *path = g_build_filename (data_dir, "styr.db", NULL);
  g_autoptr(GSubprocess) styr = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrReplicator) resumed = NULL;
  StyrSyncResult result = { 0 };
  gint64 before = 0;
  gint64 end;

  g_assert_true (styr_store_transaction (fixture->a, add_many, GUINT_TO_POINTER (n), &error));
  sync_pass (fixture, fixture->a);

  styr = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                           &error, g_getenv ("STYR_BINARY"), "--data-dir", data_dir, "--sync",
                           "--server", fixture->url, "--database", "team", NULL);
  g_assert_no_error (error);

  /* Killed half-way, whatever batch it is in. The progress is read on a
   * read-only connection of plain SQLite: opening a StyrStore would write,
   * and could race the command's own first migration. */
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (before < n / 2)
    {
      sqlite3 *peek = NULL;
      sqlite3_stmt *count = NULL;

      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_usleep (G_USEC_PER_SEC / 50);
      if (g_file_test (path, G_FILE_TEST_EXISTS) &&
          sqlite3_open_v2 (path, &peek, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
          sqlite3_prepare_v2 (peek, "SELECT count(*) FROM documents WHERE type = 'task'", -1,
                              &count, NULL) == SQLITE_OK &&
          sqlite3_step (count) == SQLITE_ROW)
        before = sqlite3_column_int64 (count, 0);
      sqlite3_finalize (count);
      sqlite3_close (peek);
    }
  g_subprocess_force_exit (styr);
  g_subprocess_wait (styr, NULL, NULL);
  g_assert_false (g_subprocess_get_successful (styr));

  store = styr_store_new (path, &error);
  g_assert_no_error (error);
  before = styr_store_count_of_type (store, "task", NULL);
  g_test_message ("killed with %" G_GINT64_FORMAT " of %u tasks", before, n);
  g_assert_cmpint (before, <, n);

  resumed = styr_replicator_new (store, fixture->url, "team", NULL, NULL, &error);
  g_assert_true (styr_replicator_pull (resumed, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (styr_store_count_of_type (store, "task", NULL), ==, n);
  g_assert_cmpuint (result.pulled, ==, n - before);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) guarded = NULL;
  g_autofree char *guarded_url = NULL;
  g_autofree char *db = NULL;
  StyrSyncResult result;

  /* Plain http is for this machine only. */
  g_assert_null (styr_replicator_new (fixture->a, "http://couch.example.dk", "team", NULL, NULL,
                                      &error));
  g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_INSECURE);
  g_clear_error (&error);

  /* A database that is not there. */
  {
    g_autoptr(StyrReplicator) replicator = styr_replicator_new (fixture->a, fixture->url, "nope",
                                                                NULL, NULL, &error);

    g_assert_false (styr_replicator_sync (replicator, &result, NULL, &error));
    g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NO_DATABASE);
    g_assert_nonnull (strstr (error->message, "nope"));
    g_clear_error (&error);
  }

  /* Nobody listening. */
  {
    g_autoptr(StyrReplicator) replicator = styr_replicator_new (fixture->a, "http://127.0.0.1:9",
                                                                "team", NULL, NULL, &error);

    g_assert_false (styr_replicator_sync (replicator, &result, NULL, &error));
    g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE);
    g_clear_error (&error);
  }

  /* The wrong password, then the right one. */
  guarded = couch_server_start ("styr", "hemmelig", &guarded_url);
  db = g_strconcat (guarded_url, "/team", NULL);
  {
    g_autoptr(StyrReplicator) wrong = styr_replicator_new (fixture->a, guarded_url, "team",
                                                           "styr", "forkert", &error);
    g_autoptr(StyrReplicator) right = styr_replicator_new (fixture->a, guarded_url, "team",
                                                           "styr", "hemmelig", &error);

    g_assert_false (styr_replicator_sync (wrong, &result, NULL, &error));
    g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNAUTHORIZED);
    g_assert_nonnull (strstr (error->message, "401"));
    g_clear_error (&error);
    g_assert_false (styr_replicator_sync (right, &result, NULL, &error));
    g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NO_DATABASE);
  }
  couch_server_stop (g_steal_pointer (&guarded));
  g_assert_cmpint (styr_store_count_of_type (fixture->a, "task", NULL), ==, 0);
}

static void
database_info_cb (SoupServer        *server,
                  SoupServerMessage *message,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  const char *info = "{\"db_name\":\"team\",\"update_seq\":0}";

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, info,
                                    strlen (info));
}

/* A server whose certificate no authority signed is refused, and says so,
 * even on this machine. */
static void
test_certificate (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *cert = g_build_filename (fixture->dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (fixture->dir, "key.pem", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                         "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                         NULL };
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(StyrReplicator) replicator = NULL;
  g_autoptr(GError) error = NULL;
  LocalServer *local;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  local = local_server_start_tls (database_info_cb, NULL, certificate);

  replicator = styr_replicator_new (fixture->a, local->url, "team", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (styr_replicator_check (replicator, NULL, &error));
  g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "certificate"));
  local_server_stop (local);
}

static int
run_styr (Fixture     *fixture,
          const char  *server,
          const char  *database,
          char       **out,
          char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (fixture->dir, "cli", NULL);
  const char *argv[] = { g_getenv ("STYR_BINARY"), "--data-dir", data_dir, "--sync",
                         server != NULL ? "--server" : NULL, server, "--database", database,
                         NULL };
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* `styr --sync` runs one pass with no display, says what it did, and exits
 * 0 only when both directions completed. */
/* A port on 127.0.0.1 that refuses until told to pass connections on to
 * the test server: a server that is down, then back. */
typedef struct
{
  GSocketService *service;
  GSocketClient  *client;
  char           *target;
  guint16         port;
  guint16         target_port;
} Forwarder;

static void
spliced_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_io_stream_splice_finish (result, NULL);
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             Forwarder         *forwarder)
{
  g_autoptr(GSocketConnection) onward = g_socket_client_connect_to_host (forwarder->client,
                                                                         "127.0.0.1",
                                                                         forwarder->target_port,
                                                                         NULL, NULL);

  if (onward != NULL)
    g_io_stream_splice_async (G_IO_STREAM (connection), G_IO_STREAM (onward),
                              G_IO_STREAM_SPLICE_NONE, G_PRIORITY_DEFAULT, NULL, spliced_cb,
                              NULL);
  return TRUE;
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* After the server comes back, what waits goes out within ten seconds,
 * however long it was away. */
static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(StyrSync) sync = styr_sync_new (fixture->a);
  g_autoptr(GUri) target = g_uri_parse (fixture->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *url = NULL;
  g_autofree char *on_server = g_strconcat (fixture->url, "/team/person:p1", NULL);
  Forwarder forwarder = { 0 };
  gint64 back;

  forwarder.port = free_port ();
  forwarder.target_port = g_uri_get_port (target);
  forwarder.client = g_socket_client_new ();
  url = g_strdup_printf ("http://127.0.0.1:%u", forwarder.port);

  /* Down for 40 seconds, through several tries: a backoff that doubles
   * without a low cap would by then wait 40 seconds more. */
  put_person (fixture->a, "person:p1", "Mette Juhl");
  styr_sync_configure (sync, url, "team", NULL);
  run_until (failed, sync, NULL);
  {
    gint64 until = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (G_USEC_PER_SEC / 50);
      }
  }
  g_assert_cmpuint (styr_sync_get_n_pending (sync), ==, 1);

  /* Back: out within ten seconds. */
  forwarder.service = g_socket_service_new ();
  g_assert_true (g_socket_listener_add_inet_port (G_SOCKET_LISTENER (forwarder.service),
                                                  forwarder.port, NULL, NULL));
  g_signal_connect (forwarder.service, "incoming", G_CALLBACK (incoming_cb), &forwarder);
  g_socket_service_start (forwarder.service);
  back = g_get_monotonic_time ();
  run_until (settled, sync, NULL);
  g_assert_cmpint (g_get_monotonic_time () - back, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (couch_http (on_server, "GET", NULL, NULL), ==, 200);

  styr_sync_stop (sync);
  g_socket_service_stop (forwarder.service);
  g_socket_listener_close (G_SOCKET_LISTENER (forwarder.service));
  g_clear_object (&forwarder.service);
  g_clear_object (&forwarder.client);
}

static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(StyrCatalogue) catalogue = styr_catalogue_new_bundled (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (styr_catalogue_import (catalogue, fixture->a, NULL, &error));
  sync_pass (fixture, fixture->a);

  g_assert_cmpint (run_styr (fixture, fixture->url, "team", &out, &err), ==, 0);
  expected = g_strdup_printf ("Pulled %u, pushed 0, 0 left in conflict.\n",
                              styr_catalogue_get_n_documents (catalogue));
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_styr (fixture, fixture->url, "missing", &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no database “missing”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No server in the preferences and none given. */
  g_assert_cmpint (run_styr (fixture, NULL, "team", &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--server"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A document that cannot be stored here is named, by its id, and makes
   * the exit status 1, while the rest arrives. */
  {
    g_autofree char *deep = g_strconcat (fixture->url, "/team/person:deep", NULL);
    g_autofree char *good = g_strconcat (fixture->url, "/team/person:p8", NULL);
    g_autoptr(GString) nested = g_string_new ("{\"type\":\"person\",\"x\":");

    for (guint i = 0; i < 3000; i++)
      g_string_append_c (nested, '[');
    for (guint i = 0; i < 3000; i++)
      g_string_append_c (nested, ']');
    g_string_append_c (nested, '}');
    g_assert_cmpuint (couch_http (deep, "PUT", nested->str, NULL), ==, 201);
    g_assert_cmpuint (couch_http (good, "PUT", "{\"type\":\"person\",\"name\":\"Ib\","
                                               "\"active\":true}", NULL), ==, 201);
    g_assert_cmpint (run_styr (fixture, fixture->url, "team", &out, &err), ==, 1);
    g_assert_nonnull (strstr (out, "Pulled 1,"));
    g_assert_nonnull (strstr (err, "1 document from the server could not be stored here"));
    g_assert_nonnull (strstr (err, "“person:deep”: it nests deeper than Styr reads"));
  }
}

/* Fault injection: a SoupServer between the replicator and the test
 * server, in a thread of its own, that passes requests on or, for the
 * next requests, answers with a fault. */
typedef enum
{
  FAULT_NONE,
  FAULT_DROP,
  FAULT_ERROR_500,
  FAULT_UNAUTHORIZED,
  FAULT_FORBIDDEN,
  FAULT_SLOW,
  FAULT_MALFORMED,
  FAULT_TRUNCATED,
  FAULT_WRONG_TYPE,
} Fault;

typedef struct
{
  char         *target;
  LocalServer  *local;
  Fault         fault;
  guint         skip;
  guint         times;
  /* A document the server refuses, as its validate_doc_update would. */
  char         *refuse_id;
  GMutex        lock;
} Proxy;

static Fault
next_fault (Proxy *proxy)
{
  Fault fault = FAULT_NONE;

  g_mutex_lock (&proxy->lock);
  if (proxy->skip > 0)
    proxy->skip--;
  else if (proxy->times > 0)
    {
      fault = proxy->fault;
      proxy->times--;
    }
  g_mutex_unlock (&proxy->lock);
  return fault;
}

static void
proxy_answer (SoupServerMessage *message,
              guint              status,
              const char        *type,
              const char        *data,
              gssize             length)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, type, SOUP_MEMORY_COPY, data,
                                    length < 0 ? strlen (data) : (gsize) length);
}

/* Takes the refused document out of a _bulk_docs request; returns whether
 * it was there. */
static gboolean
drop_refused (Proxy   *proxy,
              GBytes **body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *refuse_id = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) kept = json_node_new (JSON_NODE_ARRAY);
  JsonArray *docs;
  JsonArray *rest = json_array_new ();
  gboolean dropped = FALSE;
  gsize length;

  g_mutex_lock (&proxy->lock);
  refuse_id = g_strdup (proxy->refuse_id);
  g_mutex_unlock (&proxy->lock);
  if (refuse_id == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (*body, NULL), g_bytes_get_size (*body),
                                   NULL))
    {
      json_array_unref (rest);
      return FALSE;
    }

  docs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "docs");
  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      JsonObject *doc = json_array_get_object_element (docs, i);

      if (g_strcmp0 (json_object_get_string_member (doc, "_id"), refuse_id) == 0)
        dropped = TRUE;
      else
        json_array_add_object_element (rest, json_object_ref (doc));
    }
  json_node_take_array (kept, rest);
  json_object_set_member (json_node_get_object (json_parser_get_root (parser)), "docs",
                          json_node_copy (kept));
  text = json_to_string (json_parser_get_root (parser), FALSE);
  length = strlen (text);
  g_bytes_unref (*body);
  *body = g_bytes_new_take (g_steal_pointer (&text), length);
  return dropped;
}

static char *
add_refusal (Proxy      *proxy,
             const char *data,
             gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *answer;
  JsonObject *refusal = json_object_new ();

  g_assert_true (json_parser_load_from_data (parser, data, length, NULL));
  answer = json_node_get_array (json_parser_get_root (parser));
  g_mutex_lock (&proxy->lock);
  json_object_set_string_member (refusal, "id", proxy->refuse_id);
  g_mutex_unlock (&proxy->lock);
  json_object_set_string_member (refusal, "error", "forbidden");
  json_object_set_string_member (refusal, "reason", "Only the programme leader may change this");
  json_array_add_object_element (answer, refusal);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

static void
proxy_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Proxy *proxy = user_data;
  GUri *uri = soup_server_message_get_uri (message);
  g_autofree char *url = g_strdup_printf ("%s%s%s%s", proxy->target, g_uri_get_path (uri),
                                          g_uri_get_query (uri) != NULL ? "?" : "",
                                          g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "");
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) forward = soup_message_new (soup_server_message_get_method (message), url);
  SoupMessageBody *request_body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (request_body);
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *with_refusal = NULL;
  const char *type;
  gsize length;
  const char *data;
  Fault fault = next_fault (proxy);
  gboolean refused = g_str_has_suffix (g_uri_get_path (uri), "/_bulk_docs") &&
                     drop_refused (proxy, &body);

  /* CouchDB, and PouchDB after it, answer JSON as text/plain unless the
   * client accepts application/json. */
  soup_message_headers_append (soup_message_get_request_headers (forward), "Accept",
                               "application/json");
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (forward, "application/json", body);
  answer = soup_session_send_and_read (session, forward, NULL, NULL);
  data = answer != NULL ? g_bytes_get_data (answer, &length) : "";
  if (answer == NULL)
    length = 0;
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (forward), NULL);
  if (refused)
    {
      with_refusal = add_refusal (proxy, data, length);
      data = with_refusal;
      length = strlen (with_refusal);
    }

  switch (fault)
    {
    case FAULT_DROP:
      /* The line goes dead before the answer is complete. */
      g_socket_close (soup_server_message_get_socket (message), NULL);
      return;
    case FAULT_ERROR_500:
      proxy_answer (message, 500, "application/json", "{\"error\":\"oops\"}", -1);
      return;
    case FAULT_UNAUTHORIZED:
      proxy_answer (message, 401, "application/json", "{\"error\":\"unauthorized\"}", -1);
      return;
    case FAULT_FORBIDDEN:
      proxy_answer (message, 403, "application/json", "{\"error\":\"forbidden\"}", -1);
      return;
    case FAULT_SLOW:
      g_usleep (2500 * 1000);
      break;
    case FAULT_MALFORMED:
      proxy_answer (message, 200, "application/json", "{\"results\": [oops", -1);
      return;
    case FAULT_TRUNCATED:
      proxy_answer (message, 200, "application/json", data, length / 2);
      return;
    case FAULT_WRONG_TYPE:
      proxy_answer (message, 200, "text/html", "<html>Login</html>", -1);
      return;
    case FAULT_NONE:
    default:
      break;
    }

  proxy_answer (message, soup_message_get_status (forward),
                type != NULL ? type : "application/json", data, length);
}

static Proxy *
proxy_start (const char *target)
{
  Proxy *proxy = g_new0 (Proxy, 1);

  g_mutex_init (&proxy->lock);
  proxy->target = g_strdup (target);
  proxy->local = local_server_start (proxy_cb, proxy);
  return proxy;
}

static void
proxy_stop (Proxy *proxy)
{
  local_server_stop (proxy->local);
  g_mutex_clear (&proxy->lock);
  g_free (proxy->refuse_id);
  g_free (proxy->target);
  g_free (proxy);
}

/* Every fault gives a clear error and changes nothing here; the next pass
 * without it succeeds and brings everything. */
static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    Fault        fault;
    guint        skip;
    int          code;
    const char  *words;
  } faults[] = {
    { FAULT_DROP, 2, STYR_REPLICATOR_ERROR_UNREACHABLE, "could not be reached" },
    { FAULT_ERROR_500, 2, STYR_REPLICATOR_ERROR_SERVER, "HTTP 500" },
    { FAULT_UNAUTHORIZED, 0, STYR_REPLICATOR_ERROR_UNAUTHORIZED, "HTTP 401" },
    /* Not a question of the password. */
    { FAULT_FORBIDDEN, 0, STYR_REPLICATOR_ERROR_UNAUTHORIZED, "does not let this user into" },
    { FAULT_MALFORMED, 2, STYR_REPLICATOR_ERROR_NOT_COUCHDB, "CouchDB" },
    { FAULT_TRUNCATED, 3, STYR_REPLICATOR_ERROR_NOT_COUCHDB, "CouchDB" },
    { FAULT_WRONG_TYPE, 2, STYR_REPLICATOR_ERROR_NOT_COUCHDB, "text/html" },
    /* Last: the proxy thread sleeps through it, and the requests after it
     * wait for the proxy. */
    { FAULT_SLOW, 2, STYR_REPLICATOR_ERROR_UNREACHABLE, "could not be reached" },
  };
  g_autoptr(StyrCatalogue) catalogue = styr_catalogue_new_bundled (NULL);
  g_autoptr(GError) error = NULL;
  Proxy *proxy;

  g_assert_true (styr_catalogue_import (catalogue, fixture->a, NULL, &error));
  sync_pass (fixture, fixture->a);
  proxy = proxy_start (fixture->url);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(StyrReplicator) replicator = styr_replicator_new (fixture->b, proxy->local->url, "team",
                                                                  NULL, NULL, &error);
      g_autoptr(GError) fault_error = NULL;
      gint64 before = styr_store_count_of_type (fixture->b, "task", NULL);
      StyrSyncResult result = { 0 };

      g_test_message ("fault %u", faults[i].fault);
      styr_replicator_set_timeout (replicator, 1);
      g_mutex_lock (&proxy->lock);
      proxy->fault = faults[i].fault;
      proxy->skip = faults[i].skip;
      /* libsoup sends a request again once when its connection drops. */
      proxy->times = faults[i].fault == FAULT_DROP ? 3 : 1;
      g_mutex_unlock (&proxy->lock);

      g_assert_false (styr_replicator_pull (replicator, &result, NULL, &fault_error));
      g_assert_error (fault_error, STYR_REPLICATOR_ERROR, faults[i].code);
      g_assert_nonnull (strstr (fault_error->message, faults[i].words));
      g_assert_cmpint (styr_store_count_of_type (fixture->b, "task", NULL), ==, before);
      g_assert_cmpuint (result.pulled, ==, 0);
    }

  /* Without faults the next pass brings everything. */
  {
    g_autoptr(StyrReplicator) replicator = styr_replicator_new (fixture->b, proxy->local->url, "team",
                                                                NULL, NULL, &error);
    StyrSyncResult result = { 0 };

    g_assert_true (styr_replicator_sync (replicator, &result, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.pulled, ==, styr_catalogue_get_n_documents (catalogue));
  }
  proxy_stop (proxy);
}

/* A fault half-way through a pull, while the next batch is being fetched
 * and the one before written: the batches written before it stay, whole,
 * and the next pass brings the rest and nothing twice. */
/* A revision the server will not take, as its validate_doc_update would
 * refuse it, is named and counted; the changes after it still go out, and
 * the next pass does not stall on it. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  Proxy *proxy = proxy_start (fixture->url);
  g_autoptr(StyrReplicator) replicator = NULL;
  g_autoptr(GError) error = NULL;
  StyrSyncResult result = { 0 };

  put_state (fixture->a, "task-state:REFUSED", "started", "mette");
  put_state (fixture->a, "task-state:TAKEN", "started", "mette");
  g_mutex_lock (&proxy->lock);
  proxy->refuse_id = g_strdup ("task-state:REFUSED");
  g_mutex_unlock (&proxy->lock);

  replicator = styr_replicator_new (fixture->a, proxy->local->url, "team", NULL, NULL, &error);
  g_assert_no_error (error);
  /* One document a batch: the refused one comes first. */
  styr_replicator_set_batch_size (replicator, 1);
  g_assert_true (styr_replicator_sync (replicator, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.refused, ==, 1);
  g_assert_cmpuint (result.pushed, ==, 1);
  g_assert_nonnull (strstr (styr_replicator_get_refusal (replicator), "“task-state:REFUSED”"));
  g_assert_nonnull (strstr (styr_replicator_get_refusal (replicator), "programme leader"));

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *url = g_strconcat (fixture->url, "/team/task-state:",
                                          i == 0 ? "TAKEN" : "REFUSED", NULL);

      g_assert_cmpuint (couch_http (url, "GET", NULL, NULL), ==, i == 0 ? 200 : 404);
    }

  /* The refused change is not forgotten: it stays "not sent", with the
   * server's reason, and goes again with the next pass. */
  g_assert_true (styr_replicator_confirm_pending (replicator, &error));
  g_assert_true (styr_store_is_pending (fixture->a, "task-state:REFUSED"));
  g_assert_false (styr_store_is_pending (fixture->a, "task-state:TAKEN"));
  {
    g_autofree char *reason = styr_store_get_refused (fixture->a, "task-state:REFUSED", NULL);

    g_assert_nonnull (strstr (reason, "programme leader"));
  }

  put_state (fixture->a, "task-state:LATER", "started", "mette");
  result = (StyrSyncResult) { 0 };
  g_assert_true (styr_replicator_sync (replicator, &result, NULL, &error));
  g_assert_cmpuint (result.refused, ==, 1);
  g_assert_cmpuint (result.pushed, ==, 1);
  g_assert_true (styr_store_is_pending (fixture->a, "task-state:REFUSED"));

  /* Once the server takes it, it is sent, and nothing waits. */
  g_mutex_lock (&proxy->lock);
  g_clear_pointer (&proxy->refuse_id, g_free);
  g_mutex_unlock (&proxy->lock);
  result = (StyrSyncResult) { 0 };
  g_assert_true (styr_replicator_sync (replicator, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.refused, ==, 0);
  g_assert_cmpuint (result.pushed, ==, 1);
  g_assert_true (styr_replicator_confirm_pending (replicator, &error));
  g_assert_false (styr_store_is_pending (fixture->a, "task-state:REFUSED"));
  g_assert_null (styr_replicator_get_refusal (replicator));
  {
    g_autofree char *url = g_strconcat (fixture->url, "/team/task-state:REFUSED", NULL);

    g_assert_cmpuint (couch_http (url, "GET", NULL, NULL), ==, 200);
  }

  /* Refused again after an edit here, the new revision is what waits. */
  g_mutex_lock (&proxy->lock);
  proxy->refuse_id = g_strdup ("task-state:REFUSED");
  g_mutex_unlock (&proxy->lock);
  put_state (fixture->a, "task-state:REFUSED", "completed", "mette");
  result = (StyrSyncResult) { 0 };
  g_assert_true (styr_replicator_sync (replicator, &result, NULL, &error));
  g_assert_cmpuint (result.refused, ==, 1);
  {
    g_autofree char *rev = NULL;
    g_autofree char *current = rev_of (fixture->a, "task-state:REFUSED");
    g_autofree char *reason = styr_store_get_refused (fixture->a, "task-state:REFUSED", &rev);

    g_assert_nonnull (reason);
    g_assert_cmpstr (rev, ==, current);
  }

  proxy_stop (proxy);
}

static void
test_fault_mid_pull (Fixture       *fixture,
                     gconstpointer  data)
{
  const guint n = 1000, batch = 100;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrReplicator) failing = NULL;
  g_autoptr(StyrReplicator) again = NULL;
  StyrSyncResult first = { 0 }, second = { 0 };
  Proxy *proxy;
  gint64 count;

  g_assert_true (styr_store_transaction (fixture->a, add_many, GUINT_TO_POINTER (n), &error));
  sync_pass (fixture, fixture->a);
  proxy = proxy_start (fixture->url);

  /* The database, the checkpoint, the first batch's changes and
   * documents and the second batch's changes come first; the eighth
   * request is the first batch's checkpoint or one for the second or
   * third batch. */
  g_mutex_lock (&proxy->lock);
  proxy->fault = FAULT_ERROR_500;
  proxy->skip = 7;
  proxy->times = 1;
  g_mutex_unlock (&proxy->lock);

  failing = styr_replicator_new (fixture->b, proxy->local->url, "team", NULL, NULL, &error);
  styr_replicator_set_batch_size (failing, batch);
  g_assert_false (styr_replicator_pull (failing, &first, NULL, &error));
  g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_SERVER);
  g_clear_error (&error);
  count = styr_store_count_of_type (fixture->b, "task", NULL);
  g_assert_cmpint (count, ==, first.pulled);
  g_assert_cmpint (count, >=, batch);
  g_assert_cmpint (count, <, n);
  g_assert_cmpint (count % batch, ==, 0);

  again = styr_replicator_new (fixture->b, proxy->local->url, "team", NULL, NULL, &error);
  styr_replicator_set_batch_size (again, batch);
  g_assert_true (styr_replicator_pull (again, &second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first.pulled + second.pulled, ==, n);
  g_assert_cmpint (styr_store_count_of_type (fixture->b, "task", NULL), ==, n);
  proxy_stop (proxy);
}

/* Runs `styr --sync --server SERVER --database team [EXTRA]` with its
 * own environment and standard input, as a script would; returns the
 * exit status and what it printed on both streams. */
static int
run_styr_with (Fixture     *fixture,
               const char  *password_variable,
               const char  *input,
               const char  *server,
               const char  *extra,
               char       **printed)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) styr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (fixture->dir, "cli", NULL);

  if (password_variable != NULL)
    g_subprocess_launcher_setenv (launcher, "STYR_PASSWORD", password_variable, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "STYR_PASSWORD");
  styr = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("STYR_BINARY"), "--data-dir",
                                      data_dir, "--sync", "--server", server, "--database", "team",
                                      extra, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (styr, input, NULL, printed, NULL, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (styr);
}

/* A password never stands on the command line, where every user of the
 * computer can read it: it comes from the keyring, STYR_PASSWORD or
 * standard input, and an address that holds one is refused without
 * being repeated. */
static void
test_command_line_password (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *guarded_url = NULL;
  g_autoptr(GSubprocess) guarded = couch_server_start ("styr", "hemmelig", &guarded_url);
  g_autofree char *with_user = NULL;
  g_autofree char *with_password = NULL;
  const char *mistyped = "https//styr:hemmelig@couch.kommune.dk";
  char *printed = NULL;

  g_assert_true (g_str_has_prefix (guarded_url, "http://"));
  with_user = g_strconcat ("http://styr@", guarded_url + strlen ("http://"), NULL);
  with_password = g_strconcat ("http://styr:hemmelig@", guarded_url + strlen ("http://"), NULL);

  /* In the address: refused, and not shown. */
  g_assert_cmpint (run_styr_with (fixture, NULL, NULL, with_password, NULL, &printed), ==, 2);
  g_assert_nonnull (strstr (printed, "holds a password"));
  g_assert_null (strstr (printed, "hemmelig"));
  g_clear_pointer (&printed, g_free);

  /* Mistyped, it is not repeated either. */
  g_assert_cmpint (run_styr_with (fixture, NULL, NULL, mistyped, NULL, &printed), ==, 1);
  g_assert_nonnull (strstr (printed, "is not the address of a server"));
  g_assert_null (strstr (printed, "hemmelig"));
  g_clear_pointer (&printed, g_free);

  /* From STYR_PASSWORD, and from standard input: the right password gets
   * past the server's guard, to find no database "team" behind it. */
  g_assert_cmpint (run_styr_with (fixture, "hemmelig", NULL, with_user, NULL, &printed), ==, 1);
  g_assert_nonnull (strstr (printed, "There is no database “team”"));
  g_clear_pointer (&printed, g_free);
  g_assert_cmpint (run_styr_with (fixture, NULL, "hemmelig\n", with_user, "--password-stdin",
                                  &printed), ==, 1);
  g_assert_nonnull (strstr (printed, "There is no database “team”"));
  g_clear_pointer (&printed, g_free);
  g_assert_cmpint (run_styr_with (fixture, NULL, "forkert\n", with_user, "--password-stdin",
                                  &printed), ==, 1);
  g_assert_nonnull (strstr (printed, "refused the user name or password"));
  g_assert_null (strstr (printed, "forkert"));
  g_clear_pointer (&printed, g_free);

  couch_server_stop (g_steal_pointer (&guarded));
}

/* A server that answers a byte at a time, each within the time the line
 * may stay silent; in a thread of its own, until the listener closes. */
static gpointer
trickle_thread (gpointer user_data)
{
  GSocketListener *listener = user_data;
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             "Content-Length: 100000\r\n\r\n";
  g_autoptr(GSocketConnection) connection = g_socket_listener_accept (listener, NULL, NULL,
                                                                      NULL);
  GOutputStream *out;
  char request[4096];

  if (connection == NULL)
    return NULL;
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), request,
                       sizeof request, NULL, NULL);
  if (!g_output_stream_write_all (out, head, sizeof head - 1, NULL, NULL, NULL))
    return NULL;
  for (guint i = 0; i < 100000; i++)
    {
      g_usleep (200 * 1000);
      if (!g_output_stream_write_all (out, " ", 1, NULL, NULL, NULL))
        break;
    }
  return NULL;
}

/* A trickling server held a pass for minutes: a whole answer gets twice
 * the time the line may stay silent, and the pass says why it stopped. */
static void
test_trickle (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(StyrReplicator) replicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  StyrSyncResult result = { 0 };
  GThread *thread;
  gint64 start;

  g_assert_true (g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  thread = g_thread_new ("trickle", trickle_thread, listener);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  replicator = styr_replicator_new (fixture->a, url, "team", NULL, NULL, &error);
  g_assert_no_error (error);
  styr_replicator_set_timeout (replicator, 1);
  start = g_get_monotonic_time ();
  g_assert_false (styr_replicator_sync (replicator, &result, NULL, &error));
  g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE);
  if (strstr (error->message, "so slowly that it did not arrive within 2 seconds") == NULL)
    g_error ("%s", error->message);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* The server's side ends when Styr closes the line. */
  g_clear_object (&replicator);
  g_thread_join (thread);
  g_socket_listener_close (listener);
}

/* When the server's changes cannot be read, this desktop's changes still
 * reach it, and the pass says what failed. */
static void
test_push_despite_pull (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *on_server = g_strconcat (fixture->url, "/team/person:p1", NULL);
  g_autoptr(StyrReplicator) replicator = NULL;
  g_autoptr(GError) error = NULL;
  StyrSyncResult result = { 0 };
  Proxy *proxy;

  put_person (fixture->a, "person:p1", "Mette Juhl");
  proxy = proxy_start (fixture->url);
  g_mutex_lock (&proxy->lock);
  /* The database's info and the checkpoint pass; the changes do not. */
  proxy->fault = FAULT_MALFORMED;
  proxy->skip = 2;
  proxy->times = 1;
  g_mutex_unlock (&proxy->lock);

  replicator = styr_replicator_new (fixture->a, proxy->local->url, "team", NULL, NULL, &error);
  g_assert_false (styr_replicator_sync (replicator, &result, NULL, &error));
  g_assert_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NOT_COUCHDB);
  g_assert_cmpuint (result.pushed, ==, 1);
  g_assert_cmpuint (couch_http (on_server, "GET", NULL, NULL), ==, 200);
  proxy_stop (proxy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sync/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("first-pull", test_first_pull);
  ADD ("two-clients", test_two_clients);
  ADD ("conflict", test_conflict);
  ADD ("merge", test_merge);
  ADD ("delete", test_delete);
  ADD ("server-change", test_server_change);
  ADD ("unreadable", test_unreadable);
  ADD ("attachments", test_attachments);
  ADD ("resume", test_resume);
  ADD ("killed", test_killed);
  ADD ("errors", test_errors);
  ADD ("certificate", test_certificate);
  ADD ("faults", test_faults);
  ADD ("push-despite-pull", test_push_despite_pull);
  ADD ("service", test_service);
  ADD ("recovery", test_recovery);
  ADD ("command-line", test_command_line);
  ADD ("command-line-password", test_command_line_password);
  ADD ("trickle", test_trickle);
  ADD ("fault-mid-pull", test_fault_mid_pull);
  ADD ("refused", test_refused);

  return g_test_run ();
}
