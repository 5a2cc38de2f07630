/* styr-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-municipality.h"
#include "styr-municipality-chooser.h"
#include "styr-preferences-window.h"

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

  /* Owned */
  GSettings            *settings;
  GListModel           *municipalities;
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

static void
styr_preferences_window_dispose (GObject *object)
{
  StyrPreferencesWindow *self = (StyrPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_PREFERENCES_WINDOW);
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

  gtk_widget_class_install_action (widget_class, "preferences.choose-municipality", NULL,
                                   choose_municipality_action);
}

static void
styr_preferences_window_init (StyrPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
