/* test-work.c: KLIK tasks and ØiR checklists on the bundled catalogue in a
 * real store: status, deadlines around midnight, blocking, the national
 * counts, local tasks, ERP meetings and template merges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store-fixture.h"
#include "styr-catalogue.h"
#include "styr-checklist-actions.h"
#include "styr-checklist-model.h"
#include "styr-clock.h"
#include "styr-json.h"
#include "styr-meeting.h"
#include "styr-rules.h"
#include "styr-store.h"
#include "styr-meeting-actions.h"
#include "styr-task-actions.h"
#include "styr-work.h"

static GDate
day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (styr_parse_date (text, &date));
  return date;
}

static gpointer
load (StyrStore  *store,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *rev = NULL;

  body = styr_store_get (store, id, &rev, &error);
  if (body == NULL)
    return NULL;
  return styr_record_load (id, rev, body);
}

static char *
rev_of (StyrStore  *store,
        const char *id)
{
  char *rev = NULL;

  if (!styr_store_get_status (store, id, &rev, NULL, NULL, NULL))
    return NULL;
  return rev;
}

/* "Today" in Copenhagen at a given moment, for the deadline rules. */
static GDate
today_at (const char *iso)
{
  g_autoptr(GTimeZone) copenhagen = g_time_zone_new_identifier ("Europe/Copenhagen");
  g_autoptr(GDateTime) instant = g_date_time_new_from_iso8601 (iso, NULL);
  GDate today;

  g_assert_nonnull (copenhagen);
  g_assert_nonnull (instant);
  styr_clock_date_at (instant, copenhagen, &today);
  return today;
}

/* The YR mapping is due on 10 January 2020: due that whole day in
 * Copenhagen, overdue from the first second of the 11th. */
static void
test_deadline_around_midnight (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(StyrTask) task = load (fixture->store, "task:YR-OIR-MAP");
  static const struct {
    const char *now;
    const char *described;
    gboolean    overdue;
  } cases[] = {
    { "2020-01-09T23:59:59+01:00", "1 day left", FALSE },
    { "2020-01-10T00:00:00+01:00", "due today", FALSE },
    { "2020-01-10T23:59:59+01:00", "due today", FALSE },
    /* 23:30 UTC on the 10th is half past midnight in Copenhagen. */
    { "2020-01-10T22:59:59Z", "due today", FALSE },
    { "2020-01-10T23:30:00Z", "1 day overdue", TRUE },
    { "2020-01-11T00:00:00+01:00", "1 day overdue", TRUE },
    { "2020-01-13T09:00:00+01:00", "3 days overdue", TRUE },
    { "2019-12-16T10:00:00+01:00", "25 days left", FALSE },
  };
  GDate deadline;

  g_assert_true (styr_task_get_deadline (task, &deadline));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today = today_at (cases[i].now);
      g_autofree char *described = styr_work_describe_due (&deadline, &today, FALSE);

      g_test_message ("at %s", cases[i].now);
      g_assert_cmpstr (described, ==, cases[i].described);
      g_assert_cmpint (styr_rules_task_overdue (task, NULL, &today), ==, cases[i].overdue);
    }

  /* Once fuldført, nothing counts down or is late. */
  {
    GDate late = day ("2020-02-01");
    g_autoptr(StyrTask) done = NULL;
    g_autoptr(StyrTaskState) state = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_null (styr_work_describe_due (&deadline, &late, TRUE));
    g_assert_true (styr_task_set_status (fixture->store, task, NULL, "completed", "mette", &late,
                                         NULL, &error));
    g_assert_no_error (error);
    state = load (fixture->store, "task-state:YR-OIR-MAP");
    g_assert_false (styr_rules_task_overdue (task, state, &late));
  }
}

