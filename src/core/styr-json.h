/* styr-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STYR_JSON_ERROR (styr_json_error_quark ())

/**
 * StyrJsonError:
 * @STYR_JSON_ERROR_TOO_DEEP: the text nests arrays and objects deeper
 *   than any document of Styr's does
 * @STYR_JSON_ERROR_EMPTY: there is no text
 * @STYR_JSON_ERROR_ENCODING: the text, or a string escaped in it, is not
 *   Unicode
 */
typedef enum
{
  STYR_JSON_ERROR_TOO_DEEP,
  STYR_JSON_ERROR_EMPTY,
  STYR_JSON_ERROR_ENCODING,
} StyrJsonError;

/* Styr's deepest documents nest six levels, a server's answer around them
 * five more; json-glib and SQLite recurse through every level. */
#define STYR_JSON_MAX_DEPTH 100

GQuark    styr_json_error_quark         (void);

JsonObject *styr_json_object_copy       (JsonObject  *object);
char     *styr_json_to_canonical_string (JsonNode    *node);
char     *styr_json_object_to_canonical (JsonObject  *object);
char     *styr_json_revision_next       (const char  *parent_rev,
                                         const char  *canonical_body);
gboolean  styr_json_revision_parse      (const char  *rev,
                                         guint       *generation,
                                         const char **hash);
/* Members of JSON from outside, which may be of any type: each gives the
 * default unless the member is of the type asked for (json-glib's own
 * getters warn, and return nothing useful, on another type). */
const char *styr_json_get_string        (JsonObject  *object,
                                         const char  *member,
                                         const char  *default_value);
gint64      styr_json_get_int           (JsonObject  *object,
                                         const char  *member,
                                         gint64       default_value);
gboolean    styr_json_get_boolean       (JsonObject  *object,
                                         const char  *member,
                                         gboolean     default_value);
JsonObject *styr_json_get_object        (JsonObject  *object,
                                         const char  *member);
JsonArray  *styr_json_get_array         (JsonObject  *object,
                                         const char  *member);
JsonObject *styr_json_array_get_object  (JsonArray   *array,
                                         guint        index);
const char *styr_json_array_get_string  (JsonArray   *array,
                                         guint        index);

JsonNode *styr_json_parse               (const char  *text,
                                         gssize       length,
                                         GError     **error);

G_END_DECLS
