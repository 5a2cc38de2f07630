/* test-records.c: record types, their JSON round trip and validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "styr-agreement.h"
#include "styr-json.h"
#include "styr-meeting.h"
#include "styr-municipality.h"
#include "styr-record.h"
#include "styr-task.h"

/* One full document per record type, with every field it knows. */
static const struct {
  const char *id;
  const char *json;
} samples[] = {
  { "agreement:a1",
    "{\"type\":\"agreement\",\"using_system\":\"KMD Sag\",\"supplier\":\"KMD\","
    "\"services\":[\"SF1520\",\"SF1500\"],\"data_scope\":\"Borgere i Jobcenter\","
    "\"scope_breadth\":\"limited\",\"reason\":\"Sagsbehandling af sygedagpenge\","
    "\"state\":\"approved\",\"requested\":\"2019-11-01\",\"approved\":\"2019-11-20\","
    "\"valid_from\":\"2019-12-01\",\"valid_to\":\"2021-11-30\",\"approver\":\"person:p1\","
    "\"contract_end\":\"2022-06-30\",\"next_review\":\"2020-11-20\",\"notes\":\"Ingen\","
    "\"review\":{\"reviewer\":\"person:p1\",\"date\":\"2019-11-19\",\"answers\":"
    "{\"Q1\":{\"answer\":\"yes\",\"note\":\"\"},\"Q3\":{\"answer\":\"unsure\",\"note\":\"?\"}}},"
    "\"usage\":[{\"month\":\"2019-12\",\"service\":\"SF1520\",\"calls\":1200}]}" },
  { "assignment:x1",
    "{\"type\":\"assignment\",\"role\":\"STS-AFTALEGODKENDER\",\"holder\":\"person:p1\","
    "\"deputy\":\"person:p2\",\"since\":\"2019-01-01\",\"until\":\"2020-12-31\"}" },
  { "checklist:CL-OIR-BASIS",
    "{\"type\":\"checklist\",\"title\":\"ØiR basisimplementering\",\"template_version\":1,"
    "\"reference\":\"Rollegalleri 1.1\",\"source\":\"seed\"}" },
  { "checklist-item:YR-1",
    "{\"type\":\"checklist-item\",\"checklist\":\"CL-OIR-BASIS\",\"position\":8,"
    "\"text\":\"YR: Map YR-sortimentet\",\"topic\":\"YR\",\"due\":\"2020-01-10\","
    "\"due_approx\":\"januar\",\"date\":\"2020-01-10\",\"klik_task\":\"YR-OIR-MAP\","
    "\"owner_role\":\"KOMBIT-PROGRAMLEDER\",\"blocks\":\"nul-sums-posteringstest\","
    "\"depends_on\":[\"checklist-item:OIR-4\"],\"source\":\"seed\","
    "\"options\":[{\"erp\":\"KMD OPUS\",\"start\":\"2020-01-13T13:00:00+01:00\","
    "\"end\":\"2020-01-13T15:00:00+01:00\"}]}" },
  { "checklist-item-state:YR-1",
    "{\"type\":\"checklist-item-state\",\"item\":\"YR-1\",\"done\":true,"
    "\"done_by\":\"person:p1\",\"done_on\":\"2020-01-08\",\"note\":\"Færdig\"}" },
  { "meeting:PLM-2020-01",
    "{\"type\":\"meeting\",\"kind\":\"programme-leader\",\"title\":\"Programledermøde januar\","
    "\"month\":\"2020-01\",\"format\":\"Skype\",\"audience\":\"Programledere\","
    "\"registration_url\":\"https://example.org/r\",\"contact\":\"implementering@kombit.dk\","
    "\"kombit_staff\":[\"A\"],\"agenda_status\":\"foreløbig\",\"planned_topics\":[\"SSE\"],"
    "\"slots\":[{\"start\":\"2020-01-30T10:00:00+01:00\",\"end\":\"2020-01-30T11:30:00+01:00\"},"
    "{\"start\":\"2020-01-31T12:00:00+01:00\",\"end\":\"2020-01-31T13:30:00+01:00\"}],"
    "\"agenda\":[{\"start\":\"10:00\",\"end\":\"10:05\",\"title\":\"Velkomst\","
    "\"presenters\":[\"B\"]}],\"attendees\":[{\"date\":\"2020-01-30\",\"municipalities\":"
    "[{\"code\":\"157\",\"count\":3,\"as_written\":\"Gentofte/3\"}]}],\"notes\":[\"n\"],"
    "\"source\":\"seed\"}" },
  { "meeting-state:PLM-2020-01",
    "{\"type\":\"meeting-state\",\"meeting\":\"PLM-2020-01\",\"chosen_slot\":1,"
    "\"registered\":true,\"registered_on\":\"2020-01-10\",\"notes\":\"Spørg om SSE\","
    "\"questions\":[\"Hvornår?\"]}" },
  { "municipality:157",
    "{\"type\":\"municipality\",\"code\":\"157\",\"code4\":\"0157\",\"name\":\"Gentofte\","
    "\"aliases\":[\"Gentofte Kommune\"],\"region\":\"Region Hovedstaden\","
    "\"region_code\":\"1084\",\"iso_3166_2\":\"DK-84\"}" },
  { "person:p1",
    "{\"type\":\"person\",\"name\":\"Mette Jensen\",\"email\":\"mj@gentofte.dk\","
    "\"phone\":\"12345678\",\"unit\":\"Digitalisering\",\"active\":false}" },
  { "role:STS-AFTALEGODKENDER",
    "{\"type\":\"role\",\"name\":\"Aftalegodkender\",\"area\":\"Infrastruktur\","
    "\"kind\":\"approver\",\"rollegalleri_version\":\"1.1\",\"system\":\"SP\","
    "\"responsibilities\":[\"Ansvarlig\"],\"competences\":[\"Data\"],\"source\":\"seed\"}" },
  { "service:SF1520",
    "{\"type\":\"service\",\"code\":\"SF1520\",\"name\":\"CPR replika opslag\","
    "\"description\":\"Opslag\",\"verification\":\"partial\",\"note\":\"n\","
    "\"source\":\"https://example.org\"}" },
  { "system:YR",
    "{\"type\":\"system\",\"name\":\"Ydelsesrefusion\",\"kind\":\"fagsystem\","
    "\"programme\":\"Monopolbrudsprogrammet\",\"description\":\"Refusion\","
    "\"source\":\"https://example.org\"}" },
  { "task:OIR-BASIS-02",
    "{\"type\":\"task\",\"project\":\"ØiR basisimplementering\",\"code\":\"02\","
    "\"title\":\"Organiser jer i relation til ØiR\",\"kind\":\"mandatory\","
    "\"published\":\"2019-11-12\",\"published_approx\":\"november\",\"deadline\":\"2020-01-15\","
    "\"deadline_approx\":\"medio januar\",\"lifecycle\":\"published\",\"group\":\"g\","
    "\"klik_project\":\"ØiR\",\"origin\":\"catalogue\",\"depends_on\":[\"task:OIR-BASIS-01\"],"
    "\"notes\":[\"n\"],\"source\":\"seed\",\"national\":{\"completed\":15,\"started\":17,"
    "\"not_started\":66,\"as_of\":\"2019-12-16\"}}" },
  { "task-state:OIR-BASIS-02",
    "{\"type\":\"task-state\",\"task\":\"OIR-BASIS-02\",\"status\":\"completed\","
    "\"responsible\":\"person:p1\",\"doer\":\"person:p2\",\"role\":\"KOMBIT-PROGRAMLEDER\","
    "\"notes\":\"Klaret\",\"completed_on\":\"2020-01-14\"}" },
};

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = styr_json_parse (json, -1, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static char *
canonical (JsonObject *object)
{
  return styr_json_object_to_canonical (object);
}

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) body = parse_object (samples[i].json);
      g_autoptr(StyrRecord) record = NULL;
      g_autoptr(JsonObject) back = NULL;
      g_autoptr(GTypeClass) klass = NULL;
      g_autofree char *expected = canonical (body);
      g_autofree char *actual = NULL;
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;
      guint n_fields = 0;

      record = styr_record_new_from_json (samples[i].id, "1-abc", body, &error);
      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpstr (styr_record_get_id (record), ==, samples[i].id);
      g_assert_cmpstr (styr_record_get_rev (record), ==, "1-abc");
      g_assert_true (g_str_has_prefix (samples[i].id, styr_record_get_type_name (record)));

      back = styr_record_to_json (record);
      actual = canonical (back);
      g_assert_cmpstr (actual, ==, expected);

      /* Every field property reads back what the document holds, and
       * writing it back through the property changes nothing. */
      klass = g_type_class_ref (G_OBJECT_TYPE (record));
      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
      for (guint p = 0; p < n_pspecs; p++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autoptr(JsonObject) after = NULL;
          g_autofree char *after_text = NULL;

          if (pspecs[p]->owner_type == STYR_TYPE_RECORD ||
              !(pspecs[p]->flags & G_PARAM_WRITABLE))
            continue;

          n_fields++;
          g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspecs[p]));
          g_object_get_property (G_OBJECT (record), pspecs[p]->name, &value);
          g_object_set_property (G_OBJECT (record), pspecs[p]->name, &value);
          after = styr_record_to_json (record);
          after_text = canonical (after);
          if (g_strcmp0 (after_text, expected) != 0)
            g_error ("%s.%s does not round-trip:\n%s\n%s", samples[i].id, pspecs[p]->name,
                     expected, after_text);
        }
      g_assert_cmpuint (n_fields, >, 0);
    }
}

