/* styr-ics-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-ics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-format.h"
#include "styr-ics-private.h"
#include "styr-json.h"
#include "styr-meeting-actions.h"
#include "styr-work.h"

/* KOMBIT's invitations, read as Evolution and Thunderbird read them
 * (RFC 5545 and iTIP, RFC 5546): an invitation is matched to its meeting
 * by the UID of one imported before, else by its day, else by its title
 * when KOMBIT moved it to another day. A REQUEST or PUBLISH sets the time
 * of that date, a CANCEL or STATUS:CANCELLED marks it cancelled, and an
 * older SEQUENCE than the one imported is refused. Nothing is written
 * until styr_ics_apply_import(), and a file Styr cannot read right is
 * refused whole, with the reason.
 */

/* How far KOMBIT may move a meeting and the invitation still be taken for
 * it by its title alone. */
#define MOVE_DAYS 45

typedef struct
{
  const char *summary;
  const char *uid;
  gint64      sequence;
  gboolean    cancelled;
  gboolean    all_day;
  GDateTime  *start;
  GDateTime  *end;
} Event;

/* One date of a meeting as Styr holds it. */
typedef struct
{
  char             *meeting_id;
  StyrMeeting      *meeting;
  StyrMeetingState *state;
  int               index;
  gboolean          all_day;
  gboolean          cancelled;
  GDateTime        *start;
  GDateTime        *end;
} Held;

static void
held_free (Held *held)
{
  g_free (held->meeting_id);
  g_clear_object (&held->meeting);
  g_clear_object (&held->state);
  g_clear_pointer (&held->start, g_date_time_unref);
  g_clear_pointer (&held->end, g_date_time_unref);
  g_free (held);
}

static void
event_clear (Event *event)
{
  g_clear_pointer (&event->start, g_date_time_unref);
  g_clear_pointer (&event->end, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Event, event_clear)

static GDateTime *
day_start (GTimeZone   *zone,
           const GDate *day)
{
  return g_date_time_new (zone, g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), 0, 0, 0);
}

static void
local_day (GTimeZone *zone,
           GDateTime *time,
           GDate     *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static int
days_between (GTimeZone *zone,
              GDateTime *a,
              GDateTime *b)
{
  GDate da, db;

  local_day (zone, a, &da);
  local_day (zone, b, &db);
  return ABS (g_date_days_between (&da, &db));
}

/* Every date of every meeting, with the times it has now. */
static GPtrArray *
load_held (StyrStore  *store,
           GTimeZone  *zone,
           GError    **error)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (store, "meeting", NULL, NULL, NULL, error);
  GPtrArray *held;

  if (ids == NULL)
    return NULL;

  held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_free);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, NULL);
      g_autoptr(StyrRecord) record = body != NULL ? styr_record_load (id, NULL, body) : NULL;
      g_autoptr(StyrMeetingState) state = NULL;
      g_autoptr(GPtrArray) slots = NULL;
      GDate day;

      if (record == NULL || !STYR_IS_MEETING (record))
        continue;
      state = styr_meeting_load_state (store, id);
      slots = styr_meeting_dup_effective_slots (STYR_MEETING (record), state);
      for (guint s = 0; s < slots->len; s++)
        {
          StyrSlot *slot = g_ptr_array_index (slots, s);
          Held *date = g_new0 (Held, 1);

          date->meeting_id = g_strdup (id);
          date->meeting = g_object_ref (STYR_MEETING (record));
          date->state = state != NULL ? g_object_ref (state) : NULL;
          date->index = (int) s;
          date->cancelled = slot->cancelled;
          date->start = g_date_time_ref (slot->start);
          date->end = g_date_time_ref (slot->end);
          g_ptr_array_add (held, date);
        }

      if (slots->len == 0 && styr_meeting_get_effective_date (STYR_MEETING (record), state, &day))
        {
          Held *date = g_new0 (Held, 1);

          date->meeting_id = g_strdup (id);
          date->meeting = g_object_ref (STYR_MEETING (record));
          date->state = state != NULL ? g_object_ref (state) : NULL;
          date->all_day = TRUE;
          date->cancelled = styr_meeting_is_cancelled (state, 0);
          date->start = day_start (zone, &day);
          date->end = g_date_time_add_days (date->start, 1);
          g_ptr_array_add (held, date);
        }
    }

  return held;
}

static JsonObject *
held_invitation (Held *held)
{
  return styr_meeting_get_invitation (held->state, held->index);
}

