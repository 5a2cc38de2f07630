/* styr-oir-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-checklist-actions.h"
#include "styr-checklist-row.h"
#include "styr-format.h"
#include "styr-checklist-item-state.h"
#include "styr-item-dialog.h"
#include "styr-meeting.h"
#include "styr-form-dialog.h"
#include "styr-oir-page.h"
#include "styr-page.h"
#include "styr-rules.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrOirPage: the ØiR basic implementation as checklists to tick off,
 * the integrations per using system, and the ERP-vendor meeting that
 * applies to the municipality. A tick is a write to the item's state
 * document, so it syncs and shows in the audit trail. Each checklist is a
 * list bound to its StyrChecklistModel: a tick, a note or a colleague's
 * change redraws its own row in place, an added or deleted item is one
 * row in or out, and only a new or deleted checklist builds the groups
 * anew — so focus and scrolling stay where they were.
 */
struct _StyrOirPage
{
  StyrPage             parent_instance;

  StyrStore           *store;
  StyrClock           *clock;
  GSettings           *settings;

  /* Checklist, one per group, in the page's order */
  GPtrArray           *checklists;
  StyrChecklistModel  *integrations;
  guint                rebuild_source;

  AdwPreferencesPage  *preferences_page;
  AdwComboRow         *erp_combo;
  AdwActionRow        *erp_meeting_row;
  AdwPreferencesGroup *integrations_group;
  GtkListBox          *integrations_list;
  AdwPreferencesGroup *add_group;
};

G_DEFINE_FINAL_TYPE (StyrOirPage, styr_oir_page, STYR_TYPE_PAGE)

/* The ERP drop-down's entries, in its order, as GSettings keeps them. */
static const char *erp_values[] = { "", "KMD OPUS", "EG ØS Indsigt", "Fujitsu Prisme", "other" };

/* One checklist's group: its progress, what a newer catalogue changed,
 * and its items bound to their model. */
typedef struct
{
  StyrOirPage         *page;
  char                *key;
  char                *title;
  AdwPreferencesGroup *group;
  GtkLevelBar         *bar;
  GtkWidget           *changes;
  GtkListBox          *list;
  StyrChecklistModel  *model;
} Checklist;

static void
checklist_free (Checklist *checklist)
{
  /* The list may outlive the struct its rows are made with. */
  if (checklist->list != NULL)
    gtk_list_box_bind_model (checklist->list, NULL, NULL, NULL, NULL);
  if (checklist->model != NULL)
    g_signal_handlers_disconnect_by_data (checklist->model, checklist);
  g_clear_object (&checklist->model);
  g_free (checklist->key);
  g_free (checklist->title);
  g_free (checklist);
}

static const char *
chosen_erp (StyrOirPage *self)
{
  guint selected = adw_combo_row_get_selected (self->erp_combo);

  return selected < G_N_ELEMENTS (erp_values) ? erp_values[selected] : "";
}

