/* test-calendar.c: calendar files out, read back by python3-icalendar,
 * python3-vobject and khal, and KOMBIT's invitations in, from the fixtures
 * in tests/fixtures/invitations, on the bundled catalogue in a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <string.h>

#include "store-fixture.h"
#include "styr-undo-stack.h"
#include "styr-ics.h"
#include "styr-meeting-actions.h"
#include "styr-rules.h"
#include "styr-summary.h"
#include "styr-work.h"

/* What the files are written for: the ERP system and the reminder of
 * Preferences. */
static StyrRuleContext *
options (const char *erp,
         guint       days)
{
  GDate today;
  StyrRuleContext *context;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 16, G_DATE_DECEMBER, 2019);
  context = styr_rule_context_new (&today);
  context->erp_system = g_strdup (erp);
  context->reminder_days = days;
  return context;
}

static StyrRuleContext *two_days;

static char *
export (Fixture              *fixture,
        const char           *id,
        const StyrRuleContext *context)
{
  g_autoptr(GError) error = NULL;
  char *text = styr_ics_export (fixture->store, id, context, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* What a client must see of one event: times as UTC, days as dates. */
typedef struct
{
  const char *uid;
  const char *start;
  const char *end;
  const char *status;
  const char *summary;
  int         sequence;
  const char *alarm;
} Expect;

/* Reads @text with the three clients (tests/check-ics.py), which must see
 * exactly the @n events of @expect. */
static void
check_with_clients (Fixture      *fixture,
                    const char   *text,
                    const Expect *expect,
                    guint         n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *ics = g_build_filename (fixture->dir, "export.ics", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "expect.json", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-ics.py", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *python = g_getenv ("STYR_PYTHON");
  const char *argv[] = { python != NULL ? python : "python3", script, ics, json, NULL };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (builder, expect[i].uid);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, expect[i].start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, expect[i].end);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, expect[i].status);
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, expect[i].summary);
      json_builder_set_member_name (builder, "sequence");
      json_builder_add_int_value (builder, expect[i].sequence);
      json_builder_set_member_name (builder, "alarm");
      if (expect[i].alarm != NULL)
        json_builder_add_string_value (builder, expect[i].alarm);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, json, &error));
  g_assert_true (g_file_set_contents (ics, text, -1, &error));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    g_error ("%sThe test reads calendar files with real clients; install them with "
             "build-aux/install-deps.sh --tests.", out);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("The calendar clients disagree with Styr's file:\n%s\n%s", out, text);
}

