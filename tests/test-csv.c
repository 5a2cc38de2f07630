/* test-csv.c: CSV files as spreadsheets write them, good and bad, and the
 * register of agreements read back from them into a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-agreement-export.h"
#include "styr-agreement-import.h"
#include "styr-undo-stack.h"
#include "styr-csv.h"

static StyrCsv *
parse (const char  *text,
       gssize       length,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return styr_csv_parse (bytes, "register.csv", error);
}

static StyrCsv *
parse_ok (const char *text,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  StyrCsv *csv = parse (text, length, &error);

  g_assert_no_error (error);
  return csv;
}

static const char *
cell (StyrCsv *csv,
      guint    row,
      guint    column)
{
  return ((StyrCsvRow *) g_ptr_array_index (csv->rows, row))->fields[column];
}

/* --- Reading ---------------------------------------------------------- */

static void
test_reads_what_spreadsheets_write (void)
{
  static const struct {
    const char *name;
    const char *text;
    gssize      length;
    char        delimiter;
    const char *encoding;
    const char *first;
    const char *last_cell;
  } files[] = {
    { "semicolon", "Anvendersystem;Status\r\nKMD Sag;godkendt\r\n", -1, ';', "UTF-8",
      "KMD Sag", "godkendt" },
    { "bom", "\xef\xbb\xbf" "Anvendersystem;Status\r\nKMD Sag;godkendt\r\n", -1, ';', "UTF-8",
      "KMD Sag", "godkendt" },
    { "comma", "Anvendersystem,Services\n\"KMD Sag, sygedagpenge\",\"SF1520, SF1500\"\n", -1,
      ',', "UTF-8", "KMD Sag, sygedagpenge", "SF1520, SF1500" },
    { "windows-1252", "Anvendersystem;Leverand\xf8r\r\nB\xf8rnesag;N\xe6stved IT\r\n", -1, ';',
      "WINDOWS-1252", "Børnesag", "Næstved IT" },
    { "tabs", "Anvendersystem\tStatus\nKMD Sag\topsagt\n", -1, '\t', "UTF-8", "KMD Sag",
      "opsagt" },
    { "sep line", "sep=,\r\nAnvendersystem,Noter\r\nKMD Sag,\"a;b\"\r\n", -1, ',', "UTF-8",
      "KMD Sag", "a;b" },
    { "old Mac line ends", "Anvendersystem;Status\rKMD Sag;godkendt\r", -1, ';', "UTF-8",
      "KMD Sag", "godkendt" },
    { "trailing separators", "Anvendersystem;Status;;;\r\nKMD Sag;godkendt;;;\r\n", -1, ';',
      "UTF-8", "KMD Sag", "godkendt" },
    { "spaces around values", "Anvendersystem;Status\r\n  KMD Sag \xc2\xa0; \"godkendt\" \r\n",
      -1, ';', "UTF-8", "KMD Sag", "godkendt" },
    /* Excel's "Unicode text": UTF-16 with a byte order mark, and tabs. */
    { "utf-16", "\xff\xfe" "A\0n\0\t\0S\0\r\0\n\0K\0\xf8\0\t\0g\0\r\0\n\0", 22, '\t',
      "UTF-16LE", "Kø", "g" },
    { "utf-16 without a mark", "A\0n\0\t\0S\0\n\0K\0\xf8\0\t\0g\0\n\0", 18, '\t', "UTF-16LE",
      "Kø", "g" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrCsv) csv = parse (files[i].text, files[i].length, &error);

      if (csv == NULL)
        g_error ("%s: %s", files[i].name, error->message);
      g_assert_cmpint (csv->delimiter, ==, files[i].delimiter);
      g_assert_cmpstr (csv->encoding, ==, files[i].encoding);
      g_assert_cmpuint (csv->n_columns, ==, 2);
      g_assert_cmpuint (csv->rows->len, ==, 1);
      g_assert_cmpstr (cell (csv, 0, 0), ==, files[i].first);
      g_assert_cmpstr (cell (csv, 0, 1), ==, files[i].last_cell);
    }
}

/* Row numbers are the spreadsheet's: a cell with a line break is one row,
 * blank rows count, Excel's "sep=" line does not. */
static void
test_row_numbers (void)
{
  g_autoptr(StyrCsv) csv = parse_ok ("sep=;\r\n"
                                     "Anvendersystem;Noter\r\n"
                                     "KMD Sag;\"Linje 1\r\nLinje 2\nLinje 3\"\r\n"
                                     "\r\n"
                                     ";\r\n"
                                     "Nexus;kort\r\n"
                                     "SBSYS\r\n", -1);

  g_assert_cmpuint (csv->header_row, ==, 1);
  g_assert_cmpuint (csv->rows->len, ==, 3);
  g_assert_cmpuint (((StyrCsvRow *) g_ptr_array_index (csv->rows, 0))->row, ==, 2);
  g_assert_cmpstr (cell (csv, 0, 1), ==, "Linje 1\nLinje 2\nLinje 3");
  g_assert_cmpuint (((StyrCsvRow *) g_ptr_array_index (csv->rows, 1))->row, ==, 5);
  g_assert_cmpuint (((StyrCsvRow *) g_ptr_array_index (csv->rows, 1))->line, ==, 8);
  /* A row shorter than the header has the empty cells a spreadsheet shows. */
  g_assert_cmpuint (((StyrCsvRow *) g_ptr_array_index (csv->rows, 2))->row, ==, 6);
  g_assert_cmpstr (cell (csv, 2, 1), ==, "");
}

