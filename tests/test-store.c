/* test-store.c: StyrStore against real SQLite files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "styr-json.h"
#include "styr-store.h"
#include "styr-trash-model.h"

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

/* The details of EXPLAIN QUERY PLAN, joined. */
static char *
raw_query_plan (const char *path,
                const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s; ", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (plan, FALSE);
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

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) first = make_task ("A", "2020-01-10");
  g_autoptr(JsonObject) second = make_task ("A", "2020-02-10");
  g_autoptr(JsonObject) read = NULL;
  g_autofree char *rev1 = NULL;
  g_autofree char *rev2 = NULL;
  g_autofree char *tombstone = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *reverted = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *created = NULL;
  gboolean deleted = FALSE;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (store, "task:X", first, NULL, "mette", &rev1, &error));
  g_assert_true (styr_store_put (store, "task:X", second, rev1, "mette", &rev2, &error));

  /* A stale delete is refused; a current one leaves a tombstone. */
  g_assert_false (styr_store_delete (store, "task:X", rev1, "mette", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (styr_store_delete (store, "task:X", rev2, "mette", &tombstone, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (tombstone, "3-"));
  g_assert_null (styr_store_get (store, "task:X", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (styr_store_get_status (store, "task:X", NULL, &deleted, NULL, &error));
  g_assert_true (deleted);
  g_assert_cmpint (styr_store_count_of_type (store, "task", NULL), ==, 0);
  g_assert_false (styr_store_delete (store, "task:X", tombstone, "mette", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo brings the deleted version back … */
  g_assert_true (styr_store_undo (store, "task:X", tombstone, "mette", &restored, &error));
  g_assert_no_error (error);
  read = styr_store_get (store, "task:X", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "deadline"), ==, "2020-02-10");
  g_clear_pointer (&read, json_object_unref);

  /* … undo again reverts to what the restore replaced, i.e. deletes … */
  g_assert_true (styr_store_undo (store, "task:X", restored, "mette", &reverted, &error));
  g_assert_null (styr_store_get (store, "task:X", NULL, NULL));

  /* … and undoing the creation of a new document deletes it. */
  g_assert_true (styr_store_put (store, "task:Y", first, NULL, "mette", &created, &error));
  g_assert_true (styr_store_undo (store, "task:Y", created, "mette", &gone, &error));
  g_assert_no_error (error);
  g_assert_null (styr_store_get (store, "task:Y", NULL, NULL));

  /* The last change is now that deletion: undoing it restores. */
  g_assert_true (styr_store_undo (store, "task:Y", gone, "mette", NULL, &error));
  g_assert_no_error (error);
  read = styr_store_get (store, "task:Y", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "title"), ==, "A");
}

static void
test_undo_edit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) first = make_task ("A", "2020-01-10");
  g_autoptr(JsonObject) second = make_task ("B", "2020-01-10");
  g_autoptr(JsonObject) read = NULL;
  g_autofree char *rev1 = NULL;
  g_autofree char *rev2 = NULL;
  g_autofree char *rev3 = NULL;
  g_autofree char *current = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (store, "task:X", first, NULL, NULL, &rev1, &error));
  g_assert_true (styr_store_put (store, "task:X", second, rev1, NULL, &rev2, &error));

  /* Undo names the change it undoes; an older one is refused. */
  g_assert_false (styr_store_undo (store, "task:X", rev1, "anne", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (styr_store_undo (store, "task:X", rev2, "anne", &rev3, &error));
  g_assert_no_error (error);

  read = styr_store_get (store, "task:X", &current, &error);
  g_assert_cmpstr (json_object_get_string_member (read, "title"), ==, "A");
  g_assert_cmpstr (current, ==, rev3);
  g_assert_true (g_str_has_prefix (rev3, "3-"));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) first = make_task ("A", "2020-01-10");
  g_autoptr(JsonObject) second = make_task ("A", "2020-02-10");
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *rev1 = NULL;
  g_autofree char *rev2 = NULL;
  g_autofree char *deadline_before = NULL;
  g_autofree char *deadline_after = NULL;
  StyrRevisionInfo *newest;
  StyrRevisionInfo *oldest;
  StyrFieldChange *change;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (store, "task:X", first, NULL, "Mette", &rev1, &error));
  json_object_set_string_member (second, "notes", "Rykket af KOMBIT");
  g_assert_true (styr_store_put (store, "task:X", second, rev1, "Anne", &rev2, &error));

  history = styr_store_get_history (store, "task:X", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);

  newest = g_ptr_array_index (history, 0);
  g_assert_cmpstr (newest->rev, ==, rev2);
  g_assert_cmpstr (newest->author, ==, "Anne");
  g_assert_nonnull (newest->created_at);
  g_assert_false (newest->deleted);
  /* Sorted by field: deadline changed, notes added; title untouched. */
  g_assert_cmpuint (newest->changes->len, ==, 2);
  change = g_ptr_array_index (newest->changes, 0);
  g_assert_cmpstr (change->field, ==, "deadline");
  deadline_before = json_to_string (change->before, FALSE);
  deadline_after = json_to_string (change->after, FALSE);
  g_assert_cmpstr (deadline_before, ==, "\"2020-01-10\"");
  g_assert_cmpstr (deadline_after, ==, "\"2020-02-10\"");
  change = g_ptr_array_index (newest->changes, 1);
  g_assert_cmpstr (change->field, ==, "notes");
  g_assert_null (change->before);
  g_assert_cmpstr (json_node_get_string (change->after), ==, "Rykket af KOMBIT");

  oldest = g_ptr_array_index (history, 1);
  g_assert_cmpstr (oldest->author, ==, "Mette");
  /* Creation lists every field but the type. */
  g_assert_cmpuint (oldest->changes->len, ==, 2);
}

static char **
ancestry (const char *newest,
          ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *rev;
  va_list args;

  g_strv_builder_add (builder, newest);
  va_start (args, newest);
  while ((rev = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, rev);
  va_end (args);
  return g_strv_builder_end (builder);
}

static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) base = make_task ("A", "2020-01-10");
  g_autoptr(JsonObject) mine = make_task ("A", "2020-02-10");
  g_autoptr(JsonObject) theirs = make_task ("B", "2020-01-10");
  g_autoptr(JsonObject) merged = make_task ("B", "2020-02-10");
  g_autoptr(JsonObject) winner = NULL;
  g_autoptr(JsonObject) loser = NULL;
  g_autoptr(GPtrArray) conflicted = NULL;
  g_autofree char *rev1 = NULL;
  g_autofree char *mine_rev = NULL;
  g_autofree char *theirs_rev = NULL;
  g_autofree char *winner_rev = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *theirs_body = NULL;
  g_auto(GStrv) theirs_ancestry = NULL;
  g_auto(GStrv) conflicts = NULL;
  g_auto(GStrv) after = NULL;
  gboolean conflict = FALSE;
  gboolean added = FALSE;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (store, "task:X", base, NULL, NULL, &rev1, &error));
  g_assert_true (styr_store_put (store, "task:X", mine, rev1, NULL, &mine_rev, &error));

  /* A colleague edited the same revision differently. */
  theirs_body = styr_json_object_to_canonical (theirs);
  theirs_rev = styr_json_revision_next (rev1, theirs_body);
  theirs_ancestry = ancestry (theirs_rev, rev1, NULL);
  g_assert_true (styr_store_put_revision (store, "task:X", (const char * const *) theirs_ancestry,
                                          theirs, FALSE, NULL, &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);

  /* Replicating it again adds nothing. */
  g_assert_true (styr_store_put_revision (store, "task:X", (const char * const *) theirs_ancestry,
                                          theirs, FALSE, NULL, &added, &error));
  g_assert_false (added);

  /* The winner is the greater revision id at equal length, as in CouchDB;
   * the loser is kept and listed. */
  g_assert_true (styr_store_get_status (store, "task:X", &winner_rev, NULL, &conflict, &error));
  g_assert_true (conflict);
  g_assert_cmpstr (winner_rev, ==, strcmp (mine_rev, theirs_rev) > 0 ? mine_rev : theirs_rev);
  conflicts = styr_store_get_conflicts (store, "task:X", &error);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_assert_cmpstr (conflicts[0], ==, strcmp (mine_rev, theirs_rev) > 0 ? theirs_rev : mine_rev);
  loser = styr_store_get_revision (store, "task:X", conflicts[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loser);
  conflicted = styr_store_list_conflicted (store, "task", &error);
  g_assert_cmpuint (conflicted->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (conflicted, 0), ==, "task:X");
  g_clear_pointer (&conflicted, g_ptr_array_unref);

  /* Resolving keeps one combined version and ends the other branch. */
  /* A resolution of versions the user did not see is refused. */
  g_assert_false (styr_store_resolve_conflict (store, "task:X", merged, winner_rev, NULL, "anne",
                                               NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (styr_store_resolve_conflict (store, "task:X", merged, winner_rev,
                                              (const char * const *) conflicts, "anne",
                                              &resolved, &error));
  g_assert_no_error (error);
  winner = styr_store_get (store, "task:X", NULL, &error);
  g_assert_cmpstr (json_object_get_string_member (winner, "title"), ==, "B");
  g_assert_cmpstr (json_object_get_string_member (winner, "deadline"), ==, "2020-02-10");
  after = styr_store_get_conflicts (store, "task:X", &error);
  g_assert_cmpuint (g_strv_length (after), ==, 0);
  g_assert_true (styr_store_get_status (store, "task:X", NULL, NULL, &conflict, &error));
  g_assert_false (conflict);
  conflicted = styr_store_list_conflicted (store, NULL, &error);
  g_assert_cmpuint (conflicted->len, ==, 0);
}

static void
test_replicated_tree (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) body = make_task ("A", "2020-01-10");
  g_autoptr(GPtrArray) history = NULL;
  g_auto(GStrv) revisions = ancestry ("3-ccc", "2-bbb", "1-aaa", NULL);
  g_auto(GStrv) deletion = ancestry ("4-ddd", "3-ccc", NULL);
  g_auto(GStrv) bad = ancestry ("x-1", NULL);
  g_auto(GStrv) gap = ancestry ("7-eee", "2-bbb", NULL);
  g_autofree char *rev = NULL;
  gboolean deleted = FALSE;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);

  /* A document first seen at its third revision: its ancestors are kept
   * without content, and its history says so. */
  g_assert_true (styr_store_put_revision (store, "task:R", (const char * const *) revisions,
                                          body, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (styr_store_get_status (store, "task:R", &rev, NULL, NULL, &error));
  g_assert_cmpstr (rev, ==, "3-ccc");
  history = styr_store_get_history (store, "task:R", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpuint (((StyrRevisionInfo *) g_ptr_array_index (history, 0))->changes->len, ==, 0);

  /* Undo needs the previous content, which this store never had. */
  g_assert_false (styr_store_undo (store, "task:R", "3-ccc", NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A replicated deletion. */
  g_assert_true (styr_store_put_revision (store, "task:R", (const char * const *) deletion,
                                          NULL, TRUE, NULL, NULL, &error));
  g_assert_true (styr_store_get_status (store, "task:R", NULL, &deleted, NULL, &error));
  g_assert_true (deleted);

  g_assert_false (styr_store_put_revision (store, "task:R", (const char * const *) bad, body,
                                           FALSE, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Ancestry must go back one generation at a time. */
  g_assert_false (styr_store_put_revision (store, "task:R", (const char * const *) gap, body,
                                           FALSE, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* CouchDB's own fields are not content. */
  json_object_set_boolean_member (body, "_deleted", TRUE);
  g_assert_false (styr_store_put (store, "task:S", body, NULL, NULL, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
}

static void
test_find_ids (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) none = NULL;
  const char *tasks[][2] = { { "task:A", "2020-03-01" }, { "task:B", "2020-01-01" },
                             { "task:C", "2020-02-01" } };
  g_autofree char *plan = NULL;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      g_autoptr(JsonObject) task = make_task (tasks[i][0], tasks[i][1]);
      g_autoptr(JsonObject) state = json_object_new ();
      g_autofree char *state_id = g_strconcat ("task-state:", tasks[i][0] + 5, NULL);

      g_assert_true (styr_store_put (store, tasks[i][0], task, NULL, NULL, NULL, &error));
      json_object_set_string_member (state, "type", "task-state");
      json_object_set_string_member (state, "task", tasks[i][0] + 5);
      g_assert_true (styr_store_put (store, state_id, state, NULL, NULL, NULL, &error));
    }

  states = styr_store_find_ids (store, "task-state", "task", "B", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (states, 0), ==, "task-state:B");

  sorted = styr_store_find_ids (store, "task", NULL, NULL, "deadline", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sorted->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (sorted, 0), ==, "task:B");
  g_assert_cmpstr (g_ptr_array_index (sorted, 2), ==, "task:A");

  {
    g_autoptr(GPtrArray) reversed = styr_store_find_ids (store, "task", NULL, NULL, "-deadline",
                                                         &error);

    g_assert_no_error (error);
    g_assert_cmpstr (g_ptr_array_index (reversed, 0), ==, "task:A");
    g_assert_cmpstr (g_ptr_array_index (reversed, 2), ==, "task:B");
  }

  {
    g_autoptr(GPtrArray) titles = styr_store_get_distinct_values (store, "task", "title", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (titles->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "task:A");
  }

  none = styr_store_find_ids (store, "task", "title", "nobody", NULL, &error);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_null (styr_store_find_ids (store, "task", "title') OR 1=1 --", "x", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The state lookup runs on its index. */
  g_clear_object (&store);
  plan = raw_query_plan (fixture->path,
                         "SELECT id FROM documents WHERE type = 'task-state' AND deleted = 0 "
                         "AND json_extract (body, '$.task') = ?1");
  g_assert_nonnull (strstr (plan, "documents_task_state_task"));
}

/* The register's default sort and its supplier filter run on the indexes
 * of migration 3, and answer exactly as the general queries would. */
static void
test_indexed_agreement_queries (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autofree char *sort_plan = NULL;
  g_autofree char *supplier_plan = NULL;
  g_autofree char *deleted_rev = NULL;
  /* id, using system, supplier; NULL leaves the field out */
  const char *agreements[][3] = {
    { "agreement:1", "beta", "Netcompany" },
    { "agreement:2", "Alpha", "KMD" },
    { "agreement:3", "alpha", "KMD" },
    { "agreement:4", "Aardvark", "Gone A/S" },
    { "agreement:5", NULL, NULL },
  };
  const char *expected[] = { "agreement:5", "agreement:2", "agreement:3", "agreement:1" };

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (agreements); i++)
    {
      g_autoptr(JsonObject) body = json_object_new ();
      char **rev = i == 3 ? &deleted_rev : NULL;

      json_object_set_string_member (body, "type", "agreement");
      if (agreements[i][1] != NULL)
        json_object_set_string_member (body, "using_system", agreements[i][1]);
      if (agreements[i][2] != NULL)
        json_object_set_string_member (body, "supplier", agreements[i][2]);
      else
        json_object_set_object_member (body, "supplier", json_object_new ());
      g_assert_true (styr_store_put (store, agreements[i][0], body, NULL, NULL, rev, &error));
      g_assert_no_error (error);
    }
  g_assert_true (styr_store_delete (store, "agreement:4", deleted_rev, NULL, NULL, &error));
  g_assert_no_error (error);

  sorted = styr_store_find_ids (store, "agreement", NULL, NULL, "using_system", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sorted->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (sorted, i), ==, expected[i]);

  /* Neither the deleted supplier nor one that is not text is offered. */
  suppliers = styr_store_get_distinct_values (store, "agreement", "supplier", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suppliers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (suppliers, 0), ==, "KMD");
  g_assert_cmpstr (g_ptr_array_index (suppliers, 1), ==, "Netcompany");

  g_clear_object (&store);
  sort_plan = raw_query_plan (fixture->path,
                              "SELECT id FROM documents INDEXED BY documents_agreement_using_system "
                              "WHERE type = 'agreement' AND deleted = 0 "
                              "ORDER BY json_extract (body, '$.using_system') COLLATE NOCASE, id");
  g_assert_null (strstr (sort_plan, "TEMP B-TREE"));
  supplier_plan = raw_query_plan (fixture->path,
                                  "SELECT DISTINCT json_extract (body, '$.supplier') AS value "
                                  "FROM documents INDEXED BY documents_agreement_supplier "
                                  "WHERE type = 'agreement' AND deleted = 0 "
                                  "  AND json_type (body, '$.supplier') = 'text' "
                                  "ORDER BY value COLLATE NOCASE");
  g_assert_nonnull (strstr (supplier_plan, "documents_agreement_supplier"));
}

/* The KLIK tasks page lists its projects and each project's tasks on the
 * index of migration 4, with the answers of the general queries. */
static void
test_indexed_task_queries (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) yr = NULL;
  g_autoptr(GPtrArray) general = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *deleted_rev = NULL;
  const char *tasks[][2] = {
    { "task:1", "YR" },
    { "task:2", "KSD" },
    { "task:3", "YR" },
    { "task:4", "DUBU 3.4" },
    { "task:5", NULL },
  };

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      g_autoptr(JsonObject) body = json_object_new ();

      json_object_set_string_member (body, "type", "task");
      json_object_set_string_member (body, "title", tasks[i][0]);
      if (tasks[i][1] != NULL)
        json_object_set_string_member (body, "project", tasks[i][1]);
      g_assert_true (styr_store_put (store, tasks[i][0], body, NULL, NULL,
                                     i == 3 ? &deleted_rev : NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (styr_store_delete (store, "task:4", deleted_rev, NULL, NULL, &error));

  /* A deleted task's project is gone with it; a task without one adds none. */
  projects = styr_store_get_distinct_values (store, "task", "project", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (projects, 0), ==, "KSD");
  g_assert_cmpstr (g_ptr_array_index (projects, 1), ==, "YR");

  yr = styr_store_find_ids (store, "task", "project", "YR", NULL, &error);
  general = styr_store_find_ids (store, "task", "project", "YR", "title", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yr->len, ==, 2);
  for (guint i = 0; i < yr->len; i++)
    g_assert_cmpstr (g_ptr_array_index (yr, i), ==, g_ptr_array_index (general, i));

  g_clear_object (&store);
  plan = raw_query_plan (fixture->path,
                         "SELECT id FROM documents INDEXED BY documents_task_project "
                         "WHERE type = 'task' AND deleted = 0 "
                         "AND json_extract (body, '$.project') = 'YR'");
  g_assert_nonnull (strstr (plan, "documents_task_project"));
}

/* The trash lists deleted documents of one type with the content they
 * had, and a restore through undo takes one out of it. */
static void
test_list_deleted (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(JsonObject) task = make_task ("Kontoplan", "2020-03-01");
  g_autofree char *kept_rev = NULL;
  g_autofree char *gone_rev = NULL;
  g_autofree char *task_rev = NULL;
  g_autofree char *tombstone = NULL;
  g_autofree char *restored = NULL;
  StyrDeletedDocument *entry;

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) body = json_object_new ();

      json_object_set_string_member (body, "type", "agreement");
      json_object_set_string_member (body, "using_system", i == 0 ? "KMD Sag" : "EG Løn");
      g_assert_true (styr_store_put (store, i == 0 ? "agreement:kept" : "agreement:gone", body,
                                     NULL, "anne", i == 0 ? &kept_rev : &gone_rev, &error));
      g_assert_no_error (error);
    }
  g_assert_true (styr_store_put (store, "task:T", task, NULL, NULL, &task_rev, &error));
  g_assert_true (styr_store_delete (store, "task:T", task_rev, "bo", NULL, &error));
  g_assert_true (styr_store_delete (store, "agreement:gone", gone_rev, "bo", &tombstone, &error));
  g_assert_no_error (error);

  trash = styr_store_list_deleted (store, "agreement", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash->len, ==, 1);
  entry = g_ptr_array_index (trash, 0);
  g_assert_cmpstr (entry->id, ==, "agreement:gone");
  g_assert_cmpstr (entry->rev, ==, tombstone);
  g_assert_cmpstr (entry->author, ==, "bo");
  g_assert_nonnull (entry->deleted_at);
  g_assert_nonnull (entry->body);
  g_assert_cmpstr (json_object_get_string_member (entry->body, "using_system"), ==, "EG Løn");

  g_assert_true (styr_store_undo (store, entry->id, entry->rev, "anne", &restored, &error));
  g_assert_no_error (error);
  after = styr_store_list_deleted (store, "agreement", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (styr_store_count_of_type (store, "agreement", NULL), ==, 2);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  changes[0]++;
  changes[1] = position;
  changes[2] = removed;
  changes[3] = added;
}

/* The trash model keeps the entry of every deletion still there: one
 * restore is one row out, the others are the same objects. */
static void
test_trash_model (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrTrashModel) trash = NULL;
  g_autoptr(StyrTrashEntry) last = NULL;
  guint changes[4] = { 0, };
  const char *names[] = { "KMD Sag", "EG Løn", "Opus Debitor" };

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(JsonObject) body = json_object_new ();
      g_autofree char *id = g_strdup_printf ("agreement:%u", i);
      g_autofree char *rev = NULL;

      json_object_set_string_member (body, "type", "agreement");
      json_object_set_string_member (body, "using_system", names[i]);
      g_assert_true (styr_store_put (store, id, body, NULL, "anne", &rev, &error));
      g_assert_true (styr_store_delete (store, id, rev, "bo", NULL, &error));
      g_assert_no_error (error);
    }

  trash = styr_trash_model_new (store, "agreement");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trash)), ==, 0);
  g_assert_true (styr_trash_model_reload (trash, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trash)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (trash)) == STYR_TYPE_TRASH_ENTRY);
  last = g_list_model_get_item (G_LIST_MODEL (trash), 2);
  g_signal_connect (trash, "items-changed", G_CALLBACK (count_changes_cb), changes);

  /* Read again with nothing changed: no rows change. */
  g_assert_true (styr_trash_model_reload (trash, &error));
  g_assert_cmpuint (changes[0], ==, 0);

  /* One restored: its row goes, the others are the same objects. */
  {
    g_autoptr(StyrTrashEntry) first = g_list_model_get_item (G_LIST_MODEL (trash), 0);
    const StyrDeletedDocument *document = styr_trash_entry_get_document (first);
    g_autoptr(StyrTrashEntry) now_last = NULL;
    g_autofree char *id = g_strdup (document->id);

    g_assert_true (styr_store_undo (store, document->id, document->rev, "anne", NULL, &error));
    g_assert_no_error (error);
    g_assert_true (styr_trash_model_reload (trash, &error));
    g_assert_cmpuint (changes[0], ==, 1);
    g_assert_cmpuint (changes[1], ==, 0);
    g_assert_cmpuint (changes[2], ==, 1);
    g_assert_cmpuint (changes[3], ==, 0);
    g_assert_null (styr_trash_model_find (trash, id));
    now_last = g_list_model_get_item (G_LIST_MODEL (trash), 1);
    g_assert_true (now_last == last);
  }
}

typedef struct
{
  guint  emissions;
  char  *type;
  guint  n_ids;
} Changes;

static void
documents_changed_cb (StyrStore           *store,
                      const char          *type,
                      const char * const  *ids,
                      Changes             *changes)
{
  changes->emissions++;
  g_free (changes->type);
  changes->type = g_strdup (type);
  changes->n_ids = g_strv_length ((char **) ids);
}

static gboolean
put_three (StyrStore  *store,
           gpointer    user_data,
           GError    **error)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonObject) body = make_task ("A", "2020-01-10");
      g_autofree char *id = g_strdup_printf ("task:batch-%u", i);

      if (!styr_store_put (store, id, body, NULL, NULL, NULL, error))
        return FALSE;
    }

  return GPOINTER_TO_INT (user_data);
}

static void
test_change_signal (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) body = make_task ("A", "2020-01-10");
  Changes changes = { 0 };
  Changes meeting_changes = { 0 };

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "documents-changed", G_CALLBACK (documents_changed_cb), &changes);
  g_signal_connect (store, "documents-changed::meeting", G_CALLBACK (documents_changed_cb),
                    &meeting_changes);

  g_assert_true (styr_store_put (store, "task:one", body, NULL, NULL, NULL, &error));
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpstr (changes.type, ==, "task");
  g_assert_cmpuint (changes.n_ids, ==, 1);

  /* A transaction announces its writes once, after the commit … */
  g_assert_true (styr_store_transaction (store, put_three, GINT_TO_POINTER (TRUE), &error));
  g_assert_cmpuint (changes.emissions, ==, 2);
  g_assert_cmpuint (changes.n_ids, ==, 3);

  /* … and a rolled back one announces nothing. */
  g_assert_false (styr_store_transaction (store, put_three, GINT_TO_POINTER (FALSE), &error));
  g_clear_error (&error);
  g_assert_cmpuint (changes.emissions, ==, 2);

  /* The detail selects a type. */
  g_assert_cmpuint (meeting_changes.emissions, ==, 0);
  g_signal_handlers_disconnect_by_data (store, &changes);
  g_signal_handlers_disconnect_by_data (store, &meeting_changes);
  g_free (changes.type);
  g_free (meeting_changes.type);
}

static void
test_migration_from_v1 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) task = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "styr-v1.sql",
                                                         NULL);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *version = NULL;
  g_autofree char *rev = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_backups = 0;

  g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  raw_exec (fixture->path, sql);
  version = raw_query_text (fixture->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (styr_store_get_schema_version (store), ==, styr_store_get_latest_schema ());

  /* Everything version 1 wrote is still there and usable. */
  task = styr_store_get (store, "task:LOCAL-1", &rev, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (task, "title"), ==, "Ring til KMD om SF1520");
  g_assert_cmpstr (rev, ==, "2-929d0ee808c796aed332c178b993cb7b");
  history = styr_store_get_history (store, "task:LOCAL-1", &error);
  g_assert_cmpuint (history->len, ==, 2);
  states = styr_store_find_ids (store, "task-state", "task", "LOCAL-1", NULL, &error);
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_true (styr_store_undo (store, "task:LOCAL-1", rev, "test", NULL, &error));
  g_assert_no_error (error);

  /* The upgrade was preceded by a backup of version 1. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "styr.db.v01-") && g_str_has_suffix (name, ".bak"))
      {
        g_autofree char *backup = g_build_filename (dir, name, NULL);
        g_autofree char *backup_version = raw_query_text (backup, "PRAGMA user_version");

        g_assert_cmpstr (backup_version, ==, "1");
        n_backups++;
      }
  g_assert_cmpuint (n_backups, ==, 1);
}

static void
test_migration_backups_pruned (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "styr-v1.sql",
                                                         NULL);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_backups = 0;

  g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* Seven old backups lie around from earlier upgrades. */
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *old = g_strdup_printf ("%s.v01-2019120%uT000000.bak", fixture->path, i);
      g_assert_true (g_file_set_contents (old, "old", -1, NULL));
    }

  raw_exec (fixture->path, sql);
  {
    g_autoptr(StyrStore) store = styr_store_new (fixture->path, &error);
    g_assert_no_error (error);
  }

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      n_backups++;
  g_assert_cmpuint (n_backups, ==, 5);
}

