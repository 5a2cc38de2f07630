/* styr-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-application"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

#include "styr-a11y.h"
#include "styr-application.h"
#include "styr-secret.h"
#include "styr-sync.h"
#include "styr-reminders.h"
#include "styr-catalogue.h"
#include "styr-catalogue-source.h"
#include "styr-commands.h"
#include "styr-conflicts-window.h"
#include "styr-paths.h"
#include "styr-preferences-window.h"
#include "styr-ui.h"
#include "styr-window.h"

struct _StyrApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  StyrStore      *store;
  StyrClock      *clock;
  gboolean        today_given;
  StyrSync       *sync;
  char           *data_dir;
  guint           reminder_source;
  guint           configure_source;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (StyrApplication, styr_application, ADW_TYPE_APPLICATION)

static void follow_view_as_of (StyrApplication *self);

static const GOptionEntry option_entries[] = {
  { "data-dir", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the database in DIR instead of the user’s data folder"), N_("DIR") },
  { "import-catalogue", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the catalogue FILE and import it, then quit"), N_("FILE") },
  { "pull-catalogue", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Fetch the catalogue from URL, a catalogue file or a CouchDB database, check it and "
       "import it, then quit"), N_("URL") },
  { "backup", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a backup of the database to FILE, then quit"), N_("FILE") },
  { "restore", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the database with the backup FILE, then quit"), N_("FILE") },
  { "export-ics", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the meetings as an iCalendar FILE, then quit"), N_("FILE") },
  { "import-invitation", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Import KOMBIT’s meeting invitation, update or cancellation from the .ics FILE, saying "
       "what it changes, then quit"), N_("FILE") },
  { "sync", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Synchronise once with the team’s CouchDB database, both ways, then quit"), NULL },
  { "server", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --sync, the server’s URL, such as https://couch.kommune.dk"), N_("URL") },
  { "database", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --sync, the database on the server"), N_("NAME") },
  { "export-pdf", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the summary for the next meeting as a PDF FILE, then quit"), N_("FILE") },
  { "meeting", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export-ics or --export-pdf, only the meeting ID, such as PLM-2020-01"), N_("ID") },
  { "agreement", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf, the review of the service agreement ID instead of the summary"),
    N_("ID") },
  { "export-agreements", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the register of service agreements to FILE, CSV or .xlsx, then quit"),
    N_("FILE") },
  { "import-agreements", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Import service agreements from the CSV FILE, naming each row that is new, changed or "
       "refused, then quit"), N_("FILE") },
  { "import-usage", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the monthly usage report from the CSV FILE into the service agreements, then "
       "quit"), N_("FILE") },
  { "password-stdin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --sync or --pull-catalogue, read the password from the first line of standard "
       "input instead of the keyring or STYR_PASSWORD"), NULL },
  { "dry-run", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --import-agreements, --import-usage or --import-invitation, only say what would "
       "be imported"), NULL },
  { "today", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Work as if today were DATE, such as 2019-12-16"), N_("DATE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

typedef gboolean (*CommandFunc) (const char  *database,
                                 const char  *path,
                                 char       **report,
                                 GError     **error);

/* Without a store there is nothing to show, so the only window says why;
 * closing it ends the application.
 */
static void
show_fatal_error (StyrApplication *self,
                  const GError    *error)
{
  g_autoptr(GtkBuilder) builder = NULL;
  /* The page reads its description as markup: a data folder with "&" in
   * its path left it blank. */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  GtkWindow *window;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/styr-error-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "error_window"));
  adw_status_page_set_description (ADW_STATUS_PAGE (gtk_builder_get_object (builder,
                                                                           "status_page")),
                                   escaped);
  gtk_window_set_application (window, GTK_APPLICATION (self));
  gtk_window_set_default_widget (window,
                                 GTK_WIDGET (gtk_builder_get_object (builder, "quit_button")));
  gtk_window_present (window);

}

