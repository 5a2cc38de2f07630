/* test-meetings.c: choosing a date, registering and reminders, on the
 * bundled catalogue in a real store (calendar files: test-calendar.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store-fixture.h"
#include "styr-catalogue.h"
#include "styr-meeting-actions.h"
#include "styr-reminders.h"
#include "styr-store.h"
#include "styr-work.h"

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
  g_autoptr(StyrMeeting) january = store_fixture_load_meeting (fixture, "meeting:PLM-2020-01");
  g_autoptr(StyrMeeting) december = store_fixture_load_meeting (fixture, "meeting:PLM-2019-12");
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

static GPtrArray *
reminders_at (Fixture    *fixture,
              const char *iso,
              guint       days_before)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrRuleContext) context = NULL;
  GPtrArray *reminders;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  context = styr_rule_context_new (&today);
  context->thresholds.meeting_warning_days = 7;
  context->reminder_days = days_before;
  reminders = styr_meeting_reminders (fixture->store, now, context, &error);
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
  g_autoptr(StyrMeeting) january = store_fixture_load_meeting (fixture, "meeting:PLM-2020-01");
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

/* A past event never stands among the coming ones, even one KOMBIT dates
 * by its month alone. */
static void
test_past (Fixture       *fixture,
           gconstpointer  data)
{
  static const struct { const char *id; const char *today; gboolean past; } cases[] = {
    { "meeting:EVENT-2019-11", "2019-12-16", TRUE },
    { "meeting:EVENT-2019-11", "2019-11-30", FALSE },
    { "meeting:PLM-2019-12", "2019-12-17", FALSE },
    { "meeting:PLM-2019-12", "2019-12-18", TRUE },
    { "meeting:PLM-2020-01", "2019-12-16", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StyrMeeting) meeting = store_fixture_load_meeting (fixture, cases[i].id);
      GDate today;

      g_assert_true (styr_parse_date (cases[i].today, &today));
      if (styr_meeting_is_past (meeting, NULL, &today) != cases[i].past)
        g_error ("%s as of %s: past is %d", cases[i].id, cases[i].today, !cases[i].past);
    }
}

/* A month-only event files after the dated ones of its month and before
 * those of the next, on the Meetings page as in the summary. */
static void
test_filing_order (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *in_order[] = { "meeting:EVENT-2019-11-12", "meeting:EVENT-2019-11",
                             "meeting:PLM-2019-12", "meeting:KSD-OIR-2020-01-13" };
  GDate today, previous;

  g_assert_true (styr_parse_date ("2019-12-16", &today));
  g_date_clear (&previous, 1);
  for (guint i = 0; i < G_N_ELEMENTS (in_order); i++)
    {
      g_autoptr(StyrMeeting) meeting = store_fixture_load_meeting (fixture, in_order[i]);
      GDate day;

      g_assert_true (styr_meeting_get_filing_day (meeting, NULL, &today, &day));
      if (i > 0 && g_date_compare (&previous, &day) >= 0)
        g_error ("%s files before %s", in_order[i], in_order[i - 1]);
      previous = day;
    }
}

/* Own notes are saved as typed: trimmed, blank lines are no questions,
 * and text equal to what is stored makes no revision. */
static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(StyrMeeting) may = store_fixture_load_meeting (fixture, "meeting:PLM-2020-05");
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) questions = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *after = NULL;
  gboolean written = FALSE;

  g_assert_true (styr_meeting_save_notes (fixture->store, may, "  Spørg om YR-testen \n",
                                          "Hvornår?\n\n  \n Hvem tester? ", "mette", &written,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (written);
  state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-05");
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (state), "notes"), ==,
                   "Spørg om YR-testen");
  questions = styr_record_dup_strv (STYR_RECORD (state), "questions");
  g_assert_cmpuint (g_strv_length (questions), ==, 2);
  g_assert_cmpstr (questions[1], ==, "Hvem tester?");

  /* The same text again, as a save on leaving the meeting does. */
  rev = state_rev (fixture, "meeting:PLM-2020-05");
  g_assert_true (styr_meeting_save_notes (fixture->store, may, "Spørg om YR-testen",
                                          "Hvornår?\nHvem tester?", "mette", &written, &error));
  g_assert_false (written);
  after = state_rev (fixture, "meeting:PLM-2020-05");
  g_assert_cmpstr (after, ==, rev);

  /* Emptied, the notes are gone, not kept as "". */
  g_assert_true (styr_meeting_save_notes (fixture->store, may, " ", "", "mette", &written, &error));
  g_assert_true (written);
  g_clear_object (&state);
  state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-05");
  g_assert_null (styr_record_get_string (STYR_RECORD (state), "notes"));
  g_clear_pointer (&questions, g_strfreev);
  questions = styr_record_dup_strv (STYR_RECORD (state), "questions");
  g_assert_true (questions == NULL || questions[0] == NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/meetings/" name, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("choose-and-register", test_choose_and_register);
  ADD ("notes", test_notes);
  ADD ("reminders", test_reminders);
  ADD ("past", test_past);
  ADD ("filing-order", test_filing_order);

  return g_test_run ();
}
