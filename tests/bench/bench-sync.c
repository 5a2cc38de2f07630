/* bench-sync.c: a first pull of 10 000 documents from the CouchDB-compatible
 * test server, next to PouchDB's own replicator pulling the same database
 * in the same run
 *
 * Run by `meson test --benchmark`; not part of the normal suites. Fails if
 * either side pulls a different number of documents than the server has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "styr-json.h"
#include "styr-replicator.h"
#include "styr-document-list.h"
#include "styr-store.h"
#include "styr-sync.h"
#include "couch-helpers.h"

#include "bench-data.h"

#define N_AGREEMENTS 6000
#define N_TASK_STATES 4000
#define N_DOCS (N_AGREEMENTS + N_TASK_STATES)
#define BULK_SIZE 1000
#define N_RUNS 5

static const char *people[] = {
  "person:mette", "person:anne", "person:lars", "person:karen", "person:søren",
};
static const char *statuses[] = { "not-started", "started", "completed" };

/* A data agreement as the register holds it, with its yearly review and
 * a year of call counts. */
static JsonObject *
make_agreement (guint i)
{
  JsonObject *body = bench_make_agreement (i);
  JsonObject *review = json_object_new ();
  JsonObject *answers = json_object_new ();
  JsonArray *usage = json_array_new ();
  g_autofree char *id = g_strdup_printf ("agreement:%05u", i);

  json_object_set_string_member (body, "_id", id);
  json_object_set_string_member (body, "scope_breadth", i % 3 ? "limited" : "whole-municipality");
  json_object_set_string_member (body, "requested", "2018-11-02");
  json_object_set_string_member (body, "approver", people[i % G_N_ELEMENTS (people)]);

  for (guint q = 1; q <= 5; q++)
    {
      JsonObject *answer = json_object_new ();
      g_autofree char *question = g_strdup_printf ("Q%u", q);

      json_object_set_string_member (answer, "answer", (i + q) % 7 ? "yes" : "unsure");
      json_object_set_object_member (answers, question, answer);
    }
  json_object_set_string_member (review, "date", "2024-09-15");
  json_object_set_object_member (review, "answers", answers);
  json_object_set_object_member (body, "review", review);

  for (guint m = 1; m <= 12; m++)
    {
      JsonObject *entry = json_object_new ();
      g_autofree char *month = g_strdup_printf ("2024-%02u", m);

      json_object_set_string_member (entry, "month", month);
      json_object_set_int_member (entry, "calls", (i * 37 + m * 101) % 5000);
      json_array_add_object_element (usage, entry);
    }
  json_object_set_array_member (body, "usage", usage);
  return body;
}

/* The municipality's own state of one KLIK task. */
static JsonObject *
make_task_state (guint i)
{
  JsonObject *body = json_object_new ();
  g_autofree char *id = g_strdup_printf ("task-state:KLIK-%04u", i);
  g_autofree char *notes = g_strdup_printf ("Aftalt med leverandøren på møde %u; afventer test.",
                                            i % 40);

  json_object_set_string_member (body, "_id", id);
  json_object_set_string_member (body, "type", "task-state");
  json_object_set_string_member (body, "task", id + strlen ("task-state:"));
  json_object_set_string_member (body, "status", statuses[i % 3]);
  json_object_set_string_member (body, "responsible", people[i % G_N_ELEMENTS (people)]);
  json_object_set_string_member (body, "doer", people[(i + 2) % G_N_ELEMENTS (people)]);
  json_object_set_string_member (body, "notes", notes);
  if (i % 3 == 2)
    json_object_set_string_member (body, "completed_on", "2024-10-01");
  return body;
}

/* Posts @docs to _bulk_docs; returns the answer, each doc's id and rev. */
static JsonArray *
post_docs (const char *db_url,
           JsonArray  *docs)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *url = g_strconcat (db_url, "/_bulk_docs", NULL);
  g_autofree char *text = NULL;
  g_autofree char *answer_text = NULL;
  JsonObject *request = json_object_new ();

  json_object_set_array_member (request, "docs", json_array_ref (docs));
  json_node_take_object (body, request);
  text = json_to_string (body, FALSE);
  g_assert_cmpuint (couch_http (url, "POST", text, &answer_text), ==, 201);
  answer = styr_json_parse (answer_text, -1, NULL);
  g_assert_true (answer != NULL && JSON_NODE_HOLDS_ARRAY (answer));
  return json_array_ref (json_node_get_array (answer));
}

