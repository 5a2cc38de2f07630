/* styr-secret.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-secret"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "styr-secret.h"

/* The sync password lives in the Secret Service (the keyring) under the
 * server and user it belongs to, and nowhere else: not in GSettings, the
 * database, a log or a command line. The calls block, so the app makes
 * them from a worker thread.
 */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.styr.Styr.Sync", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
explain (GError     **error,
         GError      *cause,
         const char  *server)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is the sync server; then why the keyring failed. */
                 _("The keyring did not answer for the password of %s: %s"), server,
                 cause->message);
}

/**
 * styr_secret_store:
 * @server: the sync server's URL
 * @user: the user name on it
 * @password: the password, or "" to forget it
 * @cancellable: (nullable): to give up
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the keyring holds the password now
 */
gboolean
styr_secret_store (const char    *server,
                   const char    *user,
                   const char    *password,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (server != NULL && user != NULL && password != NULL, FALSE);

  if (password[0] == '\0')
    return styr_secret_clear (server, user, cancellable, error);

  /* Translators: the keyring's name for the password; %s is the server. */
  label = g_strdup_printf (_("Styr sync password for %s"), server);
  if (!secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                   cancellable, &local_error,
                                   "server", server, "user", user, NULL))
    {
      explain (error, local_error, server);
      return FALSE;
    }
  return TRUE;
}

/**
 * styr_secret_lookup:
 * @server: the sync server's URL
 * @user: the user name on it
 * @cancellable: (nullable): to give up
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the password; %NULL without an
 *   error when the keyring has none
 */
char *
styr_secret_lookup (const char    *server,
                    const char    *user,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *password;

  g_return_val_if_fail (server != NULL && user != NULL, NULL);

  password = secret_password_lookup_sync (get_schema (), cancellable, &local_error,
                                          "server", server, "user", user, NULL);
  if (local_error != NULL)
    explain (error, local_error, server);
  return password;
}

/**
 * styr_secret_clear:
 * @server: the sync server's URL
 * @user: the user name on it
 * @cancellable: (nullable): to give up
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the keyring holds no password for them now
 */
gboolean
styr_secret_clear (const char    *server,
                   const char    *user,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (server != NULL && user != NULL, FALSE);

  secret_password_clear_sync (get_schema (), cancellable, &local_error,
                              "server", server, "user", user, NULL);
  if (local_error != NULL)
    {
      explain (error, local_error, server);
      return FALSE;
    }
  return TRUE;
}