static void
show_erp_meeting (StyrOirPage *self)
{
  const char *erp = chosen_erp (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(StyrRecord) meeting = NULL;
  g_autoptr(GPtrArray) slots = NULL;

  if (erp[0] == '\0')
    {
      adw_action_row_set_subtitle (self->erp_meeting_row,
                                   _("Choose the ERP system to see which meeting applies."));
      return;
    }

  id = styr_erp_meeting_id (self->store, erp, &error);
  if (id != NULL)
    body = styr_store_get (self->store, id, NULL, &error);
  if (body != NULL)
    meeting = styr_record_load (id, NULL, body);
  if (meeting != NULL && STYR_IS_MEETING (meeting))
    slots = styr_meeting_dup_slots (STYR_MEETING (meeting));

  if (slots != NULL && slots->len > 0)
    {
      StyrSlot *slot = g_ptr_array_index (slots, 0);
      g_autofree char *when = styr_format_slot (slot);
      g_autofree char *text = g_strdup_printf ("%s\n%s", when,
                                               styr_meeting_get_title (STYR_MEETING (meeting)));

      adw_action_row_set_subtitle (self->erp_meeting_row, text);
    }
  else if (error != NULL)
    adw_action_row_set_subtitle (self->erp_meeting_row, error->message);
  else
    adw_action_row_set_subtitle (self->erp_meeting_row,
                                 _("KOMBIT holds the KSD meetings for KMD OPUS, EG ØS Indsigt and "
                                   "Fujitsu Prisme. Ask KOMBIT which one applies to you."));
}


/* Every row of the page, in both lists an item can show in. */
static void
foreach_row (StyrOirPage *self,
             GFunc        func,
             gpointer     user_data)
{
  for (guint i = 0; i <= self->checklists->len; i++)
    {
      GtkWidget *list = i < self->checklists->len
                        ? GTK_WIDGET (((Checklist *) g_ptr_array_index (self->checklists, i))->list)
                        : GTK_WIDGET (self->integrations_list);

      for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (STYR_IS_CHECKLIST_ROW (child))
          func (child, user_data);
    }
}

/* The first row that shows @item_id, its checklist's before the
 * integrations'. */
static StyrChecklistRow *
find_row (StyrOirPage *self,
          const char  *item_id)
{
  GtkWidget *row = NULL;

  for (guint i = 0; row == NULL && i < self->checklists->len; i++)
    row = styr_checklist_row_find (GTK_WIDGET (((Checklist *) g_ptr_array_index (self->checklists,
                                                                                 i))->list),
                                   item_id);
  if (row == NULL)
    row = styr_checklist_row_find (GTK_WIDGET (self->integrations_list), item_id);
  return row != NULL ? STYR_CHECKLIST_ROW (row) : NULL;
}

static Checklist *
find_checklist (StyrOirPage *self,
                const char  *key)
{
  for (guint i = 0; key != NULL && i < self->checklists->len; i++)
    {
      Checklist *checklist = g_ptr_array_index (self->checklists, i);

      if (g_str_equal (checklist->key, key))
        return checklist;
    }
  return NULL;
}

static void
set_row_erp (gpointer row,
             gpointer erp)
{
  styr_checklist_row_set_erp (row, erp);
}

static void
erp_selected_cb (StyrOirPage *self)
{
  g_autofree char *kept = self->settings != NULL ? g_settings_get_string (self->settings,
                                                                         "erp-system")
                                                 : NULL;

  if (self->settings != NULL && g_strcmp0 (kept, chosen_erp (self)) != 0)
    g_settings_set_string (self->settings, "erp-system", chosen_erp (self));

  if (self->store != NULL)
    {
      show_erp_meeting (self);
      foreach_row (self, set_row_erp, (gpointer) chosen_erp (self));
    }
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  Checklist *checklist = user_data;
  GtkWidget *row = styr_checklist_row_new (checklist->model, item, STYR_CHECKLIST_ROW_ITEM);

  styr_checklist_row_set_erp (STYR_CHECKLIST_ROW (row), chosen_erp (checklist->page));
  return row;
}

static GtkWidget *
create_integration_row (gpointer item,
                        gpointer user_data)
{
  StyrOirPage *self = user_data;

  return styr_checklist_row_new (self->integrations, item, STYR_CHECKLIST_ROW_INTEGRATION);
}

/* A deleted item's row takes the focus with it; it goes to the row that
 * took its place, or to the list's Add button, nearby, never to the top
 * of the page. */
static void
keep_focus_cb (Checklist *checklist,
               guint      position,
               guint      removed,
               guint      added)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (checklist->group));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (checklist->model));
  GtkListBoxRow *row;

  /* Only the focus the deleted row took with it (the window still names
   * the removed widget, or GTK handed it to what held the row): a
   * deletion that sync brings while the user works elsewhere leaves their
   * focus alone. */
  if (removed == 0 || added > 0 || !gtk_widget_get_mapped (GTK_WIDGET (checklist->list)) ||
      (focus != NULL && gtk_widget_get_root (focus) != NULL &&
       focus != GTK_WIDGET (checklist->list) &&
       !gtk_widget_is_ancestor (GTK_WIDGET (checklist->list), focus)))
    return;
  row = n > 0 ? gtk_list_box_get_row_at_index (checklist->list, MIN (position, n - 1)) : NULL;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (styr_checklist_row_get_check (STYR_CHECKLIST_ROW (row))));
  else
    gtk_widget_grab_focus (gtk_widget_get_last_child (
      adw_preferences_group_get_header_suffix (checklist->group)));
}