static gboolean
is_known (const char *heading,
          gpointer    user_data)
{
  return g_str_equal (heading, "Anvendersystem") || g_str_equal (heading, "Status");
}

/* A title and blank rows above the table are not its header. */
static void
test_finds_header (void)
{
  g_autoptr(StyrCsv) csv = parse_ok ("Serviceaftaler, Næstved Kommune;;\r\n"
                                     "Udtrukket 2020-01-15;;\r\n"
                                     ";;\r\n"
                                     "Anvendersystem;Status;Ekstra\r\n"
                                     "KMD Sag;godkendt;x;;\r\n"
                                     "Nexus;anmodet;;;\r\n", -1);

  styr_csv_find_header (csv, is_known, NULL);
  g_assert_cmpuint (csv->header_row, ==, 4);
  g_assert_cmpuint (csv->n_above, ==, 2);
  g_assert_cmpuint (csv->n_columns, ==, 3);
  g_assert_cmpuint (csv->rows->len, ==, 2);
  g_assert_cmpstr (csv->header[0], ==, "Anvendersystem");
  g_assert_cmpstr (cell (csv, 0, 2), ==, "x");
  g_assert_cmpuint (((StyrCsvRow *) g_ptr_array_index (csv->rows, 1))->row, ==, 6);

  /* A cell beyond the last heading makes a column of its own. */
  {
    g_autoptr(StyrCsv) wide = parse_ok ("Anvendersystem;Status\r\nKMD Sag;godkendt;;;løs\r\n",
                                        -1);
    g_autofree char *name = NULL;

    g_assert_cmpuint (wide->n_columns, ==, 5);
    name = styr_csv_column_name (wide, 4);
    g_assert_cmpstr (name, ==, "E");
    g_clear_pointer (&name, g_free);
    name = styr_csv_column_name (wide, 27);
    g_assert_cmpstr (name, ==, "AB");
  }
}

/* Files that cannot be read at all, refused with where and why. */
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
    { "quote left open", "A;B\r\nx;y\r\n\"KMD Sag;KMD\r\n", -1, STYR_CSV_ERROR_SYNTAX,
      "row 3: a cell opened with a quote is never closed" },
    { "text after a closing quote", "A;B\n\"KMD\"x;godkendt\n", -1, STYR_CSV_ERROR_SYNTAX,
      "row 2: text follows a quoted cell" },
    { "undefined in Windows-1252", "A;B\r\nx;y\r\n\x81\x8d;z\r\n", -1, STYR_CSV_ERROR_ENCODING,
      "row 3: byte 11 (0x81) is neither UTF-8 nor Windows-1252" },
    /* UTF-8 elsewhere in the file: the bad byte is damage, not ø in
     * another code page, and is not read as mojibake. */
    { "invalid UTF-8", "A;B\r\nB\xc3\xb8rnesag;x\r\n\"Linje\nlinje\";N\xe6stved\r\n", -1,
      STYR_CSV_ERROR_ENCODING, "row 3: byte 34 (0xE6) is not valid UTF-8" },
    { "invalid UTF-8 after a byte order mark", "\xef\xbb\xbf" "A;B\r\nN\xe6stved;x\r\n", -1,
      STYR_CSV_ERROR_ENCODING, "row 2: byte 10 (0xE6) is not valid UTF-8" },
    { "NUL byte", "A;B\r\nKMD\0Sag;x\r\n", 14, STYR_CSV_ERROR_NOT_TEXT,
      "row 2: byte 9 is a NUL byte" },
    { "xlsx", "PK\x03\x04\x14\0\x06\0", 8, STYR_CSV_ERROR_NOT_TEXT,
      "is a spreadsheet workbook (.xlsx or .ods), not a CSV file" },
    { "xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 10, STYR_CSV_ERROR_NOT_TEXT,
      "is an Excel 97–2003 workbook (.xls), not a CSV file" },
    { "broken UTF-16", "\xff\xfe" "A\0\x00\xdc", 6, STYR_CSV_ERROR_ENCODING,
      "is marked as UTF-16" },
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

  /* An OpenDocument file is named as one. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = g_bytes_new_static ("PK\x03\x04", 4);

    g_assert_null (styr_csv_parse (bytes, "aftaler.ods", &error));
    g_assert_nonnull (strstr (error->message, "is an OpenDocument spreadsheet (.ods)"));
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

/* Only what a spreadsheet would run as a formula is guarded, and the
 * guard comes off again: every value survives the round trip. */
