/* styr-ics-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-ics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "styr-ics-private.h"
#include "styr-meeting-actions.h"
#include "styr-work.h"

/* Calendar files through libical, never written by hand, as Outlook and
 * Google write them: METHOD:PUBLISH, times in Europe/Copenhagen with one
 * compact VTIMEZONE, a whole-day event for a meeting with only a day.
 * Every date of a meeting is one event with a UID made from the meeting's
 * key and the date's number, and a SEQUENCE that grows with every change
 * to the meeting or its state, so a later export updates the same events
 * in the user's calendar: the chosen date confirmed and the other
 * cancelled, or both tentative while none is chosen.
 */

#define UID_DOMAIN "styr.github.io"

typedef struct
{
  icalcomponent  *calendar;
  GTimeZone      *zone;
  icaltimezone   *written;
  const StyrRuleContext *context;
  guint           n_events;
  gboolean        erp_left_out;
} Export;

/* The generation of a revision, "3-abc…" → 3; 0 for none. */
static gint64
generation (const char *rev)
{
  return rev != NULL ? g_ascii_strtoll (rev, NULL, 10) : 0;
}

/* The wall-clock time in Copenhagen, named by the TZID of the calendar's
 * VTIMEZONE; in UTC should that zone's rule not give the instant tzdata
 * gives, so a file never says another time than Styr shows. */
static icalproperty *
time_property (Export         *export,
               icalproperty *(*make) (struct icaltimetype),
               GDateTime      *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, export->zone);
  struct icaltimetype t = icaltime_null_time ();
  icalproperty *property;

  t.year = g_date_time_get_year (local);
  t.month = g_date_time_get_month (local);
  t.day = g_date_time_get_day_of_month (local);
  t.hour = g_date_time_get_hour (local);
  t.minute = g_date_time_get_minute (local);
  t.second = g_date_time_get_second (local);

  if (icaltime_as_timet_with_zone (t, export->written) != g_date_time_to_unix (time))
    return make (icaltime_from_timet_with_zone (g_date_time_to_unix (time), 0,
                                                icaltimezone_get_utc_timezone ()));

  property = make (t);
  icalproperty_add_parameter (property, icalparameter_new_tzid (STYR_ICS_ZONE));
  return property;
}

static icalproperty *
date_property (icalproperty *(*make) (struct icaltimetype),
               const GDate   *day)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (day);
  t.month = g_date_get_month (day);
  t.day = g_date_get_day (day);
  return make (t);
}

static icalproperty *
x_property (const char *name,
            const char *value)
{
  icalproperty *property = icalproperty_new_x (value);

  icalproperty_set_x_name (property, name);
  return property;
}