/* "3 of 7 items done", as the model counts them. */
static void
update_progress (Checklist *checklist)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (checklist->model));
  guint done = styr_checklist_model_get_n_done (checklist->model);
  g_autofree char *text = NULL;

  /* Translators: a checklist's progress. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item done",
                                       "%u of %u items done", total), done, total);
  adw_preferences_group_set_description (checklist->group, text);
  gtk_level_bar_set_value (checklist->bar, total > 0 ? (double) done / total : 0);
  gtk_widget_set_visible (GTK_WIDGET (checklist->list), total > 0);
  /* The list keeps what it showed; the user hears why it is not newer. */
  if (styr_checklist_model_get_error (checklist->model) != NULL)
    styr_ui_show_error (GTK_WIDGET (checklist->group),
                        styr_checklist_model_get_error (checklist->model));
}

static void
update_integrations (StyrOirPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->integrations_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->integrations)) > 0);
}

static void
clear_groups (StyrOirPage *self)
{
  for (guint i = 0; i < self->checklists->len; i++)
    adw_preferences_page_remove (self->preferences_page,
                                 ((Checklist *) g_ptr_array_index (self->checklists, i))->group);
  g_ptr_array_set_size (self->checklists, 0);
}

/* What a newer catalogue changed in the checklist, until dismissed. */
static void
show_template_changes (StyrOirPage *self,
                       Checklist   *checklist)
{
  g_autoptr(GPtrArray) changes = styr_checklist_template_changes (self->store, checklist->key,
                                                                  NULL);
  const char *key = checklist->key;
  g_autofree char *subtitle = NULL;
  GtkWidget *expander;
  GtkWidget *dismiss;
  guint added = 0;

  if (checklist->changes != NULL)
    adw_preferences_group_remove (checklist->group, checklist->changes);
  checklist->changes = NULL;
  if (changes == NULL || changes->len == 0)
    return;

  expander = adw_expander_row_new ();
  for (guint i = 0; i < changes->len; i++)
    {
      StyrTemplateChange *change = g_ptr_array_index (changes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *was = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->after);
      if (change->before == NULL)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("New item"));
          added++;
        }
      else
        {
          /* Translators: %s is an item's text before a newer catalogue re-worded it. */
          was = g_strdup_printf (_("Re-worded; it said “%s”"), change->before);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), was);
        }
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 _("Changed by a newer catalogue"));
  /* Translators: how a newer catalogue changed a checklist; ticks are kept. */
  subtitle = g_strdup_printf (_("%u new, %u re-worded; your ticks are kept"), added,
                              changes->len - added);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (expander), "software-update-available-symbolic");

  dismiss = gtk_button_new_with_mnemonic (_("_Dismiss"));
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "oir.dismiss-changes");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (dismiss), "s", key);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), dismiss);
  adw_preferences_group_add (checklist->group, expander);
  checklist->changes = expander;
}

