/* test-ui.c: the window, its pages and dialogs, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "styr-agreements-page.h"
#include "styr-meetings-page.h"
#include "styr-oir-page.h"
#include "styr-overview-page.h"
#include "styr-roles-page.h"
#include "styr-tasks-page.h"
#include "styr-agreement.h"
#include "styr-agreement-actions.h"
#include "styr-catalogue.h"
#include "styr-catalogue-banner.h"
#include "styr-conflicts-window.h"
#include "styr-form-dialog.h"
#include "styr-application.h"
#include "styr-import-dialog.h"
#include "styr-municipality-chooser.h"
#include "styr-preferences-window.h"
#include "styr-rules.h"
#include "styr-sync-button.h"
#include "styr-decision-dialog.h"
#include "styr-trash-window.h"
#include "styr-usage-chart.h"
#include "styr-usage-import.h"
#include "styr-window.h"
#include "styr-ui.h"
#include "ui-helpers.h"

static const char *pages[] = { "overview", "agreements", "tasks", "oir", "meetings", "roles" };

static void
first_start_scenario (StyrApplication *app)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *code = NULL;
  g_autofree char *last_page = NULL;
  StyrWindow *window = main_window (app);
  GtkWindow *chooser;
  GtkEditable *search;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *title;
  GtkWindow *dialog;

  g_assert_cmpuint (g_list_model_get_n_items (styr_window_get_municipalities (window)), ==, 98);

  /* The first start asks for the own municipality; searching narrows the
   * 98 to the one typed, and Enter takes it. */
  chooser = find_toplevel (STYR_TYPE_MUNICIPALITY_CHOOSER);
  g_assert_nonnull (chooser);
  search = GTK_EDITABLE (find_descendant (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY));
  /* The focus starts in the search, not on Cancel, and Enter anywhere
   * else in the window takes the highlighted one. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (chooser));

    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (search) ||
                   gtk_widget_is_ancestor (focus, GTK_WIDGET (search)));
  }
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_default_widget (chooser))),
                   ==, "C_hoose");
  gtk_editable_set_text (search, "gentof");
  iterate ();
  g_signal_emit_by_name (search, "activate");
  iterate ();
  g_assert_null (find_toplevel (STYR_TYPE_MUNICIPALITY_CHOOSER));
  code = g_settings_get_string (settings, "municipality");
  g_assert_cmpstr (code, ==, "157");

  title = ADW_VIEW_SWITCHER_TITLE (find_descendant (GTK_WIDGET (window),
                                                    ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "Gentofte");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Styr – Gentofte");

  /* Every page can be reached through its action, and the last one is
   * remembered. */
  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      iterate ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, pages[i]);
      page = adw_view_stack_get_visible_child (stack);
      if (g_str_equal (pages[i], "overview"))
        g_assert_nonnull (find_descendant (page, STYR_TYPE_OVERVIEW_PAGE));
      else if (g_str_equal (pages[i], "agreements"))
        g_assert_nonnull (find_descendant (page, STYR_TYPE_AGREEMENTS_PAGE));
      else if (g_str_equal (pages[i], "tasks"))
        g_assert_nonnull (find_descendant (page, STYR_TYPE_TASKS_PAGE));
      else if (g_str_equal (pages[i], "oir"))
        g_assert_nonnull (find_descendant (page, STYR_TYPE_OIR_PAGE));
      else if (g_str_equal (pages[i], "meetings"))
        g_assert_nonnull (find_descendant (page, STYR_TYPE_MEETINGS_PAGE));
      else if (g_str_equal (pages[i], "roles"))
        g_assert_nonnull (find_descendant (page, STYR_TYPE_ROLES_PAGE));
      else
        g_assert_nonnull (adw_status_page_get_title (ADW_STATUS_PAGE (page)));
    }
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "roles");

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  /* At 800 × 600 the KLIK page folds: it starts on the list, a task opens
   * in its place, and a button leads back to the list. */
  {
    GtkWidget *tasks;
    AdwLeaflet *leaflet;
    GtkWidget *back = NULL;
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "tasks");
    wait_frames ();
    tasks = find_descendant (GTK_WIDGET (window), STYR_TYPE_TASKS_PAGE);
    leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (tasks)));
    g_assert_true (adw_leaflet_get_folded (leaflet));
    g_assert_null (adw_leaflet_get_adjacent_child (leaflet, ADW_NAVIGATION_DIRECTION_BACK));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "s", "task:OIR-BASIS-01");
    wait_frames ();
    g_assert_nonnull (adw_leaflet_get_adjacent_child (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
    collect (tasks, GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                     "page.back") == 0)
        back = g_ptr_array_index (buttons, i);
    g_assert_nonnull (back);
    g_assert_true (gtk_widget_is_drawable (back));
    g_signal_emit_by_name (back, "clicked");
    wait_frames ();
    g_assert_null (adw_leaflet_get_adjacent_child (leaflet, ADW_NAVIGATION_DIRECTION_BACK));

    gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
    wait_frames ();
    g_assert_false (adw_leaflet_get_folded (leaflet));
    g_assert_false (gtk_widget_is_drawable (back));
    /* The next start opens where this one was left. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "roles");
    iterate ();
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate ();
  dialog = find_toplevel (STYR_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate ();
  dialog = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  iterate ();
  dialog = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  /* F1 opens the user guide; where nothing opens help: URIs, the window
   * says how to get it and where its pages are. */
  {
    g_auto(GStrv) help = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "F1");
    g_autoptr(GAppInfo) yelp = g_app_info_get_default_for_uri_scheme ("help");

    g_assert_true (g_strv_contains ((const char * const *) help, "app.help"));
    if (yelp == NULL)
      {
        gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

        g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
        while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL &&
               g_get_monotonic_time () < until)
          iterate ();
        g_assert_nonnull (dialog);
        g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                         "The User Guide Could Not Be Opened");
        g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                  "help"));
        gtk_window_destroy (dialog);
      }
  }

  quit (app);
}

