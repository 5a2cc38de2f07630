/* test-cli.c: `styr --import-catalogue`, `--backup`, `--restore`, the
 * exports and the register's imports run as a user runs them, without a
 * display, against a real database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  char *dir;
  char *data_dir;
  char *db;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("styr-cli-XXXXXX", NULL);
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->db = g_build_filename (fixture->data_dir, "styr.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_dir);
  g_free (fixture->db);
}

/* Runs styr with the fixture's data folder; returns its exit status. */
static int
run_styr (Fixture     *fixture,
          const char  *option,
          const char  *argument,
          const char  *other,
          char       **out,
          char       **err)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("STYR_BINARY"), "--data-dir", fixture->data_dir,
                         option, argument, other, NULL };
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
bundled_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "catalogue.json", NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
import_bundled (Fixture *fixture)
{
  g_autofree char *catalogue = bundled_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_styr (fixture, "--import-catalogue", catalogue, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "223 added"));
}

static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *catalogue = bundled_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  import_bundled (fixture);
  before = read_bytes (fixture->db);

  g_assert_cmpint (run_styr (fixture, "--import-catalogue", catalogue, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Nothing was imported"));
  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
}

/* The bundled catalogue, made newer, then broken in one way. */
typedef void (*Breakage) (JsonObject *root,
                          JsonArray  *documents);

static JsonObject *
find (JsonArray  *documents,
      const char *id)
{
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (doc, "_id", NULL), id) == 0)
        return doc;
    }
  g_assert_not_reached ();
}

static void
set_text (JsonArray  *documents,
          const char *id,
          const char *member,
          const char *value)
{
  json_object_set_string_member (find (documents, id), member, value);
}

static void
root_is_a_list (JsonObject *root, JsonArray *documents)
{
  /* Handled specially below: the file is written as a bare list. */
}

static void
no_format (JsonObject *root, JsonArray *documents)
{
  json_object_remove_member (root, "format");
}

static void
newer_format (JsonObject *root, JsonArray *documents)
{
  json_object_set_int_member (root, "format_version", 9);
}

static void
version_zero (JsonObject *root, JsonArray *documents)
{
  json_object_set_int_member (root, "version", 0);
}

static void
version_as_text (JsonObject *root, JsonArray *documents)
{
  json_object_set_string_member (root, "version", "2");
}

static void
bad_issue_date (JsonObject *root, JsonArray *documents)
{
  json_object_set_string_member (root, "issued", "17-12-2019");
}

static void
documents_not_a_list (JsonObject *root, JsonArray *documents)
{
  json_object_set_string_member (root, "documents", "none");
}

static void
document_not_an_object (JsonObject *root, JsonArray *documents)
{
  json_array_add_string_element (documents, "task:X");
}

static void
missing_id (JsonObject *root, JsonArray *documents)
{
  json_object_remove_member (find (documents, "task:OIR-BASIS-01"), "_id");
}

static void
unknown_type (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "system:SP", "type", "spaceship");
}

static void
id_of_other_type (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "role:KOMBIT-PROGRAMLEDER", "_id", "task:KOMBIT-PROGRAMLEDER");
}

static void
duplicate_id (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "task:OIR-BASIS-01", "_id", "task:OIR-BASIS-00");
}

static void
carries_revision (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "service:SF1520", "_rev", "1-abc");
}

static void
bad_deadline (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "task:OIR-BASIS-02", "deadline", "2020-13-01");
}

static void
deadline_as_number (JsonObject *root, JsonArray *documents)
{
  json_object_set_int_member (find (documents, "task:OIR-BASIS-02"), "deadline", 20200115);
}

static void
national_not_98 (JsonObject *root, JsonArray *documents)
{
  JsonObject *task = find (documents, "task:OIR-BASIS-00");

  json_object_set_int_member (json_object_get_object_member (task, "national"), "completed", 50);
}

static void
slots_in_wrong_order (JsonObject *root, JsonArray *documents)
{
  JsonArray *slots = json_object_get_array_member (find (documents, "meeting:PLM-2020-02"),
                                                   "slots");
  JsonNode *first = json_node_copy (json_array_get_element (slots, 0));

  json_array_remove_element (slots, 0);
  json_array_add_element (slots, first);
}

