/* styr-secret.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  styr_secret_store  (const char    *server,
                              const char    *user,
                              const char    *password,
                              GCancellable  *cancellable,
                              GError       **error);
char     *styr_secret_lookup (const char    *server,
                              const char    *user,
                              GCancellable  *cancellable,
                              GError       **error);
gboolean  styr_secret_clear  (const char    *server,
                              const char    *user,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
