/* test-agreements.c: the lifecycle of service agreements, the review of the
 * five questions, usage reports and the CSV export, against real stores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-agreement-actions.h"
#include "styr-agreement-export.h"
#include "styr-agreement-import.h"
#include "styr-catalogue.h"
#include "styr-csv.h"
#include "styr-usage-import.h"

#define TODAY "2020-03-10"

typedef struct
{
  char      *dir;
  char      *path;
  StyrStore *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("styr-agreements-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "styr.db", NULL);
  fixture->store = styr_store_new (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
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

static GDate
day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (styr_parse_date (text, &date));
  return date;
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* JSON with single quotes, which read better in C strings. */
static JsonObject *
parse_object (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdelimit (g_strdup (json), "'", '"');
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

/* Stores an agreement and returns its revision. */
static char *
put (StyrStore  *store,
     const char *id,
     const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = parse_object (json);
  char *rev = NULL;

  json_object_set_string_member (body, "type", "agreement");
  styr_store_put (store, id, body, NULL, "setup", &rev, &error);
  g_assert_no_error (error);
  return rev;
}

static StyrAgreement *
load (StyrStore  *store,
      const char *id,
      char      **rev)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  g_autoptr(JsonObject) body = styr_store_get (store, id, &current, &error);
  StyrRecord *record;

  g_assert_no_error (error);
  record = styr_record_new_from_json (id, current, body, &error);
  g_assert_no_error (error);
  if (rev != NULL)
    *rev = g_steal_pointer (&current);
  return STYR_AGREEMENT (record);
}

static char *
current_rev (StyrStore  *store,
             const char *id)
{
  char *rev = NULL;

  g_assert_true (styr_store_get_status (store, id, &rev, NULL, NULL, NULL));
  return rev;
}

static StyrAgreement *
record (const char *json)
{
  g_autoptr(JsonObject) body = parse_object (json);
  g_autoptr(GError) error = NULL;
  StyrRecord *result;

  json_object_set_string_member (body, "type", "agreement");
  result = styr_record_new_from_json ("agreement:a", NULL, body, &error);
  g_assert_no_error (error);
  return STYR_AGREEMENT (result);
}

/* --- Lifecycle ------------------------------------------------------- */

typedef enum
{
  APPROVE,
  REJECT,
  TERMINATE,
  RENEW,
} Which;

static gboolean
act (StyrStore   *store,
     Which        which,
     const char  *id,
     const char  *seen_rev,
     char       **new_rev,
     GError     **error)
{
  GDate today = day (TODAY);
  GDate valid_to = day ("2023-12-31");

  switch (which)
    {
    case APPROVE:
      return styr_agreement_approve (store, id, seen_rev, "mette", &today, "person:p1", 12,
                                     new_rev, error);
    case REJECT:
      return styr_agreement_reject (store, id, seen_rev, "mette", &today, new_rev, error);
    case TERMINATE:
      return styr_agreement_terminate (store, id, seen_rev, "mette", &today, new_rev, error);
    case RENEW:
      return styr_agreement_renew (store, id, seen_rev, "mette", &today, &valid_to, new_rev,
                                   error);
    default:
      g_assert_not_reached ();
    }
}

/* Every action from every state: the allowed ones change the state, the
 * others are refused with a message that names the system and its state,
 * and write nothing. */
static void
test_actions_by_state (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *states[] = { "requested", "approved", "rejected", "expired", "terminated" };
  static const char *labels[] = { "Requested", "Approved", "Rejected", "Expired", "Terminated" };
  static const struct {
    Which       which;
    const char *allowed[3];
    const char *result;
  } actions[] = {
    { APPROVE, { "requested" }, "approved" },
    { REJECT, { "requested" }, "rejected" },
    { TERMINATE, { "approved" }, "terminated" },
    { RENEW, { "approved", "expired" }, "approved" },
  };

  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    for (guint s = 0; s < G_N_ELEMENTS (states); s++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *id = g_strdup_printf ("agreement:%u-%u", a, s);
        g_autofree char *system = g_strdup_printf ("System %u-%u", a, s);
        g_autofree char *json = g_strdup_printf ("{'using_system':'%s','state':'%s',"
                                                 "'valid_from':'2019-12-01',"
                                                 "'valid_to':'2021-11-30'}", system, states[s]);
        g_autofree char *rev = put (fixture->store, id, json);
        g_autofree char *new_rev = NULL;
        g_autofree char *after = NULL;
        g_autoptr(StyrAgreement) agreement = NULL;
        gboolean allowed = g_strv_contains (actions[a].allowed, states[s]);
        gboolean ok;

        ok = act (fixture->store, actions[a].which, id, rev, &new_rev, &error);
        agreement = load (fixture->store, id, &after);

        if (allowed)
          {
            if (!ok)
              g_error ("action %u from %s: %s", a, states[s], error->message);
            g_assert_cmpstr (new_rev, ==, after);
            g_assert_cmpstr (styr_agreement_get_state (agreement), ==, actions[a].result);
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, STYR_AGREEMENT_ACTION_ERROR,
                            STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE);
            if (strstr (error->message, system) == NULL ||
                strstr (error->message, labels[s]) == NULL)
              g_error ("action %u from %s: “%s”", a, states[s], error->message);
            g_assert_null (new_rev);
            g_assert_cmpstr (after, ==, rev);
            g_assert_cmpstr (styr_agreement_get_state (agreement), ==, states[s]);
          }
      }
}