static void
slot_ends_before_start (JsonObject *root, JsonArray *documents)
{
  JsonArray *slots = json_object_get_array_member (find (documents, "meeting:PLM-2020-04"),
                                                   "slots");

  json_object_set_string_member (json_array_get_object_element (slots, 0), "end",
                                 "2020-04-29T09:00:00+02:00");
}

static void
one_slot (JsonObject *root, JsonArray *documents)
{
  json_array_remove_element (json_object_get_array_member (find (documents, "meeting:PLM-2020-06"),
                                                           "slots"), 1);
}

static void
unknown_municipality (JsonObject *root, JsonArray *documents)
{
  JsonArray *days = json_object_get_array_member (find (documents, "meeting:PLM-2019-12"),
                                                  "attendees");
  JsonArray *list = json_object_get_array_member (json_array_get_object_element (days, 0),
                                                  "municipalities");

  json_object_set_string_member (json_array_get_object_element (list, 0), "code", "999");
}

static void
unknown_checklist (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "checklist-item:OIR-1", "checklist", "CL-NOWHERE");
}

static void
missing_municipality (JsonObject *root, JsonArray *documents)
{
  for (guint i = 0; i < json_array_get_length (documents); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (documents, i),
                                                  "_id"), "municipality:101") == 0)
      {
        json_array_remove_element (documents, i);
        return;
      }
}

static void
unknown_task_type (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "task:DUBU34-FK-01", "kind", "obligatorisk");
}

static void
title_is_a_number (JsonObject *root, JsonArray *documents)
{
  json_object_set_int_member (find (documents, "task:YR-OIR-MAP"), "title", 7);
}

static void
bad_registration_month (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "meeting:PLM-2020-03", "month", "marts");
}

static void
three_digit_code (JsonObject *root, JsonArray *documents)
{
  set_text (documents, "municipality:147", "code", "14");
}

static const struct {
  const char *name;
  Breakage    breakage;
  const char *says;
} broken[] = {
  { "root-is-a-list", root_is_a_list, "not a JSON object" },
  { "no-format", no_format, "$.format" },
  { "newer-format", newer_format, "newer version of Styr" },
  { "version-zero", version_zero, "$.version" },
  { "version-as-text", version_as_text, "$.version" },
  { "bad-issue-date", bad_issue_date, "$.issued" },
  { "documents-not-a-list", documents_not_a_list, "$.documents" },
  { "document-not-an-object", document_not_an_object, "not a JSON object" },
  { "missing-id", missing_id, "no “_id”" },
  { "unknown-type", unknown_type, "“spaceship” is unknown" },
  { "id-of-other-type", id_of_other_type, "task:KOMBIT-PROGRAMLEDER" },
  { "duplicate-id", duplicate_id, "occurs twice" },
  { "carries-revision", carries_revision, "revision" },
  { "bad-deadline", bad_deadline, "deadline “2020-13-01” is not a date (expected YYYY-MM-DD)" },
  { "deadline-as-number", deadline_as_number, "deadline “20200115” is not a date" },
  { "national-not-98", national_not_98, "add up to 99, not 98" },
  { "slots-in-wrong-order", slots_in_wrong_order, "slot 2 starts before slot 1" },
  { "slot-ends-before-start", slot_ends_before_start, "slot 1 ends before it starts" },
  { "one-slot", one_slot, "two alternative slots, not 1" },
  { "unknown-municipality", unknown_municipality, "code “999” names no municipality" },
  { "unknown-checklist", unknown_checklist, "checklist “CL-NOWHERE” names no checklist" },
  { "missing-municipality", missing_municipality, "97 municipalities (expected 98)" },
  { "unknown-task-type", unknown_task_type, "kind “obligatorisk” is not one of" },
  { "title-is-a-number", title_is_a_number, "title is missing (expected a text)" },
  { "bad-month", bad_registration_month, "month “marts” is not a month" },
  { "two-digit-code", three_digit_code, "code “14” is not three digits" },
};