static Checklist *
checklist_new (StyrOirPage *self,
               StyrRecord  *record)
{
  const char *title = styr_record_get_string (record, "title");
  Checklist *checklist = g_new0 (Checklist, 1);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *add_label = NULL;

  checklist->key = g_strdup (styr_record_get_key (record));
  checklist->title = g_strdup (title != NULL ? title : styr_record_get_id (record));
  checklist->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  checklist->bar = GTK_LEVEL_BAR (bar);
  checklist->list = GTK_LIST_BOX (list);
  checklist->model = styr_checklist_model_new (self->store, self->clock, checklist->key);
  checklist->page = self;

  adw_preferences_group_set_title (checklist->group, checklist->title);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress"), -1);
  gtk_box_append (GTK_BOX (suffix), bar);

  /* Translators: the button that adds an item to the checklist %s. */
  add_label = g_strdup_printf (_("Add Item to “%s”"), checklist->title);
  styr_ui_set_tooltip (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label,
                                  -1);
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "oir.add-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", checklist->key);
  gtk_box_append (GTK_BOX (suffix), add);
  adw_preferences_group_set_header_suffix (checklist->group, suffix);

  gtk_list_box_set_selection_mode (checklist->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  checklist->title, -1);
  gtk_list_box_bind_model (checklist->list, G_LIST_MODEL (checklist->model), create_item_row,
                           checklist, NULL);
  adw_preferences_group_add (checklist->group, list);
  g_signal_connect_swapped (checklist->model, "notify::n-done", G_CALLBACK (update_progress),
                            checklist);
  g_signal_connect_swapped (checklist->model, "items-changed", G_CALLBACK (update_progress),
                            checklist);
  g_signal_connect_swapped (checklist->model, "items-changed", G_CALLBACK (keep_focus_cb),
                            checklist);
  update_progress (checklist);
  show_template_changes (self, checklist);
  return checklist;
}

/* The item whose row has the focus, if one has. */
static char *
focused_item (StyrOirPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  row = STYR_IS_CHECKLIST_ROW (focus) ? focus
                                      : gtk_widget_get_ancestor (focus, STYR_TYPE_CHECKLIST_ROW);
  if (row == NULL)
    return NULL;
  return g_strdup (styr_checklist_entry_get_id (styr_checklist_row_get_entry (STYR_CHECKLIST_ROW (row))));
}

/* The checklist whose group has the focus, as its Add button has. */
static char *
focused_checklist (StyrOirPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; focus != NULL && i < self->checklists->len; i++)
    {
      Checklist *checklist = g_ptr_array_index (self->checklists, i);

      if (gtk_widget_is_ancestor (focus, GTK_WIDGET (checklist->group)))
        return g_strdup (checklist->key);
    }
  return NULL;
}

/* The focus on @item_id's check, or on @checklist's Add button. */
static gboolean
focus_record (StyrOirPage *self,
              const char  *item_id,
              const char  *checklist_key)
{
  StyrChecklistRow *row = item_id != NULL ? find_row (self, item_id) : NULL;
  Checklist *checklist = find_checklist (self, checklist_key);

  if (row != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (styr_checklist_row_get_check (row)));
  if (checklist != NULL)
    return gtk_widget_grab_focus (gtk_widget_get_last_child (
      adw_preferences_group_get_header_suffix (checklist->group)));
  return FALSE;
}

typedef struct
{
  double  scroll;
  char   *item_id;
  char   *checklist;
} Place;

static void
place_free (Place *place)
{
  g_free (place->item_id);
  g_free (place->checklist);
  g_free (place);
}

/* Once the rebuilt page is in: the focus back where the user was, then
 * the scroll, which the focus may have moved. A deleted item's focus goes
 * to its list's Add button, nearby, not to the top of the page. */
static gboolean
restore_place_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  Place *place = user_data;

  focus_record (STYR_OIR_PAGE (widget), place->item_id, place->checklist);
  styr_ui_set_scroll (widget, place->scroll);
  return G_SOURCE_REMOVE;
}

/* Whether the checklists on the page are still these, in this order and
 * with these titles: then nothing is built anew. */
