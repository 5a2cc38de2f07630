/* styr-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "styr-municipality.h"
#include "styr-municipality-chooser.h"
#include "styr-preferences-window.h"
#include "styr-replicator.h"
#include "styr-secret.h"
#include "styr-ui.h"

struct _StyrPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwActionRow         *municipality_row;
  AdwActionRow         *database_row;
  GtkSpinButton        *expiring_spin;
  GtkSpinButton        *max_period_spin;
  GtkSpinButton        *review_interval_spin;
  GtkSpinButton        *no_usage_spin;
  GtkSpinButton        *spike_spin;
  GtkSpinButton        *max_roles_spin;
  GtkSpinButton        *reminder_days_spin;
  GtkSpinButton        *warning_days_spin;
  AdwEntryRow          *server_row;
  AdwEntryRow          *sync_database_row;
  AdwEntryRow          *user_row;
  AdwEntryRow          *password_row;
  AdwEntryRow          *catalogue_row;
  AdwActionRow         *connection_row;
  GtkSpinner           *connection_spinner;

  /* Owned */
  GSettings            *settings;
  GListModel           *municipalities;
  StyrStore            *store;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (StyrPreferencesWindow, styr_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_municipality (StyrPreferencesWindow *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "municipality");
  StyrMunicipality *municipality;
  g_autofree char *subtitle = NULL;

  municipality = styr_municipality_list_find (self->municipalities, code);
  if (municipality != NULL)
    /* Translators: municipality name, code and region, e.g. "Gentofte · 157 · Region Hovedstaden". */
    subtitle = g_strdup_printf (_("%s · %s · %s"),
                                styr_municipality_get_name (municipality),
                                styr_municipality_get_code (municipality),
                                styr_municipality_get_region (municipality));
  else
    subtitle = g_strdup (_("Not chosen yet"));

  adw_action_row_set_subtitle (self->municipality_row, subtitle);
}

static void
choose_municipality_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  StyrPreferencesWindow *self = STYR_PREFERENCES_WINDOW (widget);
  StyrMunicipalityChooser *chooser;

  chooser = styr_municipality_chooser_new (GTK_WINDOW (self), self->municipalities,
                                           self->settings);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* What the sync page says, read once on the main thread for a worker. */
typedef struct
{
  StyrStore *store;
  char      *server;
  char      *database;
  char      *user;
  char      *password;
} SyncForm;

static void
sync_form_free (SyncForm *form)
{
  g_clear_object (&form->store);
  g_free (form->server);
  g_free (form->database);
  g_free (form->user);
  if (form->password != NULL)
    memset (form->password, 0, strlen (form->password));
  g_free (form->password);
  g_free (form);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static SyncForm *
read_form (StyrPreferencesWindow *self)
{
  SyncForm *form = g_new0 (SyncForm, 1);
  g_autofree char *server = entry_text (self->server_row);

  /* "couch.kommune.dk/" and "https://couch.kommune.dk" mean the same. */
  while (g_str_has_suffix (server, "/"))
    server[strlen (server) - 1] = '\0';
  form->store = g_object_ref (self->store);
  form->server = g_steal_pointer (&server);
  form->database = entry_text (self->sync_database_row);
  form->user = entry_text (self->user_row);
  form->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  return form;
}

static void
set_connection (StyrPreferencesWindow *self,
                gboolean               busy,
                const char            *text)
{
  gtk_spinner_set_spinning (self->connection_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.test-connection", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.save-sync", !busy);
  adw_action_row_set_subtitle (self->connection_row, text);
}

/* Runs in a worker: the keyring and the server may both take a while. */
static void
test_connection_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  SyncForm *form = task_data;
  g_autoptr(StyrReplicator) replicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  const char *password = form->password;

  if (password[0] == '\0' && form->user[0] != '\0')
    {
      stored = styr_secret_lookup (form->server, form->user, cancellable, &error);
      if (error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      password = stored;
    }

  replicator = styr_replicator_new (form->store, form->server, form->database,
                                    form->user[0] != '\0' ? form->user : NULL, password, &error);
  if (replicator == NULL || !styr_replicator_check (replicator, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
test_connection_done (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StyrPreferencesWindow *self = STYR_PREFERENCES_WINDOW (object);
  SyncForm *form = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_connection (self, FALSE, error->message);
      return;
    }

  /* Translators: the database, then the server. */
  text = g_strdup_printf (_("Connected: Styr can sync with “%s” on %s."), form->database,
                          form->server);
  set_connection (self, FALSE, text);
}

/* A password typed into an address would end up in the settings, in
 * plain text; it belongs in its own field, which goes to the keyring. */
static gboolean
has_credentials (const char *address)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_userinfo (uri) != NULL;
}

static gboolean
check_form (StyrPreferencesWindow *self,
            SyncForm              *form,
            gboolean               allow_empty)
{
  if (has_credentials (form->server))
    {
      set_connection (self, FALSE, _("Give the user name and password in their own fields, "
                                     "not in the address."));
      return FALSE;
    }
  if (form->server[0] == '\0' && form->database[0] == '\0' && allow_empty)
    return TRUE;
  if (form->server[0] == '\0' || form->database[0] == '\0')
    {
      set_connection (self, FALSE, _("Give both the server and the database."));
      return FALSE;
    }
  return TRUE;
}

static void
test_connection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StyrPreferencesWindow *self = STYR_PREFERENCES_WINDOW (widget);
  SyncForm *form = read_form (self);
  g_autoptr(GTask) task = NULL;

  if (!check_form (self, form, FALSE))
    {
      sync_form_free (form);
      return;
    }

  set_connection (self, TRUE, _("Connecting…"));
  task = g_task_new (self, self->cancellable, test_connection_done, NULL);
  g_task_set_task_data (task, form, (GDestroyNotify) sync_form_free);
  g_task_run_in_thread (task, test_connection_thread);
}

static void
store_password_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SyncForm *form = task_data;
  g_autoptr(GError) error = NULL;

  if (!styr_secret_store (form->server, form->user, form->password, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The settings are written only once the keyring has the password, so
 * sync never starts with the old one. */
static void
save_settings (StyrPreferencesWindow *self,
               SyncForm              *form)
{
  /* The application restarts sync once, after the last of the three. */
  g_settings_set_string (self->settings, "sync-server", form->server);
  g_settings_set_string (self->settings, "sync-database", form->database);
  g_settings_set_string (self->settings, "sync-user", form->user);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  set_connection (self, FALSE, form->server[0] != '\0'
                               ? _("Saved. Styr syncs with the team from now on.")
                               : _("Saved. Styr works alone, without sync."));
}

static void
store_password_done (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  StyrPreferencesWindow *self = STYR_PREFERENCES_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_connection (self, FALSE, error->message);
      return;
    }
  save_settings (self, g_task_get_task_data (G_TASK (result)));
  /* A new password alone changes no setting, so sync is told. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.sync-restart", NULL);
}

static void
save_sync_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StyrPreferencesWindow *self = STYR_PREFERENCES_WINDOW (widget);
  SyncForm *form = read_form (self);
  g_autoptr(GTask) task = NULL;

  if (!check_form (self, form, TRUE))
    {
      sync_form_free (form);
      return;
    }

  task = g_task_new (self, self->cancellable, store_password_done, NULL);
  g_task_set_task_data (task, form, (GDestroyNotify) sync_form_free);

  /* An empty password field keeps the one in the keyring. */
  if (form->password[0] == '\0' || form->user[0] == '\0' || form->server[0] == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  set_connection (self, TRUE, _("Saving the password in the keyring…"));
  g_task_run_in_thread (task, store_password_thread);
}

/* A new address pulls by itself, through the setting; the same one again
 * is a request to pull now. */
static void
catalogue_apply_cb (StyrPreferencesWindow *self)
{
  g_autofree char *source = entry_text (self->catalogue_row);
  g_autofree char *current = g_settings_get_string (self->settings, "catalogue-source");

  if (has_credentials (source))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        styr_ui_toast_new (_("The catalogue address must not hold a "
                                                         "user name or password.")));
      return;
    }
  if (g_strcmp0 (source, current) != 0)
    g_settings_set_string (self->settings, "catalogue-source", source);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "app.pull-catalogue", NULL);
}

