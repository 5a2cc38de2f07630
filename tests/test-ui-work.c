/* test-ui-work.c: the KLIK tasks and ØiR pages under a real display, on
 * the bundled catalogue as of 16 December 2019
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "styr-agreements-page.h"
#include "styr-checklist-actions.h"
#include "styr-checklist-row.h"
#include "styr-meeting-row.h"
#include "styr-role-row.h"
#include "styr-meeting-actions.h"
#include "styr-meetings-page.h"
#include "styr-oir-page.h"
#include "styr-overview-page.h"
#include "styr-overview-row.h"
#include "styr-summary-print.h"
#include "styr-roles-page.h"
#include "styr-task-actions.h"
#include "styr-tasks-page.h"
#include "styr-ui.h"
#include "styr-work.h"
#include "ui-helpers.h"

static StyrStore *
store_of (StyrApplication *app)
{
  return styr_application_get_store (app);
}

static char *
stored_string (StyrApplication *app,
               const char      *id,
               const char      *field)
{
  g_autoptr(JsonObject) body = styr_store_get (store_of (app), id, NULL, NULL);

  return body != NULL
         ? g_strdup (json_object_get_string_member_with_default (body, field, NULL)) : NULL;
}

/* Longer than an editor waits before it saves. */
static void
wait_saved (void)
{
  gint64 until = g_get_monotonic_time () + 2 * STYR_UI_SAVE_DELAY_MS * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  iterate ();
}

static GtkWidget *
show_page (StyrApplication *app,
           const char      *name,
           GType            type)
{
  StyrWindow *window = main_window (app);
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
  iterate ();
  page = find_descendant (GTK_WIDGET (window), type);
  g_assert_nonnull (page);
  return page;
}

static GtkDropDown *
dropdown_with_tooltip (GtkWidget  *root,
                       const char *tooltip)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (root, GTK_TYPE_DROP_DOWN, all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (all, i)), tooltip) == 0)
      return g_ptr_array_index (all, i);

  g_assert_not_reached ();
}

static void
choose (GtkDropDown *dropdown,
        const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        {
          gtk_drop_down_set_selected (dropdown, i);
          iterate ();
          return;
        }
    }

  g_assert_not_reached ();
}

/* The task ids the list shows now, in order. */
static GPtrArray *
shown_tasks (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (STYR_IS_TASK (item))
        g_ptr_array_add (ids, g_strdup (styr_record_get_id (STYR_RECORD (item))));
    }

  return ids;
}

static void
select_task (GtkWidget  *page,
             const char *id)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (STYR_IS_TASK (item) && g_str_equal (styr_record_get_id (STYR_RECORD (item)), id))
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), i);
          iterate ();
          return;
        }
    }

  g_assert_not_reached ();
}

/* The status button in the list row of @id, as the user sees it. */
static GtkWidget *
status_button (GtkWidget  *page,
               const char *id)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (find_descendant (page, GTK_TYPE_COLUMN_VIEW), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (buttons, i), "styr-task"), id) == 0 &&
        gtk_widget_get_visible (g_ptr_array_index (buttons, i)))
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

static const char *
label_text (GtkWidget *page,
            const char *contains)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (page, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (gtk_widget_is_drawable (g_ptr_array_index (labels, i)) && strstr (text, contains) != NULL)
        return text;
    }

  return NULL;
}

/* How many labels on screen say @contains. */
static guint
count_labels (GtkWidget  *page,
              const char *contains)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  collect (page, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (labels, i)) &&
        strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), contains) != NULL)
      n++;
  return n;
}

static GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* For what is worked out in the background, such as the Overview. */
static const char *
wait_for_label (GtkWidget  *page,
                const char *contains)
{
  for (guint i = 0; i < 500; i++)
    {
      const char *text = label_text (page, contains);

      if (text != NULL)
        return text;
      g_usleep (10 * 1000);
      iterate ();
    }
  return NULL;
}