static void
test_status_writes_and_history (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(StyrTask) task = load (fixture->store, "task:OIR-BASIS-02");
  g_autoptr(StyrTaskState) state = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *stale = NULL;
  GDate today = day ("2020-01-08");
  StyrRevisionInfo *latest;
  gboolean found = FALSE;

  g_assert_cmpstr (styr_task_next_status (NULL), ==, "started");
  g_assert_cmpstr (styr_task_next_status ("started"), ==, "completed");
  g_assert_cmpstr (styr_task_next_status ("completed"), ==, "not-started");

  g_assert_true (styr_task_set_status (fixture->store, task, NULL, "started", "mette", &today,
                                       &first, &error));
  g_assert_no_error (error);
  g_assert_true (styr_task_set_status (fixture->store, task, first, "completed", "mette", &today,
                                       &second, &error));
  g_assert_no_error (error);

  state = load (fixture->store, "task-state:OIR-BASIS-02");
  g_assert_cmpstr (styr_task_state_get_task (state), ==, "OIR-BASIS-02");
  g_assert_cmpstr (styr_task_state_get_status (state), ==, "completed");
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (state), "completed_on"), ==,
                   "2020-01-08");
  g_assert_true (styr_work_is_done (fixture->store, "task:OIR-BASIS-02"));

  /* A colleague's window still showing the first revision does not
   * overwrite the second. */
  g_assert_false (styr_task_set_status (fixture->store, task, first, "not-started", "anne",
                                        &today, NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "someone changed it"));
  g_clear_error (&error);
  stale = rev_of (fixture->store, "task-state:OIR-BASIS-02");
  g_assert_cmpstr (stale, ==, second);

  /* The audit trail says who moved it from påbegyndt to fuldført. */
  history = styr_store_get_history (fixture->store, "task-state:OIR-BASIS-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  latest = g_ptr_array_index (history, 0);
  g_assert_cmpstr (latest->author, ==, "mette");
  for (guint i = 0; i < latest->changes->len; i++)
    {
      StyrFieldChange *change = g_ptr_array_index (latest->changes, i);

      if (g_str_equal (change->field, "status"))
        {
          g_assert_cmpstr (json_node_get_string (change->before), ==, "started");
          g_assert_cmpstr (json_node_get_string (change->after), ==, "completed");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* Back to påbegyndt forgets the completion date. */
  g_assert_true (styr_task_set_status (fixture->store, task, second, "started", "mette", &today,
                                       NULL, &error));
  g_clear_object (&state);
  state = load (fixture->store, "task-state:OIR-BASIS-02");
  g_assert_null (styr_record_get_string (STYR_RECORD (state), "completed_on"));

  /* A state someone deleted (as an undo or a sync may) can be set again
   * by a user who sees no state at all. */
  {
    g_autofree char *live = rev_of (fixture->store, "task-state:OIR-BASIS-02");

    g_assert_true (styr_store_delete (fixture->store, "task-state:OIR-BASIS-02", live, "anne",
                                      NULL, &error));
    g_assert_true (styr_task_set_status (fixture->store, task, NULL, "started", "mette", &today,
                                         NULL, &error));
    g_assert_no_error (error);
  }

  /* A status KLIK does not have is refused and writes nothing. */
  g_free (stale);
  stale = rev_of (fixture->store, "task-state:OIR-BASIS-02");
  g_assert_false (styr_task_set_status (fixture->store, task, stale, "halfway", "mette", &today,
                                        NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "status"));
  g_clear_error (&error);
  g_free (second);
  second = rev_of (fixture->store, "task-state:OIR-BASIS-02");
  g_assert_cmpstr (second, ==, stale);
}

static void
test_blocking (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(StyrChecklistItem) test_item = load (fixture->store, "checklist-item:YR-3");
  g_autoptr(StyrChecklistItem) mapping = load (fixture->store, "checklist-item:YR-1");
  g_autoptr(StyrTask) task = load (fixture->store, "task:YR-OIR-MAP");
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonArray) depends = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) depends_on = NULL;
  g_auto(GStrv) blocked = NULL;
  g_auto(GStrv) unblocked = NULL;
  g_auto(GStrv) local_blocked = NULL;
  g_autofree char *title = NULL;
  g_autofree char *local_id = NULL;
  g_autoptr(StyrTask) local = NULL;
  GDate today = day ("2020-01-09");

  /* The nul-sums-posteringstest waits for the YR mapping. */
  depends_on = styr_checklist_item_dup_depends_on (test_item);
  blocked = styr_work_blocked_by (fixture->store, (const char * const *) depends_on);
  g_assert_cmpuint (g_strv_length (blocked), ==, 1);
  g_assert_cmpstr (blocked[0], ==, "checklist-item:YR-1");
  title = styr_work_title (fixture->store, blocked[0]);
  g_assert_nonnull (strstr (title, "Map YR-sortimentet"));

  g_assert_true (styr_checklist_item_set_done (fixture->store, mapping, NULL, TRUE, "mette",
                                               &today, NULL, &error));
  g_assert_no_error (error);
  unblocked = styr_work_blocked_by (fixture->store, (const char * const *) depends_on);
  g_assert_cmpuint (g_strv_length (unblocked), ==, 0);

  /* The item is the same step as the KLIK task YR-OIR-MAP: ticking it
   * completed the task. */
  g_assert_true (styr_work_is_done (fixture->store, "task:YR-OIR-MAP"));

  /* A local task can wait for a KLIK task; it stays blocked until the
   * KLIK task is fuldført, not merely påbegyndt. */
  json_array_add_string_element (depends, "task:YR-OIR-MAP");
  json_object_set_string_member (fields, "project", "YR");
  json_object_set_string_member (fields, "title", "Nul-sums-posteringstest");
  json_object_set_array_member (fields, "depends_on", json_array_ref (depends));
  g_assert_true (styr_task_save_local (fixture->store, NULL, NULL, fields, "mette", &local_id,
                                       &error));
  g_assert_no_error (error);
  local = load (fixture->store, local_id);
  g_strfreev (depends_on);
  depends_on = styr_task_dup_depends_on (local);
  {
    g_autofree char *completed_rev = rev_of (fixture->store, "task-state:YR-OIR-MAP");

    g_assert_true (styr_task_set_status (fixture->store, task, completed_rev, "started", "mette",
                                         &today, NULL, &error));
  }
  local_blocked = styr_work_blocked_by (fixture->store, (const char * const *) depends_on);
  g_assert_cmpuint (g_strv_length (local_blocked), ==, 1);
  g_strfreev (local_blocked);
  {
    g_autofree char *state_rev = rev_of (fixture->store, "task-state:YR-OIR-MAP");

    g_assert_true (styr_task_set_status (fixture->store, task, state_rev, "completed", "mette",
                                         &today, NULL, &error));
  }
  local_blocked = styr_work_blocked_by (fixture->store, (const char * const *) depends_on);
  g_assert_cmpuint (g_strv_length (local_blocked), ==, 0);
}