static void
test_export_clients (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(StyrMeeting) march = store_fixture_load_meeting (fixture, "meeting:PLM-2020-03");
  g_autoptr(GError) error = NULL;
  g_autofree char *february = export (fixture, "meeting:PLM-2020-02", two_days);
  g_autofree char *before = export (fixture, "meeting:PLM-2020-03", two_days);
  g_autofree char *chosen = NULL;
  g_autofree char *kick_off = NULL;
  g_autofree char *event_day = NULL;
  g_autofree char *erp = NULL;
  g_autoptr(StyrRuleContext) five_days = options (NULL, 5);
  g_autoptr(StyrRuleContext) opus = options ("KMD OPUS", 2);

  /* Catalogue version 5 revised every meeting (it names its source), so
   * each starts one SEQUENCE on. Both sides of 29 March 2020: 10:00 in
   * Copenhagen is 09:00 UTC in
   * February and 08:00 UTC on 30 March. */
  check_with_clients (fixture, february, (Expect[]) {
    { "PLM-2020-02-1@styr.github.io", "2020-02-26T09:00:00Z", "2020-02-26T10:30:00Z",
      "TENTATIVE", "Programledermøde februar 2020 (date 1 of 2)", 1, "-P2D" },
    { "PLM-2020-02-2@styr.github.io", "2020-02-27T09:00:00Z", "2020-02-27T10:30:00Z",
      "TENTATIVE", "Programledermøde februar 2020 (date 2 of 2)", 1, "-P2D" },
  }, 2);
  check_with_clients (fixture, before, (Expect[]) {
    { "PLM-2020-03-1@styr.github.io", "2020-03-30T08:00:00Z", "2020-03-30T09:30:00Z",
      "TENTATIVE", "Programledermøde marts 2020 (date 1 of 2)", 1, "-P2D" },
    { "PLM-2020-03-2@styr.github.io", "2020-03-31T11:00:00Z", "2020-03-31T12:30:00Z",
      "TENTATIVE", "Programledermøde marts 2020 (date 2 of 2)", 1, "-P2D" },
  }, 2);

  /* Choosing a date confirms it and cancels the other, in the same
   * events, one SEQUENCE on. */
  g_assert_true (styr_meeting_choose_slot (fixture->store, march, NULL, 1, "mette", NULL, &error));
  chosen = export (fixture, "meeting:PLM-2020-03", two_days);
  check_with_clients (fixture, chosen, (Expect[]) {
    { "PLM-2020-03-1@styr.github.io", "2020-03-30T08:00:00Z", "2020-03-30T09:30:00Z",
      "CANCELLED", "Programledermøde marts 2020", 2, NULL },
    { "PLM-2020-03-2@styr.github.io", "2020-03-31T11:00:00Z", "2020-03-31T12:30:00Z",
      "CONFIRMED", "Programledermøde marts 2020", 2, "-P2D" },
  }, 2);

  /* Meetings with only a day are whole-day events; the reminder is the
   * one of Preferences. */
  /* Catalogue version 4 revised both (Styr's own notes apart from
   * KOMBIT's) and version 5 every meeting (where it comes from), so
   * their SEQUENCE is two on. */
  kick_off = export (fixture, "meeting:YR-KICKOFF-2020-01", two_days);
  check_with_clients (fixture, kick_off, (Expect[]) {
    { "YR-KICKOFF-2020-01-1@styr.github.io", "2020-01-29", "2020-01-30", "CONFIRMED",
      "Ydelsesrefusion kick-off via Skype for YR-kontaktpersoner", 2, "-P2D" },
  }, 1);
  event_day = export (fixture, "meeting:EVENT-2020-06-16", five_days);
  check_with_clients (fixture, event_day, (Expect[]) {
    { "EVENT-2020-06-16-1@styr.github.io", "2020-06-16", "2020-06-17", "CONFIRMED",
      "Kommunernes data- og infrastrukturdag (kommuner og it-leverandører)", 2, "-P5D" },
  }, 1);

  /* The ERP-vendor meeting of the chosen ERP system, confirmed. */
  erp = export (fixture, "meeting:KSD-OIR-2020-01-13", opus);
  check_with_clients (fixture, erp, (Expect[]) {
    { "KSD-OIR-2020-01-13-1@styr.github.io", "2020-01-13T12:00:00Z", "2020-01-13T14:00:00Z",
      "CONFIRMED", "KSD Skype-møde om ØiR-relaterede KLIK-opgaver — KMD/OPUS-kommuner", 1,
      "-P2D" },
  }, 1);
}

static icalcomponent *
parse (const char *text)
{
  icalcomponent *root = icalparser_parse_string (text);

  g_assert_nonnull (root);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (root), ==, 0);
  return root;
}

static GStrv
uids (const char *text)
{
  icalcomponent *root = parse (text);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    g_strv_builder_add (builder, icalcomponent_get_uid (event));
  icalcomponent_free (root);
  return g_strv_builder_end (builder);
}

static gboolean
has_prefix_in (GStrv       list,
               const char *prefix)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_has_prefix (list[i], prefix))
      return TRUE;
  return FALSE;
}