static void
tasks_scenario (StyrApplication *app)
{
  GtkWidget *page = show_page (app, "tasks", STYR_TYPE_TASKS_PAGE);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonArray) depends = json_array_new ();
  g_autofree char *status = NULL;
  g_autofree char *completed_on = NULL;
  g_autofree char *local_id = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GPtrArray) history = NULL;

  /* Every catalogue task is listed, the withdrawn ones too, marked. */
  all = shown_tasks (page);
  g_assert_cmpuint (all->len, ==, 15);
  g_assert_true (g_ptr_array_find_with_equal_func (all, "task:MBP-RET-1", g_str_equal, NULL));

  choose (dropdown_with_tooltip (page, "Show the tasks of this project"),
          "ØiR basisimplementering");
  g_assert_nonnull (label_text (page, "4 days overdue"));

  /* One click on the status moves it to påbegyndt, another to fuldført. */
  select_task (page, "task:OIR-BASIS-02");
  g_assert_nonnull (label_text (page, "15-01-2020 (30 days left)"));
  g_signal_emit_by_name (status_button (page, "task:OIR-BASIS-02"), "clicked");
  iterate ();
  status = stored_string (app, "task-state:OIR-BASIS-02", "status");
  g_assert_cmpstr (status, ==, "started");
  g_assert_nonnull (label_text (page, "Your municipality: Started; 15 are further along"));

  g_signal_emit_by_name (status_button (page, "task:OIR-BASIS-02"), "clicked");
  iterate ();
  g_free (status);
  status = stored_string (app, "task-state:OIR-BASIS-02", "status");
  g_assert_cmpstr (status, ==, "completed");
  completed_on = stored_string (app, "task-state:OIR-BASIS-02", "completed_on");
  g_assert_cmpstr (completed_on, ==, "2019-12-16");

  /* Both changes are in the audit trail, under the user's name. */
  history = styr_store_get_history (store_of (app), "task-state:OIR-BASIS-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_nonnull (label_text (page, "Status: Started → Completed"));

  /* Overdue: the two tasks due on 12 December, not the completed one. */
  choose (dropdown_with_tooltip (page, "Show tasks by their deadline"), "Overdue");
  overdue = shown_tasks (page);
  g_assert_cmpuint (overdue->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (overdue, 0), ==, "task:OIR-BASIS-00");
  g_assert_cmpstr (g_ptr_array_index (overdue, 1), ==, "task:OIR-BASIS-01");
  g_assert_nonnull (label_text (page, "2 tasks match the filters"));
  gtk_widget_activate_action (page, "tasks.clear-filters", NULL);
  iterate ();
  g_clear_pointer (&all, g_ptr_array_unref);
  all = shown_tasks (page);
  g_assert_cmpuint (all->len, ==, 15);

  /* "New" makes nothing until the task has a title: abandoned, it leaves
   * no task; titled, it is made in the project chosen (here none: "Own
   * tasks") and stays in the detail, selected. */
  gtk_widget_activate_action (page, "tasks.new", NULL);
  iterate ();
  styr_page_save_edits (STYR_PAGE (page));
  gtk_widget_activate_action (page, "tasks.clear-filters", NULL);
  iterate ();
  g_clear_pointer (&all, g_ptr_array_unref);
  all = shown_tasks (page);
  g_assert_cmpuint (all->len, ==, 15);
  gtk_widget_activate_action (page, "tasks.new", NULL);
  iterate ();
  {
    GtkEditable *title = GTK_EDITABLE (entry_row_titled (page, "Title"));
    int start = 0, end = 0;
    int at = 5;

    /* Typed with the focus in the title, made and saved again while the
     * user goes on typing: the focus, the cursor and the text stay, and
     * nothing is selected for the next key to replace. */
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (title)) ||
                   gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (page)),
                                           GTK_WIDGET (title)));
    gtk_editable_set_text (title, "Aftal");
    gtk_editable_set_position (title, -1);
    wait_saved ();
    g_assert_false (gtk_editable_get_selection_bounds (title, &start, &end));
    gtk_editable_insert_text (title, " testdato", -1, &at);
    gtk_editable_set_position (title, -1);
    wait_saved ();
    g_assert_cmpstr (gtk_editable_get_text (title), ==, "Aftal testdato");
    g_assert_false (gtk_editable_get_selection_bounds (title, &start, &end));
    g_assert_cmpint (gtk_editable_get_position (title), ==, 14);
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (page)),
                                           GTK_WIDGET (title)));
  }
  g_clear_pointer (&all, g_ptr_array_unref);
  all = shown_tasks (page);
  g_assert_cmpuint (all->len, ==, 16);
  g_assert_nonnull (label_text (page, "Aftal testdato"));
  {
    g_autoptr(GPtrArray) own = styr_store_find_ids (store_of (app), "task", "title",
                                                    "Aftal testdato", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (own->len, ==, 1);
    gtk_widget_activate_action (page, "tasks.delete", NULL);
    iterate ();
    g_assert_null (styr_store_get (store_of (app), g_ptr_array_index (own, 0), NULL, NULL));
  }

  /* A task that waits for the YR mapping asks before it is completed. */
  json_object_set_string_member (fields, "project", "YR");
  json_object_set_string_member (fields, "title", "Nul-sums-posteringstest");
  json_array_add_string_element (depends, "task:YR-OIR-MAP");
  json_object_set_array_member (fields, "depends_on", json_array_ref (depends));
  g_assert_true (styr_task_save_local (store_of (app), NULL, NULL, fields, "test", &local_id,
                                       &error));
  g_assert_no_error (error);
  iterate ();
  select_task (page, local_id);
  g_assert_nonnull (label_text (page, "Blocked: “Mapning af YR sortiment"));
  /* The list says so too, and stops once the mapping is completed; its
   * row reads the states the page holds, not the store. */
  g_assert_nonnull (label_text (page, "Blocked · Own task"));
  {
    g_autoptr(JsonObject) completed = json_object_new ();
    g_autofree char *rev = NULL;

    json_object_set_string_member (completed, "status", "completed");
    g_assert_true (styr_work_update_state (store_of (app), "task-state:YR-OIR-MAP", NULL,
                                           completed, "test", &rev, &error));
    iterate ();
    g_assert_null (label_text (page, "Blocked · Own task"));
    json_object_set_string_member (completed, "status", "not-started");
    g_assert_true (styr_work_update_state (store_of (app), "task-state:YR-OIR-MAP", rev,
                                           completed, "test", NULL, &error));
    iterate ();
    g_assert_nonnull (label_text (page, "Blocked · Own task"));
  }
  /* A task that waits for a checklist item: the row is blocked until the
   * item is ticked, from the states the page read when it changed. */
  {
    g_autoptr(JsonObject) waiting = json_object_new ();
    g_autoptr(JsonArray) item = json_array_new ();
    g_autoptr(JsonObject) ticked = json_object_new ();
    g_autofree char *waiting_id = NULL;

    json_object_set_string_member (waiting, "project", "YR");
    json_object_set_string_member (waiting, "title", "Efter kontoplanen");
    json_array_add_string_element (item, "checklist-item:KSD-4");
    json_object_set_array_member (waiting, "depends_on", json_array_ref (item));
    g_assert_true (styr_task_save_local (store_of (app), NULL, NULL, waiting, "test", &waiting_id,
                                         &error));
    iterate ();
    g_assert_cmpuint (count_labels (page, "Blocked · Own task"), ==, 2);
    json_object_set_boolean_member (ticked, "done", TRUE);
    g_assert_true (styr_work_update_state (store_of (app), "checklist-item-state:KSD-4", NULL,
                                           ticked, "test", NULL, &error));
    g_assert_no_error (error);
    iterate ();
    g_assert_cmpuint (count_labels (page, "Blocked · Own task"), ==, 1);

    /* Put back as it was for what follows. */
    {
      g_autofree char *rev = NULL;
      g_autofree char *item_rev = NULL;

      styr_store_get_status (store_of (app), waiting_id, &rev, NULL, NULL, NULL);
      g_assert_true (styr_store_delete (store_of (app), waiting_id, rev, "test", NULL, &error));
      styr_store_get_status (store_of (app), "checklist-item-state:KSD-4", &item_rev, NULL, NULL,
                             NULL);
      json_object_set_boolean_member (ticked, "done", FALSE);
      g_assert_true (styr_work_update_state (store_of (app), "checklist-item-state:KSD-4",
                                             item_rev, ticked, "test", NULL, &error));
      g_assert_no_error (error);
      iterate ();
    }
  }
  {
    g_autoptr(GPtrArray) combos = g_ptr_array_new ();
    AdwComboRow *waits_for = NULL;
    GObject *chosen;

    /* The detail names the task it waits for in its choice of tasks. */
    collect (page, ADW_TYPE_COMBO_ROW, combos);
    for (guint i = 0; i < combos->len; i++)
      if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (combos, i)),
                       "Must be completed first"))
        waits_for = g_ptr_array_index (combos, i);
    g_assert_nonnull (waits_for);
    chosen = adw_combo_row_get_selected_item (waits_for);
    g_assert_true (STYR_IS_TASK (chosen));
    g_assert_cmpstr (styr_record_get_id (STYR_RECORD (chosen)), ==, "task:YR-OIR-MAP");
    /* The task shown is no choice: it cannot wait for itself. */
    {
      GListModel *choices = adw_combo_row_get_model (waits_for);
      guint n = g_list_model_get_n_items (choices);

      g_assert_cmpuint (n, >, 2);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) choice = g_list_model_get_item (choices, i);

          g_assert_false (STYR_IS_RECORD (choice) &&
                          g_str_equal (styr_record_get_id (STYR_RECORD (choice)), local_id));
        }
    }
  }
  /* The history says what changed in words: the task it waits for by its
   * title, never by its id, and not Styr's own bookkeeping. */
  {
    g_autoptr(JsonObject) change = json_object_new ();
    g_autoptr(JsonArray) other = json_array_new ();
    g_autofree char *rev = NULL;
    const char *line;

    styr_store_get_status (store_of (app), local_id, &rev, NULL, NULL, NULL);
    json_array_add_string_element (other, "task:OIR-BASIS-01");
    json_object_set_array_member (change, "depends_on", json_array_ref (other));
    g_assert_true (styr_task_save_local (store_of (app), local_id, rev, change, "test", NULL,
                                         &error));
    g_assert_no_error (error);
    iterate ();
    line = label_text (page, "Depends on: ");
    g_assert_nonnull (line);
    g_assert_nonnull (strstr (line, "Mapning af YR"));
    g_assert_null (strstr (line, "task:"));
    g_assert_null (label_text (page, "origin:"));
    g_assert_null (label_text (page, "lifecycle"));

    g_clear_pointer (&rev, g_free);
    styr_store_get_status (store_of (app), local_id, &rev, NULL, NULL, NULL);
    json_array_remove_element (other, 0);
    json_array_add_string_element (other, "task:YR-OIR-MAP");
    g_assert_true (styr_task_save_local (store_of (app), local_id, rev, change, "test", NULL,
                                         &error));
    iterate ();
  }
  /* A colleague's new task, and a new title for the task shown, which
   * moves it in the list it is left out of: what it waits for stays. */
  {
    g_autoptr(JsonObject) colleague = json_object_new ();
    g_autoptr(JsonObject) renamed = json_object_new ();
    g_autofree char *rev = NULL;
    g_autofree char *kept = NULL;
    AdwComboRow *waits = NULL;
    g_autoptr(GPtrArray) combos = g_ptr_array_new ();
    GObject *item;

    json_object_set_string_member (colleague, "project", "YR");
    json_object_set_string_member (colleague, "title", "Aftal adgang til testmiljøet");
    g_assert_true (styr_task_save_local (store_of (app), NULL, NULL, colleague, "kollega", NULL,
                                         &error));
    styr_store_get_status (store_of (app), local_id, &rev, NULL, NULL, NULL);
    json_object_set_string_member (renamed, "title", "Å nul-sums-posteringstest");
    g_assert_true (styr_task_save_local (store_of (app), local_id, rev, renamed, "test", NULL,
                                         &error));
    g_assert_no_error (error);
    iterate ();
    collect (page, ADW_TYPE_COMBO_ROW, combos);
    for (guint i = 0; i < combos->len; i++)
      if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (combos, i)),
                       "Must be completed first"))
        waits = g_ptr_array_index (combos, i);
    g_assert_nonnull (waits);
    item = adw_combo_row_get_selected_item (waits);
    g_assert_true (STYR_IS_RECORD (item));
    g_assert_cmpstr (styr_record_get_id (STYR_RECORD (item)), ==, "task:YR-OIR-MAP");
    g_usleep (STYR_UI_SAVE_DELAY_MS * 1500);
    iterate ();
    {
      g_autoptr(JsonObject) body = styr_store_get (store_of (app), local_id, NULL, NULL);

      kept = g_strdup (json_array_get_string_element (json_object_get_array_member (body,
                                                                                    "depends_on"),
                                                      0));
    }
    g_assert_cmpstr (kept, ==, "task:YR-OIR-MAP");
  }
  gtk_widget_activate_action (page, "tasks.set-status", "(ss)", local_id, "completed");
  iterate ();
  respond_to_dialog ("cancel");
  {
    g_autofree char *state_id = g_strconcat ("task-state:", strchr (local_id, ':') + 1, NULL);
    g_autofree char *after = NULL;

    g_assert_null (styr_store_get (store_of (app), state_id, NULL, NULL));
    gtk_widget_activate_action (page, "tasks.set-status", "(ss)", local_id, "completed");
    iterate ();
    respond_to_dialog ("complete");
    after = stored_string (app, state_id, "status");
    g_assert_cmpstr (after, ==, "completed");
  }

  /* Its fields are edited in the detail pane and saved as the user types,
   * with no Save; the notes go to the municipality's state beside it. */
  {
    AdwEntryRow *title = entry_row_titled (page, "Title");
    AdwEntryRow *deadline = entry_row_titled (page, "Deadline (day-month-year)");
    GtkTextView *notes = GTK_TEXT_VIEW (find_descendant (page, GTK_TYPE_TEXT_VIEW));
    g_autofree char *saved_title = NULL;
    g_autofree char *saved_deadline = NULL;
    g_autofree char *saved_notes = NULL;
    g_autofree char *state_id = g_strconcat ("task-state:", strchr (local_id, ':') + 1, NULL);
    gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    gtk_editable_set_text (GTK_EDITABLE (title), "Nul-sums-posteringstest med økonomi");
    gtk_editable_set_text (GTK_EDITABLE (deadline), "31-01-2020");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Aftalt med bogholderiet", -1);
    while (g_get_monotonic_time () < until &&
           (saved_notes = stored_string (app, state_id, "notes")) == NULL)
      g_main_context_iteration (NULL, FALSE);
    iterate ();
    saved_title = stored_string (app, local_id, "title");
    saved_deadline = stored_string (app, local_id, "deadline");
    g_assert_cmpstr (saved_title, ==, "Nul-sums-posteringstest med økonomi");
    g_assert_cmpstr (saved_deadline, ==, "2020-01-31");
    g_assert_cmpstr (saved_notes, ==, "Aftalt med bogholderiet");

    /* A deadline that is no date is marked and kept in the form, not
     * stored; leaving the task says so, and the rest is saved. */
    gtk_editable_set_text (GTK_EDITABLE (deadline), "30-02-2020");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Aftalt med økonomi", -1);
    styr_page_save_edits (STYR_PAGE (page));
    iterate ();
    g_free (saved_title);
    g_free (saved_deadline);
    g_free (saved_notes);
    saved_title = stored_string (app, local_id, "title");
    saved_deadline = stored_string (app, local_id, "deadline");
    saved_notes = stored_string (app, state_id, "notes");
    g_assert_cmpstr (saved_title, ==, "Nul-sums-posteringstest med økonomi");
    g_assert_cmpstr (saved_deadline, ==, "2020-01-31");
    g_assert_cmpstr (saved_notes, ==, "Aftalt med økonomi");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (deadline), "error"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline)), ==, "30-02-2020");
    g_assert_nonnull (label_text (GTK_WIDGET (main_window (app)), "“30-02-2020” is not a date"));
    gtk_editable_set_text (GTK_EDITABLE (deadline), "31-01-2020");
    styr_page_save_edits (STYR_PAGE (page));
    iterate ();
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (deadline), "error"));

    /* The keyboard sets the selected task's status: Ctrl+2 is påbegyndt. */
    gtk_widget_activate_action (page, "tasks.status-selected", "s", "started");
    iterate ();
    g_free (saved_notes);
    saved_notes = stored_string (app, state_id, "status");
    g_assert_cmpstr (saved_notes, ==, "started");

    /* Ctrl+Z takes the status back, and Ctrl+Shift+Z sets it again. */
    gtk_widget_activate_action (GTK_WIDGET (gtk_widget_get_root (page)), "win.undo", NULL);
    iterate ();
    g_free (saved_notes);
    saved_notes = stored_string (app, state_id, "status");
    g_assert_cmpstr (saved_notes, !=, "started");
    gtk_widget_activate_action (GTK_WIDGET (gtk_widget_get_root (page)), "win.redo", NULL);
    iterate ();
    g_free (saved_notes);
    saved_notes = stored_string (app, state_id, "status");
    g_assert_cmpstr (saved_notes, ==, "started");
  }

  /* An own task goes to the trash, and the toast brings it back. */
  gtk_widget_activate_action (page, "tasks.delete", NULL);
  iterate ();
  g_assert_null (styr_store_get (store_of (app), local_id, NULL, NULL));
  gtk_widget_activate_action (GTK_WIDGET (gtk_widget_get_root (page)), "win.undo", NULL);
  iterate ();
  restored = stored_string (app, local_id, "title");
  g_assert_cmpstr (restored, ==, "Nul-sums-posteringstest med økonomi");

  quit (app);
}