/* Every task KOMBIT counted adds up to the 98 municipalities, and the
 * bar's "ahead of you" follows from the counts. */
static void
test_national_counts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(StyrTask) kickoff = load (fixture->store, "task:OIR-BASIS-00");
  g_autoptr(GError) error = NULL;
  StyrNationalStatus national;
  guint counted = 0;

  ids = styr_store_find_ids (fixture->store, "task", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StyrTask) task = load (fixture->store, g_ptr_array_index (ids, i));

      if (!styr_task_get_national (task, &national))
        continue;
      g_assert_cmpint (national.completed + national.started + national.not_started, ==,
                       STYR_N_MUNICIPALITIES);
      /* KOMBIT's deck gives no day for its counts; none is made up. */
      g_assert_false (g_date_valid (&national.as_of));
      counted++;
    }
  g_assert_cmpuint (counted, ==, 3);

  g_assert_true (styr_task_get_national (kickoff, &national));
  g_assert_cmpint (national.completed, ==, 49);
  g_assert_cmpint (national.started, ==, 15);
  g_assert_cmpint (national.not_started, ==, 34);
  g_assert_cmpint (styr_task_national_ahead (&national, NULL), ==, 64);
  g_assert_cmpint (styr_task_national_ahead (&national, "not-started"), ==, 64);
  g_assert_cmpint (styr_task_national_ahead (&national, "started"), ==, 49);
  g_assert_cmpint (styr_task_national_ahead (&national, "completed"), ==, 0);
}