static gboolean
titles_match (const char *summary,
              const char *title)
{
  g_autofree char *a = g_utf8_casefold (summary != NULL ? summary : "", -1);
  g_autofree char *b = g_utf8_casefold (title != NULL ? title : "", -1);

  return a[0] != '\0' && b[0] != '\0' && (strstr (a, b) != NULL || strstr (b, a) != NULL);
}

static gboolean
names (const Event *event,
       Held        *date)
{
  return titles_match (event->summary, styr_meeting_get_title (date->meeting));
}

/* The date an event is for: the one whose earlier invitation had its UID;
 * else one on its day that its title names; else the nearest date of the
 * one meeting its title names, as KOMBIT moved it; else the one meeting
 * on its day. A title that names another meeting than the one on its day
 * is never taken for that one. */
static Held *
match_event (GPtrArray   *held,
             GTimeZone   *zone,
             const Event *event,
             gboolean    *moved)
{
  Held *on_day = NULL;
  Held *found = NULL;
  guint n_on_day = 0;
  const char *named = NULL;
  gboolean several = FALSE;

  *moved = FALSE;
  for (guint i = 0; event->uid != NULL && i < held->len; i++)
    {
      Held *date = g_ptr_array_index (held, i);
      JsonObject *invitation = held_invitation (date);

      if (invitation != NULL &&
          g_strcmp0 (styr_json_get_string (invitation, "uid", NULL), event->uid) == 0)
        {
          *moved = days_between (zone, date->start, event->start) != 0;
          return date;
        }
    }

  for (guint i = 0; i < held->len; i++)
    {
      Held *date = g_ptr_array_index (held, i);

      if (days_between (zone, date->start, event->start) != 0)
        continue;
      if (names (event, date))
        return date;
      n_on_day++;
      on_day = date;
    }

  for (guint i = 0; i < held->len; i++)
    {
      Held *date = g_ptr_array_index (held, i);
      int distance = days_between (zone, date->start, event->start);
      int chosen = date->state != NULL ? styr_meeting_state_get_chosen_slot (date->state) : -1;

      if (distance > MOVE_DAYS || !names (event, date))
        continue;
      if (named != NULL && !g_str_equal (named, date->meeting_id))
        several = TRUE;
      named = date->meeting_id;
      /* The chosen date is the one the municipality has in its calendar. */
      if (found == NULL || date->index == chosen ||
          (distance < days_between (zone, found->start, event->start) &&
           found->index != chosen))
        found = date;
    }
  if (found != NULL && !several)
    {
      *moved = TRUE;
      return found;
    }

  /* An unnamed event counts only when it is the one meeting that day. */
  return named == NULL && n_on_day == 1 ? on_day : NULL;
}

static gboolean
has_observances (icaltimezone *zone)
{
  icalcomponent *component = icaltimezone_get_component (zone);

  return component != NULL &&
         (icalcomponent_get_first_component (component, ICAL_XSTANDARD_COMPONENT) != NULL ||
          icalcomponent_get_first_component (component, ICAL_XDAYLIGHT_COMPONENT) != NULL);
}

static const char *
or_unnamed (const char *summary)
{
  return summary != NULL ? summary : _("(no title)");
}

/* A time as an instant: in UTC, in the zone the file describes, in the
 * zone its TZID names, or, with neither, Copenhagen's wall-clock time, as
 * every time in Styr is. An unknown zone is refused, never taken for
 * Copenhagen. %NULL for a time that is none, with @error set only for an
 * unknown zone. */
static GDateTime *
zoned_instant (struct icaltimetype   t,
               const char           *tzid,
               GTimeZone            *copenhagen,
               const char           *summary,
               GError              **error)
{
  icaltimezone *zone = (icaltimezone *) t.zone;
  g_autoptr(GDateTime) utc = NULL;

  if (icaltime_is_utc (t))
    zone = icaltimezone_get_utc_timezone ();
  else if (zone == NULL || !has_observances (zone))
    zone = tzid != NULL ? _styr_ics_zone_for_tzid (tzid) : NULL;

  if (zone == NULL && tzid != NULL)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_UNKNOWN_ZONE,
                   /* Translators: the event's title, then the time zone's name. */
                   _("“%s” gives its time in the time zone “%s”, which the file does not "
                     "describe and Styr does not know, so its time cannot be read right. "
                     "Nothing was imported."), or_unnamed (summary), tzid);
      return NULL;
    }
  if (zone == NULL)
    return g_date_time_new (copenhagen, t.year, t.month, t.day, t.hour, t.minute, t.second);

  utc = g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (t, zone));
  return utc != NULL ? g_date_time_to_timezone (utc, copenhagen) : NULL;
}