static void
test_export_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *with_erp = NULL;
  g_autofree char *quiet = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) plain_uids = NULL;
  g_auto(GStrv) erp_uids = NULL;
  g_autoptr(StyrMeeting) april = store_fixture_load_meeting (fixture, "meeting:PLM-2020-04");
  g_autoptr(StyrRuleContext) opus = options ("KMD OPUS", 2);
  g_autoptr(StyrRuleContext) prisme = options ("Fujitsu Prisme", 2);
  g_autoptr(StyrRuleContext) no_alarm = options (NULL, 0);
  const char *zone;
  const char *zone_end;

  /* One compact VTIMEZONE named as the tz database names it. */
  all = styr_ics_export (fixture->store, NULL, two_days, &left_out, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (all, "freeassociation"));
  zone = strstr (all, "BEGIN:VTIMEZONE");
  zone_end = strstr (all, "END:VTIMEZONE");
  g_assert_nonnull (zone);
  g_assert_null (strstr (zone_end, "BEGIN:VTIMEZONE"));
  g_assert_cmpint (zone_end - zone, <, 500);
  g_assert_nonnull (strstr (zone, "TZID:Europe/Copenhagen\r\n"));
  g_assert_nonnull (strstr (all, "METHOD:PUBLISH\r\n"));

  /* While no ERP system is chosen, its three meetings are left out, and
   * the export says so. */
  plain_uids = uids (all);
  g_assert_false (has_prefix_in (plain_uids, "KSD-OIR-"));
  g_assert_nonnull (left_out);
  g_assert_nonnull (strstr (left_out, "ERP"));
  g_clear_pointer (&left_out, g_free);
  with_erp = styr_ics_export (fixture->store, NULL, opus, &left_out, &error);
  erp_uids = uids (with_erp);
  g_assert_null (left_out);
  g_assert_true (has_prefix_in (erp_uids, "KSD-OIR-2020-01-13-"));
  g_assert_false (has_prefix_in (erp_uids, "KSD-OIR-2020-01-14-"));
  g_assert_false (has_prefix_in (erp_uids, "KSD-OIR-2020-01-16-"));
  g_assert_cmpuint (g_strv_length (erp_uids), ==, g_strv_length (plain_uids) + 1);

  /* Nothing to export is an error, naming why. */
  g_assert_null (styr_ics_export (fixture->store, "meeting:EVENT-2019-11", two_days, NULL,
                                  &error));
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_EVENTS);
  g_clear_error (&error);
  g_assert_null (styr_ics_export (fixture->store, "meeting:KSD-OIR-2020-01-13", two_days, NULL,
                                  &error));
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_EVENTS);
  g_assert_nonnull (strstr (error->message, "ØiR"));
  g_clear_error (&error);
  g_assert_null (styr_ics_export (fixture->store, "meeting:KSD-OIR-2020-01-13", prisme, NULL,
                                  &error));
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_EVENTS);
  g_assert_nonnull (strstr (error->message, "KMD OPUS"));
  g_assert_nonnull (strstr (error->message, "Fujitsu Prisme"));
  g_clear_error (&error);
  g_assert_null (styr_ics_export (fixture->store, "meeting:PLM-2031-01", two_days, NULL,
                                  &error));
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_UNKNOWN_MEETING);
  g_clear_error (&error);

  /* No reminder when Preferences asks for none. */
  quiet = export (fixture, "meeting:PLM-2020-04", no_alarm);
  g_assert_null (strstr (quiet, "BEGIN:VALARM"));

  /* The file is named after the meeting and its date, the chosen one once
   * chosen. */
  name = styr_ics_file_name (fixture->store, "meeting:PLM-2020-04");
  g_assert_cmpstr (name, ==, "Programledermøde april 2020 29-04-2020.ics");
  g_clear_pointer (&name, g_free);
  g_assert_true (styr_meeting_choose_slot (fixture->store, april, NULL, 1, "mette", NULL, &error));
  name = styr_ics_file_name (fixture->store, "meeting:PLM-2020-04");
  g_assert_cmpstr (name, ==, "Programledermøde april 2020 30-04-2020.ics");
  g_clear_pointer (&name, g_free);
  name = styr_ics_file_name (fixture->store, "meeting:EVENT-2019-11-12");
  g_assert_cmpstr (name, ==, "Webinar- basisimplementering af ØiR 12-11-2019.ics");
  g_clear_pointer (&name, g_free);
  name = styr_ics_file_name (fixture->store, NULL);
  g_assert_cmpstr (name, ==, "KOMBIT meetings.ics");
}