/* The bundled catalogue is imported on the first start, and again only
 * when a newer Styr ships a newer catalogue. A failure leaves the store as
 * it was, so the window still opens and says what went wrong.
 */
static gboolean
import_bundled_catalogue (StyrApplication  *self,
                          GError          **error)
{
  g_autoptr(StyrCatalogue) catalogue = NULL;
  StyrCatalogueImport result;

  catalogue = styr_catalogue_new_bundled (error);
  if (catalogue == NULL || !styr_catalogue_import (catalogue, self->store, &result, error))
    return FALSE;

  if (!result.skipped)
    g_debug ("Imported catalogue version %" G_GINT64_FORMAT ": %u added, %u updated",
             styr_catalogue_get_version (catalogue), result.added, result.updated);

  return TRUE;
}

/* The database file, in --data-dir, STYR_DATA_DIR or the data folder. */
static char *
database_path (StyrApplication *self)
{
  g_autofree char *dir = styr_paths_get_data_dir (self->data_dir);

  return styr_paths_get_database (dir);
}

static gboolean
open_store (StyrApplication  *self,
            GError          **error)
{
  g_autofree char *path = database_path (self);

  self->store = styr_store_new (path, error);
  return self->store != NULL;
}

static gboolean
ask_for_municipality_cb (gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "win.choose-municipality", NULL);
  return G_SOURCE_REMOVE;
}

static void
first_start_map_cb (GtkWidget *window,
                    gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, first_start_map_cb, user_data);

  /* Presenting the window raises it after "map"; the chooser must come
   * later still to stay on top of it where no window manager keeps
   * dialogs above their parents.
   */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ask_for_municipality_cb,
                   g_object_ref (window), g_object_unref);
}

/* Commands that work on the database and quit run here, before anything
 * registers on the bus or opens a display, so they work in a terminal and
 * in scripts. The exit status says whether they succeeded: this says what
 * a command did, or why it failed, and gives that status. */
static int
finish_command (gboolean      ok,
                const char   *report,
                const GError *error)
{
  /* An import says row by row what it took, also when it refused some. */
  if (report != NULL)
    g_print ("%s\n", report);

  if (!ok)
    {
      g_printerr ("styr: %s\n", error->message);
      return 1;
    }

  return 0;
}

static int
run_command (StyrApplication *self,
             CommandFunc      command,
             const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *database = database_path (self);
  gboolean ok = command (database, path, &report, &error);

  return finish_command (ok, report, error);
}

static int
export_ics (StyrApplication *self,
            const char      *path,
            const char      *meeting)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *database = database_path (self);
  g_autoptr(StyrRuleContext) context = styr_rule_context_new_from_settings (self->settings,
                                                                           self->clock);
  gboolean ok = styr_command_export_ics (database, path, meeting, context, &report, &error);

  return finish_command (ok, report, error);
}

static int
export_pdf (StyrApplication *self,
            const char      *path,
            const char      *meeting,
            const char      *agreement)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *database = database_path (self);
  g_autoptr(StyrRuleContext) context = styr_rule_context_new_from_settings (self->settings,
                                                                           self->clock);
  gboolean ok = agreement != NULL
                ? styr_command_export_review (database, path, agreement, context, &report,
                                              &error)
                : styr_command_export_pdf (database, path, meeting, context, &report, &error);

  return finish_command (ok, report, error);
}

typedef gboolean (*ImportFunc) (const char  *database,
                                const char  *path,
                                const char  *author,
                                gboolean     dry_run,
                                char       **report,
                                GError     **error);

static int
run_import (StyrApplication *self,
            ImportFunc       import,
            const char      *path,
            gboolean         dry_run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *database = database_path (self);
  gboolean ok = import (database, path, styr_ui_author (), dry_run, &report, &error);

  return finish_command (ok, report, error);
}

/* A password in an address on the command line is there for every user
 * of this computer to read (ps shows it), so it is refused, and the
 * address is not repeated. */