/* A DTSTART or DTEND: a whole day, or an instant. */
static gboolean
read_time (icalcomponent  *component,
           icalproperty   *property,
           GTimeZone      *copenhagen,
           const char     *summary,
           GDateTime     **time,
           gboolean       *all_day,
           GError        **error)
{
  struct icaltimetype t = icalproperty_get_datetime_with_component (property, component);
  icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  const char *tzid = parameter != NULL ? icalparameter_get_tzid (parameter) : NULL;
  GError *zone_error = NULL;

  *all_day = t.is_date;
  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    *time = NULL;
  else if (t.is_date)
    *time = g_date_time_new (copenhagen, t.year, t.month, t.day, 0, 0, 0);
  else if ((*time = zoned_instant (t, tzid, copenhagen, summary, &zone_error)) == NULL &&
           zone_error != NULL)
    {
      g_propagate_error (error, zone_error);
      return FALSE;
    }

  if (*time == NULL)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   /* Translators: %s is the property, e.g. DTSTART, then the event's title. */
                   _("The %s of “%s” is not a date and time. Nothing was imported."),
                   icalproperty_kind_to_string (icalproperty_isa (property)), or_unnamed (summary));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_event (icalcomponent  *component,
            gboolean        cancelling,
            GTimeZone      *zone,
            Event          *event,
            GError        **error)
{
  icalproperty *start = icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY);
  icalproperty *end = icalcomponent_get_first_property (component, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (component, ICAL_DURATION_PROPERTY);
  icalproperty *rule = icalcomponent_get_first_property (component, ICAL_RRULE_PROPERTY);
  icalproperty *sequence = icalcomponent_get_first_property (component, ICAL_SEQUENCE_PROPERTY);
  gboolean end_all_day = FALSE;

  event->summary = icalcomponent_get_summary (component);
  event->uid = icalcomponent_get_uid (component);
  event->sequence = sequence != NULL ? icalproperty_get_sequence (sequence) : 0;
  event->cancelled = cancelling ||
                     icalcomponent_get_status (component) == ICAL_STATUS_CANCELLED;

  if (rule != NULL ||
      icalcomponent_get_first_property (component, ICAL_RDATE_PROPERTY) != NULL)
    {
      struct icalrecurrencetype recurrence = rule != NULL ? icalproperty_get_rrule (rule)
                                                          : (struct icalrecurrencetype) { 0 };
      g_autofree char *how = rule != NULL ? icalrecurrencetype_as_string_r (&recurrence)
                                          : g_strdup ("RDATE");

      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_UNSUPPORTED,
                   /* Translators: the event's title, then its rule, e.g. FREQ=MONTHLY. */
                   _("“%s” is a recurring series (%s). Styr keeps each meeting on its own date: "
                     "import KOMBIT’s invitation for the one meeting instead. Nothing was "
                     "imported."), or_unnamed (event->summary), how);
      return FALSE;
    }

  if (start == NULL)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   /* Translators: %s is an event's title in a calendar file. */
                   _("The event “%s” in the calendar file has no start time."),
                   or_unnamed (event->summary));
      return FALSE;
    }

  if (!read_time (component, start, zone, event->summary, &event->start, &event->all_day, error))
    return FALSE;
  if (end != NULL &&
      !read_time (component, end, zone, event->summary, &event->end, &end_all_day, error))
    return FALSE;
  if (end == NULL && duration != NULL)
    {
      int seconds = icaldurationtype_as_int (icalproperty_get_duration (duration));

      if (seconds > 0)
        event->end = g_date_time_add_seconds (event->start, seconds);
    }
  if (end != NULL && end_all_day != event->all_day)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   /* Translators: %s is an event's title in a calendar file. */
                   _("“%s” starts and ends differently, one with a time and one with only a day "
                     "(RFC 5545 asks for both alike), so its time cannot be read right. Nothing "
                     "was imported."), or_unnamed (event->summary));
      return FALSE;
    }
  if (event->end == NULL && event->all_day)
    event->end = g_date_time_add_days (event->start, 1);

  if (event->end != NULL && g_date_time_compare (event->end, event->start) < 0)
    {
      g_autoptr(GDateTime) local_start = g_date_time_to_timezone (event->start, zone);
      g_autoptr(GDateTime) local_end = g_date_time_to_timezone (event->end, zone);
      g_autofree char *from = g_date_time_format (local_start, "%d-%m-%Y %H:%M");
      g_autofree char *to = g_date_time_format (local_end, "%d-%m-%Y %H:%M");

      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   /* Translators: the event's title, its start and its end. */
                   _("“%s” ends before it starts (%s, ending %s), so it is not a meeting Styr "
                     "can keep. Nothing was imported."), or_unnamed (event->summary), from, to);
      return FALSE;
    }
  /* No end, or the same as the start: the meeting keeps its length. */
  if (event->end != NULL && g_date_time_equal (event->end, event->start))
    g_clear_pointer (&event->end, g_date_time_unref);

  return TRUE;
}