/* The Windows names Exchange and Outlook give zones, each of which must be
 * known without the file's VTIMEZONE. */
static const char * const windows_zones[] = {
  "Romance Standard Time", "W. Europe Standard Time", "Central Europe Standard Time",
  "Central European Standard Time", "GMT Standard Time", "Greenwich Standard Time",
  "FLE Standard Time", "GTB Standard Time", "E. Europe Standard Time", "Russian Standard Time",
  "Greenland Standard Time", "Eastern Standard Time", "Central Standard Time",
  "Mountain Standard Time", "Pacific Standard Time",
  "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris",
  "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
  "(UTC+00:00) Dublin, Edinburgh, Lisbon, London",
};

static GBytes *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "invitations", name,
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = styr_ics_load (file, name, &error);

  g_assert_no_error (error);
  return bytes;
}

static char *
database_checksum (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "styr.db", NULL);
  g_autofree char *wal = g_build_filename (fixture->dir, "styr.db-wal", NULL);
  g_autofree char *data = NULL;
  g_autofree char *log = NULL;
  gsize length = 0, log_length = 0;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_checksum_update (checksum, (const guchar *) data, length);
  if (g_file_get_contents (wal, &log, &log_length, NULL))
    g_checksum_update (checksum, (const guchar *) log, log_length);
  return g_strdup (g_checksum_get_string (checksum));
}

typedef struct
{
  const char   *file;
  StyrIcsError  error;
  const char   *message;
  const char   *meeting;
  StyrIcsChange change;
  const char   *described;
} Case;

