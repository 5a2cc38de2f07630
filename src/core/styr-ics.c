/* styr-ics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-ics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "styr-ics.h"
#include "styr-meeting-actions.h"
#include "styr-work.h"

/* Calendar files through libical, never written by hand. Every date of a
 * meeting is one event with a UID made from the meeting's key and the
 * date's number, so a later export updates the same events in the user's
 * calendar: the chosen date confirmed and the other cancelled, or both
 * tentative while none is chosen. Times carry the Europe/Copenhagen zone
 * with its VTIMEZONE, so summer time comes out right.
 */

G_DEFINE_QUARK (styr-ics-error-quark, styr_ics_error)

#define ZONE "Europe/Copenhagen"
#define UID_DOMAIN "styr.github.io"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

void
styr_ics_update_free (StyrIcsUpdate *update)
{
  g_free (update->meeting_id);
  g_clear_pointer (&update->old_start, g_date_time_unref);
  g_clear_pointer (&update->old_end, g_date_time_unref);
  g_clear_pointer (&update->new_start, g_date_time_unref);
  g_clear_pointer (&update->new_end, g_date_time_unref);
  g_free (update->description);
  g_free (update);
}

static icaltimezone *
copenhagen (GError **error)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (ZONE);

  if (zone == NULL)
    g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_TIME_ZONE,
                 _("The time zone %s is not known on this computer, so no calendar file can "
                   "be written. Install the time zone data (tzdata)."), ZONE);
  return zone;
}

static icalproperty *
zoned_time (icalproperty *(*make) (struct icaltimetype),
            GDateTime    *time,
            icaltimezone *zone)
{
  struct icaltimetype t = icaltime_from_timet_with_zone (g_date_time_to_unix (time), 0, zone);
  icalproperty *property;

  /* The wall-clock time in Copenhagen, named by the TZID parameter that
   * points at the calendar's VTIMEZONE. */
  t.zone = NULL;
  property = make (t);

  icalproperty_add_parameter (property, icalparameter_new_tzid (icaltimezone_get_tzid (zone)));
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

static void
add_event (icalcomponent *calendar,
           StyrMeeting   *meeting,
           StyrSlot      *slot,
           int            index,
           guint          n_slots,
           int            chosen,
           icaltimezone  *zone)
{
  const char *location = styr_record_get_string (STYR_RECORD (meeting), "location");
  const char *url = styr_meeting_get_registration_url (meeting);
  g_autofree char *uid = g_strdup_printf ("%s-%d@" UID_DOMAIN,
                                          styr_record_get_key (STYR_RECORD (meeting)), index + 1);
  g_autofree char *summary = NULL;
  g_autofree char *description = describe_meeting (meeting);
  icalcomponent *event = icalcomponent_new_vevent ();
  icalproperty_status status;

  if (n_slots < 2 || index == chosen)
    status = ICAL_STATUS_CONFIRMED;
  else if (chosen < 0)
    status = ICAL_STATUS_TENTATIVE;
  else
    status = ICAL_STATUS_CANCELLED;

  if (n_slots > 1 && chosen < 0)
    /* Translators: an event's title while no date is chosen, e.g. "… (date 1 of 2)". */
    summary = g_strdup_printf (_("%s (date %d of %u)"), styr_meeting_get_title (meeting),
                               index + 1, n_slots);
  else
    summary = g_strdup (styr_meeting_get_title (meeting));

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (
    icaltime_from_timet_with_zone (g_get_real_time () / G_USEC_PER_SEC, 0,
                                   icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, zoned_time (icalproperty_new_dtstart, slot->start, zone));
  icalcomponent_add_property (event, zoned_time (icalproperty_new_dtend, slot->end, zone));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_status (status));
  if (location == NULL)
    location = styr_record_get_string (STYR_RECORD (meeting), "format");
  if (location != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (location));
  if (url != NULL)
    icalcomponent_add_property (event, icalproperty_new_url (url));

  /* A reminder the day before, as the invitation itself comes late. */
  if (status != ICAL_STATUS_CANCELLED)
    {
      icalcomponent *alarm = icalcomponent_new_valarm ();
      struct icaltriggertype trigger = icaltriggertype_from_int (-24 * 60 * 60);

      icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
      icalcomponent_add_property (alarm, icalproperty_new_description (summary));
      icalcomponent_add_component (event, alarm);
    }

  icalcomponent_add_component (calendar, event);
}

/**
 * styr_ics_export:
 * @store: the store
 * @meeting_id: (nullable): one meeting, or %NULL for all meetings with a
 *   time
 * @error: return location for a #GError
 *
 * Writes the meetings as an iCalendar file (RFC 5545): per meeting, the
 * chosen date, or both alternatives marked tentative while none is
 * chosen.
 *
 * Returns: (transfer full): the calendar's text, or %NULL with @error set
 */
char *
styr_ics_export (StyrStore   *store,
                 const char  *meeting_id,
                 GError     **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  icaltimezone *zone;
  char *text;
  char *copy;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  zone = copenhagen (error);
  if (zone == NULL)
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
                                  icalproperty_new_method (ICAL_METHOD_PUBLISH),
                                  (void *) 0);
  icalcomponent_add_component (calendar, icalcomponent_new_clone (icaltimezone_get_component (zone)));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, NULL);
      g_autoptr(StyrRecord) meeting = body != NULL ? styr_record_load (id, NULL, body) : NULL;
      g_autoptr(StyrMeetingState) state = NULL;
      g_autoptr(GPtrArray) slots = NULL;
      int chosen;

      if (meeting == NULL || !STYR_IS_MEETING (meeting))
        {
          if (meeting_id == NULL)
            continue;
          g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_UNKNOWN_MEETING,
                       /* Translators: %s is what was given as the meeting, e.g. after --meeting. */
                       _("There is no meeting “%s”. Meetings are named like "
                         "meeting:PLM-2020-01."), meeting_id);
          return NULL;
        }

      state = styr_meeting_load_state (store, id);
      chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
      slots = styr_meeting_dup_effective_slots (STYR_MEETING (meeting), state);
      for (guint s = 0; s < slots->len; s++)
        add_event (calendar, STYR_MEETING (meeting), g_ptr_array_index (slots, s), (int) s,
                   slots->len, chosen, zone);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  return copy;
}

