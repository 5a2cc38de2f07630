/* ui-helpers.c: running the app under a test display and finding its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ui-helpers.h"

void
iterate (void)
{
  /* Let idles, mapping and bindings run. */
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Lets the frame clock run a few frames: what waits for layout, as
 * scrolling does, happens by then. */
void
wait_frames (void)
{
  gint64 until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  iterate ();
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
run_scenario_cb (gpointer user_data)
{
  GApplication *app = g_application_get_default ();
  Scenario scenario = user_data;

  iterate ();
  scenario (STYR_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  g_idle_add (run_scenario_cb, user_data);
}

/* Runs the application as a user starts it, plays @scenario once its
 * window is up, and checks that it shuts down cleanly afterwards.
 */
static GSubprocess *notifications;

/* Starts the fake notification daemon on the private session bus once,
 * so Styr's reminders reach a daemon as they would on a desktop. Its
 * output is what was notified. */
static void
ensure_notification_daemon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  const char *path = g_getenv ("STYR_FAKE_NOTIFICATIONS");

  if (notifications != NULL || path == NULL)
    return;

  notifications = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, path, NULL);
  g_assert_no_error (error);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GVariant) owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus",
                                                               "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus",
                                                               "NameHasOwner",
                                                               g_variant_new ("(s)",
                                                                              "org.freedesktop.Notifications"),
                                                               G_VARIANT_TYPE ("(b)"),
                                                               G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                                               NULL);
      gboolean has_owner = FALSE;

      if (owner != NULL)
        g_variant_get (owner, "(b)", &has_owner);
      if (has_owner)
        return;
      g_usleep (50 * 1000);
    }
  g_error ("the fake notification daemon did not start");
}

void
run_app_with (const char *data_dir,
              const char *option,
              const char *value,
              Scenario    scenario)
{
  char *argv[] = { (char *) "styr", (char *) option, (char *) value, NULL };
  StyrApplication *app = styr_application_new ();
  int status;

  ensure_notification_daemon ();
  g_setenv ("STYR_DATA_DIR", data_dir, TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), scenario);

  status = g_application_run (G_APPLICATION (app), option != NULL ? 3 : 1, argv);
  g_assert_cmpint (status, ==, 0);

  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &app);
  g_object_unref (app);
  g_assert_null (app);
}

void
run_app (const char *data_dir,
         Scenario    scenario)
{
  run_app_with (data_dir, NULL, NULL, scenario);
}

void
quit (StyrApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

StyrWindow *
main_window (StyrApplication *app)
{
  GtkWindow *window = find_toplevel (STYR_TYPE_WINDOW);

  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_application (window) == GTK_APPLICATION (app));
  return STYR_WINDOW (window);
}

AdwEntryRow *
entry_row_titled (GtkWidget  *root,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title))
        return ADW_ENTRY_ROW (child);
      if ((found = entry_row_titled (child, title)) != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
find_group_titled (GtkWidget  *root,
                   const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_GROUP (child) &&
          g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)), title) == 0)
        return child;
      if ((found = find_group_titled (child, title)) != NULL)
        return found;
    }

  return NULL;
}

void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

void
respond_to_dialog (const char *response)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  iterate ();
}

/**
 * read_notifications:
 *
 * Returns: (transfer full): what the fake daemon was sent since the last
 *   call, a line per notification: summary, a tab, body
 */
char *
read_notifications (void)
{
  GInputStream *out;
  GString *text = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  iterate ();
  if (notifications == NULL)
    return g_string_free (text, FALSE);

  out = g_subprocess_get_stdout_pipe (notifications);
  while ((n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (out), buffer,
                                                        sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (text, buffer, n);
  return g_string_free (text, FALSE);
}

/**
 * visit_pages:
 * @app: the running application
 * @visit: called with each page shown in the window, then Preferences on
 *   each of its pages
 *
 * For tests that read the whole UI back.
 */
void
visit_pages (StyrApplication *app,
             Visit            visit)
{
  static const char *pages[] = { "overview", "agreements", "tasks", "oir", "meetings", "roles" };
  static const char *preference_pages[] = { NULL, "sync" };
  StyrWindow *window = main_window (app);
  GtkWindow *preferences;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      iterate ();
      visit (pages[i], GTK_WIDGET (window));
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate ();
  preferences = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  for (guint i = 0; i < G_N_ELEMENTS (preference_pages); i++)
    {
      if (preference_pages[i] != NULL)
        adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                      preference_pages[i]);
      iterate ();
      visit ("preferences", GTK_WIDGET (preferences));
    }
  gtk_window_destroy (preferences);
}

/**
 * make_conflict:
 * @store: a store with the catalogue
 * @id: a task's state, e.g. "task-state:YR-OIR-MAP"
 *
 * Leaves @id with two versions, as sync does when two desktops changed it
 * apart: "started" wins by CouchDB's rule, "completed" loses.
 */
void
make_conflict (StyrStore  *store,
               const char *id)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  const char *statuses[] = { "completed", "started" };
  const char *revs[] = { "2-aaaa", "2-bbbb" };

  json_object_set_string_member (body, "type", "task-state");
  json_object_set_string_member (body, "task", strchr (id, ':') + 1);
  json_object_set_string_member (body, "status", "not-started");
  g_assert_true (styr_store_put (store, id, body, NULL, "mette", &first, &error));
  for (guint i = 0; i < 2; i++)
    {
      const char *chain[] = { revs[i], first, NULL };

      json_object_set_string_member (body, "status", statuses[i]);
      g_assert_true (styr_store_put_revision (store, id, chain, body, FALSE, NULL, NULL,
                                              &error));
      g_assert_no_error (error);
    }
}
