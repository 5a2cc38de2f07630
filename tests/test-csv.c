/* test-csv.c: CSV files as Danish spreadsheets write them, good and bad,
 * imported as agreements into a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-agreement-import.h"
#include "styr-csv.h"

#define HEADER "Anvendersystem;Leverandør;Services;Dataafgrænsning;Begrundelse;Status;" \
               "Gyldig fra;Gyldig til\r\n"

static StyrCsv *
parse (const char  *text,
       gssize       length,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return styr_csv_parse (bytes, "register.csv", error);
}

static void
test_reads_what_excel_writes (void)
{
  static const struct {
    const char *name;
    const char *text;
    char        delimiter;
    const char *encoding;
  } files[] = {
    { "semicolon", HEADER "KMD Sag;KMD;SF1520;Jobcenter;Sygedagpenge;godkendt;01-12-2019;"
                   "30-11-2021\r\n", ';', "UTF-8" },
    { "bom", "\xef\xbb\xbf" HEADER "KMD Sag;KMD;SF1520;Jobcenter;Sygedagpenge;godkendt;"
             "01-12-2019;30-11-2021\r\n", ';', "UTF-8" },
    { "comma", "Anvendersystem,Leverandør,Services,Status\n"
               "\"KMD Sag, sygedagpenge\",KMD,\"SF1520, SF1500\",anmodet\n", ',', "UTF-8" },
    { "windows-1252", "Anvendersystem;Leverand\xf8r;Status\r\nB\xf8rnesag;N\xe6stved IT;"
                      "godkendt\r\n", ';', "WINDOWS-1252" },
    { "tabs", "Anvendersystem\tLeverandør\tStatus\nKMD Sag\tKMD\topsagt\n", '\t', "UTF-8" },
    { "quotes and line breaks", "Anvendersystem;Begrundelse;Status\n"
                                "\"KMD \"\"Sag\"\"\";\"Linje 1\nLinje 2; med semikolon\";"
                                "udløbet\n\n", ';', "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrAgreementImport) import = NULL;
      StyrCsv *csv = parse (files[i].text, -1, &error);
      StyrRecord *record;

      if (csv == NULL)
        g_error ("%s: %s", files[i].name, error->message);
      g_assert_cmpint (csv->delimiter, ==, files[i].delimiter);
      g_assert_cmpstr (csv->encoding, ==, files[i].encoding);
      g_assert_cmpuint (csv->rows->len, ==, 1);

      import = styr_agreement_import_new (csv);
      if (styr_agreement_import_get_problems (import)->len > 0)
        g_error ("%s: %s", files[i].name,
                 ((StyrImportProblem *) g_ptr_array_index (styr_agreement_import_get_problems (import),
                                                           0))->problem);
      g_assert_cmpuint (styr_agreement_import_get_records (import)->len, ==, 1);
      record = g_ptr_array_index (styr_agreement_import_get_records (import), 0);
      g_assert_nonnull (styr_agreement_get_using_system (STYR_AGREEMENT (record)));
    }
}

static void
test_converts_danish_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrAgreementImport) import = NULL;
  g_auto(GStrv) services = NULL;
  StyrRecord *record;

  import = styr_agreement_import_new (parse (HEADER "KMD Sag;KMD;sf1520, SF1500;Jobcenter;"
                                             "Sygedagpenge;Godkendt;1.12.2019;2021-11-30\n",
                                             -1, &error));
  g_assert_no_error (error);
  record = g_ptr_array_index (styr_agreement_import_get_records (import), 0);
  g_assert_cmpstr (styr_agreement_get_state (STYR_AGREEMENT (record)), ==, "approved");
  g_assert_cmpstr (styr_record_get_string (record, "valid_from"), ==, "2019-12-01");
  g_assert_cmpstr (styr_record_get_string (record, "valid_to"), ==, "2021-11-30");
  g_assert_cmpstr (styr_agreement_get_supplier (STYR_AGREEMENT (record)), ==, "KMD");
  services = styr_agreement_dup_services (STYR_AGREEMENT (record));
  g_assert_cmpuint (g_strv_length (services), ==, 2);
  g_assert_cmpstr (services[0], ==, "SF1520");
  g_assert_cmpint (styr_agreement_import_get_mapping (import, "data_scope"), ==, 3);
  g_assert_cmpint (styr_agreement_import_get_mapping (import, "approver"), ==, -1);
}

/* Files that cannot be read at all. */
static void
test_unreadable_files (void)
{
  static const struct {
    const char *name;
    const char *text;
    gssize      length;
    int         code;
    const char *says;
  } files[] = {
    { "empty", "", 0, STYR_CSV_ERROR_EMPTY, "is empty" },
    { "blank lines", "\r\n\r\n;;\r\n", -1, STYR_CSV_ERROR_EMPTY, "is empty" },
    { "quote left open", HEADER "\"KMD Sag;KMD;SF1520\r\n", -1, STYR_CSV_ERROR_SYNTAX,
      "line 2: a field opened with a quote is never closed" },
    { "quote left open at the end", "Anvendersystem;Status\n\"KMD", -1, STYR_CSV_ERROR_SYNTAX,
      "line 2" },
    { "text after a closing quote", "Anvendersystem;Status\n\"KMD\"x;godkendt\n", -1,
      STYR_CSV_ERROR_SYNTAX, "line 2: text follows a quoted field" },
    { "neither UTF-8 nor Windows-1252", "Anvendersystem;Status\n\x81\x8d\x8f;godkendt\n", -1,
      STYR_CSV_ERROR_ENCODING, "neither UTF-8 nor Windows-1252" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrCsv) csv = parse (files[i].text, files[i].length, &error);

      if (csv != NULL)
        g_error ("%s: was read as a CSV file", files[i].name);
      if (!g_error_matches (error, STYR_CSV_ERROR, files[i].code) ||
          strstr (error->message, files[i].says) == NULL ||
          strstr (error->message, "register.csv") == NULL)
        g_error ("%s: “%s”", files[i].name, error != NULL ? error->message : "no error");
    }

  /* A file too large to be a register is refused before it is decoded. */
  {
    g_autoptr(GError) error = NULL;
    gsize size = 65 * 1024 * 1024;
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);

    g_assert_null (styr_csv_parse (bytes, "huge.csv", &error));
    g_assert_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_TOO_LARGE);
  }
}