static void
test_approve (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *reviewed_rev = NULL;
  g_autoptr(StyrAgreement) agreement = NULL;
  g_autoptr(StyrAgreement) reviewed = NULL;
  GDate today = day (TODAY);

  rev = put (fixture->store, "agreement:a", "{'using_system':'KMD Sag','state':'requested'}");
  g_assert_true (styr_agreement_approve (fixture->store, "agreement:a", rev, "mette", &today,
                                         "person:p7", 12, NULL, &error));
  g_assert_no_error (error);
  agreement = load (fixture->store, "agreement:a", NULL);
  g_assert_cmpstr (styr_agreement_get_state (agreement), ==, "approved");
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (agreement), "approved"), ==, TODAY);
  g_assert_cmpstr (styr_agreement_get_approver (agreement), ==, "person:p7");
  /* Never reviewed: a full interval from the approval. */
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (agreement), "next_review"), ==,
                   "2021-03-10");

  /* Reviewed before: the interval counts from the review. */
  reviewed_rev = put (fixture->store, "agreement:b",
                      "{'using_system':'Nexus','state':'requested',"
                      "'review':{'reviewer':'person:p7','date':'2020-01-31'}}");
  g_assert_true (styr_agreement_approve (fixture->store, "agreement:b", reviewed_rev, "mette",
                                         &today, "person:p7", 1, NULL, &error));
  reviewed = load (fixture->store, "agreement:b", NULL);
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (reviewed), "next_review"), ==,
                   "2020-02-29");
}

static void
test_terminate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  g_autoptr(StyrAgreement) agreement = NULL;
  GDate today = day (TODAY);
  GDate terminated;

  rev = put (fixture->store, "agreement:a", "{'using_system':'KMD Sag','state':'approved',"
                                            "'next_review':'2020-11-20'}");
  g_assert_true (styr_agreement_terminate (fixture->store, "agreement:a", rev, "mette", &today,
                                           NULL, &error));
  g_assert_no_error (error);
  agreement = load (fixture->store, "agreement:a", NULL);
  g_assert_cmpstr (styr_agreement_get_state (agreement), ==, "terminated");
  g_assert_true (styr_agreement_get_terminated_on (agreement, &terminated));
  g_assert_cmpint (g_date_compare (&terminated, &today), ==, 0);
  g_assert_null (styr_record_get_string (STYR_RECORD (agreement), "next_review"));
}

static void
test_terminated_is_a_date (void)
{
  g_autoptr(JsonObject) body = parse_object ("{'type':'agreement','using_system':'KMD Sag',"
                                             "'state':'terminated','terminated':'10-03-2020'}");
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrRecord) bad = styr_record_new_from_json ("agreement:a", NULL, body, &error);

  g_assert_null (bad);
  g_assert_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "terminated"));
}

static void
test_renew (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct {
    const char *json;
    const char *valid_to;
    gboolean    ok;
    const char *says;
  } cases[] = {
    { "{'using_system':'A','state':'approved','valid_to':'2020-04-30'}", "2022-04-30", TRUE },
    { "{'using_system':'B','state':'expired','valid_to':'2020-01-31'}", "2021-01-31", TRUE },
    { "{'using_system':'C','state':'approved'}", "2021-01-31", TRUE },
    { "{'using_system':'D','state':'approved','valid_to':'2020-04-30'}", "2020-04-30", FALSE,
      "The service agreement for “D” cannot be renewed to 30-04-2020: it already runs until "
      "30-04-2020, and a renewal must end later." },
    { "{'using_system':'E','state':'approved','valid_to':'2020-04-30'}", "2020-04-01", FALSE,
      "it already runs until 30-04-2020" },
    { "{'using_system':'F','state':'expired','valid_to':'2019-12-31'}", "2020-01-31", FALSE,
      "The service agreement for “F” cannot be renewed to 31-01-2020: that day has already "
      "passed." },
  };
  GDate today = day (TODAY);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("agreement:%u", i);
      g_autofree char *rev = put (fixture->store, id, cases[i].json);
      g_autofree char *after = NULL;
      g_autoptr(StyrAgreement) agreement = NULL;
      GDate valid_to = day (cases[i].valid_to);
      gboolean ok;

      ok = styr_agreement_renew (fixture->store, id, rev, "mette", &today, &valid_to, NULL,
                                 &error);
      agreement = load (fixture->store, id, &after);
      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (styr_agreement_get_state (agreement), ==, "approved");
          g_assert_cmpstr (styr_record_get_string (STYR_RECORD (agreement), "valid_to"), ==,
                           cases[i].valid_to);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, STYR_AGREEMENT_ACTION_ERROR,
                          STYR_AGREEMENT_ACTION_ERROR_INVALID_DATE);
          if (strstr (error->message, cases[i].says) == NULL)
            g_error ("case %u: “%s”", i, error->message);
          g_assert_cmpstr (after, ==, rev);
        }
    }
}

