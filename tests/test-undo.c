/* test-undo.c: the window's undo stack over a real store: each action's
 * writes undone and redone as one, an older change undone by its toast,
 * and a colleague's edit never overwritten
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "store-fixture.h"
#include "styr-agreement-actions.h"
#include "styr-checklist-actions.h"
#include "styr-merge.h"
#include "styr-undo-stack.h"
#include "styr-work.h"

static GDate
day (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 16, G_DATE_DECEMBER, 2019);
  return today;
}

static char *
new_agreement (Fixture    *fixture,
               const char *id,
               const char *system)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *rev = NULL;

  json_object_set_string_member (body, "type", "agreement");
  json_object_set_string_member (body, "using_system", system);
  json_object_set_string_member (body, "supplier", "Leverandør A/S");
  json_object_set_string_member (body, "state", "requested");
  g_assert_true (styr_store_put (fixture->store, id, body, NULL, "anne", &rev, &error));
  g_assert_no_error (error);
  return rev;
}

static char *
state_of (Fixture    *fixture,
          const char *id,
          char      **rev)
{
  g_autoptr(JsonObject) body = styr_store_get (fixture->store, id, rev, NULL);

  return body != NULL ? g_strdup (json_object_get_string_member (body, "state")) : NULL;
}

/* The bug the issue names: after a rejection, Ctrl+Z brought back an
 * older deleted agreement. Now it undoes the rejection, and only it. */