static const Case cases[] = {
  { "exchange-request.ics", 0, NULL, "meeting:PLM-2020-03", STYR_ICS_CHANGE_TIME,
    "30-03-2020 10:00–11:30 becomes 30-03-2020 10:30–12:00" },
  { "exchange-update.ics", 0, NULL, "meeting:PLM-2020-03", STYR_ICS_CHANGE_MOVE,
    "Moved by KOMBIT to another day: 31-03-2020 13:00–14:30 becomes 02-04-2020 10:00–11:30" },
  { "exchange-cancel.ics", 0, NULL, "meeting:PLM-2020-03", STYR_ICS_CHANGE_CANCEL,
    "Cancelled by KOMBIT: 31-03-2020 13:00–14:30" },
  { "teams-empty-properties.ics", 0, NULL, "meeting:PLM-2020-04", STYR_ICS_CHANGE_CONFIRM,
    "Time unchanged, 29-04-2020 10:00–11:30; the invitation’s text is kept" },
  { "google-request.ics", 0, NULL, "meeting:PLM-2020-02", STYR_ICS_CHANGE_CONFIRM,
    "Time unchanged, 26-02-2020 10:00–11:30; the invitation’s text is kept" },
  { "windows-zone-without-vtimezone.ics", 0, NULL, "meeting:PLM-2020-01", STYR_ICS_CHANGE_TIME,
    "30-01-2020 10:00–11:30 becomes 30-01-2020 10:30–12:00" },
  { "utf16-outlook.ics", 0, NULL, "meeting:PLM-2020-05", STYR_ICS_CHANGE_TIME,
    "25-05-2020 10:00–11:30 becomes 25-05-2020 11:00–12:30" },
  { "folded-utf8.ics", 0, NULL, "meeting:PLM-2020-06", STYR_ICS_CHANGE_CONFIRM,
    "Time unchanged, 26-06-2020 11:00–12:30; the invitation’s text is kept" },
  { "all-day.ics", 0, NULL, "meeting:EVENT-2020-06-16", STYR_ICS_CHANGE_CONFIRM,
    "Date unchanged, 16-06-2020 (all day); the invitation’s text is kept" },
  { "cancelled-status.ics", 0, NULL, "meeting:YR-KICKOFF-2020-01", STYR_ICS_CHANGE_CANCEL,
    "Cancelled by KOMBIT: 29-01-2020 (all day)" },
  { "title-names-another-meeting.ics", 0, NULL, "meeting:PLM-2020-01", STYR_ICS_CHANGE_MOVE,
    "Moved by KOMBIT to another day: 30-01-2020 10:00–11:30 becomes 29-01-2020 10:00–11:30" },
  { "unknown-zone.ics", STYR_ICS_ERROR_UNKNOWN_ZONE, "Middle Europe Summer Time" },
  { "mixed-date-and-time.ics", STYR_ICS_ERROR_MALFORMED, "one with a time and one with only" },
  { "one-unknown-of-two.ics", STYR_ICS_ERROR_NO_MATCH, "Temadag om Serviceplatformen" },
  { "end-before-start.ics", STYR_ICS_ERROR_MALFORMED, "ends before it starts" },
  { "recurring.ics", STYR_ICS_ERROR_UNSUPPORTED, "FREQ=MONTHLY" },
  { "all-day-for-timed-meeting.ics", STYR_ICS_ERROR_UNSUPPORTED, "whole-day" },
  { "reply.ics", STYR_ICS_ERROR_UNSUPPORTED, "METHOD:REPLY" },
  { "broken-not-calendar.ics", STYR_ICS_ERROR_MALFORMED, "not a calendar file" },
  { "broken-bad-time.ics", STYR_ICS_ERROR_MALFORMED, "DTSTART" },
  { "broken-not-utf8.ics", STYR_ICS_ERROR_MALFORMED, "Line 5" },
  { "broken-no-event.ics", STYR_ICS_ERROR_MALFORMED, "no event" },
};

/* Each fixture on its own, on the catalogue as it comes: what it would
 * change, or why it is refused, leaving the database byte for byte. */
static void
test_import_fixtures (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GBytes) bytes = fixture_file (c->file);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = database_checksum (fixture);
      g_autofree char *after = NULL;
      g_autoptr(GPtrArray) updates = styr_ics_plan_import (fixture->store, bytes, &error);
      StyrIcsUpdate *update;
      g_autofree char *described = NULL;

      g_test_message ("%s", c->file);
      after = database_checksum (fixture);
      g_assert_cmpstr (before, ==, after);
      if (c->message != NULL)
        {
          g_assert_null (updates);
          g_assert_error (error, STYR_ICS_ERROR, (int) c->error);
          g_assert_nonnull (strstr (error->message, c->message));
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (updates->len, ==, 1);
      update = g_ptr_array_index (updates, 0);
      described = styr_ics_describe_update (update);
      g_assert_cmpstr (update->meeting_id, ==, c->meeting);
      g_assert_cmpint (update->change, ==, c->change);
      g_assert_cmpstr (described, ==, c->described);
    }
}