static void
test_formula_guard (void)
{
  static const struct {
    const char *value;
    const char *written;
  } cells[] = {
    { "-", "-" },
    { "+", "+" },
    { "+45 33 12 34 56", "'+45 33 12 34 56" },
    { "-3 %", "'-3 %" },
    { "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")" },
    { "=", "'=" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "'hej", "'hej" },
    { "'-", "'-" },
    { "'+45", "''+45" },
    { "almindelig", "almindelig" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *written = styr_csv_guard_cell (cells[i].value);
      g_autofree char *back = styr_csv_unguard_cell (written);

      g_assert_cmpstr (written, ==, cells[i].written);
      g_assert_cmpstr (back, ==, cells[i].value);
    }
}

static void
test_append_row (void)
{
  static const char *cells[] = { "=cmd", "KMD; Sag", "Linje \"1\"\nLinje 2", "-", "x", NULL };
  g_autoptr(GString) out = g_string_new ("a;b;c;d;e\r\n");
  g_autoptr(StyrCsv) csv = NULL;

  styr_csv_append_row (out, cells, ';');
  g_assert_cmpstr (out->str, ==, "a;b;c;d;e\r\n'=cmd;\"KMD; Sag\";\"Linje \"\"1\"\"\nLinje 2\";-;x\r\n");

  csv = parse_ok (out->str, out->len);
  g_assert_cmpstr (cell (csv, 0, 0), ==, "'=cmd");
  g_assert_cmpstr (cell (csv, 0, 2), ==, "Linje \"1\"\nLinje 2");
}

/* --- The register against a store ------------------------------------ */

typedef struct
{
  char      *dir;
  char      *path;
  StyrStore *store;
} Store;

static void
store_setup (Store         *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("styr-csv-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "styr.db", NULL);
  fixture->store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
}

static void
store_teardown (Store         *fixture,
                gconstpointer  data)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  listing = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The register the spreadsheet fixtures were made from: every field a
 * column holds, and the usage, review and history that no column does. */
static const struct {
  const char *id;
  const char *json;
} register_agreements[] = {
  { "agreement:3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e01",
    "{'using_system':'KMD Sag','supplier':'KMD','services':['SF1520','SF1500'],"
    "'data_scope':'Borgere i Jobcenter Næstved','scope_breadth':'limited',"
    "'reason':'Sygedagpenge; opfølgning','state':'approved','requested':'2019-11-01',"
    "'approved':'2019-11-20','approver':'Mette Hansen','valid_from':'2019-12-01',"
    "'valid_to':'2021-11-30','contract_end':'2022-12-31','next_review':'2020-11-20',"
    "'notes':'Tlf. +45 33 12 34 56\\nSe også bilag',"
    "'review':{'answers':{'Q1':{'answer':'yes'},'Q2':{'answer':'yes'}},'reviewer':'Mette Hansen',"
    "'date':'2019-11-19'},"
    "'usage':[{'month':'2020-01','service':'SF1520','calls':1234}]}" },
  { "agreement:3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e02",
    "{'using_system':'Nexus','supplier':'Systematic','services':['SF1520'],'data_scope':'-',"
    "'reason':'-3 % på kald','state':'requested','requested':'2020-01-15','notes':'\\'hej'}" },
  { "agreement:3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e03",
    "{'using_system':'Åbent System','supplier':'Netcompany','services':['SF6002'],"
    "'state':'terminated','valid_from':'2018-01-01','valid_to':'2021-06-30',"
    "'terminated':'2020-05-01','notes':'=ikke en formel'}" },
  { "agreement:3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e04",
    "{'using_system':'SBSYS','supplier':'Fujitsu','services':['SF1500','SF1501'],"
    "'scope_breadth':'whole-municipality','state':'approved','valid_from':'2020-03-01',"
    "'next_review':'2021-03-01',"
    "'notes':'Linje 1\\nLinje 2; med semikolon og \\\"citat\\\"'}" },
  { "agreement:3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e05",
    "{'using_system':'Prisme','supplier':'Fujitsu','state':'rejected'}" },
};

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
put (StyrStore  *store,
     const char *id,
     const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (json);
  g_autoptr(JsonObject) body = NULL;

  /* The bodies are written with single quotes, to read. */
  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == '\'')
        memmove (p, p + 1, strlen (p));
      else if (*p == '\'')
        *p = '"';
    }

  body = parse_object (text);
  json_object_set_string_member (body, "type", "agreement");
  g_assert_true (styr_store_put (store, id, body, NULL, "test", NULL, &error));
  g_assert_no_error (error);
}

static void
put_register (StyrStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (register_agreements); i++)
    put (store, register_agreements[i].id, register_agreements[i].json);
}

/* id → the body as canonical JSON, to see what an import changed. */
static GHashTable *
snapshot (StyrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = styr_store_find_ids (store, "agreement", NULL, NULL, NULL, &error);
  GHashTable *bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonObject) body = styr_store_get (store, g_ptr_array_index (ids, i), NULL, &error);
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), body);

      g_assert_no_error (error);
      g_hash_table_insert (bodies, g_strdup (g_ptr_array_index (ids, i)),
                           json_to_string (node, FALSE));
    }

  return bodies;
}

/* Asserts that only @field of @id differs between @before and the store,
 * and returns its value now. */
static char *
only_change (StyrStore  *store,
             GHashTable *before,
             const char *id,
             const char *field)
{
  g_autoptr(GHashTable) after = snapshot (store);
  g_autoptr(JsonObject) old_body = NULL;
  g_autoptr(JsonObject) new_body = NULL;
  g_autoptr(GList) members = NULL;
  JsonNode *value;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  for (GList *l = g_hash_table_get_keys (after); l != NULL; l = g_list_delete_link (l, l))
    if (!g_str_equal (l->data, id))
      g_assert_cmpstr (g_hash_table_lookup (after, l->data), ==,
                       g_hash_table_lookup (before, l->data));

  old_body = parse_object (g_hash_table_lookup (before, id));
  new_body = parse_object (g_hash_table_lookup (after, id));
  members = json_object_get_members (new_body);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, field))
      g_assert_true (json_node_equal (json_object_get_member (old_body, l->data),
                                      json_object_get_member (new_body, l->data)));
  g_assert_cmpuint (json_object_get_size (old_body) - json_object_has_member (old_body, field),
                    ==,
                    json_object_get_size (new_body) - json_object_has_member (new_body, field));

  value = json_object_get_member (new_body, field);
  return value != NULL ? g_strdup (json_node_get_string (value)) : NULL;
}

static void
assert_unchanged (StyrStore  *store,
                  GHashTable *before)
{
  g_autoptr(GHashTable) after = snapshot (store);
  GHashTableIter iter;
  gpointer id, body;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &id, &body))
    g_assert_cmpstr (g_hash_table_lookup (after, id), ==, body);
}