/* What the editor saves goes through the same checks as every way in:
 * a date that is none is refused, saying which field; a revision the user
 * no longer sees is refused; a new agreement has no revision to see. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrAgreement) agreement = NULL;
  g_autoptr(StyrAgreement) stored = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *second = NULL;
  const char *services[] = { "SF1520", "SF1530", NULL };

  agreement = STYR_AGREEMENT (styr_record_new (STYR_TYPE_AGREEMENT, "new"));
  g_object_set (agreement, "using-system", "Fiktiv Sag", "state", "requested",
                "services", services, "valid-from", "2020-01-01", NULL);
  g_assert_true (styr_agreement_save (fixture->store, agreement, NULL, "mette", &rev, &error));
  g_assert_no_error (error);
  stored = load (fixture->store, "agreement:new", NULL);
  g_assert_cmpstr (styr_agreement_get_using_system (stored), ==, "Fiktiv Sag");
  g_assert_cmpstr (styr_record_get_rev (STYR_RECORD (stored)), ==, rev);

  g_object_set (agreement, "valid-to", "31-12-2020", NULL);
  g_assert_false (styr_agreement_save (fixture->store, agreement, rev, "mette", NULL, &error));
  g_assert_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "valid_to"));
  g_clear_error (&error);

  g_object_set (agreement, "valid-to", "2020-12-31", NULL);
  g_assert_true (styr_agreement_save (fixture->store, agreement, rev, "mette", &second, &error));
  g_assert_no_error (error);
  g_assert_false (styr_agreement_save (fixture->store, agreement, rev, "mette", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
}

/* An action on a revision the user no longer sees is refused, whichever
 * it is, and says which agreement. */
static void
test_stale_revision (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    Which       which;
    const char *state;
    const char *says;
  } cases[] = {
    { APPROVE, "requested", "The service agreement for “KMD Sag” was not approved: someone "
                            "changed it after you opened it." },
    { REJECT, "requested", "was not rejected" },
    { TERMINATE, "approved", "was not terminated" },
    { RENEW, "approved", "was not renewed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrAgreement) agreement = NULL;
      g_autoptr(JsonObject) body = NULL;
      g_autofree char *id = g_strdup_printf ("agreement:%u", i);
      g_autofree char *json = g_strdup_printf ("{'using_system':'KMD Sag','state':'%s'}",
                                               cases[i].state);
      g_autofree char *seen = put (fixture->store, id, json);
      g_autofree char *colleague = NULL;
      g_autofree char *after = NULL;

      /* A colleague edits the notes meanwhile. */
      agreement = load (fixture->store, id, NULL);
      styr_record_set_string (STYR_RECORD (agreement), "notes", "Ring til KMD");
      body = styr_record_to_json (STYR_RECORD (agreement));
      g_assert_true (styr_store_put (fixture->store, id, body, seen, "lars", &colleague, &error));

      g_assert_false (act (fixture->store, cases[i].which, id, seen, NULL, &error));
      g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: “%s”", i, error->message);

      after = current_rev (fixture->store, id);
      g_assert_cmpstr (after, ==, colleague);
    }
}

static StyrFieldChange *
find_change (StyrRevisionInfo *info,
             const char       *field)
{
  for (guint i = 0; i < info->changes->len; i++)
    {
      StyrFieldChange *change = g_ptr_array_index (info->changes, i);

      if (g_str_equal (change->field, field))
        return change;
    }

  return NULL;
}

static void
assert_change (StyrRevisionInfo *info,
               const char       *field,
               const char       *before,
               const char       *after)
{
  StyrFieldChange *change = find_change (info, field);

  if (change == NULL)
    g_error ("%s: %s did not change", info->rev, field);
  g_assert_cmpstr (change->before != NULL ? json_node_get_string (change->before) : NULL, ==,
                   before);
  g_assert_cmpstr (change->after != NULL ? json_node_get_string (change->after) : NULL, ==,
                   after);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *terminated = NULL;
  GDate today = day (TODAY);
  GDate later = day ("2020-09-01");
  StyrRevisionInfo *info;

  rev = put (fixture->store, "agreement:a", "{'using_system':'KMD Sag','state':'requested'}");
  g_assert_true (styr_agreement_approve (fixture->store, "agreement:a", rev, "mette", &today,
                                         "person:p7", 12, &approved, &error));
  g_assert_true (styr_agreement_terminate (fixture->store, "agreement:a", approved, "lars",
                                           &later, &terminated, &error));
  g_assert_no_error (error);

  history = styr_store_get_history (fixture->store, "agreement:a", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);

  info = g_ptr_array_index (history, 0);
  g_assert_cmpstr (info->rev, ==, terminated);
  g_assert_cmpstr (info->author, ==, "lars");
  g_assert_nonnull (info->created_at);
  g_assert_cmpuint (info->changes->len, ==, 3);
  assert_change (info, "state", "approved", "terminated");
  assert_change (info, "terminated", NULL, "2020-09-01");
  assert_change (info, "next_review", "2021-03-10", NULL);

  info = g_ptr_array_index (history, 1);
  g_assert_cmpstr (info->rev, ==, approved);
  g_assert_cmpstr (info->author, ==, "mette");
  g_assert_cmpuint (info->changes->len, ==, 4);
  assert_change (info, "state", "requested", "approved");
  assert_change (info, "approved", NULL, TODAY);
  assert_change (info, "approver", NULL, "person:p7");
  assert_change (info, "next_review", NULL, "2021-03-10");

  info = g_ptr_array_index (history, 2);
  g_assert_cmpstr (info->author, ==, "setup");
}

/* --- Review ---------------------------------------------------------- */

/* The five questions as KOMBIT's programme-leader deck of December 2019
 * words them, from the Administrationsmodul's user guide (§7.5). */