static void
test_local_tasks (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) change = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(StyrTask) task = NULL;
  g_autoptr(JsonObject) catalogue_task = NULL;
  g_autofree char *id = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *tombstone = NULL;
  g_autofree char *catalogue_rev = NULL;
  g_autofree char *catalogue_rev_after = NULL;

  /* A draft is the municipality's own, in its project, and not stored. */
  {
    g_autoptr(StyrTask) draft = styr_task_new_draft ("ØiR basisimplementering");

    g_assert_cmpstr (styr_record_get_id (STYR_RECORD (draft)), ==, STYR_TASK_DRAFT_ID);
    g_assert_true (styr_work_record_is_own (STYR_RECORD (draft)));
    g_assert_cmpstr (styr_task_get_project (draft), ==, "ØiR basisimplementering");
    g_assert_cmpstr (styr_task_get_title (draft), ==, "");
    g_assert_null (styr_store_get (fixture->store, STYR_TASK_DRAFT_ID, NULL, NULL));
  }

  json_object_set_string_member (fields, "project", "ØiR basisimplementering");
  json_object_set_string_member (fields, "title", "Book møde med økonomichefen");
  json_object_set_string_member (fields, "kind", "mandatory");
  json_object_set_string_member (fields, "deadline", "2020-01-20");
  /* Only a task's own fields are taken; its origin stays local. */
  json_object_set_string_member (fields, "origin", "catalogue");
  g_assert_true (styr_task_save_local (fixture->store, NULL, NULL, fields, "mette", &id, &error));
  g_assert_no_error (error);
  task = load (fixture->store, id);
  g_assert_true (styr_work_record_is_own (STYR_RECORD (task)));
  g_assert_cmpstr (styr_task_get_title (task), ==, "Book møde med økonomichefen");

  /* A deadline that is not a date is refused and nothing changes. */
  rev = rev_of (fixture->store, id);
  json_object_set_string_member (change, "deadline", "31/02/2020");
  g_assert_false (styr_task_save_local (fixture->store, id, rev, change, "mette", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "deadline"));
  g_clear_error (&error);

  json_object_set_string_member (change, "deadline", "2020-01-24");
  json_object_set_null_member (change, "kind");
  g_assert_true (styr_task_save_local (fixture->store, id, rev, change, "anne", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&task);
  task = load (fixture->store, id);
  g_assert_null (styr_task_get_kind (task));

  /* KOMBIT's tasks keep their catalogue fields. */
  catalogue_rev = rev_of (fixture->store, "task:OIR-BASIS-02");
  g_assert_false (styr_task_save_local (fixture->store, "task:OIR-BASIS-02", catalogue_rev,
                                        change, "mette", NULL, &error));
  g_assert_error (error, STYR_WORK_ERROR, STYR_WORK_ERROR_CATALOGUE);
  g_clear_error (&error);
  g_assert_false (styr_task_delete_local (fixture->store, "task:OIR-BASIS-02", catalogue_rev,
                                          "mette", NULL, &error));
  g_assert_error (error, STYR_WORK_ERROR, STYR_WORK_ERROR_CATALOGUE);
  g_clear_error (&error);
  catalogue_rev_after = rev_of (fixture->store, "task:OIR-BASIS-02");
  g_assert_cmpstr (catalogue_rev_after, ==, catalogue_rev);
  catalogue_task = styr_store_get (fixture->store, "task:OIR-BASIS-02", NULL, &error);
  g_assert_cmpstr (json_object_get_string_member (catalogue_task, "deadline"), ==, "2020-01-15");

  /* A local task goes to the trash, and comes back. */
  g_free (rev);
  rev = rev_of (fixture->store, id);
  g_assert_true (styr_task_delete_local (fixture->store, id, rev, "mette", &tombstone, &error));
  g_assert_no_error (error);
  g_assert_null (styr_store_get (fixture->store, id, NULL, NULL));
  trash = styr_store_list_deleted (fixture->store, "task", &error);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_true (styr_store_undo (fixture->store, id, tombstone, "mette", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&task);
  task = load (fixture->store, id);
  g_assert_nonnull (task);
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (task), "deadline"), ==, "2020-01-24");

  /* Withdrawn tasks stay, marked as KOMBIT marked them. */
  {
    g_autoptr(StyrTask) withdrawn = load (fixture->store, "task:MBP-RET-1");

    g_assert_cmpstr (styr_task_get_lifecycle (withdrawn), ==, "withdrawal-announced");
    g_assert_cmpstr (styr_task_lifecycle_label ("withdrawn"), ==, "Withdrawn");
  }
}

static void
test_erp_meeting (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *erp;
    int         day;
    int         hour;
  } cases[] = {
    { "KMD OPUS", 13, 13 },
    { "EG ØS Indsigt", 14, 9 },
    { "Fujitsu Prisme", 16, 9 },
  };
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length ((char **) styr_erp_systems ()), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = styr_erp_meeting_id (fixture->store, cases[i].erp, &error);
      g_autoptr(StyrMeeting) meeting = NULL;
      g_autoptr(GPtrArray) slots = NULL;
      StyrSlot *slot;

      g_assert_no_error (error);
      g_assert_nonnull (id);
      g_assert_cmpstr (styr_erp_systems ()[i], ==, cases[i].erp);
      meeting = load (fixture->store, id);
      g_assert_cmpstr (styr_meeting_get_kind (meeting), ==, "erp-vendor");
      slots = styr_meeting_dup_slots (meeting);
      slot = g_ptr_array_index (slots, 0);
      g_assert_cmpint (g_date_time_get_year (slot->start), ==, 2020);
      g_assert_cmpint (g_date_time_get_month (slot->start), ==, 1);
      g_assert_cmpint (g_date_time_get_day_of_month (slot->start), ==, cases[i].day);
      g_assert_cmpint (g_date_time_get_hour (slot->start), ==, cases[i].hour);
    }

  g_assert_null (styr_erp_meeting_id (fixture->store, "Other", &error));
  g_assert_no_error (error);
  g_assert_null (styr_erp_meeting_id (fixture->store, NULL, &error));
}

static void
tick (Fixture    *fixture,
      const char *id)
{
  g_autoptr(StyrChecklistItem) item = load (fixture->store, id);
  g_autoptr(GError) error = NULL;
  GDate today = day ("2019-12-20");

  g_assert_true (styr_checklist_item_set_done (fixture->store, item, NULL, TRUE, "mette", &today,
                                               NULL, &error));
  g_assert_no_error (error);
}