static StyrAgreementImport *
import_text (StyrStore  *store,
             const char *text,
             gssize      length)
{
  g_autoptr(GError) error = NULL;
  StyrAgreementImport *import = styr_agreement_import_new (parse_ok (text, length), store,
                                                           &error);

  g_assert_no_error (error);
  return import;
}

static StyrImportRow *
row_at (StyrAgreementImport *import,
        guint                index)
{
  GListModel *rows = styr_agreement_import_get_rows (import);
  g_autoptr(StyrImportRow) row = g_list_model_get_item (rows, index);

  g_assert_nonnull (row);
  return row;
}

static void
assert_counts (StyrAgreementImport *import,
               guint                added,
               guint                changed,
               guint                unchanged,
               guint                refused)
{
  g_assert_cmpuint (styr_agreement_import_count (import, STYR_IMPORT_ROW_NEW), ==, added);
  g_assert_cmpuint (styr_agreement_import_count (import, STYR_IMPORT_ROW_CHANGED), ==, changed);
  g_assert_cmpuint (styr_agreement_import_count (import, STYR_IMPORT_ROW_UNCHANGED), ==,
                    unchanged);
  g_assert_cmpuint (styr_agreement_import_count (import, STYR_IMPORT_ROW_REFUSED), ==, refused);
}

static char *
export_register (StyrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agreements = styr_record_load_all (store, "agreement", "using_system",
                                                          &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  styr_agreement_export_csv (agreements, out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
commit (StyrAgreementImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (styr_agreement_import_commit (import, "mette", &error));
  g_assert_no_error (error);
}

/* Commits @import as the window does: one change on @stack, which undoes
 * it. Returns the change's serial, 0 when nothing was written. */
static guint
commit_undoable (StyrAgreementImport *import,
                 StyrUndoStack       *stack)
{
  commit (import);
  return styr_undo_stack_seal (stack, "Import");
}

/* A new register: Danish values as municipalities write them. */
static void
test_new_rows (Store         *fixture,
               gconstpointer  data)
{
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(StyrAgreement) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_auto(GStrv) services = NULL;
  g_auto(GStrv) ignored = NULL;

  import = import_text (fixture->store,
                        "Anvendersystem;Leverandør;SF-koder;Status;Gyldig fra;Gyldig til;"
                        "Omfang;Kommentar 2\r\n"
                        " KMD Sag ;KMD;\"sf1520\nSF1500\nSF1520\";Godkendt;1.12.2019;"
                        "30-11-21;Hele kommunen;x\r\n"
                        "Nexus;Systematic;;;;;;\r\n", -1);
  assert_counts (import, 2, 0, 0, 0);
  ignored = styr_agreement_import_dup_ignored (import);
  g_assert_cmpstrv (ignored, ((const char *[]) { "Kommentar 2", NULL }));
  g_assert_cmpint (styr_agreement_import_get_mapping (import, "services"), ==, 2);
  g_assert_cmpint (styr_agreement_import_get_mapping (import, "approver"), ==, -1);
  commit (import);

  all = styr_record_load_all (fixture->store, "agreement", "using_system", &error);
  g_assert_cmpuint (all->len, ==, 2);
  record = g_object_ref (g_ptr_array_index (all, 0));
  g_assert_cmpstr (styr_agreement_get_using_system (record), ==, "KMD Sag");
  g_assert_cmpstr (styr_agreement_get_state (record), ==, "approved");
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (record), "valid_from"), ==, "2019-12-01");
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (record), "valid_to"), ==, "2021-11-30");
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (record), "scope_breadth"), ==,
                   "whole-municipality");
  services = styr_agreement_dup_services (record);
  g_assert_cmpstrv (services, ((const char *[]) { "SF1520", "SF1500", NULL }));
  /* A row without a state is an agreement still to decide. */
  g_assert_cmpstr (styr_agreement_get_state (g_ptr_array_index (all, 1)), ==, "requested");
}

/* The rows that are refused say where and why in the file's own terms. */
static void
test_refused_rows (Store         *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *row;
    const char *says;
  } rows[] = {
    { "KMD Sag;31-02-2020;30-11-2021;godkendt;SF1520",
      "Row 3 (“KMD Sag”): not imported: column “Gyldig fra”: “31-02-2020” is not a date "
      "(expected dd-mm-yyyy, such as 31-12-2020)" },
    { "KMD Sag;01-03-2021;01-06-2020;godkendt;SF1520",
      "Row 5 (“KMD Sag”): not imported: column “Gyldig til”: 01-06-2020 is before “Gyldig fra” "
      "01-03-2021" },
    { "KMD Sag;;;måske;SF1520",
      "Row 7 (“KMD Sag”): not imported: column “Status”: “måske” is not a state (expected "
      "anmodet, godkendt, afvist, udløbet or opsagt)" },
    { "KMD Sag;;;;CPR",
      "Row 9 (“KMD Sag”): not imported: column “Services”: “CPR” is not a service code "
      "(expected codes such as SF1520, separated by commas)" },
    { ";;;godkendt;SF1520",
      "Row 11: not imported: column “Anvendersystem” is empty, but every agreement needs its "
      "using system" },
    { "KMD Sag;2019-12-01T10:00;;;SF1520",
      "Row 13 (“KMD Sag”): not imported: column “Gyldig fra”: “2019-12-01T10:00” is not a "
      "date" },
  };
  g_autoptr(GString) text = g_string_new ("Anvendersystem;Gyldig fra;Gyldig til;Status;"
                                          "Services\r\n");
  g_autoptr(StyrAgreementImport) import = NULL;

  /* A good row before every bad one. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (text, "God %u;;;godkendt;SF1520\r\n%s\r\n", i, rows[i].row);

  import = import_text (fixture->store, text->str, text->len);
  assert_counts (import, G_N_ELEMENTS (rows), 0, 0, G_N_ELEMENTS (rows));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *line = styr_import_row_format (row_at (import, 2 * i + 1));

      g_assert_cmpuint (styr_import_row_get_kind (row_at (import, 2 * i + 1)), ==,
                        STYR_IMPORT_ROW_REFUSED);
      if (!g_str_has_prefix (line, rows[i].says))
        g_error ("row %u: “%s” does not say “%s”", i, line, rows[i].says);
      /* No internal field names or ids. */
      g_assert_null (strstr (line, "valid_"));
      g_assert_null (strstr (line, "agreement:"));
    }
}

