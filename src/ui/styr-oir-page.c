/* styr-oir-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-checklist-actions.h"
#include "styr-format.h"
#include "styr-checklist-item-state.h"
#include "styr-history-group.h"
#include "styr-meeting.h"
#include "styr-oir-page.h"
#include "styr-page.h"
#include "styr-rules.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrOirPage: the ØiR basic implementation as checklists to tick off,
 * the integrations per using system, and the ERP-vendor meeting that
 * applies to the municipality. A tick is a write to the item's state
 * document, so it syncs and shows in the audit trail. The rows are built
 * when the checklists change and updated in place when only ticks,
 * notes or people change, so focus and scrolling stay where they were.
 */
struct _StyrOirPage
{
  StyrPage             parent_instance;

  StyrStore           *store;
  StyrClock           *clock;
  GSettings           *settings;

  GPtrArray           *groups;
  GPtrArray           *integration_rows;
  /* item id → ItemRow, for every row that shows an item */
  GHashTable          *rows;
  GHashTable          *progress;
  StyrRuleThresholds   thresholds;
  guint                rebuild_source;

  AdwPreferencesPage  *preferences_page;
  AdwComboRow         *erp_combo;
  AdwActionRow        *erp_meeting_row;
  AdwPreferencesGroup *integrations_group;
  AdwPreferencesGroup *add_group;

};

G_DEFINE_FINAL_TYPE (StyrOirPage, styr_oir_page, STYR_TYPE_PAGE)

/* The ERP drop-down's entries, in its order, as GSettings keeps them. */
static const char *erp_values[] = { "", "KMD OPUS", "EG ØS Indsigt", "Fujitsu Prisme", "other" };

/* One item can show in two rows: its checklist and the integrations. */
typedef struct
{
  StyrChecklistItem *item;
  GPtrArray         *rows;
  GPtrArray         *checks;
} ItemRow;

