/* test-document-list.c: the lazy list model over a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "styr-document-list.h"
#include "styr-skip-model.h"
#include "styr-task.h"

typedef struct
{
  char      *dir;
  StyrStore *store;
  GArray    *changes;
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("styr-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "styr.db", NULL);
  fixture->store = styr_store_new (path, &error);
  g_assert_no_error (error);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_array_unref (fixture->changes);
}

static void
put_task (StyrStore  *store,
          const char *key,
          const char *title,
          const char *deadline)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strconcat ("task:", key, NULL);
  g_autofree char *rev = NULL;

  json_object_set_string_member (body, "type", "task");
  json_object_set_string_member (body, "project", "Test");
  json_object_set_string_member (body, "title", title);
  json_object_set_string_member (body, "deadline", deadline);
  styr_store_get_status (store, id, &rev, NULL, NULL, NULL);
  g_assert_true (styr_store_put (store, id, body, rev, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
put_many (StyrStore  *store,
          gpointer    user_data,
          GError    **error)
{
  guint n = GPOINTER_TO_UINT (user_data);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("T%05u", i);
      g_autofree char *title = g_strdup_printf ("Opgave %u %s", i, i % 7 == 0 ? "Gentofte" : "");

      put_task (store, key, title, "2020-01-10");
    }

  return TRUE;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static void
assert_change (Fixture *fixture,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *change;

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  change = &g_array_index (fixture->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (fixture->changes, 0);
}

static void
test_lazy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrDocumentList) list = NULL;
  g_autoptr(StyrRecord) item = NULL;
  g_autoptr(StyrRecord) again = NULL;

  g_assert_true (styr_store_transaction (fixture->store, put_many, GUINT_TO_POINTER (5000),
                                         &error));
  list = styr_document_list_new (fixture->store, "task");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == STYR_TYPE_TASK);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5000);

  /* Counting and naming rows makes no records. */
  g_assert_cmpstr (styr_document_list_get_id (list, 4999), ==, "task:T04999");
  g_assert_cmpuint (styr_document_list_find (list, "task:T00042"), ==, 42);
  g_assert_cmpuint (styr_document_list_get_n_loaded (list), ==, 0);

  item = g_list_model_get_item (G_LIST_MODEL (list), 43);
  g_assert_true (STYR_IS_TASK (item));
  g_assert_cmpstr (styr_record_get_id (item), ==, "task:T00043");
  g_assert_true (g_str_has_prefix (styr_record_get_rev (item), "1-"));
  g_assert_cmpstr (styr_task_get_title (STYR_TASK (item)), ==, "Opgave 43 ");
  g_assert_cmpuint (styr_document_list_get_n_loaded (list), ==, 1);

  /* Asking again gives the same object while it is cached. */
  again = g_list_model_get_item (G_LIST_MODEL (list), 43);
  g_assert_true (again == item);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5000));
}

/* A row shows its record's marks and the municipality's state of it: a
 * change of the state, or a mark, is told by the same object's
 * notification, with no items-changed, so a view keeps it selected. */
static void
count_notify (guint *notified)
{
  (*notified)++;
}