static void
count_changes (GArray *changes,
               guint   position,
               guint   removed,
               guint   added)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static void
count_notify (guint *notified)
{
  (*notified)++;
}

/* A checklist as its page lists it: a tick, a note or an edit changes the
 * entry in place, and an added or deleted item is one row in or out,
 * every other row staying the same object. */
static void
test_checklist_model (Fixture       *fixture,
                      gconstpointer  data)
{
  GDate today = day ("2019-12-20");
  g_autoptr(StyrClock) clock = styr_clock_new_fixed (&today);
  g_autoptr(StyrChecklistModel) model = NULL;
  g_autoptr(StyrChecklistModel) integrations = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) edit = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *own_id = NULL;
  g_autofree char *rev = NULL;
  StyrChecklistEntry *entry, *first;
  guint n, position, notified = 0;

  model = styr_checklist_model_new (fixture->store, clock, "CL-OIR-BASIS");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, 7);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_object_unref (first);
  entry = styr_checklist_model_find (model, "checklist-item:OIR-2", &position);
  g_assert_nonnull (entry);
  g_assert_false (styr_checklist_entry_get_done (entry));
  g_assert_null (styr_checklist_entry_get_state (entry));
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes), changes);
  g_signal_connect_swapped (entry, "notify::done", G_CALLBACK (count_notify), &notified);

  /* A tick: the same entry, done, by whom; no row in or out. */
  tick (fixture, "checklist-item:OIR-2");
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (styr_checklist_entry_get_done (entry));
  g_assert_cmpstr (styr_record_get_string (STYR_RECORD (styr_checklist_entry_get_state (entry)),
                                           "done_by"), ==, "mette");
  g_assert_true (styr_checklist_model_find (model, "checklist-item:OIR-2", NULL) == entry);
  g_assert_cmpuint (styr_checklist_model_get_n_done (model), ==, 1);

  /* An own item: one row in, at the end. */
  json_object_set_string_member (fields, "text", "Informer direktionen");
  g_assert_true (styr_checklist_add_item (fixture->store, "CL-OIR-BASIS", fields, "mette",
                                          &own_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, n);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 1);
  g_array_set_size (changes, 0);
  g_assert_true (styr_checklist_model_find (model, "checklist-item:OIR-2", NULL) == entry);
  entry = styr_checklist_model_find (model, own_id, &position);
  g_assert_cmpuint (position, ==, n);

  /* Re-worded: the same entry, with the newer item. */
  styr_store_get_status (fixture->store, own_id, &rev, NULL, NULL, NULL);
  json_object_set_string_member (edit, "text", "Informer direktionen og økonomi");
  g_assert_true (styr_checklist_update_item (fixture->store, own_id, rev, edit, "mette", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (styr_checklist_model_find (model, own_id, NULL) == entry);
  g_assert_cmpstr (styr_checklist_item_get_text (styr_checklist_entry_get_item (entry)), ==,
                   "Informer direktionen og økonomi");

  /* Deleted: that row out, the rest untouched. */
  g_clear_pointer (&rev, g_free);
  styr_store_get_status (fixture->store, own_id, &rev, NULL, NULL, NULL);
  g_assert_true (styr_checklist_delete_item (fixture->store, own_id, rev, "mette", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, n);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 0);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (model), 0) == (gpointer) first);
  g_object_unref (first);

  /* The integrations of every checklist, in a list of their own. */
  integrations = styr_checklist_model_new_integrations (fixture->store, clock);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (integrations)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (integrations)); i++)
    {
      g_autoptr(StyrChecklistEntry) one = g_list_model_get_item (G_LIST_MODEL (integrations), i);

      g_assert_nonnull (styr_checklist_item_get_integration (styr_checklist_entry_get_item (one)));
    }
}

/* A newer catalogue re-words one item and adds another: the ticks stay,
 * the texts follow the catalogue, and the changes are listed until the
 * user dismisses them. */