static void
test_properties_write_the_document (void)
{
  g_autoptr(StyrRecord) task = styr_record_new (STYR_TYPE_TASK, NULL);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) depends = NULL;
  const char *strv[] = { "task:A", "task:B", NULL };
  GDate deadline;

  /* A new local record gets a random key. */
  g_assert_true (g_str_has_prefix (styr_record_get_id (task), "task:"));
  g_assert_cmpuint (strlen (styr_record_get_key (task)), ==, 36);

  g_object_set (task,
                "project", "Lokalt",
                "title", "Skriv til leverandøren",
                "deadline", "2020-02-29",
                "depends-on", strv,
                NULL);
  g_assert_true (styr_record_validate (task, &error));
  g_assert_no_error (error);

  body = styr_record_to_json (task);
  g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "task");
  g_assert_cmpstr (json_object_get_string_member (body, "deadline"), ==, "2020-02-29");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "depends_on")),
                    ==, 2);
  g_assert_true (styr_task_get_deadline (STYR_TASK (task), &deadline));
  g_assert_cmpint (g_date_get_day (&deadline), ==, 29);
  depends = styr_task_dup_depends_on (STYR_TASK (task));
  g_assert_cmpstrv (depends, strv);

  /* Setting a text field to NULL removes it. */
  g_object_set (task, "deadline", NULL, NULL);
  g_clear_pointer (&body, json_object_unref);
  body = styr_record_to_json (task);
  g_assert_false (json_object_has_member (body, "deadline"));
  g_assert_false (styr_task_get_deadline (STYR_TASK (task), &deadline));
}