/* Fills the database: the agreements, the task states, then a second
 * revision of every other task state, so part of the pull carries
 * ancestry as it does after a colleague's edits. */
static void
fill_database (const char *db_url)
{
  g_autoptr(JsonArray) edits = json_array_new ();

  for (guint start = 0; start < N_DOCS; start += BULK_SIZE)
    {
      g_autoptr(JsonArray) docs = json_array_new ();
      g_autoptr(JsonArray) saved = NULL;

      for (guint i = start; i < start + BULK_SIZE && i < N_DOCS; i++)
        json_array_add_object_element (docs, i < N_AGREEMENTS
                                             ? make_agreement (i)
                                             : make_task_state (i - N_AGREEMENTS));
      saved = post_docs (db_url, docs);
      g_assert_cmpuint (json_array_get_length (saved), ==, json_array_get_length (docs));

      for (guint i = 0; i < json_array_get_length (saved); i++)
        {
          JsonObject *entry = json_array_get_object_element (saved, i);
          JsonObject *doc = json_array_get_object_element (docs, i);

          g_assert_true (json_object_get_boolean_member_with_default (entry, "ok", FALSE));
          if (start + i >= N_AGREEMENTS && i % 2 == 0)
            {
              json_object_set_string_member (doc, "_rev",
                                             json_object_get_string_member (entry, "rev"));
              json_object_set_string_member (doc, "status", "started");
              json_array_add_object_element (edits, json_object_ref (doc));
            }
        }
    }

  json_array_unref (post_docs (db_url, edits));
}

static gint64
server_doc_count (const char *db_url)
{
  g_autofree char *answer_text = NULL;
  g_autoptr(JsonNode) answer = NULL;

  g_assert_cmpuint (couch_http (db_url, "GET", NULL, &answer_text), ==, 200);
  answer = styr_json_parse (answer_text, -1, NULL);
  g_assert_true (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer));
  return json_object_get_int_member (json_node_get_object (answer), "doc_count");
}

/* Styr's first sync on a new desktop: a fresh store, everything pulled.
 * Opening the store is not timed, as the PouchDB side does not time
 * opening its database. */
static double
time_styr (const char *dir,
           const char *server_url,
           guint       run,
           gint64     *pulled)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("run-%u.db", run);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(StyrStore) store = styr_store_new (path, &error);
  g_autoptr(StyrReplicator) replicator = NULL;
  g_autoptr(GTimer) timer = NULL;
  StyrSyncResult result = { 0 };
  double seconds;

  g_assert_no_error (error);
  timer = g_timer_new ();
  replicator = styr_replicator_new (store, server_url, "bench", NULL, NULL, &error);
  g_assert_no_error (error);
  if (!styr_replicator_pull (replicator, &result, NULL, &error))
    g_error ("Styr's pull failed: %s", error->message);
  seconds = g_timer_elapsed (timer, NULL);

  *pulled = styr_store_count_of_type (store, "agreement", NULL) +
            styr_store_count_of_type (store, "task-state", NULL);
  if (result.pulled != *pulled)
    *pulled = -1;
  return seconds;
}

/* PouchDB's replicator in its own node process; only the replication is
 * timed, by the script itself. */
static double
time_pouchdb (const char *script,
              const char *db_url,
              gint64     *pulled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) node = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *out = NULL;
  JsonObject *figures;

  node = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "node", script, db_url, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (node, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (node) || g_subprocess_get_exit_status (node) != 0)
    g_error ("PouchDB's replication failed");

  answer = styr_json_parse (out, -1, NULL);
  g_assert_true (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer));
  figures = json_node_get_object (answer);
  *pulled = json_object_get_int_member (figures, "doc_count");
  if (json_object_get_int_member (figures, "docs") != *pulled)
    *pulled = -1;
  return json_object_get_double_member (figures, "ms") / 1000;
}