static gboolean
same_times (Held                *held,
            const StyrIcsUpdate *update)
{
  return held->all_day == update->new_all_day && g_date_time_equal (held->start, update->new_start) &&
         g_date_time_equal (held->end, update->new_end);
}

static StyrIcsUpdate *
plan_event (Held         *held,
            GTimeZone    *zone,
            const Event  *event,
            gboolean      moved,
            const char   *description,
            GError      **error)
{
  JsonObject *invitation = held_invitation (held);
  gboolean same_uid = invitation != NULL && event->uid != NULL &&
                      g_strcmp0 (styr_json_get_string (invitation, "uid", NULL), event->uid) == 0;
  gint64 held_sequence = same_uid ? styr_json_get_int (invitation, "sequence", 0) : 0;
  const char *title = styr_meeting_get_title (held->meeting);
  g_autoptr(StyrIcsUpdate) update = g_new0 (StyrIcsUpdate, 1);

  /* RFC 5546 raises the SEQUENCE with each change KOMBIT sends, its
   * cancellation too: older is outdated, and a request no newer than the
   * cancellation does not bring the date back. */
  if (same_uid && (event->sequence < held_sequence ||
                   (held->cancelled && !event->cancelled && event->sequence == held_sequence)))
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_OUTDATED,
                   /* Translators: the meeting's title, then two sequence numbers. */
                   _("This invitation for “%s” is older than the one imported before (its "
                     "SEQUENCE is %d, the imported one’s %d): KOMBIT has changed the meeting "
                     "since. Nothing was imported."),
                   title, (int) event->sequence, (int) held_sequence);
      return NULL;
    }

  if (event->all_day && !held->all_day && !event->cancelled)
    {
      g_autofree char *day = styr_format_time_range (event->start, event->start, TRUE);
      g_autofree char *when = styr_format_time_range (held->start, held->end, FALSE);

      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_UNSUPPORTED,
                   /* Translators: the event's title and day, the meeting's title and time. */
                   _("“%s” is a whole-day event, %s, but “%s” has a time, %s; Styr cannot tell "
                     "the time KOMBIT means. Nothing was imported."),
                   or_unnamed (event->summary), day, title, when);
      return NULL;
    }

  update->meeting_id = g_strdup (held->meeting_id);
  update->title = g_strdup (title);
  update->summary = g_strdup (event->summary);
  update->seen_rev = held->state != NULL ? g_strdup (styr_record_get_rev (STYR_RECORD (held->state)))
                                         : NULL;
  update->slot = held->index;
  update->old_all_day = held->all_day;
  update->old_cancelled = held->cancelled;
  update->old_start = g_date_time_ref (held->start);
  update->old_end = g_date_time_ref (held->end);
  update->description = g_strdup (description);
  update->uid = g_strdup (event->uid);
  update->sequence = event->sequence;

  if (event->cancelled)
    {
      /* A cancellation keeps the time the date had. */
      update->new_all_day = held->all_day;
      update->new_start = g_date_time_ref (held->start);
      update->new_end = g_date_time_ref (held->end);
      update->change = held->cancelled &&
                       (same_uid ? event->sequence == held_sequence : event->uid == NULL)
                       ? STYR_ICS_CHANGE_UNCHANGED : STYR_ICS_CHANGE_CANCEL;
      return g_steal_pointer (&update);
    }

  update->new_all_day = event->all_day;
  update->new_start = g_date_time_ref (event->start);
  if (event->end != NULL)
    update->new_end = g_date_time_ref (event->end);
  else if (held->all_day)
    update->new_end = g_date_time_add_hours (event->start, 1);
  else
    update->new_end = g_date_time_add (event->start,
                                       g_date_time_difference (held->end, held->start));

  if (same_times (held, update))
    update->change = same_uid && event->sequence == held_sequence && !held->cancelled &&
                     g_strcmp0 (styr_json_get_string (invitation, "description", NULL),
                                description) == 0
                     ? STYR_ICS_CHANGE_UNCHANGED : STYR_ICS_CHANGE_CONFIRM;
  else if (moved || days_between (zone, held->start, event->start) != 0)
    update->change = STYR_ICS_CHANGE_MOVE;
  else
    update->change = STYR_ICS_CHANGE_TIME;

  return g_steal_pointer (&update);
}