static char *
describe_meeting (StyrMeeting *meeting)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) agenda = styr_meeting_dup_agenda (meeting);
  const char *url = styr_meeting_get_registration_url (meeting);
  const char *format = styr_record_get_string (STYR_RECORD (meeting), "format");

  if (format != NULL)
    g_string_append_printf (text, "%s\n", format);
  if (url != NULL)
    /* Translators: in a calendar event; %s is the registration page. */
    g_string_append_printf (text, _("Registration: %s\n"), url);

  if (agenda->len > 0)
    {
      g_string_append_printf (text, "\n%s\n", _("Agenda:"));
      for (guint i = 0; i < agenda->len; i++)
        {
          StyrAgendaItem *item = g_ptr_array_index (agenda, i);
          g_autofree char *presenters = item->presenters != NULL && item->presenters[0] != NULL
                                        ? g_strjoinv (", ", item->presenters) : NULL;

          if (item->start != NULL)
            g_string_append_printf (text, "%s%s%s ", item->start, item->end != NULL ? "–" : "",
                                    item->end != NULL ? item->end : "");
          g_string_append (text, item->title);
          if (presenters != NULL)
            g_string_append_printf (text, " (%s)", presenters);
          g_string_append_c (text, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  StyrSlot *slot;
  GDate    *day;
  int       index;
  guint     n_dates;
  int       chosen;
  gboolean  cancelled;
  gint64    sequence;
} Date;

static void
add_event (Export      *export,
           StyrMeeting *meeting,
           const Date  *date)
{
  const char *location = styr_record_get_string (STYR_RECORD (meeting), "location");
  const char *url = styr_meeting_get_registration_url (meeting);
  g_autofree char *uid = g_strdup_printf ("%s-%d@" UID_DOMAIN,
                                          styr_record_get_key (STYR_RECORD (meeting)),
                                          date->index + 1);
  g_autofree char *summary = NULL;
  g_autofree char *description = describe_meeting (meeting);
  icalcomponent *event = icalcomponent_new_vevent ();
  icalproperty_status status;

  if (date->cancelled || (date->chosen >= 0 && date->index != date->chosen))
    status = ICAL_STATUS_CANCELLED;
  else if (date->n_dates > 1 && date->chosen < 0)
    status = ICAL_STATUS_TENTATIVE;
  else
    status = ICAL_STATUS_CONFIRMED;

  if (date->n_dates > 1 && date->chosen < 0)
    /* Translators: an event's title while no date is chosen, e.g. "… (date 1 of 2)". */
    summary = g_strdup_printf (_("%s (date %d of %u)"), styr_meeting_get_title (meeting),
                               date->index + 1, date->n_dates);
  else
    summary = g_strdup (styr_meeting_get_title (meeting));

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) date->sequence));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (
    icaltime_from_timet_with_zone (g_get_real_time () / G_USEC_PER_SEC, 0,
                                   icaltimezone_get_utc_timezone ())));
  if (date->slot != NULL)
    {
      icalcomponent_add_property (event, time_property (export, icalproperty_new_dtstart,
                                                        date->slot->start));
      icalcomponent_add_property (event, time_property (export, icalproperty_new_dtend,
                                                        date->slot->end));
    }
  else
    {
      GDate next = *date->day;

      /* A whole day ends at the start of the next (RFC 5545, 3.6.1). */
      g_date_add_days (&next, 1);
      icalcomponent_add_property (event, date_property (icalproperty_new_dtstart, date->day));
      icalcomponent_add_property (event, date_property (icalproperty_new_dtend, &next));
    }
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (description[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_status (status));
  icalcomponent_add_property (event, icalproperty_new_transp (date->slot != NULL &&
                                                              status == ICAL_STATUS_CONFIRMED
                                                              ? ICAL_TRANSP_OPAQUE
                                                              : ICAL_TRANSP_TRANSPARENT));
  /* Outlook shows free/busy by this rather than by STATUS. */
  icalcomponent_add_property (event, x_property ("X-MICROSOFT-CDO-BUSYSTATUS",
                                                 date->slot == NULL ? "FREE"
                                                 : status == ICAL_STATUS_CONFIRMED ? "BUSY"
                                                 : status == ICAL_STATUS_TENTATIVE ? "TENTATIVE"
                                                 : "FREE"));
  if (location == NULL)
    location = styr_record_get_string (STYR_RECORD (meeting), "format");
  if (location != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (location));
  if (url != NULL)
    icalcomponent_add_property (event, icalproperty_new_url (url));

  /* The reminder of Preferences, so the calendar reminds as Styr does. */
  if (status != ICAL_STATUS_CANCELLED && export->context->reminder_days > 0)
    {
      icalcomponent *alarm = icalcomponent_new_valarm ();
      struct icaltriggertype trigger =
        icaltriggertype_from_int (-(int) export->context->reminder_days * 24 * 60 * 60);

      icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
      icalcomponent_add_property (alarm, icalproperty_new_description (summary));
      icalcomponent_add_component (event, alarm);
    }

  icalcomponent_add_component (export->calendar, event);
  export->n_events++;
}

/* The ERP-vendor meetings are one per ERP system: only the municipality's
 * own belongs in its calendar, and none while it has not said which. */