static void
test_typed_accessors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meeting_body = parse_object (samples[5].json);
  g_autoptr(JsonObject) task_body = parse_object (samples[12].json);
  g_autoptr(JsonObject) agreement_body = parse_object (samples[0].json);
  g_autoptr(StyrRecord) meeting = NULL;
  g_autoptr(StyrRecord) task = NULL;
  g_autoptr(StyrRecord) agreement = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  StyrNationalStatus national;
  StyrSlot *second;

  meeting = styr_record_new_from_json (samples[5].id, NULL, meeting_body, &error);
  g_assert_no_error (error);
  slots = styr_meeting_dup_slots (STYR_MEETING (meeting));
  g_assert_cmpuint (slots->len, ==, 2);
  second = g_ptr_array_index (slots, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (second->start), ==, 31);
  g_assert_cmpint (g_date_time_get_hour (second->start), ==, 12);
  g_assert_cmpint (g_date_time_get_utc_offset (second->start) / G_TIME_SPAN_HOUR, ==, 1);
  agenda = styr_meeting_dup_agenda (STYR_MEETING (meeting));
  g_assert_cmpuint (agenda->len, ==, 1);
  g_assert_cmpstr (((StyrAgendaItem *) g_ptr_array_index (agenda, 0))->title, ==, "Velkomst");
  attendance = styr_meeting_dup_attendance (STYR_MEETING (meeting));
  g_assert_cmpuint (attendance->len, ==, 1);
  g_assert_cmpint (((StyrAttendance *) g_ptr_array_index (attendance, 0))->count, ==, 3);

  task = styr_record_new_from_json (samples[12].id, NULL, task_body, &error);
  g_assert_no_error (error);
  g_assert_true (styr_task_get_national (STYR_TASK (task), &national));
  g_assert_cmpint (national.completed + national.started + national.not_started, ==, 98);
  g_assert_cmpint (g_date_get_day (&national.as_of), ==, 16);
  g_assert_cmpstr (styr_task_get_kind (STYR_TASK (task)), ==, "mandatory");

  agreement = styr_record_new_from_json (samples[0].id, NULL, agreement_body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (styr_agreement_get_usage (STYR_AGREEMENT (agreement), 2019, 12), ==, 1200);
  g_assert_cmpint (styr_agreement_get_usage (STYR_AGREEMENT (agreement), 2020, 1), ==, -1);
}

