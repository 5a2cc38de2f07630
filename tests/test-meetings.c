/* test-meetings.c: choosing a date, registering, and calendar files read
 * back by libical, on the bundled catalogue in a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "store-fixture.h"
#include "styr-catalogue.h"
#include "styr-ics.h"
#include "styr-meeting-actions.h"
#include "styr-reminders.h"
#include "styr-store.h"
#include "styr-work.h"

static StyrMeeting *
load_meeting (Fixture    *fixture,
              const char *id)
{
  g_autoptr(JsonObject) body = styr_store_get (fixture->store, id, NULL, NULL);

  g_assert_nonnull (body);
  return STYR_MEETING (styr_record_load (id, NULL, body));
}

static char *
state_rev (Fixture    *fixture,
           const char *meeting_id)
{
  g_autofree char *state_id = styr_work_state_id (meeting_id);
  char *rev = NULL;

  styr_store_get_status (fixture->store, state_id, &rev, NULL, NULL, NULL);
  return rev;
}

static void
test_choose_and_register (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(StyrMeeting) january = load_meeting (fixture, "meeting:PLM-2020-01");
  g_autoptr(StyrMeeting) december = load_meeting (fixture, "meeting:PLM-2019-12");
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *after = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, G_DATE_DECEMBER, 2019);

  g_assert_true (styr_meeting_choose_slot (fixture->store, january, NULL, 0, "mette", &rev,
                                           &error));
  g_assert_no_error (error);

  /* There is no third date, and a refused choice writes nothing. */
  g_assert_false (styr_meeting_choose_slot (fixture->store, january, rev, 2, "mette", NULL,
                                            &error));
  g_assert_error (error, STYR_MEETING_ACTION_ERROR, STYR_MEETING_ACTION_ERROR_NO_SUCH_SLOT);
  g_assert_nonnull (strstr (error->message, "Programledermøde januar 2020"));
  g_clear_error (&error);
  after = state_rev (fixture, "meeting:PLM-2020-01");
  g_assert_cmpstr (after, ==, rev);

  /* The choice can be changed, and the registration is recorded with its date. */
  g_assert_true (styr_meeting_choose_slot (fixture->store, january, rev, 1, "mette", NULL, &error));
  g_clear_pointer (&rev, g_free);
  rev = state_rev (fixture, "meeting:PLM-2020-01");
  g_assert_true (styr_meeting_set_registered (fixture->store, january, rev, TRUE, "mette",
                                              &today, NULL, &error));
  g_assert_no_error (error);
  state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-01");
  g_assert_cmpint (styr_meeting_state_get_chosen_slot (state), ==, 1);
  g_assert_true (styr_meeting_state_get_registered (state));
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (state), "registered_on"), ==,
                   "2019-12-18");

  /* December had no registration page. */
  g_assert_false (styr_meeting_set_registered (fixture->store, december, NULL, TRUE, "mette",
                                               &today, NULL, &error));
  g_assert_error (error, STYR_MEETING_ACTION_ERROR, STYR_MEETING_ACTION_ERROR_NO_REGISTRATION);

  /* KOMBIT's attendance lists: 16 and 17 December. */
  g_assert_cmpuint (styr_meeting_attendance_total (december, "2019-12-16") +
                    styr_meeting_attendance_total (december, "2019-12-17"), ==,
                    styr_meeting_attendance_total (december, NULL));
  g_assert_cmpuint (styr_meeting_attendance_total (december, "2019-12-16"), >, 0);
}

typedef struct
{
  char   *uid;
  char   *summary;
  char   *description;
  char   *url;
  gint64  start;
  gint64  end;
  int     status;
  gboolean alarm;
} Event;

static void
event_free (Event *event)
{
  g_free (event->uid);
  g_free (event->summary);
  g_free (event->description);
  g_free (event->url);
  g_free (event);
}

