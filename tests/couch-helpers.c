/* couch-helpers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "couch-helpers.h"

/* Starts the test server (PouchDB behind express-pouchdb, from
 * tests/couch, on 127.0.0.1 with a free port, with HTTP Basic
 * authentication when @user is given) and waits for its
 * "listening <port>". */
GSubprocess *
couch_server_start (const char  *user,
                    const char  *password,
                    char       **url)
{
  /* Its stdin is a pipe from this test: when the test ends, even by a
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

void
couch_server_stop (GSubprocess *server)
{
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  g_object_unref (server);
}

/* A plain HTTP call to the server, as another client would make; returns
 * the status, and the answer in @answer if asked for. */
guint
couch_http (const char  *url,
            const char  *method,
            const char  *body,
            char       **answer)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_append (soup_message_get_request_headers (message), "Accept",
                               "application/json");
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", request);
    }
  bytes = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (answer != NULL)
    *answer = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return soup_message_get_status (message);
}

static gpointer
local_server_thread (gpointer user_data)
{
  LocalServer *local = user_data;

  g_main_context_push_thread_default (local->context);
  g_main_loop_run (local->loop);
  g_main_context_pop_thread_default (local->context);
  return NULL;
}

LocalServer *
local_server_start (SoupServerCallback callback,
                    gpointer           user_data)
{
  return local_server_start_tls (callback, user_data, NULL);
}

/**
 * local_server_start_tls:
 * @callback: answers every request
 * @user_data: for @callback
 * @certificate: (nullable): to answer over https with, e.g. one no
 *   authority signed
 */
LocalServer *
local_server_start_tls (SoupServerCallback  callback,
                        gpointer            user_data,
                        GTlsCertificate    *certificate)
{
  LocalServer *local = g_new0 (LocalServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  local->context = g_main_context_new ();
  local->loop = g_main_loop_new (local->context, FALSE);

  g_main_context_push_thread_default (local->context);
  local->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (local->server, NULL, callback, user_data, NULL);
  g_assert_true (soup_server_listen_local (local->server, 0,
                                           SOUP_SERVER_LISTEN_IPV4_ONLY |
                                           (certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                                           &error));
  g_assert_no_error (error);
  g_main_context_pop_thread_default (local->context);

  uris = soup_server_get_uris (local->server);
  local->url = g_strdup_printf ("%s://127.0.0.1:%d", certificate != NULL ? "https" : "http",
                                g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  local->thread = g_thread_new ("local-server", local_server_thread, local);
  return local;
}

void
local_server_stop (LocalServer *local)
{
  g_main_loop_quit (local->loop);
  g_thread_join (local->thread);
  soup_server_disconnect (local->server);
  g_object_unref (local->server);
  g_main_loop_unref (local->loop);
  g_main_context_unref (local->context);
  g_free (local->url);
  g_free (local);
}

/**
 * couch_remove_dir:
 * @path: a folder a test made
 *
 * Removes it with everything in it.
 */
void
couch_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        couch_remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
