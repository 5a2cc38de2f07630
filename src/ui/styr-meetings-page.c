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
 * alternative dates, and the side meetings, in a month view and a list;
 * the detail picks the date, registers, shows the agenda and who came,
 * keeps own notes and questions, and writes calendar files. Everything the
 * municipality decides goes to the meeting's state document.
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
  /* The own notes and questions save as the user types, a moment after
   * the last key, and at once on leaving the meeting or the page; a reload
   * keeps them, the cursor and the focus. */
  GtkWidget      *notes_box;
  GtkTextView    *notes_view;
  GtkTextView    *questions_view;
  char           *notes_meeting_id;
  guint           save_id;
  GListModel     *municipalities;
  guint           reload_source;

  StyrMonthView  *month_view;
  GtkCheckButton *deadlines_check;
  GtkListBox     *meeting_list;
  GtkStack       *detail_stack;
  GtkBox         *detail_box;
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

static GtkWidget *
group (GtkBox     *box,
       const char *title,
       const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return group;
}

static GtkWidget *
text_row (GtkWidget  *group,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
slot_toggled_cb (GtkCheckButton   *check,
                 StyrMeetingsPage *self)
{
  if (!gtk_check_button_get_active (check) || g_object_get_data (G_OBJECT (check), "styr-quiet"))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "meetings.choose-slot", "(si)",
                              self->selected_id,
                              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "styr-slot")));
}

static void
show_dates (StyrMeetingsPage *self,
            StyrMeeting      *meeting,
            StyrMeetingState *state)
{
  g_autoptr(GPtrArray) slots = styr_meeting_dup_effective_slots (meeting, state);
  int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  GtkWidget *dates;
  GtkWidget *first = NULL;
  GDate day;

  if (slots->len == 0 && styr_meeting_get_effective_date (meeting, state, &day))
    {
      g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (&day),
                                                         g_date_get_month (&day),
                                                         g_date_get_day (&day), 12, 0, 0);
      g_autofree char *when = g_date_time_format (noon, "%A %d-%m-%Y");

      dates = group (self->detail_box, _("Date"), NULL);
      text_row (dates, when, styr_meeting_is_cancelled (state, 0) ? _("Cancelled by KOMBIT")
                             : styr_meeting_get_invitation (state, 0) != NULL
                             ? _("Date from the invitation") : NULL);
      return;
    }
  if (slots->len == 0)
    return;

  dates = group (self->detail_box, slots->len > 1 ? _("Choose a Date") : _("Date"),
                 slots->len > 1 && chosen < 0
                 ? _("KOMBIT offers two dates; the municipality takes one.") : NULL);
  for (guint s = 0; s < slots->len; s++)
    {
      g_autofree char *when = styr_format_slot (g_ptr_array_index (slots, s));
      gboolean invited = styr_meeting_get_invitation (state, (int) s) != NULL;
      StyrSlot *slot = g_ptr_array_index (slots, s);
      GtkWidget *row = text_row (dates, when,
                                 slot->cancelled ? _("Cancelled by KOMBIT")
                                 : invited ? _("Time from the invitation") : NULL);

      if (slots->len > 1)
        {
          GtkWidget *check = gtk_check_button_new ();

          if (first != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (first));
          else
            first = check;
          g_object_set_data (G_OBJECT (check), "styr-quiet", GINT_TO_POINTER (TRUE));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (int) s == chosen);
          g_object_set_data (G_OBJECT (check), "styr-quiet", NULL);
          g_object_set_data (G_OBJECT (check), "styr-slot", GINT_TO_POINTER (s));
          /* A date KOMBIT cancelled is no choice, though a choice made
           * before stays to be seen and changed. */
          gtk_widget_set_sensitive (check, !slot->cancelled || (int) s == chosen);
          g_signal_connect (check, "toggled", G_CALLBACK (slot_toggled_cb), self);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          when, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          if ((int) s == chosen)
            gtk_widget_add_css_class (row, "accent");
        }
    }
}