static GtkCheckButton *
check_of (GtkWidget  *page,
          const char *item_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (page, STYR_TYPE_CHECKLIST_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      StyrChecklistRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (styr_checklist_entry_get_id (styr_checklist_row_get_entry (row)), item_id) == 0)
        return styr_checklist_row_get_check (row);
    }

  g_assert_not_reached ();
}

static void
oir_scenario (StyrApplication *app)
{
  GtkWidget *page = show_page (app, "oir", STYR_TYPE_OIR_PAGE);
  AdwComboRow *erp;
  GtkWidget *group;
  g_autofree char *done_by = NULL;
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(JsonObject) blocked_state = NULL;
  GtkAdjustment *adjustment = NULL;
  double scrolled_to = 0;

  group = find_group_titled (page, "ØiR basisimplementering");
  g_assert_nonnull (group);
  /* KLIK task 02, completed on the KLIK page, is the same step as the
   * item "Organiser jer i relation til ØiR". */
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "1 of 7 items done");

  /* Ticking the kick-off is a write under the user's name; it is the same
   * step as KLIK task 00, which it completes. */
  gtk_check_button_set_active (check_of (page, "checklist-item:OIR-1"), TRUE);
  iterate ();
  state = styr_store_get (store_of (app), "task-state:OIR-BASIS-00", NULL, NULL);
  g_assert_nonnull (state);
  g_assert_cmpstr (json_object_get_string_member (state, "status"), ==, "completed");
  g_assert_cmpstr (json_object_get_string_member (state, "completed_on"), ==, "2019-12-16");
  g_assert_nonnull (label_text (page, "One step with the KLIK task"));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "2 of 7 items done");

  /* An item that is only a part of a task is ticked on its own, by the
   * keyboard: its row redraws in place, with the focus on its check and
   * the page where it was; no other row is made anew. */
  {
    GtkCheckButton *check = check_of (page, "checklist-item:OIR-2");
    GtkCheckButton *other = check_of (page, "checklist-item:OIR-3");
    GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), STYR_TYPE_CHECKLIST_ROW);
    GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (find_descendant (page, GTK_TYPE_SCROLLED_WINDOW)));
    double at;

    gtk_widget_grab_focus (GTK_WIDGET (check));
    wait_frames ();
    at = gtk_adjustment_get_value (scroll);
    g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
    iterate ();
    wait_frames ();
    g_assert_true (gtk_check_button_get_active (check));
    g_assert_true (check_of (page, "checklist-item:OIR-2") == check);
    g_assert_true (check_of (page, "checklist-item:OIR-3") == other);
    g_assert_true (gtk_widget_get_parent (row) != NULL);
    g_assert_true (gtk_root_get_focus (gtk_widget_get_root (page)) == GTK_WIDGET (check));
    g_assert_cmpfloat (fabs (gtk_adjustment_get_value (scroll) - at), <, 1);
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Due"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Done by "));
  }
  g_clear_pointer (&state, json_object_unref);
  state = styr_store_get (store_of (app), "checklist-item-state:OIR-2", NULL, NULL);
  g_assert_nonnull (state);
  g_assert_true (json_object_get_boolean_member (state, "done"));
  g_assert_cmpstr (json_object_get_string_member (state, "done_on"), ==, "2019-12-16");
  done_by = g_strdup (json_object_get_string_member (state, "done_by"));
  g_assert_nonnull (done_by);

  /* A note on the item goes to its state, beside the tick. */
  {
    GtkWindow *dialog;
    AdwEntryRow *note;
    g_autoptr(JsonObject) noted = NULL;

    gtk_widget_activate_action (page, "oir.edit-item", "s", "checklist-item:OIR-1");
    iterate ();
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    note = entry_row_titled (GTK_WIDGET (dialog), "Note");
    gtk_editable_set_text (GTK_EDITABLE (note), "Kick-off holdt med bogholderiet");
    respond_to_dialog ("accept");
    noted = styr_store_get (store_of (app), "checklist-item-state:OIR-1", NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (noted, "note"), ==,
                     "Kick-off holdt med bogholderiet");
  }

  /* An own item: added, re-worded and re-dated in its dialog, where a bad
   * date is refused; then deleted, and the deletion undone. KOMBIT's items
   * offer no text to change. */
  {
    GtkWindow *dialog;
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) fields = json_object_new ();
    g_autofree char *own_id = NULL;
    g_autoptr(JsonObject) body = NULL;

    gtk_widget_activate_action (page, "oir.edit-item", "s", "checklist-item:OIR-1");
    iterate ();
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    /* KOMBIT's item gets a note; its text and its deletion are not
     * offered. */
    g_assert_false (gtk_widget_is_visible (GTK_WIDGET (entry_row_titled (GTK_WIDGET (dialog),
                                                                         "Text"))));
    g_assert_false (gtk_widget_is_visible (GTK_WIDGET (button_labelled (GTK_WIDGET (dialog),
                                                                        "_Delete"))));
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (entry_row_titled (GTK_WIDGET (dialog),
                                                                        "Note"))));
    respond_to_dialog ("cancel");

    json_object_set_string_member (fields, "text", "Informer direktionen");
    g_assert_true (styr_checklist_add_item (store_of (app), "CL-OIR-BASIS", fields, "test",
                                            &own_id, &error));
    g_assert_no_error (error);
    iterate ();
    g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (find_group_titled (page, "ØiR basisimplementering"))),
                     ==, "3 of 8 items done");

    gtk_widget_activate_action (page, "oir.edit-item", "s", own_id);
    iterate ();
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    /* A date that is none is marked and said under the field, and the
     * dialog cannot be sent: what was typed stays to be put right. */
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (dialog), "Due")), "31-02-2020");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row_titled (GTK_WIDGET (dialog),
                                                                           "Due")), "error"));
    g_assert_nonnull (label_text (GTK_WIDGET (dialog), "“31-02-2020” is not a date"));
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                             "accept"));
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (dialog), "Text")), "");
    g_assert_nonnull (label_text (GTK_WIDGET (dialog), "This cannot be empty."));
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (dialog), "Text")),
                           "Informer direktionen");
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (dialog), "Due")), "");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                            "accept"));
    respond_to_dialog ("cancel");
    body = styr_store_get (store_of (app), own_id, NULL, NULL);
    g_assert_false (json_object_has_member (body, "due"));
    g_clear_pointer (&body, json_object_unref);

    gtk_widget_activate_action (page, "oir.edit-item", "s", own_id);
    iterate ();
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (dialog), "Text")),
                           "Informer direktionen og økonomi");
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (dialog), "Due")), "20-01-2020");
    respond_to_dialog ("accept");
    body = styr_store_get (store_of (app), own_id, NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (body, "text"), ==,
                     "Informer direktionen og økonomi");
    g_assert_cmpstr (json_object_get_string_member (body, "due"), ==, "2020-01-20");
    g_assert_nonnull (label_text (page, "Informer direktionen og økonomi"));

    /* Delete stands apart from Save, in the dialog's content. */
    /* Scrolled down the page, the user stays there when the lists are
     * built anew after a deletion, and again after its undo. */
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_descendant (page,
                                                                          GTK_TYPE_SCROLLED_WINDOW));

      adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
      wait_frames ();
      scrolled_to = gtk_adjustment_get_value (adjustment);
      g_assert_cmpfloat (scrolled_to, >, 100);
    }
    /* The user works on the item: the focus is in its row. */
    gtk_widget_grab_focus (GTK_WIDGET (check_of (page, own_id)));
    wait_frames ();
    scrolled_to = gtk_adjustment_get_value (adjustment);
    gtk_widget_activate_action (page, "oir.edit-item", "s", own_id);
    iterate ();
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (button_labelled (GTK_WIDGET (dialog), "_Delete"));
    g_signal_emit_by_name (button_labelled (GTK_WIDGET (dialog), "_Delete"), "clicked");
    iterate ();
    wait_frames ();
    g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - scrolled_to), <, 1);
    g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_null (styr_store_get (store_of (app), own_id, NULL, NULL));
    g_assert_null (label_text (page, "Informer direktionen og økonomi"));
    gtk_widget_activate_action (GTK_WIDGET (gtk_widget_get_root (page)), "win.undo", NULL);
    iterate ();
    wait_frames ();
    g_assert_nonnull (label_text (page, "Informer direktionen og økonomi"));
    g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - scrolled_to), <, 1);
  }

  /* The nul-sums test waits for the YR mapping: cancelling keeps it open. */
  gtk_check_button_set_active (check_of (page, "checklist-item:YR-3"), TRUE);
  iterate ();
  respond_to_dialog ("cancel");
  g_assert_false (gtk_check_button_get_active (check_of (page, "checklist-item:YR-3")));
  blocked_state = styr_store_get (store_of (app), "checklist-item-state:YR-3", NULL, NULL);
  g_assert_null (blocked_state);

  /* YR and KSD have lists of their own, and Pejlemærke 3 is not here.
   * Each line says whose words it is. */
  g_assert_nonnull (find_group_titled (page, "ØiR/Ydelsesrefusion"));
  g_assert_nonnull (find_group_titled (page, "ØiR/KSD"));
  g_assert_null (find_group_titled (page, "Pejlemærke 3: Styr på anvendelsen af data"));
  {
    GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check_of (page, "checklist-item:OIR-6")),
                                              ADW_TYPE_ACTION_ROW);
    GtkWidget *kombit_row = gtk_widget_get_ancestor (GTK_WIDGET (check_of (page,
                                                                          "checklist-item:OIR-1")),
                                                     ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (label_text (row, "Styr’s suggestion"));
    g_assert_null (label_text (row, "KOMBIT"));
    g_assert_nonnull (label_text (kombit_row, "KOMBIT"));
  }

  /* The ERP system picks the KSD meeting. */
  erp = ADW_COMBO_ROW (find_descendant (page, ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (erp, 2);
  iterate ();
  g_assert_nonnull (label_text (page, "14-01-2020, 09:30–11:30"));
  adw_combo_row_set_selected (erp, 1);
  iterate ();
  g_assert_nonnull (label_text (page, "13-01-2020, 13:00–15:00"));

  quit (app);
}

/* Pejlemærke 3 stands with the service agreements: ticking an item there
 * is a write under the user's name, and the group counts it. */
static void
pejlemaerke_scenario (StyrApplication *app)
{
  GtkWidget *page = show_page (app, "agreements", STYR_TYPE_AGREEMENTS_PAGE);
  GtkWidget *group = find_group_titled (page, "Pejlemærke 3: Styr på anvendelsen af data");
  GtkStack *details = GTK_STACK (gtk_widget_get_ancestor (group, GTK_TYPE_STACK));
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(JsonObject) state = NULL;
  guint suggestions = 0;

  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "0 of 5 items done");
  /* Its button gives it the detail pane. */
  gtk_widget_activate_action (page, "agreements.show-pejlemaerke", NULL);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (details), ==, "pejlemaerke");
  g_assert_true (gtk_widget_is_drawable (group));
  collect (group, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "Vedligehold serviceaftalerne");
  collect (group, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    suggestions += g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)),
                                "Styr’s suggestion");
  g_assert_cmpuint (suggestions, ==, 2);

  collect (group, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 5);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  iterate ();
  state = styr_store_get (store_of (app), "checklist-item-state:P3-1", NULL, NULL);
  g_assert_nonnull (state);
  g_assert_true (json_object_get_boolean_member (state, "done"));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "1 of 5 items done");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)),
                                   "Done by "));

  quit (app);
}

