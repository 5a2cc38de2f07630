/* test-ui-danish.c: every page, Preferences and the shortcuts window in
 * Danish, read back from the widgets: a text that is one of Styr's English
 * messages (so something forgot to translate it) or that has English words
 * in it fails the test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "styr-application.h"
#include "styr-ui.h"
#include "ui-helpers.h"

static GPtrArray *problems;
static gboolean in_danish;

static void
check_text (const char *where,
            const char *text)
{
  static GRegex *english;
  const char *translated;

  if (text == NULL || text[0] == '\0')
    return;
  in_danish |= g_str_equal (text, "KLIK-opgaver");
  if (english == NULL)
    english = g_regex_new ("\\b(the|with|from|this|that|your|you|which|should|would|could|"
                           "please|there|their|been|were)\\b|"
                           /* Dates in Danish too: English writes its weekdays and
                            * months with a capital, Danish does not. */
                           "(?-i)\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           "Sunday|January|February|March|April|May|June|July|August|"
                           "September|October|November|December)\\b",
                           G_REGEX_CASELESS, 0, NULL);

  /* An English message of Styr's that has a Danish translation. */
  translated = g_dgettext (GETTEXT_PACKAGE, text);
  if (translated != text && g_strcmp0 (translated, text) != 0)
    g_ptr_array_add (problems, g_strdup_printf ("%s: untranslated “%s”", where, text));
  else if (g_regex_match (english, text, 0, NULL))
    g_ptr_array_add (problems, g_strdup_printf ("%s: English in “%s”", where, text));
}

static void
walk (const char *where,
      GtkWidget  *widget)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    check_text (where, gtk_label_get_text (GTK_LABEL (widget)));
  check_text (where, styr_ui_get_tooltip (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (where, child);
}

static void
danish_scenario (StyrApplication *app)
{
  GtkWindow *other;

  visit_pages (app, walk);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  iterate ();
  other = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (other);
  walk ("shortcuts", GTK_WIDGET (other));

  /* The shortcuts window lists every shortcut the issue asks for. */
  {
    static const char *expected[] = {
      "<Control>f", "<Control>n", "<Control>p", "<Control>z", "Delete", "F10",
      "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5", "<Alt>6", "<Control>comma",
    };
    g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
    g_autoptr(GString) listed = g_string_new (" ");

    collect (GTK_WIDGET (other), GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
    for (guint i = 0; i < shortcuts->len; i++)
      {
        g_autofree char *accelerator = NULL;

        g_object_get (shortcuts->pdata[i], "accelerator", &accelerator, NULL);
        g_string_append_printf (listed, "%s ", accelerator);
      }
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *word = g_strdup_printf (" %s ", expected[i]);

        if (strstr (listed->str, word) == NULL)
          g_ptr_array_add (problems, g_strdup_printf ("shortcuts: %s is not listed", expected[i]));
      }
  }
  gtk_window_destroy (other);

  quit (app);
}

static void
test_danish (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("styr-ui-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  problems = g_ptr_array_new_with_free_func (g_free);
  g_settings_set_string (settings, "municipality", "157");
  g_settings_set_string (settings, "erp-system", "KMD OPUS");
  run_app_with (data_dir, "--today", "2019-12-16", danish_scenario);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  /* Proof that the Danish translation was in use at all. */
  g_assert_true (in_danish);
  g_assert_cmpuint (problems->len, ==, 0);
  g_ptr_array_unref (problems);
}

int
main (int   argc,
      char *argv[])
{
  /* Danish as a municipal user runs it, with Styr's own translation. */
  if (setlocale (LC_ALL, "da_DK.UTF-8") == NULL)
    {
      g_printerr ("test-ui-danish: the da_DK.UTF-8 locale is not installed "
                  "(build-aux/install-deps.sh --tests installs it)\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STYR_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  /* gtk_init() would set the locale from the environment again. */
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    {
      g_printerr ("test-ui-danish: no display; run it through build-aux/run-with-display.sh\n");
      return 1;
    }
  adw_init ();

  g_test_add_func ("/ui/danish", test_danish);

  return g_test_run ();
}
