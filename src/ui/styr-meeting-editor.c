/* styr-meeting-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-format.h"
#include "styr-json.h"
#include "styr-meeting-actions.h"
#include "styr-meeting-editor.h"
#include "styr-meeting-notes.h"
#include "styr-municipality.h"
#include "styr-ui.h"

/* StyrMeetingEditor: one meeting, in sections as a calendar's event
 * editor: its dates (the municipality picks one of KOMBIT's two), the
 * registration, the agenda, what KOMBIT says about it, who came, and the
 * own notes. What the municipality decides goes through the page's
 * "meetings." actions; the notes section saves itself as the user types.
 * A redraw for a changed meeting replaces the rows KOMBIT's data makes
 * and leaves the notes being typed alone.
 */
struct _StyrMeetingEditor
{
  AdwBin               parent_instance;

  StyrMeetingEntry    *entry;
  /* The rows drawn for the meeting, each in one of the groups below. */
  GPtrArray           *rows;
  /* The date choices, in the order of the meeting's dates. */
  GPtrArray           *slot_checks;

  GtkLabel            *title_label;
  GtkLabel            *kind_label;
  AdwPreferencesGroup *dates_group;
  AdwPreferencesGroup *registration_group;
  AdwPreferencesGroup *agenda_group;
  AdwPreferencesGroup *about_group;
  AdwPreferencesGroup *attendance_group;
  StyrMeetingNotes    *notes;
};

G_DEFINE_FINAL_TYPE (StyrMeetingEditor, styr_meeting_editor, ADW_TYPE_BIN)

static const char *
meeting_id (StyrMeetingEditor *self)
{
  return styr_meeting_entry_get_id (self->entry);
}

static GtkWidget *
add_row (StyrMeetingEditor   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = styr_ui_text_row (title, subtitle);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
  return row;
}

static GtkWidget *
add_property (StyrMeetingEditor   *self,
              AdwPreferencesGroup *group,
              const char          *title,
              const char          *text)
{
  GtkWidget *row = add_row (self, group, title, text);

  gtk_widget_add_css_class (row, "property");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
clear (StyrMeetingEditor *self)
{
  AdwPreferencesGroup *groups[] = { self->dates_group, self->registration_group,
                                    self->agenda_group, self->about_group,
                                    self->attendance_group };

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (
                                      row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->slot_checks, 0);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (GTK_WIDGET (groups[i]), FALSE);
}

static void
slot_toggled_cb (GtkCheckButton    *check,
                 StyrMeetingEditor *self)
{
  guint slot;

  if (!gtk_check_button_get_active (check) ||
      !g_ptr_array_find (self->slot_checks, check, &slot))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "meetings.choose-slot", "(si)",
                              meeting_id (self), (int) slot);
}

static void
show_dates (StyrMeetingEditor *self,
            StyrMeeting       *meeting,
            StyrMeetingState  *state)
{
  g_autoptr(GPtrArray) slots = styr_meeting_dup_effective_slots (meeting, state);
  int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  GtkWidget *first = NULL;
  GDate day;

  if (slots->len == 0 && styr_meeting_get_effective_date (meeting, state, &day))
    {
      g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (&day),
                                                         g_date_get_month (&day),
                                                         g_date_get_day (&day), 12, 0, 0);
      g_autofree char *when = g_date_time_format (noon, "%A %d-%m-%Y");

      adw_preferences_group_set_title (self->dates_group, _("Date"));
      adw_preferences_group_set_description (self->dates_group, NULL);
      add_row (self, self->dates_group, when,
               styr_meeting_is_cancelled (state, 0) ? _("Cancelled by KOMBIT")
               : styr_meeting_get_invitation (state, 0) != NULL
               ? _("Date from the invitation") : NULL);
      return;
    }

  adw_preferences_group_set_title (self->dates_group,
                                   slots->len > 1 ? _("Choose a Date") : _("Date"));
  adw_preferences_group_set_description (self->dates_group,
                                         slots->len > 1 && chosen < 0
                                         ? _("KOMBIT offers two dates; the municipality takes "
                                             "one.") : NULL);
  for (guint s = 0; s < slots->len; s++)
    {
      StyrSlot *slot = g_ptr_array_index (slots, s);
      g_autofree char *when = styr_format_slot (slot);
      gboolean invited = styr_meeting_get_invitation (state, (int) s) != NULL;
      GtkWidget *row = add_row (self, self->dates_group, when,
                                slot->cancelled ? _("Cancelled by KOMBIT")
                                : invited ? _("Time from the invitation") : NULL);
      GtkWidget *check;

      if (slots->len < 2)
        continue;

      check = gtk_check_button_new ();
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (first));
      else
        first = check;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (int) s == chosen);
      /* A date KOMBIT cancelled is no choice, though a choice made before
       * stays to be seen and changed. */
      gtk_widget_set_sensitive (check, !slot->cancelled || (int) s == chosen);
      g_ptr_array_add (self->slot_checks, check);
      g_signal_connect (check, "toggled", G_CALLBACK (slot_toggled_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      when, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      if ((int) s == chosen)
        gtk_widget_add_css_class (row, "accent");
    }
}