static void
roles_scenario (StyrApplication *app)
{
  GtkWidget *page = show_page (app, "roles", STYR_TYPE_ROLES_PAGE);
  GtkWidget *roles = find_group_titled (page, "Roles");
  GtkWindow *dialog;
  AdwEntryRow *name;

  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (roles)), ==,
                   "12 roles: 12 vacant, 0 with gaps");

  /* On 16 December no date of the December meeting is chosen yet: the
   * desktop was told so at start. */
  {
    g_autofree char *sent = NULL;

    for (guint i = 0; i < 50 && (sent == NULL || sent[0] == '\0'); i++)
      {
        g_free (sent);
        sent = read_notifications ();
        g_usleep (20 * 1000);
      }
    g_assert_nonnull (strstr (sent, "Choose a date for Programledermøde december 2019"));
  }

  /* A person is added through the dialog … */
  gtk_widget_activate_action (page, "roles.add-person", NULL);
  iterate ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  name = entry_row_titled (GTK_WIDGET (dialog), "Name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Mette Hansen");
  respond_to_dialog ("accept");
  g_assert_cmpint (styr_store_count_of_type (store_of (app), "person", NULL), ==, 1);

  /* … and made aftalegodkender: the role is no longer vacant. Its row
   * redraws in place, and the role the user opened to read stays open:
   * no row is made anew. */
  g_assert_true (styr_page_select_record (STYR_PAGE (page), "role:INFRASTRUKTURANSVARLIG"));
  {
    g_autoptr(GPtrArray) before = g_ptr_array_new ();
    g_autoptr(GPtrArray) after = g_ptr_array_new ();

    collect (page, STYR_TYPE_ROLE_ROW, before);
    gtk_widget_activate_action (page, "roles.assign", "s", "STS-AFTALEGODKENDER");
    iterate ();
    respond_to_dialog ("accept");
    iterate ();
    collect (page, STYR_TYPE_ROLE_ROW, after);
    g_assert_cmpuint (after->len, ==, before->len);
    for (guint i = 0; i < after->len; i++)
      g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));
  }
  roles = find_group_titled (page, "Roles");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (roles)), ==,
                   "12 roles: 11 vacant, 1 with gaps");
  g_assert_nonnull (label_text (page, "Mette Hansen · no deputy"));
  {
    g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
    guint open = 0;

    collect (page, ADW_TYPE_EXPANDER_ROW, expanders);
    for (guint i = 0; i < expanders->len; i++)
      if (adw_expander_row_get_expanded (g_ptr_array_index (expanders, i)))
        {
          open++;
          g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (expanders, i)), ==,
                           "Infrastrukturansvarlig");
        }
    g_assert_cmpuint (open, ==, 1);
  }

  /* The KLIK tasks page names the holder of a task's role, or says the
   * role is vacant. */
  {
    g_autoptr(JsonObject) changes = json_object_new ();
    g_autoptr(GError) error = NULL;
    GtkWidget *tasks;

    json_object_set_string_member (changes, "role", "STS-AFTALEGODKENDER");
    g_assert_true (styr_work_update_state (store_of (app), "task-state:OIR-BASIS-02", NULL,
                                           changes, "test", NULL, &error));
    json_object_set_string_member (changes, "role", "INFRASTRUKTURANSVARLIG");
    g_assert_true (styr_work_update_state (store_of (app), "task-state:OIR-BASIS-01", NULL,
                                           changes, "test", NULL, &error));
    tasks = show_page (app, "tasks", STYR_TYPE_TASKS_PAGE);
    choose (dropdown_with_tooltip (tasks, "Show the tasks of this project"),
            "ØiR basisimplementering");
    g_assert_nonnull (label_text (tasks, "Kommunens aftalegodkender i STS Administrationsmodul "
                                         "(Mette Hansen)"));
    g_assert_nonnull (label_text (tasks, "Infrastrukturansvarlig (vacant)"));
  }

  /* Someone not in the list yet is added from the assignment itself and
   * becomes its holder. */
  {
    GtkWindow *assign;
    GtkWindow *person;
    AdwComboRow *holder = NULL;
    g_autoptr(GPtrArray) combos = g_ptr_array_new ();
    g_autofree char *holder_name = NULL;

    show_page (app, "roles", STYR_TYPE_ROLES_PAGE);
    /* A dialog closed gives the focus back where it was, not to a tab. */
    {
      GtkWidget *button = NULL;
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      collect (page, GTK_TYPE_BUTTON, buttons);
      for (guint i = 0; i < buttons->len && button == NULL; i++)
        if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                       "roles.assign") == 0 && gtk_widget_is_drawable (g_ptr_array_index (buttons, i)))
          button = g_ptr_array_index (buttons, i);
      g_assert_nonnull (button);
      gtk_widget_grab_focus (button);
      g_signal_emit_by_name (button, "clicked");
      iterate ();
      assign = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_nonnull (assign);
      respond_to_dialog ("cancel");
      g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (main_window (app))) == button);
    }
    gtk_widget_activate_action (page, "roles.assign", "s", "KOMBIT-PROGRAMLEDER");
    iterate ();
    assign = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (assign);
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (assign),
                                                            "accept"));
    gtk_widget_activate_action (GTK_WIDGET (assign), "assign.add-person", NULL);
    iterate ();
    person = NULL;
    {
      GList *toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && l->data != (gpointer) assign &&
            gtk_widget_get_visible (l->data))
          person = l->data;
      g_list_free (toplevels);
    }
    g_assert_nonnull (person);
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (person), "Name")),
                           "Karen Holm");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (person), "accept");
    iterate ();
    collect (GTK_WIDGET (assign), ADW_TYPE_COMBO_ROW, combos);
    for (guint i = 0; i < combos->len; i++)
      if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (combos, i)), "Holder"))
        holder = g_ptr_array_index (combos, i);
    g_assert_nonnull (holder);
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (holder)));
    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (holder)), ==,
                     "Karen Holm");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (assign), "accept");
    iterate ();
    {
      g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (page));

      holder_name = styr_role_holder_name (store_of (app), "KOMBIT-PROGRAMLEDER",
                                           &context->today);
    }
    g_assert_cmpstr (holder_name, ==, "Karen Holm");
  }

  quit (app);
}

