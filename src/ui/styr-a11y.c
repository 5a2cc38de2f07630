/* styr-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-a11y"

#include "config.h"

#include <adwaita.h>

#include "styr-a11y.h"

/* Two names GTK 4.8 gives screen readers wrongly, mended for every widget
 * of the app when it is first shown, so no page has to remember them:
 *
 * - A button with a mnemonic is named twice, "_Tildel … Tildel …": GTK
 *   sets its label, underline and all, as the accessible label, and the
 *   mnemonic label names it again. The label stays the only name.
 * - The button inside a drop-down or a menu button, which takes the
 *   focus, is named by its type, "GtkToggleButton". It takes the name the
 *   user sees for the control: the row's title or the tooltip.
 */

/* What the user sees the control as: its row's title, else its tooltip. */
static const char *
control_name (GtkWidget *control)
{
  GtkWidget *row = gtk_widget_get_ancestor (control, ADW_TYPE_PREFERENCES_ROW);

  if (row != NULL && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))[0] != '\0')
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  return gtk_widget_get_tooltip_text (control);
}

static gboolean
mapped_hook (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);
  GtkWidget *parent;
  const char *name;

  if (GTK_IS_BUTTON (object) && gtk_button_get_use_underline (GTK_BUTTON (object)) &&
      gtk_button_get_label (GTK_BUTTON (object)) != NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return TRUE;
    }
  if (!GTK_IS_TOGGLE_BUTTON (object))
    return TRUE;
  parent = gtk_widget_get_parent (GTK_WIDGET (object));
  if (!GTK_IS_DROP_DOWN (parent) && !GTK_IS_MENU_BUTTON (parent))
    return TRUE;
  name = control_name (parent);
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name, -1);
  return TRUE;
}

/**
 * styr_a11y_mend_names:
 *
 * Mends the accessible names above, from now on. Called once, at startup.
 */
void
styr_a11y_mend_names (void)
{
  /* The signal exists once the class does. */
  gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, mapped_hook, NULL,
                              NULL);
  g_type_class_unref (widget_class);
}