static void
test_broken_catalogues (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *catalogue = bundled_path ();
  g_autoptr(GBytes) before = NULL;

  import_bundled (fixture);
  before = read_bytes (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GBytes) after = NULL;
      g_autofree char *name = g_strconcat (broken[i].name, ".json", NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      JsonObject *root;

      g_assert_true (json_parser_load_from_file (parser, catalogue, &error));
      root = json_node_get_object (json_parser_get_root (parser));
      /* Newer than what the database holds, so only the breakage stops it. */
      json_object_set_int_member (root, "version",
                                  json_object_get_int_member (root, "version") + 1);
      broken[i].breakage (root, json_object_get_array_member (root, "documents"));

      if (broken[i].breakage == root_is_a_list)
        {
          g_autoptr(JsonNode) list = json_node_new (JSON_NODE_ARRAY);

          json_node_set_array (list, json_object_get_array_member (root, "documents"));
          json_generator_set_root (generator, list);
        }
      else
        json_generator_set_root (generator, json_parser_get_root (parser));
      g_assert_true (json_generator_to_file (generator, path, &error));

      g_assert_cmpint (run_styr (fixture, "--import-catalogue", path, NULL, &out, &err), ==, 1);
      if (strstr (err, broken[i].says) == NULL || strstr (err, name) == NULL)
        g_error ("%s: “%s” does not name the file and say “%s”", broken[i].name, err,
                 broken[i].says);

      after = read_bytes (fixture->db);
      if (!g_bytes_equal (before, after))
        g_error ("%s: the database changed", broken[i].name);
    }
}

static void
test_unreadable_catalogues (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *contents;
    gssize      length;
    const char *says;
  } files[] = {
    { "truncated.json", "{\"format\": \"styr-catalogue\", \"documents\": [", -1,
      "not valid JSON at line 1" },
    { "latin1.json", "{\"title\": \"Gentofte Kommune \xf8st\"}", -1, "not UTF-8 text" },
    { "empty.json", "", 0, "not valid JSON" },
  };
  g_autoptr(GBytes) before = NULL;
  g_autofree char *big = g_build_filename (fixture->dir, "big.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GBytes) after = NULL;
  FILE *stream;

  import_bundled (fixture);
  before = read_bytes (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, files[i].name, NULL);
      g_autofree char *file_out = NULL;
      g_autofree char *file_err = NULL;

      g_assert_true (g_file_set_contents (path, files[i].contents, files[i].length, NULL));
      g_assert_cmpint (run_styr (fixture, "--import-catalogue", path, NULL, &file_out, &file_err),
                       ==, 1);
      if (strstr (file_err, files[i].says) == NULL)
        g_error ("%s: “%s” does not say “%s”", files[i].name, file_err, files[i].says);
    }

  /* A 50 MB file is refused before it is read into memory as JSON. */
  stream = fopen (big, "w");
  g_assert_nonnull (stream);
  fputs ("{\"format\": \"styr-catalogue\", \"padding\": \"", stream);
  for (guint i = 0; i < 50 * 1024; i++)
    {
      char block[1024];

      memset (block, 'x', sizeof block);
      fwrite (block, 1, sizeof block, stream);
    }
  fputs ("\"}", stream);
  fclose (stream);
  g_assert_cmpint (run_styr (fixture, "--import-catalogue", big, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "expected at most"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_styr (fixture, "--import-catalogue", missing, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "missing.json"));

  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
}