static gboolean
refuse_password_in (const char *option,
                    const char *address)
{
  g_autoptr(GUri) uri = address != NULL ? g_uri_parse (address, G_URI_FLAGS_HAS_PASSWORD, NULL)
                                        : NULL;
  g_autofree char *message = NULL;

  if (uri == NULL || g_uri_get_password (uri) == NULL)
    return FALSE;

  /* Translators: %s is an option such as --server. */
  message = g_strdup_printf (_("The address given to %s holds a password, which every user of "
                               "this computer can read on the command line. Give only the user "
                               "name in it, as https://user@…, and the password in the keyring "
                               "(Preferences), in STYR_PASSWORD, or with --password-stdin."),
                             option);
  g_printerr ("styr: %s\n", message);
  return TRUE;
}

/* The password for @user on @server on the command line: the first line
 * of standard input when asked, else STYR_PASSWORD, else the keyring's. */
static char *
command_line_password (const char  *server,
                       const char  *user,
                       gboolean     from_stdin,
                       GError     **error)
{
  const char *variable = g_getenv ("STYR_PASSWORD");

  if (from_stdin)
    {
      char line[1024];

      if (fgets (line, sizeof line, stdin) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("--password-stdin found no password on standard input."));
          return NULL;
        }
      line[strcspn (line, "\r\n")] = '\0';
      return g_strdup (line);
    }

  if (variable != NULL && variable[0] != '\0')
    return g_strdup (variable);

  if (user == NULL || user[0] == '\0')
    return NULL;
  return styr_secret_lookup (server, user, NULL, error);
}

static int
pull_catalogue_once (StyrApplication *self,
                     const char      *source,
                     gboolean         password_stdin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *database = database_path (self);
  g_autofree char *password = NULL;
  g_autoptr(GUri) uri = g_uri_parse (source, G_URI_FLAGS_HAS_PASSWORD, NULL);
  const char *user = uri != NULL ? g_uri_get_user (uri) : NULL;
  gboolean ok;

  if (refuse_password_in ("--pull-catalogue", source))
    return 2;

  if (user != NULL || password_stdin)
    {
      g_autoptr(GUri) bare = uri != NULL ? soup_uri_copy (uri, SOUP_URI_USER, NULL,
                                                          SOUP_URI_NONE) : NULL;
      g_autofree char *server = bare != NULL ? g_uri_to_string (bare) : g_strdup (source);

      password = command_line_password (server, user, password_stdin, &error);
      if (error != NULL)
        return finish_command (FALSE, NULL, error);
    }

  ok = styr_command_pull_catalogue (database, source, user, password, &report, &error);
  return finish_command (ok, report, error);
}

static int
sync_once (StyrApplication *self,
           const char      *server,
           const char      *database,
           gboolean         password_stdin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *path = database_path (self);
  g_autofree char *configured_server = g_settings_get_string (self->settings, "sync-server");
  g_autofree char *configured_database = g_settings_get_string (self->settings, "sync-database");
  g_autofree char *user = g_settings_get_string (self->settings, "sync-user");
  g_autofree char *password = NULL;
  gboolean ok;

  /* The options override the preferences, for scripts. */
  if (server == NULL && configured_server[0] != '\0')
    server = configured_server;
  if (database == NULL && configured_database[0] != '\0')
    database = configured_database;
  if (server == NULL || database == NULL)
    {
      g_printerr ("styr: %s\n", _("--sync needs a server and a database: set them in "
                                  "Preferences, or give --server and --database."));
      return 2;
    }

  if (refuse_password_in ("--server", server))
    return 2;

  /* The address may name the user, as https://user@…; the password never
   * comes from the command line itself. */
  {
    g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_HAS_PASSWORD, NULL);

    if (uri != NULL && g_uri_get_user (uri) != NULL && g_uri_get_user (uri)[0] != '\0')
      {
        g_free (user);
        user = g_strdup (g_uri_get_user (uri));
      }
  }
  if (user[0] != '\0' || password_stdin)
    {
      password = command_line_password (server, user, password_stdin, &error);
      if (error != NULL)
        return finish_command (FALSE, NULL, error);
    }

  ok = styr_command_sync (path, server, database, user[0] != '\0' ? user : NULL, password,
                          &report, &error);
  return finish_command (ok, report, error);
}