static const char * const deck_questions[] = {
  "Begrundelse: Er det klart, hvem der får adgang til data, hvor længe og hvorfor?",
  "Services: Skal anvendersystemet bruge adgang til netop de services?",
  "Dataafgrænsning: Er den korrekt udfyldt, eller gives der adgang til for meget data?",
  "Periode: Skal anvendersystemet have adgang til data i hele perioden?",
  "Vil aftalen give mening for en kollega på et senere tidspunkt?",
};

static GPtrArray *
bundled_questions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrCatalogue) catalogue = styr_catalogue_new_bundled (&error);
  GPtrArray *questions;

  g_assert_no_error (error);
  g_assert_true (styr_catalogue_import (catalogue, fixture->store, NULL, &error));
  g_assert_no_error (error);
  questions = styr_agreement_list_questions (fixture->store, &error);
  g_assert_no_error (error);
  return questions;
}

static char *
missing (StyrAgreement *agreement,
         GPtrArray     *questions)
{
  g_autoptr(GPtrArray) items = styr_agreement_review_missing (agreement, questions);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            styr_agreement_question_id (g_ptr_array_index (items, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The questions come from the catalogue, word for word as KOMBIT wrote
 * them, in their order; an older wording in code said "Reason" and
 * reworded the fifth. */
static void
test_questions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) questions = bundled_questions (fixture);

  g_assert_cmpuint (questions->len, ==, G_N_ELEMENTS (deck_questions));
  for (guint i = 0; i < questions->len; i++)
    {
      StyrChecklistItem *question = g_ptr_array_index (questions, i);
      g_autofree char *id = g_strdup_printf ("Q%u", i + 1);

      g_assert_cmpstr (styr_checklist_item_get_text (question), ==, deck_questions[i]);
      g_assert_cmpstr (styr_agreement_question_id (question), ==, id);
    }
}

static void
test_review_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) questions = bundled_questions (fixture);
  g_autoptr(StyrAgreement) none = record ("{'using_system':'A','state':'requested'}");
  g_autoptr(StyrAgreement) empty = record ("{'using_system':'A','state':'requested',"
                                           "'review':{}}");
  g_autoptr(StyrAgreement) agreement = record ("{'using_system':'A','state':'requested'}");
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *all_empty = NULL;
  const char *note = NULL;
  GDate date = day ("2020-03-09");

  all = missing (none, questions);
  g_assert_cmpstr (all, ==, "Q1 Q2 Q3 Q4 Q5");
  all_empty = missing (empty, questions);
  g_assert_cmpstr (all_empty, ==, "Q1 Q2 Q3 Q4 Q5");

  for (guint i = 0; i < questions->len; i++)
    styr_agreement_set_answer (agreement, styr_agreement_question_id (questions->pdata[i]),
                               "yes", NULL);
  {
    g_autofree char *complete = missing (agreement, questions);

    g_assert_cmpstr (complete, ==, "");
  }

  /* No and unsure count as missing, with their notes kept. */
  styr_agreement_set_answer (agreement, "Q2", "no", "SF1500 er ikke nødvendig");
  styr_agreement_set_answer (agreement, "Q4", "unsure", NULL);
  {
    g_autofree char *some = missing (agreement, questions);

    g_assert_cmpstr (some, ==, "Q2 Q4");
  }
  g_assert_cmpstr (styr_agreement_get_answer (agreement, "Q2", &note), ==, "no");
  g_assert_cmpstr (note, ==, "SF1500 er ikke nødvendig");
  g_assert_cmpstr (styr_agreement_get_answer (agreement, "Q4", &note), ==, "unsure");
  g_assert_null (note);

  /* Taking an answer back makes it unanswered. */
  styr_agreement_set_answer (agreement, "Q2", "yes", NULL);
  styr_agreement_set_answer (agreement, "Q5", NULL, NULL);
  {
    g_autofree char *some = missing (agreement, questions);

    g_assert_cmpstr (some, ==, "Q4 Q5");
  }
  g_assert_null (styr_agreement_get_answer (agreement, "Q5", NULL));

  styr_agreement_set_review (agreement, "person:p7", &date);
  g_assert_cmpstr (styr_agreement_get_reviewer (agreement), ==, "person:p7");
  g_assert_true (styr_agreement_get_review_date (agreement, &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 9);

  /* What the helpers write is what the record accepts. */
  g_assert_true (styr_record_validate (STYR_RECORD (agreement), &error));
  g_assert_no_error (error);

  g_assert_cmpstr (styr_agreement_state_label ("terminated"), ==, "Terminated");
  g_assert_cmpstr (styr_agreement_state_label ("unknown"), ==, "unknown");
}

static void
test_next_review (void)
{
  static const struct {
    const char *reviewed;
    guint       months;
    const char *next;
  } cases[] = {
    { "2020-01-31", 1, "2020-02-29" },
    { "2019-01-31", 1, "2019-02-28" },
    { "2020-02-29", 12, "2021-02-28" },
    { "2020-08-31", 12, "2021-08-31" },
    { "2020-03-31", 6, "2020-09-30" },
    { "2019-11-19", 12, "2020-11-19" },
  };
  g_autoptr(StyrAgreement) never = record ("{'using_system':'A','state':'approved'}");
  GDate out;

  g_assert_false (styr_agreement_next_review (never, 12, &out));
  g_assert_false (g_date_valid (&out));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{'using_system':'A','state':'approved',"
                                               "'review':{'date':'%s'}}", cases[i].reviewed);
      g_autoptr(StyrAgreement) agreement = record (json);
      g_autofree char *next = NULL;

      g_assert_true (styr_agreement_next_review (agreement, cases[i].months, &out));
      next = iso (&out);
      g_assert_cmpstr (next, ==, cases[i].next);
    }
}

