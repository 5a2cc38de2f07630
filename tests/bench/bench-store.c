/* bench-store.c: the store and the list model with 100 000 agreements and
 * 20 000 tasks, each figure next to a baseline measured in the same run
 *
 * Run by `meson test --benchmark`; not part of the normal suites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-agreement-export.h"
#include "styr-agreement-import.h"
#include "styr-csv.h"
#include "styr-document-list.h"
#include "styr-rules.h"
#include "styr-task.h"
#include "styr-store.h"

#include "bench-data.h"

#define N_AGREEMENTS BENCH_AGREEMENTS
#define N_TASKS BENCH_TASKS

/* Any risk flag as of 20 January 2020, as "needs action" asks. */
static gboolean
has_risk (StyrRecord *record,
          gpointer    user_data)
{
  StyrRuleThresholds thresholds;
  GDate today;

  styr_rule_thresholds_init (&thresholds);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_JANUARY, 2020);
  return styr_rules_agreement_risks (STYR_AGREEMENT (record), user_data, &today,
                                     &thresholds) != STYR_RISK_NONE;
}

static int
risk_count (StyrRecord *record,
            gpointer    user_data)
{
  StyrRuleThresholds thresholds;
  GDate today;

  styr_rule_thresholds_init (&thresholds);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_JANUARY, 2020);
  return styr_risk_flags_count (styr_rules_agreement_risks (STYR_AGREEMENT (record), user_data,
                                                            &today, &thresholds));
}

/* Overdue as of 20 January 2020, as the KLIK tasks page asks. */
static gboolean
task_overdue (StyrRecord *record,
              gpointer    user_data)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_JANUARY, 2020);
  return styr_rules_task_overdue (STYR_TASK (record), NULL, &today);
}

static int
deadline_key (StyrRecord *record,
              gpointer    user_data)
{
  GDate deadline;

  return styr_task_get_deadline (STYR_TASK (record), &deadline)
         ? (int) g_date_get_julian (&deadline) : G_MAXINT / 2;
}

static void
settle (GPtrArray *lists)
{
  gboolean busy = TRUE;

  while (busy)
    {
      busy = FALSE;
      for (guint i = 0; i < lists->len; i++)
        busy |= styr_document_list_get_filtering (g_ptr_array_index (lists, i)) ||
                styr_document_list_get_sorting (g_ptr_array_index (lists, i));
      if (busy)
        g_main_context_iteration (NULL, TRUE);
    }
}

/* The KLIK tasks page: one list per project, sorted by deadline and, in
 * the filtered case, asked "overdue" of each task. */
static double
open_task_groups (StyrStore *store,
                  gboolean   filtered,
                  double    *settled)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  double first;

  for (guint p = 0; p < 8; p++)
    {
      StyrDocumentList *group = styr_document_list_new (store, "task");

      g_assert_true (styr_document_list_set_filter (group, "project", bench_systems[p], &error));
      styr_document_list_set_sort_key (group, deadline_key, FALSE, NULL, NULL);
      if (filtered)
        styr_document_list_set_predicate (group, task_overdue, NULL, NULL);
      g_list_model_get_n_items (G_LIST_MODEL (group));
      g_ptr_array_add (lists, group);
    }
  first = g_timer_elapsed (timer, NULL);
  settle (lists);
  *settled = g_timer_elapsed (timer, NULL);
  return first;
}

static gboolean
keep_ticking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
report (const char *what,
        double      seconds,
        const char *baseline,
        double      baseline_seconds)
{
  g_print ("%-46s %9.1f ms   %-38s %9.1f ms   ratio %.2f\n",
           what, seconds * 1000, baseline, baseline_seconds * 1000,
           baseline_seconds > 0 ? seconds / baseline_seconds : 0);
}

/* Writes the rows the store wrote as plain INSERTs, for the sqlite3 shell
 * to insert the same rows into an empty database of the same schema. */