static void
item_row_free (ItemRow *row)
{
  g_clear_object (&row->item);
  g_ptr_array_unref (row->rows);
  g_ptr_array_unref (row->checks);
  g_free (row);
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

static void update_all (StyrOirPage *self);

static void
erp_selected_cb (StyrOirPage *self)
{
  if (self->settings != NULL &&
      g_strcmp0 (g_settings_get_string (self->settings, "erp-system"), chosen_erp (self)) != 0)
    g_settings_set_string (self->settings, "erp-system", chosen_erp (self));

  if (self->store != NULL)
    {
      show_erp_meeting (self);
      update_all (self);
    }
}

/* What a row says under the item's text: due, who, done, what blocks it. */
static char *
describe_item (StyrOirPage            *self,
               StyrChecklistItem      *item,
               StyrChecklistItemState *state,
               gboolean               *overdue)
{
  StyrRecord *record = STYR_RECORD (item);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean done = styr_work_is_done (self->store, styr_record_get_id (record));
  g_autofree char *task_id = styr_work_same_task (self->store, styr_record_get_body (record));
  const char *role = styr_checklist_item_get_owner_role (item);
  const char *approx = styr_record_get_string (record, "due_approx");
  const char *note = state != NULL ? styr_record_get_string (STYR_RECORD (state), "note") : NULL;
  g_auto(GStrv) depends_on = styr_checklist_item_dup_depends_on (item);
  g_auto(GStrv) blocked = styr_work_blocked_by (self->store, (const char * const *) depends_on);
  JsonArray *options = styr_record_get_array (record, "options");
  GDate due, today;

  styr_clock_get_today (self->clock, &today);
  *overdue = styr_checklist_item_is_overdue (self->store, item, state, &today);

  if (styr_checklist_item_get_due (item, &due))
    {
      g_autofree char *date = styr_date_to_user (styr_record_get_string (record, "due"));
      g_autofree char *left = styr_work_describe_due (&due, &today, done);

      /* Translators: a checklist item's due date, then e.g. "(3 days left)". */
      g_ptr_array_add (parts, left != NULL ? g_strdup_printf (_("Due %s (%s)"), date, left)
                                           : g_strdup_printf (_("Due %s"), date));
    }
  else if (approx != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), approx));

  if (styr_record_get_string (record, "date") != NULL)
    {
      g_autofree char *date = styr_date_to_user (styr_record_get_string (record, "date"));

      /* Translators: the day a checklist item (such as a kick-off) takes place. */
      g_ptr_array_add (parts, g_strdup_printf (_("On %s"), date));
    }

  if (role != NULL)
    {
      g_autofree char *role_id = g_strconcat ("role:", role, NULL);
      g_autoptr(JsonObject) role_body = styr_store_get (self->store, role_id, NULL, NULL);
      g_autofree char *holder = styr_role_holder_name (self->store, role, &today);
      const char *name = role_body != NULL
                         ? json_object_get_string_member_with_default (role_body, "name", role)
                         : role;

      /* Translators: the role responsible for a checklist item and who holds it. */
      g_ptr_array_add (parts, holder != NULL ? g_strdup_printf (_("Responsible: %s (%s)"), name, holder)
                                             : g_strdup_printf (_("Responsible: %s (vacant)"), name));
    }

  /* The item that offers one meeting per ERP vendor shows the one that
   * applies. */
  for (guint i = 0; options != NULL && i < json_array_get_length (options); i++)
    {
      JsonObject *option = json_array_get_object_element (options, i);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *when = NULL;

      if (option == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (option, "erp", NULL),
                     chosen_erp (self)) != 0)
        continue;
      start = g_date_time_new_from_iso8601 (json_object_get_string_member (option, "start"), NULL);
      end = g_date_time_new_from_iso8601 (json_object_get_string_member (option, "end"), NULL);
      if (start == NULL)
        continue;
      if (end != NULL)
        when = styr_format_slot (&(StyrSlot) { start, end, FALSE });
      else
        when = styr_format_moment (start);
      /* Translators: %s is the meeting's time. */
      g_ptr_array_add (parts, g_strdup_printf (_("Your meeting: %s"), when));
    }

  if (task_id != NULL)
    {
      g_autofree char *title = styr_work_title (self->store, task_id);

      /* Translators: an ØiR item that is the same step as a KLIK task; %s is the task. */
      g_ptr_array_add (parts, g_strdup_printf (_("One step with the KLIK task “%s”: ticking "
                                                 "one completes the other"), title));
    }
  else if (done && state != NULL)
    {
      const char *by = styr_record_get_string (STYR_RECORD (state), "done_by");
      g_autofree char *on = styr_date_to_user (styr_record_get_string (STYR_RECORD (state),
                                                                       "done_on"));

      /* Translators: who ticked a checklist item and when. */
      g_ptr_array_add (parts, g_strdup_printf (_("Done by %s on %s"), by != NULL ? by : "–", on));
    }

  for (guint i = 0; blocked != NULL && blocked[i] != NULL; i++)
    {
      g_autofree char *title = styr_work_title (self->store, blocked[i]);

      /* Translators: %s is what must be done before a checklist item. */
      g_ptr_array_add (parts, g_strdup_printf (_("Waits for “%s”"), title));
    }

  if (note != NULL && note[0] != '\0')
    /* Translators: the municipality's own note on a checklist item. */
    g_ptr_array_add (parts, g_strdup_printf (_("Note: %s"), note));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static void