static gboolean
is_own_erp_meeting (Export       *export,
                    StyrMeeting  *meeting,
                    gboolean      asked,
                    GError      **error)
{
  const char *erp = styr_record_get_string (STYR_RECORD (meeting), "erp");
  const char *own = export->context->erp_system;

  if (g_strcmp0 (styr_meeting_get_kind (meeting), "erp-vendor") != 0 || erp == NULL)
    return TRUE;

  if (own == NULL || own[0] == '\0')
    {
      export->erp_left_out = TRUE;
      if (asked)
        g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_EVENTS,
                     /* Translators: %s is the meeting's title, then its ERP system. */
                     _("“%s” is the meeting for %s municipalities. Choose the municipality’s "
                       "ERP system in the ØiR checklist first, so Styr knows whether it is "
                       "yours."), styr_meeting_get_title (meeting), erp);
      return FALSE;
    }

  if (g_strcmp0 (own, erp) != 0)
    {
      if (asked)
        g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_EVENTS,
                     /* Translators: the meeting's title, its ERP system, the municipality's. */
                     _("“%s” is the meeting for %s municipalities, and the municipality uses "
                       "%s."), styr_meeting_get_title (meeting), erp, own);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_meeting (Export       *export,
             StyrStore    *store,
             const char   *id,
             gboolean      asked,
             GError      **error)
{
  g_autofree char *rev = NULL;
  g_autoptr(JsonObject) body = styr_store_get (store, id, &rev, NULL);
  g_autoptr(StyrRecord) record = body != NULL ? styr_record_load (id, rev, body) : NULL;
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  StyrMeeting *meeting;
  Date date = { 0 };
  GDate day;

  if (record == NULL || !STYR_IS_MEETING (record))
    {
      if (asked)
        g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_UNKNOWN_MEETING,
                     /* Translators: %s is what was given as the meeting, e.g. after --meeting. */
                     _("There is no meeting “%s”. Meetings are named like "
                       "meeting:PLM-2020-01."), id);
      return !asked;
    }
  meeting = STYR_MEETING (record);
  if (!is_own_erp_meeting (export, meeting, asked, error))
    return !asked;

  state = styr_meeting_load_state (store, id);
  slots = styr_meeting_dup_effective_slots (meeting, state);
  date.chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  date.sequence = MAX (generation (rev) - 1, 0) +
                  (state != NULL ? generation (styr_record_get_rev (STYR_RECORD (state))) : 0);
  date.n_dates = slots->len;
  for (guint s = 0; s < slots->len; s++)
    {
      date.slot = g_ptr_array_index (slots, s);
      date.index = (int) s;
      date.cancelled = date.slot->cancelled;
      add_event (export, meeting, &date);
    }

  if (slots->len == 0 && styr_meeting_get_effective_date (meeting, state, &day))
    {
      date.day = &day;
      date.n_dates = 1;
      date.cancelled = styr_meeting_is_cancelled (state, 0);
      add_event (export, meeting, &date);
    }
  else if (slots->len == 0 && asked)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_EVENTS,
                   /* Translators: %s is the meeting's title. */
                   _("“%s” has no date yet, so there is nothing to put in a calendar."),
                   styr_meeting_get_title (meeting));
      return FALSE;
    }

  return TRUE;
}

/**
 * styr_ics_export:
 * @store: the store
 * @meeting_id: (nullable): one meeting, or %NULL for all meetings with a
 *   date
 * @context: the municipality's ERP system and the reminder
 * @left_out: (out) (optional) (transfer full) (nullable): what was left
 *   out and why, for the user, %NULL if nothing was
 * @error: return location for a #GError
 *
 * Writes the meetings as an iCalendar file (RFC 5545): per meeting, the
 * chosen date, or both alternatives marked tentative while none is
 * chosen. A file would hold no event is an error.
 *
 * Returns: (transfer full): the calendar's text, or %NULL with @error set
 */
