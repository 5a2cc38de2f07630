/* styr-meetings-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-calendar-files.h"
#include "styr-checklist-item.h"
#include "styr-format.h"
#include "styr-json.h"
#include "styr-meeting-actions.h"
#include "styr-meeting-editor.h"
#include "styr-meetings-page.h"
#include "styr-page.h"
#include "styr-month-view.h"
#include "styr-municipality.h"
#include "styr-task.h"
#include "styr-meeting-model.h"
#include "styr-meeting-row.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrMeetingsPage: the programme-leader meetings with their two
 * alternative dates, and the side meetings, in a month view and a list
 * bound to a StyrMeetingModel; the StyrMeetingEditor beside them shows
 * the one selected. The page holds the "meetings." actions the editor's
 * buttons call: pick the date, register, write calendar files. Everything
 * the municipality decides goes to the meeting's state document.
 */
struct _StyrMeetingsPage
{
  StyrPage        parent_instance;

  StyrStore      *store;
  StyrClock      *clock;
  GSettings      *settings;
  StyrCalendarFiles *files;

  StyrMeetingModel *meetings;
  char           *selected_id;
  /* The meeting the user was asked about after registering. */
  char           *asked_id;
  GListModel     *municipalities;
  guint           reload_source;

  StyrMonthView  *month_view;
  GtkCheckButton *deadlines_check;
  GtkListBox     *meeting_list;
  GtkStack       *detail_stack;
  StyrMeetingEditor *editor;
};

G_DEFINE_FINAL_TYPE (StyrMeetingsPage, styr_meetings_page, STYR_TYPE_PAGE)

static void
slot_day (StyrSlot *slot,
          GDate    *day)
{
  styr_slot_get_day (slot, day);
}

static StyrMeeting *
find_meeting (StyrMeetingsPage *self,
              const char       *id)
{
  StyrMeetingEntry *entry = styr_meeting_model_find (self->meetings, id, NULL);

  return entry != NULL ? styr_meeting_entry_get_meeting (entry) : NULL;
}

/* The month view */

static void
mark_deadlines (StyrMeetingsPage *self,
                const char       *type,
                const char       *date_field)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (self->store, type, NULL, NULL, NULL, NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = styr_store_get (self->store, id, NULL, NULL);
      g_autoptr(StyrRecord) record = body != NULL ? styr_record_load (id, NULL, body) : NULL;
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;
      GDate day;

      if (record == NULL || !styr_record_get_date (record, date_field, &day) ||
          styr_work_is_done (self->store, id))
        continue;
      title = styr_work_title (self->store, id);
      /* Translators: a deadline in the month view; %s is the task or item. */
      text = g_strdup_printf (_("Deadline: %s"), title);
      styr_month_view_set_day (self->month_view, &day, STYR_DAY_DEADLINE, text);
    }
}

static void
update_marks (StyrMeetingsPage *self)
{
  GDate today;

  styr_month_view_clear (self->month_view);
  styr_clock_get_today (self->clock, &today);
  styr_month_view_set_today (self->month_view, &today);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->meetings)); i++)
    {
      StyrMeetingEntry *entry = styr_meeting_model_entry (self->meetings, i);
      StyrMeeting *meeting = styr_meeting_entry_get_meeting (entry);
      StyrMeetingState *state = styr_meeting_entry_get_state (entry);
      g_autoptr(GPtrArray) slots = styr_meeting_dup_effective_slots (meeting, state);
      int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
      gboolean programme = g_strcmp0 (styr_meeting_get_kind (meeting), "programme-leader") == 0;
      GDate day;

      for (guint s = 0; s < slots->len; s++)
        {
          StyrDayMarks marks = !programme ? STYR_DAY_SIDE_MEETING
                               : (int) s == chosen ? STYR_DAY_CHOSEN : STYR_DAY_OPTION;
          g_autofree char *text = NULL;

          slot_day (g_ptr_array_index (slots, s), &day);
          text = g_strdup_printf ("%s%s", styr_meeting_get_title (meeting),
                                  ((StyrSlot *) g_ptr_array_index (slots, s))->cancelled
                                  ? _(" (cancelled)")
                                  : marks == STYR_DAY_CHOSEN ? _(" (chosen)")
                                  : marks == STYR_DAY_OPTION ? _(" (alternative date)") : "");
          styr_month_view_set_day (self->month_view, &day, marks, text);
        }
      if (slots->len == 0 && styr_meeting_get_effective_date (meeting, state, &day))
        {
          g_autofree char *text = g_strdup_printf ("%s%s", styr_meeting_get_title (meeting),
                                                   styr_meeting_is_cancelled (state, 0)
                                                   ? _(" (cancelled)") : "");

          styr_month_view_set_day (self->month_view, &day, STYR_DAY_SIDE_MEETING, text);
        }
    }

  if (gtk_check_button_get_active (self->deadlines_check))
    {
      mark_deadlines (self, "task", "deadline");
      mark_deadlines (self, "checklist-item", "due");
    }
}