update_item (StyrOirPage *self,
             ItemRow     *entry)
{
  g_autoptr(StyrChecklistItemState) state = NULL;
  g_autofree char *described = NULL;
  g_autofree char *subtitle = NULL;
  gboolean overdue = FALSE;
  gboolean done;

  state = styr_checklist_item_load_state (self->store, styr_record_get_id (STYR_RECORD (entry->item)));
  done = styr_work_is_done (self->store, styr_record_get_id (STYR_RECORD (entry->item)));
  described = describe_item (self, entry->item, state, &overdue);
  styr_work_read_sync_marks (self->store, STYR_RECORD (entry->item));
  subtitle = styr_ui_mark_sync (STYR_RECORD (entry->item), described);

  for (guint i = 0; i < entry->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (entry->rows, i);
      GtkWidget *check = g_ptr_array_index (entry->checks, i);
      GtkWidget *warning = g_object_get_data (G_OBJECT (row), "styr-warning");

      g_object_set_data (G_OBJECT (check), "styr-updating", GINT_TO_POINTER (TRUE));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done);
      g_object_set_data (G_OBJECT (check), "styr-updating", NULL);
      const char *transport = g_object_get_data (G_OBJECT (row), "styr-integration");

      /* An integration row says how it is carried, and who ticked it. */
      if (transport == NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      else if (done && state != NULL)
        {
          g_autofree char *on = styr_date_to_user (styr_record_get_string (STYR_RECORD (state),
                                                                           "done_on"));
          g_autofree char *text = NULL;

          /* Translators: an integration's transport, then who ticked it and when. */
          text = g_strdup_printf (_("%s · done by %s on %s"), transport,
                                  styr_record_get_string (STYR_RECORD (state), "done_by") ?: "–",
                                  on);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), transport);
      gtk_widget_set_visible (warning, overdue);
    }
}

static void
update_progress (StyrOirPage *self)
{
  GHashTableIter iter;
  gpointer key, group;

  g_hash_table_iter_init (&iter, self->progress);
  while (g_hash_table_iter_next (&iter, &key, &group))
    {
      g_autofree char *text = NULL;
      GtkLevelBar *bar = g_object_get_data (group, "styr-bar");
      guint done = 0, total = 0;

      if (!styr_checklist_progress (self->store, key, &done, &total, NULL))
        continue;
      /* Translators: a checklist's progress. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item done",
                                           "%u of %u items done", total), done, total);
      adw_preferences_group_set_description (group, text);
      gtk_level_bar_set_value (bar, total > 0 ? (double) done / total : 0);
    }
}

static void
update_all (StyrOirPage *self)
{
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    update_item (self, entry);
  update_progress (self);
}

typedef struct
{
  StyrOirPage *page;
  char        *item_id;
} Tick;

static void
tick_free (Tick *tick)
{
  g_object_unref (tick->page);
  g_free (tick->item_id);
  g_free (tick);
}

static void
write_tick (StyrOirPage *self,
            const char  *item_id,
            gboolean     done)
{
  ItemRow *entry = g_hash_table_lookup (self->rows, item_id);
  g_autoptr(StyrChecklistItemState) state = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (entry == NULL)
    return;

  styr_clock_get_today (self->clock, &today);
  state = styr_checklist_item_load_state (self->store, item_id);
  if (!styr_checklist_item_set_done (self->store, entry->item,
                                     state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                                     done, styr_ui_author (), &today, NULL, &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
  update_item (self, entry);
}

static void
tick_confirmed_cb (gboolean confirmed,
                   gpointer user_data)
{
  Tick *tick = user_data;
  ItemRow *entry = g_hash_table_lookup (tick->page->rows, tick->item_id);

  if (confirmed)
    write_tick (tick->page, tick->item_id, TRUE);
  else if (entry != NULL)
    update_item (tick->page, entry);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  StyrOirPage    *self)
{
  const char *item_id = g_object_get_data (G_OBJECT (check), "styr-item");
  ItemRow *entry = g_hash_table_lookup (self->rows, item_id);
  gboolean active = gtk_check_button_get_active (check);
  g_auto(GStrv) depends_on = NULL;
  g_auto(GStrv) blocked = NULL;
  Tick *tick;

  if (entry == NULL || g_object_get_data (G_OBJECT (check), "styr-updating") != NULL)
    return;

  depends_on = styr_checklist_item_dup_depends_on (entry->item);
  blocked = styr_work_blocked_by (self->store, (const char * const *) depends_on);
  if (!active || blocked == NULL || blocked[0] == NULL)
    {
      write_tick (self, item_id, active);
      return;
    }

  tick = g_new0 (Tick, 1);
  tick->page = g_object_ref (self);
  tick->item_id = g_strdup (item_id);
  styr_ui_confirm_blocked (GTK_WIDGET (self), self->store,
                           styr_checklist_item_get_text (entry->item),
                           (const char * const *) blocked, tick_confirmed_cb, tick,
                           (GDestroyNotify) tick_free);
}

static GtkWidget *
item_row_new (StyrOirPage       *self,
              StyrChecklistItem *item,
              const char        *title)
{
  const char *id = styr_record_get_id (STYR_RECORD (item));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  ItemRow *entry = g_hash_table_lookup (self->rows, id);

  if (entry == NULL)
    {
      entry = g_new0 (ItemRow, 1);
      entry->item = g_object_ref (item);
      entry->rows = g_ptr_array_new ();
      entry->checks = g_ptr_array_new ();
      g_hash_table_insert (self->rows, g_strdup (id), entry);
    }
  g_ptr_array_add (entry->rows, row);
  g_ptr_array_add (entry->checks, check);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "styr-item", g_strdup (id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  styr_ui_set_tooltip (warning, _("Overdue"));
  gtk_widget_add_css_class (warning, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overdue"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
  g_object_set_data (G_OBJECT (row), "styr-warning", warning);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), styr_ui_provenance_tag (STYR_RECORD (item)));

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  styr_ui_set_tooltip (edit, _("Note and Details"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note and Details"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "oir.edit-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  return row;
}

static void
clear_groups (StyrOirPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->preferences_page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = 0; i < self->integration_rows->len; i++)
    adw_preferences_group_remove (self->integrations_group,
                                  g_ptr_array_index (self->integration_rows, i));
  g_ptr_array_set_size (self->integration_rows, 0);

  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->progress);
}

static void
add_template_changes (StyrOirPage         *self,
                      AdwPreferencesGroup *group,
                      const char          *key)
{
  g_autoptr(GPtrArray) changes = styr_checklist_template_changes (self->store, key, NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *expander;
  GtkWidget *dismiss;
  guint added = 0;

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
  adw_preferences_group_add (group, expander);
}

static AdwPreferencesGroup *
checklist_group_new (StyrOirPage *self,
                     const char  *id,
                     const char  *title)
{
  const char *key = strchr (id, ':') + 1;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *add_label = NULL;

  adw_preferences_group_set_title (group, title);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress"), -1);
  gtk_box_append (GTK_BOX (suffix), bar);

  /* Translators: the button that adds an item to the checklist %s. */
  add_label = g_strdup_printf (_("Add Item to “%s”"), title);
  styr_ui_set_tooltip (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label,
                                  -1);
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "oir.add-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", key);
  gtk_box_append (GTK_BOX (suffix), add);
  adw_preferences_group_set_header_suffix (group, suffix);

  g_object_set_data (G_OBJECT (group), "styr-bar", bar);
  g_hash_table_insert (self->progress, g_strdup (key), group);
  add_template_changes (self, group, key);
  return group;
}

