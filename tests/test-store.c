/* test-store.c: StyrStore against real SQLite files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "styr-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("styr-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* Other users (see run_as_nobody) must reach files in here. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "nested", "styr.db", NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
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
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static JsonObject *
make_task (const char *title,
           const char *deadline)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "type", "task");
  json_object_set_string_member (body, "title", title);
  json_object_set_string_member (body, "deadline", deadline);
  return body;
}

static char *
raw_query_text (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *version = NULL;
  g_autofree char *fk = NULL;
  g_autofree char *tables = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (styr_store_get_schema_version (store), ==, styr_store_get_latest_schema ());
  g_assert_cmpuint (styr_store_get_latest_schema (), >=, 1);
  g_assert_cmpint (styr_store_get_update_seq (store, &error), ==, 0);

  mode = raw_query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  version = raw_query_text (fixture->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, styr_store_get_latest_schema ());
  fk = raw_query_text (fixture->path,
                       "SELECT \"table\" FROM pragma_foreign_key_list('revisions')");
  g_assert_cmpstr (fk, ==, "documents");
  tables = raw_query_text (fixture->path,
                           "SELECT group_concat(name, ',') FROM "
                           "(SELECT name FROM sqlite_schema WHERE type = 'table' "
                           " AND name NOT LIKE 'sqlite_%' ORDER BY name)");
  g_assert_cmpstr (tables, ==, "changes,documents,revisions,settings");
}

static void
test_put_get_reopen (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) body = make_task ("Organiser jer i relation til ØiR", "2020-01-15");
  g_autoptr(JsonObject) read = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *read_rev = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (store, "task:OIR-BASIS-02", body, NULL, "tester", &rev, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rev, "1-"));
  g_assert_cmpint (styr_store_get_update_seq (store, NULL), ==, 1);
  g_clear_object (&store);

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  read = styr_store_get (store, "task:OIR-BASIS-02", &read_rev, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_rev, ==, rev);
  g_assert_cmpstr (json_object_get_string_member (read, "title"), ==,
                   "Organiser jer i relation til ØiR");
  g_assert_cmpint (styr_store_count_of_type (store, "task", NULL), ==, 1);
  g_assert_cmpint (styr_store_count_of_type (store, "meeting", NULL), ==, 0);

  /* An up-to-date database is not copied aside. */
  g_autofree char *backup = g_strdup_printf ("%s.v1.bak", fixture->path);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_assert_null (styr_store_get (store, "task:missing", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND);
}