static int
styr_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  StyrApplication *self = STYR_APPLICATION (app);
  const char *data_dir = NULL;
  const char *import_path = NULL;
  const char *pull_source = NULL;
  const char *backup_path = NULL;
  const char *restore_path = NULL;
  const char *ics_path = NULL;
  const char *pdf_path = NULL;
  const char *meeting = NULL;
  const char *agreement = NULL;
  const char *today = NULL;
  const char *export_agreements = NULL;
  const char *import_agreements = NULL;
  const char *import_usage = NULL;
  const char *import_invitation = NULL;
  gboolean dry_run;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* Filename options arrive as bytestrings, hence "^&ay". */
  if (g_variant_dict_lookup (options, "data-dir", "^&ay", &data_dir))
    self->data_dir = g_strdup (data_dir);
  g_variant_dict_lookup (options, "import-catalogue", "^&ay", &import_path);
  g_variant_dict_lookup (options, "pull-catalogue", "&s", &pull_source);
  g_variant_dict_lookup (options, "backup", "^&ay", &backup_path);
  g_variant_dict_lookup (options, "restore", "^&ay", &restore_path);
  g_variant_dict_lookup (options, "export-ics", "^&ay", &ics_path);
  g_variant_dict_lookup (options, "export-pdf", "^&ay", &pdf_path);
  g_variant_dict_lookup (options, "meeting", "&s", &meeting);
  g_variant_dict_lookup (options, "agreement", "&s", &agreement);
  g_variant_dict_lookup (options, "export-agreements", "^&ay", &export_agreements);
  g_variant_dict_lookup (options, "import-agreements", "^&ay", &import_agreements);
  g_variant_dict_lookup (options, "import-usage", "^&ay", &import_usage);
  g_variant_dict_lookup (options, "import-invitation", "^&ay", &import_invitation);
  dry_run = g_variant_dict_contains (options, "dry-run");

  /* The rules ask the clock for today; --today lets the 2019/2020
   * catalogue be seen as of its own time. */
  if (g_variant_dict_lookup (options, "today", "&s", &today))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrClock) clock = styr_clock_new_for_string (today, &error);

      if (clock == NULL)
        {
          g_printerr ("styr: --today: %s\n", error->message);
          return 2;
        }
      g_set_object (&self->clock, clock);
      self->today_given = TRUE;
    }
  /* The command line counts from the same day as the window. */
  follow_view_as_of (self);

  if ((import_path != NULL) + (pull_source != NULL) + (backup_path != NULL) +
      (restore_path != NULL) + (ics_path != NULL) + (pdf_path != NULL) +
      (export_agreements != NULL) + (import_agreements != NULL) + (import_usage != NULL) +
      (import_invitation != NULL) > 1)
    {
      g_printerr ("styr: %s\n",
                  _("Give only one of --import-catalogue, --pull-catalogue, --backup, --restore, "
                    "--export-ics, --export-pdf, --export-agreements, --import-agreements, "
                    "--import-usage and --import-invitation."));
      return 2;
    }
  if (dry_run && import_agreements == NULL && import_usage == NULL && import_invitation == NULL)
    {
      g_printerr ("styr: %s\n", _("--dry-run goes with --import-agreements, --import-usage or "
                                  "--import-invitation."));
      return 2;
    }
  if (meeting != NULL && ics_path == NULL && pdf_path == NULL)
    {
      g_printerr ("styr: %s\n", _("--meeting goes with --export-ics or --export-pdf."));
      return 2;
    }
  if (agreement != NULL && (pdf_path == NULL || meeting != NULL))
    {
      g_printerr ("styr: %s\n", _("--agreement goes with --export-pdf, without --meeting."));
      return 2;
    }
  if (pdf_path != NULL)
    return export_pdf (self, pdf_path, meeting, agreement);
  if (g_variant_dict_contains (options, "sync"))
    {
      const char *server = NULL;
      const char *database = NULL;

      g_variant_dict_lookup (options, "server", "&s", &server);
      g_variant_dict_lookup (options, "database", "&s", &database);
      return sync_once (self, server, database, g_variant_dict_contains (options, "password-stdin"));
    }
  if (ics_path != NULL)
    return export_ics (self, ics_path, meeting);
  if (import_path != NULL)
    return run_command (self, styr_command_import_catalogue, import_path);
  if (pull_source != NULL)
    return pull_catalogue_once (self, pull_source,
                                g_variant_dict_contains (options, "password-stdin"));
  if (backup_path != NULL)
    return run_command (self, styr_command_backup, backup_path);
  if (restore_path != NULL)
    return run_command (self, styr_command_restore, restore_path);
  if (export_agreements != NULL)
    return run_command (self, styr_command_export_agreements, export_agreements);
  if (import_agreements != NULL)
    return run_import (self, styr_command_import_agreements, import_agreements, dry_run);
  if (import_usage != NULL)
    return run_import (self, styr_command_import_usage, import_usage, dry_run);
  if (import_invitation != NULL)
    return run_import (self, styr_command_import_invitation, import_invitation, dry_run);

  /* Another data folder is another Styr: handing the activation to an
   * instance that works on a different database would edit the wrong one.
   */
  if (self->data_dir != NULL || g_getenv (STYR_DATA_DIR_ENV) != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (styr_application_parent_class)->handle_local_options (app, options);
}

