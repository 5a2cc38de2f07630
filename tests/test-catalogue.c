/* test-catalogue.c: the bundled catalogue and its import into a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "styr-catalogue.h"
#include "styr-json.h"
#include "styr-store.h"

typedef struct
{
  char      *dir;
  StyrStore *store;
} Fixture;

static StyrStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  StyrStore *store;

  store = styr_store_new (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("styr-catalogue-XXXXXX", NULL);
  fixture->store = open_store (fixture->dir, "styr.db");
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
}

static StyrCatalogue *
bundled (void)
{
  g_autoptr(GError) error = NULL;
  StyrCatalogue *catalogue = styr_catalogue_new_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  return catalogue;
}

/* The bundled catalogue as a JSON tree, for tests that make variants of it. */
static JsonNode *
bundled_json (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  bytes = g_resources_lookup_data (RESOURCE_PATH "/catalogue.json", 0, &error);
  g_assert_no_error (error);
  root = styr_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return root;
}

/* The bundled catalogue's text with its title replaced by @title, as it
 * is written between the quotes: escapes stay as they are. */
static char *
bundled_text_with_title (const char *title)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  const char *old_title = "\"KOMBIT-katalog fra programledermødet december 2019\"";
  g_autofree char *new_title = g_strdup_printf ("\"%s\"", title);

  bytes = g_resources_lookup_data (RESOURCE_PATH "/catalogue.json", 0, &error);
  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, old_title, new_title, 1), ==, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonObject *
find_document (JsonNode   *root,
               const char *id)
{
  JsonArray *documents = json_object_get_array_member (json_node_get_object (root), "documents");

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);

      if (g_str_equal (json_object_get_string_member (doc, "_id"), id))
        return doc;
    }

  g_assert_not_reached ();
}

/* A newer catalogue names the revision a changed document had before. */
static void
set_ancestry (JsonNode   *root,
              const char *id,
              const char *previous_rev)
{
  JsonArray *revisions = json_array_new ();

  json_array_add_string_element (revisions, previous_rev);
  json_object_set_array_member (find_document (root, id), "_revisions", revisions);
}

/* A newer catalogue than the bundled one, @steps versions on. */
static void
bump_version (JsonNode *root,
              int       steps)
{
  JsonObject *object = json_node_get_object (root);

  json_object_set_int_member (object, "version",
                              json_object_get_int_member (object, "version") + steps);
}

static StyrCatalogue *
catalogue_from_json (JsonNode  *root,
                     GError   **error)
{
  char *text = json_to_string (root, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  return styr_catalogue_new_from_bytes (bytes, "test.json", error);
}

static void
test_bundled_import (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(StyrCatalogue) catalogue = bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(JsonObject) task = NULL;
  g_autoptr(JsonObject) december = NULL;
  g_autoptr(JsonObject) may = NULL;
  StyrCatalogueImport result;
  guint n_programme = 0;
  guint n_erp = 0;
  JsonObject *national;
  JsonArray *attendees;
  JsonArray *slots;

  g_assert_true (styr_catalogue_import (catalogue, fixture->store, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.skipped);
  g_assert_cmpuint (result.added, ==, styr_catalogue_get_n_documents (catalogue));
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpint (styr_catalogue_get_store_version (fixture->store, NULL), ==,
                   styr_catalogue_get_version (catalogue));

  g_assert_cmpint (styr_store_count_of_type (fixture->store, "municipality", NULL), ==, 98);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "task", NULL), ==, 15);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "role", NULL), ==, 12);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "checklist", NULL), ==, 5);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "link", NULL), ==, 10);

  meetings = styr_store_get_all_of_type (fixture->store, "meeting", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < meetings->len; i++)
    {
      JsonObject *meeting = g_ptr_array_index (meetings, i);
      const char *kind = json_object_get_string_member (meeting, "kind");

      if (g_str_equal (kind, "programme-leader"))
        {
          n_programme++;
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "slots")),
                            ==, 2);
        }
      else if (g_str_equal (kind, "erp-vendor"))
        n_erp++;
    }
  g_assert_cmpuint (n_programme, ==, 7);
  g_assert_cmpuint (n_erp, ==, 3);

  /* Facts from the December 2019 programme-leader meeting. */
  task = styr_store_get (fixture->store, "task:OIR-BASIS-00", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (task, "deadline"), ==, "2019-12-12");
  national = json_object_get_object_member (task, "national");
  g_assert_cmpint (json_object_get_int_member (national, "completed"), ==, 49);
  g_assert_cmpint (json_object_get_int_member (national, "started"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (national, "not_started"), ==, 34);

  december = styr_store_get (fixture->store, "meeting:PLM-2019-12", NULL, &error);
  g_assert_no_error (error);
  attendees = json_object_get_array_member (december, "attendees");
  g_assert_cmpuint (json_array_get_length (attendees), ==, 2);
  for (guint day = 0; day < 2; day++)
    {
      JsonObject *list = json_array_get_object_element (attendees, day);
      JsonArray *municipalities = json_object_get_array_member (list, "municipalities");
      gint64 people = 0;

      for (guint i = 0; i < json_array_get_length (municipalities); i++)
        people += json_object_get_int_member (json_array_get_object_element (municipalities, i),
                                              "count");
      g_assert_cmpstr (json_object_get_string_member (list, "date"), ==,
                       day == 0 ? "2019-12-16" : "2019-12-17");
      g_assert_cmpuint (json_array_get_length (municipalities), ==, day == 0 ? 30 : 33);
      g_assert_cmpint (people, ==, day == 0 ? 33 : 36);
    }

  may = styr_store_get (fixture->store, "meeting:PLM-2020-05", NULL, &error);
  g_assert_no_error (error);
  slots = json_object_get_array_member (may, "slots");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (slots, 1),
                                                  "start"), ==, "2020-05-26T13:00:00+02:00");
}

