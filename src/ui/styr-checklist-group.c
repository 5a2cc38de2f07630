/* styr-checklist-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-checklist-actions.h"
#include "styr-checklist-group.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrChecklistGroup: the checklists the catalogue shows with one page
 * (Pejlemærke 3 with the service agreements), each item a row to tick,
 * saying whose words it is. A tick updates its own row only, so focus
 * and scrolling stay where they are.
 */
struct _StyrChecklistGroup
{
  AdwPreferencesGroup parent_instance;

  StyrStore *store;
  StyrClock *clock;
  char *shown_with;

  GPtrArray *items;  /* StyrChecklistItem, one per row */
  GPtrArray *rows;   /* AdwActionRow */
  GPtrArray *checks; /* GtkCheckButton */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (StyrChecklistGroup, styr_checklist_group, ADW_TYPE_PREFERENCES_GROUP)

static void
update_rows (StyrChecklistGroup *self)
{
  guint done = 0;

  self->updating = TRUE;
  for (guint i = 0; i < self->items->len; i++)
    {
      StyrChecklistItem *item = g_ptr_array_index (self->items, i);
      const char *id = styr_record_get_id (STYR_RECORD (item));
      g_autoptr(StyrChecklistItemState) state = styr_checklist_item_load_state (self->store, id);
      gboolean is_done = styr_work_is_done (self->store, id);
      g_autofree char *subtitle = NULL;

      if (is_done && state != NULL)
        {
          g_autofree char *on = styr_date_to_user (styr_record_get_string (STYR_RECORD (state),
                                                                           "done_on"));

          /* Translators: who ticked a checklist item and when. */
          subtitle = g_strdup_printf (_("Done by %s on %s"),
                                      styr_record_get_string (STYR_RECORD (state), "done_by") ?: "–",
                                      on);
        }
      done += is_done;
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), is_done);
      adw_action_row_set_subtitle (g_ptr_array_index (self->rows, i), subtitle ?: "");
    }
  self->updating = FALSE;

  if (self->items->len > 0)
    {
      g_autofree char *progress = NULL;

      /* Translators: a checklist's progress. */
      progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item done",
                                               "%u of %u items done", self->items->len),
                                  done, self->items->len);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), progress);
    }
}

static void
check_toggled_cb (GtkCheckButton     *check,
                  StyrChecklistGroup *self)
{
  guint index;
  StyrChecklistItem *item;
  g_autoptr(StyrChecklistItemState) state = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (self->updating || !g_ptr_array_find (self->checks, check, &index))
    return;

  item = g_ptr_array_index (self->items, index);
  state = styr_checklist_item_load_state (self->store, styr_record_get_id (STYR_RECORD (item)));
  styr_clock_get_today (self->clock, &today);
  if (!styr_checklist_item_set_done (self->store, item,
                                     state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                                     gtk_check_button_get_active (check), styr_ui_author (), &today,
                                     NULL, &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
  update_rows (self);
}

static void
add_row (StyrChecklistGroup *self,
         StyrChecklistItem  *item)
{
  const char *text = styr_checklist_item_get_text (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), styr_ui_provenance_tag (STYR_RECORD (item)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  g_ptr_array_add (self->items, g_object_ref (item));
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->checks, check);
}

/* Several checklists for one page make one group, titled by the first. */
static void
rebuild (StyrChecklistGroup *self)
{
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->checks, 0);
  g_ptr_array_set_size (self->items, 0);

  checklists = styr_checklist_list_ticked (self->store, self->shown_with, &error);
  if (checklists == NULL)
    {
      g_warning ("Could not list the checklists: %s", error->message);
      return;
    }

  for (guint i = 0; i < checklists->len; i++)
    {
      StyrRecord *checklist = g_ptr_array_index (checklists, i);
      g_autoptr(GPtrArray) items = styr_checklist_list_items (self->store,
                                                              styr_record_get_key (checklist),
                                                              NULL);

      if (i == 0)
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                         styr_record_get_string (checklist, "title") ?: "");
      for (guint j = 0; items != NULL && j < items->len; j++)
        add_row (self, g_ptr_array_index (items, j));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->items->len > 0);
  update_rows (self);
}

static void
styr_checklist_group_dispose (GObject *object)
{
  StyrChecklistGroup *self = STYR_CHECKLIST_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
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
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
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
  g_signal_connect_object (store, "documents-changed::checklist-item", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "documents-changed::checklist-item-state",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}