static void
test_template_merge (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrCatalogue) newer = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) after_dismiss = NULL;
  g_autoptr(StyrChecklistItemState) state = NULL;
  g_autoptr(StyrChecklistItem) reworded = NULL;
  g_autofree char *state_rev = NULL;
  g_autofree char *state_rev_after = NULL;
  g_autofree char *item_rev = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonArray *documents;
  JsonArray *revisions;
  JsonObject *added;
  guint done, total, done_after, total_after;
  StyrTemplateChange *change;

  changes = styr_checklist_template_changes (fixture->store, "CL-OIR-BASIS", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  tick (fixture, "checklist-item:OIR-2");
  tick (fixture, "checklist-item:OIR-3");
  state_rev = rev_of (fixture->store, "checklist-item-state:OIR-2");
  g_assert_true (styr_checklist_progress (fixture->store, "CL-OIR-BASIS", &done, &total, &error));
  g_assert_cmpuint (done, ==, 2);

  bytes = g_resources_lookup_data (RESOURCE_PATH "/catalogue.json", 0, &error);
  g_assert_no_error (error);
  root = styr_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  json_object_set_int_member (object, "version", json_object_get_int_member (object, "version") + 1);
  documents = json_object_get_array_member (object, "documents");
  item_rev = rev_of (fixture->store, "checklist-item:OIR-2");
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);

      if (!g_str_equal (json_object_get_string_member (doc, "_id"), "checklist-item:OIR-2"))
        continue;
      json_object_set_string_member (doc, "text", "Udpeg ØiR finans- og ØiR debitor-kontaktpersoner og deres stedfortrædere");
      revisions = json_array_new ();
      json_array_add_string_element (revisions, item_rev);
      json_object_set_array_member (doc, "_revisions", revisions);
    }
  added = json_object_new ();
  json_object_set_string_member (added, "_id", "checklist-item:OIR-8");
  json_object_set_string_member (added, "type", "checklist-item");
  json_object_set_string_member (added, "checklist", "CL-OIR-BASIS");
  json_object_set_int_member (added, "position", 16);
  json_object_set_string_member (added, "text", "Test ØiR-integrationerne");
  json_array_add_object_element (documents, added);

  text = json_to_string (root, FALSE);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (text, strlen (text));
  newer = styr_catalogue_new_from_bytes (bytes, "newer.json", &error);
  g_assert_no_error (error);
  g_assert_true (styr_catalogue_import (newer, fixture->store, NULL, &error));
  g_assert_no_error (error);

  /* The ticks are untouched … */
  state_rev_after = rev_of (fixture->store, "checklist-item-state:OIR-2");
  g_assert_cmpstr (state_rev_after, ==, state_rev);
  state = load (fixture->store, "checklist-item-state:OIR-2");
  g_assert_true (styr_checklist_item_state_get_done (state));
  g_assert_true (styr_checklist_progress (fixture->store, "CL-OIR-BASIS", &done_after,
                                          &total_after, &error));
  g_assert_cmpuint (done_after, ==, 2);
  g_assert_cmpuint (total_after, ==, total + 1);

  /* … the text is the catalogue's … */
  reworded = load (fixture->store, "checklist-item:OIR-2");
  g_assert_cmpstr (styr_checklist_item_get_text (reworded), ==,
                   "Udpeg ØiR finans- og ØiR debitor-kontaktpersoner og deres stedfortrædere");

  /* … and the changes are there to show. */
  changes = styr_checklist_template_changes (fixture->store, "CL-OIR-BASIS", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->item, ==, "checklist-item:OIR-2");
  g_assert_cmpstr (change->before, ==, "Udpeg ØiR finans- og ØiR debitor-kontaktpersoner og oplys dem til KOMBIT");
  g_assert_cmpstr (change->after, ==, "Udpeg ØiR finans- og ØiR debitor-kontaktpersoner og deres stedfortrædere");
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (change->item, ==, "checklist-item:OIR-8");
  g_assert_null (change->before);

  g_assert_true (styr_checklist_dismiss_template_changes (fixture->store, "CL-OIR-BASIS",
                                                          &error));
  after_dismiss = styr_checklist_template_changes (fixture->store, "CL-OIR-BASIS", &error);
  g_assert_cmpuint (after_dismiss->len, ==, 0);
}