static void
test_state_and_marks (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrDocumentList) list = NULL;
  g_autoptr(StyrRecord) before = NULL;
  g_autoptr(StyrRecord) after = NULL;
  g_autoptr(JsonObject) state = json_object_new ();
  g_autofree char *seq = NULL;
  const char *marked[] = { "task-state:B", NULL };
  guint notified = 0;

  put_task (fixture->store, "A", "Alfa", "2020-03-01");
  put_task (fixture->store, "B", "Bravo", "2020-02-01");
  put_task (fixture->store, "C", "Charlie", "2020-01-01");
  /* Sync has confirmed everything so far. */
  seq = g_strdup_printf ("%" G_GINT64_FORMAT, styr_store_get_update_seq (fixture->store, NULL));
  g_assert_true (styr_store_set_setting (fixture->store, STYR_STORE_CONFIRMED_KEY, seq, &error));
  list = styr_document_list_new (fixture->store, "task");
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  before = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (styr_record_get_id (before), ==, "task:B");
  g_assert_false (styr_record_get_pending (before));
  g_signal_connect_swapped (before, "notify::pending", G_CALLBACK (count_notify), &notified);

  /* The municipality's own status of B is written here, not yet sent. */
  json_object_set_string_member (state, "type", "task-state");
  json_object_set_string_member (state, "status", "done");
  g_assert_true (styr_store_put (fixture->store, "task-state:B", state, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  after = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (after == before);

  /* Its mark is read when sync says what waits. */
  styr_store_announce_sync_marks (fixture->store, marked);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (styr_record_get_pending (before));

  /* Rows no view holds are made anew in one items-changed, however many
   * the server confirmed; B, held, comes back as the same object. */
  {
    const char *all[] = { "task:A", "task:B", "task:C", NULL };

    styr_store_announce_sync_marks (fixture->store, all);
    assert_change (fixture, 0, 3, 3);
  }
  g_clear_object (&after);
  after = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (after == before);
}

static gboolean
put_three_new (StyrStore  *store,
               gpointer    user_data,
               GError    **error)
{
  put_task (store, "N1", "Ny 1", "2020-01-01");
  put_task (store, "N2", "Ny 2", "2020-01-01");
  put_task (store, "N3", "Ny 3", "2020-01-01");
  return TRUE;
}

static void
test_follows_writes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrDocumentList) list = NULL;
  g_autoptr(StyrRecord) before = NULL;
  g_autoptr(StyrRecord) after = NULL;
  g_autofree char *rev = NULL;

  put_task (fixture->store, "A", "Alfa", "2020-03-01");
  put_task (fixture->store, "C", "Charlie", "2020-01-01");
  list = styr_document_list_new (fixture->store, "task");
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  before = g_list_model_get_item (G_LIST_MODEL (list), 1);

  /* A new document lands where it sorts … */
  put_task (fixture->store, "B", "Bravo", "2020-02-01");
  assert_change (fixture, 1, 0, 1);

  /* … an edit replaces its row with a fresh record … */
  put_task (fixture->store, "C", "Charlie, rykket", "2020-01-05");
  assert_change (fixture, 2, 1, 1);
  after = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_true (after != before);
  g_assert_cmpstr (styr_task_get_title (STYR_TASK (after)), ==, "Charlie, rykket");

  /* … a deletion removes it … */
  g_assert_true (styr_store_get_status (fixture->store, "task:A", &rev, NULL, NULL, &error));
  g_assert_true (styr_store_delete (fixture->store, "task:A", rev, NULL, NULL, &error));
  assert_change (fixture, 0, 1, 0);

  /* … and a transaction of three writes is one change. */
  g_assert_true (styr_store_transaction (fixture->store, put_three_new, NULL, &error));
  assert_change (fixture, 2, 0, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  /* Other types do not disturb it. */
  {
    g_autoptr(JsonObject) person = json_object_new ();

    json_object_set_string_member (person, "type", "person");
    json_object_set_string_member (person, "name", "Mette");
    g_assert_true (styr_store_put (fixture->store, "person:p1", person, NULL, NULL, NULL, &error));
    g_assert_cmpuint (fixture->changes->len, ==, 0);
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrDocumentList) list = NULL;

  g_assert_true (styr_store_transaction (fixture->store, put_many, GUINT_TO_POINTER (700),
                                         &error));
  list = styr_document_list_new (fixture->store, "task");
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), fixture);

  /* Every seventh title names Gentofte; case does not matter. */
  g_assert_true (styr_document_list_set_search (list, "GENTOFTE", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_cmpstr (styr_document_list_get_id (list, 1), ==, "task:T00007");
  assert_change (fixture, 0, 700, 100);

  /* All words must match. */
  g_assert_true (styr_document_list_set_search (list, "gentofte 14", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_array_set_size (fixture->changes, 0);

  /* A write that matches shows up in the searched list. */
  put_task (fixture->store, "Z", "Ny opgave 14 i Gentofte", "2020-01-10");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  assert_change (fixture, 3, 0, 1);

  g_assert_true (styr_document_list_set_search (list, "", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 701);
}

static void
test_filter_and_sort (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrDocumentList) list = NULL;

  put_task (fixture->store, "A", "Alfa", "2020-03-01");
  put_task (fixture->store, "B", "Bravo", "2020-01-01");
  put_task (fixture->store, "C", "Charlie", "2020-02-01");
  list = styr_document_list_new (fixture->store, "task");

  g_assert_true (styr_document_list_set_sort_field (list, "deadline", &error));
  g_assert_cmpstr (styr_document_list_get_id (list, 0), ==, "task:B");
  g_assert_cmpstr (styr_document_list_get_id (list, 2), ==, "task:A");

  g_assert_true (styr_document_list_set_filter (list, "title", "Charlie", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (styr_document_list_get_id (list, 0), ==, "task:C");

  /* A bad field is refused and the list stays as it was. */
  g_assert_false (styr_document_list_set_sort_field (list, "dead line", &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_clear_error (&error);
  g_clear_object (&list);

  /* The same filter given at construction, and a bad one, which leaves
   * the list empty and says why. */
  list = g_object_new (STYR_TYPE_DOCUMENT_LIST, "store", fixture->store, "doc-type", "task",
                       "filter-field", "title", "filter-value", "Bravo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (styr_document_list_get_id (list, 0), ==, "task:B");
  g_clear_object (&list);

  list = g_object_new (STYR_TYPE_DOCUMENT_LIST, "store", fixture->store, "doc-type", "task",
                       "filter-field", "ti tle", "filter-value", "Bravo", NULL);
  g_object_get (list, "load-error", &error, NULL);
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
wait_for_search (StyrDocumentList *list)
{
  while (styr_document_list_get_search_pending (list))
    g_main_context_iteration (NULL, TRUE);
}

/* A search asked for before the texts are read waits for a worker to read
 * them, the last one asked for wins, and a write made meanwhile is found
 * whether the worker read before or after it. */
static void
test_search_in_background (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(StyrDocumentList) list = NULL;

  put_task (fixture->store, "A", "Alfa i Gentofte", "2020-03-01");
  put_task (fixture->store, "B", "Bravo i Odense", "2020-01-01");
  put_task (fixture->store, "C", "Charlie i Gentofte", "2020-02-01");
  list = styr_document_list_new (fixture->store, "task");

  styr_document_list_request_search (list, "odense");
  styr_document_list_request_search (list, "gentofte");
  g_assert_true (styr_document_list_get_search_pending (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  wait_for_search (list);
  g_assert_cmpstr (styr_document_list_get_search (list), ==, "gentofte");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* With the texts in, a keystroke filters at once. */
  styr_document_list_request_search (list, "gentofte alfa");
  g_assert_false (styr_document_list_get_search_pending (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Clearing drops the texts; clearing while they are read shows every
   * row at once, and the read that ends later changes nothing. */
  styr_document_list_request_search (list, NULL);
  styr_document_list_request_search (list, "odense");
  styr_document_list_request_search (list, "");
  g_assert_false (styr_document_list_get_search_pending (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  styr_document_list_prefetch_search (list);
  put_task (fixture->store, "D", "Delta i Gentofte", "2020-04-01");
  styr_document_list_request_search (list, "gentofte");
  wait_for_search (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (styr_document_list_find (list, "task:D"), !=, G_MAXUINT);
}

static gboolean
deadline_in_january (StyrRecord *record,
                     gpointer    user_data)
{
  guint *asked = user_data;
  GDate deadline;

  (*asked)++;
  return styr_task_get_deadline (STYR_TASK (record), &deadline) &&
         g_date_get_month (&deadline) == G_DATE_JANUARY;
}

static void
test_predicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrDocumentList) list = NULL;
  guint asked = 0;

  put_task (fixture->store, "A", "Alfa", "2020-01-10");
  put_task (fixture->store, "B", "Bravo", "2020-02-10");
  put_task (fixture->store, "C", "Charlie", "2020-01-20");
  list = styr_document_list_new (fixture->store, "task");

  styr_document_list_set_predicate (list, deadline_in_january, &asked, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (asked, ==, 3);

  /* Searching within asks nothing again; an edit asks about that one. */
  g_assert_true (styr_document_list_set_search (list, "charlie", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (styr_document_list_set_search (list, NULL, &error));
  g_assert_cmpuint (asked, ==, 3);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  put_task (fixture->store, "B", "Bravo", "2020-01-15");
  g_assert_cmpuint (asked, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  assert_change (fixture, 1, 0, 1);

  /* Refiltering asks everyone; no predicate shows all. */
  styr_document_list_refilter (list);
  g_assert_cmpuint (asked, ==, 7);
  styr_document_list_set_predicate (list, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

/* Keeps the tasks whose number is divisible by three. */
static gboolean
every_third (StyrRecord *record,
             gpointer    user_data)
{
  guint *asked = user_data;
  const char *id = styr_record_get_id (record);

  (*asked)++;
  return g_ascii_strtoull (id + strlen ("task:T"), NULL, 10) % 3 == 0;
}

/* The model as the views know it: the count the items-changed signals
 * add up to. */
static void
count_cb (GListModel *model,
          guint       position,
          guint       removed,
          guint       added,
          guint      *count)
{
  g_assert_cmpuint (position + removed, <=, *count);
  *count = *count - removed + added;
}

static void
test_predicate_incremental (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrDocumentList) list = NULL;
  guint asked = 0, count, steps = 0;
  const guint n = 5000;

  g_assert_true (styr_store_transaction (fixture->store, put_many, GUINT_TO_POINTER (n), &error));
  list = styr_document_list_new (fixture->store, "task");
  count = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (count_cb), &count);

  /* The first rows come at once, the rest in idle steps. */
  styr_document_list_set_predicate (list, every_third, &asked, NULL);
  g_assert_true (styr_document_list_get_filtering (list));
  g_assert_cmpuint (asked, <, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, (n + 2) / 3);
  while (styr_document_list_get_filtering (list))
    {
      g_main_context_iteration (NULL, TRUE);
      steps++;
    }
  g_assert_cmpuint (steps, >, 1);
  g_assert_cmpuint (asked, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, (n + 2) / 3);
  g_assert_cmpuint (count, ==, (n + 2) / 3);
  for (guint i = 0; i < (n + 2) / 3; i++)
    {
      g_autofree char *expected = g_strdup_printf ("task:T%05u", i * 3);

      g_assert_cmpstr (styr_document_list_get_id (list, i), ==, expected);
    }

  /* A search now asks nobody again and is complete at once. */
  g_assert_true (styr_document_list_set_search (list, "gentofte", &error));
  g_assert_false (styr_document_list_get_filtering (list));
  g_assert_cmpuint (asked, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, (n + 20) / 21);
  g_assert_true (styr_document_list_set_search (list, NULL, &error));

  /* An edit in the middle of a scan starts it again, and whoever needs the
   * whole list can have it at once. */
  styr_document_list_refilter (list);
  g_assert_true (styr_document_list_get_filtering (list));
  put_task (fixture->store, "T00001", "Ændret", "2020-01-10");
  styr_document_list_finish_filtering (list);
  g_assert_false (styr_document_list_get_filtering (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, (n + 2) / 3);
  g_assert_cmpuint (count, ==, (n + 2) / 3);

  /* Freed in the middle of a scan, the list leaves no step behind. */
  styr_document_list_refilter (list);
  g_assert_true (styr_document_list_get_filtering (list));
  g_clear_object (&list);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The task's number modulo five. */
static int
number_mod_five (StyrRecord *record,
                 gpointer    user_data)
{
  guint *asked = user_data;

  (*asked)++;
  return g_ascii_strtoull (styr_record_get_id (record) + strlen ("task:T"), NULL, 10) % 5;
}

static void
assert_key_order (StyrDocumentList *list,
                  guint             n)
{
  for (guint i = 1; i < n; i++)
    {
      guint64 a = g_ascii_strtoull (styr_document_list_get_id (list, i - 1) + 6, NULL, 10);
      guint64 b = g_ascii_strtoull (styr_document_list_get_id (list, i) + 6, NULL, 10);

      /* Greatest key first; equal keys in the store's order, by id. */
      g_assert_true (a % 5 > b % 5 || (a % 5 == b % 5 && a < b));
    }
}

static void
test_sort_key (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrDocumentList) small = NULL;
  g_autoptr(StyrDocumentList) large = NULL;
  guint asked = 0, count;
  const guint n = 5000;

  g_assert_true (styr_store_transaction (fixture->store, put_many, GUINT_TO_POINTER (12), &error));
  small = styr_document_list_new (fixture->store, "task");
  styr_document_list_set_sort_key (small, number_mod_five, TRUE, &asked, NULL);
  g_assert_false (styr_document_list_get_sorting (small));
  g_assert_cmpuint (asked, ==, 12);
  assert_key_order (small, 12);
  g_assert_cmpstr (styr_document_list_get_id (small, 0), ==, "task:T00004");

  /* An edit asks about that one only and keeps the order. */
  put_task (fixture->store, "T00004", "Ændret", "2020-01-10");
  g_assert_cmpuint (asked, ==, 13);
  assert_key_order (small, 12);
  g_clear_object (&small);

  /* A large list keeps the store's order until every key is known. */
  g_assert_true (styr_store_transaction (fixture->store, put_many, GUINT_TO_POINTER (n), &error));
  large = styr_document_list_new (fixture->store, "task");
  count = g_list_model_get_n_items (G_LIST_MODEL (large));
  g_signal_connect (large, "items-changed", G_CALLBACK (count_cb), &count);
  asked = 0;
  styr_document_list_set_sort_key (large, number_mod_five, TRUE, &asked, NULL);
  g_assert_true (styr_document_list_get_sorting (large));
  g_assert_cmpstr (styr_document_list_get_id (large, 0), ==, "task:T00000");
  while (styr_document_list_get_sorting (large))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (asked, ==, n);
  g_assert_cmpuint (count, ==, n);
  assert_key_order (large, n);

  /* The search keeps the order and asks nobody. */
  g_assert_true (styr_document_list_set_search (large, "gentofte", &error));
  g_assert_cmpuint (asked, ==, n);
  assert_key_order (large, g_list_model_get_n_items (G_LIST_MODEL (large)));

  g_assert_true (styr_document_list_set_search (large, NULL, &error));

  /* A predicate changes which rows show, not their keys or order. */
  {
    guint judged = 0;

    styr_document_list_set_predicate (large, every_third, &judged, NULL);
    g_assert_false (styr_document_list_get_sorting (large));
    g_assert_cmpuint (asked, ==, n);
    styr_document_list_finish_filtering (large);
    g_assert_cmpuint (judged, ==, n);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (large)), ==, (n + 2) / 3);
    assert_key_order (large, (n + 2) / 3);
    styr_document_list_set_predicate (large, NULL, NULL, NULL);
  }

  /* Whoever needs the final order at once, such as an export, gets it. */
  styr_document_list_set_sort_key (large, number_mod_five, TRUE, &asked, NULL);
  g_assert_true (styr_document_list_get_sorting (large));
  styr_document_list_finish_filtering (large);
  g_assert_false (styr_document_list_get_sorting (large));
  g_assert_cmpuint (count, ==, n);
  assert_key_order (large, n);

  /* Without a key, the store's order again. */
  styr_document_list_set_sort_key (large, NULL, FALSE, NULL, NULL);
  g_assert_false (styr_document_list_get_sorting (large));
  g_assert_cmpstr (styr_document_list_get_id (large, 0), ==, "task:T00000");
}

/* The list without one document: the task shown is no choice of what it
 * waits for, wherever it moves to, and nothing shows twice. */
static void
test_skip (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(StyrDocumentList) list = NULL;
  g_autoptr(StyrSkipModel) others = NULL;
  g_autoptr(StyrRecord) second = NULL;

  put_task (fixture->store, "A", "Alfa", "2020-03-01");
  put_task (fixture->store, "B", "Bravo", "2020-02-01");
  put_task (fixture->store, "C", "Charlie", "2020-01-01");
  list = g_object_new (STYR_TYPE_DOCUMENT_LIST, "store", fixture->store, "doc-type", "task",
                       "sort-field", "title", NULL);
  others = styr_skip_model_new (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (others)), ==, 3);

  styr_skip_model_set_skip (others, "task:B");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (others)), ==, 2);
  second = g_list_model_get_item (G_LIST_MODEL (others), 1);
  g_assert_cmpstr (styr_record_get_id (second), ==, "task:C");
  g_assert_cmpuint (styr_skip_model_find (others, "task:A"), ==, 0);
  g_assert_cmpuint (styr_skip_model_find (others, "task:B"), ==, G_MAXUINT);
  g_assert_cmpuint (styr_skip_model_find (others, "task:C"), ==, 1);

  /* Renamed, B sorts last and is still left out. */
  g_signal_connect (others, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  put_task (fixture->store, "B", "Zulu", "2020-02-01");
  assert_change (fixture, 0, 2, 2);
  g_assert_cmpuint (styr_skip_model_find (others, "task:C"), ==, 1);
  g_assert_cmpuint (styr_skip_model_find (others, "task:B"), ==, G_MAXUINT);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (others)); i++)
    {
      g_autoptr(StyrRecord) record = g_list_model_get_item (G_LIST_MODEL (others), i);

      g_assert_cmpstr (styr_record_get_id (record), !=, "task:B");
    }

  /* A change away from it is passed on as it is, so a view keeps its
   * rows and its selection: Delta lands after Charlie, B still skipped. */
  put_task (fixture->store, "D", "Delta", "2020-04-01");
  assert_change (fixture, 2, 0, 1);
  g_assert_cmpuint (styr_skip_model_find (others, "task:D"), ==, 2);

  g_signal_handlers_disconnect_by_func (others, items_changed_cb, fixture);
  styr_skip_model_set_skip (others, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (others)), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/document-list/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("lazy", test_lazy);
  ADD ("follows-writes", test_follows_writes);
  ADD ("skip", test_skip);
  ADD ("state-and-marks", test_state_and_marks);
  ADD ("search", test_search);
  ADD ("filter-and-sort", test_filter_and_sort);
  ADD ("search-in-background", test_search_in_background);
  ADD ("predicate", test_predicate);
  ADD ("predicate-incremental", test_predicate_incremental);
  ADD ("sort-key", test_sort_key);

#undef ADD

  return g_test_run ();
}