/* Export, change one cell, import: exactly that field of that agreement
 * changes, and usage, review and the rest stay. */
static void
test_round_trip (Store         *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(StyrAgreementImport) again = NULL;
  g_autoptr(StyrAgreementImport) edited = NULL;
  g_autoptr(StyrUndoStack) stack = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *value = NULL;
  g_autofree char *line = NULL;

  put_register (fixture->store);
  before = snapshot (fixture->store);
  exported = export_register (fixture->store);
  stack = styr_undo_stack_new (fixture->store);

  /* Unchanged, it changes nothing and says so. */
  again = import_text (fixture->store, exported, -1);
  assert_counts (again, 0, 0, G_N_ELEMENTS (register_agreements), 0);
  g_assert_cmpuint (commit_undoable (again, stack), ==, 0);
  assert_unchanged (fixture->store, before);

  /* One cell changed: the approver of KMD Sag. */
  text = g_string_new (exported);
  g_assert_cmpuint (g_string_replace (text, ";Mette Hansen;", ";Lars Holm;", 0), ==, 1);
  edited = import_text (fixture->store, text->str, text->len);
  assert_counts (edited, 0, 1, G_N_ELEMENTS (register_agreements) - 1, 0);
  line = styr_import_row_format (row_at (edited, 0));
  g_assert_cmpstr (line, ==, "Row 2 (“KMD Sag”): Approver: Mette Hansen → Lars Holm");
  g_assert_cmpuint (commit_undoable (edited, stack), >, 0);
  value = only_change (fixture->store, before, register_agreements[0].id, "approver");
  g_assert_cmpstr (value, ==, "Lars Holm");

  /* One undo takes it back. */
  g_assert_true (styr_undo_stack_undo (stack, 0, "mette", NULL, NULL));
  g_clear_pointer (&value, g_free);
  value = only_change (fixture->store, before, register_agreements[0].id, "approver");
  g_assert_cmpstr (value, ==, "Mette Hansen");
}

/* Each field of the export, changed on its own and cleared, changes only
 * itself. */
static void
test_every_column (Store         *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *field;
    const char *from;
    const char *to;
    const char *stored;
  } edits[] = {
    { "using_system", ";KMD Sag;", ";KMD Sag 2;", "KMD Sag 2" },
    { "supplier", ";KMD;", ";KMD A/S;", "KMD A/S" },
    { "data_scope", ";Borgere i Jobcenter Næstved;", ";Alle;", "Alle" },
    { "reason", ";\"Sygedagpenge; opfølgning\";", ";;", NULL },
    { "requested", ";01-11-2019;", ";02-11-2019;", "2019-11-02" },
    { "approved", ";20-11-2019;", ";21-11-2019;", "2019-11-21" },
    { "valid_to", ";30-11-2021;", ";30-11-2023;", "2023-11-30" },
    { "contract_end", ";31-12-2022;", ";;", NULL },
    { "next_review", ";20-11-2020;", ";2021-01-31;", "2021-01-31" },
    { "notes", "\"Tlf. +45 33 12 34 56\nSe også bilag\"", "\"Tlf. +45 33 12 34 56\"",
      "Tlf. +45 33 12 34 56" },
  };

  put_register (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GHashTable) before = snapshot (fixture->store);
      g_autofree char *exported = export_register (fixture->store);
      g_autoptr(GString) text = g_string_new (exported);
      g_autoptr(StyrAgreementImport) import = NULL;
      g_autofree char *value = NULL;

      if (g_string_replace (text, edits[i].from, edits[i].to, 1) != 1)
        g_error ("%s: “%s” is not in the export", edits[i].field, edits[i].from);
      import = import_text (fixture->store, text->str, text->len);
      assert_counts (import, 0, 1, G_N_ELEMENTS (register_agreements) - 1, 0);
      commit (import);
      value = only_change (fixture->store, before, register_agreements[0].id, edits[i].field);
      g_assert_cmpstr (value, ==, edits[i].stored);
    }
}

/* What Styr holds reads back as it is: commas in the text of cells do not
 * make ',' the separator, codes keep their spelling, and an emptied state
 * is refused in the file's terms. */
