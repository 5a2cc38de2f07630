/* bench-report.c: the meeting summary of 1 000 KLIK tasks as a PDF, next
 * to working out the same summary without drawing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "styr-catalogue.h"
#include "styr-summary-report.h"
#include "styr-summary.h"
#include "styr-task-actions.h"

#define N_TASKS 1000

static gboolean
add_tasks (StyrStore  *store,
           gpointer    user_data,
           GError    **error)
{
  for (guint i = 0; i < N_TASKS; i++)
    {
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autofree char *title = g_strdup_printf ("Opgave %04u: forbered integrationen og aftal "
                                                "testdato med økonomi", i);
      g_autofree char *project = g_strdup_printf ("Projekt %u", i % 12);
      g_autofree char *deadline = g_strdup_printf ("2020-%02u-%02u", 1 + i % 12, 1 + i % 28);

      json_object_set_string_member (fields, "title", title);
      json_object_set_string_member (fields, "project", project);
      json_object_set_string_member (fields, "deadline", deadline);
      if (!styr_task_save_local (store, NULL, NULL, fields, "bench", NULL, error))
        return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("styr-bench-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "styr.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(StyrStore) store = styr_store_new (path, &error);
  g_autoptr(StyrCatalogue) catalogue = styr_catalogue_new_bundled (&error);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(StyrRuleContext) context = NULL;
  double build_time, pdf_time;
  guint pages = 0;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (styr_catalogue_import (catalogue, store, NULL, &error));
  g_assert_true (styr_store_transaction (store, add_tasks, NULL, &error));
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 16, G_DATE_DECEMBER, 2019);
  context = styr_rule_context_new (&today);
  context->municipality = g_strdup ("157");

  /* The summary alone: reading and judging the 1 000 tasks. */
  g_timer_start (timer);
  {
    g_autoptr(StyrSummary) summary = styr_summary_build (store, context, NULL, NULL, &error);
    g_assert_nonnull (summary);
  }
  build_time = g_timer_elapsed (timer, NULL);

  /* The same, laid out and written as a PDF. */
  g_timer_start (timer);
  {
    g_autoptr(StyrSummary) summary = styr_summary_build (store, context, NULL, NULL, &error);
    g_autoptr(StyrReport) document = styr_summary_report_new (summary, STYR_REPORT_A4_WIDTH,
                                                              STYR_REPORT_A4_HEIGHT);

    g_assert_true (styr_report_write_pdf (document, pdf, &pages, &error));
  }
  pdf_time = g_timer_elapsed (timer, NULL);

  g_print ("Styr report benchmark: %u KLIK tasks, %u pages\n\n", N_TASKS, pages);
  g_print ("%-46s %9.1f ms   %-38s %9.1f ms   ratio %.2f\n",
           "summary of 1 000 tasks as PDF", pdf_time * 1000,
           "the same summary, not drawn", build_time * 1000, pdf_time / build_time);
  g_print ("\nThe budget is one second.\n");

  g_remove (pdf);
  g_clear_object (&store);
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