/* Reads a calendar file back with libical, the way a calendar would. */
static GPtrArray *
parse_events (const char *text,
              gboolean   *has_timezone)
{
  icalcomponent *root = icalparser_parse_string (text);
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);

  g_assert_nonnull (root);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (root), ==, 0);
  *has_timezone = icalcomponent_get_first_component (root, ICAL_VTIMEZONE_COMPONENT) != NULL;

  for (icalcomponent *vevent = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      Event *event = g_new0 (Event, 1);
      struct icaltimetype start = icalcomponent_get_dtstart (vevent);
      struct icaltimetype end = icalcomponent_get_dtend (vevent);

      /* The times name the calendar's own VTIMEZONE. */
      g_assert_nonnull (start.zone);
      event->uid = g_strdup (icalcomponent_get_uid (vevent));
      event->summary = g_strdup (icalcomponent_get_summary (vevent));
      event->description = g_strdup (icalcomponent_get_description (vevent));
      if (icalcomponent_get_first_property (vevent, ICAL_URL_PROPERTY) != NULL)
        event->url = g_strdup (icalproperty_get_url (
          icalcomponent_get_first_property (vevent, ICAL_URL_PROPERTY)));
      event->start = icaltime_as_timet_with_zone (start, start.zone);
      event->end = icaltime_as_timet_with_zone (end, end.zone);
      event->status = icalcomponent_get_status (vevent);
      event->alarm = icalcomponent_get_first_component (vevent, ICAL_VALARM_COMPONENT) != NULL;
      g_ptr_array_add (events, event);
    }

  icalcomponent_free (root);
  return events;
}

static gint64
utc (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static void
test_ics_export (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *april = NULL;
  g_autofree char *again = NULL;
  g_autofree char *january = NULL;
  g_autofree char *chosen = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) repeat = NULL;
  g_autoptr(GPtrArray) winter = NULL;
  g_autoptr(GPtrArray) after_choice = NULL;
  g_autoptr(StyrMeeting) april_meeting = load_meeting (fixture, "meeting:PLM-2020-04");
  gboolean has_timezone = FALSE;
  Event *first;

  /* April 2020 is summer time: 10:00 in Copenhagen is 08:00 UTC. Both
   * dates are held, tentatively, while none is chosen. */
  april = styr_ics_export (fixture->store, "meeting:PLM-2020-04", &error);
  g_assert_no_error (error);
  events = parse_events (april, &has_timezone);
  g_assert_true (has_timezone);
  g_assert_cmpuint (events->len, ==, 2);
  first = g_ptr_array_index (events, 0);
  g_assert_cmpint (first->start, ==, utc ("2020-04-29T08:00:00Z"));
  g_assert_cmpint (first->end, ==, utc ("2020-04-29T09:30:00Z"));
  g_assert_cmpint (first->status, ==, ICAL_STATUS_TENTATIVE);
  g_assert_true (first->alarm);
  g_assert_cmpstr (first->url, ==, "https://www.conferencemanager.dk/programlederapril2020");

  /* January is winter time: 10:00 is 09:00 UTC. */
  january = styr_ics_export (fixture->store, "meeting:PLM-2020-01", &error);
  winter = parse_events (january, &has_timezone);
  g_assert_cmpint (((Event *) g_ptr_array_index (winter, 0))->start, ==,
                   utc ("2020-01-30T09:00:00Z"));
  g_assert_nonnull (strstr (((Event *) g_ptr_array_index (winter, 0))->description,
                            "Aktuelle og kommende KLIK-opgaver"));

  /* The UIDs stay the same from one export to the next, so a calendar
   * updates its events; choosing a date confirms it and cancels the other. */
  again = styr_ics_export (fixture->store, "meeting:PLM-2020-04", &error);
  repeat = parse_events (again, &has_timezone);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpstr (((Event *) g_ptr_array_index (repeat, i))->uid, ==,
                     ((Event *) g_ptr_array_index (events, i))->uid);

  g_assert_true (styr_meeting_choose_slot (fixture->store, april_meeting, NULL, 1, "mette", NULL,
                                           &error));
  chosen = styr_ics_export (fixture->store, "meeting:PLM-2020-04", &error);
  after_choice = parse_events (chosen, &has_timezone);
  g_assert_cmpstr (((Event *) g_ptr_array_index (after_choice, 1))->uid, ==,
                   ((Event *) g_ptr_array_index (events, 1))->uid);
  g_assert_cmpint (((Event *) g_ptr_array_index (after_choice, 1))->status, ==,
                   ICAL_STATUS_CONFIRMED);
  g_assert_cmpint (((Event *) g_ptr_array_index (after_choice, 0))->status, ==,
                   ICAL_STATUS_CANCELLED);
  g_assert_cmpstr (((Event *) g_ptr_array_index (after_choice, 1))->summary, ==,
                   "Programledermøde april 2020");

  /* An unknown meeting is named in the error. */
  g_assert_null (styr_ics_export (fixture->store, "meeting:PLM-2031-01", &error));
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_UNKNOWN_MEETING);
  g_assert_nonnull (strstr (error->message, "PLM-2031-01"));
}

