/* couch-helpers.h: the CouchDB-compatible test server from tests/couch,
 * plain HTTP calls to it, and small HTTP servers of the tests' own, for
 * the suites that talk to a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

GSubprocess *couch_server_start (const char  *user,
                                 const char  *password,
                                 char       **url);
void         couch_server_stop  (GSubprocess *server);
void         couch_remove_dir   (const char  *path);
guint        couch_http         (const char  *url,
                                 const char  *method,
                                 const char  *body,
                                 char       **answer);

/* A SoupServer on 127.0.0.1 that answers in a thread of its own, so a
 * test can make blocking requests to it. */
typedef struct
{
  SoupServer   *server;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  char         *url;
} LocalServer;

LocalServer *local_server_start (SoupServerCallback  callback,
                                 gpointer            user_data);
LocalServer *local_server_start_tls (SoupServerCallback  callback,
                                     gpointer            user_data,
                                     GTlsCertificate    *certificate);
void         local_server_stop  (LocalServer        *local);

G_END_DECLS