static void
select_meeting (GtkListBox *list,
                const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (STYR_IS_MEETING_ROW (row) &&
        g_strcmp0 (styr_meeting_entry_get_id (styr_meeting_row_get_entry (STYR_MEETING_ROW (row))),
                   id) == 0)
      gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
  iterate ();
}

static void
meetings_scenario (StyrApplication *app)
{
  GtkWidget *page = show_page (app, "meetings", STYR_TYPE_MEETINGS_PAGE);
  /* The list of meetings, not one of the editor's groups. */
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (find_descendant (page,
                                                                           STYR_TYPE_MEETING_ROW)));
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(JsonObject) invited = NULL;
  GtkWidget *dates;
  GtkCheckButton *first_date = NULL;
  static const char broken[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
  static const char invitation[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//KOMBIT//DA\r\nBEGIN:VEVENT\r\n"
    "UID:x\r\nDTSTAMP:20200123T090000Z\r\nDTSTART:20200130T093000Z\r\n"
    "DTEND:20200130T110000Z\r\nSUMMARY:Programledermøde januar 2020\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";

  /* December's: the agenda's sub-items, the four from KOMBIT, whom to
   * write to and where it comes from. */
  select_meeting (list, "meeting:PLM-2019-12");
  g_assert_nonnull (label_text (page, "• KLIK-opgaver ØiR/KSD"));
  g_assert_nonnull (label_text (page, "Mette Vinther Poulsen, Sonny Thorndal Pedersen, "
                                      "Lars Guld Fuglsang, Karin Hindø"));
  g_assert_nonnull (label_text (page, "implementering@kombit.dk"));
  g_assert_nonnull (label_text (page, "KOMBIT’s: Præsentation fra programledermødet december "
                                      "2019, 16-12-2019"));

  /* Choosing a date redraws the meeting's own row, which stays selected:
   * no row is made anew. */
  {
    GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

    gtk_widget_activate_action (page, "meetings.choose-slot", "(si)", "meeting:PLM-2019-12", 1);
    iterate ();
    g_assert_true (gtk_list_box_get_selected_row (list) == row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "17-12-2019 · date chosen");
    gtk_widget_activate_action (GTK_WIDGET (gtk_widget_get_root (page)), "win.undo", NULL);
    iterate ();
    g_assert_true (gtk_list_box_get_selected_row (list) == row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "16-12-2019 or 17-12-2019 · choose a date");
  }

  /* May's note on its second date is Styr's, under Styr's heading. */
  select_meeting (list, "meeting:PLM-2020-05");
  g_assert_nonnull (label_text (page, "Notes added by Styr, not KOMBIT’s"));
  g_assert_nonnull (label_text (page, "slåfejl for 26/5"));
  g_assert_null (label_text (page, "KOMBIT’s notes"));

  /* Own notes need no Save: typed into May's and left at once for
   * January's, they are kept; and a reload while typing keeps the view. */
  {
    GtkWidget *view = find_descendant (page, GTK_TYPE_TEXT_VIEW);
    g_autoptr(JsonObject) may = NULL;

    g_assert_nonnull (view);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                              "Spørg om YR-testen", -1);
    select_meeting (list, "meeting:PLM-2020-01");
    may = styr_store_get (store_of (app), "meeting-state:PLM-2020-05", NULL, NULL);
    g_assert_nonnull (may);
    g_assert_cmpstr (json_object_get_string_member (may, "notes"), ==, "Spørg om YR-testen");
    select_meeting (list, "meeting:PLM-2020-05");
    view = find_descendant (page, GTK_TYPE_TEXT_VIEW);
    gtk_widget_grab_focus (view);
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "!", -1);
    gtk_widget_activate_action (page, "meetings.save-notes", NULL);
    iterate ();
    g_assert_true (find_descendant (page, GTK_TYPE_TEXT_VIEW) == view);
  }

  /* The January meeting, picked from the list. */
  select_meeting (list, "meeting:PLM-2020-01");
  g_assert_nonnull (label_text (page, "Thursday 30-01-2020, 10:00–11:30"));

  /* Its first date is chosen with one click … */
  dates = find_group_titled (page, "Choose a Date");
  g_assert_nonnull (dates);
  first_date = GTK_CHECK_BUTTON (find_descendant (dates, GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (first_date);
  gtk_check_button_set_active (first_date, TRUE);
  iterate ();
  state = styr_store_get (store_of (app), "meeting-state:PLM-2020-01", NULL, NULL);
  g_assert_nonnull (state);
  g_assert_cmpint (json_object_get_int_member (state, "chosen_slot"), ==, 0);

  /* … and the registration recorded with today's date. */
  gtk_widget_activate_action (page, "meetings.mark-registered", "(sb)", "meeting:PLM-2020-01",
                              TRUE);
  iterate ();
  g_clear_pointer (&state, json_object_unref);
  state = styr_store_get (store_of (app), "meeting-state:PLM-2020-01", NULL, NULL);
  g_assert_true (json_object_get_boolean_member (state, "registered"));
  g_assert_cmpstr (json_object_get_string_member (state, "registered_on"), ==, "2019-12-16");
  g_assert_nonnull (label_text (page, "Registered on 16-12-2019"));

  /* A broken invitation is refused in words; a good one asks first. */
  {
    g_autoptr(GBytes) broken_bytes = g_bytes_new_static (broken, sizeof broken - 1);
    g_autoptr(GBytes) invitation_bytes = g_bytes_new_static (invitation, sizeof invitation - 1);

    styr_meetings_page_import_bytes (STYR_MEETINGS_PAGE (page), broken_bytes);
    iterate ();
    g_assert_nonnull (label_text (GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                                  "holds no event"));
    respond_to_dialog ("close");
    styr_meetings_page_import_bytes (STYR_MEETINGS_PAGE (page), invitation_bytes);
    iterate ();
    respond_to_dialog ("import");
  }
  invited = styr_store_get (store_of (app), "meeting-state:PLM-2020-01", NULL, NULL);
  g_assert_true (json_object_has_member (invited, "invitations"));
  g_assert_nonnull (label_text (page, "Thursday 30-01-2020, 10:30–12:00"));

  /* The registration by hand, for one made from another computer: the
   * switch takes it back and sets it again, and the link can be copied. */
  {
    GtkWidget *registration = find_group_titled (page, "Registration");
    GtkSwitch *registered = GTK_SWITCH (find_descendant (registration, GTK_TYPE_SWITCH));
    GdkClipboard *clipboard = gtk_widget_get_clipboard (page);
    GValue value = G_VALUE_INIT;
    g_autoptr(JsonObject) after = NULL;

    g_assert_true (gtk_switch_get_active (registered));
    gtk_switch_set_active (registered, FALSE);
    iterate ();
    after = styr_store_get (store_of (app), "meeting-state:PLM-2020-01", NULL, NULL);
    g_assert_false (json_object_get_boolean_member (after, "registered"));
    registered = GTK_SWITCH (find_descendant (find_group_titled (page, "Registration"),
                                              GTK_TYPE_SWITCH));
    gtk_switch_set_active (registered, TRUE);
    iterate ();
    g_clear_pointer (&after, json_object_unref);
    after = styr_store_get (store_of (app), "meeting-state:PLM-2020-01", NULL, NULL);
    g_assert_true (json_object_get_boolean_member (after, "registered"));

    gtk_widget_activate_action (page, "meetings.copy-registration-link", "s",
                                "meeting:PLM-2020-01");
    iterate ();
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value,
                                                   NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==,
                     "https://www.conferencemanager.dk/programlederjanuar2020");
    g_value_unset (&value);
  }

  /* "Add to Calendar" hands the file to the calendar application … */
  {
    const char *received = g_getenv ("STYR_TEST_CALENDAR_RECEIVED");
    const char *script = g_getenv ("STYR_TEST_CALENDAR_APP");
    g_autofree char *text = NULL;
    GtkWindow *chooser = NULL;

    gtk_widget_activate_action (page, "meetings.export", "s", "meeting:PLM-2020-01");
    for (guint i = 0; i < 500 && !g_file_test (received, G_FILE_TEST_EXISTS); i++)
      {
        iterate ();
        g_usleep (20 * 1000);
      }
    g_assert_true (g_file_get_contents (received, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "UID:PLM-2020-01-1@styr.github.io"));
    g_assert_nonnull (strstr (text, "TZID:Europe/Copenhagen"));

    /* … and, where none takes it, offers to save it, named after the
     * meeting and its date. */
    g_assert_cmpint (g_remove (script), ==, 0);
    gtk_widget_activate_action (page, "meetings.export", "s", "meeting:PLM-2020-01");
    /* Finding that no application takes it can take a while on a loaded
     * machine. */
    for (guint i = 0; i < 1500 && chooser == NULL; i++)
      {
        iterate ();
        chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      }
    g_assert_nonnull (chooser);
    g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                     "Programledermøde januar 2020 30-01-2020.ics");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    iterate ();
  }

  /* KOMBIT's cancellation of the chosen date shows on the page. */
  {
    static const char cancellation[] =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nPRODID:-//KOMBIT//DA\r\n"
      "BEGIN:VEVENT\r\nUID:x\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n"
      "DTSTAMP:20200124T090000Z\r\nDTSTART:20200130T093000Z\r\nDTEND:20200130T110000Z\r\n"
      "SUMMARY:Aflyst: Programledermøde januar 2020\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (cancellation, sizeof cancellation - 1);

    styr_meetings_page_import_bytes (STYR_MEETINGS_PAGE (page), bytes);
    iterate ();
    g_assert_nonnull (label_text (GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                                  "Cancelled by KOMBIT: 30-01-2020 10:30–12:00"));
    respond_to_dialog ("import");
    g_assert_nonnull (wait_for_label (page, "Cancelled by KOMBIT"));
    g_assert_nonnull (label_text (page, "cancelled by KOMBIT"));
  }

  /* The reminder of the first start is not given again. */
  {
    g_autofree char *sent = read_notifications ();

    g_assert_null (strstr (sent, "Choose a date for Programledermøde december 2019"));
  }

  quit (app);
}