static void
registered_switched_cb (GtkSwitch         *toggle,
                        GParamSpec        *pspec,
                        StyrMeetingEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "meetings.mark-registered", "(sb)",
                              meeting_id (self), gtk_switch_get_active (toggle));
}

/* Registering happens on KOMBIT's conference page, which Styr cannot see:
 * the page opens in the browser, its link can be copied to register from
 * elsewhere, and the user says by hand that the registration is done. */
static void
show_registration (StyrMeetingEditor *self,
                   StyrMeeting       *meeting,
                   StyrMeetingState  *state)
{
  const char *url = styr_meeting_get_registration_url (meeting);
  gboolean registered = state != NULL && styr_meeting_state_get_registered (state);
  g_autofree char *status = NULL;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *toggle;

  if (url == NULL && !registered)
    return;

  if (url != NULL)
    {
      row = add_row (self, self->registration_group, _("Registration page"), url);
      button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      gtk_widget_set_tooltip_text (button, _("Copy Link"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meetings.copy-registration-link");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", meeting_id (self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      button = gtk_button_new_with_mnemonic (_("_Register…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      if (!registered)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meetings.register");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", meeting_id (self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  if (registered)
    {
      g_autofree char *on = styr_date_to_user (styr_record_get_string (STYR_RECORD (state),
                                                                       "registered_on"));

      /* Translators: %s is the date the registration was recorded. */
      status = g_strdup_printf (_("Registered on %s"), on);
    }
  row = add_row (self, self->registration_group, _("_I have registered"),
                 registered ? status : _("Set this once the registration is made, also when "
                                         "it was made from another computer."));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), registered);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (registered_switched_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
}

static void
show_agenda (StyrMeetingEditor *self,
             StyrMeeting       *meeting,
             StyrMeetingState  *state)
{
  g_autoptr(GPtrArray) agenda = styr_meeting_dup_agenda (meeting);
  g_autoptr(GPtrArray) invitations = styr_meeting_list_invitations (state);
  int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  const char *invited = NULL;

  /* The text of the chosen date's invitation, else of the first with one. */
  for (guint i = 0; i < invitations->len; i++)
    {
      JsonObject *invitation = g_ptr_array_index (invitations, i);
      const char *text = styr_json_get_string (invitation, "description", NULL);

      if (text != NULL && (invited == NULL || styr_json_get_int (invitation, "slot", -1) == chosen))
        invited = text;
    }

  adw_preferences_group_set_description (self->agenda_group,
                                         styr_record_get_string (STYR_RECORD (meeting),
                                                                 "agenda_status"));
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
      row = add_row (self, self->agenda_group, title, under->len > 0 ? under->str : NULL);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (invited != NULL)
    adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (add_row (self, self->agenda_group,
                                                                _("From the invitation"),
                                                                invited)), 0);
}

/* A line for each of KOMBIT's notes, or Styr's own, each under its own
 * heading so that Styr's are never taken for KOMBIT's. */
static void
note_rows (StyrMeetingEditor *self,
           StyrMeeting       *meeting,
           const char        *member,
           const char        *heading)
{
  g_auto(GStrv) notes = styr_record_dup_strv (STYR_RECORD (meeting), member);

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    add_property (self, self->about_group, heading, notes[i]);
}

/* What KOMBIT says about the meeting: for whom, whom to write to, who
 * from KOMBIT takes part, its notes, and where it comes from. */
static void
show_about (StyrMeetingEditor *self,
            StyrMeeting       *meeting)
{
  StyrRecord *record = STYR_RECORD (meeting);
  const char *audience = styr_record_get_string (record, "audience");
  const char *contact = styr_record_get_string (record, "contact");
  const char *location = styr_record_get_string (record, "location");
  g_auto(GStrv) staff = styr_record_dup_strv (record, "kombit_staff");
  g_autofree char *source = styr_provenance_describe (record);

  if (audience != NULL)
    add_property (self, self->about_group, _("Audience"), audience);
  if (location != NULL)
    add_property (self, self->about_group, _("Where"), location);
  if (staff != NULL && staff[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", staff);

      add_property (self, self->about_group, _("From KOMBIT"), names);
    }
  if (contact != NULL)
    {
      GtkWidget *write = gtk_button_new_from_icon_name ("mail-send-symbolic");
      g_autofree char *mailto = g_strconcat ("mailto:", contact, NULL);
      /* Translators: the button that writes to an address, e.g. implementering@kombit.dk. */
      g_autofree char *label = g_strdup_printf (_("Write to %s"), contact);
      GtkWidget *row = add_property (self, self->about_group, _("Contact"), contact);

      gtk_widget_set_valign (write, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (write, "flat");
      styr_ui_set_tooltip (write, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (write), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (write), "win.open-link");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (write), "s", mailto);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), write);
    }
  note_rows (self, meeting, "notes", _("KOMBIT’s notes"));
  note_rows (self, meeting, "styr_notes", _("Notes added by Styr, not KOMBIT’s"));
  add_property (self, self->about_group, _("Source"), source);
}

static void
show_attendance (StyrMeetingEditor *self,
                 StyrMeeting       *meeting,
                 GListModel        *municipalities,
                 const char        *own)
{
  g_autoptr(GPtrArray) attendance = styr_meeting_dup_attendance (meeting);
  g_autofree char *total_text = NULL;
  GtkWidget *expander = NULL;
  const char *date = NULL;

  if (attendance->len == 0)
    return;

  /* Translators: the total of KOMBIT's attendance lists. */
  total_text = g_strdup_printf (_("%u attended in all"),
                                styr_meeting_attendance_total (meeting, NULL));
  adw_preferences_group_set_description (self->attendance_group, total_text);
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), TRUE);
  for (guint i = 0; i < attendance->len; i++)
    {
      StyrAttendance *entry = g_ptr_array_index (attendance, i);
      StyrMunicipality *municipality = municipalities != NULL
                                       ? styr_municipality_list_find (municipalities, entry->code)
                                       : NULL;
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
          adw_preferences_group_add (self->attendance_group, expander);
          g_ptr_array_add (self->rows, expander);
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

/**
 * styr_meeting_editor_show:
 * @self: a #StyrMeetingEditor
 * @entry: (nullable): the meeting to show
 * @municipalities: (nullable): the municipalities, for the names in the
 *   attendance lists
 * @own_municipality: (nullable): the own municipality's code, marked there
 *
 * Draws the meeting as its entry has it now. The notes being typed for
 * it stay as they are; another meeting's are saved first.
 */
void
styr_meeting_editor_show (StyrMeetingEditor *self,
                          StyrMeetingEntry  *entry,
                          GListModel        *municipalities,
                          const char        *own_municipality)
{
  StyrMeeting *meeting;
  StyrMeetingState *state;
  g_autoptr(GString) about = NULL;
  const char *format;

  g_return_if_fail (STYR_IS_MEETING_EDITOR (self));
  g_return_if_fail (entry == NULL || STYR_IS_MEETING_ENTRY (entry));

  styr_meeting_notes_show (self->notes, entry);
  g_set_object (&self->entry, entry);
  clear (self);
  if (entry == NULL)
    return;

  meeting = styr_meeting_entry_get_meeting (entry);
  state = styr_meeting_entry_get_state (entry);
  gtk_label_set_label (self->title_label, styr_meeting_get_title (meeting));
  about = g_string_new (styr_meeting_kind_label (styr_meeting_get_kind (meeting)));
  format = styr_record_get_string (STYR_RECORD (meeting), "format");
  if (format != NULL)
    g_string_append_printf (about, " · %s", format);
  gtk_label_set_label (self->kind_label, about->str);

  show_dates (self, meeting, state);
  show_registration (self, meeting, state);
  show_agenda (self, meeting, state);
  show_about (self, meeting);
  show_attendance (self, meeting, municipalities, own_municipality);
}

/**
 * styr_meeting_editor_get_entry:
 * @self: a #StyrMeetingEditor
 *
 * Returns: (transfer none) (nullable): the meeting shown
 */
StyrMeetingEntry *
styr_meeting_editor_get_entry (StyrMeetingEditor *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_EDITOR (self), NULL);

  return self->entry;
}

/**
 * styr_meeting_editor_set_store:
 * @self: a #StyrMeetingEditor
 * @store: the store the own notes are written to
 */
void
styr_meeting_editor_set_store (StyrMeetingEditor *self,
                               StyrStore         *store)
{
  g_return_if_fail (STYR_IS_MEETING_EDITOR (self));

  styr_meeting_notes_set_store (self->notes, store);
}

/**
 * styr_meeting_editor_save:
 * @self: a #StyrMeetingEditor
 *
 * Saves the own notes typed now rather than in a moment.
 *
 * Returns: %TRUE if the store holds what is on screen
 */
gboolean
styr_meeting_editor_save (StyrMeetingEditor *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_EDITOR (self), FALSE);

  return styr_meeting_notes_save (self->notes);
}

static void
styr_meeting_editor_dispose (GObject *object)
{
  StyrMeetingEditor *self = (StyrMeetingEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_MEETING_EDITOR);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->slot_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_meeting_editor_parent_class)->dispose (object);
}

static void
styr_meeting_editor_class_init (StyrMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_meeting_editor_dispose;

  g_type_ensure (STYR_TYPE_MEETING_NOTES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingEditor, kind_label);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingEditor, dates_group);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingEditor, registration_group);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingEditor, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingEditor, about_group);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingEditor, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingEditor, notes);
}

static void
styr_meeting_editor_init (StyrMeetingEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->slot_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
