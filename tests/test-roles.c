/* test-roles.c: who holds which role, coverage on both sides of each
 * rule, and the role overview as CSV, on the bundled catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store-fixture.h"
#include "styr-catalogue.h"
#include "styr-checklist-actions.h"
#include "styr-csv.h"
#include "styr-role-actions.h"
#include "styr-role-model.h"
#include "styr-store.h"

static GDate
day (int d, int m, int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static char *
add_person (Fixture    *fixture,
            const char *name)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "email", "kontakt@gentofte.dk");
  g_assert_true (styr_person_save (fixture->store, NULL, NULL, fields, "mette", &id, &error));
  g_assert_no_error (error);
  return id;
}

static StyrRoleCoverage *
coverage_of (GPtrArray  *coverage,
             const char *role)
{
  for (guint i = 0; i < coverage->len; i++)
    if (g_str_equal (((StyrRoleCoverage *) g_ptr_array_index (coverage, i))->role, role))
      return g_ptr_array_index (coverage, i);
  g_assert_not_reached ();
}

static GPtrArray *
coverage_on (Fixture     *fixture,
             const GDate *today,
             guint        max_roles)
{
  g_autoptr(GError) error = NULL;
  StyrRuleThresholds thresholds;
  GPtrArray *coverage;

  styr_rule_thresholds_init (&thresholds);
  thresholds.max_roles_per_person = max_roles;
  coverage = styr_roles_coverage (fixture->store, today, &thresholds, &error);
  g_assert_no_error (error);
  return coverage;
}

static void
count_changes (guint *changed)
{
  (*changed)++;
}

/* The Roles page's list: an assignment changes its role's entry in place,
 * and the counts follow; only a new role is a row in. */