/* The first of libical's notes of what it could not read, anywhere. */
static const char *
first_error (icalcomponent *component)
{
  icalproperty *error = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);

  if (error != NULL)
    return icalproperty_get_xlicerror (error);

  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    {
      const char *found = first_error (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static icalcomponent *
parse_calendar (GBytes  *file,
                GError **error)
{
  g_autofree char *text = _styr_ics_read_text (file, error);
  g_autoptr(icalcomponent) root = NULL;
  const char *damage;

  if (text == NULL)
    return NULL;

  if (g_strstr_len (text, -1, "BEGIN:VCALENDAR") == NULL ||
      (root = icalparser_parse_string (text)) == NULL ||
      icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   _("This is not a calendar file: it does not hold a VCALENDAR in iCalendar "
                     "format (RFC 5545)."));
      return NULL;
    }

  /* libical notes what it could not read as X-LIC-ERROR properties. */
  if ((damage = first_error (root)) != NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (damage, -1);

      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   /* Translators: %s is libical's own note of the damage, in English. */
                   _("The calendar file is damaged: some of its lines are not valid iCalendar "
                     "(%s). Nothing was imported."), g_strstrip (valid));
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* iTIP's methods (RFC 5546, 1.4): an invitation, its update or its
 * cancellation; a plain calendar file has none or PUBLISH. */
static gboolean
read_method (icalcomponent  *calendar,
             gboolean       *cancelling,
             GError        **error)
{
  icalproperty *property = icalcomponent_get_first_property (calendar, ICAL_METHOD_PROPERTY);
  icalproperty_method method = property != NULL ? icalproperty_get_method (property)
                                                : ICAL_METHOD_PUBLISH;

  *cancelling = method == ICAL_METHOD_CANCEL;
  if (method == ICAL_METHOD_PUBLISH || method == ICAL_METHOD_REQUEST ||
      method == ICAL_METHOD_CANCEL)
    return TRUE;

  g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_UNSUPPORTED,
               /* Translators: %s is the file's METHOD, e.g. REPLY. */
               _("This file is not an invitation but an answer between calendars "
                 "(METHOD:%s). Import the invitation KOMBIT sent instead."),
               icalproperty_method_to_string (method));
  return FALSE;
}

/**
 * styr_ics_plan_import:
 * @store: the store
 * @file: the bytes of an iCalendar file, such as KOMBIT's invitation
 * @error: return location for a #GError
 *
 * Matches the file's events to the meetings and works out what importing
 * it would change, without writing anything.
 *
 * Returns: (transfer full) (element-type StyrIcsUpdate): the updates, or
 *   %NULL with @error set for a file that cannot be read right, or one
 *   without a known meeting
 */
GPtrArray *
styr_ics_plan_import (StyrStore  *store,
                      GBytes     *file,
                      GError    **error)
{
  g_autoptr(icalcomponent) root = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autofree char *unmatched = NULL;
  icalcomponent *component;
  gboolean cancelling;
  guint n_events = 0;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if ((root = parse_calendar (file, error)) == NULL || !read_method (root, &cancelling, error) ||
      (zone = _styr_ics_copenhagen (error)) == NULL ||
      (held = load_held (store, zone, error)) == NULL)
    return NULL;

  updates = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_ics_update_free);
  for (component = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       component != NULL;
       component = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      g_auto(Event) event = { 0 };
      StyrIcsUpdate *update;
      gboolean moved;
      Held *date;

      n_events++;
      if (!read_event (component, cancelling, zone, &event, error))
        return NULL;

      date = match_event (held, zone, &event, &moved);
      if (date == NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (event.start, zone);
          g_autofree char *day = g_date_time_format (local, "%d-%m-%Y");

          /* Translators: an event no meeting matches: its title and day. */
          unmatched = g_strdup_printf (_("“%s” on %s"), or_unnamed (event.summary), day);
          break;
        }

      /* A meeting keeps one invitation: a file with two of its dates is
       * refused rather than half kept. */
      for (guint u = 0; u < updates->len; u++)
        if (g_str_equal (((StyrIcsUpdate *) g_ptr_array_index (updates, u))->meeting_id,
                         date->meeting_id))
          {
            g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                         /* Translators: %s is the meeting's id. */
                         _("The calendar file holds more than one date for %s; import one "
                           "invitation at a time."), date->meeting_id);
            return NULL;
          }

      update = plan_event (date, zone, &event, moved, icalcomponent_get_description (component),
                           error);
      if (update == NULL)
        return NULL;
      g_ptr_array_add (updates, update);
    }

  if (n_events == 0)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   _("The calendar file holds no event."));
      return NULL;
    }

  /* Nothing of a file is taken without a word: an event no meeting
   * matches refuses the file. */
  if (unmatched != NULL)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_MATCH,
                   /* Translators: %s names the event, e.g. "“…” on 30-01-2020". */
                   _("No meeting in Styr matches %s: the invitation must be for the day of one "
                     "of the meeting’s dates, or carry its title. Nothing was imported."),
                   unmatched);
      return NULL;
    }

  return g_steal_pointer (&updates);
}