static GDateTime *
to_datetime (struct icaltimetype time)
{
  icaltimezone *zone = (icaltimezone *) time.zone;

  if (icaltime_is_null_time (time))
    return NULL;
  if (zone == NULL)
    zone = icaltime_is_utc (time) ? icaltimezone_get_utc_timezone () : icaltimezone_get_builtin_timezone (ZONE);
  return g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (time, zone));
}

static gboolean
same_day_in_copenhagen (GDateTime *a,
                        GDateTime *b)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) la = g_date_time_to_timezone (a, zone);
  g_autoptr(GDateTime) lb = g_date_time_to_timezone (b, zone);

  return g_date_time_get_year (la) == g_date_time_get_year (lb) &&
         g_date_time_get_day_of_year (la) == g_date_time_get_day_of_year (lb);
}

static gboolean
titles_match (const char *summary,
              const char *title)
{
  g_autofree char *a = g_utf8_casefold (summary != NULL ? summary : "", -1);
  g_autofree char *b = g_utf8_casefold (title != NULL ? title : "", -1);

  return a[0] != '\0' && b[0] != '\0' && (strstr (a, b) != NULL || strstr (b, a) != NULL);
}

/* Finds the meeting and date an event is for: the date must be the same
 * day, and the title must match, or be the only meeting that day. */
