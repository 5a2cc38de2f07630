/* styr-http.c: the HTTP client that the replicator and the catalogue
 * source share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "styr-http-private.h"
#include "styr-json.h"
#include "styr-replicator.h"

/* Every request goes to one server given by its URL. Plain http is
 * accepted only on this machine, certificate errors never, and the
 * password goes only to the server it was given for. Whatever goes wrong
 * becomes an error that says what, where and why; nothing of a failed
 * answer reaches the caller. */

/* Far more than the largest answer Styr asks for (a batch of 500
 * documents); a larger one is refused before it fills the memory. */
#define MAX_ANSWER_SIZE (64 * 1024 * 1024)
#define MAX_REDIRECTS 5

struct _StyrHttp
{
  SoupSession *session;
  /* Without the user name and password, so messages can show it. */
  char        *url;
  GUri        *uri;
  char        *authorization;
  /* How long the server may stay silent; a whole answer may take twice
   * that, so a server that trickles a byte at a time cannot hold a pass
   * for minutes. */
  guint        timeout;
};

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = host != NULL ? g_inet_address_new_from_string (host) : NULL;

  if (address != NULL)
    return g_inet_address_get_is_loopback (address);
  return g_strcmp0 (host, "localhost") == 0;
}

static gboolean
check_scheme (GUri        *uri,
              const char  *url,
              GError     **error)
{
  const char *scheme = g_uri_get_scheme (uri);

  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE,
                   /* Translators: %s is what was given as the server's address. */
                   _("“%s” is not the address of a server; write it like "
                     "https://couch.kommune.dk."), url);
      return FALSE;
    }
  if (g_str_equal (scheme, "http") && !is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_INSECURE,
                   /* Translators: %s is the server's address. */
                   _("Styr only talks to %s over https: plain http would send the password and "
                     "the municipality’s data unencrypted."), url);
      return FALSE;
    }
  return TRUE;
}

/* An address that does not parse may still hold "user:password@": it is
 * shown with whatever stands between "//" and the last "@" before the
 * path left out. */
static char *
without_userinfo (const char *url)
{
  const char *start = strstr (url, "//");
  g_autofree char *scheme = NULL;
  const char *end;
  const char *at = NULL;

  if (start == NULL)
    return g_strdup (url);
  start += 2;
  end = start + strcspn (start, "/?#");
  for (const char *p = start; p < end; p++)
    if (*p == '@')
      at = p;

  if (at == NULL)
    return g_strdup (url);
  scheme = g_strndup (url, start - url);
  return g_strconcat (scheme, "…", at, NULL);
}

/**
 * styr_http_new:
 * @url: the server's URL, which may carry "user:password@"
 * @user: (nullable): the user name; overrides one in @url
 * @password: (nullable): the password; kept in memory only
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a client, or %NULL with @error set
 */
StyrHttp *
styr_http_new (const char  *url,
               const char  *user,
               const char  *password,
               GError     **error)
{
  g_autoptr(StyrHttp) self = g_new0 (StyrHttp, 1);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) bare = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_autofree char *shown = without_userinfo (url);

      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE,
                   _("“%s” is not the address of a server; write it like "
                     "https://couch.kommune.dk."), shown);
      return NULL;
    }

  /* The password is never part of what an error message shows. */
  bare = soup_uri_copy (uri, SOUP_URI_USER, NULL, SOUP_URI_PASSWORD, NULL, SOUP_URI_NONE);
  self->url = g_uri_to_string (bare);
  while (g_str_has_suffix (self->url, "/"))
    self->url[strlen (self->url) - 1] = '\0';
  if (!check_scheme (bare, self->url, error))
    return NULL;
  self->uri = g_steal_pointer (&bare);

  if (user == NULL || user[0] == '\0')
    {
      user = g_uri_get_user (uri);
      password = g_uri_get_password (uri);
    }
  if (user != NULL && user[0] != '\0')
    {
      g_autofree char *pair = g_strdup_printf ("%s:%s", user, password != NULL ? password : "");
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      self->authorization = g_strconcat ("Basic ", encoded, NULL);
    }

  self->timeout = 60;
  self->session = soup_session_new_with_options ("timeout", self->timeout, "idle-timeout", 60,
                                                 NULL);
  return g_steal_pointer (&self);
}

void
styr_http_free (StyrHttp *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->session);
  g_clear_pointer (&self->uri, g_uri_unref);
  g_free (self->url);
  g_free (self->authorization);
  g_free (self);
}

/* The URL given to styr_http_new(), without a user name, password or
 * trailing slash. */