/* The drop-down after @current in @root, in widget order. */
static GtkWidget *
next_dropdown (GtkWidget *root,
               GtkWidget *current)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  guint index;

  collect (root, GTK_TYPE_DROP_DOWN, all);
  if (!g_ptr_array_find (all, current, &index) || index + 1 >= all->len)
    return NULL;
  return g_ptr_array_index (all, index + 1);
}

/* Keeps the error of a decision, when asked to. */
static void
decided_cb (StyrDecisionDialog  *dialog,
            const char          *id,
            const GError        *error,
            GError             **kept)
{
  if (kept != NULL && error != NULL)
    *kept = g_error_copy (error);
}

/* Selects a row of the agreement register, as a click would. */
static void
select_row (StyrAgreementsPage *page,
            guint               position)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (page),
                                                          GTK_TYPE_COLUMN_VIEW));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)),
                                     position);
}

static void
agreements_scenario (StyrApplication *app)
{
  StyrWindow *window = main_window (app);
  StyrAgreementsPage *page;
  StyrDocumentList *list;
  GtkWidget *search;
  GtkDropDown *states;
  guint before;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "agreements");
  iterate ();
  page = STYR_AGREEMENTS_PAGE (find_descendant (GTK_WIDGET (window), STYR_TYPE_AGREEMENTS_PAGE));
  list = styr_agreements_page_get_list (page);
  before = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* "New" opens an empty form and makes nothing: abandoned, it leaves no
   * agreement behind. */
  gtk_widget_activate_action (GTK_WIDGET (page), "agreements.new", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "agreements");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before);

  /* Typed, it is saved a moment after the last key, with no Save. Ctrl+N
   * makes it wherever the focus is, the tab bar too, and the focus goes to
   * its first field. */
  {
    g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app),
                                                                    "<Control>n");
    GtkWidget *tab = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER);
    GtkWidget *focus;

    g_assert_true (g_strv_contains ((const char * const *) actions, "win.new"));
    g_assert_nonnull (tab);
    gtk_widget_child_focus (tab, GTK_DIR_TAB_FORWARD);
    iterate ();
    gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
    iterate ();
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (entry_row_titled (GTK_WIDGET (page),
                                                                                "Using system"))));
  }
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page), "Using system")),
                         "KMD Sygedagpenge");
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page), "Services")),
                         "sf1520, SF1500");
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page), "Valid from")),
                         "01-12-2019");
  {
    gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (G_LIST_MODEL (list)) == before &&
           g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 1);

  /* A bad date is marked, kept in the form, and not stored; the rest is. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page), "Valid to")),
                         "31-02-2020");
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page), "Supplier")),
                         "Leverandør A/S");
  gtk_widget_activate_action (GTK_WIDGET (page), "agreements.save", NULL);
  iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row_titled (GTK_WIDGET (page),
                                                                       "Valid to")),
                                           "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page),
                                                                          "Valid to"))),
                   ==, "31-02-2020");

  /* It is found by search, and the filters say so. */
  /* Drop-downs hide search entries of their own; ours has the placeholder. */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    search = NULL;
    collect (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, entries);
    for (guint i = 0; i < entries->len; i++)
      {
        g_autofree char *placeholder = NULL;

        g_object_get (g_ptr_array_index (entries, i), "placeholder-text", &placeholder, NULL);
        if (g_strcmp0 (placeholder, "Search agreements") == 0)
          search = g_ptr_array_index (entries, i);
      }
    g_assert_nonnull (search);
  }
  gtk_editable_set_text (GTK_EDITABLE (search), "sygedagpenge");
  /* The entry waits a moment after typing; the signal comes at once. */
  g_signal_emit_by_name (search, "search-changed");
  /* The first search waits for the texts, which a worker reads. */
  while (styr_document_list_get_search_pending (list))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(StyrRecord) found = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_auto(GStrv) services = styr_agreement_dup_services (STYR_AGREEMENT (found));

    g_assert_cmpstr (styr_agreement_get_using_system (STYR_AGREEMENT (found)), ==,
                     "KMD Sygedagpenge");
    g_assert_cmpstr (services[0], ==, "SF1520");
    g_assert_cmpstr (styr_record_get_string (found, "valid_from"), ==, "2019-12-01");
    g_assert_null (styr_record_get_string (found, "valid_to"));
    g_assert_cmpstr (styr_agreement_get_supplier (STYR_AGREEMENT (found)), ==, "Leverandør A/S");
  }

  /* A new agreement is requested, so the Approved filter hides it. */
  /* The state filter is the drop-down with the six states. */
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

    states = NULL;
    collect (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, dropdowns);
    for (guint i = 0; i < dropdowns->len; i++)
      if (g_list_model_get_n_items (gtk_drop_down_get_model (g_ptr_array_index (dropdowns, i)))
          == 6)
        states = g_ptr_array_index (dropdowns, i);
    g_assert_nonnull (states);
  }
  gtk_drop_down_set_selected (states, 2);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  gtk_drop_down_set_selected (states, 1);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Answer the five questions, approve after the confirmation, then
   * terminate: the state follows and the history names each step. */
  select_row (page, 0);
  iterate ();
  {
    GtkWidget *review = find_group_titled (GTK_WIDGET (page), "The Five Important Questions");
    guint answered = 0;

    for (GtkWidget *dropdown = find_descendant (review, GTK_TYPE_DROP_DOWN);
         dropdown != NULL && answered < 5;
         dropdown = next_dropdown (review, dropdown))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
        answered++;
      }
    g_assert_cmpuint (answered, ==, 5);

    /* Each question in KOMBIT's words, label and all, from the catalogue. */
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                       find_descendant (review, ADW_TYPE_ACTION_ROW))), ==,
                     "Begrundelse: Er det klart, hvem der får adgang til data, hvor længe og "
                     "hvorfor?");
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "agreements.save", NULL);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (page), "agreements.approve", NULL);
  iterate ();
  respond_to_dialog ("confirm");
  {
    g_autoptr(StyrRecord) approved = g_list_model_get_item (G_LIST_MODEL (list), 0);

    /* The filter shows requested agreements; the approved one is gone. */
    g_assert_null (approved);
  }
  gtk_drop_down_set_selected (states, 2);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(StyrRecord) approved = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(GPtrArray) questions =
      styr_agreement_list_questions (styr_document_list_get_store (list), NULL);
    g_autoptr(GPtrArray) missing = styr_agreement_review_missing (STYR_AGREEMENT (approved),
                                                                  questions);

    g_assert_cmpstr (styr_agreement_get_state (STYR_AGREEMENT (approved)), ==, "approved");
    g_assert_cmpuint (questions->len, ==, 5);
    g_assert_cmpuint (missing->len, ==, 0);
    g_assert_nonnull (styr_record_get_string (approved, "next_review"));
  }
  /* Ctrl+Z undoes the approval, and only it; Ctrl+Shift+Z makes it again. */
  {
    GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));
    StyrStore *store = styr_document_list_get_store (list);
    g_autofree char *id = g_strdup (styr_document_list_get_id (list, 0));
    g_autoptr(JsonObject) body = NULL;
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "win.redo");

    g_assert_cmpstr (accels[0], ==, "<Shift><Control>z");
    gtk_widget_activate_action (root, "win.undo", NULL);
    iterate ();
    body = styr_store_get (store, id, NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (body, "state"), ==, "requested");
    g_assert_nonnull (json_object_get_member (json_object_get_object_member (body, "review"),
                                              "answers"));
    g_clear_pointer (&body, json_object_unref);
    gtk_widget_activate_action (root, "win.redo", NULL);
    iterate ();
    body = styr_store_get (store, id, NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (body, "state"), ==, "approved");
    g_clear_pointer (&body, json_object_unref);

    /* Saved while the user types, the form keeps the focus, the cursor
     * and the text, with nothing selected for the next key to replace. */
    select_row (page, 0);
    iterate ();
    {
      GtkEditable *notes = GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page), "Notes"));
      gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
      int start, end;

      gtk_widget_grab_focus (GTK_WIDGET (notes));
      gtk_editable_set_text (notes, "Spørg ");
      gtk_editable_set_position (notes, -1);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      iterate ();
      g_assert_cmpstr (gtk_editable_get_text (notes), ==, "Spørg ");
      g_assert_false (gtk_editable_get_selection_bounds (notes, &start, &end));
      g_assert_cmpint (gtk_editable_get_position (notes), ==, 6);
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (root)),
                                             GTK_WIDGET (notes)));
    }

    /* Typing never waits for a Save: switched to another page at once,
     * the notes are kept. */
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page), "Notes")),
                           "Spørg leverandøren om perioden ");
    gtk_widget_activate_action (root, "win.show-page", "s", "tasks");
    body = styr_store_get (store, id, NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (body, "notes"), ==,
                     "Spørg leverandøren om perioden");
    gtk_widget_activate_action (root, "win.show-page", "s", "agreements");
    iterate ();

    /* Ctrl+Z right after typing undoes the typing, and only it. */
    select_row (page, 0);
    iterate ();
    gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (page), "Notes")),
                           "Midlertidig");
    gtk_widget_activate_action (root, "win.undo", NULL);
    iterate ();
    g_clear_pointer (&body, json_object_unref);
    body = styr_store_get (store, id, NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (body, "notes"), ==,
                     "Spørg leverandøren om perioden");
    g_assert_cmpstr (json_object_get_string_member (body, "state"), ==, "approved");
  }
  select_row (page, 0);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (page), "agreements.terminate", NULL);
  iterate ();
  respond_to_dialog ("confirm");
  gtk_drop_down_set_selected (states, 5);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(StyrRecord) terminated = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(GPtrArray) history = NULL;

    g_assert_cmpstr (styr_agreement_get_state (STYR_AGREEMENT (terminated)), ==, "terminated");
    history = styr_store_get_history (styr_document_list_get_store (list),
                                      styr_record_get_id (terminated), NULL);
    g_assert_cmpuint (history->len, >=, 4);
  }

  /* Delete, then undo from the toast. */
  select_row (page, 0);
  iterate ();
  select_row (page, 0);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (page), "agreements.delete", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  /* The toast's Undo button and Ctrl+Z both activate the window's undo. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "win.undo");

    g_assert_cmpstr (accels[0], ==, "<Control>z");
  }
  gtk_widget_activate_action (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "win.undo",
                              NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Deleted again, it waits in the trash until it is restored there. */
  {
    g_autofree char *id = g_strdup (styr_document_list_get_id (list, 0));
    StyrTrashWindow *trash;

    select_row (page, 0);
    iterate ();
    gtk_widget_activate_action (GTK_WIDGET (page), "agreements.delete", NULL);
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

    gtk_widget_activate_action (GTK_WIDGET (page), "agreements.show-trash", NULL);
    iterate ();
    trash = STYR_TRASH_WINDOW (find_toplevel (STYR_TYPE_TRASH_WINDOW));
    g_assert_nonnull (trash);
    g_assert_cmpuint (styr_trash_window_get_count (trash), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore", "s", id);
    iterate ();
    g_assert_cmpuint (styr_trash_window_get_count (trash), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    gtk_window_destroy (GTK_WINDOW (trash));
    iterate ();
  }

  gtk_widget_activate_action (GTK_WIDGET (page), "agreements.clear-filters", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 1);

  /* A register from a spreadsheet: previewed, one bad row left out, the
   * good ones imported when the user confirms. */
  {
    const char *text = "Anvendersystem;Leverandør;Services;Status;Gyldig fra\r\n"
                       "Netcompany KY;Netcompany;SF1500;godkendt;01-01-2020\r\n"
                       "EG Sag;EG;;måske;01-01-2020\r\n"
                       "Fujitsu Prisme;Fujitsu;;anmodet;15-01-2020\r\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(StyrAgreementImport) import = NULL;
    StyrImportDialog *dialog;

    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean refused_shown = FALSE;

    import = styr_agreement_import_new (styr_csv_parse (bytes, "register.csv", &error),
                                        styr_document_list_get_store (list), &error);
    g_assert_no_error (error);
    dialog = styr_import_dialog_new (GTK_WINDOW (window), import, "register.csv", "test");
    gtk_window_present (GTK_WINDOW (dialog));
    iterate ();

    /* The refused row is listed with its reason in the file's words. */
    collect (GTK_WIDGET (dialog), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      refused_shown = refused_shown ||
                      g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)),
                                   "column “Status”: “måske” is not a state (expected anmodet, "
                                   "godkendt, afvist, udløbet or opsagt)");
    g_assert_true (refused_shown);
    g_assert_nonnull (find_group_titled (GTK_WIDGET (dialog), "Preview"));

    gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL);
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 3);
  }

  /* The supplier filter and "needs action": the requested Fujitsu
   * agreement needs a decision, the approved Netcompany one without an
   * end date or reason has risks. */
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
    GtkDropDown *suppliers = NULL;
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
    GtkToggleButton *needs = NULL;

    /* Menu buttons and drop-downs hold toggle buttons of their own. */
    collect (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, toggles);
    for (guint i = 0; i < toggles->len; i++)
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), "Needs _Action") == 0)
        needs = g_ptr_array_index (toggles, i);
    g_assert_nonnull (needs);

    collect (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, dropdowns);
    for (guint i = 0; i < dropdowns->len; i++)
      {
        GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (dropdowns, i));
        g_autoptr(GtkStringObject) first = model != NULL ? g_list_model_get_item (model, 0) : NULL;

        if (first != NULL && g_str_equal (gtk_string_object_get_string (first), "All suppliers"))
          suppliers = g_ptr_array_index (dropdowns, i);
      }
    g_assert_nonnull (suppliers);

    for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (suppliers)); i++)
      {
        g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (suppliers), i);

        if (g_str_equal (gtk_string_object_get_string (item), "Fujitsu"))
          gtk_drop_down_set_selected (suppliers, i);
      }
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

    gtk_toggle_button_set_active (needs, TRUE);
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

    gtk_widget_activate_action (GTK_WIDGET (page), "agreements.clear-filters", NULL);
    iterate ();
    g_assert_false (gtk_toggle_button_get_active (needs));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 3);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");

  /* A usage report with a spike last month: the chart marks that month
   * and says why, in words. */
  {
    StyrStore *store = styr_document_list_get_store (list);
    g_autoptr(GString) report = g_string_new ("Måned;Anvendersystem;Service;Kald\r\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;
    StyrCsv *csv;
    g_autoptr(StyrUsageImport) usage = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    StyrUsageChart *chart;
    GArray *months;
    StyrUsageMonth *last_full;
    gboolean said = FALSE;
    guint updated = 0;

    for (int back = 4; back >= 1; back--)
      {
        g_autoptr(GDateTime) month = g_date_time_add_months (now, -back);

        g_string_append_printf (report, "%02d-%04d;Netcompany KY;SF1500;%d\r\n",
                                g_date_time_get_month (month), g_date_time_get_year (month),
                                back == 1 ? 900 : 100);
      }
    bytes = g_bytes_new (report->str, report->len);
    csv = styr_csv_parse (bytes, "forbrug.csv", &error);
    g_assert_no_error (error);
    usage = styr_usage_import_new (g_steal_pointer (&csv), store, &error);
    g_assert_no_error (error);
    g_assert_true (styr_usage_import_commit (usage, store, "test", &updated, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (updated, ==, 1);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(StyrAgreement) agreement = g_list_model_get_item (G_LIST_MODEL (list), i);

        if (g_strcmp0 (styr_agreement_get_using_system (agreement), "Netcompany KY") == 0)
          select_row (page, i);
      }
    iterate ();

    chart = STYR_USAGE_CHART (find_descendant (GTK_WIDGET (page), STYR_TYPE_USAGE_CHART));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chart)));
    months = styr_usage_chart_get_months (chart);
    g_assert_nonnull (months);
    last_full = &g_array_index (months, StyrUsageMonth, months->len - 2);
    g_assert_cmpint (last_full->calls, ==, 900);
    g_assert_cmpuint (last_full->flags, ==, STYR_RISK_USAGE_SPIKE);
    g_assert_cmpuint (g_array_index (months, StyrUsageMonth, months->len - 3).flags, ==,
                      STYR_RISK_NONE);

    collect (find_group_titled (GTK_WIDGET (page), "Usage"), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_get_visible (g_ptr_array_index (labels, i)) &&
          strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), "900 calls (usage spike)"))
        said = TRUE;
    g_assert_true (said);

    /* A higher spike factor in Preferences takes the flag away at once. */
    {
      g_autoptr(GPtrArray) spins = g_ptr_array_new ();
      g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
      GtkSpinButton *factor = NULL;
      GtkWindow *preferences;

      g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
      iterate ();
      preferences = find_toplevel (STYR_TYPE_PREFERENCES_WINDOW);
      g_assert_nonnull (preferences);
      collect (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, spins);
      /* Five agreement thresholds, two reminder lead times and the most
       * roles for one person. */
      g_assert_cmpuint (spins->len, ==, 8);
      for (guint i = 0; i < spins->len; i++)
        if (gtk_spin_button_get_digits (g_ptr_array_index (spins, i)) == 1)
          factor = g_ptr_array_index (spins, i);
      g_assert_nonnull (factor);
      g_assert_cmpfloat (gtk_spin_button_get_value (factor), ==, 3.0);

      gtk_spin_button_set_value (factor, 10.0);
      iterate ();
      g_assert_cmpfloat (g_settings_get_double (settings, "agreement-usage-spike-factor"), ==, 10.0);
      months = styr_usage_chart_get_months (chart);
      g_assert_cmpuint (g_array_index (months, StyrUsageMonth, months->len - 2).flags, ==,
                        STYR_RISK_NONE);
      /* The agreement stays selected and shown. */
      g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (
        gtk_column_view_get_model (GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (page),
                                                                     GTK_TYPE_COLUMN_VIEW))))),
                        !=, GTK_INVALID_LIST_POSITION);

      g_settings_reset (settings, "agreement-usage-spike-factor");
      gtk_window_destroy (preferences);
      iterate ();
    }
  }

  /* Renewing asks for the new end date; a date that does not exist is
   * refused with a message, a real one is written. */
  {
    g_autoptr(GError) refused = NULL;
    g_autofree char *renewed_id = NULL;
    StyrAgreement *current = NULL;
    GtkWindow *dialog;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(StyrAgreement) agreement = g_list_model_get_item (G_LIST_MODEL (list), i);

        if (g_strcmp0 (styr_agreement_get_using_system (agreement), "Netcompany KY") == 0)
          select_row (page, i);
      }
    iterate ();

    for (guint attempt = 0; attempt < 2; attempt++)
      {
        gtk_widget_activate_action (GTK_WIDGET (page), "agreements.renew", NULL);
        iterate ();
        dialog = find_toplevel (STYR_TYPE_DECISION_DIALOG);
        g_assert_nonnull (dialog);
        g_signal_connect (dialog, "decided", G_CALLBACK (decided_cb),
                          attempt == 0 ? (gpointer) &refused : NULL);
        gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog),
                                                              GTK_TYPE_TEXT)),
                               attempt == 0 ? "31-02-2031" : "31-12-2031");
        respond_to_dialog ("confirm");
        iterate ();
      }
    g_assert_error (refused, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(StyrAgreement) agreement = g_list_model_get_item (G_LIST_MODEL (list), i);

        if (g_strcmp0 (styr_agreement_get_using_system (agreement), "Netcompany KY") == 0)
          current = g_steal_pointer (&agreement);
      }
    g_assert_nonnull (current);
    g_assert_cmpstr (styr_record_get_string (STYR_RECORD (current), "valid_to"), ==,
                     "2031-12-31");
    g_object_unref (current);
  }

  /* The Risk column sorts by the number of flags, most first when
   * descending. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (page),
                                                            GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GPtrArray) assignments = g_ptr_array_new ();
    StyrRuleThresholds thresholds;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    GtkColumnViewColumn *risk = NULL;
    int previous = G_MAXINT;
    GDate today;

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Risk") == 0)
          risk = column;
      }
    g_assert_nonnull (risk);
    g_assert_nonnull (gtk_column_view_column_get_sorter (risk));

    gtk_editable_set_text (GTK_EDITABLE (search), "");
    gtk_column_view_sort_by_column (view, risk, GTK_SORT_DESCENDING);
    iterate ();
    while (styr_document_list_get_sorting (list))
      g_main_context_iteration (NULL, TRUE);

    styr_rule_thresholds_init (&thresholds);
    g_date_clear (&today, 1);
    g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 2);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(StyrAgreement) agreement = g_list_model_get_item (G_LIST_MODEL (list), i);
        int count = styr_risk_flags_count (styr_rules_agreement_risks (agreement, assignments,
                                                                       &today, &thresholds));

        g_assert_cmpint (count, <=, previous);
        previous = count;
      }
    g_assert_cmpint (previous, <, G_MAXINT);
  }

  quit (app);
}

static void
second_start_scenario (StyrApplication *app)
{
  StyrWindow *window = main_window (app);
  AdwViewStack *stack;

  /* The next start opens on the page it was left on and asks nothing. */
  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "roles");
  g_assert_null (find_toplevel (STYR_TYPE_MUNICIPALITY_CHOOSER));
  quit (app);
}