static StyrIcsUpdate *
plan_one (Fixture    *fixture,
          const char *file)
{
  g_autoptr(GBytes) bytes = fixture_file (file);
  g_autoptr(GError) error = NULL;
  GPtrArray *updates = styr_ics_plan_import (fixture->store, bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (updates->len, ==, 1);
  g_object_set_data_full (G_OBJECT (fixture->store), file, updates,
                          (GDestroyNotify) g_ptr_array_unref);
  return g_ptr_array_index (updates, 0);
}

static void
apply (Fixture    *fixture,
       const char *file)
{
  GPtrArray *updates = g_object_get_data (G_OBJECT (fixture->store), file);
  g_autoptr(GError) error = NULL;

  g_assert_true (styr_ics_apply_import (fixture->store, updates, "mette", &error));
  g_assert_no_error (error);
}

static StyrSlot *
slot_of (GPtrArray *slots,
         guint      index)
{
  g_assert_cmpuint (index, <, slots->len);
  return g_ptr_array_index (slots, index);
}

/* KOMBIT's invitation, its move to another day and its cancellation, one
 * after another, as Outlook sends them. */
static void
test_import_series (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(StyrMeeting) march = store_fixture_load_meeting (fixture, "meeting:PLM-2020-03");
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  StyrIcsUpdate *update;
  GDate today;
  g_autoptr(StyrRuleContext) context = NULL;
  g_autoptr(StyrSummary) summary = NULL;

  /* The request changes the time of the first date. */
  plan_one (fixture, "exchange-request.ics");
  apply (fixture, "exchange-request.ics");
  state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-03");
  slots = styr_meeting_dup_effective_slots (march, state);
  g_assert_cmpint (g_date_time_to_unix (slot_of (slots, 0)->start), ==, 1585557000);

  /* The same invitation again changes nothing. */
  update = plan_one (fixture, "exchange-request.ics");
  g_assert_cmpint (update->change, ==, STYR_ICS_CHANGE_UNCHANGED);
  g_assert_cmpuint (styr_ics_count_changes (g_object_get_data (G_OBJECT (fixture->store),
                                                               "exchange-request.ics")), ==, 0);

  /* The update, SEQUENCE 1, moves it to 2 April: found by its UID, and
   * the time before is said in Copenhagen's time. */
  update = plan_one (fixture, "exchange-update.ics");
  described = styr_ics_describe_update (update);
  g_assert_cmpint (update->slot, ==, 0);
  g_assert_cmpint (update->change, ==, STYR_ICS_CHANGE_MOVE);
  g_assert_cmpstr (described, ==,
                   "Moved by KOMBIT to another day: 30-03-2020 10:30–12:00 becomes "
                   "02-04-2020 10:00–11:30");
  apply (fixture, "exchange-update.ics");

  /* The first invitation is older now, and refused. */
  old = fixture_file ("exchange-request.ics");
  before = database_checksum (fixture);
  refused = styr_ics_plan_import (fixture->store, old, &error);
  g_assert_null (refused);
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_OUTDATED);
  g_clear_error (&error);
  after = database_checksum (fixture);
  g_assert_cmpstr (before, ==, after);

  /* The cancellation marks the moved date cancelled, keeping its time;
   * the export says so, and so do the summary and the rules. */
  update = plan_one (fixture, "exchange-cancel.ics");
  g_assert_cmpint (update->change, ==, STYR_ICS_CHANGE_CANCEL);
  apply (fixture, "exchange-cancel.ics");
  g_clear_object (&state);
  g_clear_pointer (&slots, g_ptr_array_unref);
  state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-03");
  slots = styr_meeting_dup_effective_slots (march, state);
  g_assert_true (slot_of (slots, 0)->cancelled);
  g_assert_false (slot_of (slots, 1)->cancelled);
  g_assert_cmpint (g_date_time_to_unix (slot_of (slots, 0)->start), ==, 1585814400);

  exported = export (fixture, "meeting:PLM-2020-03", two_days);
  check_with_clients (fixture, exported, (Expect[]) {
    { "PLM-2020-03-1@styr.github.io", "2020-04-02T08:00:00Z", "2020-04-02T09:30:00Z",
      "CANCELLED", "Programledermøde marts 2020 (date 1 of 2)", 4, NULL },
    { "PLM-2020-03-2@styr.github.io", "2020-03-31T11:00:00Z", "2020-03-31T12:30:00Z",
      "TENTATIVE", "Programledermøde marts 2020 (date 2 of 2)", 4, "-P2D" },
  }, 2);

  /* A request no newer than the cancellation does not bring it back. */
  {
    g_autoptr(GBytes) update_bytes = fixture_file ("exchange-update.ics");
    g_autoptr(GString) same = g_string_new_len (g_bytes_get_data (update_bytes, NULL),
                                                g_bytes_get_size (update_bytes));
    g_autoptr(GBytes) same_bytes = NULL;
    g_autoptr(GPtrArray) again = NULL;

    g_string_replace (same, "SEQUENCE:1", "SEQUENCE:2", 1);
    same_bytes = g_bytes_new (same->str, same->len);
    again = styr_ics_plan_import (fixture->store, same_bytes, &error);
    g_assert_null (again);
    g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_OUTDATED);
    g_clear_error (&error);
  }

  /* An invitation for the other date keeps this one's. */
  {
    static const char second[] =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
      "UID:plm-marts-2\r\nSUMMARY:Programledermøde marts 2020\r\n"
      "DTSTART;TZID=Europe/Copenhagen:20200331T133000\r\n"
      "DTEND;TZID=Europe/Copenhagen:20200331T150000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (second, sizeof second - 1);
    g_autoptr(GPtrArray) other = styr_ics_plan_import (fixture->store, bytes, &error);

    g_assert_no_error (error);
    g_assert_cmpint (((StyrIcsUpdate *) g_ptr_array_index (other, 0))->slot, ==, 1);
    g_assert_true (styr_ics_apply_import (fixture->store, other, "mette", &error));
    g_clear_object (&state);
    g_clear_pointer (&slots, g_ptr_array_unref);
    state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-03");
    slots = styr_meeting_dup_effective_slots (march, state);
    g_assert_true (slot_of (slots, 0)->cancelled);
    g_assert_cmpint (g_date_time_to_unix (slot_of (slots, 0)->start), ==, 1585814400);
    g_assert_cmpint (g_date_time_to_unix (slot_of (slots, 1)->start), ==, 1585654200);
  }

  /* What changed after the preview is not overwritten by it. */
  {
    g_autoptr(GBytes) bytes = fixture_file ("exchange-request.ics");
    g_autoptr(GString) newer = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes));
    g_autoptr(GBytes) newer_bytes = NULL;
    g_autoptr(GPtrArray) planned = NULL;
    g_autofree char *seen = NULL;

    g_string_replace (newer, "SEQUENCE:0", "SEQUENCE:3", 1);
    newer_bytes = g_bytes_new (newer->str, newer->len);
    planned = styr_ics_plan_import (fixture->store, newer_bytes, &error);
    g_assert_no_error (error);
    g_assert_true (styr_meeting_choose_slot (fixture->store, march,
                                             styr_record_get_rev (STYR_RECORD (state)), 1,
                                             "jonas", NULL, &error));
    seen = database_checksum (fixture);
    g_assert_false (styr_ics_apply_import (fixture->store, planned, "mette", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_free (after);
    after = database_checksum (fixture);
    g_assert_cmpstr (seen, ==, after);
    g_clear_object (&state);
    state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-03");
  }

  /* Choosing the cancelled date leaves the meeting off for the
   * municipality: no registration to remind of. */
  g_assert_true (styr_meeting_choose_slot (fixture->store, march,
                                           styr_record_get_rev (STYR_RECORD (state)), 0, "mette",
                                           NULL, &error));
  g_clear_object (&state);
  state = styr_meeting_load_state (fixture->store, "meeting:PLM-2020-03");
  g_assert_true (styr_meeting_is_called_off (march, state));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, G_DATE_MARCH, 2020);
  context = styr_rule_context_new (&today);
  g_assert_false (styr_rules_meeting_needs_registration (march, state, &today,
                                                         &context->thresholds));
  summary = styr_summary_build (fixture->store, context, "meeting:PLM-2020-03", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->meeting_state, ==, "Cancelled by KOMBIT");
  g_assert_false (summary->meeting_needs_action);
}