const char *
styr_http_get_url (StyrHttp *self)
{
  return self->url;
}

void
styr_http_set_timeout (StyrHttp *self,
                       guint     seconds)
{
  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_strcmp0 (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

/* The whole answer, or NULL once it passes MAX_ANSWER_SIZE. */
static GBytes *
send_and_read (StyrHttp      *self,
               SoupMessage   *message,
               gboolean      *too_large,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gint64 deadline = g_get_monotonic_time () + 2 * (gint64) self->timeout * G_USEC_PER_SEC;

  stream = soup_session_send (self->session, message, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (stream, 65536, cancellable, error);

      if (chunk == NULL)
        return NULL;
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE,
                       /* Translators: the server, then a number of seconds. */
                       _("%s sends its answer so slowly that it did not arrive within %u "
                         "seconds, so Styr stopped waiting. Nothing was changed here; the next "
                         "synchronisation tries again."), self->url, 2 * self->timeout);
          return NULL;
        }
      if (g_bytes_get_size (chunk) == 0)
        break;
      if (data->len + g_bytes_get_size (chunk) > MAX_ANSWER_SIZE)
        {
          *too_large = TRUE;
          return NULL;
        }
      g_byte_array_append (data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
    }

  g_input_stream_close (stream, NULL, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Where a GET is sent on to, if Styr may follow: redirects are followed
 * here, not by libsoup, so that none leads to plain http elsewhere. */
static GUri *
redirect_target (StyrHttp     *self,
                 SoupMessage  *message,
                 GError      **error)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "Location");
  g_autoptr(GUri) target = NULL;
  g_autofree char *shown = NULL;

  if (location == NULL)
    return NULL;

  target = g_uri_parse_relative (soup_message_get_uri (message), location, SOUP_HTTP_URI_FLAGS,
                                 NULL);
  if (target == NULL)
    return NULL;

  shown = g_uri_to_string_partial (target, G_URI_HIDE_USERINFO);
  if (g_strcmp0 (g_uri_get_scheme (target), "http") == 0 && !is_loopback (g_uri_get_host (target)))
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_INSECURE,
                   /* Translators: the server, then where it sent Styr on to. */
                   _("%s sent Styr on to %s over plain http, so Styr did not follow: it only "
                     "talks to servers elsewhere over https."), self->url, shown);
      return NULL;
    }
  if (!check_scheme (target, shown, error))
    return NULL;

  return g_steal_pointer (&target);
}

/**
 * styr_http_send:
 * @self: a #StyrHttp
 * @method: "GET", "PUT" or "POST"
 * @path: below the URL, or "" for the URL itself
 * @body: (nullable): a JSON body to send
 * @status: (out): the HTTP status
 * @content_type: (out) (optional) (transfer full): the answer's type
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Sends one request. An answer that cannot be had (the server is not
 * reached, its certificate is not valid, it refuses the user, it has an
 * error of its own) is an error; any other is returned with its status
 * for the caller to judge.
 *
 * Returns: (transfer full): the answer, or %NULL with @error set
 */