static void
today_scenario (StyrApplication *app)
{
  GDate today;

  /* --today makes the rules see the catalogue as of its own time. */
  g_assert_true (styr_clock_is_fixed (styr_application_get_clock (app)));
  styr_clock_get_today (styr_application_get_clock (app), &today);
  g_assert_cmpint (g_date_get_year (&today), ==, 2019);
  g_assert_cmpint (g_date_get_month (&today), ==, 12);
  g_assert_cmpint (g_date_get_day (&today), ==, 16);
  quit (app);
}

static void
test_first_start_and_pages (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (data_dir, "styr.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_settings_reset (settings, "municipality");
  run_app (data_dir, first_start_scenario);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  run_app (data_dir, second_start_scenario);
  run_app_with (data_dir, "--today", "2019-12-16", today_scenario);
  run_app (data_dir, agreements_scenario);
}

static gboolean
label_says (GtkWidget  *root,
            const char *words)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (labels->pdata[i]), words) != NULL)
      return TRUE;
  return FALSE;
}

static void
sync_scenario (StyrApplication *app)
{
  StyrWindow *window = main_window (app);
  GtkWidget *button = find_descendant (GTK_WIDGET (window), STYR_TYPE_SYNC_BUTTON);
  StyrSync *sync = styr_application_get_sync (app);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *preferences;
  AdwActionRow *connection = NULL;

  /* A server that does not answer: the header bar says so, and why. */
  g_assert_nonnull (button);
  while (styr_sync_get_state (sync) != STYR_SYNC_FAILED)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      iterate ();
    }
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (label_says (button, "Sync failed"));
  g_assert_true (label_says (button, "could not be reached"));

  /* With the sync button in the header bar, the tabs still fit in it at
   * the default 1100 × 720, rather than dropping to the bottom bar. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  wait_frames ();
  g_assert_false (adw_view_switcher_title_get_title_visible (
                    ADW_VIEW_SWITCHER_TITLE (find_descendant (GTK_WIDGET (window),
                                                              ADW_TYPE_VIEW_SWITCHER_TITLE))));

  g_action_group_activate_action (G_ACTION_GROUP (app), "sync-preferences", NULL);
  iterate ();
  preferences = find_toplevel (STYR_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)),
                   ==, "sync");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (preferences),
                                                                           "Database"))),
                   ==, "team");
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Connection") == 0)
        connection = rows->pdata[i];
  }
  g_assert_nonnull (connection);

  /* A new password restarts sync through the application. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "app.sync-restart", NULL));

  /* Half a configuration is refused with a reason, and saves nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (preferences), "Database")),
                         "");
  gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.save-sync", NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (connection), ==,
                   "Give both the server and the database.");
  g_assert_cmpstr (g_settings_get_string (settings, "sync-database"), ==, "team");

  /* Emptying both turns sync off, and the header bar has nothing to say. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (preferences),
                                                         "Server, e.g. https://couch.kommune.dk")),
                         "");
  gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.save-sync", NULL);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (styr_sync_get_state (sync) != STYR_SYNC_OFF)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      iterate ();
    }
  g_assert_false (gtk_widget_get_visible (button));

  /* A catalogue address that does not answer is said where it was given. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (GTK_WIDGET (preferences),
                                                         "Catalogue address")),
                         "http://127.0.0.1:1/kombit-katalog");
  g_signal_emit_by_name (entry_row_titled (GTK_WIDGET (preferences), "Catalogue address"), "apply");
  g_assert_cmpstr (g_settings_get_string (settings, "catalogue-source"), ==,
                   "http://127.0.0.1:1/kombit-katalog");
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!label_says (GTK_WIDGET (preferences), "The catalogue could not be pulled") &&
         !label_says (GTK_WIDGET (window), "The catalogue could not be pulled"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      iterate ();
    }
  g_settings_reset (settings, "catalogue-source");
  gtk_window_destroy (preferences);
  quit (app);
}

static void
test_sync (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, "municipality", "157");
  g_settings_set_string (settings, "sync-server", "http://127.0.0.1:1");
  g_settings_set_string (settings, "sync-database", "team");
  run_app (data_dir, sync_scenario);
  g_assert_cmpstr (g_settings_get_string (settings, "sync-server"), ==, "");
}

static void
conflicts_scenario (StyrApplication *app)
{
  StyrStore *store = styr_application_get_store (app);
  const char *id = "task-state:YR-OIR-MAP";
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  StyrConflictsWindow *conflicts;
  gboolean conflicted = TRUE;

  /* The list marks the task whose state has two versions. */
  main_window (app);
  g_assert_true (label_says (GTK_WIDGET (main_window (app)), "⚠ Two versions"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "resolve-conflicts", NULL);
  iterate ();
  conflicts = STYR_CONFLICTS_WINDOW (find_toplevel (STYR_TYPE_CONFLICTS_WINDOW));
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (styr_conflicts_window_get_count (conflicts), ==, 1);

  /* One field differs, so two check buttons. The winner, by CouchDB's rule
   * the higher revision, says "started"; keep the other version's. */
  body = styr_store_get (store, id, NULL, &error);
  g_assert_cmpstr (json_object_get_string_member (body, "status"), ==, "started");
  g_clear_pointer (&body, json_object_unref);
  collect (GTK_WIDGET (conflicts), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_true (gtk_check_button_get_active (checks->pdata[0]));
  gtk_check_button_set_active (checks->pdata[1], TRUE);

  /* An edit elsewhere, as sync brings them, leaves the choice alone. */
  {
    g_autoptr(JsonObject) person = json_object_new ();
    g_autoptr(GPtrArray) again = g_ptr_array_new ();

    json_object_set_string_member (person, "type", "person");
    json_object_set_string_member (person, "name", "Karen Holm");
    json_object_set_boolean_member (person, "active", TRUE);
    g_assert_true (styr_store_put (store, "person:kaho", person, NULL, "anne", NULL, &error));
    iterate ();
    collect (GTK_WIDGET (conflicts), GTK_TYPE_CHECK_BUTTON, again);
    g_assert_cmpuint (again->len, ==, 2);
    g_assert_true (again->pdata[1] == checks->pdata[1]);
    g_assert_true (gtk_check_button_get_active (again->pdata[1]));
  }

  /* So does a second record in conflict coming in: it gets a group of its
   * own, and the first's stays as it is. */
  {
    g_autoptr(GPtrArray) again = g_ptr_array_new ();
    gboolean kept = FALSE;

    make_conflict (store, "task-state:OIR-BASIS-01");
    iterate ();
    g_assert_cmpuint (styr_conflicts_window_get_count (conflicts), ==, 2);
    collect (GTK_WIDGET (conflicts), GTK_TYPE_CHECK_BUTTON, again);
    g_assert_cmpuint (again->len, ==, 4);
    for (guint i = 0; i < again->len; i++)
      kept = kept || again->pdata[i] == checks->pdata[1];
    g_assert_true (kept);
    g_assert_true (gtk_check_button_get_active (checks->pdata[1]));
  }
  gtk_widget_activate_action (GTK_WIDGET (conflicts), "conflicts.keep", "s", id);

  g_assert_true (styr_store_get_status (store, id, NULL, NULL, &conflicted, &error));
  g_assert_false (conflicted);
  body = styr_store_get (store, id, NULL, &error);
  g_assert_cmpstr (json_object_get_string_member (body, "status"), ==, "completed");
  g_assert_cmpuint (styr_conflicts_window_get_count (conflicts), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (conflicts), "conflicts.keep", "s",
                              "task-state:OIR-BASIS-01");
  g_assert_cmpuint (styr_conflicts_window_get_count (conflicts), ==, 0);
  iterate ();
  g_assert_false (label_says (GTK_WIDGET (main_window (app)), "⚠ Two versions"));

  gtk_window_destroy (GTK_WINDOW (conflicts));
  quit (app);
}

/* Two versions of a task's state, as sync leaves them, are marked in the
 * list and chosen between field by field. */
static void
test_conflicts (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (data_dir, "styr.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  const char *id = "task-state:YR-OIR-MAP";
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(StyrStore) store = styr_store_new (path, &error);
    g_autoptr(StyrCatalogue) catalogue = styr_catalogue_new_bundled (&error);

    g_assert_no_error (error);
    g_assert_true (styr_catalogue_import (catalogue, store, NULL, &error));
    make_conflict (store, id);
  }

  g_settings_set_string (settings, "municipality", "157");
  g_settings_set_string (settings, "last-page", "tasks");
  run_app (data_dir, conflicts_scenario);
  g_settings_reset (settings, "last-page");
}

static void
broken_database_scenario (StyrApplication *app)
{
  AdwStatusPage *status;
  GtkWindow *window;
  GtkWidget *button;

  g_assert_null (find_toplevel (STYR_TYPE_WINDOW));
  window = find_toplevel (ADW_TYPE_APPLICATION_WINDOW);
  g_assert_nonnull (window);
  status = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));

  /* The path is shown as it is, though it looks like markup. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean shown = FALSE;

    collect (GTK_WIDGET (status), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      shown = shown || strstr (gtk_label_get_text (g_ptr_array_index (labels, i)),
                               g_getenv ("STYR_DATA_DIR")) != NULL;
    g_assert_true (shown);
  }

  /* Quitting from the message ends the application. */
  button = find_descendant (GTK_WIDGET (status), GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_activate (button));
}

