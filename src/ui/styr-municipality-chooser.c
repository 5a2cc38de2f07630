/* styr-municipality-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-municipality-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-municipality.h"
#include "styr-municipality-chooser.h"

struct _StyrMunicipalityChooser
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkStack           *results_stack;

  /* Owned */
  GSettings          *settings;
};

G_DEFINE_FINAL_TYPE (StyrMunicipalityChooser, styr_municipality_chooser, ADW_TYPE_WINDOW)

static void
update_actions (StyrMunicipalityChooser *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.choose",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
filter_items_changed_cb (StyrMunicipalityChooser *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  gtk_stack_set_visible_child_name (self->results_stack, empty ? "empty" : "list");
  update_actions (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StyrMunicipalityChooser *self = STYR_MUNICIPALITY_CHOOSER (widget);
  StyrMunicipality *municipality;

  municipality = gtk_single_selection_get_selected_item (self->selection);
  if (municipality == NULL)
    return;

  g_settings_set_string (self->settings, "municipality",
                         styr_municipality_get_code (municipality));
  gtk_window_close (GTK_WINDOW (self));
}

static void
list_activate_cb (StyrMunicipalityChooser *self,
                  guint                    position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "chooser.choose", NULL);
}

/* Enter in the search takes the selected municipality, or the first match
 * when nothing is selected yet.
 */
static void
search_activate_cb (StyrMunicipalityChooser *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);

  gtk_widget_activate_action (GTK_WIDGET (self), "chooser.choose", NULL);
}

static void
select_current (StyrMunicipalityChooser *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "municipality");
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StyrMunicipality) municipality = g_list_model_get_item (model, i);

      if (g_str_equal (styr_municipality_get_code (municipality), code))
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                                      "u", i);
          return;
        }
    }
}

static void
styr_municipality_chooser_dispose (GObject *object)
{
  StyrMunicipalityChooser *self = (StyrMunicipalityChooser *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_MUNICIPALITY_CHOOSER);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (styr_municipality_chooser_parent_class)->dispose (object);
}

static void
styr_municipality_chooser_class_init (StyrMunicipalityChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_municipality_chooser_dispose;

  g_type_ensure (STYR_TYPE_MUNICIPALITY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-municipality-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrMunicipalityChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StyrMunicipalityChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, StyrMunicipalityChooser, selection);
  gtk_widget_class_bind_template_child (widget_class, StyrMunicipalityChooser, filter_model);
  gtk_widget_class_bind_template_child (widget_class, StyrMunicipalityChooser, results_stack);
  gtk_widget_class_bind_template_callback (widget_class, filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_install_action (widget_class, "chooser.choose", NULL, choose_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
styr_municipality_chooser_init (StyrMunicipalityChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/**
 * styr_municipality_chooser_new:
 * @parent: the window the chooser belongs to
 * @municipalities: the list of #StyrMunicipality to choose from
 * @settings: the settings whose "municipality" key the choice is written to
 *
 * Returns: (transfer none): a new modal chooser
 */
StyrMunicipalityChooser *
styr_municipality_chooser_new (GtkWindow  *parent,
                               GListModel *municipalities,
                               GSettings  *settings)
{
  StyrMunicipalityChooser *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (municipalities), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STYR_TYPE_MUNICIPALITY_CHOOSER,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);
  gtk_filter_list_model_set_model (self->filter_model, municipalities);
  select_current (self);
  update_actions (self);
  /* Typing starts the search; Enter takes the one highlighted. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}