static void
test_model (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *mette = add_person (fixture, "Mette Hansen");
  GDate december = day (1, 12, 2019);
  GDate today = day (16, 12, 2019);
  g_autoptr(StyrClock) clock = styr_clock_new_fixed (&today);
  g_autoptr(StyrRoleModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) role = json_object_new ();
  StyrRuleThresholds thresholds;
  StyrRoleEntry *entry;
  guint rows_changed = 0, notified = 0, position;

  styr_rule_thresholds_init (&thresholds);
  model = styr_role_model_new (fixture->store, clock, &thresholds);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 12);
  g_assert_cmpuint (styr_role_model_get_n_vacant (model), ==, 12);
  entry = styr_role_model_find (model, "role:STS-AFTALEGODKENDER", &position);
  g_assert_nonnull (entry);
  g_assert_nonnull (styr_role_entry_get_role (entry));
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes), &rows_changed);
  g_signal_connect_swapped (entry, "notify::coverage", G_CALLBACK (count_changes), &notified);

  g_assert_true (styr_role_assign (fixture->store, "STS-AFTALEGODKENDER", mette, NULL, &december,
                                   "mette", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows_changed, ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (styr_role_model_find (model, "role:STS-AFTALEGODKENDER", NULL) == entry);
  g_assert_cmpstr (styr_role_entry_get_coverage (entry)->holder_name, ==, "Mette Hansen");
  g_assert_cmpuint (styr_role_model_get_n_vacant (model), ==, 11);
  g_assert_cmpuint (styr_role_model_get_n_gaps (model), ==, 1);

  /* An own role is one row in. */
  json_object_set_string_member (role, "type", "role");
  json_object_set_string_member (role, "name", "Aaa egen rolle");
  g_assert_true (styr_store_put (fixture->store, "role:EGEN", role, NULL, "mette", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 13);
  g_assert_true (styr_role_model_find (model, "role:STS-AFTALEGODKENDER", NULL) == entry);
}

static void
test_coverage (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *mette = add_person (fixture, "Mette Hansen");
  g_autofree char *anne = add_person (fixture, "Anne Larsen");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) no_deputy = NULL;
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) too_many = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) handed_over = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) leaves = json_object_new ();
  g_autofree char *mette_rev = NULL;
  g_autofree char *holder = NULL;
  GDate december = day (1, 12, 2019);
  GDate today = day (16, 12, 2019);
  GDate february = day (1, 2, 2020);
  StyrRoleCoverage *approver;

  /* Every role of the Rollegalleri starts vacant. */
  before = coverage_on (fixture, &today, 3);
  g_assert_cmpuint (before->len, ==, 12);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpint (((StyrRoleCoverage *) g_ptr_array_index (before, i))->flags, ==,
                     STYR_COVERAGE_VACANT);

  /* Held, but nobody to step in. */
  g_assert_true (styr_role_assign (fixture->store, "STS-AFTALEGODKENDER", mette, NULL, &december,
                                   "mette", NULL, &error));
  g_assert_no_error (error);
  no_deputy = coverage_on (fixture, &today, 3);
  approver = coverage_of (no_deputy, "STS-AFTALEGODKENDER");
  g_assert_cmpint (approver->flags, ==, STYR_COVERAGE_NO_DEPUTY);
  g_assert_cmpstr (approver->holder_name, ==, "Mette Hansen");

  /* The holder cannot be their own deputy, by the Roles page's call or a
   * document from anywhere else, such as a colleague's sync. */
  g_assert_false (styr_role_assign (fixture->store, "STS-AFTALEGODKENDER", mette, mette,
                                    &december, "mette", NULL, &error));
  g_assert_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "someone else"));
  g_clear_error (&error);
  {
    g_autoptr(JsonObject) self_deputy = json_object_new ();
    g_autoptr(StyrRecord) record = NULL;

    json_object_set_string_member (self_deputy, "type", "assignment");
    json_object_set_string_member (self_deputy, "role", "STS-AFTALEGODKENDER");
    json_object_set_string_member (self_deputy, "holder", mette);
    json_object_set_string_member (self_deputy, "deputy", mette);
    json_object_set_string_member (self_deputy, "since", "2019-12-01");
    record = styr_record_new_from_json ("assignment:self", NULL, self_deputy, &error);
    g_assert_null (record);
    g_assert_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "deputy"));
    g_clear_error (&error);
  }

  /* With a deputy the role is covered; a day before it starts it was not. */
  g_assert_true (styr_role_assign (fixture->store, "STS-AFTALEGODKENDER", mette, anne, &december,
                                   "mette", NULL, &error));
  covered = coverage_on (fixture, &today, 3);
  approver = coverage_of (covered, "STS-AFTALEGODKENDER");
  g_assert_cmpint (approver->flags, ==, STYR_COVERAGE_NONE);
  g_assert_cmpstr (approver->deputy_name, ==, "Anne Larsen");
  holder = styr_role_holder_name (fixture->store, "STS-AFTALEGODKENDER", &today);
  g_assert_cmpstr (holder, ==, "Mette Hansen");
  {
    GDate day_before = day (30, 11, 2019);
    g_autoptr(GPtrArray) earlier = coverage_on (fixture, &day_before, 3);

    g_assert_cmpint (coverage_of (earlier, "STS-AFTALEGODKENDER")->flags, ==,
                     STYR_COVERAGE_VACANT);
  }

  /* Two roles are fine with a limit of two; a third is one too many. */
  g_assert_true (styr_role_assign (fixture->store, "KOMBIT-PROGRAMLEDER", mette, anne, &december,
                                   "mette", NULL, &error));
  g_clear_pointer (&too_many, g_ptr_array_unref);
  too_many = coverage_on (fixture, &today, 2);
  g_assert_cmpint (coverage_of (too_many, "STS-AFTALEGODKENDER")->flags, ==, STYR_COVERAGE_NONE);
  g_assert_true (styr_role_assign (fixture->store, "INFRASTRUKTURANSVARLIG", mette, anne,
                                   &december, "mette", NULL, &error));
  g_clear_pointer (&too_many, g_ptr_array_unref);
  too_many = coverage_on (fixture, &today, 2);
  g_assert_cmpint (coverage_of (too_many, "STS-AFTALEGODKENDER")->flags, ==,
                   STYR_COVERAGE_OVERLOADED);

  /* Someone who leaves keeps the history, but their roles are vacant. */
  g_assert_true (styr_store_get_status (fixture->store, mette, &mette_rev, NULL, NULL, &error));
  json_object_set_boolean_member (leaves, "active", FALSE);
  g_assert_true (styr_person_save (fixture->store, mette, mette_rev, leaves, "anne", NULL,
                                   &error));
  g_assert_no_error (error);
  left = coverage_on (fixture, &today, 3);
  approver = coverage_of (left, "STS-AFTALEGODKENDER");
  g_assert_cmpint (approver->flags, ==, STYR_COVERAGE_VACANT | STYR_COVERAGE_HOLDER_LEFT);
  g_assert_null (styr_role_holder_name (fixture->store, "STS-AFTALEGODKENDER", &today));
  /* The row and the CSV still say who held it, and the deputy who stands
   * in meanwhile. */
  g_assert_cmpstr (approver->holder_name, ==, "Mette Hansen");
  g_assert_cmpstr (approver->deputy_name, ==, "Anne Larsen");
  {
    g_autoptr(GString) csv = g_string_new (NULL);

    styr_roles_export_csv (left, csv);
    g_assert_nonnull (strstr (csv->str, "Mette Hansen;Anne Larsen;"));
  }
  g_assert_nonnull (styr_store_get (fixture->store, mette, NULL, NULL));

  /* Handing the role over ends the old assignment the day before. */
  g_assert_true (styr_role_assign (fixture->store, "STS-AFTALEGODKENDER", anne, NULL, &february,
                                   "anne", NULL, &error));
  handed_over = coverage_on (fixture, &february, 3);
  approver = coverage_of (handed_over, "STS-AFTALEGODKENDER");
  g_assert_cmpstr (approver->holder_name, ==, "Anne Larsen");
  g_assert_cmpint (approver->flags, ==, STYR_COVERAGE_NO_DEPUTY);
  {
    g_autoptr(GPtrArray) ids = styr_store_find_ids (fixture->store, "assignment", "role",
                                                    "STS-AFTALEGODKENDER", NULL, &error);
    guint ended = 0;

    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(JsonObject) body = styr_store_get (fixture->store, g_ptr_array_index (ids, i),
                                                     NULL, NULL);

        if (g_strcmp0 (json_object_get_string_member_with_default (body, "until", NULL),
                       "2020-01-31") == 0)
          ended++;
      }
    g_assert_cmpuint (ended, >=, 1);
  }

  /* Given twice on the same day, the second replaces the first, and no
   * assignment ends before it begins. */
  {
    g_autoptr(GPtrArray) twice = NULL;
    g_autoptr(GPtrArray) ids = NULL;

    g_assert_true (styr_role_assign (fixture->store, "OIR-ADM-FINANS", anne, NULL, &february,
                                     "anne", NULL, &error));
    g_assert_true (styr_role_assign (fixture->store, "OIR-ADM-FINANS", mette, NULL, &february,
                                     "anne", NULL, &error));
    g_assert_no_error (error);
    ids = styr_store_find_ids (fixture->store, "assignment", "role", "OIR-ADM-FINANS", NULL,
                               &error);
    g_assert_cmpuint (ids->len, ==, 1);
    twice = coverage_on (fixture, &february, 3);
    g_assert_cmpint (coverage_of (twice, "OIR-ADM-FINANS")->flags & STYR_COVERAGE_HOLDER_LEFT, !=,
                     0);
  }

  /* An assignment ended on a day leaves the role vacant from the next. */
  {
    GDate last = day (29, 2, 2020);
    GDate after = day (1, 3, 2020);
    g_autoptr(GPtrArray) on_last = NULL;
    g_autoptr(GPtrArray) next_day = NULL;
    g_autofree char *assignment = g_strdup (coverage_of (handed_over,
                                                         "STS-AFTALEGODKENDER")->assignment);

    g_assert_true (styr_role_end_assignment (fixture->store, assignment, &last, "anne", &error));
    g_assert_no_error (error);
    on_last = coverage_on (fixture, &last, 3);
    next_day = coverage_on (fixture, &after, 3);
    g_assert_false (coverage_of (on_last, "STS-AFTALEGODKENDER")->flags & STYR_COVERAGE_VACANT);
    g_assert_true (coverage_of (next_day, "STS-AFTALEGODKENDER")->flags & STYR_COVERAGE_VACANT);
  }
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (fields, "name", "Mette");
  json_object_set_string_member (fields, "email", "ikke en adresse");
  g_assert_false (styr_person_save (fixture->store, NULL, NULL, fields, "mette", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "email"));
  g_clear_error (&error);

  g_assert_false (styr_role_save_local (fixture->store, " ", NULL, NULL, "mette", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "person", NULL), ==, 0);
  g_assert_cmpint (styr_store_count_of_type (fixture->store, "role", NULL), ==, 12);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *odd = add_person (fixture, "Hansen; \"Mette\"");
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StyrCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  const char * const responsibilities[] = { "Ejer lokale integrationer", NULL };
  GDate today = day (16, 12, 2019);
  gboolean found = FALSE;

  g_assert_true (styr_role_save_local (fixture->store, "Lokal integrationsansvarlig", "Økonomi",
                                       responsibilities, "mette", NULL, &error));
  g_assert_true (styr_role_assign (fixture->store, "STS-AFTALEGODKENDER", odd, NULL, &today,
                                   "mette", NULL, &error));
  coverage = coverage_on (fixture, &today, 3);
  g_assert_cmpuint (coverage->len, ==, 13);
  styr_roles_export_csv (coverage, out);

  /* What the export writes, the CSV reader reads back cell for cell. */
  bytes = g_bytes_new (out->str, out->len);
  csv = styr_csv_parse (bytes, "roller.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (csv->rows->len, ==, 13);
  g_assert_cmpstr (csv->header[0], ==, "Role");
  for (guint i = 0; i < csv->rows->len; i++)
    {
      StyrCsvRow *row = g_ptr_array_index (csv->rows, i);

      if (g_str_equal (row->fields[0], "Kommunens aftalegodkender i STS Administrationsmodul"))
        {
          g_assert_cmpstr (row->fields[1], ==, "Hansen; \"Mette\"");
          g_assert_cmpstr (row->fields[3], ==, "no deputy");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* The ØiR funktionspostkasse is a mailbox: it gets an address, has no
 * deputy to miss, and a later address takes over from the day it is set. */
static void
test_mailbox (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  GDate today = day (16, 12, 2019);
  GDate next = day (6, 1, 2020);
  StyrRoleCoverage *mailbox;
  gint64 seq;

  before = coverage_on (fixture, &today, 3);
  mailbox = coverage_of (before, "OIR-FUNKTIONSPOSTKASSE");
  g_assert_true (mailbox->mailbox);
  g_assert_true (mailbox->flags & STYR_COVERAGE_VACANT);
  described = styr_role_coverage_describe (mailbox);
  g_assert_cmpstr (described, ==, "no address given");
  g_assert_false (coverage_of (before, "STS-AFTALEGODKENDER")->mailbox);

  /* Something that is not an address is refused, and nothing written. */
  seq = styr_store_get_update_seq (fixture->store, NULL);
  g_assert_false (styr_role_set_address (fixture->store, "OIR-FUNKTIONSPOSTKASSE",
                                         "Økonomi-postkassen", &today, "mette", &error));
  g_assert_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Økonomi-postkassen” is not a mail address"));
  g_clear_error (&error);
  g_assert_cmpint (styr_store_get_update_seq (fixture->store, NULL), ==, seq);

  g_assert_true (styr_role_set_address (fixture->store, "OIR-FUNKTIONSPOSTKASSE",
                                        " oir@gentofte.dk ", &today, "mette", &error));
  g_assert_no_error (error);
  after = coverage_on (fixture, &today, 3);
  mailbox = coverage_of (after, "OIR-FUNKTIONSPOSTKASSE");
  g_assert_cmpint (mailbox->flags, ==, STYR_COVERAGE_NONE);
  g_assert_cmpstr (mailbox->address, ==, "oir@gentofte.dk");
  g_assert_null (mailbox->holder_name);

  /* The CSV has the address where a holder's name would be. */
  styr_roles_export_csv (after, out);
  g_assert_nonnull (strstr (out->str, "ØiR funktionspostkasse;oir@gentofte.dk;"));

  g_assert_true (styr_role_set_address (fixture->store, "OIR-FUNKTIONSPOSTKASSE",
                                        "oekonomi@gentofte.dk", &next, "mette", &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = coverage_on (fixture, &today, 3);
  later = coverage_on (fixture, &next, 3);
  g_assert_cmpstr (coverage_of (after, "OIR-FUNKTIONSPOSTKASSE")->address, ==, "oir@gentofte.dk");
  g_assert_cmpstr (coverage_of (later, "OIR-FUNKTIONSPOSTKASSE")->address, ==,
                   "oekonomi@gentofte.dk");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/roles/" name, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("coverage", test_coverage);
  ADD ("model", test_model);
  ADD ("bad-input", test_bad_input);
  ADD ("csv", test_csv);
  ADD ("mailbox", test_mailbox);

  return g_test_run ();
}