static void
test_import_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(StyrMeeting) kick_off = store_fixture_load_meeting (fixture, "meeting:YR-KICKOFF-2020-01");
  g_autoptr(StyrUndoStack) stack = NULL;
  g_autoptr(StyrMeetingState) state = NULL;
  g_autoptr(GError) error = NULL;

  plan_one (fixture, "cancelled-status.ics");
  stack = styr_undo_stack_new (fixture->store);
  apply (fixture, "cancelled-status.ics");
  g_assert_cmpuint (styr_undo_stack_seal (stack, "The invitation was imported"), >, 0);
  state = styr_meeting_load_state (fixture->store, "meeting:YR-KICKOFF-2020-01");
  g_assert_true (styr_meeting_is_called_off (kick_off, state));
  g_clear_object (&state);

  /* The window's undo takes the import back as one change. */
  g_assert_true (styr_undo_stack_undo (stack, 0, "mette", NULL, &error));
  g_assert_no_error (error);
  state = styr_meeting_load_state (fixture->store, "meeting:YR-KICKOFF-2020-01");
  g_assert_false (styr_meeting_is_called_off (kick_off, state));
}

/* Files at the edges: too large to be an invitation, read only up to the
 * limit, and UTF-16 big-endian without a byte order mark; every Windows
 * zone name Styr maps. (Bare line feeds and folds inside a character:
 * folded-utf8.ics.) */