static void
marks_changed_cb (StyrMeetingsPage *self)
{
  if (self->store != NULL)
    update_marks (self);
}

/* The list */

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  gboolean upcoming = styr_meeting_entry_get_upcoming (
    styr_meeting_row_get_entry (STYR_MEETING_ROW (row)));
  gboolean was = before != NULL &&
                 styr_meeting_entry_get_upcoming (
                   styr_meeting_row_get_entry (STYR_MEETING_ROW (before)));
  GtkWidget *header = NULL;

  if (before == NULL || upcoming != was)
    {
      header = gtk_label_new (upcoming ? _("Upcoming") : _("Earlier"));
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_start (header, 6);
      gtk_widget_add_css_class (header, "heading");
    }
  gtk_list_box_row_set_header (row, header);
}

/* A meeting that passes stays where it is and changes its heading. */
static void
upcoming_changed_cb (GtkListBox *list)
{
  gtk_list_box_invalidate_headers (list);
}

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  g_signal_connect_object (item, "notify::upcoming", G_CALLBACK (upcoming_changed_cb), user_data,
                           G_CONNECT_SWAPPED);
  return styr_meeting_row_new (item);
}

/* The row of the meeting the detail shows stays selected when the rows
 * around it come and go. */
static void
keep_selected (StyrMeetingsPage *self)
{
  guint position;
  GtkListBoxRow *row;

  if (styr_meeting_model_find (self->meetings, self->selected_id, &position) == NULL)
    return;
  row = gtk_list_box_get_row_at_index (self->meeting_list, position);
  if (row != gtk_list_box_get_selected_row (self->meeting_list))
    gtk_list_box_select_row (self->meeting_list, row);
}

/* The detail */













static void
show_selected (StyrMeetingsPage *self)
{
  StyrMeetingEntry *entry = styr_meeting_model_find (self->meetings, self->selected_id, NULL);
  g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));

  gtk_stack_set_visible_child_name (self->detail_stack, entry != NULL ? "meeting" : "empty");
  styr_meeting_editor_show (self->editor, entry, self->municipalities, context->municipality);
}

static void
row_selected_cb (StyrMeetingsPage *self,
                 GtkListBoxRow    *row)
{
  const char *id = row != NULL ? styr_meeting_entry_get_id (
    styr_meeting_row_get_entry (STYR_MEETING_ROW (row))) : NULL;

  if (row == NULL || g_strcmp0 (id, self->selected_id) == 0)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  show_selected (self);
  adw_leaflet_navigate (ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self))),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
select_id (StyrMeetingsPage *self,
           const char       *id)
{
  guint position;
  GtkListBoxRow *row;

  if (styr_meeting_model_find (self->meetings, id, &position) == NULL)
    return;
  row = gtk_list_box_get_row_at_index (self->meeting_list, position);
  gtk_list_box_select_row (self->meeting_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
day_activated_cb (StyrMeetingsPage *self,
                  GDate            *day)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->meetings)); i++)
    {
      StyrMeeting *meeting = styr_meeting_entry_get_meeting (styr_meeting_model_entry (self->meetings,
                                                                                       i));
      g_autoptr(GPtrArray) slots = styr_meeting_dup_slots (meeting);
      GDate date;

      for (guint s = 0; s < slots->len; s++)
        {
          slot_day (g_ptr_array_index (slots, s), &date);
          if (g_date_compare (&date, day) == 0)
            {
              select_id (self, styr_record_get_id (STYR_RECORD (meeting)));
              return;
            }
        }
      if (styr_record_get_date (STYR_RECORD (meeting), "date", &date) &&
          g_date_compare (&date, day) == 0)
        {
          select_id (self, styr_record_get_id (STYR_RECORD (meeting)));
          return;
        }
    }
}