/* A bad file is refused before the database is even created. */
static void
test_input_checked_first (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "nowhere.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"format\":", -1, NULL));
  g_assert_cmpint (run_styr (fixture, "--import-catalogue", bad, NULL, &out, &err), ==, 1);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_styr (fixture, "--restore", nowhere, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "nowhere.db"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_styr (fixture, "--backup", nowhere, NULL, &out, &err), ==, 1);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Refused before anything is sent, and before the database is made. */
  g_assert_cmpint (run_styr (fixture, "--pull-catalogue", "http://couch.example.dk/kombit-katalog",
                             NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "https"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "styr-backup.db", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  import_bundled (fixture);
  g_assert_cmpint (run_styr (fixture, "--backup", backup, NULL, &out, &err), ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A file that is not a backup is refused; the database is untouched. */
  before = read_bytes (fixture->db);
  g_assert_true (g_file_set_contents (garbage, "Dette er ikke en database", -1, NULL));
  g_assert_cmpint (run_styr (fixture, "--restore", garbage, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "garbage.db"));
  g_assert_nonnull (strstr (err, "Nothing was restored"));
  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A newer catalogue after the backup … */
  {
    g_autofree char *catalogue = bundled_path ();
    g_autofree char *newer = g_build_filename (fixture->dir, "newer.json", NULL);
    g_autofree char *text = NULL;
    g_autofree char *changed = NULL;
    g_auto(GStrv) halves = NULL;

    g_assert_true (g_file_get_contents (catalogue, &text, NULL, NULL));
    halves = g_strsplit (text, "\"version\": 5,", 2);
    g_assert_cmpuint (g_strv_length (halves), ==, 2);
    changed = g_strjoinv ("\"version\": 6,", halves);
    g_assert_true (g_file_set_contents (newer, changed, -1, NULL));
    g_assert_cmpint (run_styr (fixture, "--import-catalogue", newer, NULL, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    /* … is gone once the backup is restored. */
    g_assert_cmpint (run_styr (fixture, "--restore", backup, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "before-restore"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_styr (fixture, "--import-catalogue", catalogue, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "already holds catalogue version 5"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* One command at a time. */
  g_assert_cmpint (run_styr (fixture, "--restore", backup, "--backup=other.db", &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "only one"));
}

static void
test_today (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_styr (fixture, "--today", "2019-13-01", "--backup=b.db", &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“2019-13-01” is not a date"));
}

/* Calendar files from the command line, with no display. */
static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *all = g_build_filename (fixture->dir, "alle.ics", NULL);
  g_autofree char *one = g_build_filename (fixture->dir, "januar.ics", NULL);
  g_autofree char *none = g_build_filename (fixture->dir, "ingen.ics", NULL);
  g_autofree char *unwritable = g_build_filename (fixture->dir, "no-such-dir", "x.ics", NULL);
  g_autofree char *meeting_arg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  import_bundled (fixture);

  g_assert_cmpint (run_styr (fixture, "--export-ics", all, NULL, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (all, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE"));
  g_assert_nonnull (strstr (text, "UID:PLM-2020-06-2@"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  meeting_arg = g_strconcat ("--meeting=", "PLM-2020-01", NULL);
  g_assert_cmpint (run_styr (fixture, "--export-ics", one, meeting_arg, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "meeting:PLM-2020-01"));
  g_assert_true (g_file_get_contents (one, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "UID:PLM-2020-01-1@"));
  g_assert_null (strstr (text, "PLM-2020-02"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An unknown meeting and an unwritable file say so, and write nothing. */
  g_assert_cmpint (run_styr (fixture, "--export-ics", none, "--meeting=PLM-2031-01", &out, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "PLM-2031-01"));
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_styr (fixture, "--export-ics", unwritable, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, unwritable));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_styr (fixture, "--meeting=PLM-2020-01", NULL, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--export-ics"));
}

static char *
pdf_to_text (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, NULL));
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

/* The summary from the command line, with no display, in the user's
 * language. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *english = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *danish = g_build_filename (fixture->dir, "resume.pdf", NULL);
  g_autofree char *unwritable = g_build_filename (fixture->dir, "no-such-dir", "x.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  import_bundled (fixture);

  g_assert_cmpint (run_styr (fixture, "--export-pdf", english, "--today=2019-12-16", &out, &err),
                   ==, 0);
  g_assert_nonnull (strstr (out, english));
  text = pdf_to_text (english);
  g_assert_nonnull (strstr (text, "Monday 16 December 2019"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *argv[] = { g_getenv ("STYR_BINARY"), "--data-dir", fixture->data_dir,
                           "--export-pdf", danish, "--today=2019-12-16", NULL };

    env = g_environ_setenv (env, "LANG", "da_DK.UTF-8", TRUE);
    env = g_environ_setenv (env, "LC_ALL", "da_DK.UTF-8", TRUE);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    text = pdf_to_text (danish);
    g_assert_nonnull (strstr (text, "mandag den 16. december 2019"));
    g_assert_nonnull (strstr (text, "Side 1 af"));
    g_clear_pointer (&text, g_free);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* An unknown meeting and an unwritable file say so. */
  g_assert_cmpint (run_styr (fixture, "--export-pdf", english, "--meeting=PLM-2031-01", &out, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "PLM-2031-01"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_styr (fixture, "--export-pdf", unwritable, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, unwritable));
}

static char *
invitation_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "invitations", name, NULL);
}

/* KOMBIT's invitations from the command line: what each changes, the
 * database untouched by --dry-run and by every refusal, and the
 * cancellation in the calendar file and the printed summary. */
static void
test_import_invitation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *request = invitation_path ("exchange-request.ics");
  g_autofree char *cancel = invitation_path ("exchange-cancel.ics");
  g_autofree char *unknown = invitation_path ("unknown-zone.ics");
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such.ics", NULL);
  g_autofree char *calendar = g_build_filename (fixture->dir, "marts.ics", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *none = g_build_filename (fixture->dir, "none.ics", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *text = NULL;
  char *out = NULL;
  char *err = NULL;

  import_bundled (fixture);
  before = read_bytes (fixture->db);

  /* --dry-run says what would change, and writes nothing. */
  g_assert_cmpint (run_styr (fixture, "--import-invitation", request, "--dry-run", &out, &err),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Programledermøde marts 2020: 30-03-2020 10:00–11:30 becomes "
                                 "30-03-2020 10:30–12:00"));
  g_assert_nonnull (strstr (out, "--dry-run"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  /* A refusal says why on standard error, exits 1 and writes nothing. */
  g_assert_cmpint (run_styr (fixture, "--import-invitation", unknown, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Middle Europe Summer Time"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_styr (fixture, "--import-invitation", missing, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no-such.ics"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  /* The request, then its cancellation; the same again changes nothing. */
  g_assert_cmpint (run_styr (fixture, "--import-invitation", request, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Imported the invitation"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_styr (fixture, "--import-invitation", cancel, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Cancelled by KOMBIT: 30-03-2020 10:30–12:00"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_styr (fixture, "--import-invitation", cancel, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Nothing to import"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The calendar file carries the cancellation, and the summary for the
   * meeting says so. */
  g_assert_cmpint (run_styr (fixture, "--export-ics", calendar, "--meeting=PLM-2020-03", &out,
                             &err), ==, 0);
  g_assert_true (g_file_get_contents (calendar, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "UID:PLM-2020-03-1@styr.github.io\r\nSEQUENCE:3\r\n"));
  g_assert_nonnull (strstr (text, "STATUS:CANCELLED"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { g_getenv ("STYR_BINARY"), "--data-dir", fixture->data_dir,
                           "--export-pdf", pdf, "--meeting=PLM-2020-03", "--today=2020-03-20",
                           NULL };
    int status = -1;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    text = pdf_to_text (pdf);
    g_assert_nonnull (strstr (text, "10:30–12:00 (cancelled by KOMBIT)"));
    g_clear_pointer (&text, g_free);
  }

  /* A file that would hold no event is no success. */
  g_assert_cmpint (run_styr (fixture, "--export-ics", none, "--meeting=EVENT-2019-11", &out, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "no date yet"));
  g_assert_null (strstr (out, "Wrote"));
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

/* The summary on the command line judges by the thresholds of
 * Preferences, as the Overview does: an agreement expiring in 76 days
 * expires soon with the threshold at 120 days, and not with the default
 * 60 (it is listed for its missing review either way). */
static void
test_pdf_thresholds (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char register_csv[] =
    "Anvendersystem;Leverandør;Services;Status;Gyldig fra;Gyldig til\r\n"
    "Budgetsystemet;KMD;SF1520;godkendt;01-12-2019;01-03-2020\r\n";
  g_autofree char *path = g_build_filename (fixture->dir, "register.csv", NULL);
  g_autofree char *config = g_build_filename (fixture->dir, "config", "glib-2.0", "settings",
                                              NULL);
  g_autofree char *keyfile = g_build_filename (config, "keyfile", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *config_home = g_build_filename (fixture->dir, "config", NULL);
  char *out = NULL;
  char *err = NULL;

  import_bundled (fixture);
  g_assert_true (g_file_set_contents (path, register_csv, -1, NULL));
  g_assert_cmpint (run_styr (fixture, "--import-agreements", path, NULL, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint threshold = 60; threshold <= 120; threshold += 60)
    {
      g_autofree char *settings = g_strdup_printf ("[io/github/styr/Styr]\n"
                                                   "agreement-expiring-days=uint32 %u\n",
                                                   threshold);
      g_auto(GStrv) env = g_get_environ ();
      const char *argv[] = { g_getenv ("STYR_BINARY"), "--data-dir", fixture->data_dir,
                             "--export-pdf", pdf, "--today=2019-12-16", NULL };
      g_autofree char *text = NULL;
      int status = -1;

      g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
      g_assert_true (g_file_set_contents (keyfile, settings, -1, NULL));
      env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
      env = g_environ_setenv (env, "XDG_CONFIG_HOME", config_home, TRUE);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                   &err, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      text = pdf_to_text (pdf);
      g_test_message ("threshold %u", threshold);
      g_assert_nonnull (strstr (text, "Budgetsystemet"));
      if (threshold == 120)
        g_assert_nonnull (strstr (text, "expires soon"));
      else
        g_assert_null (strstr (text, "expires soon"));
    }
}

/* --export-pdf --agreement writes one agreement's review, by the ID the
 * register's export gives it; an unknown ID and a lone --agreement are
 * refused. */
static void
test_agreement_review (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char register_csv[] =
    "Anvendersystem;Leverandør;Services;Status\r\n"
    "Budgetsystemet;Leverandør A/S;SF1520;anmodet\r\n";
  g_autofree char *path = g_build_filename (fixture->dir, "register.csv", NULL);
  g_autofree char *exported = g_build_filename (fixture->dir, "exported.csv", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *option = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) cells = NULL;
  char *out = NULL;
  char *err = NULL;

  import_bundled (fixture);
  g_assert_true (g_file_set_contents (path, register_csv, -1, NULL));
  g_assert_cmpint (run_styr (fixture, "--import-agreements", path, NULL, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_styr (fixture, "--export-agreements", exported, NULL, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", 3);
  cells = g_strsplit (lines[1], ";", 2);
  option = g_strconcat ("--agreement=", cells[0], NULL);

  g_assert_cmpint (run_styr (fixture, "--export-pdf", pdf, option, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Wrote the review to"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  text = pdf_to_text (pdf);
  g_assert_nonnull (strstr (text, "Review of the Service Agreement for Budgetsystemet"));
  g_assert_nonnull (strstr (text, "Periode: Skal anvendersystemet have adgang til data i hele"));

  g_assert_cmpint (run_styr (fixture, "--export-pdf", pdf, "--agreement=r-2", &out, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "There is no service agreement with the ID “r-2”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_styr (fixture, "--agreement", "r-1", NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--agreement goes with --export-pdf"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

/* A backup of a damaged database would be refused by restore: it is not
 * written, and the message says what is damaged. */
static void
test_backup_of_damage (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *partial = g_strconcat (backup, ".partial", NULL);
  g_autofree char *contents = NULL;
  char *out = NULL;
  char *err = NULL;
  gsize length;

  import_bundled (fixture);
  g_assert_true (g_file_get_contents (fixture->db, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  memset (contents + length / 2, 0x55, 4096);
  g_assert_true (g_file_set_contents (fixture->db, contents, length, NULL));

  g_assert_cmpint (run_styr (fixture, "--backup", backup, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "is damaged ("));
  g_assert_nonnull (strstr (err, "so no backup was written"));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

/* The register through the command line, as a script moves it between
 * Styr and a spreadsheet: exit status 0 only when every row was taken,
 * and what was refused printed row by row. */
static void
test_register_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char register_csv[] =
    "\xef\xbb\xbf" "Anvendersystem;Leverandør;Services;Status;Gyldig fra;Gyldig til;Noter\r\n"
    "KMD Sag;KMD;SF1520, SF1500;godkendt;01-12-2019;30-11-2021;\"+45 33 12 34 56\"\r\n"
    "Nexus;Systematic;SF1520;anmodet;;;-3 %\r\n"
    "Dårlig;X;;måske;01-06-2021;01-01-2020;\r\n"
    "I alt;;;;;;\r\n";
  g_autofree char *path = g_build_filename (fixture->dir, "register.csv", NULL);
  g_autofree char *exported = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autofree char *workbook = g_build_filename (fixture->dir, "export.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  char *out = NULL;
  char *err = NULL;

  /* An import does not make a database. */
  g_assert_true (g_file_set_contents (path, register_csv, -1, NULL));
  g_assert_cmpint (run_styr (fixture, "--import-agreements", path, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "There is no database"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  import_bundled (fixture);

  /* --dry-run says what would happen and writes nothing. */
  before = read_bytes (fixture->db);
  g_assert_cmpint (run_styr (fixture, "--import-agreements", path, "--dry-run", &out, &err), ==,
                   1);
  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_nonnull (strstr (out, "Row 2 (“KMD Sag”): new\n"));
  g_assert_nonnull (strstr (out, "Nothing was written"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The good rows go in; the refused one is named, row by row, and makes
   * the exit status 1. */
  g_assert_cmpint (run_styr (fixture, "--import-agreements", path, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Row 4 (“Dårlig”): not imported: column “Status”: “måske” is "
                                 "not a state"));
  g_assert_nonnull (strstr (out, "Row 4 (“Dårlig”): not imported: column “Gyldig til”: "
                                 "01-01-2020 is before “Gyldig fra” 01-06-2021"));
  g_assert_nonnull (strstr (out, "Row 5: skipped (a total row)"));
  g_assert_nonnull (strstr (out, "2 rows written"));
  g_assert_nonnull (strstr (err, "1 row of"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The export reads back unchanged, and says so. */
  g_assert_cmpint (run_styr (fixture, "--export-agreements", exported, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Wrote 2 agreements"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_styr (fixture, "--import-agreements", exported, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "changes nothing: its 2 rows are as Styr has them already"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* One edited cell changes that one field; the phone number and the
   * percentage survive the formula guard. */
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "'+45 33 12 34 56"));
  g_assert_nonnull (strstr (text, "'-3 %"));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "30-11-2021", "30-11-2022", 0), ==, 1);
  g_assert_true (g_file_set_contents (exported, edited->str, edited->len, NULL));
  g_assert_cmpint (run_styr (fixture, "--import-agreements", exported, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Row 2 (“KMD Sag”): Valid to: 30-11-2021 → 30-11-2022\n"));
  g_assert_nonnull (strstr (out, "1 row written, 1 row left as it was"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_styr (fixture, "--export-agreements", workbook, NULL, &out, &err), ==, 0);
  g_assert_true (g_file_test (workbook, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A workbook given as CSV is refused with what to do. */
  g_assert_cmpint (run_styr (fixture, "--import-agreements", workbook, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "is a spreadsheet workbook (.xlsx or .ods), not a CSV file"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --dry-run goes with an import only. */
  g_assert_cmpint (run_styr (fixture, "--export-agreements", exported, "--dry-run", &out, &err),
                   ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

static void
test_import_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char register_csv[] =
    "Anvendersystem;Services;Status\r\nKMD Sag;SF1520;godkendt\r\n";
  static const char usage_csv[] =
    "Måned;Anvendersystem;Service;Kald\r\n"
    "2020-01;KMD Sag;SF1520;1.234\r\n"
    "2020-02;Ukendt;SF1520;5\r\n"
    "I alt;;1239\r\n";
  g_autofree char *agreements = g_build_filename (fixture->dir, "register.csv", NULL);
  g_autofree char *usage = g_build_filename (fixture->dir, "forbrug.csv", NULL);
  char *out = NULL;
  char *err = NULL;

  import_bundled (fixture);
  g_assert_true (g_file_set_contents (agreements, register_csv, -1, NULL));
  g_assert_cmpint (run_styr (fixture, "--import-agreements", agreements, NULL, &out, &err), ==,
                   0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (usage, usage_csv, -1, NULL));
  g_assert_cmpint (run_styr (fixture, "--import-usage", usage, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Row 2 (“KMD Sag”): SF1520 2020-01: – → 1234\n"));
  g_assert_nonnull (strstr (out, "Row 3 (“Ukendt”): not imported: column “Anvendersystem”: no "
                                 "service agreement has the using system “Ukendt”"));
  g_assert_nonnull (strstr (out, "Row 4: skipped (a total row)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again, the figure is there already. */
  g_assert_cmpint (run_styr (fixture, "--import-usage", usage, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "0 rows written, 1 row left as it was"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("import-twice", test_import_twice);
  ADD ("broken-catalogues", test_broken_catalogues);
  ADD ("unreadable-catalogues", test_unreadable_catalogues);
  ADD ("input-checked-first", test_input_checked_first);
  ADD ("backup-restore", test_backup_restore);
  ADD ("today", test_today);
  ADD ("export-ics", test_export_ics);
  ADD ("export-pdf", test_export_pdf);
  ADD ("import-invitation", test_import_invitation);
  ADD ("pdf-thresholds", test_pdf_thresholds);
  ADD ("agreement-review", test_agreement_review);
  ADD ("backup-of-damage", test_backup_of_damage);
  ADD ("register-round-trip", test_register_round_trip);
  ADD ("import-usage", test_import_usage);

#undef ADD

  return g_test_run ();
}
