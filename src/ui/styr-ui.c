/* styr-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-ui.h"

/* Small things every page does the same way. */

/**
 * styr_ui_author:
 *
 * Returns: who the audit trail names for changes made in this window:
 *   the desktop user's real name, or the login name without one
 */
const char *
styr_ui_author (void)
{
  const char *name = g_get_real_name ();

  return name != NULL && g_strcmp0 (name, "Unknown") != 0 ? name : g_get_user_name ();
}

static void
add_toast (GtkWidget *widget,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_warning ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

/**
 * styr_ui_show_error:
 * @widget: a widget in the window
 * @error: what went wrong, in words for the user
 *
 * Shows @error in a toast that stays until the user closes it.
 */
void
styr_ui_show_error (GtkWidget    *widget,
                    const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  add_toast (widget, toast);
}

/**
 * styr_ui_toast:
 * @widget: a widget in the window
 * @title: what happened
 * @undo_action: (nullable): the action an Undo button activates
 *
 * Says what happened, with an Undo button where it can be undone.
 */
void
styr_ui_toast (GtkWidget  *widget,
               const char *title,
               const char *undo_action)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, undo_action);
    }
  add_toast (widget, toast);
}

/**
 * styr_ui_lookup_color:
 * @widget: a widget
 * @name: a named colour of the style, e.g. "accent_color"
 * @color: (out caller-allocates): the colour
 * @fallback: the colour when the style has none by that name
 */
void
styr_ui_lookup_color (GtkWidget  *widget,
                      const char *name,
                      GdkRGBA    *color,
                      const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  /* GTK 4.8 has no other way to read the style's named colours. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