static void
add_integration_row (StyrOirPage       *self,
                     StyrChecklistItem *item)
{
  JsonObject *integration = styr_checklist_item_get_integration (item);
  const char *name = json_object_get_string_member_with_default (integration, "name", NULL);
  const char *version = json_object_get_string_member_with_default (integration, "version", NULL);
  const char *transport = json_object_get_string_member_with_default (integration, "transport",
                                                                      NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  GtkWidget *row;

  g_string_append_printf (title, "%s: %s",
                          json_object_get_string_member (integration, "system"),
                          json_object_get_string_member (integration, "service"));
  if (name != NULL)
    g_string_append_printf (title, " %s", name);
  if (version != NULL)
    g_string_append_printf (title, " v%s", version);

  row = item_row_new (self, item, title->str);
  g_object_set_data_full (G_OBJECT (row), "styr-integration",
                          g_strdup (transport != NULL ? transport : ""), g_free);
  adw_preferences_group_add (self->integrations_group, row);
  g_ptr_array_add (self->integration_rows, row);
}

static int
compare_integrations (gconstpointer a,
                      gconstpointer b)
{
  JsonObject *ia = styr_checklist_item_get_integration (*(StyrChecklistItem **) a);
  JsonObject *ib = styr_checklist_item_get_integration (*(StyrChecklistItem **) b);
  int by_system = g_strcmp0 (json_object_get_string_member (ia, "system"),
                             json_object_get_string_member (ib, "system"));

  return by_system != 0 ? -by_system
                        : g_strcmp0 (json_object_get_string_member (ia, "service"),
                                     json_object_get_string_member (ib, "service"));
}

/* The item whose row has the focus, if one has. */
static char *
focused_item (StyrOirPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GHashTableIter iter;
  gpointer id, value;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      ItemRow *entry = value;

      for (guint i = 0; i < entry->rows->len; i++)
        if (focus == g_ptr_array_index (entry->rows, i) ||
            gtk_widget_is_ancestor (focus, g_ptr_array_index (entry->rows, i)))
          return g_strdup (id);
    }
  return NULL;
}