static void
test_reads_back_as_held (Store         *fixture,
                         gconstpointer  data)
{
  g_autoptr(StyrAgreementImport) again = NULL;
  g_autoptr(StyrAgreementImport) emptied = NULL;
  g_autoptr(StyrAgreementImport) twins = NULL;
  g_autoptr(StyrCsv) csv = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *line = NULL;

  put (fixture->store, "agreement:commas",
       "{'using_system':'Kommaer','supplier':'A, B og C','services':['sf1520','SF1500',"
       "'SF1601A','SF1602','SF1603','SF1604','SF1605','SF1606'],'state':'approved',"
       "'notes':'en, to, tre, fire, fem, seks, syv, otte, ni, ti, elleve, tolv, tretten'}");
  exported = export_register (fixture->store);

  csv = parse_ok (exported, -1);
  g_assert_cmpint (csv->delimiter, ==, ';');
  again = import_text (fixture->store, exported, -1);
  assert_counts (again, 0, 0, 1, 0);

  text = g_string_new (exported);
  g_assert_cmpuint (g_string_replace (text, ";Approved;;", ";;;", 0), ==, 1);
  emptied = import_text (fixture->store, text->str, text->len);
  line = styr_import_row_format (row_at (emptied, 0));
  g_assert_cmpstr (line, ==, "Row 2 (“Kommaer”): not imported: column “State” is empty, but "
                             "every agreement has a state (anmodet, godkendt, afvist, udløbet or "
                             "opsagt)");

  /* Two new rows alike are two agreements, with a word about reading the
   * file again. */
  twins = import_text (fixture->store, "Anvendersystem;Leverandør\r\nTvilling;X\r\n"
                                       "Tvilling;X\r\n", -1);
  assert_counts (twins, 2, 0, 0, 0);
  g_assert_null (styr_import_row_get_note (row_at (twins, 0)));
  g_assert_cmpstr (styr_import_row_get_note (row_at (twins, 1)), ==,
                   "the same using system, supplier and services as row 2; export the "
                   "register from Styr after the import to get their IDs");
}

/* A file without the ID, usage, review or approver columns changes only
 * what it has, matched on system, supplier and services. */
static void
test_match_without_id (Store         *fixture,
                       gconstpointer  data)
{
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(StyrUndoStack) stack = NULL;

  put_register (fixture->store);
  put (fixture->store, "agreement:twin-1", "{'using_system':'Twin','supplier':'X',"
                                           "'services':['SF1520'],'state':'approved'}");
  put (fixture->store, "agreement:twin-2", "{'using_system':'Twin','supplier':'X',"
                                           "'services':['SF1520'],'state':'expired'}");

  import = import_text (fixture->store,
                        "Anvendersystem;Leverandør;Services;Gyldig til\r\n"
                        /* order, case and spaces of the services do not count */
                        "kmd  sag;KMD;SF1500, sf1520;30-11-2022\r\n"
                        "Nexus;Systematic;SF1520;\r\n"
                        "Nexus;Systematic;SF1520, SF1500;\r\n"
                        "Twin;X;SF1520;31-12-2020\r\n", -1);
  assert_counts (import, 1, 1, 1, 1);
  g_assert_cmpuint (styr_agreement_import_count_matched (import), ==, 2);
  g_assert_cmpstr (styr_import_row_get_note (row_at (import, 0)), ==,
                   "matched on using system, supplier and services");
  g_assert_cmpuint (styr_import_row_get_kind (row_at (import, 2)), ==, STYR_IMPORT_ROW_NEW);
  g_assert_nonnull (strstr (styr_import_row_get_problems (row_at (import, 3))[0],
                            "2 agreements for “Twin” have this supplier and these services"));

  /* Writing only the new agreement and the changed date. */
  stack = styr_undo_stack_new (fixture->store);
  g_assert_cmpuint (commit_undoable (import, stack), >, 0);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "agreement", NULL), ==,
                   G_N_ELEMENTS (register_agreements) + 3);
  g_assert_true (styr_undo_stack_undo (stack, 0, "mette", NULL, NULL));
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "agreement", NULL), ==,
                   G_N_ELEMENTS (register_agreements) + 2);
  commit (import);
  {
    g_autoptr(JsonObject) kmd = styr_store_get (fixture->store, register_agreements[0].id, NULL,
                                                NULL);

    g_assert_cmpstr (json_object_get_string_member (kmd, "valid_to"), ==, "2022-11-30");
    g_assert_cmpint (json_object_get_array_member (kmd, "usage") != NULL, ==, TRUE);
  }
}

/* Two rows that name one agreement are both refused, each naming both. */
static void
test_clashing_rows (Store         *fixture,
                    gconstpointer  data)
{
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autofree char *line = NULL;

  put_register (fixture->store);
  import = import_text (fixture->store,
                        "ID;Anvendersystem;Noter\r\n"
                        "3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e02;Nexus;a\r\n"
                        "3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e03;Åbent System;b\r\n"
                        "agreement:3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e02;Nexus;c\r\n"
                        ";Prisme;d\r\n"
                        ";Prisme;e\r\n"
                        "3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5eff;Ukendt;f\r\n", -1);
  assert_counts (import, 0, 1, 0, 5);

  line = styr_import_row_format (row_at (import, 0));
  g_assert_cmpstr (line, ==, "Row 2 (“Nexus”): not imported: rows 2 and 4 have the same ID, and "
                             "Styr cannot tell which of them is right, so none of them is "
                             "imported");
  g_clear_pointer (&line, g_free);
  line = styr_import_row_format (row_at (import, 2));
  g_assert_nonnull (strstr (line, "rows 2 and 4 have the same ID"));
  g_clear_pointer (&line, g_free);
  line = styr_import_row_format (row_at (import, 4));
  g_assert_nonnull (strstr (line, "rows 5 and 6 are all the same agreement"));
  g_clear_pointer (&line, g_free);
  line = styr_import_row_format (row_at (import, 5));
  g_assert_nonnull (strstr (line, "column “ID”: no agreement in Styr has this ID"));
}