GBytes *
styr_http_send (StyrHttp      *self,
                const char    *method,
                const char    *path,
                JsonNode      *body,
                guint         *status,
                char         **content_type,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *url = g_strdup_printf ("%s%s%s", self->url, path[0] != '\0' ? "/" : "", path);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean too_large = FALSE;

  if (message == NULL)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE,
                   _("“%s” is not the address of a server; write it like "
                     "https://couch.kommune.dk."), self->url);
      return NULL;
    }

  for (guint hops = 0; ; hops++)
    {
      SoupMessageHeaders *headers = soup_message_get_request_headers (message);
      g_autoptr(GUri) target = NULL;

      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      soup_message_headers_append (headers, "Accept", "application/json");
      if (self->authorization != NULL && same_origin (soup_message_get_uri (message), self->uri))
        soup_message_headers_append (headers, "Authorization", self->authorization);
      if (body != NULL)
        {
          char *text = json_to_string (body, FALSE);
          g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

          soup_message_set_request_body_from_bytes (message, "application/json", bytes);
        }

      answer = send_and_read (self, message, &too_large, cancellable, &local_error);
      if (answer == NULL || !SOUP_STATUS_IS_REDIRECTION (soup_message_get_status (message)) ||
          !g_str_equal (method, "GET") || hops == MAX_REDIRECTS)
        break;

      target = redirect_target (self, message, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (target == NULL)
        break;
      g_clear_object (&message);
      g_clear_pointer (&answer, g_bytes_unref);
      message = soup_message_new_from_uri (method, target);
    }

  if (too_large)
    {
      g_autofree char *limit = g_format_size (MAX_ANSWER_SIZE);

      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NOT_COUCHDB,
                   /* Translators: the server, then a size such as "67.1 MB". */
                   _("%s sent an answer larger than %s, so Styr did not read it. Nothing was "
                     "changed here."), self->url, limit);
      return NULL;
    }
  if (answer == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          local_error->domain == STYR_REPLICATOR_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (local_error->domain == G_TLS_ERROR ||
               soup_message_get_tls_peer_certificate_errors (message) != 0)
        g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_INSECURE,
                     /* Translators: %s is the server; then what was wrong with its certificate. */
                     _("The certificate of %s is not valid, so Styr did not connect: %s"),
                     self->url, local_error->message);
      else
        g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNREACHABLE,
                     /* Translators: %s is the server; then why it could not be reached. */
                     _("The server %s could not be reached: %s"), self->url,
                     local_error->message);
      return NULL;
    }

  *status = soup_message_get_status (message);
  if (*status == SOUP_STATUS_FORBIDDEN)
    {
      /* The user is known, or none is needed, and is not let in: another
       * password would not help, the server's administrator would. */
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNAUTHORIZED,
                   /* Translators: %s is the server. */
                   _("%s does not let this user into the database (HTTP 403). Ask the "
                     "server’s administrator to give the user access."), self->url);
      return NULL;
    }
  if (*status == SOUP_STATUS_UNAUTHORIZED)
    {
      if (self->authorization == NULL)
        g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNAUTHORIZED,
                     /* Translators: %s is the server, %u the HTTP status. */
                     _("%s asks for a user name and password (HTTP %u)."), self->url, *status);
      else
        g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNAUTHORIZED,
                     /* Translators: %s is the server, %u the HTTP status. */
                     _("%s refused the user name or password (HTTP %u). Check them in "
                       "Preferences."), self->url, *status);
      return NULL;
    }
  if (*status >= 500)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_SERVER,
                   /* Translators: %s is the server, %u the HTTP status. */
                   _("%s had an error (HTTP %u). Nothing was changed here; try again later."),
                   self->url, *status);
      return NULL;
    }

  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_content_type (
                                soup_message_get_response_headers (message), NULL));
  return g_steal_pointer (&answer);
}

/**
 * styr_http_parse_json:
 * @self: a #StyrHttp
 * @answer: what styr_http_send() returned
 * @status: its status
 * @content_type: (nullable): its type
 * @error: return location for a #GError
 *
 * The answer must be JSON from a 2xx, or a 404.
 *
 * Returns: (transfer full): the JSON, or %NULL with @error set
 */
JsonNode *
styr_http_parse_json (StyrHttp    *self,
                      GBytes      *answer,
                      guint        status,
                      const char  *content_type,
                      GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (answer, &length);

  if (g_strcmp0 (content_type, "application/json") == 0 &&
      (node = styr_json_parse (data, length, &parse_error)) == NULL &&
      (g_error_matches (parse_error, STYR_JSON_ERROR, STYR_JSON_ERROR_TOO_DEEP) ||
       g_error_matches (parse_error, STYR_JSON_ERROR, STYR_JSON_ERROR_ENCODING)))
    {
      g_set_error (error, STYR_REPLICATOR_ERROR,
                   parse_error->code == STYR_JSON_ERROR_TOO_DEEP ?
                   STYR_REPLICATOR_ERROR_TOO_DEEP : STYR_REPLICATOR_ERROR_NOT_UNICODE,
                   /* Translators: %s is the server, then why. */
                   _("%s sent a document Styr cannot read: %s."), self->url,
                   parse_error->message);
      return NULL;
    }

  if (node == NULL)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NOT_COUCHDB,
                   /* Translators: %s is the server; %u the HTTP status of its odd answer. */
                   _("%s did not answer as a CouchDB server does (HTTP %u, %s). Nothing was "
                     "changed here."), self->url, status,
                   content_type != NULL ? content_type : _("no content type"));
      return NULL;
    }

  if (status >= 300 && status != SOUP_STATUS_NOT_FOUND)
    {
      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_SERVER,
                   _("%s had an error (HTTP %u). Nothing was changed here; try again later."),
                   self->url, status);
      return NULL;
    }

  return g_steal_pointer (&node);
}

/* For an answer that is JSON but not what was asked for. */
void
styr_http_set_unreadable (StyrHttp  *self,
                          GError   **error)
{
  g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_NOT_COUCHDB,
               /* Translators: %s is the server. */
               _("%s sent an answer Styr cannot read. Nothing was changed here."), self->url);
}