static char *
dump_rows (const char *db_path,
           const char *dir)
{
  static const char *queries[] = {
    "SELECT 'INSERT INTO changes VALUES (' || seq || ',' || quote(doc_id) || ',' || quote(rev) "
    "|| ',' || quote(origin) || ',' || quote(changed_at) || ');' FROM changes",
    "SELECT 'INSERT INTO documents VALUES (' || quote(id) || ',' || quote(type) || ',' || "
    "quote(rev) || ',' || deleted || ',' || conflicted || ',' || seq || ',' || quote(body) "
    "|| ');' FROM documents",
    "SELECT 'INSERT INTO revisions VALUES (' || quote(doc_id) || ',' || quote(rev) || ',' || "
    "quote(parent) || ',' || generation || ',' || deleted || ',' || leaf || ',' || quote(body) "
    "|| ',' || quote(author) || ',' || quote(created_at) || ');' FROM revisions",
  };
  char *sql_path = g_build_filename (dir, "rows.sql", NULL);
  FILE *out = fopen (sql_path, "w");
  sqlite3 *db = NULL;

  g_assert_nonnull (out);
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  fputs ("BEGIN;\n", out);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          fputs ((const char *) sqlite3_column_text (stmt, 0), out);
          fputc ('\n', out);
        }
      sqlite3_finalize (stmt);
    }
  fputs ("COMMIT;\n", out);
  fclose (out);
  sqlite3_close (db);

  return sql_path;
}