/* The list follows its model; the month view and the detail are drawn
 * anew, keeping the own notes as they are typed. */
static void
reload (StyrMeetingsPage *self)
{
  keep_selected (self);
  update_marks (self);
  show_selected (self);
}

static gboolean
reload_idle (gpointer user_data)
{
  StyrMeetingsPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (StyrMeetingsPage *self)
{
  /* Disposed: nothing to draw any more. */
  if (self->store == NULL)
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle, self);
}

/* Actions */

static void
choose_slot_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StyrMeetingsPage *self = STYR_MEETINGS_PAGE (widget);
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  int slot;
  StyrMeeting *meeting;

  g_variant_get (parameter, "(&si)", &id, &slot);
  meeting = find_meeting (self, id);
  if (meeting == NULL)
    return;

  state = styr_meeting_load_state (self->store, id);
  if (!styr_meeting_choose_slot (self->store, meeting,
                                 state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                                 slot, styr_ui_author (), NULL, &error))
    styr_ui_show_error (widget, error);
}

static void
mark_registered_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StyrMeetingsPage *self = STYR_MEETINGS_PAGE (widget);
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  gboolean registered;
  StyrMeeting *meeting;
  GDate today;

  g_variant_get (parameter, "(&sb)", &id, &registered);
  meeting = find_meeting (self, id);
  if (meeting == NULL)
    return;

  styr_clock_get_today (self->clock, &today);
  state = styr_meeting_load_state (self->store, id);
  if (!styr_meeting_set_registered (self->store, meeting,
                                    state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                                    registered, styr_ui_author (), &today, NULL, &error))
    styr_ui_show_error (widget, error);
}

static void
registered_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        StyrMeetingsPage *self)
{
  if (g_str_equal (response, "registered") && self->asked_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.mark-registered", "(sb)",
                                self->asked_id, TRUE);
}

/* After the browser has had the registration page, ask how it went: the
 * conference page does not tell Styr. */