static void
test_undo_last_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *old_rev = new_agreement (fixture, "agreement:B", "Gammelt system");
  g_autoptr(StyrUndoStack) stack = styr_undo_stack_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *state = NULL;
  g_autofree char *label = NULL;
  GDate today = day ();
  guint rejected;

  g_assert_true (styr_store_delete (fixture->store, "agreement:B", old_rev, "anne", NULL, &error));
  g_assert_cmpuint (styr_undo_stack_seal (stack, "Deleted"), >, 0);
  g_free (new_agreement (fixture, "agreement:A", "Fagsystem Ø"));
  g_assert_cmpuint (styr_undo_stack_seal (stack, "Added"), >, 0);
  g_free (state_of (fixture, "agreement:A", &rev));
  g_assert_true (styr_agreement_reject (fixture->store, "agreement:A", rev, "anne", &today, NULL,
                                        &error));
  g_assert_no_error (error);
  rejected = styr_undo_stack_seal (stack, "Rejected");
  g_assert_cmpuint (rejected, ==, styr_undo_stack_get_top (stack));

  g_assert_true (styr_undo_stack_undo (stack, 0, "anne", &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Rejected");
  state = state_of (fixture, "agreement:A", NULL);
  g_assert_cmpstr (state, ==, "requested");
  g_assert_null (styr_store_get (fixture->store, "agreement:B", NULL, NULL));
  g_assert_true (styr_undo_stack_get_can_redo (stack));

  /* Redo makes the rejection again; the undo itself is no new change. */
  g_clear_pointer (&state, g_free);
  g_clear_pointer (&label, g_free);
  g_assert_cmpuint (styr_undo_stack_seal (stack, NULL), ==, 0);
  g_assert_true (styr_undo_stack_redo (stack, "anne", &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Rejected");
  state = state_of (fixture, "agreement:A", NULL);
  g_assert_cmpstr (state, ==, "rejected");
  g_assert_false (styr_undo_stack_get_can_redo (stack));

  /* Undoing all three in turn takes everything back, the deletion too. */
  for (guint i = 0; i < 3; i++)
    {
      styr_undo_stack_undo (stack, 0, "anne", NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_null (styr_store_get (fixture->store, "agreement:A", NULL, NULL));
  g_clear_pointer (&state, g_free);
  state = state_of (fixture, "agreement:B", NULL);
  g_assert_cmpstr (state, ==, "requested");
  g_assert_false (styr_undo_stack_undo (stack, 0, "anne", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* One tick writes the item's state and completes the KLIK task it repeats:
 * one change, undone as one. A toast's Undo of an older change undoes that
 * change, not the newest. */
static void
test_undo_one_action (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(StyrUndoStack) stack = styr_undo_stack_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = styr_store_get (fixture->store, "checklist-item:OIR-1", NULL, NULL);
  g_autoptr(StyrRecord) item = styr_record_load ("checklist-item:OIR-1", NULL, body);
  g_autofree char *rev = new_agreement (fixture, "agreement:A", "Fagsystem Ø");
  g_autofree char *state = NULL;
  GDate today = day ();
  guint added, ticked;

  added = styr_undo_stack_seal (stack, "Added");
  g_assert_true (styr_checklist_item_set_done (fixture->store, STYR_CHECKLIST_ITEM (item), NULL,
                                               TRUE, "mette", &today, NULL, &error));
  g_assert_no_error (error);
  ticked = styr_undo_stack_seal (stack, NULL);
  g_assert_cmpuint (ticked, >, added);
  g_assert_true (styr_work_is_done (fixture->store, "task:OIR-BASIS-00"));

  g_assert_true (styr_undo_stack_undo (stack, ticked, "mette", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (styr_work_is_done (fixture->store, "checklist-item:OIR-1"));
  g_assert_false (styr_work_is_done (fixture->store, "task:OIR-BASIS-00"));
  g_assert_true (styr_undo_stack_redo (stack, "mette", NULL, &error));
  g_assert_true (styr_work_is_done (fixture->store, "checklist-item:OIR-1"));
  g_assert_true (styr_work_is_done (fixture->store, "task:OIR-BASIS-00"));

  /* The toast of the older change: the tick stays. */
  g_assert_true (styr_undo_stack_undo (stack, added, "mette", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (styr_store_get (fixture->store, "agreement:A", NULL, NULL));
  g_assert_true (styr_work_is_done (fixture->store, "task:OIR-BASIS-00"));
  g_assert_false (styr_undo_stack_undo (stack, added, "mette", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A colleague's revision on top: undo refuses, whole, and changes nothing;
 * what sync brings in is never in the stack. */
static void
test_undo_colleague (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(StyrUndoStack) stack = styr_undo_stack_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = new_agreement (fixture, "agreement:A", "Fagsystem Ø");
  g_autofree char *rev_b = new_agreement (fixture, "agreement:B", "Andet system");
  g_autoptr(JsonObject) theirs = styr_store_get (fixture->store, "agreement:A", NULL, NULL);
  g_auto(GStrv) ancestry = styr_store_get_ancestry (fixture->store, "agreement:A", rev, NULL);
  g_autoptr(GStrvBuilder) revisions = g_strv_builder_new ();
  g_auto(GStrv) chain = NULL;
  g_autofree char *state = NULL;
  g_autofree char *system = NULL;
  gboolean added = FALSE;

  g_assert_cmpuint (styr_undo_stack_seal (stack, "Added two"), >, 0);

  json_object_set_string_member (theirs, "state", "approved");
  g_strv_builder_add (revisions, "2-0123456789abcdef0123456789abcdef");
  g_strv_builder_addv (revisions, (const char **) ancestry);
  chain = g_strv_builder_end (revisions);
  g_assert_true (styr_store_put_revision (fixture->store, "agreement:A",
                                          (const char * const *) chain, theirs, FALSE, "karen",
                                          &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);
  g_assert_cmpuint (styr_undo_stack_seal (stack, NULL), ==, 0);

  g_assert_false (styr_undo_stack_undo (stack, 0, "anne", NULL, &error));
  g_assert_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Added two"));
  state = state_of (fixture, "agreement:A", NULL);
  g_assert_cmpstr (state, ==, "approved");
  /* All or none: B, which nobody touched, is still there. */
  g_assert_nonnull (styr_store_get (fixture->store, "agreement:B", NULL, NULL));
}

/* What one action writes becomes one change when the main loop is idle;
 * another window's writes are skipped. */
static void
test_undo_idle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(StyrUndoStack) stack = styr_undo_stack_new (fixture->store);

  g_free (new_agreement (fixture, "agreement:A", "Fagsystem Ø"));
  g_free (new_agreement (fixture, "agreement:B", "Andet system"));
  styr_undo_stack_notice (stack);
  g_assert_false (styr_undo_stack_get_can_undo (stack));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (styr_undo_stack_get_can_undo (stack));
  g_assert_true (styr_undo_stack_undo (stack, 0, NULL, NULL, NULL));
  g_assert_null (styr_store_get (fixture->store, "agreement:A", NULL, NULL));
  g_assert_null (styr_store_get (fixture->store, "agreement:B", NULL, NULL));

  g_free (new_agreement (fixture, "agreement:C", "Tredje system"));
  styr_undo_stack_skip (stack);
  g_assert_cmpuint (styr_undo_stack_seal (stack, NULL), ==, 0);

  /* Sync's merge of two versions is written here, but it is no change of
   * the user's to undo. */
  {
    g_autoptr(JsonObject) body = styr_store_get (fixture->store, "agreement:C", NULL, NULL);
    g_autofree char *rev = NULL;

    g_assert_true (styr_store_get_status (fixture->store, "agreement:C", &rev, NULL, NULL, NULL));
    json_object_set_string_member (body, "notes", "flettet");
    g_assert_true (styr_store_put (fixture->store, "agreement:C", body, rev,
                                   STYR_AUTHOR_AUTOMATIC_MERGE, NULL, NULL));
    g_assert_cmpuint (styr_undo_stack_seal (stack, NULL), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/undo/" name, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("last-change", test_undo_last_change);
  ADD ("one-action", test_undo_one_action);
  ADD ("colleague", test_undo_colleague);
  ADD ("idle", test_undo_idle);

  return g_test_run ();
}