/* The moment reminders are asked for: now, or with --today the same time
 * of day on that day, so the 2019/2020 catalogue reminds as it would have. */
static GDateTime *
reminder_now (StyrApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  if (!styr_clock_is_fixed (self->clock))
    return g_steal_pointer (&now);

  styr_clock_get_today (self->clock, &today);
  return g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today),
                                g_date_get_day (&today), g_date_time_get_hour (now),
                                g_date_time_get_minute (now), 0);
}

static gboolean
remind_cb (gpointer user_data)
{
  StyrApplication *self = user_data;
  g_autoptr(GDateTime) now = reminder_now (self);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrRuleContext) context = styr_rule_context_new_from_settings (self->settings,
                                                                           self->clock);

  reminders = styr_meeting_reminders (self->store, now, context, &error);
  for (guint i = 0; reminders != NULL && i < reminders->len; i++)
    {
      StyrReminder *reminder = g_ptr_array_index (reminders, i);
      g_autoptr(GNotification) notification = g_notification_new (reminder->title);

      g_notification_set_body (notification, reminder->body);
      g_notification_set_default_action_and_target (notification, "app.show-page", "s",
                                                     "meetings");
      g_application_send_notification (G_APPLICATION (self), reminder->id, notification);
      if (!styr_reminder_take (self->store, reminder, &error))
        break;
    }
  if (error != NULL)
    g_warning ("Meeting reminders: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static gboolean
configure_sync (gpointer user_data)
{
  StyrApplication *self = user_data;
  g_autofree char *server = g_settings_get_string (self->settings, "sync-server");
  g_autofree char *database = g_settings_get_string (self->settings, "sync-database");
  g_autofree char *user = g_settings_get_string (self->settings, "sync-user");

  self->configure_source = 0;
  styr_sync_configure (self->sync, server, database, user);
  return G_SOURCE_REMOVE;
}

static StyrWindow *find_main_window (StyrApplication *self);

/* Says how a pull went where the user is looking: Preferences, if that is
 * where it was asked for, or the main window. */
static void
tell_user (StyrApplication *self,
           const char      *message,
           gboolean         stays)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwToast *toast = stays ? styr_ui_error_toast_new (message) : styr_ui_toast_new (message);

  if (ADW_IS_PREFERENCES_WINDOW (active))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (active), toast);
  else if (find_main_window (self) != NULL)
    styr_window_add_toast (find_main_window (self), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

typedef struct
{
  StyrApplication *app;
  gboolean         asked;
} Pull;

static void
pull_free (Pull *pull)
{
  g_object_unref (pull->app);
  g_free (pull);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pull, pull_free)

static void
catalogue_fetched_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Pull) pull = user_data;
  StyrApplication *self = pull->app;
  g_autoptr(StyrCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  StyrCatalogueImport import = { 0 };

  catalogue = styr_catalogue_source_fetch_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;

  /* The import writes the window's own store, so its lists follow. */
  if (catalogue == NULL || !styr_catalogue_import (catalogue, self->store, &import, &error))
    {
      g_prefix_error (&error, _("The catalogue could not be pulled: "));
      tell_user (self, error->message, TRUE);
      return;
    }

  /* At start, an up-to-date catalogue is not news. */
  if (import.skipped && !pull->asked)
    return;
  if (import.skipped)
    /* Translators: %lld is the catalogue's version number. */
    message = g_strdup_printf (_("The catalogue is up to date (version %lld)."),
                               (long long) styr_catalogue_get_version (catalogue));
  else
    /* Translators: the catalogue's version, then documents added and updated. */
    message = g_strdup_printf (_("Catalogue version %lld pulled: %u added, %u updated."),
                               (long long) styr_catalogue_get_version (catalogue), import.added,
                               import.updated);
  tell_user (self, message, FALSE);
}