/* The checklist whose group has the focus, as its Add button has. */
static char *
focused_checklist (StyrOirPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GHashTableIter iter;
  gpointer key, group;

  g_hash_table_iter_init (&iter, self->progress);
  while (focus != NULL && g_hash_table_iter_next (&iter, &key, &group))
    if (gtk_widget_is_ancestor (focus, group))
      return g_strdup (key);
  return NULL;
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
 * the scroll, which the focus may have moved. */
static gboolean
restore_place_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  StyrOirPage *self = STYR_OIR_PAGE (widget);
  Place *place = user_data;
  ItemRow *entry = place->item_id != NULL ? g_hash_table_lookup (self->rows, place->item_id)
                                          : NULL;

  GtkWidget *group = place->checklist != NULL ? g_hash_table_lookup (self->progress,
                                                                     place->checklist) : NULL;

  /* The focus stays with the item; a deleted one's goes to its list's
   * Add button, nearby, not to the top of the page. */
  if (entry != NULL && entry->checks->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (entry->checks, 0));
  else if (entry != NULL && entry->rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (entry->rows, 0));
  else if (group != NULL)
    gtk_widget_grab_focus (gtk_widget_get_last_child (
      adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group))));
  styr_ui_set_scroll (widget, place->scroll);
  return G_SOURCE_REMOVE;
}

static void
rebuild (StyrOirPage *self)
{
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GPtrArray) integrations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  Place *place = g_new0 (Place, 1);

  /* A change of one item builds the lists anew; the user stays where
   * they were, not thrown back to the top. */
  place->scroll = styr_ui_get_scroll (GTK_WIDGET (self));
  place->item_id = focused_item (self);
  if (place->item_id != NULL)
    {
      ItemRow *entry = g_hash_table_lookup (self->rows, place->item_id);

      place->checklist = g_strdup (styr_checklist_item_get_checklist (entry->item));
    }
  else
    place->checklist = focused_checklist (self);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_place_cb, place,
                                (GDestroyNotify) place_free);
  clear_groups (self);
  checklists = styr_checklist_list_ticked (self->store, NULL, &error);
  if (checklists == NULL)
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  /* The add button stays last. */
  g_object_ref (self->add_group);
  adw_preferences_page_remove (self->preferences_page, self->add_group);

  for (guint i = 0; i < checklists->len; i++)
    {
      StyrRecord *checklist = g_ptr_array_index (checklists, i);
      const char *id = styr_record_get_id (checklist);
      g_autoptr(GPtrArray) items = NULL;
      AdwPreferencesGroup *group;

      items = styr_checklist_list_items (self->store, styr_record_get_key (checklist), NULL);
      group = checklist_group_new (self, id, styr_record_get_string (checklist, "title") ?: id);
      for (guint j = 0; items != NULL && j < items->len; j++)
        {
          StyrChecklistItem *item = g_ptr_array_index (items, j);

          adw_preferences_group_add (group,
                                     item_row_new (self, item, styr_checklist_item_get_text (item)));
          if (styr_checklist_item_get_integration (item) != NULL)
            g_ptr_array_add (integrations, g_object_ref (item));
        }
      adw_preferences_page_add (self->preferences_page, group);
      g_ptr_array_add (self->groups, group);
    }

  adw_preferences_page_add (self->preferences_page, self->add_group);
  g_object_unref (self->add_group);

  g_ptr_array_sort (integrations, compare_integrations);
  for (guint i = 0; i < integrations->len; i++)
    add_integration_row (self, g_ptr_array_index (integrations, i));
  gtk_widget_set_visible (GTK_WIDGET (self->integrations_group), integrations->len > 0);

  update_all (self);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  StyrOirPage *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A catalogue import changes many items at once: build once after it. */