static void
test_broken_database (void)
{
  g_autofree char *parent = g_dir_make_tmp ("styr-ui-XXXXXX", NULL);
  /* A folder name that is markup, which once left the message blank. */
  g_autofree char *data_dir = g_build_filename (parent, "R&D <big>x", NULL);
  g_autofree char *db = g_build_filename (data_dir, "styr.db", NULL);
  const char *garbage = "Dette er et regneark, ikke en database.\n";

  g_assert_cmpint (g_mkdir (data_dir, 0700), ==, 0);
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (db, garbage, -1, NULL));

  run_app (data_dir, broken_database_scenario);

  g_assert_true (g_file_get_contents (db, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
}

/* A long list's view gets a screenful of rows for its first frame and the
 * rest right after it, or at once when a row further down is to be
 * selected. */
static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static GListModel *
numbers (guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

static void
test_first_rows (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view = gtk_list_view_new (NULL, factory);
  GListModel *rows = styr_ui_first_rows (view, numbers (1000));
  g_autoptr(GListModel) other = NULL;
  GtkWidget *other_view;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  gtk_list_view_set_model (GTK_LIST_VIEW (view), GTK_SELECTION_MODEL (gtk_no_selection_new (rows)));
  gtk_window_set_child (GTK_WINDOW (window), view);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 100);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && g_list_model_get_n_items (rows) < 1000; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1000);

  /* A view that is on screen already, as when a page's "map" handler
   * gives it its model, gets the rest after its next frame. */
  rows = styr_ui_first_rows (view, numbers (500));
  gtk_list_view_set_model (GTK_LIST_VIEW (view), GTK_SELECTION_MODEL (gtk_no_selection_new (rows)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 100);
  for (guint i = 0; i < 200 && g_list_model_get_n_items (rows) < 500; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 500);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Never shown, but asked for every row. */
  other_view = g_object_ref_sink (gtk_list_view_new (NULL, NULL));
  other = styr_ui_first_rows (other_view, numbers (1000));
  g_assert_cmpuint (g_list_model_get_n_items (other), <, 100);
  styr_ui_show_all_rows (other);
  g_assert_cmpuint (g_list_model_get_n_items (other), ==, 1000);
  g_object_unref (other_view);
}

static const char *
banner_text (StyrApplication *app,
             GtkWidget      **banner)
{
  GtkWidget *revealer;

  *banner = find_descendant (GTK_WIDGET (main_window (app)), STYR_TYPE_CATALOGUE_BANNER);
  g_assert_nonnull (*banner);
  revealer = find_descendant (*banner, GTK_TYPE_REVEALER);
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (find_descendant (revealer, GTK_TYPE_LABEL)));
}