/* --- Usage ----------------------------------------------------------- */

static void
put_usage_agreements (StyrStore *store)
{
  static const struct {
    const char *id;
    const char *json;
  } agreements[] = {
    { "agreement:kmd",
      "{'using_system':'KMD Sag','state':'approved','services':['SF1520','SF1500'],"
      "'valid_from':'2019-12-01','valid_to':'2021-11-30','usage':["
      "{'month':'2020-01','service':'SF1520','calls':100},"
      "{'month':'2020-02','service':'SF1520','calls':200}]}" },
    /* Two agreements for one system and service, overlapping in the
     * second half of 2020. */
    { "agreement:nexus",
      "{'using_system':'Nexus','state':'approved','services':['SF1520'],"
      "'valid_from':'2019-01-01','valid_to':'2020-12-31'}" },
    { "agreement:nexus-2",
      "{'using_system':'NEXUS ','state':'approved','services':['SF1520'],"
      "'valid_from':'2020-06-01','valid_to':'2022-05-31'}" },
    { "agreement:rejected",
      "{'using_system':'Børnesag','state':'rejected','services':['SF1520']}" },
    { "agreement:sbsys",
      "{'using_system':'SBSYS','state':'approved','services':['SF1500','SF1520']}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (agreements); i++)
    g_free (put (store, agreements[i].id, agreements[i].json));
}

/* "2020-01 SF1520 100, …", in the order stored */
static char *
usage_text (StyrAgreement *agreement)
{
  JsonArray *usage = styr_record_get_array (STYR_RECORD (agreement), "usage");
  GString *text = g_string_new (NULL);

  for (guint i = 0; usage != NULL && i < json_array_get_length (usage); i++)
    {
      JsonObject *entry = json_array_get_object_element (usage, i);

      g_string_append_printf (text, "%s%s %s %" G_GINT64_FORMAT, i > 0 ? ", " : "",
                              json_object_get_string_member (entry, "month"),
                              json_object_get_string_member (entry, "service"),
                              json_object_get_int_member (entry, "calls"));
    }

  return g_string_free (text, FALSE);
}

static StyrCsv *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  StyrCsv *csv = styr_csv_parse (bytes, "forbrug.csv", &error);

  g_assert_no_error (error);
  return csv;
}

static StyrUsageImport *
usage_import (StyrStore  *store,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  StyrUsageImport *import = styr_usage_import_new (parse (text), store, &error);

  g_assert_no_error (error);
  return import;
}

#define USAGE_HEADER "Måned;Anvendersystem;Service;Kald\r\n"

static StyrImportRow *
usage_row (StyrUsageImport *import,
           guint            index)
{
  g_autoptr(StyrImportRow) row = g_list_model_get_item (styr_usage_import_get_rows (import),
                                                        index);

  g_assert_nonnull (row);
  return row;
}

/* Rows that are reported one by one while the good rows around them stay. */
static void
test_usage_bad_rows (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *row;
    const char *says;
  } rows[] = {
    { "2020-03;Ukendt System;SF1520;10",
      "column “Anvendersystem”: no service agreement has the using system “Ukendt System”" },
    { "2020-03;Børnesag;SF1520;10",
      "column “Anvendersystem”: no service agreement has the using system “Børnesag”" },
    { "2020-03;KMD Sag;SF6002;10",
      "column “Service”: no service agreement for “KMD Sag” includes the service SF6002" },
    { "2020-07;Nexus;SF1520;10",
      "column “Anvendersystem”: 2 service agreements for “Nexus” include the service SF1520, "
      "and Styr cannot tell which one made the calls in 2020-07" },
    { "2020-13;KMD Sag;SF1520;10",
      "column “Måned”: “2020-13” is not a month (expected yyyy-mm, mm-yyyy or mm/yyyy)" },
    { "13/2020;KMD Sag;SF1520;10", "column “Måned”: “13/2020” is not a month" },
    { "01-20;KMD Sag;SF1520;10", "column “Måned”: “01-20” is not a month" },
    { "januar 2020;KMD Sag;SF1520;10", "column “Måned”: “januar 2020” is not a month" },
    { "2020/01;KMD Sag;SF1520;10", "column “Måned”: “2020/01” is not a month" },
    { ";KMD Sag;SF1520;10", "column “Måned”: the row has no month" },
    { "2020-03;KMD Sag;SF1520;-5",
      "column “Kald”: “-5” is negative, but a number of calls is 0 or more" },
    { "2020-03;KMD Sag;SF1520;mange",
      "column “Kald”: “mange” is not a number of calls (expected a whole number such as 1234 "
      "or 1.234)" },
    { "2020-03;KMD Sag;SF1520;1,5", "column “Kald”: “1,5” is not a number of calls" },
    { "2020-03;KMD Sag;SF1520;1.23", "column “Kald”: “1.23” is not a number of calls" },
    { "2020-03;KMD Sag;SF1520;1.234.", "column “Kald”: “1.234.” is not a number of calls" },
    { "2020-03;KMD Sag;SF1520;99999999999999999999", "is not a number of calls" },
    /* A short row has the empty cells a spreadsheet shows; it reads no
     * further than its own cells. */
    { "2020-03;KMD Sag;SF1520", "column “Kald”: the row has no number of calls" },
    { "2020-03; ;SF1520;10", "column “Anvendersystem”: the row names no using system" },
    { "2020-03;KMD Sag;;10", "column “Service”: the row names no service" },
  };
  g_autoptr(GString) text = g_string_new (USAGE_HEADER);
  g_autoptr(StyrUsageImport) import = NULL;

  put_usage_agreements (fixture->store);

  /* A good row before every bad one. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_string_append_printf (text, "%02u-%u;SBSYS;SF1500;%u\r\n", i % 12 + 1, 2021 + i / 12, i);
      g_string_append_printf (text, "%s\r\n", rows[i].row);
    }
  /* A closing total row with fewer cells is skipped by name. */
  g_string_append (text, "I alt;;;1234\r\nTotal\r\n");

  import = usage_import (fixture->store, text->str);
  g_assert_cmpuint (styr_usage_import_count (import, STYR_IMPORT_ROW_CHANGED), ==,
                    G_N_ELEMENTS (rows));
  g_assert_cmpuint (styr_usage_import_count (import, STYR_IMPORT_ROW_REFUSED), ==,
                    G_N_ELEMENTS (rows));
  g_assert_cmpuint (styr_usage_import_count (import, STYR_IMPORT_ROW_SKIPPED), ==, 2);
  g_assert_cmpuint (styr_usage_import_get_agreement_count (import), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      StyrImportRow *row = usage_row (import, 2 * i + 1);
      const char *problem = styr_import_row_get_problems (row)[0];

      g_assert_cmpuint (styr_import_row_get_row (row), ==, 3 + 2 * i);
      if (problem == NULL || strstr (problem, rows[i].says) == NULL)
        g_error ("row %u: “%s” does not say “%s”", i, problem, rows[i].says);
    }
  g_assert_cmpstr (styr_import_row_get_note (usage_row (import, 2 * G_N_ELEMENTS (rows))), ==,
                   "a total row");
}