static void
structure_changed_cb (StyrOirPage *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle, self);
}

/* Actions */

static void
add_checklist_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           StyrOirPage      *self)
{
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "styr-title");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "accept") &&
      !styr_checklist_save_local (self->store, gtk_editable_get_text (title), styr_ui_author (),
                                  NULL, &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
add_checklist_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StyrOirPage *self = STYR_OIR_PAGE (widget);
  GtkWidget *title = adw_entry_row_new ();
  AdwMessageDialog *dialog;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  dialog = styr_ui_form_dialog (GTK_WIDGET (self), _("Add Own Checklist"), _("_Add"), styr_ui_boxed_list (title, NULL));
  g_object_set_data (G_OBJECT (dialog), "styr-title", title);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_checklist_response_cb), self, 0);
  styr_ui_form_check (dialog, ADW_ENTRY_ROW (title), styr_ui_check_required);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title);
}

static void
add_item_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      StyrOirPage      *self)
{
  GtkEditable *text = g_object_get_data (G_OBJECT (dialog), "styr-text");
  GtkEditable *due = g_object_get_data (G_OBJECT (dialog), "styr-due");
  const char *checklist = g_object_get_data (G_OBJECT (dialog), "styr-checklist");
  const char *due_text = gtk_editable_get_text (due);
  g_autofree char *due_iso = styr_date_from_user (due_text);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept"))
    return;

  /* The dialog cannot be sent with a date that is none. */
  if (due_iso == NULL && due_text[0] != '\0')
    return;

  json_object_set_string_member (fields, "text", gtk_editable_get_text (text));
  if (due_iso != NULL)
    json_object_set_string_member (fields, "due", due_iso);
  if (!styr_checklist_add_item (self->store, checklist, fields, styr_ui_author (), NULL, &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StyrOirPage *self = STYR_OIR_PAGE (widget);
  GtkWidget *text = adw_entry_row_new ();
  GtkWidget *due = adw_entry_row_new ();
  AdwMessageDialog *dialog;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (text), _("Text"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due), _("Due (day-month-year, optional)"));
  dialog = styr_ui_form_dialog (GTK_WIDGET (self), _("Add Item"), _("_Add"), styr_ui_boxed_list (text, due));
  g_object_set_data (G_OBJECT (dialog), "styr-text", text);
  g_object_set_data (G_OBJECT (dialog), "styr-due", due);
  g_object_set_data_full (G_OBJECT (dialog), "styr-checklist",
                          g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_item_response_cb), self, 0);
  styr_ui_form_check (dialog, ADW_ENTRY_ROW (text), styr_ui_check_required);
  styr_ui_form_check (dialog, ADW_ENTRY_ROW (due), styr_ui_check_date);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text);
}