static void
test_revisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrStore) other = NULL;
  g_autoptr(JsonObject) first = make_task ("A", "2020-01-10");
  g_autoptr(JsonObject) second = make_task ("A", "2020-02-10");
  g_autoptr(JsonObject) reordered = json_object_new ();
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *rev1 = NULL;
  g_autofree char *rev2 = NULL;
  g_autofree char *other_rev1 = NULL;
  g_autofree char *other_rev2 = NULL;
  g_autofree char *leaves = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  other = styr_store_new (other_path, &error);
  g_assert_no_error (error);

  g_assert_true (styr_store_put (store, "task:X", first, NULL, NULL, &rev1, &error));
  g_assert_true (styr_store_put (store, "task:X", second, rev1, NULL, &rev2, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rev2, "2-"));
  g_assert_cmpstr (rev1, !=, rev2);

  /* A stale parent is refused and changes nothing. */
  g_assert_false (styr_store_put (store, "task:X", first, rev1, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (styr_store_put (store, "task:X", first, NULL, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (styr_store_put (store, "task:Y", first, rev1, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The same edits on another desktop give the same revisions, whatever
   * the order of the members. */
  json_object_set_string_member (reordered, "deadline", "2020-01-10");
  json_object_set_string_member (reordered, "title", "A");
  json_object_set_string_member (reordered, "type", "task");
  g_assert_true (styr_store_put (other, "task:X", reordered, NULL, NULL, &other_rev1, &error));
  g_assert_true (styr_store_put (other, "task:X", second, other_rev1, NULL, &other_rev2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (other_rev1, ==, rev1);
  g_assert_cmpstr (other_rev2, ==, rev2);

  /* The revision is "N-" and the MD5 of the parent revision, a newline and
   * the body with its members sorted, written here by hand so that the
   * test does not trust the serializer it checks. */
  {
    g_autofree char *expected_hash =
      g_compute_checksum_for_string (G_CHECKSUM_MD5,
                                     "\n{\"deadline\":\"2020-01-10\",\"title\":\"A\","
                                     "\"type\":\"task\"}", -1);
    g_autofree char *expected_rev1 = g_strconcat ("1-", expected_hash, NULL);
    g_autofree char *second_input = g_strconcat (rev1, "\n{\"deadline\":\"2020-02-10\","
                                                 "\"title\":\"A\",\"type\":\"task\"}", NULL);
    g_autofree char *second_hash = g_compute_checksum_for_string (G_CHECKSUM_MD5,
                                                                  second_input, -1);
    g_autofree char *expected_rev2 = g_strconcat ("2-", second_hash, NULL);

    g_assert_cmpstr (rev1, ==, expected_rev1);
    g_assert_cmpstr (rev2, ==, expected_rev2);
  }

  g_clear_object (&store);
  leaves = raw_query_text (fixture->path,
                           "SELECT group_concat(rev || ':' || leaf, ',') FROM "
                           "(SELECT rev, leaf FROM revisions ORDER BY generation)");
  g_assert_nonnull (strstr (leaves, ":0,"));
  g_assert_true (g_str_has_suffix (leaves, ":1"));
}

static void
test_put_over_tombstone (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) body = make_task ("A", "2020-01-10");
  g_autoptr(JsonObject) read = NULL;
  g_autofree char *rev1 = NULL;
  g_autofree char *rev2 = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (store, "task:X", body, NULL, NULL, &rev1, &error));
  g_clear_object (&store);

  /* A tombstone as sync will bring them: the document is deleted. */
  raw_exec (fixture->path, "UPDATE documents SET deleted = 1 WHERE id = 'task:X'");

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (styr_store_get (store, "task:X", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Writing it again without a revision continues its history. */
  g_assert_true (styr_store_put (store, "task:X", body, NULL, NULL, &rev2, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rev2, "2-"));
  read = styr_store_get (store, "task:X", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "title"), ==, "A");
}

static void
test_invalid_documents (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) body = make_task ("A", "2020-01-10");
  g_autoptr(JsonObject) untyped = json_object_new ();

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_false (styr_store_put (store, "meeting:X", body, NULL, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (styr_store_put (store, "task:", body, NULL, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (styr_store_put (store, "X", untyped, NULL, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (styr_store_get_update_seq (store, NULL), ==, 0);
}

static gboolean
put_two_then_fail (StyrStore  *store,
                   gpointer    user_data,
                   GError    **error)
{
  g_autoptr(JsonObject) body = make_task ("A", "2020-01-10");

  g_assert_true (styr_store_put (store, "task:1", body, NULL, NULL, NULL, error));
  g_assert_true (styr_store_put (store, "task:2", body, NULL, NULL, NULL, error));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop");
  return FALSE;
}

static gboolean
put_one_and_nest_failure (StyrStore  *store,
                          gpointer    user_data,
                          GError    **error)
{
  g_autoptr(JsonObject) body = make_task ("B", "2020-01-10");
  g_autoptr(GError) inner_error = NULL;

  g_assert_true (styr_store_put (store, "task:3", body, NULL, NULL, NULL, error));
  g_assert_false (styr_store_transaction (store, put_two_then_fail, NULL, &inner_error));
  g_assert_error (inner_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  return TRUE;
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_false (styr_store_transaction (store, put_two_then_fail, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (styr_store_count_of_type (store, "task", NULL), ==, 0);
  g_assert_cmpint (styr_store_get_update_seq (store, NULL), ==, 0);

  /* An inner failure rolls back only the inner work. */
  g_assert_true (styr_store_transaction (store, put_one_and_nest_failure, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (styr_store_count_of_type (store, "task", NULL), ==, 1);
  g_assert_null (styr_store_get (store, "task:1", NULL, NULL));
}

static void
assert_file_unchanged (const char *path,
                       const char *contents,
                       gsize       length)
{
  g_autofree char *now = NULL;
  gsize now_length;

  g_assert_true (g_file_get_contents (path, &now, &now_length, NULL));
  g_assert_cmpmem (now, now_length, contents, length);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  for (guint i = 0; i < 500; i++)
    g_string_append (text, "Referat af programledermøde, december 2019.\n");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, text->str, text->len, NULL));

  g_assert_null (styr_store_new (fixture->path, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->path));
  assert_file_unchanged (fixture->path, text->str, text->len);
}

static void
test_other_programs_database (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *before = NULL;
  gsize before_length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  raw_exec (fixture->path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                           "INSERT INTO invoices (total) VALUES (1250.5)");
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));

  g_assert_null (styr_store_new (fixture->path, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_A_DATABASE);

  /* Not a byte changed, not even the journal mode. */
  assert_file_unchanged (fixture->path, before, before_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  raw_exec (fixture->path, "PRAGMA user_version = 999");

  g_assert_null (styr_store_new (fixture->path, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_TOO_NEW);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->path, 0755), ==, 0);
  g_assert_null (styr_store_new (fixture->path, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN);
}

/* Root reads and writes any file, so permission tests drop to "nobody" in
 * a subprocess; as an ordinary user the file modes alone are enough.
 */
static void
run_as_nobody (void)
{
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *which = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) body = make_task ("A", "2020-01-10");
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("STYR_TEST_DB");

      run_as_nobody ();
      g_assert_null (styr_store_new (path, &error));
      if (g_str_equal (which, "unreadable"))
        g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN);
      else
        g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, path));
      return;
    }

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (store, "task:1", body, NULL, NULL, NULL, &error));
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));
  g_assert_cmpint (g_chmod (fixture->path, g_str_equal (which, "unreadable") ? 0000 : 0444), ==, 0);

  g_setenv ("STYR_TEST_DB", fixture->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) body = make_task ("A", "2020-01-10");
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.db", NULL);
  sqlite3 *holder = NULL;

  /* A database another program holds with a write lock: opening it works
   * (WAL lets readers in), writing reports the lock. */
  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE; "
                                 "INSERT INTO settings VALUES ('x', 'y')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  store = g_initable_new (STYR_TYPE_STORE, NULL, &error,
                          "path", fixture->path, "busy-timeout", 50, NULL);
  g_assert_no_error (error);
  g_assert_false (styr_store_put (store, "task:1", body, NULL, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_object (&store);
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  /* A database in the classic journal mode that is locked for writing
   * cannot even be read: the open itself reports the lock. */
  g_assert_cmpint (sqlite3_open (fresh, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE; CREATE TABLE t (x)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_null (g_initable_new (STYR_TYPE_STORE, NULL, &error,
                                 "path", fresh, "busy-timeout", 50, NULL));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, fresh));
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *value = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  missing = styr_store_get_setting (store, "catalogue-version", &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_true (styr_store_set_setting (store, "catalogue-version", "1", &error));
  g_assert_true (styr_store_set_setting (store, "catalogue-version", "2", &error));
  value = styr_store_get_setting (store, "catalogue-version", &error);
  g_assert_cmpstr (value, ==, "2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func, data) \
  g_test_add ("/store/" name, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("create", test_create, NULL);
  ADD ("put-get-reopen", test_put_get_reopen, NULL);
  ADD ("revisions", test_revisions, NULL);
  ADD ("put-over-tombstone", test_put_over_tombstone, NULL);
  ADD ("invalid-documents", test_invalid_documents, NULL);
  ADD ("transactions", test_transactions, NULL);
  ADD ("not-a-database", test_not_a_database, NULL);
  ADD ("other-programs-database", test_other_programs_database, NULL);
  ADD ("too-new", test_too_new, NULL);
  ADD ("directory", test_directory, NULL);
  ADD ("unreadable", test_permissions, "unreadable");
  ADD ("read-only", test_permissions, "read-only");
  ADD ("locked", test_locked, NULL);
  ADD ("settings", test_settings, NULL);

#undef ADD

  return g_test_run ();
}
