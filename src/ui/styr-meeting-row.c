/* styr-meeting-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-meeting-row"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-meeting-actions.h"
#include "styr-meeting-row.h"
#include "styr-ui.h"

/* StyrMeetingRow: one meeting in the Meetings page's list, bound to its
 * StyrMeetingEntry: its title, its dates or the one chosen, and whether
 * the municipality is registered. It redraws itself when the entry
 * changes, so a choice in the detail leaves it selected.
 */
struct _StyrMeetingRow
{
  AdwActionRow      parent_instance;

  StyrMeetingEntry *entry;
};

G_DEFINE_FINAL_TYPE (StyrMeetingRow, styr_meeting_row, ADW_TYPE_ACTION_ROW)

/**
 * styr_meeting_row_describe:
 * @entry: a meeting's entry
 *
 * Returns: (transfer full): its dates, or the one chosen, and what the
 *   municipality did about it, as the list says it
 */
char *
styr_meeting_row_describe (StyrMeetingEntry *entry)
{
  StyrMeeting *meeting = styr_meeting_entry_get_meeting (entry);
  StyrMeetingState *state = styr_meeting_entry_get_state (entry);
  g_autoptr(GPtrArray) slots = styr_meeting_dup_effective_slots (meeting, state);
  int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  g_autoptr(GString) text = g_string_new (NULL);
  GDate day;

  for (guint s = 0; s < slots->len; s++)
    {
      char date[16];

      if (chosen >= 0 && (int) s != chosen)
        continue;
      styr_slot_get_day (g_ptr_array_index (slots, s), &day);
      g_date_strftime (date, sizeof date, "%d-%m-%Y", &day);
      g_string_append_printf (text, "%s%s", text->len > 0 ? _(" or ") : "", date);
    }
  if (slots->len == 0 && styr_meeting_get_effective_date (meeting, state, &day))
    {
      char date[16];

      g_date_strftime (date, sizeof date, "%d-%m-%Y", &day);
      g_string_append (text, date);
    }

  if (styr_meeting_is_called_off (meeting, state))
    g_string_append_printf (text, " · %s", _("cancelled by KOMBIT"));
  else if (slots->len > 1 && chosen < 0)
    g_string_append_printf (text, " · %s", _("choose a date"));
  else if (chosen >= 0)
    g_string_append_printf (text, " · %s", _("date chosen"));
  if (state != NULL && styr_meeting_state_get_registered (state))
    g_string_append_printf (text, " · %s", _("registered"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (StyrMeetingRow *self)
{
  g_autofree char *dates = styr_meeting_row_describe (self->entry);
  g_autofree char *subtitle = styr_ui_mark_entry (STYR_LIST_ENTRY (self->entry), dates);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 styr_meeting_get_title (styr_meeting_entry_get_meeting (self->entry)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
styr_meeting_row_dispose (GObject *object)
{
  StyrMeetingRow *self = (StyrMeetingRow *)object;

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (styr_meeting_row_parent_class)->dispose (object);
}

static void
styr_meeting_row_class_init (StyrMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_meeting_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-meeting-row.ui");
}

static void
styr_meeting_row_init (StyrMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * styr_meeting_row_new:
 * @entry: the meeting's entry
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
styr_meeting_row_new (StyrMeetingEntry *entry)
{
  StyrMeetingRow *self;

  g_return_val_if_fail (STYR_IS_MEETING_ENTRY (entry), NULL);

  self = g_object_new (STYR_TYPE_MEETING_ROW, NULL);
  self->entry = g_object_ref (entry);
  g_signal_connect_object (entry, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

StyrMeetingEntry *
styr_meeting_row_get_entry (StyrMeetingRow *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_ROW (self), NULL);

  return self->entry;
}