static StyrIcsUpdate *
match_event (StyrStore     *store,
             GPtrArray     *ids,
             const char    *summary,
             GDateTime     *start)
{
  StyrIcsUpdate *found = NULL;
  guint candidates = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, NULL);
      g_autoptr(StyrRecord) meeting = body != NULL ? styr_record_load (id, NULL, body) : NULL;
      g_autoptr(StyrMeetingState) state = NULL;
      g_autoptr(GPtrArray) slots = NULL;

      if (meeting == NULL || !STYR_IS_MEETING (meeting))
        continue;
      state = styr_meeting_load_state (store, id);
      slots = styr_meeting_dup_effective_slots (STYR_MEETING (meeting), state);
      for (guint s = 0; s < slots->len; s++)
        {
          StyrSlot *slot = g_ptr_array_index (slots, s);
          gboolean named = titles_match (summary, styr_meeting_get_title (STYR_MEETING (meeting)));

          if (!same_day_in_copenhagen (slot->start, start))
            continue;

          candidates++;
          if (found != NULL && !named)
            continue;
          if (found != NULL)
            styr_ics_update_free (found);
          found = g_new0 (StyrIcsUpdate, 1);
          found->meeting_id = g_strdup (id);
          found->slot = (int) s;
          found->old_start = g_date_time_ref (slot->start);
          found->old_end = g_date_time_ref (slot->end);
          if (named)
            return found;
        }
    }

  /* An unnamed match counts only when it is the one meeting that day. */
  if (found != NULL && candidates > 1)
    g_clear_pointer (&found, styr_ics_update_free);
  return found;
}

/**
 * styr_ics_plan_import:
 * @store: the store
 * @text: an iCalendar file, such as KOMBIT's invitation
 * @error: return location for a #GError
 *
 * Matches the file's events to the meetings by date and title and works
 * out what importing it would change, without writing anything.
 *
 * Returns: (transfer full) (element-type StyrIcsUpdate): the updates, or
 *   %NULL with @error set for a malformed file or one without a known
 *   meeting
 */
GPtrArray *
styr_ics_plan_import (StyrStore   *store,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(icalcomponent) root = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autofree char *unmatched = NULL;
  icalcomponent *event;
  guint n_events = 0;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL) || strstr (text, "BEGIN:VCALENDAR") == NULL ||
      (root = icalparser_parse_string (text)) == NULL ||
      icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   _("This is not a calendar file: it does not hold a VCALENDAR in iCalendar "
                     "format (RFC 5545)."));
      return NULL;
    }

  /* libical notes what it could not read as X-LIC-ERROR properties. */
  if (icalcomponent_count_errors (root) > 0)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   _("The calendar file is damaged: some of its lines are not valid iCalendar. "
                     "Nothing was imported."));
      return NULL;
    }

  ids = styr_store_find_ids (store, "meeting", NULL, NULL, NULL, error);
  if (ids == NULL)
    return NULL;

  updates = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_ics_update_free);
  for (event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      const char *summary = icalcomponent_get_summary (event);
      const char *description = icalcomponent_get_description (event);
      g_autoptr(GDateTime) start = to_datetime (icalcomponent_get_dtstart (event));
      g_autoptr(GDateTime) end = to_datetime (icalcomponent_get_dtend (event));
      StyrIcsUpdate *update;

      n_events++;
      if (start == NULL)
        {
          g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                       /* Translators: %s is an event's title in a calendar file. */
                       _("The event “%s” in the calendar file has no start time."),
                       summary != NULL ? summary : "?");
          return NULL;
        }

      update = match_event (store, ids, summary, start);
      if (update == NULL)
        {
          g_autoptr(GTimeZone) here = g_time_zone_new_identifier (ZONE);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (start, here);
          g_autofree char *day = g_date_time_format (local, "%d-%m-%Y");

          g_free (unmatched);
          /* Translators: an event no meeting matches: its title and day. */
          unmatched = g_strdup_printf (_("“%s” on %s"), summary != NULL ? summary : "?", day);
          continue;
        }

      /* A meeting keeps one invitation: a file with two of its dates is
       * refused rather than half kept. */
      for (guint u = 0; u < updates->len; u++)
        if (g_str_equal (((StyrIcsUpdate *) g_ptr_array_index (updates, u))->meeting_id,
                         update->meeting_id))
          {
            g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                         /* Translators: %s is the meeting's id. */
                         _("The calendar file holds more than one date for %s; import one "
                           "invitation at a time."), update->meeting_id);
            styr_ics_update_free (update);
            return NULL;
          }

      update->new_start = g_date_time_ref (start);
      update->new_end = end != NULL ? g_date_time_ref (end) : g_date_time_ref (update->old_end);
      update->description = g_strdup (description);
      g_ptr_array_add (updates, update);
    }

  if (n_events == 0)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   _("The calendar file holds no event."));
      return NULL;
    }

  if (updates->len == 0)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_MATCH,
                   /* Translators: %s names the event, e.g. "“…” on 30-01-2020". */
                   _("No meeting in Styr matches %s: the invitation must be for the day of one "
                     "of the meeting’s dates."), unmatched);
      return NULL;
    }

  return g_steal_pointer (&updates);
}