/* A calendar application of the test's own, the default for .ics files,
 * which keeps the file it is given where the test can read it. */
static void
set_up_calendar_application (void)
{
  g_autofree char *home = g_dir_make_tmp ("styr-ui-calendar-XXXXXX", NULL);
  g_autofree char *apps = g_build_filename (home, "data", "applications", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *script = g_build_filename (home, "fake-calendar.sh", NULL);
  g_autofree char *received = g_build_filename (home, "received.ics", NULL);
  g_autofree char *desktop = g_build_filename (apps, "fake-calendar.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\ncp \"$1\" '%s'\n", received);
  g_autofree char *desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\n"
                                                   "Name=Fake Calendar\nExec=%s %%f\n"
                                                   "MimeType=text/calendar;\n", script);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\n"
                                      "text/calendar=fake-calendar.desktop\n", -1, NULL));
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("STYR_TEST_CALENDAR_APP", script, TRUE);
  g_setenv ("STYR_TEST_CALENDAR_RECEIVED", received, TRUE);
}

static void
overview_scenario (StyrApplication *app)
{
  GtkWidget *page = show_page (app, "overview", STYR_TYPE_OVERVIEW_PAGE);
  StyrWindow *window = main_window (app);
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *tasks;
  g_autoptr(StyrSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("styr-ui-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

  /* The same rules as the tabs: the two tasks due on 12 December. */
  g_assert_nonnull (wait_for_label (page, "Due by the Meeting on 16-12-2019, or Overdue"));
  g_assert_nonnull (label_text (page, "Oplys ØiR-kontaktpersoner og ØiR funktionspostkasse"));
  g_assert_nonnull (label_text (page, "Choose a date"));

  /* A change elsewhere sets the lines in place: the line with the focus
   * stays that very line, with its new words, and the page stays where
   * it was scrolled to. */
  {
    GtkWidget *projects = find_group_titled (page, "Progress per Project");
    g_autoptr(GPtrArray) lines = g_ptr_array_new ();
    GtkWidget *line = NULL;
    g_autofree char *before = NULL;

    collect (projects, STYR_TYPE_OVERVIEW_ROW, lines);
    for (guint i = 0; i < lines->len; i++)
      if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (lines, i)),
                       "ØiR basisimplementering"))
        line = g_ptr_array_index (lines, i);
    g_assert_nonnull (line);
    before = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (line)));
    g_autoptr(JsonObject) status = json_object_new ();
    g_autofree char *seen = NULL;
    g_autofree char *rev = NULL;
    double scrolled;

    gtk_widget_grab_focus (line);
    styr_ui_set_scroll (page, 400);
    wait_frames ();
    scrolled = styr_ui_get_scroll (page);
    g_assert_cmpfloat (scrolled, >, 100);

    styr_store_get_status (store_of (app), "task-state:OIR-BASIS-01", &seen, NULL, NULL, NULL);
    json_object_set_string_member (status, "status", "completed");
    g_assert_true (styr_work_update_state (store_of (app), "task-state:OIR-BASIS-01", seen,
                                           status, "test", &rev, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < 500 && label_text (page, "Oplys ØiR-kontaktpersoner") != NULL; i++)
      {
        g_usleep (10 * 1000);
        iterate ();
      }
    g_assert_null (label_text (page, "Oplys ØiR-kontaktpersoner"));
    wait_frames ();
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == line);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (line)), !=, before);
    g_assert_cmpfloat (fabs (styr_ui_get_scroll (page) - scrolled), <, 1);

    json_object_set_string_member (status, "status", "not-started");
    g_assert_true (styr_work_update_state (store_of (app), "task-state:OIR-BASIS-01", rev, status,
                                           "test", NULL, &error));
    g_assert_nonnull (wait_for_label (page, "Oplys ØiR-kontaktpersoner"));
  }

  /* A line opens its record on its page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s", "task:OIR-BASIS-01");
  iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "tasks");
  tasks = find_descendant (GTK_WIDGET (window), STYR_TYPE_TASKS_PAGE);
  g_assert_cmpstr (styr_tasks_page_get_selected_id (STYR_TASKS_PAGE (tasks)), ==,
                   "task:OIR-BASIS-01");

  /* Every kind of line opens its record, not just its page: an ØiR item
   * gets the focus, a role gap opens its role, and a Pejlemærke 3 item
   * opens beside the agreements. */
  {
    GtkWidget *oir = find_descendant (GTK_WIDGET (window), STYR_TYPE_OIR_PAGE);
    GtkWidget *roles = find_descendant (GTK_WIDGET (window), STYR_TYPE_ROLES_PAGE);
    GtkWidget *focus;
    GtkWidget *role_row = NULL;
    g_autoptr(GPtrArray) expanders = g_ptr_array_new ();

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s",
                                "checklist-item:OIR-3");
    iterate ();
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "oir");
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus == GTK_WIDGET (check_of (oir, "checklist-item:OIR-3")));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s",
                                "role:OIR-SYSEJER-FINANS");
    iterate ();
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "roles");
    collect (roles, ADW_TYPE_EXPANDER_ROW, expanders);
    for (guint i = 0; i < expanders->len; i++)
      if (adw_expander_row_get_expanded (g_ptr_array_index (expanders, i)))
        {
          g_assert_null (role_row);
          role_row = g_ptr_array_index (expanders, i);
        }
    g_assert_nonnull (role_row);
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (role_row)),
                              "Systemejer"));

    /* A project's line shows its tasks on their own. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s",
                                "project:ØiR basisimplementering");
    iterate ();
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "tasks");
    {
      g_autoptr(GPtrArray) shown = shown_tasks (tasks);

      g_assert_cmpuint (shown->len, ==, 4);
      for (guint i = 0; i < shown->len; i++)
        g_assert_true (g_str_has_prefix (g_ptr_array_index (shown, i), "task:OIR-BASIS"));
    }
    gtk_widget_activate_action (tasks, "tasks.clear-filters", NULL);
    iterate ();

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s",
                                "checklist-item:P3-1");
    iterate ();
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "agreements");
    {
      g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
      gboolean shown = FALSE;

      collect (find_descendant (GTK_WIDGET (window), STYR_TYPE_AGREEMENTS_PAGE), GTK_TYPE_STACK,
               stacks);
      for (guint i = 0; i < stacks->len; i++)
        shown = shown || g_strcmp0 (gtk_stack_get_visible_child_name (g_ptr_array_index (stacks,
                                                                                         i)),
                                    "pejlemaerke") == 0;
      g_assert_true (shown);
    }
  }

  /* "Export as PDF" works the summary out in the background, then goes
   * through GtkPrintOperation with the same renderer. */
  {
    g_autoptr(GAsyncResult) built = NULL;

    styr_overview_page_build_summary_async (STYR_OVERVIEW_PAGE (page), NULL, keep_result_cb,
                                            &built);
    while (built == NULL)
      g_main_context_iteration (NULL, TRUE);
    summary = styr_overview_page_build_summary_finish (STYR_OVERVIEW_PAGE (page), built, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (styr_summary_print (GTK_WINDOW (window), summary, pdf, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                               NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Programledermøde"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_remove (pdf);
  g_rmdir (dir);

  /* What the window's own actions say, as Export as PDF does, is shown in
   * the window, not only on the terminal. */
  {
    g_autoptr(GError) failed = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                    "The summary could not be written to “/x.pdf”");

    styr_ui_show_error (GTK_WIDGET (window), failed);
    iterate ();
    g_assert_nonnull (label_text (GTK_WIDGET (window), "could not be written to “/x.pdf”"));
  }

  quit (app);
}

/* One answer in every place: for each scenario, the Overview, the
 * summary, the KLIK tasks' "before the next meeting" filter, the Meetings
 * page's next meeting and the agreements' "needs action" name the same
 * records. */
typedef struct
{
  const char *today;
  int         december_slot;
  guint       expiring_days;
  const char *erp;
} Consistency;

static const Consistency consistency[] = {
  { "2019-12-16", -1, 60, NULL },
  { "2019-12-17", 1, 60, "KMD OPUS" },
  { "2019-12-18", -1, 60, NULL },
  { "2020-01-20", -1, 120, "EG ØS Indsigt" },
};

static const Consistency *scenario;

static gboolean
ids_equal (GPtrArray  *a,
           GPtrArray  *b,
           const char *what)
{
  if (a->len != b->len)
    {
      g_test_message ("%s: %u against %u", what, a->len, b->len);
      return FALSE;
    }
  for (guint i = 0; i < a->len; i++)
    if (!g_ptr_array_find_with_equal_func (b, g_ptr_array_index (a, i), g_str_equal, NULL))
      {
        g_test_message ("%s: %s only on one side", what, (char *) g_ptr_array_index (a, i));
        return FALSE;
      }
  return TRUE;
}

static void
put_agreement (StyrStore  *store,
               const char *id,
               const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  if (styr_store_get (store, id, NULL, NULL) == NULL)
    g_assert_true (styr_store_put (store, id, json_node_get_object (node), NULL, "test", NULL,
                                   &error));
  g_assert_no_error (error);
}

static void
consistency_scenario (StyrApplication *app)
{
  GtkWidget *overview = show_page (app, "overview", STYR_TYPE_OVERVIEW_PAGE);
  g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (overview));
  g_autoptr(StyrSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attention_tasks = g_ptr_array_new ();
  g_autoptr(GPtrArray) summary_agreements = g_ptr_array_new ();
  g_autoptr(GPtrArray) overview_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tasks = NULL;
  StyrStore *store = store_of (app);
  GtkWidget *page;
  GtkWidget *group;
  const char *next_upcoming = NULL;

  g_test_message ("as of %s", scenario->today);
  put_agreement (store, "agreement:c1",
                 "{\"type\":\"agreement\",\"using_system\":\"Budget\",\"supplier\":\"KMD\","
                 "\"services\":[\"SF1520\"],\"state\":\"approved\",\"valid_from\":\"2019-12-01\","
                 "\"valid_to\":\"2020-04-05\",\"reviewed_on\":\"2019-12-01\"}");
  put_agreement (store, "agreement:c2",
                 "{\"type\":\"agreement\",\"using_system\":\"Nexus\",\"supplier\":\"S\","
                 "\"services\":[\"SF1520\"],\"state\":\"requested\"}");
  if (scenario->december_slot >= 0)
    {
      g_autoptr(JsonObject) body = styr_store_get (store, "meeting:PLM-2019-12", NULL, NULL);
      g_autoptr(StyrRecord) december = styr_record_load ("meeting:PLM-2019-12", NULL, body);
      g_autoptr(StyrMeetingState) state = styr_meeting_load_state (store, "meeting:PLM-2019-12");

      g_assert_true (styr_meeting_choose_slot (store, STYR_MEETING (december),
                                               state != NULL
                                               ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                                               scenario->december_slot, "test", NULL, &error));
    }

  summary = styr_summary_build (store, context, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < summary->attention->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (summary->attention, i);

      if (g_str_has_prefix (item->id, "task:"))
        g_ptr_array_add (attention_tasks, item->id);
    }
  for (guint i = 0; i < summary->agreements->len; i++)
    g_ptr_array_add (summary_agreements,
                     ((StyrSummaryItem *) g_ptr_array_index (summary->agreements, i))->id);

  /* The Overview shows the summary's first lines, under its heading. */
  styr_overview_page_refresh (STYR_OVERVIEW_PAGE (overview));
  g_assert_nonnull (wait_for_label (overview, summary->attention_title));
  group = find_group_titled (overview, summary->attention_title);
  collect (group, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (g_ptr_array_index (rows, i));

      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
        g_ptr_array_add (overview_ids, (gpointer) g_variant_get_string (target, NULL));
    }
  g_assert_cmpuint (overview_ids->len, >, 0);
  for (guint i = 0; i < overview_ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (overview_ids, i), ==,
                     ((StyrSummaryItem *) g_ptr_array_index (summary->attention, i))->id);

  /* The KLIK tasks due before the next meeting are the summary's. */
  page = show_page (app, "tasks", STYR_TYPE_TASKS_PAGE);
  choose (dropdown_with_tooltip (page, "Show tasks by their deadline"),
          "Due before the next meeting");
  for (guint i = 0; i < 200 && label_text (page, "Still looking") != NULL; i++)
    iterate ();
  tasks = shown_tasks (page);
  g_test_message ("%u tasks, %u agreements, next meeting %s", tasks->len,
                  summary_agreements->len, summary->meeting_id);
  g_assert_cmpuint (tasks->len, >, 0);
  g_assert_true (ids_equal (tasks, attention_tasks, "KLIK tasks"));
  choose (dropdown_with_tooltip (page, "Show tasks by their deadline"), "Any deadline");

  /* The summary's meeting is the first programme-leader meeting the
   * Meetings page files under upcoming. */
  page = show_page (app, "meetings", STYR_TYPE_MEETINGS_PAGE);
  g_ptr_array_set_size (rows, 0);
  collect (page, STYR_TYPE_MEETING_ROW, rows);
  for (guint i = 0; i < rows->len && next_upcoming == NULL; i++)
    {
      StyrMeetingEntry *entry = styr_meeting_row_get_entry (g_ptr_array_index (rows, i));
      const char *id = styr_meeting_entry_get_id (entry);

      if (g_str_has_prefix (id, "meeting:PLM-") && styr_meeting_entry_get_upcoming (entry))
        next_upcoming = id;
    }
  g_assert_cmpstr (next_upcoming, ==, summary->meeting_id);

  /* The agreements needing action are the summary's. */
  page = show_page (app, "agreements", STYR_TYPE_AGREEMENTS_PAGE);
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    StyrDocumentList *list = styr_agreements_page_get_list (STYR_AGREEMENTS_PAGE (page));

    collect (page, GTK_TYPE_TOGGLE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Needs _Action") == 0)
        gtk_toggle_button_set_active (g_ptr_array_index (buttons, i), TRUE);
    for (guint i = 0; i < 200 && styr_document_list_get_filtering (list); i++)
      iterate ();
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(StyrRecord) agreement = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_ptr_array_add (listed, g_strdup (styr_record_get_id (agreement)));
      }
    g_assert_true (ids_equal (listed, summary_agreements, "agreements"));
  }

  quit (app);
}

static void
test_consistency (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-consistency-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, "municipality", "157");
  for (guint i = 0; i < G_N_ELEMENTS (consistency); i++)
    {
      scenario = &consistency[i];
      g_settings_set_uint (settings, "agreement-expiring-days", scenario->expiring_days);
      g_settings_set_string (settings, "erp-system", scenario->erp != NULL ? scenario->erp : "");
      run_app_with (data_dir, "--today", scenario->today, consistency_scenario);
    }
  g_settings_reset (settings, "agreement-expiring-days");
  g_settings_reset (settings, "erp-system");
}