static void
test_usage_missing_column (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char text[] = "Måned;Anvendersystem;Service\r\n2020-03;KMD Sag;SF1520\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  put_usage_agreements (fixture->store);
  bytes = g_bytes_new_static (text, strlen (text));
  g_assert_null (styr_usage_import_new (styr_csv_parse (bytes, "forbrug.csv", NULL),
                                        fixture->store, &error));
  g_assert_cmpstr (error->message, ==,
                   "“forbrug.csv” has no column for the number of calls (expected a heading "
                   "“Kald”/“Antal kald”/“calls”).");
}

static void
test_usage_commit_merges (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrUsageImport) import = NULL;
  g_autoptr(StyrUsageImport) english = NULL;
  g_autoptr(StyrAgreement) kmd = NULL;
  g_autoptr(StyrAgreement) nexus = NULL;
  g_autoptr(StyrAgreement) nexus2 = NULL;
  g_autoptr(StyrAgreement) sbsys = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *kmd_rev = NULL;
  g_autofree char *sbsys_rev = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *kmd_after = NULL;
  guint updated = 0;

  put_usage_agreements (fixture->store);
  sbsys_rev = current_rev (fixture->store, "agreement:sbsys");

  import = usage_import (fixture->store,
                         USAGE_HEADER
                         /* replaces 200, matched without case or surrounding spaces */
                         "2020-02; kmd  sag ;sf1520;1.234\r\n"
                         "03-2020;KMD Sag;SF1520;300\r\n"
                         "3/2020;KMD Sag;SF1500;7\r\n"
                         "2020-04;KMD Sag;SF1520;0\r\n"
                         "2020-05;KMD Sag;SF1520;1\r\n"
                         /* a later row for the same month and service wins */
                         "2020-05;KMD Sag;SF1520;2\r\n"
                         "I alt;;;1.000.000\r\n"
                         /* the period tells the two Nexus agreements apart */
                         "2020-01;Nexus;SF1520;50\r\n"
                         "2021-01;nexus;SF1520;1.000.000\r\n");
  g_assert_cmpuint (styr_usage_import_count (import, STYR_IMPORT_ROW_REFUSED), ==, 0);
  g_assert_cmpuint (styr_usage_import_count (import, STYR_IMPORT_ROW_CHANGED), ==, 7);
  g_assert_cmpuint (styr_usage_import_count (import, STYR_IMPORT_ROW_SKIPPED), ==, 2);
  g_assert_cmpuint (styr_usage_import_get_agreement_count (import), ==, 3);
  g_assert_cmpstr (styr_import_row_get_note (usage_row (import, 4)), ==,
                   "row 7 gives the figure for the same month and service");
  {
    g_autofree char *line = styr_import_row_format (usage_row (import, 0));

    /* The figure it writes over the one the agreement holds. */
    g_assert_cmpstr (line, ==, "Row 2 (“kmd  sag”): SF1520 2020-02: 200 → 1234");
  }

  g_assert_true (styr_usage_import_commit (import, fixture->store, "mette", &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (updated, ==, 3);

  kmd = load (fixture->store, "agreement:kmd", &kmd_rev);
  usage = usage_text (kmd);
  g_assert_cmpstr (usage, ==, "2020-01 SF1520 100, 2020-02 SF1520 1234, 2020-03 SF1500 7, "
                              "2020-03 SF1520 300, 2020-04 SF1520 0, 2020-05 SF1520 2");
  g_assert_cmpint (styr_agreement_get_usage (kmd, 2020, 3), ==, 307);

  nexus = load (fixture->store, "agreement:nexus", NULL);
  g_assert_cmpint (styr_agreement_get_usage (nexus, 2020, 1), ==, 50);
  g_assert_cmpint (styr_agreement_get_usage (nexus, 2021, 1), ==, -1);
  nexus2 = load (fixture->store, "agreement:nexus-2", NULL);
  g_assert_cmpint (styr_agreement_get_usage (nexus2, 2021, 1), ==, 1000000);

  /* One revision per agreement, under the importer's name. */
  history = styr_store_get_history (fixture->store, "agreement:kmd", &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((StyrRevisionInfo *) g_ptr_array_index (history, 0))->author, ==, "mette");
  g_assert_nonnull (find_change (g_ptr_array_index (history, 0), "usage"));

  /* An agreement the file does not mention is left alone. */
  sbsys = load (fixture->store, "agreement:sbsys", NULL);
  g_assert_cmpstr (styr_record_get_rev (STYR_RECORD (sbsys)), ==, sbsys_rev);

  /* The same report again changes nothing and writes nothing. */
  g_assert_true (styr_usage_import_commit (import, fixture->store, "mette", &updated, &error));
  g_assert_cmpuint (updated, ==, 0);
  kmd_after = current_rev (fixture->store, "agreement:kmd");
  g_assert_cmpstr (kmd_after, ==, kmd_rev);

  /* English column names, commas and MM/YYYY. */
  english = usage_import (fixture->store, "Month,Using system,Service,Calls\n"
                                          "01/2021,SBSYS,sf1500,12\n");
  g_assert_cmpuint (styr_usage_import_count (english, STYR_IMPORT_ROW_REFUSED), ==, 0);
  g_assert_true (styr_usage_import_commit (english, fixture->store, "lars", &updated, &error));
  g_assert_cmpuint (updated, ==, 1);
  g_clear_object (&sbsys);
  sbsys = load (fixture->store, "agreement:sbsys", NULL);
  g_assert_cmpint (styr_agreement_get_usage (sbsys, 2021, 1), ==, 12);
}

static void
test_usage_all_or_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrUsageImport) import = NULL;
  g_autoptr(StyrUsageImport) second = NULL;
  g_autoptr(StyrAgreement) kmd = NULL;
  g_autofree char *kmd_rev = NULL;
  g_autofree char *sbsys_rev = NULL;
  g_autofree char *kmd_after = NULL;
  g_autofree char *sbsys_after = NULL;
  sqlite3 *holder = NULL;
  guint updated = 0;

  put_usage_agreements (fixture->store);
  kmd_rev = current_rev (fixture->store, "agreement:kmd");
  sbsys_rev = current_rev (fixture->store, "agreement:sbsys");
  import = usage_import (fixture->store, USAGE_HEADER
                                         "2020-03;KMD Sag;SF1520;300\r\n"
                                         "2020-03;SBSYS;SF1520;5\r\n");
  g_assert_cmpuint (styr_usage_import_count (import, STYR_IMPORT_ROW_CHANGED), ==, 2);

  /* A colleague's write lock makes the commit fail: nothing is written. */
  g_clear_object (&fixture->store);
  fixture->store = g_initable_new (STYR_TYPE_STORE, NULL, &error, "path", fixture->path,
                                   "busy-timeout", 50, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (styr_usage_import_commit (import, fixture->store, "mette", &updated, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  kmd_after = current_rev (fixture->store, "agreement:kmd");
  sbsys_after = current_rev (fixture->store, "agreement:sbsys");
  g_assert_cmpstr (kmd_after, ==, kmd_rev);
  g_assert_cmpstr (sbsys_after, ==, sbsys_rev);

  /* Without the lock it goes through. */
  g_assert_true (styr_usage_import_commit (import, fixture->store, "mette", &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (updated, ==, 2);
  g_clear_pointer (&kmd_rev, g_free);
  g_clear_pointer (&sbsys_rev, g_free);
  kmd_rev = current_rev (fixture->store, "agreement:kmd");
  sbsys_rev = current_rev (fixture->store, "agreement:sbsys");

  /* An agreement deleted after the file was read stops the whole commit,
   * and the one written before it is rolled back. */
  second = usage_import (fixture->store, USAGE_HEADER
                                         "2020-04;KMD Sag;SF1520;400\r\n"
                                         "2020-04;SBSYS;SF1520;6\r\n");
  g_assert_true (styr_store_delete (fixture->store, "agreement:sbsys", sbsys_rev, "lars", NULL,
                                    &error));
  g_assert_false (styr_usage_import_commit (second, fixture->store, "mette", &updated, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "The usage of the service agreement for “SBSYS” cannot be saved: the "
                   "agreement was deleted after the file was read.");
  g_clear_pointer (&kmd_after, g_free);
  kmd_after = current_rev (fixture->store, "agreement:kmd");
  g_assert_cmpstr (kmd_after, ==, kmd_rev);
  kmd = load (fixture->store, "agreement:kmd", NULL);
  g_assert_cmpint (styr_agreement_get_usage (kmd, 2020, 3), ==, 300);
  g_assert_cmpint (styr_agreement_get_usage (kmd, 2020, 4), ==, -1);
}

/* --- Export ---------------------------------------------------------- */

static void
test_export_columns (void)
{
  g_autoptr(GPtrArray) agreements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrCsv) csv = NULL;
  const StyrCsvRow *row;
  static const char *header[] = { "ID", "Using system", "Supplier", "Services", "Data scope",
                                  "Scope breadth", "Reason", "State", "Requested", "Approved",
                                  "Approver", "Valid from", "Valid to",
                                  "Supplier contract ends", "Next review", "Terminated",
                                  "Notes", NULL };

  g_ptr_array_add (agreements,
                   record ("{'using_system':'Børnesag','supplier':'=cmd',"
                           "'services':['SF1520','SF1500'],"
                           "'data_scope':'Børn i Næstved; 0-18 år','scope_breadth':'limited',"
                           "'reason':'Sagsbehandling, \\u201cakut\\u201d og \\'hurtig\\'\\n"
                           "linje 2','state':'approved','requested':'2019-11-01',"
                           "'approved':'2019-11-20','valid_from':'2019-12-01',"
                           "'valid_to':'2021-11-30','contract_end':'2022-01-31',"
                           "'next_review':'2020-11-20','terminated':'2021-01-01',"
                           "'approver':'Mette Hansen','notes':'-ingen æøå'}"));
  g_ptr_array_add (agreements, record ("{'using_system':'Åbent System','state':'requested'}"));

  styr_agreement_export_csv (agreements, out);
  g_assert_true (g_str_has_prefix (out->str, "\xef\xbb\xbf" "ID;Using system;Supplier;"));
  g_assert_nonnull (strstr (out->str, "\r\na;Børnesag;'=cmd;\"SF1520, SF1500\";"
                                      "\"Børn i Næstved; 0-18 år\";Limited;"));

  bytes = g_bytes_new (out->str, out->len);
  csv = styr_csv_parse (bytes, "aftaler.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv->encoding, ==, "UTF-8");
  g_assert_cmpint (csv->delimiter, ==, ';');
  g_assert_cmpstrv (csv->header, header);
  g_assert_cmpuint (csv->rows->len, ==, 2);

  /* Every field the import reads, as a Danish user writes it. */
  row = g_ptr_array_index (csv->rows, 0);
  g_assert_cmpstrv (row->fields, ((const char *[]) {
    "a", "Børnesag", "'=cmd", "SF1520, SF1500", "Børn i Næstved; 0-18 år", "Limited",
    "Sagsbehandling, “akut” og \"hurtig\"\nlinje 2", "Approved", "01-11-2019", "20-11-2019",
    "Mette Hansen", "01-12-2019", "30-11-2021", "31-01-2022", "20-11-2020", "01-01-2021",
    "'-ingen æøå", NULL }));

  row = g_ptr_array_index (csv->rows, 1);
  g_assert_cmpstr (row->fields[1], ==, "Åbent System");
  g_assert_cmpstr (row->fields[7], ==, "Requested");
  for (guint i = 2; i < G_N_ELEMENTS (header) - 1; i++)
    if (i != 7)
      g_assert_cmpstr (row->fields[i], ==, "");
}

/* The audit trail reads in words, not JSON. */
static void
test_describe_values (void)
{
  const char *cases[][3] = {
    /* field, value as JSON (or NULL), expected */
    { "valid_to", "\"2025-02-20\"", "20-02-2025" },
    { "state", "\"approved\"", "Approved" },
    { "supplier", "\"KMD\"", "KMD" },
    { "services", "[\"SF1500\",\"SF1520\"]", "SF1500, SF1520" },
    { "usage", "[{\"month\":\"2019-01\",\"calls\":1},{\"month\":\"2019-02\",\"calls\":2}]",
      "2 months reported" },
    { "review", "{\"answers\":{\"Q1\":{\"answer\":\"yes\"},\"Q3\":{\"answer\":\"no\"}}}",
      "2 questions answered" },
    { "notes", NULL, "–" },
    { "notes", "null", "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = cases[i][1] != NULL ? json_from_string (cases[i][1], NULL) : NULL;
      g_autofree char *text = styr_agreement_describe_value (cases[i][0], node);

      g_assert_cmpstr (text, ==, cases[i][2]);
    }

  g_assert_cmpstr (styr_agreement_field_label ("contract_end"), ==, "Supplier contract ends");
  g_assert_cmpstr (styr_agreement_field_label ("something_new"), ==, "something_new");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/agreements/actions-by-state", test_actions_by_state);
  ADD ("/agreements/approve", test_approve);
  ADD ("/agreements/terminate", test_terminate);
  g_test_add_func ("/agreements/terminated-is-a-date", test_terminated_is_a_date);
  g_test_add_func ("/agreements/describe-values", test_describe_values);
  ADD ("/agreements/renew", test_renew);
  ADD ("/agreements/stale-revision", test_stale_revision);
  ADD ("/agreements/save", test_save);
  ADD ("/agreements/history", test_history);
  g_test_add ("/agreements/questions", Fixture, NULL, fixture_setup, test_questions,
              fixture_teardown);
  g_test_add ("/agreements/review-missing", Fixture, NULL, fixture_setup, test_review_missing,
              fixture_teardown);
  g_test_add_func ("/agreements/next-review", test_next_review);
  ADD ("/agreements/usage/bad-rows", test_usage_bad_rows);
  ADD ("/agreements/usage/missing-column", test_usage_missing_column);
  ADD ("/agreements/usage/commit-merges", test_usage_commit_merges);
  ADD ("/agreements/usage/all-or-nothing", test_usage_all_or_nothing);
  g_test_add_func ("/agreements/export-columns", test_export_columns);

#undef ADD

  return g_test_run ();
}
