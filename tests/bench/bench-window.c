/* bench-window.c: the first frame of Styr's window on 100 000 agreements
 * and 20 000 KLIK tasks, next to the first frame on an empty database,
 * measured in the same run for each page the window can open on
 *
 * Run by `meson test --benchmark` under a virtual display; not part of the
 * normal suites. The budget is 1.2× the empty database's first frame.
 * Page names as arguments measure only those pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "styr-store.h"

#include "bench-data.h"
#include "couch-helpers.h"
#include "ui-helpers.h"

#define ROUNDS 5
#define BUDGET 1.2

static const char * const pages[] = {
  "overview", "agreements", "tasks", "oir", "meetings", "roles",
};

/* One start of Styr, in a process of its own as a user starts it: the
 * child runs the application and says when its window painted its first
 * frame; the parent times from spawning it to that line. */
static gboolean
quit_cb (gpointer user_data)
{
  quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  g_print ("painted\n");
  fflush (stdout);
  /* Not from inside the frame the window is painting. */
  g_idle_add (quit_cb, user_data);
}

/* The window is presented by the time "activate" has run; its first
 * painted frame is what the user sees first. */
static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GdkFrameClock *clock;

  g_assert_nonnull (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), app);
}

static int
run_start (const char *data_dir,
           const char *page)
{
  char *argv[] = { (char *) "styr", (char *) "--today", (char *) "2020-01-20", NULL };
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(StyrApplication) app = NULL;

  g_settings_set_string (settings, "municipality", "157");
  g_settings_set_string (settings, "last-page", page);
  g_setenv ("STYR_DATA_DIR", data_dir, TRUE);

  app = styr_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
}

static double
time_first_frame (const char *self,
                  const char *data_dir,
                  const char *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double painted;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self, "--start", data_dir, page, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  painted = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "painted");
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);

  return painted;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, ROUNDS, sizeof (double), compare_doubles);
  return values[ROUNDS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *empty_dir = NULL;
  g_autofree char *full_dir = NULL;
  gboolean within_budget = TRUE;

  if (argc == 4 && g_str_equal (argv[1], "--start"))
    return run_start (argv[2], argv[3]);

  dir = g_dir_make_tmp ("styr-bench-window-XXXXXX", NULL);
  empty_dir = g_build_filename (dir, "empty", NULL);
  full_dir = g_build_filename (dir, "full", NULL);
  if (g_getenv ("STYR_BENCH_KEEP") != NULL)
    g_print ("Keeping the databases in %s\n", dir);

  /* Both databases hold the bundled catalogue, imported at their first
   * start, which is not timed; the full one then gets the documents. */
  time_first_frame (argv[0], empty_dir, "overview");
  time_first_frame (argv[0], full_dir, "overview");
  {
    g_autofree char *path = g_build_filename (full_dir, "styr.db", NULL);
    g_autoptr(StyrStore) store = styr_store_new (path, &error);

    g_assert_no_error (error);
    g_assert_true (styr_store_transaction (store, bench_fill_store, NULL, &error));
    g_assert_no_error (error);
  }
  time_first_frame (argv[0], full_dir, "overview");

  g_print ("Styr window benchmark: first frame with %u agreements and %u tasks\n"
           "against the first frame on an empty database; median of %u starts each\n\n",
           BENCH_AGREEMENTS, BENCH_TASKS, ROUNDS);

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      double empty[ROUNDS], full[ROUNDS], ratio;

      if (argc > 1 && !g_strv_contains ((const char * const *) argv + 1, pages[p]))
        continue;

      for (guint r = 0; r < ROUNDS; r++)
        {
          empty[r] = time_first_frame (argv[0], empty_dir, pages[p]);
          full[r] = time_first_frame (argv[0], full_dir, pages[p]);
        }
      ratio = median (full) / median (empty);
      within_budget &= ratio <= BUDGET;
      g_print ("first frame on %-10s %7.1f ms   empty database %7.1f ms   ratio %.2f%s\n",
               pages[p], median (full) * 1000, median (empty) * 1000, ratio,
               ratio <= BUDGET ? "" : "   over the budget");
    }
  g_print ("\nThe budget is %.1f times the empty database.\n", BUDGET);

  if (g_getenv ("STYR_BENCH_KEEP") == NULL)
    couch_remove_dir (dir);
  return within_budget ? 0 : 1;
}
