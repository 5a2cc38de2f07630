/* styr-checklist-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-checklist-actions.h"
#include "styr-checklist-group.h"
#include "styr-checklist-row.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrChecklistGroup: the checklists the catalogue shows with one page
 * (Pejlemærke 3 with the service agreements), each item a row to tick,
 * saying whose words it is. Each checklist is a list bound to its
 * StyrChecklistModel, so a tick redraws its own row in place and focus
 * and scrolling stay where they are.
 */
struct _StyrChecklistGroup
{
  AdwPreferencesGroup parent_instance;

  StyrStore *store;
  StyrClock *clock;
  char *shown_with;

  GPtrArray *models; /* StyrChecklistModel, one per checklist */
  GPtrArray *lists;  /* GtkListBox, bound to the models */
};

G_DEFINE_FINAL_TYPE (StyrChecklistGroup, styr_checklist_group, ADW_TYPE_PREFERENCES_GROUP)

/* "1 of 5 items done", over all the group's checklists. */
static void
update_progress (StyrChecklistGroup *self)
{
  guint done = 0, total = 0;
  g_autofree char *progress = NULL;

  for (guint i = 0; i < self->models->len; i++)
    {
      StyrChecklistModel *model = g_ptr_array_index (self->models, i);

      done += styr_checklist_model_get_n_done (model);
      total += g_list_model_get_n_items (G_LIST_MODEL (model));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), total > 0);
  if (total == 0)
    return;
  /* Translators: a checklist's progress. */
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item done",
                                           "%u of %u items done", total),
                              done, total);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), progress);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return styr_checklist_row_new (user_data, item, STYR_CHECKLIST_ROW_BRIEF);
}

static void
clear (StyrChecklistGroup *self)
{
  for (guint i = 0; i < self->lists->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->lists, i));
  g_ptr_array_set_size (self->lists, 0);
  for (guint i = 0; i < self->models->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->models, i), self);
  g_ptr_array_set_size (self->models, 0);
}

/* Several checklists for one page make one group, titled by the first.
 * Only a new or deleted checklist builds it anew; items follow their
 * models. */
static void
rebuild (StyrChecklistGroup *self)
{
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same;

  checklists = styr_checklist_list_ticked (self->store, self->shown_with, &error);
  if (checklists == NULL)
    {
      g_warning ("Could not list the checklists: %s", error->message);
      return;
    }

  same = checklists->len == self->models->len;
  for (guint i = 0; same && i < checklists->len; i++)
    same = g_strcmp0 (styr_record_get_key (g_ptr_array_index (checklists, i)),
                      styr_checklist_model_get_checklist (g_ptr_array_index (self->models, i))) == 0;
  if (checklists->len > 0)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                     styr_record_get_string (g_ptr_array_index (checklists, 0),
                                                             "title") ?: "");
  if (same)
    return;

  clear (self);
  for (guint i = 0; i < checklists->len; i++)
    {
      StyrRecord *checklist = g_ptr_array_index (checklists, i);
      StyrChecklistModel *model = styr_checklist_model_new (self->store, self->clock,
                                                            styr_record_get_key (checklist));
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      styr_record_get_string (checklist, "title") ?: "", -1);
      gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (model), create_row, model, NULL);
      g_signal_connect_swapped (model, "notify::n-done", G_CALLBACK (update_progress), self);
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (update_progress), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), list);
      g_ptr_array_add (self->models, model);
      g_ptr_array_add (self->lists, list);
    }
  update_progress (self);
}

static void
styr_checklist_group_dispose (GObject *object)
{
  StyrChecklistGroup *self = STYR_CHECKLIST_GROUP (object);

  if (self->models != NULL)
    clear (self);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->shown_with, g_free);

  G_OBJECT_CLASS (styr_checklist_group_parent_class)->dispose (object);
}

static void
styr_checklist_group_class_init (StyrChecklistGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = styr_checklist_group_dispose;
}

static void
styr_checklist_group_init (StyrChecklistGroup *self)
{
  self->models = g_ptr_array_new_with_free_func (g_object_unref);
  self->lists = g_ptr_array_new ();
}

/**
 * styr_checklist_group_new:
 * @store: the store
 * @clock: the clock
 * @shown_with: the page, as the catalogue's "styr_shown_with" names it
 *
 * Returns: (transfer floating): the group, hidden while it has no items
 */
GtkWidget *
styr_checklist_group_new (StyrStore  *store,
                          StyrClock  *clock,
                          const char *shown_with)
{
  StyrChecklistGroup *self = g_object_new (STYR_TYPE_CHECKLIST_GROUP, NULL);

  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->shown_with = g_strdup (shown_with);
  g_signal_connect_object (store, "documents-changed::checklist", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}