/* Rows that are reported one by one while the good rows around them stay. */
static void
test_bad_rows (void)
{
  static const struct {
    const char *row;
    const char *column;
    const char *says;
  } rows[] = {
    { "KMD Sag;KMD;SF1520;Jobcenter;Sygedagpenge;godkendt;01-12-2019", NULL,
      "the row has 7 fields, but the first line names 8 columns" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Sygedagpenge;godkendt;01-12-2019;30-11-2021;ekstra", NULL,
      "has 9 fields" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Grund;godkendt;31-02-2020;30-11-2021", "Gyldig fra",
      "“31-02-2020” is not a date (expected dd-mm-yyyy or yyyy-mm-dd)" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Grund;godkendt;2020/31/12;30-11-2021", "Gyldig fra",
      "“2020/31/12” is not a date" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Grund;godkendt;snart;30-11-2021", "Gyldig fra",
      "“snart” is not a date" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Grund;godkendt;01-12-2019;2021-13-01", "Gyldig til",
      "“2021-13-01” is not a date" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Grund;godkendt;01-12-19;30-11-2021", "Gyldig fra",
      "“01-12-19” is not a date" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Grund;måske;01-12-2019;30-11-2021", "Status",
      "“måske” is not a state (expected anmodet, godkendt, afvist, udløbet or opsagt)" },
    { "KMD Sag;KMD;CPR;Jobcenter;Grund;godkendt;01-12-2019;30-11-2021", "Services",
      "“CPR” is not a service code" },
    { "KMD Sag;KMD;SF1520, 1500;Jobcenter;Grund;godkendt;01-12-2019;30-11-2021", "Services",
      "“1500” is not a service code" },
    { ";KMD;SF1520;Jobcenter;Grund;godkendt;01-12-2019;30-11-2021", NULL,
      "using_system is missing" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Grund;godkendt;01-12-2021;30-11-2019", NULL,
      "valid_to “2019-11-30” is before valid_from “2021-12-01”" },
    { "KMD Sag;KMD;SF1520;Jobcenter;Grund;godkendt;2019-12-01T10:00;30-11-2021", "Gyldig fra",
      "is not a date" },
  };
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrAgreementImport) import = NULL;
  GPtrArray *problems;

  /* A good row between every bad one. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_string_append_printf (text, "God %u;KMD;SF1520;Jobcenter;Grund;godkendt;01-12-2019;"
                                    "30-11-2021\r\n", i);
      g_string_append_printf (text, "%s\r\n", rows[i].row);
    }

  import = styr_agreement_import_new (parse (text->str, text->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (styr_agreement_import_get_records (import)->len, ==, G_N_ELEMENTS (rows));
  problems = styr_agreement_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (rows));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      StyrImportProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, ==, 3 + 2 * i);
      if (strstr (problem->problem, rows[i].says) == NULL ||
          g_strcmp0 (problem->column, rows[i].column) != 0)
        g_error ("row %u: “%s” in column “%s” does not say “%s”", i, problem->problem,
                 problem->column, rows[i].says);
    }
}

static StyrStore *
open_store (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  StyrStore *store;

  *dir = g_dir_make_tmp ("styr-csv-XXXXXX", NULL);
  path = g_build_filename (*dir, "styr.db", NULL);
  store = styr_store_new (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
remove_dir (char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static void
test_commit_is_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autofree char *path = NULL;
  char *dir = NULL;
  sqlite3 *holder = NULL;
  guint written = 0;

  store = open_store (&dir);
  path = g_build_filename (dir, "styr.db", NULL);
  import = styr_agreement_import_new (parse ("Id;Anvendersystem;Status\n"
                                             "A-1;KMD Sag;godkendt\n"
                                             "A-2;Netcompany KY;anmodet\n"
                                             "A-3;;godkendt\n", -1, &error));
  g_assert_cmpuint (styr_agreement_import_get_records (import)->len, ==, 2);

  /* A colleague's write lock makes the commit fail: nothing is written. */
  g_object_unref (store);
  store = g_initable_new (STYR_TYPE_STORE, NULL, &error, "path", path, "busy-timeout", 50, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (styr_agreement_import_commit (import, store, "mette", &written, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  g_assert_cmpint (styr_store_count_of_type (store, "agreement", NULL), ==, 0);

  /* Then it goes through, and importing the same ids again updates them. */
  g_assert_true (styr_agreement_import_commit (import, store, "mette", &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 2);
  g_assert_true (styr_agreement_import_commit (import, store, "mette", &written, &error));
  g_assert_cmpint (styr_store_count_of_type (store, "agreement", NULL), ==, 2);
  g_assert_nonnull (styr_store_get (store, "agreement:A-2", NULL, &error));

  g_clear_object (&store);
  remove_dir (dir);
}

static void
test_remapping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrAgreementImport) import = NULL;
  StyrRecord *record;

  /* Columns whose names Styr does not know are mapped by the user. */
  import = styr_agreement_import_new (parse ("System i drift;Firma;Aftalestatus\n"
                                             "KMD Sag;KMD;godkendt\n", -1, &error));
  g_assert_cmpuint (styr_agreement_import_get_records (import)->len, ==, 0);
  g_assert_cmpuint (styr_agreement_import_get_problems (import)->len, ==, 1);

  styr_agreement_import_set_mapping (import, "using_system", 0);
  styr_agreement_import_set_mapping (import, "supplier", 1);
  styr_agreement_import_set_mapping (import, "state", 2);
  g_assert_cmpuint (styr_agreement_import_get_problems (import)->len, ==, 0);
  record = g_ptr_array_index (styr_agreement_import_get_records (import), 0);
  g_assert_cmpstr (styr_agreement_get_state (STYR_AGREEMENT (record)), ==, "approved");
  g_assert_cmpstr (styr_agreement_get_supplier (STYR_AGREEMENT (record)), ==, "KMD");
}

static void
test_large_file (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(StyrStore) store = NULL;
  char *dir = NULL;
  guint written = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "System %u;Leverandør %u;SF1520;Borgere;Grund;godkendt;"
                                  "01-12-2019;30-11-2021\r\n", i, i % 50);

  import = styr_agreement_import_new (parse (text->str, text->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (styr_agreement_import_get_records (import)->len, ==, 100000);
  g_assert_cmpuint (styr_agreement_import_get_problems (import)->len, ==, 0);

  store = open_store (&dir);
  g_assert_true (styr_agreement_import_commit (import, store, "import", &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 100000);
  g_assert_cmpint (styr_store_count_of_type (store, "agreement", NULL), ==, 100000);

  g_clear_object (&store);
  remove_dir (dir);
}

static void
test_export_escapes_formulas (void)
{
  static const char *cells[] = { "=HYPERLINK(\"http://x\")", "+45 12345678", "-1", "@SUM(A1)",
                                 "KMD; Sag", "Linje \"1\"\nLinje 2", "almindelig", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StyrCsv) csv = NULL;

  styr_csv_append_row (out, (const char * const *) cells, ';');
  g_assert_true (g_str_has_prefix (out->str, "\"'=HYPERLINK(\"\"http://x\"\")\";"));
  g_assert_nonnull (strstr (out->str, ";'+45 12345678;'-1;'@SUM(A1);\"KMD; Sag\";"));
  g_assert_true (g_str_has_suffix (out->str, ";almindelig\r\n"));

  /* What we write reads back as the same cells, apostrophes included. */
  g_string_prepend (out, "a;b;c;d;e;f;g\r\n");
  bytes = g_bytes_new (out->str, out->len);
  csv = styr_csv_parse (bytes, "export.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((StyrCsvRow *) g_ptr_array_index (csv->rows, 0))->fields[5], ==,
                   "Linje \"1\"\nLinje 2");
  g_assert_cmpstr (((StyrCsvRow *) g_ptr_array_index (csv->rows, 0))->fields[0], ==,
                   "'=HYPERLINK(\"http://x\")");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reads-what-excel-writes", test_reads_what_excel_writes);
  g_test_add_func ("/csv/converts-danish-values", test_converts_danish_values);
  g_test_add_func ("/csv/unreadable-files", test_unreadable_files);
  g_test_add_func ("/csv/bad-rows", test_bad_rows);
  g_test_add_func ("/csv/commit-is-all-or-nothing", test_commit_is_all_or_nothing);
  g_test_add_func ("/csv/remapping", test_remapping);
  g_test_add_func ("/csv/large-file", test_large_file);
  g_test_add_func ("/csv/export-escapes-formulas", test_export_escapes_formulas);

  return g_test_run ();
}
