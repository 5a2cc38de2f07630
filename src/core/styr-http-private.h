/* styr-http-private.h: the HTTP client that the replicator and the
 * catalogue source share, internal to styr-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Its errors are in STYR_REPLICATOR_ERROR (styr-replicator.h). */
typedef struct _StyrHttp StyrHttp;

StyrHttp   *styr_http_new          (const char    *url,
                                    const char    *user,
                                    const char    *password,
                                    GError       **error);
void        styr_http_free         (StyrHttp      *self);
const char *styr_http_get_url      (StyrHttp      *self);
void        styr_http_set_timeout  (StyrHttp      *self,
                                    guint          seconds);
GBytes     *styr_http_send         (StyrHttp      *self,
                                    const char    *method,
                                    const char    *path,
                                    JsonNode      *body,
                                    guint         *status,
                                    char         **content_type,
                                    GCancellable  *cancellable,
                                    GError       **error);
JsonNode   *styr_http_parse_json   (StyrHttp      *self,
                                    GBytes        *answer,
                                    guint          status,
                                    const char    *content_type,
                                    GError       **error);
void        styr_http_set_unreadable (StyrHttp    *self,
                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrHttp, styr_http_free)

G_END_DECLS