static void
test_second_import_is_a_no_op (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(StyrCatalogue) catalogue = bundled ();
  g_autoptr(GError) error = NULL;
  StyrCatalogueImport result;
  gint64 seq;

  g_assert_true (styr_catalogue_import (catalogue, fixture->store, NULL, &error));
  seq = styr_store_get_update_seq (fixture->store, NULL);
  g_assert_cmpint (seq, >, 0);

  /* A second start: a fresh store object on the same file. */
  g_clear_object (&fixture->store);
  fixture->store = open_store (fixture->dir, "styr.db");
  g_assert_true (styr_catalogue_import (catalogue, fixture->store, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.skipped);
  g_assert_cmpuint (result.added + result.updated, ==, 0);
  g_assert_cmpint (styr_store_get_update_seq (fixture->store, NULL), ==, seq);
}

static void
test_identical_on_two_desktops (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(StyrCatalogue) catalogue = bundled ();
  g_autoptr(StyrStore) colleague = open_store (fixture->dir, "colleague.db");
  g_autoptr(GError) error = NULL;
  const char *types[] = { "municipality", "task", "meeting", "role", "checklist-item" };

  g_assert_true (styr_catalogue_import (catalogue, fixture->store, NULL, &error));
  g_assert_true (styr_catalogue_import (catalogue, colleague, NULL, &error));
  g_assert_no_error (error);

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    g_assert_cmpint (styr_store_count_of_type (fixture->store, types[t], NULL), ==,
                     styr_store_count_of_type (colleague, types[t], NULL));

  /* Municipalities are keyed by their code. */
  {
    g_autoptr(GPtrArray) mine = styr_store_get_all_of_type (fixture->store, "municipality", NULL);

    for (guint i = 0; i < mine->len; i++)
      {
        JsonObject *body = g_ptr_array_index (mine, i);
        g_autofree char *id = g_strconcat ("municipality:",
                                           json_object_get_string_member (body, "code"), NULL);
        g_autofree char *my_rev = NULL;
        g_autofree char *their_rev = NULL;
        g_autoptr(JsonObject) a = styr_store_get (fixture->store, id, &my_rev, &error);
        g_autoptr(JsonObject) b = styr_store_get (colleague, id, &their_rev, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (my_rev, ==, their_rev);
      }
  }

  /* The catalogue's own ids give the same revisions for the other types
   * too: a document the catalogue never revised is at its first, a
   * revised one one after the revision it lists. */
  {
    const struct { const char *id; const char *generation; } docs[] = {
      { "task:DUBU34-FK-01", "2-" }, { "meeting:PLM-2020-02", "2-" },
      { "role:KOMBIT-PROGRAMLEDER", "2-" }, { "checklist-item:YR-1", "2-" },
      { "service:SF1520", "1-" }, { "link:ROLLEGALLERI", "1-" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
      {
        g_autofree char *my_rev = NULL;
        g_autofree char *their_rev = NULL;
        g_autoptr(JsonObject) a = styr_store_get (fixture->store, docs[i].id, &my_rev, &error);
        g_autoptr(JsonObject) b = styr_store_get (colleague, docs[i].id, &their_rev, &error);

        g_assert_no_error (error);
        g_assert_true (g_str_has_prefix (my_rev, docs[i].generation));
        g_assert_cmpstr (my_rev, ==, their_rev);
      }
  }
}

static void
test_newer_version_updates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(StyrCatalogue) v1 = bundled ();
  g_autoptr(StyrCatalogue) v2 = NULL;
  g_autoptr(JsonNode) root = bundled_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) task = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *v1_rev = NULL;
  StyrCatalogueImport result;

  g_assert_true (styr_catalogue_import (v1, fixture->store, NULL, &error));
  g_assert_true (styr_store_get_status (fixture->store, "task:DUBU34-FK-01", &v1_rev, NULL, NULL,
                                        &error));

  bump_version (root, 1);
  json_object_set_string_member (find_document (root, "task:DUBU34-FK-01"), "deadline",
                                 "2020-01-31");
  set_ancestry (root, "task:DUBU34-FK-01", v1_rev);
  v2 = catalogue_from_json (root, &error);
  g_assert_no_error (error);

  g_assert_true (styr_catalogue_import (v2, fixture->store, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.skipped);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, styr_catalogue_get_n_documents (v2) - 1);

  task = styr_store_get (fixture->store, "task:DUBU34-FK-01", &rev, &error);
  g_assert_cmpstr (json_object_get_string_member (task, "deadline"), ==, "2020-01-31");
  g_assert_cmpint (g_ascii_strtoll (rev, NULL, 10), ==, g_ascii_strtoll (v1_rev, NULL, 10) + 1);

  /* A catalogue document deleted here (as sync may bring it) does not
   * block the next catalogue; the deletion stands, as it would on every
   * replica, because the catalogue's revision is older than it. */
  {
    g_autoptr(StyrCatalogue) v3 = NULL;
    g_autofree char *role_rev = NULL;

    g_assert_true (styr_store_get_status (fixture->store, "role:KOMBIT-PROGRAMLEDER", &role_rev,
                                          NULL, NULL, &error));
    g_assert_true (styr_store_delete (fixture->store, "role:KOMBIT-PROGRAMLEDER", role_rev,
                                      NULL, NULL, &error));

    bump_version (root, 1);
    v3 = catalogue_from_json (root, &error);
    g_assert_no_error (error);
    g_assert_true (styr_catalogue_import (v3, fixture->store, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.added + result.updated, ==, 0);
    g_assert_null (styr_store_get (fixture->store, "role:KOMBIT-PROGRAMLEDER", NULL, NULL));
  }

  /* The older catalogue, bundled with an older Styr, never goes back. */
  g_assert_true (styr_catalogue_import (v1, fixture->store, &result, &error));
  g_assert_true (result.skipped);
  g_clear_pointer (&task, json_object_unref);
  task = styr_store_get (fixture->store, "task:DUBU34-FK-01", NULL, &error);
  g_assert_cmpstr (json_object_get_string_member (task, "deadline"), ==, "2020-01-31");
}

/* What the municipality owns lives in documents of its own, which a newer
 * catalogue never touches. */
static void
test_newer_catalogue_keeps_local_status (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(StyrCatalogue) v1 = bundled ();
  g_autoptr(StyrCatalogue) v2 = NULL;
  g_autoptr(JsonNode) root = bundled_json ();
  g_autoptr(JsonObject) state = json_object_new ();
  g_autoptr(JsonObject) task = NULL;
  g_autoptr(JsonObject) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_rev = NULL;
  g_autofree char *kept_rev = NULL;
  g_autofree char *v1_rev = NULL;

  g_assert_true (styr_catalogue_import (v1, fixture->store, NULL, &error));
  json_object_set_string_member (state, "type", "task-state");
  json_object_set_string_member (state, "task", "OIR-BASIS-02");
  json_object_set_string_member (state, "status", "started");
  json_object_set_string_member (state, "notes", "Møde med økonomi 8/1");
  g_assert_true (styr_store_put (fixture->store, "task-state:OIR-BASIS-02", state, NULL, "mette",
                                 &state_rev, &error));
  g_assert_true (styr_store_get_status (fixture->store, "task:OIR-BASIS-02", &v1_rev, NULL, NULL,
                                        &error));

  bump_version (root, 1);
  json_object_set_string_member (find_document (root, "task:OIR-BASIS-02"), "deadline",
                                 "2020-02-14");
  set_ancestry (root, "task:OIR-BASIS-02", v1_rev);
  v2 = catalogue_from_json (root, &error);
  g_assert_no_error (error);
  g_assert_true (styr_catalogue_import (v2, fixture->store, NULL, &error));
  g_assert_no_error (error);

  task = styr_store_get (fixture->store, "task:OIR-BASIS-02", NULL, &error);
  g_assert_cmpstr (json_object_get_string_member (task, "deadline"), ==, "2020-02-14");
  kept = styr_store_get (fixture->store, "task-state:OIR-BASIS-02", &kept_rev, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept_rev, ==, state_rev);
  g_assert_cmpstr (json_object_get_string_member (kept, "status"), ==, "started");
  g_assert_cmpstr (json_object_get_string_member (kept, "notes"), ==, "Møde med økonomi 8/1");
}

/* A colleague who installs Styr after the catalogue changed holds the same
 * revision as one who imported both catalogues. */
static void
test_newer_catalogue_same_on_fresh_install (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(StyrCatalogue) v1 = bundled ();
  g_autoptr(StyrCatalogue) v2 = NULL;
  g_autoptr(JsonNode) root = bundled_json ();
  g_autoptr(StyrStore) fresh = open_store (fixture->dir, "fresh.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) conflicted = NULL;
  g_autofree char *v1_rev = NULL;
  g_autofree char *upgraded_rev = NULL;
  g_autofree char *fresh_rev = NULL;
  g_autofree char *same_upgraded = NULL;
  g_autofree char *same_fresh = NULL;

  g_assert_true (styr_catalogue_import (v1, fixture->store, NULL, &error));
  g_assert_true (styr_store_get_status (fixture->store, "meeting:PLM-2020-03", &v1_rev, NULL,
                                        NULL, &error));

  bump_version (root, 1);
  json_object_set_string_member (find_document (root, "meeting:PLM-2020-03"), "format",
                                 "Microsoft Teams");
  set_ancestry (root, "meeting:PLM-2020-03", v1_rev);
  v2 = catalogue_from_json (root, &error);
  g_assert_no_error (error);

  g_assert_true (styr_catalogue_import (v2, fixture->store, NULL, &error));
  g_assert_true (styr_catalogue_import (v2, fresh, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (styr_store_get_status (fixture->store, "meeting:PLM-2020-03", &upgraded_rev,
                                        NULL, NULL, &error));
  g_assert_true (styr_store_get_status (fresh, "meeting:PLM-2020-03", &fresh_rev, NULL, NULL,
                                        &error));
  g_assert_cmpint (g_ascii_strtoll (upgraded_rev, NULL, 10), ==, g_ascii_strtoll (v1_rev, NULL, 10) + 1);
  g_assert_cmpstr (upgraded_rev, ==, fresh_rev);

  /* The fresh desktop knows the older revision by its id only. */
  history = styr_store_get_history (fresh, "meeting:PLM-2020-03", &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((StyrRevisionInfo *) g_ptr_array_index (history, 1))->rev, ==, v1_rev);

  /* Unchanged documents are the same too, and nothing is in conflict. */
  g_assert_true (styr_store_get_status (fixture->store, "task:OIR-BASIS-00", &same_upgraded, NULL,
                                        NULL, &error));
  g_assert_true (styr_store_get_status (fresh, "task:OIR-BASIS-00", &same_fresh, NULL, NULL,
                                        &error));
  g_assert_cmpstr (same_upgraded, ==, same_fresh);
  conflicted = styr_store_list_conflicted (fixture->store, NULL, &error);
  g_assert_cmpuint (conflicted->len, ==, 0);
}

typedef void (*Mutation) (JsonNode *root);

static void
bad_deadline (JsonNode *root)
{
  json_object_set_string_member (find_document (root, "task:OIR-BASIS-02"), "deadline",
                                 "2020-13-01");
}

static void
bad_national (JsonNode *root)
{
  JsonObject *task = find_document (root, "task:OIR-BASIS-01");

  json_object_set_int_member (json_object_get_object_member (task, "national"), "completed", 56);
}

static void
one_slot (JsonNode *root)
{
  JsonArray *slots = json_object_get_array_member (find_document (root, "meeting:PLM-2020-03"),
                                                   "slots");
  json_array_remove_element (slots, 1);
}

static void
duplicate_id (JsonNode *root)
{
  json_object_set_string_member (find_document (root, "task:OIR-BASIS-01"), "_id",
                                 "task:OIR-BASIS-00");
}

static void
unknown_type (JsonNode *root)
{
  JsonObject *doc = find_document (root, "system:SP");

  json_object_set_string_member (doc, "type", "spaceship");
}

static void
wrong_format (JsonNode *root)
{
  json_object_set_string_member (json_node_get_object (root), "format", "spreadsheet");
}

static void
newer_format (JsonNode *root)
{
  json_object_set_int_member (json_node_get_object (root), "format_version", 2);
}

static void
missing_title (JsonNode *root)
{
  json_object_remove_member (find_document (root, "meeting:PLM-2020-02"), "title");
}

static void
alias_not_text (JsonNode *root)
{
  JsonArray *aliases = json_array_new ();

  json_array_add_int_element (aliases, 101);
  json_object_set_array_member (find_document (root, "municipality:101"), "aliases", aliases);
}

/* A catalogue once wrote the municipality's own agreements as versions
 * in conflict with its own. */
static void
owns_agreement (JsonNode *root)
{
  JsonArray *documents = json_object_get_array_member (json_node_get_object (root), "documents");
  JsonObject *agreement = json_object_new ();

  json_object_set_string_member (agreement, "_id", "agreement:a1");
  json_object_set_string_member (agreement, "type", "agreement");
  json_object_set_string_member (agreement, "using_system", "KMD Sag");
  json_object_set_string_member (agreement, "state", "approved");
  json_array_add_object_element (documents, agreement);
}

static void
owns_task_state (JsonNode *root)
{
  JsonArray *documents = json_object_get_array_member (json_node_get_object (root), "documents");
  JsonObject *state = json_object_new ();

  json_object_set_string_member (state, "_id", "task-state:OIR-BASIS-00");
  json_object_set_string_member (state, "type", "task-state");
  json_object_set_string_member (state, "task", "OIR-BASIS-00");
  json_object_set_string_member (state, "status", "completed");
  json_array_add_object_element (documents, state);
}

/* One with a version of 2^62 was reported as "version -1" and blocked
 * every catalogue after it. */
static void
huge_version (JsonNode *root)
{
  json_object_set_int_member (json_node_get_object (root), "version", G_GINT64_CONSTANT (1) << 62);
}

static void
fraction_version (JsonNode *root)
{
  json_object_set_double_member (json_node_get_object (root), "version", 2.5);
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct {
    Mutation    mutate;
    int         code;
    const char *mentions;
  } cases[] = {
    { bad_deadline, STYR_CATALOGUE_ERROR_INVALID, "2020-13-01" },
    { bad_national, STYR_CATALOGUE_ERROR_INVALID, "task:OIR-BASIS-01" },
    { one_slot, STYR_CATALOGUE_ERROR_INVALID, "meeting:PLM-2020-03" },
    { duplicate_id, STYR_CATALOGUE_ERROR_INVALID, "task:OIR-BASIS-00" },
    { unknown_type, STYR_CATALOGUE_ERROR_INVALID, "spaceship" },
    { wrong_format, STYR_CATALOGUE_ERROR_INVALID, "test.json" },
    { newer_format, STYR_CATALOGUE_ERROR_UNSUPPORTED, "test.json" },
    { missing_title, STYR_CATALOGUE_ERROR_INVALID, "title" },
    { alias_not_text, STYR_CATALOGUE_ERROR_INVALID, "aliases" },
    { owns_agreement, STYR_CATALOGUE_ERROR_INVALID, "“agreement” records are the municipality’s" },
    { owns_task_state, STYR_CATALOGUE_ERROR_INVALID, "“task-state” records" },
    { huge_version, STYR_CATALOGUE_ERROR_INVALID, "whole number from 1 to 1000000" },
    { fraction_version, STYR_CATALOGUE_ERROR_INVALID, "$.version" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = bundled_json ();
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrCatalogue) catalogue = NULL;

      cases[i].mutate (root);
      catalogue = catalogue_from_json (root, &error);
      g_assert_null (catalogue);
      g_assert_error (error, STYR_CATALOGUE_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].mentions) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].mentions);
    }

  /* Not JSON at all, and not UTF-8. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) text = g_bytes_new_static ("{\"format\": \"styr-catalogue\",", 28);
    g_autoptr(GBytes) latin1 = g_bytes_new_static ("{\"title\": \"\xf8\"}", 15);

    g_assert_null (styr_catalogue_new_from_bytes (text, "broken.json", &error));
    g_assert_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "broken.json"));
    g_clear_error (&error);
    g_assert_null (styr_catalogue_new_from_bytes (latin1, "latin1.json", &error));
    g_assert_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID);
  }

  /* json-glib turns a lone UTF-16 surrogate and GScanner's octal escapes
   * into bytes that are not text, and the fuzzer found them quoted in
   * the messages; a surrogate pair is text. */
  {
    const struct { const char *title; const char *mentions; } escapes[] = {
      { "m\\ud8e0 x", "not valid Unicode text" },
      { "m\\udc00", "not valid Unicode text" },
      { "\\201019", "escape that JSON does not define" },
      /* A \u short of its four hex digits, found by the fuzzer too. */
      { "m\\ud8task", "escape that JSON does not define" },
      { "m\\u00", "escape that JSON does not define" },
      { "m\\ud83d\\ude00", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (escapes); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(StyrCatalogue) catalogue = NULL;
        g_autofree char *text = bundled_text_with_title (escapes[i].title);
        g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

        catalogue = styr_catalogue_new_from_bytes (bytes, "escapes.json", &error);
        if (escapes[i].mentions == NULL)
          {
            g_assert_no_error (error);
            g_assert_cmpstr (styr_catalogue_get_title (catalogue), ==, "m\xf0\x9f\x98\x80");
            continue;
          }
        g_assert_null (catalogue);
        g_assert_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID);
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
        if (strstr (error->message, escapes[i].mentions) == NULL)
          g_error ("case %u: “%s” does not mention “%s”", i, error->message, escapes[i].mentions);
      }
  }

  /* An empty file, and one nested far deeper than a catalogue is, are
   * refused with what is wrong; both crashed Styr once. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GString) deep = g_string_new ("{\"format\": ");
    g_autoptr(GBytes) deep_bytes = NULL;

    g_assert_null (styr_catalogue_new_from_bytes (empty, "empty.json", &error));
    g_assert_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "empty.json"));
    g_assert_nonnull (strstr (error->message, "empty"));
    g_clear_error (&error);

    for (guint i = 0; i < 200000; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 200000; i++)
      g_string_append_c (deep, ']');
    g_string_append_c (deep, '}');
    deep_bytes = g_bytes_new (deep->str, deep->len);
    g_assert_null (styr_catalogue_new_from_bytes (deep_bytes, "deep.json", &error));
    g_assert_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "nests more than 100 levels deep"));
  }

  g_assert_cmpint (styr_store_get_update_seq (fixture->store, NULL), ==, 0);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_null (styr_catalogue_new_from_file (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere.json"));
}

static void
test_locked_import_writes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(StyrCatalogue) catalogue = bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "styr.db", NULL);
  sqlite3 *holder = NULL;

  store = g_initable_new (STYR_TYPE_STORE, NULL, &error, "path", path, "busy-timeout", 50, NULL);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (styr_catalogue_import (catalogue, store, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  g_assert_cmpint (styr_store_get_update_seq (store, NULL), ==, 0);
  g_assert_cmpint (styr_catalogue_get_store_version (store, NULL), ==, 0);

  /* Once the lock is gone the same import goes through. */
  g_assert_true (styr_catalogue_import (catalogue, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (styr_store_count_of_type (store, "municipality", NULL), ==, 98);
}

/* A changed document without "_revisions" became a second version in
 * conflict with the one held, while the import said "updated". */
static void
test_change_without_revisions (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(StyrCatalogue) first = bundled ();
  g_autoptr(StyrCatalogue) second = NULL;
  g_autoptr(JsonNode) root = bundled_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) task = NULL;
  g_auto(GStrv) conflicts = NULL;
  StyrCatalogueImport result;
  gboolean conflicted = TRUE;

  g_assert_true (styr_catalogue_import (first, fixture->store, NULL, &error));
  bump_version (root, 1);
  json_object_remove_member (find_document (root, "task:OIR-BASIS-02"), "_revisions");
  json_object_set_string_member (find_document (root, "task:OIR-BASIS-02"), "deadline",
                                 "2020-02-15");
  second = catalogue_from_json (root, &error);
  g_assert_no_error (error);

  g_assert_true (styr_catalogue_import (second, fixture->store, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_true (styr_store_get_status (fixture->store, "task:OIR-BASIS-02", NULL, NULL,
                                        &conflicted, NULL));
  g_assert_false (conflicted);
  conflicts = styr_store_get_conflicts (fixture->store, "task:OIR-BASIS-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 0);
  task = styr_store_get (fixture->store, "task:OIR-BASIS-02", NULL, &error);
  g_assert_cmpstr (json_object_get_string_member (task, "deadline"), ==, "2020-02-15");

  /* A version no catalogue can have, left by an earlier wrong one, does
   * not block the next. */
  g_assert_true (styr_store_set_setting (fixture->store, "catalogue-version",
                                         "4611686018427387904", &error));
  g_assert_cmpint (styr_catalogue_get_store_version (fixture->store, NULL), ==, 0);
  g_assert_true (styr_catalogue_import (second, fixture->store, &result, &error));
  g_assert_false (result.skipped);
}

/* KOMBIT's own names and words, as the December 2019 deck writes them:
 * earlier versions of the catalogue had Styr's wording or placeholders. */
static void
test_kombit_words (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) root = bundled_json ();
  JsonObject *task = find_document (root, "task:SP-TRANS");
  JsonObject *meeting = find_document (root, "meeting:PLM-2020-01");
  JsonArray *responsibilities =
    json_object_get_array_member (find_document (root, "role:STS-AFTALEGODKENDER"),
                                  "responsibilities");
  g_autofree char *agenda = json_to_string (json_object_get_member (meeting, "agenda"), FALSE);

  g_assert_cmpstr (json_object_get_string_member (task, "project"), ==,
                   "Transition af Serviceplatformen");
  g_assert_null (strstr (agenda, "TBD"));
  g_assert_nonnull (strstr (agenda, "\"Emne\""));
  g_assert_cmpstr (json_array_get_string_element (responsibilities, 3), ==,
                   "Ansvarlig for, at der kun gives dataadgange til de nødvendige");

  /* What Styr adds (a typing error in the deck, a date it leaves out) is
   * kept apart from KOMBIT's notes, and no day is made up for KOMBIT's
   * national counts. */
  {
    static const char * const styr_words[] = {
      "slåfejl", "Ingen slutdato oplyst", "præcise publiceringsdato er ikke oplyst",
      "ikke bekræftet", "udledt",
    };
    JsonArray *documents = json_object_get_array_member (json_node_get_object (root),
                                                         "documents");
    guint styr_notes = 0;

    for (guint i = 0; i < json_array_get_length (documents); i++)
      {
        JsonObject *doc = json_array_get_object_element (documents, i);
        JsonNode *notes = json_object_get_member (doc, "notes");
        JsonObject *national = json_object_has_member (doc, "national")
                               ? json_object_get_object_member (doc, "national") : NULL;
        g_autofree char *text = notes != NULL ? json_to_string (notes, FALSE) : g_strdup ("");

        for (guint w = 0; w < G_N_ELEMENTS (styr_words); w++)
          if (strstr (text, styr_words[w]) != NULL)
            g_error ("%s: KOMBIT’s notes hold Styr’s words “%s”",
                     json_object_get_string_member (doc, "_id"), styr_words[w]);
        g_assert_true (national == NULL || !json_object_has_member (national, "as_of"));
        styr_notes += json_object_has_member (doc, "styr_notes");
      }
    g_assert_cmpuint (styr_notes, ==, 7);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/catalogue/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("change-without-revisions", test_change_without_revisions);

  ADD ("bundled-import", test_bundled_import);
  ADD ("kombit-words", test_kombit_words);
  ADD ("second-import-is-a-no-op", test_second_import_is_a_no_op);
  ADD ("identical-on-two-desktops", test_identical_on_two_desktops);
  ADD ("newer-version-updates", test_newer_version_updates);
  ADD ("newer-catalogue-keeps-local-status", test_newer_catalogue_keeps_local_status);
  ADD ("newer-catalogue-same-on-fresh-install", test_newer_catalogue_same_on_fresh_install);
  ADD ("invalid", test_invalid);
  ADD ("missing-file", test_missing_file);
  ADD ("locked-import-writes-nothing", test_locked_import_writes_nothing);

#undef ADD

  return g_test_run ();
}