static void
test_deleted_id (Store         *fixture,
                 gconstpointer  data)
{
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *line = NULL;

  put_register (fixture->store);
  styr_store_get_status (fixture->store, register_agreements[1].id, &rev, NULL, NULL, NULL);
  g_assert_true (styr_store_delete (fixture->store, register_agreements[1].id, rev, "lars", NULL,
                                    &error));

  import = import_text (fixture->store,
                        "ID;Anvendersystem\r\n3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e02;Nexus\r\n", -1);
  line = styr_import_row_format (row_at (import, 0));
  g_assert_cmpstr (line, ==, "Row 2 (“Nexus”): not imported: column “ID”: the agreement with "
                             "this ID was deleted in Styr; restore it from the trash first, or "
                             "empty the cell to add the row as a new agreement");
}

/* The mapping the user changes is read again at once. */
static void
test_remapping (Store         *fixture,
                gconstpointer  data)
{
  g_autoptr(StyrAgreementImport) import = NULL;

  import = import_text (fixture->store, "System i drift;Firma;Aftalestatus\r\n"
                                        "KMD Sag;KMD;godkendt\r\n", -1);
  assert_counts (import, 0, 0, 0, 1);
  g_assert_nonnull (strstr (styr_import_row_get_problems (row_at (import, 0))[0],
                            "the file has no column “Using system”"));

  styr_agreement_import_set_mapping (import, "using_system", 0);
  styr_agreement_import_set_mapping (import, "supplier", 1);
  styr_agreement_import_set_mapping (import, "state", 2);
  assert_counts (import, 1, 0, 0, 0);

  /* One column fills one field. */
  styr_agreement_import_set_mapping (import, "notes", 1);
  g_assert_cmpint (styr_agreement_import_get_mapping (import, "supplier"), ==, -1);
  g_assert_cmpint (styr_agreement_import_get_mapping (import, "notes"), ==, 1);
}

/* The commit writes everything or nothing, and its undo takes back
 * everything or nothing. */
static void
test_commit_and_undo (Store         *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(StyrStore) locked = NULL;
  g_autoptr(StyrUndoStack) stack = NULL;
  g_autofree char *rev = NULL;
  sqlite3 *holder = NULL;

  put_register (fixture->store);
  before = snapshot (fixture->store);
  g_clear_object (&fixture->store);
  fixture->store = g_initable_new (STYR_TYPE_STORE, NULL, &error, "path", fixture->path,
                                   "busy-timeout", 50, NULL);
  g_assert_no_error (error);

  import = import_text (fixture->store,
                        "ID;Anvendersystem;Noter\r\n"
                        "3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e02;Nexus;ændret\r\n"
                        "3f2b1c4d-0a1b-4c2d-8e3f-1a2b3c4d5e05;Prisme;også\r\n"
                        ";Ny;\r\n", -1);
  assert_counts (import, 1, 2, 0, 0);
  stack = styr_undo_stack_new (fixture->store);

  /* A colleague's write lock makes the commit fail: nothing is written. */
  g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (styr_agreement_import_commit (import, "mette", &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  g_assert_cmpuint (styr_undo_stack_seal (stack, NULL), ==, 0);
  {
    g_autoptr(GHashTable) now = snapshot (fixture->store);

    g_assert_cmpuint (g_hash_table_size (now), ==, g_hash_table_size (before));
  }

  /* Then it goes through, in one undo. */
  g_assert_cmpuint (commit_undoable (import, stack), >, 0);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "agreement", NULL), ==, 6);
  g_assert_true (styr_undo_stack_undo (stack, 0, "mette", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "agreement", NULL), ==, 5);
  {
    g_autoptr(GHashTable) now = snapshot (fixture->store);
    GHashTableIter iter;
    gpointer id, body;

    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &id, &body))
      g_assert_cmpstr (g_hash_table_lookup (now, id), ==, body);
  }

  /* An agreement a colleague changed after the import keeps the import
   * from being undone, and nothing is undone. */
  g_assert_cmpuint (commit_undoable (import, stack), >, 0);
  styr_store_get_status (fixture->store, register_agreements[4].id, &rev, NULL, NULL, NULL);
  put (fixture->store, "agreement:later", "{'using_system':'Senere','state':'requested'}");
  {
    g_autoptr(JsonObject) body = styr_store_get (fixture->store, register_agreements[4].id, NULL,
                                                 NULL);

    json_object_set_string_member (body, "notes", "kollega");
    g_assert_true (styr_store_put (fixture->store, register_agreements[4].id, body, rev, "lars",
                                   NULL, &error));
  }
  g_assert_false (styr_undo_stack_undo (stack, 0, "mette", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“Import” cannot be undone: it was changed again"));
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "agreement", NULL), ==, 7);
}

/* --- Files as the spreadsheets wrote them ---------------------------- */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "spreadsheets", name, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, &error));
  g_assert_no_error (error);
  return text;
}

/* The edited fixtures change "Valid to" of Åbent System to 30-06-2022:
 * importing one changes that and nothing else, and is undone again. */
static void
assert_the_one_edit (StyrStore  *store,
                     const char *name)
{
  g_autoptr(GHashTable) before = snapshot (store);
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(StyrUndoStack) stack = styr_undo_stack_new (store);
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  gsize length;

  text = read_fixture (name, &length);
  import = import_text (store, text, length);
  assert_counts (import, 0, 1, G_N_ELEMENTS (register_agreements) - 1, 0);
  g_assert_cmpuint (commit_undoable (import, stack), >, 0);
  value = only_change (store, before, register_agreements[2].id, "valid_to");
  g_assert_cmpstr (value, ==, "2022-06-30");
  g_assert_true (styr_undo_stack_undo (stack, 0, "test", NULL, NULL));
  assert_unchanged (store, before);
}