static void
test_roles (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-roles-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, "municipality", "157");
  run_app_with (data_dir, "--today", "2019-12-16", roles_scenario);
  run_app_with (data_dir, "--today", "2019-12-16", meetings_scenario);
  run_app_with (data_dir, "--today", "2019-12-16", overview_scenario);
}

/* Typed, then Ctrl+Q at once: nothing typed is lost on quitting. */
static void
type_and_quit_scenario (StyrApplication *app)
{
  GtkWidget *page = show_page (app, "tasks", STYR_TYPE_TASKS_PAGE);
  GtkTextView *notes;

  select_task (page, "task:OIR-BASIS-02");
  notes = GTK_TEXT_VIEW (find_descendant (page, GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Aftalt på mødet", -1);
  quit (app);
}

static void
typed_kept_scenario (StyrApplication *app)
{
  g_autofree char *notes = stored_string (app, "task-state:OIR-BASIS-02", "notes");

  g_assert_cmpstr (notes, ==, "Aftalt på mødet");
  quit (app);
}

static void
test_quit_keeps_typing (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-quit-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, "municipality", "157");
  run_app_with (data_dir, "--today", "2019-12-16", type_and_quit_scenario);
  run_app_with (data_dir, "--today", "2019-12-16", typed_kept_scenario);
}

static void
test_tasks_and_checklists (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-work-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *erp = NULL;

  g_settings_set_string (settings, "municipality", "157");
  g_settings_set_string (settings, "erp-system", "");
  run_app_with (data_dir, "--today", "2019-12-16", tasks_scenario);
  run_app_with (data_dir, "--today", "2019-12-16", oir_scenario);
  run_app_with (data_dir, "--today", "2019-12-16", pejlemaerke_scenario);
  erp = g_settings_get_string (settings, "erp-system");
  g_assert_cmpstr (erp, ==, "KMD OPUS");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  set_up_calendar_application ();

  if (!gtk_init_check ())
    {
      g_printerr ("test-ui-work: no display; run it through build-aux/run-with-display.sh\n");
      return 1;
    }
  adw_init ();

  g_test_add_func ("/ui/tasks-and-checklists", test_tasks_and_checklists);
  g_test_add_func ("/ui/quit-keeps-typing", test_quit_keeps_typing);
  g_test_add_func ("/ui/roles-meetings-overview", test_roles);
  g_test_add_func ("/ui/consistency", test_consistency);

  return g_test_run ();
}