static double
time_sqlite_shell (const char *dir,
                   const char *sql_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) empty = NULL;
  g_autofree char *empty_path = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *command = NULL;
  g_autoptr(GTimer) timer = NULL;
  int status;

  /* The same schema, indexes and journal mode as the store's. */
  empty = styr_store_new (empty_path, &error);
  g_assert_no_error (error);
  g_clear_object (&empty);

  command = g_strdup_printf ("sqlite3 -batch -bail '%s' '.read %s'", empty_path, sql_path);
  timer = g_timer_new ();
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_timer_elapsed (timer, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("styr-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "styr.db", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *sql_path = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrStore) empty = NULL;
  g_autoptr(StyrDocumentList) list = NULL;
  g_autoptr(StyrDocumentList) empty_list = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GPtrArray) folded = NULL;
  double import_time, shell_time, open_time, empty_open_time, first_search_time;
  double keystroke_time, backspace_time, loop_time;
  guint loop_matches = 0;
  GHashTableIter iter;
  gpointer value;

  g_print ("Styr store benchmark: %u agreements and %u tasks\n\n", N_AGREEMENTS, N_TASKS);

  store = styr_store_new (path, &error);
  g_assert_no_error (error);

  /* 1. Bulk import in one transaction, against the sqlite3 shell
   * inserting the very same rows. */
  g_timer_start (timer);
  g_assert_true (styr_store_transaction (store, bench_fill_store, NULL, &error));
  g_assert_no_error (error);
  import_time = g_timer_elapsed (timer, NULL);
  g_clear_object (&store);

  sql_path = dump_rows (path, dir);
  shell_time = time_sqlite_shell (dir, sql_path);
  report ("import 120 000 documents (one transaction)", import_time,
          "sqlite3 shell, same rows", shell_time);

  /* 2. Opening the agreements list: 100 000 documents against an empty
   * database, each up to the first screen of rows. */
  empty = styr_store_new (empty_path, &error);
  g_assert_no_error (error);
  g_timer_start (timer);
  empty_list = styr_document_list_new (empty, "agreement");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty_list)), ==, 0);
  empty_open_time = g_timer_elapsed (timer, NULL);

  store = styr_store_new (path, &error);
  g_assert_no_error (error);
  g_timer_start (timer);
  list = styr_document_list_new (store, "agreement");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_AGREEMENTS);
  for (guint i = 0; i < 50; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  open_time = g_timer_elapsed (timer, NULL);
  report ("open list of 100 000 agreements, 50 rows", open_time,
          "open list of an empty database", empty_open_time);

  /* The register opens sorted by using system and offers the suppliers;
   * both have an index. The baselines are the same questions about a field
   * without one. */
  {
    g_autoptr(StyrDocumentList) sorted = NULL;
    g_autoptr(StyrDocumentList) unindexed = NULL;
    g_autoptr(GPtrArray) supplier_values = NULL;
    g_autoptr(GPtrArray) states = NULL;
    double sorted_time, unindexed_time, suppliers_time, states_time;

    g_timer_start (timer);
    sorted = g_object_new (STYR_TYPE_DOCUMENT_LIST, "store", store, "doc-type", "agreement",
                           "sort-field", "using_system", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sorted)), ==, N_AGREEMENTS);
    sorted_time = g_timer_elapsed (timer, NULL);

    g_timer_start (timer);
    unindexed = g_object_new (STYR_TYPE_DOCUMENT_LIST, "store", store, "doc-type", "agreement",
                              "sort-field", "data_scope", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unindexed)), ==, N_AGREEMENTS);
    unindexed_time = g_timer_elapsed (timer, NULL);

    g_timer_start (timer);
    supplier_values = styr_store_get_distinct_values (store, "agreement", "supplier", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (supplier_values->len, ==, 8);
    suppliers_time = g_timer_elapsed (timer, NULL);

    g_timer_start (timer);
    states = styr_store_get_distinct_values (store, "agreement", "state", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (states->len, ==, 2);
    states_time = g_timer_elapsed (timer, NULL);

    report ("open register sorted by using system", sorted_time,
            "sorted by data scope (no index)", unindexed_time);
    report ("list the suppliers of 100 000 agreements", suppliers_time,
            "list the states (no index)", states_time);
  }

  /* "Needs action" asks the rules about every agreement. All at once that
   * would hold the window for the whole time; in idle steps the longest
   * step is what the user can notice. */
  {
    g_autoptr(StyrDocumentList) needs = styr_document_list_new (store, "agreement");
    g_autoptr(GPtrArray) assignments = g_ptr_array_new ();
    g_autoptr(GTimer) step = g_timer_new ();
    double first_time, longest = 0, whole_time;

    g_timer_start (timer);
    styr_document_list_set_predicate (needs, has_risk, assignments, NULL);
    first_time = g_timer_elapsed (timer, NULL);
    while (styr_document_list_get_filtering (needs))
      {
        g_timer_start (step);
        g_main_context_iteration (NULL, TRUE);
        longest = MAX (longest, g_timer_elapsed (step, NULL));
      }
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (needs)), >, 0);

    g_timer_start (timer);
    styr_document_list_refilter (needs);
    styr_document_list_finish_filtering (needs);
    whole_time = g_timer_elapsed (timer, NULL);

    report ("needs action over 100 000: first rows", first_time,
            "the same filter all at once", whole_time);
    report ("needs action over 100 000: longest step", longest,
            "the same filter all at once", whole_time);

    /* Sorting by the number of risks asks the same rules, in idle steps,
     * and reorders once at the end. */
    styr_document_list_set_predicate (needs, NULL, NULL, NULL);
    longest = 0;
    g_timer_start (timer);
    styr_document_list_set_sort_key (needs, risk_count, TRUE, assignments, NULL);
    first_time = g_timer_elapsed (timer, NULL);
    while (styr_document_list_get_sorting (needs))
      {
        g_timer_start (step);
        g_main_context_iteration (NULL, TRUE);
        longest = MAX (longest, g_timer_elapsed (step, NULL));
      }
    report ("sort 100 000 by risk: longest step", MAX (longest, first_time),
            "needs action all at once", whole_time);
  }

  /* 3. Searching: the first search reads the texts, the next keystroke
   * only filters; the baseline is a bare C loop over the same texts. */
  g_timer_start (timer);
  g_assert_true (styr_document_list_set_search (list, "gentof", &error));
  first_search_time = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  g_assert_true (styr_document_list_set_search (list, "gentoft", &error));
  keystroke_time = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_AGREEMENTS / 8);

  /* A backspace widens the search, so every row is looked at again. */
  g_timer_start (timer);
  g_assert_true (styr_document_list_set_search (list, "gentof", &error));
  backspace_time = g_timer_elapsed (timer, NULL);
  g_assert_true (styr_document_list_set_search (list, "gentoft", &error));

  texts = styr_store_get_search_texts (store, "agreement", &error);
  folded = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (folded, g_utf8_casefold (value, -1));
  g_timer_start (timer);
  for (guint i = 0; i < folded->len; i++)
    if (strstr (g_ptr_array_index (folded, i), "gentoft") != NULL)
      loop_matches++;
  loop_time = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (loop_matches, ==, N_AGREEMENTS / 8);

  report ("filter keystroke over 100 000 agreements", keystroke_time,
          "bare C loop over the same strings", loop_time);
  report ("backspace over 100 000 agreements", backspace_time,
          "bare C loop over the same strings", loop_time);
  report ("first search (reads the texts)", first_search_time,
          "filter keystroke", keystroke_time);

  /* The same first search as the register asks for it: a worker reads the
   * texts while the main loop goes on. A 5 ms tick keeps the loop turning
   * while it waits, so a step is the time the window could not draw. */
  {
    g_autoptr(StyrDocumentList) fresh = styr_document_list_new (store, "agreement");
    g_autoptr(GTimer) step = g_timer_new ();
    guint tick = g_timeout_add (5, keep_ticking, NULL);
    double longest, until_shown;

    double focus_time;

    /* The register starts the read when the search field gets the focus. */
    g_timer_start (timer);
    styr_document_list_prefetch_search (fresh);
    focus_time = g_timer_elapsed (timer, NULL);
    g_timer_start (step);
    styr_document_list_request_search (fresh, "gentof");
    longest = g_timer_elapsed (step, NULL);
    while (styr_document_list_get_search_pending (fresh))
      {
        g_timer_start (step);
        g_main_context_iteration (NULL, TRUE);
        longest = MAX (longest, g_timer_elapsed (step, NULL));
      }
    until_shown = g_timer_elapsed (timer, NULL);
    g_source_remove (tick);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, N_AGREEMENTS / 8);

    report ("focus on the search field (starts the worker)", focus_time,
            "first search (reads the texts)", first_search_time);
    report ("first search in a worker: longest step", longest,
            "first search (reads the texts)", first_search_time);
    report ("first search in a worker: rows shown", until_shown,
            "first search (reads the texts)", first_search_time);
  }
  /* 4. The KLIK tasks page: 20 000 tasks in 8 projects. */
  {
    double plain_settled, overdue_settled;
    double plain_first = open_task_groups (store, FALSE, &plain_settled);
    double overdue_first = open_task_groups (store, TRUE, &overdue_settled);

    report ("20 000 tasks by project, overdue: first rows", overdue_first,
            "same groups, unfiltered", plain_first);
    report ("20 000 tasks by project, overdue: all", overdue_settled,
            "same groups, unfiltered", plain_settled);
  }
  /* 5. The register through a spreadsheet: export, and the preview of
   * reading the same file back. The floors are reading the agreements
   * from the store, and parsing the file. */
  {
    g_autoptr(GPtrArray) agreements = NULL;
    g_autoptr(GString) csv = g_string_new (NULL);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(StyrAgreementImport) import = NULL;
    double load_time, export_time, parse_time, preview_time;

    g_timer_start (timer);
    agreements = styr_record_load_all (store, "agreement", NULL, &error);
    g_assert_no_error (error);
    load_time = g_timer_elapsed (timer, NULL);

    g_timer_start (timer);
    styr_agreement_export_csv (agreements, csv);
    export_time = g_timer_elapsed (timer, NULL);
    bytes = g_bytes_new (csv->str, csv->len);

    g_timer_start (timer);
    styr_csv_free (styr_csv_parse (bytes, "register.csv", &error));
    g_assert_no_error (error);
    parse_time = g_timer_elapsed (timer, NULL);

    g_timer_start (timer);
    import = styr_agreement_import_new (styr_csv_parse (bytes, "register.csv", NULL), store,
                                        &error);
    g_assert_no_error (error);
    preview_time = g_timer_elapsed (timer, NULL);
    g_assert_cmpuint (styr_agreement_import_count (import, STYR_IMPORT_ROW_UNCHANGED), ==,
                      N_AGREEMENTS);

    report ("register export, 100 000 agreements (CSV)", export_time,
            "reading them from the store", load_time);
    report ("register import preview, 100 000 rows", preview_time,
            "parsing the same CSV file", parse_time);
  }
  g_print ("\nOne 60 Hz frame is 16.7 ms.\n");

  g_clear_object (&list);
  g_clear_object (&empty_list);
  g_clear_object (&store);
  g_clear_object (&empty);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