static void
pull_catalogue (StyrApplication *self,
                gboolean         asked)
{
  g_autofree char *source = g_settings_get_string (self->settings, "catalogue-source");
  Pull *pull;

  if (source[0] == '\0' || self->store == NULL)
    return;
  pull = g_new0 (Pull, 1);
  pull->app = g_object_ref (self);
  pull->asked = asked;
  styr_catalogue_source_fetch_async (source, self->cancellable, catalogue_fetched_cb, pull);
}

static void
styr_application_pull_catalogue_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  pull_catalogue (user_data, TRUE);
}

/* "View as of" the catalogue's date moves the clock, unless --today
 * fixed it for this run. */
static void
follow_view_as_of (StyrApplication *self)
{
  g_autofree char *as_of = g_settings_get_string (self->settings, "view-as-of");
  GDate day;

  if (self->today_given)
    return;
  styr_clock_set_today (self->clock, styr_parse_date (as_of, &day) ? &day : NULL);
}

/* Every page counts from the clock when it is built, so a window built
 * anew shows the new day everywhere at once; the page shown is kept. */
static void
clock_changed_cb (StyrApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    if (STYR_IS_WINDOW (l->data))
      {
        GtkWindow *window = GTK_WINDOW (styr_window_new (self, self->store, self->settings));

        gtk_window_destroy (l->data);
        gtk_window_present (window);
      }
}

/* The three settings are written one after the other; sync restarts once. */
static void
settings_changed_cb (StyrApplication *self,
                     const char      *key)
{
  if (g_str_has_prefix (key, "sync-") && self->configure_source == 0)
    self->configure_source = g_idle_add (configure_sync, self);
  else if (g_str_equal (key, "catalogue-source"))
    pull_catalogue (self, TRUE);
  else if (g_str_equal (key, "view-as-of"))
    follow_view_as_of (self);
}