static void
delete_own_item (StyrOirPage       *self,
                 StyrChecklistItem *item,
                 const char        *seen_rev)
{
  const char *id = styr_record_get_id (STYR_RECORD (item));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  /* Translators: a toast after deleting an own task. */
  title = g_strdup_printf (_("“%s” was deleted"), styr_checklist_item_get_text (item));
  if (!styr_checklist_delete_item (self->store, id, seen_rev, styr_ui_author (), NULL,
                                   &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  styr_ui_toast (GTK_WIDGET (self), title, TRUE);
}

/* The text and due date of an own item, if the dialog changed them. */
static gboolean
save_own_item (StyrOirPage       *self,
               AdwMessageDialog  *dialog,
               StyrChecklistItem *item)
{
  GtkEditable *text_row = g_object_get_data (G_OBJECT (dialog), "styr-text");
  GtkEditable *due_row = g_object_get_data (G_OBJECT (dialog), "styr-due");
  const char *due_text = gtk_editable_get_text (due_row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (text_row)));
  g_autofree char *due = styr_date_from_user (due_text);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;

  /* The dialog cannot be sent with a date that is none. */
  if (due == NULL && due_text[0] != '\0')
    return FALSE;
  if (g_strcmp0 (text, styr_checklist_item_get_text (item)) == 0 &&
      g_strcmp0 (due, styr_record_get_string (STYR_RECORD (item), "due")) == 0)
    return TRUE;

  json_object_set_string_member (changes, "text", text);
  if (due != NULL)
    json_object_set_string_member (changes, "due", due);
  else
    json_object_set_null_member (changes, "due");
  if (!styr_checklist_update_item (self->store, styr_record_get_id (STYR_RECORD (item)),
                                   g_object_get_data (G_OBJECT (dialog), "styr-item-rev"),
                                   changes, styr_ui_author (), &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

static void
delete_clicked_cb (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "delete");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
edit_item_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       StyrOirPage      *self)
{
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "styr-note");
  const char *item_id = g_object_get_data (G_OBJECT (dialog), "styr-item");
  StyrChecklistItem *item = g_object_get_data (G_OBJECT (dialog), "styr-own-item");
  g_autofree char *state_id = styr_work_state_id (item_id);
  g_autoptr(StyrChecklistItemState) state = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (item != NULL && g_str_equal (response, "delete"))
    delete_own_item (self, item, g_object_get_data (G_OBJECT (dialog), "styr-item-rev"));
  if (!g_str_equal (response, "accept") || (item != NULL && !save_own_item (self, dialog, item)))
    return;

  state = styr_checklist_item_load_state (self->store, item_id);
  text = g_strstrip (g_strdup (gtk_editable_get_text (note)));
  if (g_strcmp0 (text, state != NULL ? styr_record_get_string (STYR_RECORD (state), "note") : NULL) == 0 ||
      (text[0] == '\0' && (state == NULL || styr_record_get_string (STYR_RECORD (state), "note") == NULL)))
    return;

  if (text[0] == '\0')
    json_object_set_null_member (changes, "note");
  else
    json_object_set_string_member (changes, "note", text);
  if (!styr_work_update_state (self->store, state_id,
                               state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                               changes, styr_ui_author (), NULL, &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StyrOirPage *self = STYR_OIR_PAGE (widget);
  const char *item_id = g_variant_get_string (parameter, NULL);
  ItemRow *entry = g_hash_table_lookup (self->rows, item_id);
  g_autoptr(StyrChecklistItemState) state = styr_checklist_item_load_state (self->store, item_id);
  GtkWidget *note = adw_entry_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *history = g_object_new (STYR_TYPE_HISTORY_GROUP, NULL);
  g_autofree char *state_id = styr_work_state_id (item_id);
  AdwMessageDialog *dialog;
  GtkWidget *text = NULL;
  GtkWidget *due = NULL;
  gboolean own;

  if (entry == NULL)
    return;
  own = styr_work_record_is_own (STYR_RECORD (entry->item));
  /* The municipality's own items can be re-worded, re-dated and deleted. */
  if (own)
    {
      g_autofree char *due_text = styr_date_to_user (styr_record_get_string (STYR_RECORD (entry->item),
                                                                             "due"));

      text = adw_entry_row_new ();
      due = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (text), _("Text"));
      gtk_editable_set_text (GTK_EDITABLE (text), styr_checklist_item_get_text (entry->item));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due), _("Due (day-month-year, optional)"));
      gtk_editable_set_text (GTK_EDITABLE (due), due_text != NULL ? due_text : "");
      gtk_box_append (GTK_BOX (box), styr_ui_boxed_list (text, due));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note"));
  if (state != NULL)
    gtk_editable_set_text (GTK_EDITABLE (note),
                           styr_record_get_string (STYR_RECORD (state), "note") ?: "");
  gtk_box_append (GTK_BOX (box), styr_ui_boxed_list (note, NULL));

  /* Who ticked and unticked it, and when. */
  styr_history_group_set_describers (STYR_HISTORY_GROUP (history), styr_work_field_label,
                                     styr_work_describe_value);
  if (state != NULL)
    {
      styr_history_group_show (STYR_HISTORY_GROUP (history), self->store, state_id);
      gtk_box_append (GTK_BOX (box), history);
    }

  dialog = styr_ui_form_dialog (GTK_WIDGET (self), styr_checklist_item_get_text (entry->item), _("_Save"), box);
  g_object_set_data (G_OBJECT (dialog), "styr-note", note);
  g_object_set_data_full (G_OBJECT (dialog), "styr-item", g_strdup (item_id), g_free);
  if (own)
    {
      /* Apart from Save, as in GNOME's own editors; a deletion can be
       * undone. */
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete"));

      gtk_widget_add_css_class (delete, "destructive-action");
      gtk_widget_set_halign (delete, GTK_ALIGN_CENTER);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked_cb), dialog,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), delete);
      g_object_set_data_full (G_OBJECT (dialog), "styr-own-item", g_object_ref (entry->item),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (dialog), "styr-item-rev",
                              g_strdup (styr_record_get_rev (STYR_RECORD (entry->item))), g_free);
      g_object_set_data (G_OBJECT (dialog), "styr-text", text);
      g_object_set_data (G_OBJECT (dialog), "styr-due", due);
      styr_ui_form_check (dialog, ADW_ENTRY_ROW (text), styr_ui_check_required);
      styr_ui_form_check (dialog, ADW_ENTRY_ROW (due), styr_ui_check_date);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_item_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  update_all (self);
}