/**
 * styr_ics_describe_update:
 * @update: an update
 *
 * Returns: (transfer full): what the update changes, in words
 */
char *
styr_ics_describe_update (StyrIcsUpdate *update)
{
  g_autofree char *before = g_date_time_format (update->old_start, "%d-%m-%Y %H:%M");
  g_autofree char *before_end = g_date_time_format (update->old_end, "%H:%M");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (update->new_start, zone);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (update->new_end, zone);
  g_autofree char *after = g_date_time_format (start, "%d-%m-%Y %H:%M");
  g_autofree char *after_end = g_date_time_format (end, "%H:%M");

  if (g_date_time_equal (update->old_start, update->new_start) &&
      g_date_time_equal (update->old_end, update->new_end))
    /* Translators: an invitation that keeps the time; %s–%s is the time. */
    return g_strdup_printf (_("Time unchanged, %s–%s; the invitation’s text is kept"), after,
                            after_end);

  /* Translators: an invitation that moves a meeting, from one time to another. */
  return g_strdup_printf (_("%s–%s becomes %s–%s"), before, before_end, after, after_end);
}

typedef struct
{
  GPtrArray  *updates;
  const char *author;
} Apply;

static gboolean
apply_in_transaction (StyrStore  *store,
                      gpointer    user_data,
                      GError    **error)
{
  Apply *apply = user_data;
  GPtrArray *updates = apply->updates;
  const char *author = apply->author;

  for (guint i = 0; i < updates->len; i++)
    {
      StyrIcsUpdate *update = g_ptr_array_index (updates, i);
      g_autoptr(StyrMeetingState) state = styr_meeting_load_state (store, update->meeting_id);
      g_autoptr(JsonObject) changes = json_object_new ();
      g_autofree char *state_id = styr_work_state_id (update->meeting_id);
      g_autofree char *start = g_date_time_format_iso8601 (update->new_start);
      g_autofree char *end = g_date_time_format_iso8601 (update->new_end);
      JsonObject *invitation = json_object_new ();

      json_object_set_int_member (invitation, "slot", update->slot);
      json_object_set_string_member (invitation, "start", start);
      json_object_set_string_member (invitation, "end", end);
      if (update->description != NULL)
        json_object_set_string_member (invitation, "description", update->description);
      json_object_set_object_member (changes, "invitation", invitation);

      if (!styr_work_update_state (store, state_id,
                                   state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                                   changes, author, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * styr_ics_apply_import:
 * @store: the store
 * @updates: (element-type StyrIcsUpdate): from styr_ics_plan_import()
 * @author: who imports
 * @error: return location for a #GError
 *
 * Keeps each invitation with its meeting, in the meeting's state: its
 * time then counts for that date, and its text is shown with the agenda.
 *
 * Returns: %TRUE if everything was written; on failure nothing is
 */
gboolean
styr_ics_apply_import (StyrStore   *store,
                       GPtrArray   *updates,
                       const char  *author,
                       GError     **error)
{
  Apply apply = { updates, author };

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (updates != NULL, FALSE);

  return styr_store_transaction (store, apply_in_transaction, &apply, error);
}
