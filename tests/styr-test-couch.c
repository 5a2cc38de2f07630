/* styr-test-couch.c: the CouchDB-compatible server of tests/couch (PouchDB
 * behind express-pouchdb, on 127.0.0.1 with a free port), started from
 * the script named by STYR_COUCH_SERVER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "styr-test-couch.h"

/**
 * styr_test_couch_start:
 * @user: (nullable): the user the server asks for, %NULL for none
 * @password: (nullable): that user's password
 * @url: (out) (transfer full): the server's URL, e.g. "http://127.0.0.1:5984"
 *
 * Starts the test server and waits for its "listening <port>".
 *
 * Returns: (transfer full): the server's process
 */
GSubprocess *
styr_test_couch_start (const char  *user,
                       const char  *password,
                       char       **url)
{
  /* Its stdin is a pipe from this process: when that ends, even by a
   * failed assertion, the server sees the pipe close and stops. */
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  const char *script = g_getenv ("STYR_COUCH_SERVER");
  GSubprocess *server;

  g_assert_nonnull (script);
  g_subprocess_launcher_setenv (launcher, "STYR_COUCH_PORT", "0", TRUE);
  if (user != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "STYR_COUCH_USER", user, TRUE);
      g_subprocess_launcher_setenv (launcher, "STYR_COUCH_PASSWORD", password, TRUE);
    }
  server = g_subprocess_launcher_spawn (launcher, &error, "node", script, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "listening "))
    g_error ("the test server did not start; are its modules installed "
             "(build-aux/install-deps.sh --tests)?");
  *url = g_strdup_printf ("http://127.0.0.1:%s", line + strlen ("listening "));
  return server;
}

/**
 * styr_test_couch_http:
 * @url: the whole URL
 * @method: "GET", "PUT", "POST", …
 * @body: (nullable): a JSON body
 * @answer_text: (out) (optional) (transfer full): the answer's body, as text
 *
 * A plain HTTP call to the server, as another client would make.
 *
 * Returns: the HTTP status
 */
guint
styr_test_couch_http (const char  *url,
                      const char  *method,
                      const char  *body,
                      char       **answer_text)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (answer_text != NULL)
    *answer_text = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
  return soup_message_get_status (message);
}

/**
 * styr_test_remove_dir:
 * @dir: a temporary folder with files (a store and its journal) in it
 *
 * Removes the files in @dir, then @dir.
 */
void
styr_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}