static void
registered_switched_cb (GtkSwitch        *toggle,
                        GParamSpec       *pspec,
                        StyrMeetingsPage *self)
{
  if (g_object_get_data (G_OBJECT (toggle), "styr-quiet"))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "meetings.mark-registered", "(sb)",
                              self->selected_id, gtk_switch_get_active (toggle));
}

/* Registering happens on KOMBIT's conference page, which Styr cannot see:
 * the page opens in the browser, its link can be copied to register from
 * elsewhere, and the user says by hand that the registration is done. */
static void
show_registration (StyrMeetingsPage *self,
                   StyrMeeting      *meeting,
                   StyrMeetingState *state)
{
  const char *url = styr_meeting_get_registration_url (meeting);
  gboolean registered = state != NULL && styr_meeting_state_get_registered (state);
  g_autofree char *on = NULL;
  g_autofree char *status = NULL;
  GtkWidget *registration;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *toggle;

  if (url == NULL && !registered)
    return;

  registration = group (self->detail_box, _("Registration"), NULL);
  if (url != NULL)
    {
      row = text_row (registration, _("Registration page"), url);
      button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      gtk_widget_set_tooltip_text (button, _("Copy Link"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meetings.copy-registration-link");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", self->selected_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      button = gtk_button_new_with_mnemonic (_("_Register…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      if (!registered)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meetings.register");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", self->selected_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  if (registered)
    {
      on = styr_date_to_user (styr_record_get_string (STYR_RECORD (state), "registered_on"));
      /* Translators: %s is the date the registration was recorded. */
      status = g_strdup_printf (_("Registered on %s"), on);
    }
  row = text_row (registration, _("_I have registered"),
                  registered ? status : _("Set this once the registration is made, also when "
                                          "it was made from another computer."));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (toggle), "styr-quiet", GINT_TO_POINTER (TRUE));
  gtk_switch_set_active (GTK_SWITCH (toggle), registered);
  g_object_set_data (G_OBJECT (toggle), "styr-quiet", NULL);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (registered_switched_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
}

static void
show_agenda (StyrMeetingsPage *self,
             StyrMeeting      *meeting,
             StyrMeetingState *state)
{
  g_autoptr(GPtrArray) agenda = styr_meeting_dup_agenda (meeting);
  g_autoptr(GPtrArray) invitations = styr_meeting_list_invitations (state);
  int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  const char *invited = NULL;
  GtkWidget *agenda_group;

  /* The text of the chosen date's invitation, else of the first with one. */
  for (guint i = 0; i < invitations->len; i++)
    {
      JsonObject *invitation = g_ptr_array_index (invitations, i);
      const char *text = styr_json_get_string (invitation, "description", NULL);

      if (text != NULL && (invited == NULL || styr_json_get_int (invitation, "slot", -1) == chosen))
        invited = text;
    }

  if (agenda->len == 0 && invited == NULL)
    return;

  agenda_group = group (self->detail_box, _("Agenda"),
                        styr_record_get_string (STYR_RECORD (meeting), "agenda_status"));
  for (guint i = 0; i < agenda->len; i++)
    {
      StyrAgendaItem *item = g_ptr_array_index (agenda, i);
      g_autofree char *title = item->start != NULL
                               ? g_strdup_printf ("%s–%s  %s", item->start,
                                                  item->end != NULL ? item->end : "", item->title)
                               : g_strdup (item->title);
      g_autofree char *presenters = item->presenters != NULL && item->presenters[0] != NULL
                                    ? g_strjoinv (", ", item->presenters) : NULL;
      g_autoptr(GString) under = g_string_new (presenters);
      GtkWidget *row;

      for (guint j = 0; item->subitems != NULL && item->subitems[j] != NULL; j++)
        g_string_append_printf (under, "%s• %s", under->len > 0 ? "\n" : "", item->subitems[j]);
      row = text_row (agenda_group, title, under->len > 0 ? under->str : NULL);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (invited != NULL)
    {
      GtkWidget *row = text_row (agenda_group, _("From the invitation"), invited);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
}

/* A line for each of KOMBIT's notes, or Styr's own, each under its own
 * heading so that Styr's are never taken for KOMBIT's. */
static void
note_rows (GtkWidget   *about,
           StyrMeeting *meeting,
           const char  *member,
           const char  *heading)
{
  g_auto(GStrv) notes = styr_record_dup_strv (STYR_RECORD (meeting), member);

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      GtkWidget *row = text_row (about, heading, notes[i]);

      gtk_widget_add_css_class (row, "property");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
}

/* What KOMBIT says about the meeting: for whom, whom to write to, who
 * from KOMBIT takes part, its notes, and where it comes from. */
static void
show_about (StyrMeetingsPage *self,
            StyrMeeting      *meeting)
{
  StyrRecord *record = STYR_RECORD (meeting);
  const char *audience = styr_record_get_string (record, "audience");
  const char *contact = styr_record_get_string (record, "contact");
  const char *location = styr_record_get_string (record, "location");
  g_auto(GStrv) staff = styr_record_dup_strv (record, "kombit_staff");
  g_autofree char *source = styr_provenance_describe (record);
  GtkWidget *about = group (self->detail_box, _("About the Meeting"), NULL);
  GtkWidget *row;

  if (audience != NULL)
    gtk_widget_add_css_class (text_row (about, _("Audience"), audience), "property");
  if (location != NULL)
    gtk_widget_add_css_class (text_row (about, _("Where"), location), "property");
  if (staff != NULL && staff[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", staff);

      row = text_row (about, _("From KOMBIT"), names);
      gtk_widget_add_css_class (row, "property");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (contact != NULL)
    {
      GtkWidget *write = gtk_button_new_from_icon_name ("mail-send-symbolic");
      g_autofree char *mailto = g_strconcat ("mailto:", contact, NULL);
      /* Translators: the button that writes to an address, e.g. implementering@kombit.dk. */
      g_autofree char *label = g_strdup_printf (_("Write to %s"), contact);

      row = text_row (about, _("Contact"), contact);
      gtk_widget_add_css_class (row, "property");
      gtk_widget_set_valign (write, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (write, "flat");
      styr_ui_set_tooltip (write, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (write), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (write), "win.open-link");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (write), "s", mailto);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), write);
    }
  note_rows (about, meeting, "notes", _("KOMBIT’s notes"));
  note_rows (about, meeting, "styr_notes", _("Notes added by Styr, not KOMBIT’s"));
  gtk_widget_add_css_class (text_row (about, _("Source"), source), "property");
}

static void
show_attendance (StyrMeetingsPage *self,
                 StyrMeeting      *meeting)
{
  g_autoptr(GPtrArray) attendance = styr_meeting_dup_attendance (meeting);
  g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));
  const char *own = context->municipality;
  g_autofree char *total_text = NULL;
  GtkWidget *attendees;
  GtkWidget *expander = NULL;
  const char *date = NULL;

  if (attendance->len == 0)
    return;

  /* Translators: the total of KOMBIT's attendance lists. */
  total_text = g_strdup_printf (_("%u attended in all"),
                                styr_meeting_attendance_total (meeting, NULL));
  attendees = group (self->detail_box, _("Attendees"), total_text);
  for (guint i = 0; i < attendance->len; i++)
    {
      StyrAttendance *entry = g_ptr_array_index (attendance, i);
      StyrMunicipality *municipality = self->municipalities != NULL
                                       ? styr_municipality_list_find (self->municipalities,
                                                                      entry->code) : NULL;
      g_autofree char *count = g_strdup_printf ("%d", entry->count);
      GtkWidget *row;

      if (expander == NULL || g_strcmp0 (date, entry->date) != 0)
        {
          g_autofree char *day = styr_date_to_user (entry->date);
          g_autofree char *subtitle = NULL;
          guint people = styr_meeting_attendance_total (meeting, entry->date);

          date = entry->date;
          expander = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), day);
          /* Translators: how many came on one day of a meeting. */
          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                                   people), people);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (attendees), expander);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     municipality != NULL
                                     ? styr_municipality_get_name (municipality) : entry->code);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (count));
      if (g_strcmp0 (own, entry->code) == 0)
        {
          /* The own municipality, marked in words as well. */
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Your municipality"));
          gtk_widget_add_css_class (row, "accent");
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
}