/* Started today on the bundled catalogue of December 2019, the window says
 * how old it is; viewing it as of its own date moves every page's clock
 * and is kept, and the way back is one click. */
static void
banner_scenario (StyrApplication *app)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  StyrClock *clock = styr_application_get_clock (app);
  StyrWindow *before = main_window (app);
  g_autofree char *as_of = NULL;
  GtkWidget *banner;
  const char *text = banner_text (app, &banner);
  GDate today;

  g_assert_false (styr_clock_is_fixed (clock));
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "from 17-12-2019"));

  gtk_widget_activate_action (banner, "banner.toggle-as-of", NULL);
  iterate ();
  as_of = g_settings_get_string (settings, "view-as-of");
  g_assert_cmpstr (as_of, ==, "2019-12-17");
  g_assert_true (styr_clock_is_fixed (clock));
  styr_clock_get_today (clock, &today);
  g_assert_cmpint (g_date_get_year (&today), ==, 2019);
  g_assert_cmpint (g_date_get_day (&today), ==, 17);
  g_assert_true (main_window (app) != before);
  text = banner_text (app, &banner);
  g_assert_nonnull (strstr (text, "as it stood on 17-12-2019"));

  gtk_widget_activate_action (banner, "banner.toggle-as-of", NULL);
  iterate ();
  g_free (as_of);
  as_of = g_settings_get_string (settings, "view-as-of");
  g_assert_cmpstr (as_of, ==, "");
  g_assert_false (styr_clock_is_fixed (clock));
  g_assert_nonnull (strstr (banner_text (app, &banner), "from 17-12-2019"));

  quit (app);
}