static void
test_own_checklists (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *checklist_id = NULL;
  g_autofree char *item_id = NULL;
  guint done, total;

  g_assert_false (styr_checklist_save_local (fixture->store, "  ", "mette", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);

  g_assert_true (styr_checklist_save_local (fixture->store, "Lokal ØiR-test", "mette",
                                            &checklist_id, &error));
  g_assert_no_error (error);
  json_object_set_string_member (fields, "text", "Aftal testdato med økonomi");
  json_object_set_string_member (fields, "due", "2020-02-01");
  g_assert_true (styr_checklist_add_item (fixture->store, strchr (checklist_id, ':') + 1, fields,
                                          "mette", &item_id, &error));
  g_assert_no_error (error);
  json_object_set_string_member (fields, "text", "Gennemfør testen");
  json_object_remove_member (fields, "due");
  g_assert_true (styr_checklist_add_item (fixture->store, strchr (checklist_id, ':') + 1, fields,
                                          "mette", NULL, &error));

  items = styr_checklist_list_items (fixture->store, strchr (checklist_id, ':') + 1, &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (styr_record_get_id (g_ptr_array_index (items, 0)), ==, item_id);
  g_assert_cmpint (styr_checklist_item_get_position (g_ptr_array_index (items, 1)), ==, 2);
  tick (fixture, item_id);
  g_assert_true (styr_checklist_progress (fixture->store, strchr (checklist_id, ':') + 1, &done,
                                          &total, &error));
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (total, ==, 2);

  /* An item added to KOMBIT's template is the municipality's own too. */
  json_object_set_string_member (fields, "text", "Informer direktionen");
  g_assert_true (styr_checklist_add_item (fixture->store, "CL-OIR-BASIS", fields, "mette", NULL,
                                          &error));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = styr_checklist_list_items (fixture->store, "CL-OIR-BASIS", &error);
  g_assert_cmpstr (styr_checklist_item_get_text (g_ptr_array_index (items, items->len - 1)), ==,
                   "Informer direktionen");
}

static char *
item_rev (Fixture    *fixture,
          const char *id)
{
  g_autofree char *rev = NULL;
  g_autoptr(JsonObject) body = styr_store_get (fixture->store, id, &rev, NULL);

  g_assert_nonnull (body);
  return g_steal_pointer (&rev);
}

/* The municipality's own items can be re-worded, re-dated and deleted
 * (and the deletion undone); KOMBIT's cannot, and a stale edit is
 * refused. */
static void
test_edit_own_items (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) catalogue_items = NULL;
  g_autofree char *item_id = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *tombstone = NULL;
  StyrChecklistItem *item;
  StyrChecklistItem *kombit;
  GDate due;

  json_object_set_string_member (fields, "text", "Informer direktionen");
  json_object_set_string_member (fields, "due", "2020-02-01");
  g_assert_true (styr_checklist_add_item (fixture->store, "CL-OIR-BASIS", fields, "mette",
                                          &item_id, &error));
  g_assert_no_error (error);
  stale = item_rev (fixture, item_id);

  json_object_set_string_member (changes, "text", "Informer direktionen og økonomi");
  json_object_set_null_member (changes, "due");
  g_assert_true (styr_checklist_update_item (fixture->store, item_id, stale, changes, "mette",
                                             &error));
  g_assert_no_error (error);
  items = styr_checklist_list_items (fixture->store, "CL-OIR-BASIS", &error);
  item = g_ptr_array_index (items, items->len - 1);
  g_assert_cmpstr (styr_record_get_id (STYR_RECORD (item)), ==, item_id);
  g_assert_cmpstr (styr_checklist_item_get_text (item), ==, "Informer direktionen og økonomi");
  g_assert_false (styr_checklist_item_get_due (item, &due));

  /* What the user saw is older than what is there now. */
  json_object_set_string_member (changes, "text", "Noget andet");
  g_assert_false (styr_checklist_update_item (fixture->store, item_id, stale, changes, "mette",
                                              &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* An item needs a text. */
  rev = item_rev (fixture, item_id);
  json_object_set_string_member (changes, "text", "");
  g_assert_false (styr_checklist_update_item (fixture->store, item_id, rev, changes, "mette",
                                              &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* KOMBIT's items keep what the catalogue says. */
  catalogue_items = styr_checklist_list_items (fixture->store, "CL-OIR-BASIS", &error);
  kombit = g_ptr_array_index (catalogue_items, 0);
  {
    g_autofree char *kombit_rev = item_rev (fixture, styr_record_get_id (STYR_RECORD (kombit)));

    json_object_set_string_member (changes, "text", "Omskrevet");
    g_assert_false (styr_checklist_update_item (fixture->store,
                                                styr_record_get_id (STYR_RECORD (kombit)),
                                                kombit_rev, changes, "mette", &error));
    g_assert_error (error, STYR_WORK_ERROR, STYR_WORK_ERROR_CATALOGUE);
    g_clear_error (&error);
    g_assert_false (styr_checklist_delete_item (fixture->store,
                                                styr_record_get_id (STYR_RECORD (kombit)),
                                                kombit_rev, "mette", NULL, &error));
    g_assert_error (error, STYR_WORK_ERROR, STYR_WORK_ERROR_CATALOGUE);
    g_clear_error (&error);
  }

  /* Deleted, it leaves the checklist; undone, it is back as it was. */
  g_assert_true (styr_checklist_delete_item (fixture->store, item_id, rev, "mette", &tombstone,
                                             &error));
  g_assert_no_error (error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = styr_checklist_list_items (fixture->store, "CL-OIR-BASIS", &error);
  g_assert_cmpuint (items->len, ==, catalogue_items->len - 1);
  g_assert_true (styr_store_undo (fixture->store, item_id, tombstone, "mette", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = styr_checklist_list_items (fixture->store, "CL-OIR-BASIS", &error);
  g_assert_cmpuint (items->len, ==, catalogue_items->len);
  g_assert_cmpstr (styr_checklist_item_get_text (g_ptr_array_index (items, items->len - 1)), ==,
                   "Informer direktionen og økonomi");
}

static void
put (Fixture    *fixture,
     const char *id,
     const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (json);
  g_autoptr(JsonNode) node = NULL;

  g_strdelimit (text, "'", '"');
  node = styr_json_parse (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (styr_store_put (fixture->store, id, json_node_get_object (node), NULL, "mette",
                                 NULL, &error));
  g_assert_no_error (error);
}

static void
test_role_holder (Fixture       *fixture,
                  gconstpointer  data)
{
  GDate today = day ("2019-12-16");
  g_autofree char *nobody = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *left = NULL;
  g_autofree char *rev = NULL;

  nobody = styr_role_holder_name (fixture->store, "KOMBIT-PROGRAMLEDER", &today);
  g_assert_null (nobody);

  put (fixture, "person:p1", "{'type': 'person', 'name': 'Mette Hansen', 'active': true}");
  put (fixture, "assignment:a1",
       "{'type': 'assignment', 'role': 'KOMBIT-PROGRAMLEDER', 'holder': 'person:p1'}");
  holder = styr_role_holder_name (fixture->store, "KOMBIT-PROGRAMLEDER", &today);
  g_assert_cmpstr (holder, ==, "Mette Hansen");

  /* Someone who has left holds nothing. */
  rev = rev_of (fixture->store, "person:p1");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) body = json_object_new ();

    json_object_set_string_member (body, "type", "person");
    json_object_set_string_member (body, "name", "Mette Hansen");
    json_object_set_boolean_member (body, "active", FALSE);
    g_assert_true (styr_store_put (fixture->store, "person:p1", body, rev, "mette", NULL,
                                   &error));
  }
  left = styr_role_holder_name (fixture->store, "KOMBIT-PROGRAMLEDER", &today);
  g_assert_null (left);
}

static void
test_next_meeting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *later = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  GDate today = day ("2019-12-16");
  GDate date;

  /* No date chosen: the earliest still ahead, the next chance to attend. */
  g_assert_true (styr_next_programme_meeting (fixture->store, &today, &date, &id, &error));
  g_assert_cmpstr (id, ==, "meeting:PLM-2019-12");
  g_assert_cmpint (g_date_get_day (&date), ==, 16);
  today = day ("2019-12-17");
  g_assert_true (styr_next_programme_meeting (fixture->store, &today, &date, NULL, &error));
  g_assert_cmpint (g_date_get_day (&date), ==, 17);

  /* The 17th chosen: on the 17th December is still the next meeting, as
   * the Meetings page files it under upcoming. */
  json_object_set_int_member (changes, "chosen_slot", 1);
  g_assert_true (styr_work_update_state (fixture->store, "meeting-state:PLM-2019-12", NULL,
                                         changes, "mette", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (styr_next_programme_meeting (fixture->store, &today, &date, &later, &error));
  g_assert_cmpstr (later, ==, "meeting:PLM-2019-12");
  g_assert_cmpint (g_date_get_day (&date), ==, 17);
  g_clear_pointer (&later, g_free);

  today = day ("2019-12-18");
  g_assert_true (styr_next_programme_meeting (fixture->store, &today, &date, &later, &error));
  g_assert_cmpstr (later, ==, "meeting:PLM-2020-01");
  g_assert_cmpint (g_date_get_day (&date), ==, 30);

  today = day ("2026-11-27");
  g_assert_false (styr_next_programme_meeting (fixture->store, &today, &date, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/klik-and-oir/" name, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("deadline-around-midnight", test_deadline_around_midnight);
  ADD ("status-writes-and-history", test_status_writes_and_history);
  ADD ("blocking", test_blocking);
  ADD ("national-counts", test_national_counts);
  ADD ("local-tasks", test_local_tasks);
  ADD ("erp-meeting", test_erp_meeting);
  ADD ("template-merge", test_template_merge);
  ADD ("checklist-model", test_checklist_model);
  ADD ("own-checklists", test_own_checklists);
  ADD ("edit-own-items", test_edit_own_items);
  ADD ("role-holder", test_role_holder);
  ADD ("next-meeting", test_next_meeting);

  return g_test_run ();
}
