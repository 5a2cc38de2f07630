/* test-ui-access.c: every control on every page, in Preferences and in the
 * conflicts window has an accessible name, so a screen reader can say
 * what it is, icon-only buttons included; and Tab alone reaches each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "styr-application.h"
#include "styr-conflicts-window.h"
#include "styr-ui.h"
#include "ui-helpers.h"

static GPtrArray *problems;

static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child))
      return TRUE;
  return FALSE;
}

/* How GTK 4.8 names a control: an accessible label, a widget that labels
 * it, or the text it shows. */
static gboolean
is_named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  /* The text field of an entry row is named by the row's title. */
  if (GTK_IS_TEXT (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL)
    return TRUE;
  /* Otherwise by the entry or spin button it is the text field of. */
  if (GTK_IS_TEXT (widget))
    {
      GtkWidget *entry = gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY);

      if (entry == NULL)
        entry = gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON);
      if (entry == NULL)
        entry = gtk_widget_get_ancestor (widget, GTK_TYPE_ENTRY);
      return entry != NULL && is_named (entry);
    }
  return has_text (widget);
}

static void
walk (const char *where,
      GtkWidget  *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  /* A scrolled area takes focus only to scroll what it shows. */
  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
      !GTK_IS_WINDOW (widget) && !GTK_IS_SCROLLED_WINDOW (widget) && !is_named (widget))
    {
      const char *tooltip = styr_ui_get_tooltip (widget);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      g_ptr_array_add (problems,
                       g_strdup_printf ("%s: a %s in a %s has no accessible name%s%s",
                                        where, G_OBJECT_TYPE_NAME (widget),
                                        parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-",
                                        tooltip != NULL ? ", tooltip " : "",
                                        tooltip != NULL ? tooltip : ""));
    }

  /* GTK 4.8 names a mnemonic button twice, "_Tildel … Tildel …", when
   * it keeps the label as its accessible label; and the button inside a
   * drop-down by its type, "GtkToggleButton". */
  if (gtk_widget_get_mapped (widget) && GTK_IS_BUTTON (widget) &&
      gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_ptr_array_add (problems, g_strdup_printf ("%s: the button “%s” is named twice", where,
                                                gtk_button_get_label (GTK_BUTTON (widget))));
  if (gtk_widget_get_mapped (widget) && GTK_IS_TOGGLE_BUTTON (widget) &&
      (GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)) ||
       GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))) &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_ptr_array_add (problems, g_strdup_printf ("%s: the button of a %s is named by its type",
                                                where,
                                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (where, child);
}

static void
collect_focusable (GtkWidget *widget,
                   GPtrArray *found)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) ||
      !gtk_widget_is_sensitive (widget) || GTK_IS_POPOVER (widget))
    return;
  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_focusable (child, found);
}

/* A container is reached when focus reaches into it, as an entry row's
 * text field or a list box's row; inside a list view, the arrow keys move
 * between the items once Tab has reached the list. */
static gboolean
reached_inside (GHashTable *reached,
                GtkWidget  *widget)
{
  if (g_hash_table_contains (reached, widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (reached_inside (reached, child))
      return TRUE;
  return FALSE;
}

static gboolean
reached_within (GHashTable *reached,
                GtkWidget  *widget)
{
  GtkWidget *list = gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW);

  /* A combo row shows its choice in a list view of its own. */
  if (list == NULL)
    list = gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW);
  if (list == NULL)
    list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW);
  /* A drop-down shows its choice in a list item, and takes focus itself. */
  if (list == NULL)
    list = gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN);
  return reached_inside (reached, list != NULL ? list : widget);
}

/* Tab alone reaches every control of the page: moving the focus forward,
 * again and again, passes each of them. */
static void
tab_through (const char *where,
             GtkWidget  *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autoptr(GPtrArray) focusable = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);

  collect_focusable (widget, focusable);
  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 3 * focusable->len + 10; i++)
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_window_set_focus (window, NULL);
      if (gtk_window_get_focus (window) != NULL)
        g_hash_table_add (reached, gtk_window_get_focus (window));
    }

  for (guint i = 0; i < focusable->len; i++)
    if (!reached_within (reached, focusable->pdata[i]))
      {
        GtkWidget *lost = focusable->pdata[i];
        GtkWidget *parent = gtk_widget_get_parent (lost);

        g_ptr_array_add (problems,
                         g_strdup_printf ("%s: Tab never reaches a %s in a %s", where,
                                          G_OBJECT_TYPE_NAME (lost),
                                          parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-"));
      }
}

static void
access_scenario (StyrApplication *app)
{
  GtkWindow *other;

  visit_pages (app, walk);
  visit_pages (app, tab_through);

  /* Two versions of a task's state, as sync leaves them. */
  make_conflict (styr_application_get_store (app), "task-state:YR-OIR-MAP");
  g_action_group_activate_action (G_ACTION_GROUP (app), "resolve-conflicts", NULL);
  iterate ();
  other = find_toplevel (STYR_TYPE_CONFLICTS_WINDOW);
  g_assert_nonnull (other);
  walk ("conflicts", GTK_WIDGET (other));
  gtk_window_destroy (other);

  quit (app);
}

static void
test_access (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  problems = g_ptr_array_new_with_free_func (g_free);
  g_settings_set_string (settings, "municipality", "157");
  g_settings_set_string (settings, "erp-system", "KMD OPUS");
  run_app_with (data_dir, "--today", "2019-12-16", access_scenario);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_ptr_array_unref (problems);
}

/* Tooltips set for list rows and calendar days reach GTK only when one is
 * about to be shown, and reach screen readers at once, as the widget's
 * description. */
static gboolean
ask_tooltip (GtkWidget *widget)
{
  g_autoptr(GObject) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

static void
test_tooltip (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("3");
  char *failure;

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_false (ask_tooltip (button));

  styr_ui_set_tooltip (button, "3 risk flags");
  g_assert_cmpstr (styr_ui_get_tooltip (button), ==, "3 risk flags");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_true (ask_tooltip (button));
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                "3 risk flags");
  g_assert_null (failure);

  /* An empty text is no tooltip, as with GTK's own. */
  styr_ui_set_tooltip (button, "");
  g_assert_null (styr_ui_get_tooltip (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_false (ask_tooltip (button));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  /* One set in a template is still read. */
  gtk_widget_set_tooltip_text (button, "From a template");
  g_assert_cmpstr (styr_ui_get_tooltip (button), ==, "From a template");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own test backend records what a screen reader would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("test-ui-access: no display; run it through build-aux/run-with-display.sh\n");
      return 1;
    }
  adw_init ();

  g_test_add_func ("/ui/access", test_access);
  g_test_add_func ("/ui/access/tooltip", test_tooltip);

  return g_test_run ();
}