/**
 * styr_ics_count_changes:
 * @updates: (element-type StyrIcsUpdate): from styr_ics_plan_import()
 *
 * Returns: how many of @updates change anything
 */
guint
styr_ics_count_changes (GPtrArray *updates)
{
  guint n = 0;

  for (guint i = 0; i < updates->len; i++)
    n += ((StyrIcsUpdate *) g_ptr_array_index (updates, i))->change != STYR_ICS_CHANGE_UNCHANGED;
  return n;
}

/**
 * styr_ics_describe_update:
 * @update: an update
 *
 * Returns: (transfer full): what the update changes, in words, with
 *   times in Copenhagen
 */
char *
styr_ics_describe_update (StyrIcsUpdate *update)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = styr_format_time_range (update->old_start, update->old_end, update->old_all_day);
  after = styr_format_time_range (update->new_start, update->new_end, update->new_all_day);

  switch (update->change)
    {
    case STYR_ICS_CHANGE_UNCHANGED:
      /* Translators: %s is the meeting's time. */
      return g_strdup_printf (_("Imported before, %s; nothing changes"), after);
    case STYR_ICS_CHANGE_CANCEL:
      /* Translators: %s is the meeting's time. */
      return g_strdup_printf (_("Cancelled by KOMBIT: %s"), before);
    case STYR_ICS_CHANGE_CONFIRM:
      if (update->old_cancelled)
        /* Translators: %s is the meeting's time. */
        return g_strdup_printf (_("No longer cancelled: %s"), after);
      if (update->new_all_day)
        /* Translators: an invitation that keeps a whole-day meeting's day. */
        return g_strdup_printf (_("Date unchanged, %s; the invitation’s text is kept"), after);
      /* Translators: an invitation that keeps the time; %s is the time. */
      return g_strdup_printf (_("Time unchanged, %s; the invitation’s text is kept"), after);
    case STYR_ICS_CHANGE_MOVE:
      if (update->old_cancelled)
        /* Translators: a cancelled meeting KOMBIT brings back on another day. */
        return g_strdup_printf (_("No longer cancelled, and moved by KOMBIT to another day: %s "
                                  "becomes %s"), before, after);
      /* Translators: an invitation that moves a meeting to another day. */
      return g_strdup_printf (_("Moved by KOMBIT to another day: %s becomes %s"), before, after);
    case STYR_ICS_CHANGE_TIME:
    default:
      if (update->old_cancelled)
        /* Translators: a cancelled meeting KOMBIT brings back at another time. */
        return g_strdup_printf (_("No longer cancelled, and %s becomes %s"), before, after);
      /* Translators: an invitation that moves a meeting, from one time to another. */
      return g_strdup_printf (_("%s becomes %s"), before, after);
    }
}

/**
 * styr_ics_format_update:
 * @update: an update
 *
 * Returns: (transfer full): the update as a line of the preview: the
 *   meeting, the invitation's own title where it says more, and what
 *   changes
 */