/* How long the window's thread goes without running a 5 ms tick: while
 * the app's sync pulls everything into a store that a list of agreements
 * watches, and, as the baseline, while it only waits as long. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
tick_cb (gpointer user_data)
{
  Ticks *ticks = user_data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->last != 0)
    ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static double
longest_stall (const char *dir,
               const char *server_url,
               double     *baseline,
               double     *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "app.db", NULL);
  g_autoptr(StyrStore) store = styr_store_new (path, &error);
  g_autoptr(StyrDocumentList) list = NULL;
  g_autoptr(StyrSync) sync = NULL;
  Ticks ticks = { 0 };
  Ticks idle = { 0 };
  gint64 start, end;
  guint source;

  g_assert_no_error (error);
  list = styr_document_list_new (store, "agreement");
  sync = styr_sync_new (store);

  source = g_timeout_add (5, tick_cb, &ticks);
  start = g_get_monotonic_time ();
  styr_sync_configure (sync, server_url, "bench", NULL);
  while (styr_sync_get_state (sync) != STYR_SYNC_IDLE &&
         styr_sync_get_state (sync) != STYR_SYNC_FAILED)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  g_source_remove (source);
  if (styr_sync_get_state (sync) == STYR_SYNC_FAILED)
    g_error ("The app's sync failed: %s", styr_sync_get_message (sync));
  styr_sync_stop (sync);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_AGREEMENTS);

  source = g_timeout_add (5, tick_cb, &idle);
  while (g_get_monotonic_time () < end + (end - start))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);

  *seconds = (end - start) / (double) G_USEC_PER_SEC;
  *baseline = idle.longest / 1000.0;
  return ticks.longest / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("styr-bench-sync-XXXXXX", NULL);
  g_autofree char *server_url = NULL;
  g_autofree char *db_url = NULL;
  g_autofree char *couch_dir = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GSubprocess) server = NULL;
  double styr[N_RUNS], pouchdb[N_RUNS];
  gboolean wrong = FALSE;
  gint64 expected;

  g_assert_nonnull (g_getenv ("STYR_COUCH_SERVER"));
  couch_dir = g_path_get_dirname (g_getenv ("STYR_COUCH_SERVER"));
  script = g_build_filename (couch_dir, "replicate.js", NULL);

  server = couch_server_start (NULL, NULL, &server_url);
  db_url = g_strconcat (server_url, "/bench", NULL);
  g_assert_cmpuint (couch_http (db_url, "PUT", NULL, NULL), ==, 201);
  fill_database (db_url);
  expected = server_doc_count (db_url);
  g_assert_cmpint (expected, ==, N_DOCS);

  g_print ("Styr sync benchmark: a first pull of %d documents (%d agreements, %d task states, "
           "%d of them with two revisions), %d runs\n\n",
           N_DOCS, N_AGREEMENTS, N_TASK_STATES, N_TASK_STATES / 2, N_RUNS);

  /* The two take turns, so neither always meets a colder server. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 styr_pulled = 0, pouchdb_pulled = 0;

      if (run % 2 == 0)
        {
          styr[run] = time_styr (dir, server_url, run, &styr_pulled);
          pouchdb[run] = time_pouchdb (script, db_url, &pouchdb_pulled);
        }
      else
        {
          pouchdb[run] = time_pouchdb (script, db_url, &pouchdb_pulled);
          styr[run] = time_styr (dir, server_url, run, &styr_pulled);
        }

      g_print ("run %u: styr %.0f ms (%" G_GINT64_FORMAT " docs), pouchdb %.0f ms "
               "(%" G_GINT64_FORMAT " docs)\n", run + 1, styr[run] * 1000, styr_pulled,
               pouchdb[run] * 1000, pouchdb_pulled);
      if (styr_pulled != expected || pouchdb_pulled != expected)
        {
          g_printerr ("run %u: expected %" G_GINT64_FORMAT " documents on both sides\n",
                      run + 1, expected);
          wrong = TRUE;
        }
    }

  qsort (styr, N_RUNS, sizeof (double), compare_doubles);
  qsort (pouchdb, N_RUNS, sizeof (double), compare_doubles);
  g_print ("\nsync pull %d docs, median: styr %.0f ms, pouchdb %.0f ms (ratio %.2f)\n",
           N_DOCS, styr[N_RUNS / 2] * 1000, pouchdb[N_RUNS / 2] * 1000,
           styr[N_RUNS / 2] / pouchdb[N_RUNS / 2]);
  g_print ("sync pull %d docs, best:   styr %.0f ms, pouchdb %.0f ms (ratio %.2f)\n",
           N_DOCS, styr[0] * 1000, pouchdb[0] * 1000, styr[0] / pouchdb[0]);
  g_print ("\nA ratio below 1 means Styr was faster.\n");

  {
    double baseline, seconds;
    double stall = longest_stall (dir, server_url, &baseline, &seconds);

    g_print ("\nthe app's sync, %d docs in %.1f s into a watched list: longest main-loop "
             "stall %.0f ms; idle main loop: %.0f ms\n", N_DOCS, seconds, stall, baseline);
  }

  g_clear_pointer (&server, couch_server_stop);
  couch_remove_dir (dir);
  return wrong ? EXIT_FAILURE : EXIT_SUCCESS;
}