char *
styr_ics_export (StyrStore             *store,
                 const char            *meeting_id,
                 const StyrRuleContext *context,
                 char                 **left_out,
                 GError               **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *skipped = NULL;
  Export export = { 0 };
  char *text;
  char *copy;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  if ((zone = _styr_ics_copenhagen (error)) == NULL)
    return NULL;

  if (meeting_id != NULL)
    {
      ids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (ids, g_strdup (meeting_id));
    }
  else if ((ids = styr_store_find_ids (store, "meeting", NULL, NULL, NULL, error)) == NULL)
    return NULL;

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Styr//Styr " PACKAGE_VERSION "//DA"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  icalproperty_new_method (ICAL_METHOD_PUBLISH),
                                  (void *) 0);
  icalcomponent_add_component (calendar, _styr_ics_new_vtimezone ());

  export.calendar = calendar;
  export.zone = zone;
  export.context = context;
  export.written = icaltimezone_new ();
  icaltimezone_set_component (export.written, _styr_ics_new_vtimezone ());

  for (guint i = 0; i < ids->len; i++)
    if (!add_meeting (&export, store, g_ptr_array_index (ids, i), meeting_id != NULL, error))
      {
        icaltimezone_free (export.written, TRUE);
        return NULL;
      }
  icaltimezone_free (export.written, TRUE);

  if (export.erp_left_out)
    skipped = g_strdup (_("The ERP-vendor meetings are left out until the municipality’s ERP "
                          "system is chosen in the ØiR checklist."));

  if (export.n_events == 0)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_EVENTS,
                   "%s%s%s", _("No meeting has a date to put in a calendar, so no file was "
                               "written."), skipped != NULL ? " " : "",
                   skipped != NULL ? skipped : "");
      return NULL;
    }

  if (left_out != NULL)
    *left_out = g_steal_pointer (&skipped);

  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  return copy;
}

/* Characters file systems and mail programs refuse in a name. */
static void
make_file_name (GString *name)
{
  for (gsize i = 0; i < name->len; i++)
    if (strchr ("/\\:*?\"<>|", name->str[i]) != NULL || (guchar) name->str[i] < 0x20)
      name->str[i] = '-';
}

/**
 * styr_ics_file_name:
 * @store: the store
 * @meeting_id: (nullable): the meeting, %NULL for all of them
 *
 * Returns: (transfer full): the name to suggest for the calendar file:
 *   the meeting's title and date, as "Programledermøde april 2020
 *   29-04-2020.ics"
 */
char *
styr_ics_file_name (StyrStore  *store,
                    const char *meeting_id)
{
  g_autoptr(JsonObject) body = meeting_id != NULL ? styr_store_get (store, meeting_id, NULL, NULL)
                                                  : NULL;
  g_autoptr(StyrRecord) record = body != NULL ? styr_record_load (meeting_id, NULL, body) : NULL;
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GString) name = NULL;
  GDate day;
  int chosen;

  if (record == NULL || !STYR_IS_MEETING (record))
    /* Translators: the file name for all meetings' calendar file, without ".ics". */
    return g_strconcat (_("KOMBIT meetings"), ".ics", NULL);

  name = g_string_new (styr_meeting_get_title (STYR_MEETING (record)));
  state = styr_meeting_load_state (store, meeting_id);
  slots = styr_meeting_dup_effective_slots (STYR_MEETING (record), state);
  chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  if (slots->len > 0)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (STYR_ICS_ZONE);
      StyrSlot *slot = g_ptr_array_index (slots, chosen >= 0 && (guint) chosen < slots->len
                                                 ? (guint) chosen : 0);
      g_autoptr(GDateTime) local = zone != NULL ? g_date_time_to_timezone (slot->start, zone)
                                                : g_date_time_ref (slot->start);
      g_autofree char *date = g_date_time_format (local, "%d-%m-%Y");

      g_string_append_printf (name, " %s", date);
    }
  else if (styr_meeting_get_effective_date (STYR_MEETING (record), state, &day))
    {
      char date[16];

      g_date_strftime (date, sizeof date, "%d-%m-%Y", &day);
      g_string_append_printf (name, " %s", date);
    }

  make_file_name (name);
  g_string_append (name, ".ics");
  return g_string_free (g_steal_pointer (&name), FALSE);
}