static void
styr_oir_page_constructed (GObject *object)
{
  StyrOirPage *self = (StyrOirPage *)object;
  const char *structure[] = { "checklist", "checklist-item" };
  const char *content[] = { "checklist-item-state", "assignment", "person", "role", "task-state" };

  G_OBJECT_CLASS (styr_oir_page_parent_class)->constructed (object);

  /* Borrowed from StyrPage, which holds them. */
  self->store = styr_page_get_store (STYR_PAGE (self));
  self->clock = styr_page_get_clock (STYR_PAGE (self));
  self->settings = styr_page_get_settings (STYR_PAGE (self));

  {
    g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));

    self->thresholds = context->thresholds;
  }
  for (guint i = 0; i < G_N_ELEMENTS (structure); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", structure[i], NULL);

      g_signal_connect_object (self->store, signal, G_CALLBACK (structure_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < G_N_ELEMENTS (content); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", content[i], NULL);

      g_signal_connect_object (self->store, signal, G_CALLBACK (update_all), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->store, "documents-changed::meeting",
                           G_CALLBACK (show_erp_meeting), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "sync-marks-changed", G_CALLBACK (update_all), self,
                           G_CONNECT_SWAPPED);

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
  ItemRow *entry;
  GtkWidget *group;

  if (self->rebuild_source != 0)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild (self);
    }
  entry = g_hash_table_lookup (self->rows, id);
  group = g_str_has_prefix (id, "checklist:") ? g_hash_table_lookup (self->progress, id + 10)
                                              : NULL;
  if (entry != NULL && entry->checks->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (entry->checks, 0));
  else if (group != NULL)
    gtk_widget_grab_focus (gtk_widget_get_last_child (
      adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group))));
  return entry != NULL || group != NULL;
}

static void
styr_oir_page_dispose (GObject *object)
{
  StyrOirPage *self = (StyrOirPage *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_OIR_PAGE);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->progress, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->integration_rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, StyrOirPage, add_group);
  gtk_widget_class_bind_template_callback (widget_class, erp_selected_cb);

  gtk_widget_class_install_action (widget_class, "oir.add-checklist", NULL, add_checklist_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "oir.add-checklist", NULL);
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
  self->groups = g_ptr_array_new ();
  self->integration_rows = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) item_row_free);
  self->progress = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