static void
test_import_limits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("BEGIN:VCALENDAR\r\nX-FILL:");
  g_autoptr(GBytes) big_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "big.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) utf8 = fixture_file ("windows-zone-without-vtimezone.ics");
  g_autofree char *be = NULL;
  g_autoptr(GBytes) be_bytes = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  gsize written = 0;

  while (big->len <= STYR_ICS_MAX_SIZE)
    g_string_append (big, "0123456789abcdef");
  big_bytes = g_bytes_new (big->str, big->len);
  g_assert_null (styr_ics_plan_import (fixture->store, big_bytes, &error));
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  /* styr_ics_load refuses it before reading it. */
  g_assert_true (g_file_set_contents (path, big->str, big->len, &error));
  g_assert_null (styr_ics_load (file, "big.ics", &error));
  g_assert_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.ics"));
  g_clear_error (&error);

  /* UTF-16 big-endian, without a byte order mark. */
  be = g_convert (g_bytes_get_data (utf8, NULL), g_bytes_get_size (utf8), "UTF-16BE", "UTF-8",
                  NULL, &written, &error);
  g_assert_no_error (error);
  be_bytes = g_bytes_new (be, written);
  updates = styr_ics_plan_import (fixture->store, be_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((StyrIcsUpdate *) g_ptr_array_index (updates, 0))->meeting_id, ==,
                   "meeting:PLM-2020-01");

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:zone-%u\r\n"
        "SUMMARY:Programledermøde januar 2020\r\nDTSTART;TZID=\"%s\":20200130T100000\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n", i, windows_zones[i]);
      g_autoptr(GBytes) zoned = g_bytes_new (text, strlen (text));
      g_autoptr(GPtrArray) planned = styr_ics_plan_import (fixture->store, zoned, &error);

      g_test_message ("%s", windows_zones[i]);
      g_assert_no_error (error);
      g_assert_nonnull (planned);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  two_days = options (NULL, 2);

#define ADD(name, func) \
  g_test_add ("/calendar/" name, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("export/clients", test_export_clients);
  ADD ("export/rules", test_export_rules);
  ADD ("import/fixtures", test_import_fixtures);
  ADD ("import/series", test_import_series);
  ADD ("import/undo", test_import_undo);
  ADD ("import/limits", test_import_limits);

  return g_test_run ();
}