static GtkTextView *
text_area (GtkBox     *box,
           const char *title,
           const char *text)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (box, label);
  gtk_box_append (box, frame);
  return GTK_TEXT_VIEW (view);
}

static void notes_changed_cb (StyrMeetingsPage *self);

static void
show_notes (StyrMeetingsPage *self,
            StyrMeetingState *state,
            gboolean          typing)
{
  GtkWidget *box;
  GtkWidget *buttons;
  GtkWidget *export;
  g_auto(GStrv) questions = NULL;
  g_autofree char *joined = NULL;

  /* A reload of the same meeting keeps what is being typed; otherwise it
   * shows what is stored, a colleague's notes too. */
  if (self->notes_box != NULL && g_strcmp0 (self->notes_meeting_id, self->selected_id) == 0 &&
      (typing || self->save_id != 0))
    {
      gtk_box_append (self->detail_box, self->notes_box);
      return;
    }

  g_clear_pointer (&self->notes_box, g_object_unref);
  self->notes_view = self->questions_view = NULL;
  g_free (self->notes_meeting_id);
  self->notes_meeting_id = g_strdup (self->selected_id);
  questions = state != NULL ? styr_record_dup_strv (STYR_RECORD (state), "questions") : NULL;
  joined = questions != NULL ? g_strjoinv ("\n", questions) : g_strdup ("");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  export = gtk_button_new_with_mnemonic (_("Add to _Calendar"));
  self->notes_view = text_area (GTK_BOX (box), _("Own Notes"),
                                state != NULL
                                ? styr_record_get_string (STYR_RECORD (state), "notes") ?: ""
                                : "");
  self->questions_view = text_area (GTK_BOX (box), _("Questions to Raise (one per line)"),
                                    joined);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->questions_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "meetings.export");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (export), "s", self->selected_id);
  gtk_widget_set_hexpand (export, TRUE);
  gtk_widget_set_halign (export, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), export);
  gtk_box_append (GTK_BOX (box), buttons);
  self->notes_box = g_object_ref (box);
  gtk_box_append (self->detail_box, box);
}