static void
styr_application_activate (GApplication *app)
{
  StyrApplication *self = STYR_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) import_error = NULL;
  g_autofree char *municipality = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      if (!open_store (self, &error))
        {
          show_fatal_error (self, error);
          return;
        }

      if (!import_bundled_catalogue (self, &import_error))
        g_prefix_error (&import_error, _("The bundled catalogue could not be imported: "));

      self->sync = styr_sync_new (self->store);
      configure_sync (self);
      pull_catalogue (self, FALSE);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
      follow_view_as_of (self);
      g_signal_connect_object (self->clock, "changed", G_CALLBACK (clock_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  window = GTK_WINDOW (styr_window_new (self, self->store, self->settings));
  if (import_error != NULL)
    styr_window_show_error (STYR_WINDOW (window), import_error);

  /* The first start asks whose programme this is; everything else in the
   * app is measured against the own municipality.
   */
  municipality = g_settings_get_string (self->settings, "municipality");
  if (municipality[0] == '\0')
    g_signal_connect_after (window, "map", G_CALLBACK (first_start_map_cb), NULL);

  gtk_window_present (window);

  /* Reminders while Styr runs: at once, then every ten minutes. */
  if (self->reminder_source == 0)
    {
      remind_cb (self);
      self->reminder_source = g_timeout_add_seconds (10 * 60, remind_cb, self);
    }
}

static void
styr_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  StyrApplication *self = user_data;
  GList *windows;

  /* Close windows first so they save their state through their bindings. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

static void
styr_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  StyrApplication *self = user_data;
  const char *developers[] = { _("The Styr developers"), NULL };
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", PACKAGE_NAME,
                         "application-icon", BASE_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep track of KOMBIT’s implementation programme in your "
                                       "municipality: service agreements, KLIK tasks, ØiR, "
                                       "meetings and roles."),
                         "developer-name", _("The Styr developers"),
                         "developers", developers,
                         "website", "https://github.com/styr/styr",
                         "issue-url", "https://github.com/styr/styr/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", _("© 2026 The Styr developers"),
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static StyrWindow *
find_main_window (StyrApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (STYR_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Opens Preferences on @page, or on the page it opens on by itself. */
static void
show_preferences (StyrApplication *self,
                  const char      *page)
{
  StyrWindow *window = find_main_window (self);
  StyrPreferencesWindow *preferences;

  if (window == NULL || styr_window_get_municipalities (window) == NULL)
    return;

  preferences = styr_preferences_window_new (GTK_WINDOW (window),
                                             styr_window_get_municipalities (window),
                                             self->store, self->settings);
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  /* Its buttons that pull the catalogue or restart sync are app actions. */
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
styr_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  show_preferences (user_data, NULL);
}

static void
styr_application_shortcuts_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  StyrApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/styr-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (shortcuts);
}

/* Without GNOME's Help app there is nothing to open help: URIs with:
 * say so, and where the guide is, rather than nothing at all. */
static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  g_debug ("No help: %s", error->message);
  where = g_build_filename (STYR_DATADIR, "help", "C", HELP_ID, NULL);
  /* Translators: %s is the folder the user guide is installed in. */
  body = g_strdup_printf (_("Install GNOME’s Help app (yelp) to read Styr’s user guide. Its "
                            "pages are in the folder “%s”."), where);
  dialog = adw_message_dialog_new (GTK_WINDOW (source), _("The User Guide Could Not Be Opened"),
                                   body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* F1 and Help in the menu: the guide's page for the page shown. */
static void
styr_application_help_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  StyrApplication *self = user_data;
  static const char *topics[] = { "overview", "agreements", "tasks", "oir", "meetings", "roles" };
  g_autofree char *page = g_settings_get_string (self->settings, "last-page");
  g_autofree char *uri = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    return;
  uri = g_strv_contains (topics, page) ? g_strconcat ("help:" HELP_ID "/", page, NULL)
                                       : g_strdup ("help:" HELP_ID);
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, help_shown_cb, NULL);
}

/* From a reminder: bring the window up on the page it is about. */
static void
styr_application_show_page_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  StyrApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                g_variant_get_string (parameter, NULL));
}

/* After a new password, which the settings do not show: the same server,
 * database and user, but the worker must read the keyring again. */
