/* test-secret.c: the sync password in a real Secret Service (a private
 * gnome-keyring, from build-aux/run-with-keyring.sh), and `styr --sync`
 * taking it from there for a server that asks for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/wait.h>

#include "couch-helpers.h"
#include "styr-secret.h"

static void
test_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;
  g_autofree char *cleared = NULL;

  none = styr_secret_lookup ("https://couch.gentofte.dk", "mette", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (styr_secret_store ("https://couch.gentofte.dk", "mette", "hemmelig", NULL,
                                    &error));
  g_assert_no_error (error);
  found = styr_secret_lookup ("https://couch.gentofte.dk", "mette", NULL, &error);
  g_assert_cmpstr (found, ==, "hemmelig");

  /* Another user, or the same user on another server, has a password of
   * their own. */
  other = styr_secret_lookup ("https://couch.gentofte.dk", "anne", NULL, &error);
  g_assert_null (other);
  g_clear_pointer (&other, g_free);
  other = styr_secret_lookup ("https://couch.kolding.dk", "mette", NULL, &error);
  g_assert_null (other);
  g_assert_no_error (error);

  /* An empty password forgets it. */
  g_assert_true (styr_secret_store ("https://couch.gentofte.dk", "mette", "", NULL, &error));
  cleared = styr_secret_lookup ("https://couch.gentofte.dk", "mette", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cleared);
}

static int
run_sync (const char  *data_dir,
          const char  *server,
          char       **err)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("STYR_BINARY"), "--data-dir", data_dir, "--sync",
                         "--server", server, "--database", "team", NULL };
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The user name comes from the settings and the password from the
 * keyring; neither is ever on the command line. */
static void
test_command_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("styr-secret-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.styr.Styr");
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *db = NULL;
  g_autofree char *err = NULL;
  GSubprocess *server = couch_server_start ("styr", "hemmelig", &url);

  db = g_strconcat (url, "/team", NULL);
  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autoptr(SoupMessage) create = soup_message_new ("PUT", db);
    g_autoptr(GBytes) answer = NULL;
    g_autofree char *token = g_base64_encode ((const guchar *) "styr:hemmelig", 13);
    g_autofree char *authorization = g_strconcat ("Basic ", token, NULL);

    soup_message_headers_append (soup_message_get_request_headers (create), "Authorization",
                                 authorization);
    answer = soup_session_send_and_read (session, create, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (create), ==, 201);
  }
  g_settings_set_string (settings, "sync-user", "styr");
  g_settings_sync ();

  /* No password in the keyring: the server says no, and Styr says why. */
  g_assert_cmpint (run_sync (dir, url, &err), ==, 1);
  g_assert_nonnull (strstr (err, "401"));
  g_clear_pointer (&err, g_free);

  g_assert_true (styr_secret_store (url, "styr", "forkert", NULL, &error));
  g_assert_cmpint (run_sync (dir, url, &err), ==, 1);
  g_assert_nonnull (strstr (err, "refused"));
  g_clear_pointer (&err, g_free);

  g_assert_true (styr_secret_store (url, "styr", "hemmelig", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_sync (dir, url, &err), ==, 0);

  g_settings_reset (settings, "sync-user");
  g_settings_sync ();
  couch_server_stop (server);
  couch_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secret/keyring", test_keyring);
  g_test_add_func ("/secret/command-line", test_command_line);

  return g_test_run ();
}