static void
test_catalogue_banner (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-banner-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, "municipality", "157");
  run_app (data_dir, banner_scenario);
  g_settings_reset (settings, "view-as-of");
}

/* Enter in any field of a form dialog sends it; a field that is not
 * right is marked, keeps its text and holds the dialog open. */
static void
test_form_dialog_enter (void)
{
  GtkWidget *window = gtk_window_new ();
  StyrFormDialog *dialog;
  AdwEntryRow *first;
  AdwEntryRow *second;

  gtk_window_present (GTK_WINDOW (window));
  dialog = styr_form_dialog_new (window, "Add Item", "_Add", "role:X");
  first = styr_form_dialog_add_field (dialog, "Name", NULL, styr_ui_check_required);
  second = styr_form_dialog_add_field (dialog, "Note", "Om fredagen", NULL);
  g_assert_true (adw_entry_row_get_activates_default (first));
  g_assert_true (adw_entry_row_get_activates_default (second));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "accept");
  g_assert_cmpstr (styr_form_dialog_get_target (dialog), ==, "role:X");

  /* Empty at first: held, but not marked wrong before it is typed into. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (first), "error"));
  gtk_editable_set_text (GTK_EDITABLE (first), "Kontaktperson");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (first), "error"));
  gtk_editable_set_text (GTK_EDITABLE (first), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (first), "error"));
  g_assert_cmpstr (styr_form_dialog_get_text (dialog, 0), ==, "  ");
  g_assert_cmpstr (styr_form_dialog_get_text (dialog, 1), ==, "Om fredagen");

  /* Held by what the fields cannot say, such as nobody to choose. */
  gtk_editable_set_text (GTK_EDITABLE (first), "Kontaktperson");
  styr_form_dialog_set_blocked (dialog, TRUE);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept"));
  gtk_editable_set_text (GTK_EDITABLE (second), "Om mandagen");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept"));
  styr_form_dialog_set_blocked (dialog, FALSE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* build-aux/run-with-display.sh provides the display; without one this
   * suite fails rather than passing without having looked at anything. */
  if (!gtk_init_check ())
    {
      g_printerr ("test-ui: no display; run it through build-aux/run-with-display.sh\n");
      return 1;
    }
  adw_init ();

  g_test_add_func ("/ui/first-start-and-pages", test_first_start_and_pages);
  g_test_add_func ("/ui/broken-database", test_broken_database);
  g_test_add_func ("/ui/sync", test_sync);
  g_test_add_func ("/ui/conflicts", test_conflicts);
  g_test_add_func ("/ui/first-rows", test_first_rows);
  g_test_add_func ("/ui/form-dialog-enter", test_form_dialog_enter);
  g_test_add_func ("/ui/catalogue-banner", test_catalogue_banner);

  return g_test_run ();
}