/* Each case breaks one field of a sample and names what the message must
 * say: the record, the field and the value. */
static const struct {
  guint       sample;
  const char *member;
  const char *json_value;
  const char *message;
} invalid_cases[] = {
  { 12, "deadline", "\"2020-13-01\"", "task OIR-BASIS-02: deadline “2020-13-01” is not a date" },
  { 12, "deadline", "\"2019- 1- 1\"", "deadline “2019- 1- 1” is not a date" },
  { 12, "deadline", "\"+201-12-01\"", "deadline “+201-12-01” is not a date" },
  { 5, "month", "\" 201-01\"", "month “ 201-01” is not a month" },
  { 12, "published", "\"2020-02-01\"", "task OIR-BASIS-02: deadline “2020-01-15” is before published" },
  { 12, "kind", "\"obligatorisk\"", "task OIR-BASIS-02: kind “obligatorisk” is not one of" },
  { 12, "title", "\"\"", "task OIR-BASIS-02: title is missing" },
  { 12, "national", "{\"completed\":1,\"started\":1,\"not_started\":1}",
    "task OIR-BASIS-02: the national counts add up to 3" },
  { 12, "depends_on", "\"task:X\"", "task OIR-BASIS-02: depends_on is not a list" },
  { 0, "state", "\"godkendt\"", "agreement a1: state “godkendt” is not one of" },
  { 0, "valid_to", "\"2019-01-01\"", "agreement a1: valid_to “2019-01-01” is before valid_from" },
  { 0, "review", "{\"answers\":{\"Q9\":{\"answer\":\"yes\"}}}", "unknown question “Q9”" },
  { 0, "review", "{\"answers\":{\"Q2\":{\"answer\":\"maybe\"}}}", "Q2 is not yes, no or unsure" },
  { 0, "usage", "[{\"month\":\"2019-13\",\"calls\":1}]", "usage entry 1" },
  { 5, "slots", "[{\"start\":\"2020-01-30T10:00:00+01:00\",\"end\":\"2020-01-30T11:00:00+01:00\"}]",
    "needs two alternative slots" },
  { 5, "slots", "[{\"start\":\"2020-01-31T10:00:00+01:00\",\"end\":\"2020-01-31T11:00:00+01:00\"},"
                "{\"start\":\"2020-01-30T10:00:00+01:00\",\"end\":\"2020-01-30T11:00:00+01:00\"}]",
    "slot 2 starts before slot 1" },
  { 5, "slots", "[{\"start\":\"2020-01-30T10:00:00+01:00\",\"end\":\"2020-01-30T09:00:00+01:00\"},"
                "{\"start\":\"2020-01-31T10:00:00+01:00\",\"end\":\"2020-01-31T11:00:00+01:00\"}]",
    "slot 1 ends before it starts" },
  { 5, "slots", "[{\"start\":\"2020-01-30 10:00\",\"end\":\"2020-01-30T11:00:00+01:00\"},"
                "{\"start\":\"2020-01-31T10:00:00+01:00\",\"end\":\"2020-01-31T11:00:00+01:00\"}]",
    "slot 1: start “2020-01-30 10:00”" },
  { 5, "slots", "[{\"start\":\"2020-01-30T10:00:00\",\"end\":\"2020-01-30T11:00:00+01:00\"},"
                "{\"start\":\"2020-01-31T10:00:00+01:00\",\"end\":\"2020-01-31T11:00:00+01:00\"}]",
    "slot 1: start “2020-01-30T10:00:00” is not a date and time with UTC offset" },
  { 5, "month", "\"januar\"", "meeting PLM-2020-01: month “januar” is not a month" },
  /* A link the browser opens: a file or plain http was once accepted. */
  { 5, "registration_url", "\"file:///etc/passwd\"",
    "registration_url “file:///etc/passwd” is not a web address over https" },
  { 5, "registration_url", "\"http://example.org/r\"", "is not a web address over https" },
  { 5, "registration_url", "\"https://\"", "is not a web address over https" },
  { 5, "attendees", "[{\"date\":\"2020-01-30\",\"municipalities\":[{\"code\":\"157\",\"count\":0}]}]",
    "count of at least 1" },
  { 6, "chosen_slot", "5", "chosen_slot 5" },
  { 7, "code", "\"15\"", "municipality 157: code “15” is not three digits" },
  { 8, "email", "\"mette at gentofte\"", "person p1: email “mette at gentofte”" },
  { 1, "since", "\"2021-01-01\"", "assignment x1: until “2020-12-31” is before since" },
  { 13, "status", "\"fuldført\"", "task-state OIR-BASIS-02: status “fuldført” is not one of" },
};