static gboolean
same_checklists (StyrOirPage *self,
                 GPtrArray   *records)
{
  if (records->len != self->checklists->len)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      StyrRecord *record = g_ptr_array_index (records, i);
      Checklist *checklist = g_ptr_array_index (self->checklists, i);
      const char *title = styr_record_get_string (record, "title");

      if (g_strcmp0 (checklist->key, styr_record_get_key (record)) != 0 ||
          g_strcmp0 (checklist->title, title != NULL ? title : styr_record_get_id (record)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A checklist added, deleted or renamed: the groups are built anew, and
 * the user stays where they were, not thrown back to the top. */
static void
rebuild (StyrOirPage *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  Place *place;

  records = styr_checklist_list_ticked (self->store, NULL, &error);
  if (records == NULL)
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  if (same_checklists (self, records))
    {
      for (guint i = 0; i < self->checklists->len; i++)
        show_template_changes (self, g_ptr_array_index (self->checklists, i));
      return;
    }

  place = g_new0 (Place, 1);
  place->scroll = styr_ui_get_scroll (GTK_WIDGET (self));
  place->item_id = focused_item (self);
  place->checklist = focused_checklist (self);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_place_cb, place,
                                (GDestroyNotify) place_free);
  clear_groups (self);

  /* The add button stays last. */
  g_object_ref (self->add_group);
  adw_preferences_page_remove (self->preferences_page, self->add_group);
  for (guint i = 0; i < records->len; i++)
    {
      Checklist *checklist = checklist_new (self, g_ptr_array_index (records, i));

      adw_preferences_page_add (self->preferences_page, checklist->group);
      g_ptr_array_add (self->checklists, checklist);
    }
  adw_preferences_page_add (self->preferences_page, self->add_group);
  g_object_unref (self->add_group);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  StyrOirPage *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A catalogue import changes many checklists at once: build once after
 * it. */
static void
structure_changed_cb (StyrOirPage *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle, self);
}

/* Actions */

static void
add_checklist_cb (StyrFormDialog *dialog,
                  const char     *response,
                  StyrOirPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (!styr_checklist_save_local (self->store, styr_form_dialog_get_text (dialog, 0),
                                  styr_ui_author (), NULL, &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
add_checklist_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StyrFormDialog *dialog = styr_form_dialog_new (widget, _("Add Own Checklist"), _("_Add"), NULL);
  AdwEntryRow *title = styr_form_dialog_add_field (dialog, _("Title"), NULL,
                                                   styr_ui_check_required);

  g_signal_connect_object (dialog, "response::accept", G_CALLBACK (add_checklist_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (title));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StyrOirPage *self = STYR_OIR_PAGE (widget);

  gtk_window_present (GTK_WINDOW (styr_item_dialog_new_add (widget, self->store,
                                                            g_variant_get_string (parameter,
                                                                                  NULL))));
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StyrOirPage *self = STYR_OIR_PAGE (widget);
  StyrChecklistRow *row = find_row (self, g_variant_get_string (parameter, NULL));

  if (row == NULL)
    return;
  gtk_window_present (GTK_WINDOW (styr_item_dialog_new_edit (widget, self->store,
                                                             styr_checklist_row_get_entry (row))));
}

static void
dismiss_changes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StyrOirPage *self = STYR_OIR_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!styr_checklist_dismiss_template_changes (self->store,
                                                g_variant_get_string (parameter, NULL), &error))
    styr_ui_show_error (widget, error);
  else
    structure_changed_cb (self);
}

static void
settings_changed_cb (StyrOirPage *self)
{
  const char *erp = NULL;
  g_autofree char *value = g_settings_get_string (self->settings, "erp-system");

  for (guint i = 0; i < G_N_ELEMENTS (erp_values); i++)
    if (g_str_equal (erp_values[i], value))
      erp = erp_values[i];

  for (guint i = 0; erp != NULL && i < G_N_ELEMENTS (erp_values); i++)
    if (erp_values[i] == erp && adw_combo_row_get_selected (self->erp_combo) != i)
      adw_combo_row_set_selected (self->erp_combo, i);

  show_erp_meeting (self);
  foreach_row (self, set_row_erp, (gpointer) chosen_erp (self));
}

static void
styr_oir_page_constructed (GObject *object)
{
  StyrOirPage *self = (StyrOirPage *)object;
  const char *structure[] = { "checklist", "checklist-item" };

  G_OBJECT_CLASS (styr_oir_page_parent_class)->constructed (object);

  /* Borrowed from StyrPage, which holds them. */
  self->store = styr_page_get_store (STYR_PAGE (self));
  self->clock = styr_page_get_clock (STYR_PAGE (self));
  self->settings = styr_page_get_settings (STYR_PAGE (self));

  /* The items follow the store in their models; the page only minds new
   * checklists and what a catalogue changed in them. */
  for (guint i = 0; i < G_N_ELEMENTS (structure); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", structure[i], NULL);

      g_signal_connect_object (self->store, signal, G_CALLBACK (structure_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->store, "documents-changed::meeting",
                           G_CALLBACK (show_erp_meeting), self, G_CONNECT_SWAPPED);

  self->integrations = styr_checklist_model_new_integrations (self->store, self->clock);
  gtk_list_box_bind_model (self->integrations_list, G_LIST_MODEL (self->integrations),
                           create_integration_row, self, NULL);
  g_signal_connect_object (self->integrations, "items-changed", G_CALLBACK (update_integrations),
                           self, G_CONNECT_SWAPPED);
  update_integrations (self);

  rebuild (self);
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::erp-system",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
      settings_changed_cb (self);
    }
  show_erp_meeting (self);
}

/* An item gets the focus, which scrolls the page to it; a list, its Add
 * button. A rebuild waiting to run goes first, so that the row exists. */
static gboolean
styr_oir_page_select_record (StyrPage   *page,
                             const char *id)
{
  StyrOirPage *self = STYR_OIR_PAGE (page);

  if (self->rebuild_source != 0)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild (self);
    }
  return g_str_has_prefix (id, "checklist:") ? focus_record (self, NULL, id + strlen ("checklist:"))
                                             : focus_record (self, id, NULL);
}

static void
styr_oir_page_dispose (GObject *object)
{
  StyrOirPage *self = (StyrOirPage *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_OIR_PAGE);

  g_clear_pointer (&self->checklists, g_ptr_array_unref);
  g_clear_object (&self->integrations);
  self->store = NULL;
  self->clock = NULL;
  self->settings = NULL;

  G_OBJECT_CLASS (styr_oir_page_parent_class)->dispose (object);
}

static void
styr_oir_page_class_init (StyrOirPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = styr_oir_page_constructed;
  object_class->dispose = styr_oir_page_dispose;
  STYR_PAGE_CLASS (klass)->select_record = styr_oir_page_select_record;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-oir-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrOirPage, erp_combo);
  gtk_widget_class_bind_template_child (widget_class, StyrOirPage, erp_meeting_row);
  gtk_widget_class_bind_template_child (widget_class, StyrOirPage, integrations_group);
  gtk_widget_class_bind_template_child (widget_class, StyrOirPage, integrations_list);
  gtk_widget_class_bind_template_child (widget_class, StyrOirPage, add_group);
  gtk_widget_class_bind_template_callback (widget_class, erp_selected_cb);

  gtk_widget_class_install_action (widget_class, "oir.add-checklist", NULL, add_checklist_action);
  STYR_PAGE_CLASS (klass)->new_action = "oir.add-checklist";
  gtk_widget_class_install_action (widget_class, "oir.add-item", "s", add_item_action);
  gtk_widget_class_install_action (widget_class, "oir.edit-item", "s", edit_item_action);
  gtk_widget_class_install_action (widget_class, "oir.dismiss-changes", "s",
                                   dismiss_changes_action);
}

static void
styr_oir_page_init (StyrOirPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The page is the bin's child, so not a template child: disposing the
   * template would unparent it under the bin. */
  self->preferences_page = ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self)));
  self->checklists = g_ptr_array_new_with_free_func ((GDestroyNotify) checklist_free);
}