static void
uri_shown_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StyrMeetingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (source),
                                                       _("Did the Registration Succeed?"),
                                                       _("Styr records the registration with "
                                                         "today’s date once you confirm it.")));
  adw_message_dialog_add_responses (dialog, "not-yet", _("_Not Yet"),
                                    "registered", _("_Registered"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "registered", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "not-yet");
  g_free (self->asked_id);
  self->asked_id = g_strdup (self->selected_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (registered_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StyrMeeting *meeting = find_meeting (STYR_MEETINGS_PAGE (widget),
                                       g_variant_get_string (parameter, NULL));
  const char *url = meeting != NULL ? styr_meeting_get_registration_url (meeting) : NULL;

  if (url == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  styr_ui_toast (widget, _("The registration link was copied"), FALSE);
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StyrMeetingsPage *self = STYR_MEETINGS_PAGE (widget);
  StyrMeeting *meeting = find_meeting (self, g_variant_get_string (parameter, NULL));

  if (meeting == NULL || styr_meeting_get_registration_url (meeting) == NULL)
    return;

  /* Through the portal where there is one, so it works in the Flatpak. */
  gtk_show_uri_full (GTK_WINDOW (gtk_widget_get_root (widget)),
                     styr_meeting_get_registration_url (meeting), GDK_CURRENT_TIME, NULL,
                     uri_shown_cb, g_object_ref (self));
}





static gboolean
styr_meetings_page_select_record (StyrPage   *page,
                                  const char *id)
{
  if (!g_str_has_prefix (id, "meeting:"))
    return FALSE;
  select_id (STYR_MEETINGS_PAGE (page), id);
  return TRUE;
}

static void
styr_meetings_page_save_edits (StyrPage *page)
{
  styr_meeting_editor_save (STYR_MEETINGS_PAGE (page)->editor);
}

/* Ctrl+S, for those who look for it: saved now rather than in a moment. */
static void
save_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  styr_meeting_editor_save (STYR_MEETINGS_PAGE (widget)->editor);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  styr_calendar_files_add (STYR_MEETINGS_PAGE (widget)->files,
                           g_variant_get_string (parameter, NULL));
}

static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  styr_calendar_files_save (STYR_MEETINGS_PAGE (widget)->files, NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  styr_calendar_files_import (STYR_MEETINGS_PAGE (widget)->files);
}

/**
 * styr_meetings_page_import_bytes:
 * @self: a #StyrMeetingsPage
 * @bytes: an iCalendar invitation
 *
 * Previews the invitation's changes, to be confirmed, as "Import
 * Invitation…" does with the file chosen.
 */
void
styr_meetings_page_import_bytes (StyrMeetingsPage *self,
                                 GBytes           *bytes)
{
  g_return_if_fail (STYR_IS_MEETINGS_PAGE (self));

  styr_calendar_files_import_bytes (self->files, bytes);
}

static void
styr_meetings_page_constructed (GObject *object)
{
  StyrMeetingsPage *self = (StyrMeetingsPage *)object;
  const char *types[] = { "meeting", "meeting-state", "task-state", "checklist-item-state" };
  GDate today;

  G_OBJECT_CLASS (styr_meetings_page_parent_class)->constructed (object);

  /* Borrowed from StyrPage, which holds them. */
  self->store = styr_page_get_store (STYR_PAGE (self));
  self->clock = styr_page_get_clock (STYR_PAGE (self));
  self->settings = styr_page_get_settings (STYR_PAGE (self));
  self->files = styr_calendar_files_new (GTK_WIDGET (self), self->store, self->settings,
                                        self->clock);

  self->municipalities = styr_municipality_list_load (self->store, NULL);
  styr_meeting_editor_set_store (self->editor, self->store);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", types[i], NULL);

      g_signal_connect_object (self->store, signal, G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  self->meetings = styr_meeting_model_new (self->store, self->clock);
  gtk_list_box_bind_model (self->meeting_list, G_LIST_MODEL (self->meetings), create_meeting_row,
                           self->meeting_list, NULL);
  g_signal_connect_object (self->meetings, "items-changed", G_CALLBACK (keep_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_set_header_func (self->meeting_list, header_func, NULL, NULL);
  styr_clock_get_today (self->clock, &today);
  styr_month_view_show_month (self->month_view, &today);
  reload (self);
}

static void
styr_meetings_page_dispose (GObject *object)
{
  StyrMeetingsPage *self = (StyrMeetingsPage *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->asked_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_MEETINGS_PAGE);
  /* The notes saved as the editor went may have asked for a reload. */
  g_clear_handle_id (&self->reload_source, g_source_remove);

  g_clear_object (&self->meetings);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_object (&self->municipalities);
  g_clear_object (&self->files);
  self->store = NULL;
  self->clock = NULL;
  self->settings = NULL;

  G_OBJECT_CLASS (styr_meetings_page_parent_class)->dispose (object);
}

static void
styr_meetings_page_class_init (StyrMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = styr_meetings_page_constructed;
  object_class->dispose = styr_meetings_page_dispose;
  STYR_PAGE_CLASS (klass)->save_edits = styr_meetings_page_save_edits;
  STYR_PAGE_CLASS (klass)->select_record = styr_meetings_page_select_record;

  g_type_ensure (STYR_TYPE_MONTH_VIEW);
  g_type_ensure (STYR_TYPE_MEETING_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, deadlines_check);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, day_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, marks_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "meetings.choose-slot", "(si)",
                                   choose_slot_action);
  gtk_widget_class_install_action (widget_class, "meetings.mark-registered", "(sb)",
                                   mark_registered_action);
  gtk_widget_class_install_action (widget_class, "meetings.register", "s", register_action);
  gtk_widget_class_install_action (widget_class, "meetings.save-notes", NULL, save_notes_action);
  gtk_widget_class_install_action (widget_class, "meetings.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-all", NULL, export_all_action);
  gtk_widget_class_install_action (widget_class, "meetings.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "meetings.copy-registration-link", "s",
                                   copy_link_action);
}

static void
styr_meetings_page_init (StyrMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

}