char *
styr_ics_format_update (StyrIcsUpdate *update)
{
  g_autofree char *change = styr_ics_describe_update (update);
  g_autofree char *title = g_utf8_casefold (update->title, -1);
  g_autofree char *summary = update->summary != NULL ? g_utf8_casefold (update->summary, -1)
                                                     : NULL;

  if (summary == NULL || g_str_equal (title, summary))
    return g_strdup_printf ("%s: %s", update->title, change);

  /* Translators: the meeting, the invitation's title, then what changes. */
  return g_strdup_printf (_("%s (invitation “%s”): %s"), update->title, update->summary, change);
}

typedef struct
{
  GPtrArray  *updates;
  const char *author;
  GTimeZone  *zone;
} Apply;

static JsonObject *
invitation_object (StyrIcsUpdate *update,
                   GTimeZone     *zone)
{
  JsonObject *invitation = json_object_new ();
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  json_object_set_int_member (invitation, "slot", update->slot);
  if (update->new_all_day)
    {
      GDate day;

      local_day (zone, update->new_start, &day);
      json_object_set_string_member (invitation, "date", (date = styr_date_to_iso (&day)));
    }
  else
    {
      g_autoptr(GDateTime) start = g_date_time_to_timezone (update->new_start, zone);
      g_autoptr(GDateTime) end = g_date_time_to_timezone (update->new_end, zone);

      /* In Copenhagen's offset, as the catalogue writes times. */
      json_object_set_string_member (invitation, "start", (from = g_date_time_format_iso8601 (start)));
      json_object_set_string_member (invitation, "end", (to = g_date_time_format_iso8601 (end)));
    }
  if (update->description != NULL)
    json_object_set_string_member (invitation, "description", update->description);
  if (update->uid != NULL)
    json_object_set_string_member (invitation, "uid", update->uid);
  json_object_set_int_member (invitation, "sequence", update->sequence);
  json_object_set_boolean_member (invitation, "cancelled",
                                  update->change == STYR_ICS_CHANGE_CANCEL);
  return invitation;
}

/* The meeting's invitations with @update's in place of the one for its
 * date. */
static JsonArray *
invitations_with (StyrMeetingState *state,
                  StyrIcsUpdate    *update,
                  GTimeZone        *zone)
{
  g_autoptr(GPtrArray) held = styr_meeting_list_invitations (state);
  JsonArray *invitations = json_array_new ();

  for (guint i = 0; i < held->len; i++)
    if (styr_json_get_int (g_ptr_array_index (held, i), "slot", -1) != update->slot)
      json_array_add_object_element (invitations,
                                     json_object_ref (g_ptr_array_index (held, i)));
  json_array_add_object_element (invitations, invitation_object (update, zone));
  return invitations;
}

static gboolean
apply_in_transaction (StyrStore  *store,
                      gpointer    user_data,
                      GError    **error)
{
  Apply *apply = user_data;

  for (guint i = 0; i < apply->updates->len; i++)
    {
      StyrIcsUpdate *update = g_ptr_array_index (apply->updates, i);
      g_autoptr(StyrMeetingState) state = NULL;
      g_autoptr(JsonObject) changes = NULL;
      g_autofree char *state_id = NULL;

      if (update->change == STYR_ICS_CHANGE_UNCHANGED)
        continue;

      state = styr_meeting_load_state (store, update->meeting_id);
      state_id = styr_work_state_id (update->meeting_id);
      changes = json_object_new ();
      json_object_set_array_member (changes, "invitations",
                                    invitations_with (state, update, apply->zone));
      json_object_set_null_member (changes, "invitation");
      /* Against the state the preview was worked out from: a change made
       * since, by a colleague's sync, is a conflict, not overwritten. */
      if (!styr_work_update_state (store, state_id, update->seen_rev, changes, apply->author,
                                   NULL, error))
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
 * time then counts for that date, a cancellation marks the date, and its
 * text is shown with the agenda; the window's undo stack takes it all
 * back as one change.
 *
 * Returns: %TRUE if everything was written; on failure nothing is
 */
gboolean
styr_ics_apply_import (StyrStore   *store,
                       GPtrArray   *updates,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  Apply apply = { updates, author, NULL };

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (updates != NULL, FALSE);

  if ((zone = _styr_ics_copenhagen (error)) == NULL)
    return FALSE;
  apply.zone = zone;
  return styr_store_transaction (store, apply_in_transaction, &apply, error);
}
