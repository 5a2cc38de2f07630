/* styr-catalogue-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-catalogue-banner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-catalogue.h"
#include "styr-catalogue-banner.h"
#include "styr-format.h"
#include "styr-record.h"
#include "styr-ui.h"

/* StyrCatalogueBanner: says at the top of the window when the catalogue
 * is much older than today — the bundled one is from December 2019, so a
 * newcomer would see every deadline overdue and no meeting ahead — and
 * offers to view the programme as of the catalogue's own date (kept in
 * "view-as-of" until changed back) or to fetch KOMBIT's current one.
 * While the window shows such a day, it says so, with the way back.
 */
struct _StyrCatalogueBanner
{
  AdwBin parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *fetch_button;
  GtkButton   *as_of_button;

  StyrStore *store;
  StyrClock *clock;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (StyrCatalogueBanner, styr_catalogue_banner, ADW_TYPE_BIN)

static void
update (StyrCatalogueBanner *self)
{
  g_autofree char *as_of = g_settings_get_string (self->settings, "view-as-of");
  g_autofree char *issued_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;
  gboolean viewing = as_of[0] != '\0' && styr_clock_is_fixed (self->clock);
  gboolean has_issued;
  GDate issued, today;

  has_issued = styr_catalogue_get_store_issued (self->store, &issued);
  styr_clock_get_today (self->clock, &today);
  if (has_issued)
    issued_text = styr_format_date (&issued);

  if (viewing)
    {
      g_autofree char *day = styr_format_date (&today);

      /* Translators: %s is a date, e.g. 17-12-2019. */
      text = g_strdup_printf (_("Showing the programme as it stood on %s. Deadlines and "
                                "meetings count from that day, not from today."), day);
      button = g_strdup (_("_Back to Today"));
    }
  else if (has_issued && !styr_clock_is_fixed (self->clock) &&
           styr_catalogue_is_stale (&issued, &today))
    {
      /* Translators: %s is the catalogue's date, e.g. 17-12-2019. */
      text = g_strdup_printf (_("KOMBIT’s catalogue in Styr is from %s, so its deadlines look "
                                "overdue and no meeting lies ahead. View the programme as of "
                                "that day, or fetch the current catalogue."), issued_text);
      /* Translators: %s is the catalogue's date. */
      button = g_strdup_printf (_("_View as of %s"), issued_text);
    }

  gtk_revealer_set_reveal_child (self->revealer, text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_text (self->label, text);
  gtk_button_set_label (self->as_of_button, button);
  gtk_widget_set_visible (GTK_WIDGET (self->fetch_button), !viewing);
}

static void
toggle_as_of_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StyrCatalogueBanner *self = STYR_CATALOGUE_BANNER (widget);
  g_autofree char *as_of = g_settings_get_string (self->settings, "view-as-of");
  g_autofree char *issued_iso = NULL;
  GDate issued;

  if (as_of[0] != '\0')
    g_settings_reset (self->settings, "view-as-of");
  else if (styr_catalogue_get_store_issued (self->store, &issued))
    g_settings_set_string (self->settings, "view-as-of",
                           (issued_iso = styr_date_to_iso (&issued)));
}

/* Without an address there is nothing to fetch from: Preferences is
 * where it is given. */
static void
fetch_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StyrCatalogueBanner *self = STYR_CATALOGUE_BANNER (widget);
  g_autofree char *source = g_settings_get_string (self->settings, "catalogue-source");

  if (source[0] == '\0')
    {
      styr_ui_toast (widget, _("Give the address of KOMBIT’s catalogue in Preferences"), FALSE);
      gtk_widget_activate_action (widget, "app.preferences", NULL);
    }
  else
    gtk_widget_activate_action (widget, "app.pull-catalogue", NULL);
}

static void
styr_catalogue_banner_dispose (GObject *object)
{
  StyrCatalogueBanner *self = STYR_CATALOGUE_BANNER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (styr_catalogue_banner_parent_class)->dispose (object);
}

static void
styr_catalogue_banner_class_init (StyrCatalogueBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styr_catalogue_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-catalogue-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrCatalogueBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, StyrCatalogueBanner, label);
  gtk_widget_class_bind_template_child (widget_class, StyrCatalogueBanner, fetch_button);
  gtk_widget_class_bind_template_child (widget_class, StyrCatalogueBanner, as_of_button);
  gtk_widget_class_install_action (widget_class, "banner.toggle-as-of", NULL, toggle_as_of_action);
  gtk_widget_class_install_action (widget_class, "banner.fetch", NULL, fetch_action);
}

static void
styr_catalogue_banner_init (StyrCatalogueBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * styr_catalogue_banner_new:
 * @store: the store, whose catalogue's date it reads
 * @clock: the clock the window counts from
 * @settings: the settings with "view-as-of" and "catalogue-source"
 *
 * Returns: (transfer floating): the banner, shown only when it has
 *   something to say
 */
GtkWidget *
styr_catalogue_banner_new (StyrStore *store,
                           StyrClock *clock,
                           GSettings *settings)
{
  StyrCatalogueBanner *self = g_object_new (STYR_TYPE_CATALOGUE_BANNER, NULL);

  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->settings = g_object_ref (settings);
  /* A newer catalogue moves its date. */
  g_signal_connect_object (store, "documents-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}