static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(JsonObject) first = make_task ("A", "2020-01-10");
  g_autoptr(JsonObject) later = make_task ("Later", "2020-01-10");
  g_autoptr(JsonObject) read = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *safety = NULL;
  g_autofree char *rev = NULL;
  Changes changes = { 0 };

  store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (store, "task:A", first, NULL, NULL, NULL, &error));
  g_assert_true (styr_store_backup (store, backup, &error));
  g_assert_no_error (error);

  g_assert_true (styr_store_put (store, "task:later", later, NULL, NULL, NULL, &error));
  g_assert_cmpint (styr_store_count_of_type (store, "task", NULL), ==, 2);
  {
    g_autoptr(JsonObject) person = json_object_new ();

    json_object_set_string_member (person, "type", "person");
    json_object_set_string_member (person, "name", "Kun efter sikkerhedskopien");
    g_assert_true (styr_store_put (store, "person:p1", person, NULL, NULL, NULL, &error));
  }

  /* A backup opens read-only anywhere: it is not left in WAL mode. */
  {
    g_autofree char *mode = raw_query_text (backup, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "delete");
  }

  /* A file that is not a backup is refused and changes nothing. */
  g_assert_true (g_file_set_contents (garbage, "no database", -1, NULL));
  g_assert_false (styr_store_restore (store, garbage, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (styr_store_restore (store, "/nonexistent/backup.db", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CANNOT_OPEN);
  g_clear_error (&error);
  g_assert_cmpint (styr_store_count_of_type (store, "task", NULL), ==, 2);

  /* People exist only before the restore; their lists must hear of it. */
  g_signal_connect (store, "documents-changed::person", G_CALLBACK (documents_changed_cb),
                    &changes);
  g_assert_true (styr_store_restore (store, backup, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpint (styr_store_count_of_type (store, "task", NULL), ==, 1);
  g_assert_null (styr_store_get (store, "task:later", NULL, NULL));
  read = styr_store_get (store, "task:A", &rev, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpint (styr_store_count_of_type (store, "person", NULL), ==, 0);
  g_signal_handlers_disconnect_by_data (store, &changes);
  g_free (changes.type);

  /* What was there before the restore was copied aside. */
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *count = raw_query_text (safety, "SELECT count(*) FROM documents");
    g_assert_cmpstr (count, ==, "3");
  }

  /* Writing after a restore works. */
  g_assert_true (styr_store_put (store, "task:A", later, rev, NULL, NULL, &error));
  g_assert_no_error (error);
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
  ADD ("delete-and-undo", test_delete_and_undo, NULL);
  ADD ("undo-edit", test_undo_edit, NULL);
  ADD ("history", test_history, NULL);
  ADD ("conflicts", test_conflicts, NULL);
  ADD ("replicated-tree", test_replicated_tree, NULL);
  ADD ("find-ids", test_find_ids, NULL);
  ADD ("indexed-agreement-queries", test_indexed_agreement_queries, NULL);
  ADD ("indexed-task-queries", test_indexed_task_queries, NULL);
  ADD ("list-deleted", test_list_deleted, NULL);
  ADD ("trash-model", test_trash_model, NULL);
  ADD ("change-signal", test_change_signal, NULL);
  ADD ("migration-from-v1", test_migration_from_v1, NULL);
  ADD ("migration-backups-pruned", test_migration_backups_pruned, NULL);
  ADD ("backup-and-restore", test_backup_and_restore, NULL);

#undef ADD

  return g_test_run ();
}