static void
show_selected (StyrMeetingsPage *self)
{
  StyrMeeting *meeting = find_meeting (self, self->selected_id);
  g_autoptr(StyrMeetingState) state = NULL;
  GtkWidget *child;
  GtkWidget *title;
  GtkWidget *subtitle;
  g_autoptr(GString) about = g_string_new (NULL);
  const char *format;

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean typing = self->notes_box != NULL && focus != NULL &&
                    gtk_widget_is_ancestor (focus, self->notes_box);

  if (g_strcmp0 (self->notes_meeting_id, self->selected_id) != 0)
    styr_page_save_edits (STYR_PAGE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);

  gtk_stack_set_visible_child_name (self->detail_stack, meeting != NULL ? "meeting" : "empty");
  if (meeting == NULL)
    return;

  state = styr_meeting_load_state (self->store, self->selected_id);
  title = gtk_label_new (styr_meeting_get_title (meeting));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (self->detail_box, title);

  g_string_append (about, styr_meeting_kind_label (styr_meeting_get_kind (meeting)));
  format = styr_record_get_string (STYR_RECORD (meeting), "format");
  if (format != NULL)
    g_string_append_printf (about, " · %s", format);
  subtitle = gtk_label_new (about->str);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (self->detail_box, subtitle);

  show_dates (self, meeting, state);
  show_registration (self, meeting, state);
  show_agenda (self, meeting, state);
  show_about (self, meeting);
  show_attendance (self, meeting);
  show_notes (self, state, typing);
  if (typing && g_strcmp0 (self->notes_meeting_id, self->selected_id) == 0)
    gtk_widget_grab_focus (focus);
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
  const char *id = g_object_get_data (G_OBJECT (dialog), "styr-meeting");

  if (g_str_equal (response, "registered"))
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.mark-registered", "(sb)", id, TRUE);
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
  g_object_set_data_full (G_OBJECT (dialog), "styr-meeting", g_strdup (self->selected_id),
                          g_free);
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

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Writes the notes and questions on screen into their meeting's state,
 * if they differ from it. */
static gboolean
save_notes (StyrMeetingsPage *self)
{
  g_autofree char *notes = NULL;
  g_autofree char *questions = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) stored_questions = NULL;
  g_autofree char *stored_joined = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_id = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) kept_lines = NULL;
  JsonArray *list;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->notes_meeting_id == NULL || self->notes_view == NULL)
    return TRUE;

  notes = buffer_text (self->notes_view);
  questions = buffer_text (self->questions_view);
  lines = g_strsplit (questions, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      g_strv_builder_add (kept, lines[i]);
  kept_lines = g_strv_builder_end (kept);

  state = styr_meeting_load_state (self->store, self->notes_meeting_id);
  stored_questions = state != NULL ? styr_record_dup_strv (STYR_RECORD (state), "questions")
                                   : NULL;
  stored_joined = stored_questions != NULL ? g_strjoinv ("\n", stored_questions) : g_strdup ("");
  joined = g_strjoinv ("\n", kept_lines);
  if (g_strcmp0 (stored_joined, joined) == 0 &&
      g_strcmp0 (state != NULL ? styr_record_get_string (STYR_RECORD (state), "notes") : NULL,
                 notes[0] != '\0' ? notes : NULL) == 0)
    return TRUE;

  changes = json_object_new ();
  list = json_array_new ();
  for (guint i = 0; kept_lines[i] != NULL; i++)
    json_array_add_string_element (list, kept_lines[i]);
  json_object_set_array_member (changes, "questions", list);
  if (notes[0] != '\0')
    json_object_set_string_member (changes, "notes", notes);
  else
    json_object_set_null_member (changes, "notes");

  state_id = styr_work_state_id (self->notes_meeting_id);
  if (!styr_work_update_state (self->store, state_id,
                               state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                               changes, styr_ui_author (), NULL, &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  StyrMeetingsPage *self = user_data;

  self->save_id = 0;
  save_notes (self);
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (StyrMeetingsPage *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (STYR_UI_SAVE_DELAY_MS, save_timeout_cb, self);
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
  StyrMeetingsPage *self = STYR_MEETINGS_PAGE (page);

  if (self->save_id != 0)
    save_notes (self);
}

/* Ctrl+S, for those who look for it: saved now rather than in a moment. */
static void
save_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_notes (STYR_MEETINGS_PAGE (widget));
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

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (ADW_LEAFLET (adw_bin_get_child (ADW_BIN (widget))),
                        ADW_NAVIGATION_DIRECTION_BACK);
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
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->notes_box, g_object_unref);
  self->notes_view = self->questions_view = NULL;
  g_clear_pointer (&self->notes_meeting_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_MEETINGS_PAGE);

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
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, deadlines_check);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingsPage, detail_box);
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
  gtk_widget_class_install_action (widget_class, "meetings.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "meetings.copy-registration-link", "s",
                                   copy_link_action);
}

static void
styr_meetings_page_init (StyrMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

}
