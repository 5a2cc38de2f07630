/* styr-sync-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-sync-button"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-sync-button.h"

/* The header bar's word on sync: changes waiting, syncing, when it last
 * worked, or that it failed; its popover says why, and offers "Sync Now".
 * Hidden while no server is set, since then there is nothing to say.
 */

struct _StyrSyncButton
{
  AdwBin      parent_instance;

  GtkMenuButton *button;
  GtkStack   *icon_stack;
  GtkImage   *icon;
  GtkSpinner *spinner;
  GtkLabel   *label;
  GtkLabel   *title_label;
  GtkLabel   *detail_label;
  GtkWidget  *conflicts_button;

  StyrSync   *sync;
};

G_DEFINE_FINAL_TYPE (StyrSyncButton, styr_sync_button, ADW_TYPE_BIN)

static char *
describe_last_sync (StyrSync *sync)
{
  GDateTime *last = styr_sync_get_last_sync (sync);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = NULL;

  if (last == NULL)
    return g_strdup (_("Not synced yet."));

  time = g_date_time_format (last, "%H:%M");
  if (g_date_time_get_year (last) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (last) == g_date_time_get_day_of_year (now))
    /* Translators: %s is a time of day, e.g. "14:02". */
    return g_strdup_printf (_("Last synced today at %s."), time);
  else
    {
      g_autofree char *day = g_date_time_format (last, "%d.%m.%Y");

      /* Translators: a date, then a time of day. */
      return g_strdup_printf (_("Last synced %s at %s."), day, time);
    }
}

static void
update (StyrSyncButton *self)
{
  StyrSyncState state = styr_sync_get_state (self->sync);
  guint pending = styr_sync_get_n_pending (self->sync);
  guint conflicts = styr_sync_get_conflicts (self->sync);
  g_autofree char *last = describe_last_sync (self->sync);
  g_autofree char *waiting = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *label = NULL;
  const char *title = NULL;
  const char *icon = "emblem-ok-symbolic";

  gtk_widget_set_visible (GTK_WIDGET (self), state != STYR_SYNC_OFF);

  if (pending > 0)
    /* Translators: local changes the server has not confirmed yet. */
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change waiting",
                                            "%u changes waiting", pending), pending);

  switch (state)
    {
    case STYR_SYNC_RUNNING:
      title = _("Syncing…");
      if (styr_sync_get_progress (self->sync) > 0)
        /* Translators: how many changes a long sync has moved so far. */
        label = g_strdup_printf (_("Syncing… %u"), styr_sync_get_progress (self->sync));
      else
        label = g_strdup (title);
      break;

    case STYR_SYNC_FAILED:
      title = _("Sync failed");
      icon = "dialog-warning-symbolic";
      label = g_strdup (waiting != NULL ? waiting : title);
      g_string_append_printf (detail, "%s\n", styr_sync_get_message (self->sync));
      g_string_append_printf (detail, "%s\n",
                              _("Your changes are kept here; Styr tries again by itself."));
      break;

    case STYR_SYNC_IDLE:
    case STYR_SYNC_OFF:
    default:
      title = _("In sync with the team");
      if (waiting != NULL)
        label = g_strdup (waiting);
      else if (conflicts > 0)
        /* Translators: in the header bar, records sync left with two versions. */
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record to choose",
                                              "%u records to choose", conflicts), conflicts);
      else
        label = g_strdup (_("Synced"));
      if (waiting != NULL)
        icon = "document-send-symbolic";
      /* A change the server would not take, such as for its validation. */
      if (styr_sync_get_message (self->sync) != NULL)
        {
          g_string_append_printf (detail, "%s\n", styr_sync_get_message (self->sync));
          icon = "dialog-warning-symbolic";
        }
      break;
    }

  if (waiting != NULL)
    g_string_append_printf (detail, "%s.\n", waiting);
  if (conflicts > 0)
    g_string_append_printf (detail,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u record has two versions to choose between.\n",
                                         "%u records have two versions to choose between.\n",
                                         conflicts), conflicts);
  g_string_append (detail, last);

  if (conflicts > 0 && state != STYR_SYNC_RUNNING)
    icon = "dialog-warning-symbolic";
  gtk_widget_set_visible (self->conflicts_button, conflicts > 0);
  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_stack_set_visible_child_name (self->icon_stack,
                                    state == STYR_SYNC_RUNNING ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->spinner, state == STYR_SYNC_RUNNING);
  gtk_label_set_label (self->label, label);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), last);
  if (state == STYR_SYNC_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "warning");
}

/* The popover's buttons lead elsewhere, so it closes behind them. */
static void
popdown_cb (StyrSyncButton *self)
{
  gtk_menu_button_popdown (self->button);
}

static void
styr_sync_button_dispose (GObject *object)
{
  StyrSyncButton *self = (StyrSyncButton *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_SYNC_BUTTON);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (styr_sync_button_parent_class)->dispose (object);
}

static void
styr_sync_button_class_init (StyrSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_sync_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrSyncButton, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, StyrSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, StyrSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, StyrSyncButton, label);
  gtk_widget_class_bind_template_child (widget_class, StyrSyncButton, title_label);
  gtk_widget_class_bind_template_child (widget_class, StyrSyncButton, detail_label);
  gtk_widget_class_bind_template_child (widget_class, StyrSyncButton, conflicts_button);
  gtk_widget_class_bind_template_callback (widget_class, popdown_cb);
}

static void
styr_sync_button_init (StyrSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself. */
  self->button = GTK_MENU_BUTTON (adw_bin_get_child (ADW_BIN (self)));
}

/**
 * styr_sync_button_new:
 * @sync: the app's sync
 *
 * Returns: (transfer floating): a button that follows @sync
 */
GtkWidget *
styr_sync_button_new (StyrSync *sync)
{
  StyrSyncButton *self;

  g_return_val_if_fail (STYR_IS_SYNC (sync), NULL);

  self = g_object_new (STYR_TYPE_SYNC_BUTTON, NULL);
  self->sync = g_object_ref (sync);
  g_signal_connect_object (sync, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}