static const char invitation[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//KOMBIT//Invitation//DA\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:kombit-plm-januar-2020\r\n"
  "DTSTAMP:20200123T090000Z\r\n"
  "DTSTART:20200130T093000Z\r\n"
  "DTEND:20200130T110000Z\r\n"
  "SUMMARY:Programledermøde januar 2020\r\n"
  "DESCRIPTION:Skype-link følger. Dagsorden: transition af Serviceplatformen.\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_ics_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(StyrMeeting) january = load_meeting (fixture, "meeting:PLM-2020-01");
  g_autoptr(StyrMeetingState) state = NULL;
  g_autofree char *described = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *moved = NULL;
  StyrIcsUpdate *update;
  StyrSlot *slot;
  gboolean has_timezone;
  g_autoptr(GPtrArray) events = NULL;

  /* KOMBIT's invitation moves the first January date by half an hour. */
  updates = styr_ics_plan_import (fixture->store, invitation, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (updates->len, ==, 1);
  update = g_ptr_array_index (updates, 0);
  g_assert_cmpstr (update->meeting_id, ==, "meeting:PLM-2020-01");
  g_assert_cmpint (update->slot, ==, 0);
  described = styr_ics_describe_update (update);
  g_assert_cmpstr (described, ==, "30-01-2020 10:00–11:30 becomes 30-01-2020 10:30–12:00");

  /* Nothing is written until the user agrees. */
  g_assert_null (styr_meeting_load_state (fixture->store, "meeting:PLM-2020-01"));
  g_assert_true (styr_ics_apply_import (fixture->store, updates, "mette", &error));
  g_assert_no_error (error);
  state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-01");
  slots = styr_meeting_dup_effective_slots (january, state);
  slot = g_ptr_array_index (slots, 0);
  g_assert_cmpint (g_date_time_to_unix (slot->start), ==, utc ("2020-01-30T09:30:00Z"));

  /* The next export carries the invitation's time. */
  exported = styr_ics_export (fixture->store, "meeting:PLM-2020-01", &error);
  events = parse_events (exported, &has_timezone);
  g_assert_cmpint (((Event *) g_ptr_array_index (events, 0))->start, ==,
                   utc ("2020-01-30T09:30:00Z"));

  /* A file with both dates of one meeting is refused, not half kept. */
  {
    g_autoptr(GString) both = g_string_new (invitation);
    g_autofree char *second = g_strdup (strstr (invitation, "BEGIN:VEVENT"));

    *strstr (second, "END:VCALENDAR") = '\0';
    memcpy (strstr (second, "DTSTART:20200130"), "DTSTART:20200131", 16);
    g_string_insert (both, strstr (both->str, "END:VCALENDAR") - both->str, second);
    g_assert_null (styr_ics_plan_import (fixture->store, both->str, &error));
    g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "PLM-2020-01"));
    g_clear_error (&error);
  }

  /* An invitation for a day without a meeting is refused by name. */
  moved = g_strdup (invitation);
  memcpy (strstr (moved, "DTSTART:20200130"), "DTSTART:20200102", 16);
  g_assert_null (styr_ics_plan_import (fixture->store, moved, &error));
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_MATCH);
  g_assert_nonnull (strstr (error->message, "02-01-2020"));
}

