/* styr-overview-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-overview-row"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-overview-row.h"
#include "styr-ui.h"

/* StyrOverviewRow: one line of the Overview. It opens its record, its
 * page or a link, and says in words as well as with an icon when it needs
 * action now. A new summary sets the lines it already has in place, so
 * the line with the focus, and where the page is scrolled to, stay.
 */
struct _StyrOverviewRow
{
  AdwActionRow  parent_instance;

  GtkImage     *urgent_icon;
  GtkImage     *open_icon;
};

G_DEFINE_FINAL_TYPE (StyrOverviewRow, styr_overview_row, ADW_TYPE_ACTION_ROW)

static void
set_target (StyrOverviewRow *self,
            const char      *action,
            const char      *target)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), action != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->open_icon), action != NULL);
  /* The target first, so the action is never looked up with the old one. */
  if (action != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), action);
}

/**
 * styr_overview_row_set:
 * @self: a #StyrOverviewRow
 * @title: what the line says
 * @subtitle: (nullable): the line under it
 * @record: (nullable): the id of the record it opens
 * @page: (nullable): the page it opens when it names no record
 * @urgent: whether it needs action now
 */
void
styr_overview_row_set (StyrOverviewRow *self,
                       const char      *title,
                       const char      *subtitle,
                       const char      *record,
                       const char      *page,
                       gboolean         urgent)
{
  g_return_if_fail (STYR_IS_OVERVIEW_ROW (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_icon), urgent);
  gtk_image_set_from_icon_name (self->open_icon, "go-next-symbolic");
  styr_ui_set_tooltip (GTK_WIDGET (self), NULL);
  if (record != NULL)
    set_target (self, "win.show-record", record);
  else
    set_target (self, page != NULL ? "win.show-page" : NULL, page);
}

/**
 * styr_overview_row_set_link:
 * @self: a #StyrOverviewRow
 * @title: the link's name
 * @detail: what it is for
 * @address: the web or mail address it opens
 */
void
styr_overview_row_set_link (StyrOverviewRow *self,
                            const char      *title,
                            const char      *detail,
                            const char      *address)
{
  g_return_if_fail (STYR_IS_OVERVIEW_ROW (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_icon), FALSE);
  gtk_image_set_from_icon_name (self->open_icon, g_str_has_prefix (address, "mailto:")
                                                 ? "mail-send-symbolic"
                                                 : "adw-external-link-symbolic");
  styr_ui_set_tooltip (GTK_WIDGET (self), address);
  set_target (self, "win.open-link", address);
}

/**
 * styr_overview_row_new:
 *
 * Returns: (transfer floating): a new line, set with
 *   styr_overview_row_set() or styr_overview_row_set_link()
 */
GtkWidget *
styr_overview_row_new (void)
{
  return g_object_new (STYR_TYPE_OVERVIEW_ROW, NULL);
}

static void
styr_overview_row_class_init (StyrOverviewRowClass *klass)
{
}

static void
styr_overview_row_init (StyrOverviewRow *self)
{
  /* Records' and KOMBIT's words, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);

  self->urgent_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->urgent_icon), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->urgent_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Needs action now"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->urgent_icon));

  self->open_icon = GTK_IMAGE (gtk_image_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->open_icon));
}