/* The export the fixtures were made from is what Styr writes today; with
 * STYR_UPDATE_FIXTURES=1 it is written again instead. */
static void
test_export_fixture (Store         *fixture,
                     gconstpointer  data)
{
  g_autofree char *exported = NULL;
  g_autofree char *committed = NULL;

  put_register (fixture->store);
  exported = export_register (fixture->store);

  if (g_getenv ("STYR_UPDATE_FIXTURES") != NULL)
    {
      g_autofree char *path = fixture_path ("register-export.csv");

      g_assert_true (g_file_set_contents (path, exported, -1, NULL));
    }

  committed = read_fixture ("register-export.csv", NULL);
  g_assert_cmpstr (exported, ==, committed);
}

/* export → open in LibreOffice (Danish) → change "Valid to" of Åbent
 * System → save as CSV: only that field changes, though LibreOffice
 * writes two-digit years, drops quotes and the byte order mark, and in
 * Windows-1252 as well as UTF-8. */
static void
test_libreoffice_files (Store         *fixture,
                        gconstpointer  data)
{
  static const char *edited[] = { "register-edited-libreoffice-utf8.csv",
                                  "register-edited-libreoffice-1252.csv" };
  static const char *unchanged[] = { "register-libreoffice-utf8.csv",
                                     "register-libreoffice-1252.csv" };

  put_register (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (unchanged); i++)
    {
      g_autoptr(StyrAgreementImport) import = NULL;
      g_autofree char *text = NULL;
      gsize length;

      text = read_fixture (unchanged[i], &length);
      import = import_text (fixture->store, text, length);
      assert_counts (import, 0, 0, G_N_ELEMENTS (register_agreements), 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (edited); i++)
    assert_the_one_edit (fixture->store, edited[i]);
}

/* Files as Excel writes them (written to its rules, as Excel itself is
 * not on this machine): Windows-1252 with CRLF, "sep=;", trailing
 * separators and line breaks in cells; and "Unicode text", UTF-16 with
 * tabs. Each is the export with the same one change. */
static void
test_excel_files (Store         *fixture,
                  gconstpointer  data)
{
  static const char *files[] = { "register-edited-excel-1252.csv",
                                 "register-edited-excel-unicode.txt" };

  put_register (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    assert_the_one_edit (fixture->store, files[i]);
}

/* A municipality's own register: a title above the table, headings of
 * its own, one code per line, no IDs. */
static void
test_own_register (Store         *fixture,
                   gconstpointer  data)
{
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(StyrAgreementImport) again = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) ignored = NULL;
  gsize length;

  text = read_fixture ("own-register.csv", &length);
  import = import_text (fixture->store, text, length);
  g_assert_cmpuint (styr_agreement_import_get_rows_above (import), ==, 2);
  ignored = styr_agreement_import_dup_ignored (import);
  g_assert_cmpstrv (ignored, ((const char *[]) { "Kontaktperson", NULL }));
  assert_counts (import, 3, 0, 0, 0);
  commit (import);

  /* Read again it adds nothing: each row finds its agreement. */
  again = import_text (fixture->store, text, length);
  assert_counts (again, 0, 0, 3, 0);
  g_assert_cmpuint (styr_agreement_import_count_matched (again), ==, 3);
}

static void
test_large_file (Store         *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Anvendersystem;Leverandør;Services;Status;Gyldig fra;"
                                          "Gyldig til\r\n");
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(StyrAgreementImport) again = NULL;
  g_autofree char *exported = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "System %u;Leverandør %u;SF1520;godkendt;01-12-2019;"
                                  "30-11-2021\r\n", i, i % 50);

  import = import_text (fixture->store, text->str, text->len);
  assert_counts (import, 100000, 0, 0, 0);
  commit (import);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "agreement", NULL), ==, 100000);

  /* The export of all of them reads back as unchanged. */
  exported = export_register (fixture->store);
  again = import_text (fixture->store, exported, -1);
  assert_counts (again, 0, 0, 100000, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reads-what-spreadsheets-write", test_reads_what_spreadsheets_write);
  g_test_add_func ("/csv/row-numbers", test_row_numbers);
  g_test_add_func ("/csv/finds-header", test_finds_header);
  g_test_add_func ("/csv/unreadable-files", test_unreadable_files);
  g_test_add_func ("/csv/formula-guard", test_formula_guard);
  g_test_add_func ("/csv/append-row", test_append_row);

#define ADD(path, func) g_test_add (path, Store, NULL, store_setup, func, store_teardown)

  ADD ("/register/new-rows", test_new_rows);
  ADD ("/register/refused-rows", test_refused_rows);
  ADD ("/register/round-trip", test_round_trip);
  ADD ("/register/every-column", test_every_column);
  ADD ("/register/reads-back-as-held", test_reads_back_as_held);
  ADD ("/register/match-without-id", test_match_without_id);
  ADD ("/register/clashing-rows", test_clashing_rows);
  ADD ("/register/deleted-id", test_deleted_id);
  ADD ("/register/remapping", test_remapping);
  ADD ("/register/commit-and-undo", test_commit_and_undo);
  ADD ("/register/export-fixture", test_export_fixture);
  ADD ("/register/libreoffice-files", test_libreoffice_files);
  ADD ("/register/excel-files", test_excel_files);
  ADD ("/register/own-register", test_own_register);
  ADD ("/register/large-file", test_large_file);

#undef ADD

  return g_test_run ();
}