static void
test_ics_malformed (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *broken[] = {
    "",
    "Dette er et regneark\n",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Uden start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:ikke-en-tid\r\nSUMMARY:X\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n",
    "\xff\xfe\x00B",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) updates = styr_ics_plan_import (fixture->store, broken[i], &error);

      g_test_message ("case %u", i);
      g_assert_null (updates);
      g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED);
    }
}

static GPtrArray *
reminders_at (Fixture    *fixture,
              const char *iso,
              guint       days_before)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GError) error = NULL;
  StyrRuleThresholds thresholds;
  GPtrArray *reminders;

  styr_rule_thresholds_init (&thresholds);
  thresholds.meeting_warning_days = 7;
  reminders = styr_meeting_reminders (fixture->store, now, days_before, &thresholds, &error);
  g_assert_no_error (error);
  return reminders;
}

static gboolean
has_reminder (GPtrArray  *reminders,
              const char *id)
{
  for (guint i = 0; i < reminders->len; i++)
    if (g_str_equal (((StyrReminder *) g_ptr_array_index (reminders, i))->id, id))
      return TRUE;
  return FALSE;
}

static void
test_reminders (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StyrMeeting) january = load_meeting (fixture, "meeting:PLM-2020-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) early = reminders_at (fixture, "2020-01-20T09:00:00+01:00", 2);
  g_autoptr(GPtrArray) week = reminders_at (fixture, "2020-01-24T09:00:00+01:00", 2);
  g_autoptr(GPtrArray) too_soon = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) hour = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) registered = NULL;
  g_autofree char *rev = NULL;

  /* Ten days ahead nothing; six days ahead, choose a date. */
  g_assert_false (has_reminder (early, "choose:PLM-2020-01"));
  g_assert_true (has_reminder (week, "choose:PLM-2020-01"));

  /* Chosen but not registered: register, a week ahead. */
  g_assert_true (styr_meeting_choose_slot (fixture->store, january, NULL, 0, "mette", &rev,
                                           &error));
  registered = reminders_at (fixture, "2020-01-24T09:00:00+01:00", 2);
  g_assert_false (has_reminder (registered, "choose:PLM-2020-01"));
  g_assert_true (has_reminder (registered, "register:PLM-2020-01"));

  /* The chosen date: two days ahead and an hour ahead, not three days. */
  too_soon = reminders_at (fixture, "2020-01-27T09:59:00+01:00", 2);
  g_assert_false (has_reminder (too_soon, "days:PLM-2020-01:0"));
  days = reminders_at (fixture, "2020-01-28T10:30:00+01:00", 2);
  g_assert_true (has_reminder (days, "days:PLM-2020-01:0"));
  hour = reminders_at (fixture, "2020-01-30T09:15:00+01:00", 2);
  g_assert_true (has_reminder (hour, "hour:PLM-2020-01:0"));
  g_assert_false (has_reminder (hour, "days:PLM-2020-01:0"));

  /* Once given, a reminder is not given again. */
  for (guint i = 0; i < hour->len; i++)
    g_assert_true (styr_reminder_take (fixture->store, g_ptr_array_index (hour, i), &error));
  again = reminders_at (fixture, "2020-01-30T09:20:00+01:00", 2);
  g_assert_false (has_reminder (again, "hour:PLM-2020-01:0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/meetings/" name, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("choose-and-register", test_choose_and_register);
  ADD ("ics-export", test_ics_export);
  ADD ("ics-import", test_ics_import);
  ADD ("ics-malformed", test_ics_malformed);
  ADD ("reminders", test_reminders);

  return g_test_run ();
}