static void
load_sync_settings (StyrPreferencesWindow *self)
{
  static const struct { const char *key; gsize offset; } rows[] = {
    { "sync-server", G_STRUCT_OFFSET (StyrPreferencesWindow, server_row) },
    { "sync-database", G_STRUCT_OFFSET (StyrPreferencesWindow, sync_database_row) },
    { "sync-user", G_STRUCT_OFFSET (StyrPreferencesWindow, user_row) },
    { "catalogue-source", G_STRUCT_OFFSET (StyrPreferencesWindow, catalogue_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = g_settings_get_string (self->settings, rows[i].key);
      AdwEntryRow *row = G_STRUCT_MEMBER (AdwEntryRow *, self, rows[i].offset);

      gtk_editable_set_text (GTK_EDITABLE (row), value);
    }
}

static void
styr_preferences_window_dispose (GObject *object)
{
  StyrPreferencesWindow *self = (StyrPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->municipalities);

  G_OBJECT_CLASS (styr_preferences_window_parent_class)->dispose (object);
}

static void
styr_preferences_window_class_init (StyrPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, expiring_spin);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, max_period_spin);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, review_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, no_usage_spin);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, spike_spin);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, max_roles_spin);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, reminder_days_spin);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, warning_days_spin);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, sync_database_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, catalogue_row);
  gtk_widget_class_bind_template_callback (widget_class, catalogue_apply_cb);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, connection_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPreferencesWindow, connection_spinner);

  gtk_widget_class_install_action (widget_class, "preferences.choose-municipality", NULL,
                                   choose_municipality_action);
  gtk_widget_class_install_action (widget_class, "preferences.test-connection", NULL,
                                   test_connection_action);
  gtk_widget_class_install_action (widget_class, "preferences.save-sync", NULL,
                                   save_sync_action);
}

static void
styr_preferences_window_init (StyrPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * styr_preferences_window_new:
 * @parent: the main window
 * @municipalities: the list of #StyrMunicipality
 * @store: the open store
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new preferences window
 */
StyrPreferencesWindow *
styr_preferences_window_new (GtkWindow  *parent,
                             GListModel *municipalities,
                             StyrStore  *store,
                             GSettings  *settings)
{
  StyrPreferencesWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (municipalities), NULL);
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STYR_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);
  self->municipalities = g_object_ref (municipalities);
  self->store = g_object_ref (store);
  load_sync_settings (self);

  adw_action_row_set_subtitle (self->database_row, styr_store_get_path (store));

  /* The schema's ranges match the adjustments, so a value typed out of
   * range is clamped by the spin button before it reaches the settings. */
  g_settings_bind (settings, "agreement-expiring-days", self->expiring_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "agreement-max-period-months", self->max_period_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "agreement-review-interval-months", self->review_interval_spin,
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "agreement-no-usage-months", self->no_usage_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "agreement-usage-spike-factor", self->spike_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "max-roles-per-person", self->max_roles_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-days", self->reminder_days_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "meeting-warning-days", self->warning_days_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (settings, "changed::municipality",
                           G_CALLBACK (update_municipality), self, G_CONNECT_SWAPPED);
  update_municipality (self);

  return self;
}