static void
styr_application_sync_restart_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  StyrApplication *self = user_data;

  if (self->sync != NULL && self->configure_source == 0)
    self->configure_source = g_idle_add (configure_sync, self);
}

static void
styr_application_sync_now_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  StyrApplication *self = user_data;

  if (self->sync != NULL)
    styr_sync_now (self->sync);
}

static void
styr_application_sync_preferences_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  show_preferences (user_data, "sync");
}

static void
styr_application_resolve_conflicts_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  StyrApplication *self = user_data;
  StyrWindow *window = find_main_window (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (styr_conflicts_window_new (GTK_WINDOW (window),
                                                               self->store)));
}

static const GActionEntry app_actions[] = {
  { "show-page", styr_application_show_page_action, "s" },
  { "quit", styr_application_quit_action },
  { "about", styr_application_about_action },
  { "preferences", styr_application_preferences_action },
  { "sync-now", styr_application_sync_now_action },
  { "sync-restart", styr_application_sync_restart_action },
  { "pull-catalogue", styr_application_pull_catalogue_action },
  { "resolve-conflicts", styr_application_resolve_conflicts_action },
  { "sync-preferences", styr_application_sync_preferences_action },
  { "shortcuts", styr_application_shortcuts_action },
  { "help", styr_application_help_action },
};

static void
styr_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *page_accels[][2] = {
    { "<Alt>1", NULL }, { "<Alt>2", NULL }, { "<Alt>3", NULL },
    { "<Alt>4", NULL }, { "<Alt>5", NULL }, { "<Alt>6", NULL },
  };
  static const char *pages[] = { "overview", "agreements", "tasks", "oir", "meetings", "roles" };
  StyrApplication *self = STYR_APPLICATION (app);

  G_APPLICATION_CLASS (styr_application_parent_class)->startup (app);
  styr_a11y_mend_names ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);

  G_STATIC_ASSERT (G_N_ELEMENTS (page_accels) == G_N_ELEMENTS (pages));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page::%s", pages[i]);

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), detailed, page_accels[i]);
    }
}

static void
styr_application_dispose (GObject *object)
{
  StyrApplication *self = (StyrApplication *)object;

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_handle_id (&self->configure_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sync != NULL)
    styr_sync_stop (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (styr_application_parent_class)->dispose (object);
}

static void
styr_application_finalize (GObject *object)
{
  StyrApplication *self = (StyrApplication *)object;

  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (styr_application_parent_class)->finalize (object);
}

static void
styr_application_class_init (StyrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = styr_application_dispose;
  object_class->finalize = styr_application_finalize;

  app_class->handle_local_options = styr_application_handle_local_options;
  app_class->startup = styr_application_startup;
  app_class->activate = styr_application_activate;
}

static void
styr_application_init (StyrApplication *self)
{
  self->settings = g_settings_new (BASE_ID);
  self->clock = styr_clock_new_system ();
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Styr keeps track of KOMBIT’s implementation "
                                              "programme in your municipality."));
}

StyrApplication *
styr_application_new (void)
{
  return g_object_new (STYR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * styr_application_get_store:
 * @self: a #StyrApplication
 *
 * Returns: (transfer none) (nullable): the open store, once activated
 */
StyrStore *
styr_application_get_store (StyrApplication *self)
{
  g_return_val_if_fail (STYR_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * styr_application_get_sync:
 * @self: a #StyrApplication
 *
 * Returns: (transfer none) (nullable): the team sync, once activated
 */
StyrSync *
styr_application_get_sync (StyrApplication *self)
{
  g_return_val_if_fail (STYR_IS_APPLICATION (self), NULL);

  return self->sync;
}

/**
 * styr_application_get_clock:
 * @self: a #StyrApplication
 *
 * Returns: (transfer none): the clock the rules ask for today
 */
StyrClock *
styr_application_get_clock (StyrApplication *self)
{
  g_return_val_if_fail (STYR_IS_APPLICATION (self), NULL);

  return self->clock;
}
