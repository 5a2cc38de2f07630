/* styr-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char     *styr_json_to_canonical_string (JsonNode    *node);
char     *styr_json_object_to_canonical (JsonObject  *object);
char     *styr_json_revision_next       (const char  *parent_rev,
                                         const char  *canonical_body);
gboolean  styr_json_revision_parse      (const char  *rev,
                                         guint       *generation,
                                         const char **hash);
JsonNode *styr_json_parse               (const char  *text,
                                         gssize       length,
                                         GError     **error);

G_END_DECLS