static void
test_validation_messages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) body = parse_object (samples[invalid_cases[i].sample].json);
      g_autoptr(JsonNode) value = styr_json_parse (invalid_cases[i].json_value, -1, &error);
      g_autoptr(StyrRecord) record = NULL;

      g_assert_no_error (error);
      json_object_set_member (body, invalid_cases[i].member, g_steal_pointer (&value));
      record = styr_record_new_from_json (samples[invalid_cases[i].sample].id, NULL, body, &error);
      g_assert_null (record);
      g_assert_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID);
      if (strstr (error->message, invalid_cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message,
                 invalid_cases[i].message);
    }
}

static void
test_unknown_type (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = parse_object ("{\"type\":\"spaceship\"}");
  g_autoptr(JsonObject) task = parse_object (samples[12].json);

  g_assert_null (styr_record_new_from_json ("spaceship:1", NULL, body, &error));
  g_assert_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_UNKNOWN_TYPE);
  g_clear_error (&error);

  /* The id's type must be the body's. */
  g_assert_null (styr_record_new_from_json ("meeting:OIR-BASIS-02", NULL, task, &error));
  g_assert_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_UNKNOWN_TYPE);
}

static void
test_date_to_user (void)
{
  g_autofree char *day = styr_date_to_user ("2020-12-31");
  g_autofree char *bad = styr_date_to_user ("2020-02-30");
  g_autofree char *none = styr_date_to_user (NULL);
  g_autofree char *back = styr_date_from_user (day);

  g_assert_cmpstr (day, ==, "31-12-2020");
  g_assert_cmpstr (bad, ==, "");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (back, ==, "2020-12-31");

  {
    g_autofree char *noon = NULL;
    g_autofree char *nothing = styr_datetime_to_user ("yesterday");

    /* Shown in the local zone: TZ is set to UTC for the tests. */
    g_setenv ("TZ", "UTC", TRUE);
    noon = styr_datetime_to_user ("2020-12-31T12:05:00Z");
    g_assert_cmpstr (noon, ==, "31-12-2020 12:05");
    g_assert_cmpstr (nothing, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/round-trip", test_round_trip);
  g_test_add_func ("/records/date-to-user", test_date_to_user);
  g_test_add_func ("/records/properties-write-the-document", test_properties_write_the_document);
  g_test_add_func ("/records/typed-accessors", test_typed_accessors);
  g_test_add_func ("/records/validation-messages", test_validation_messages);
  g_test_add_func ("/records/unknown-type", test_unknown_type);

  return g_test_run ();
}
