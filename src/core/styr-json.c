/* styr-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-json.h"

static JsonNode *
sorted_copy (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      JsonObject *copy = json_object_new ();
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      members = g_list_sort (members, (GCompareFunc) strcmp);
      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy, l->data,
                                sorted_copy (json_object_get_member (object, l->data)));
      json_node_take_object (result, copy);
      return result;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      JsonArray *copy = json_array_sized_new (n);
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        json_array_add_element (copy, sorted_copy (json_array_get_element (array, i)));
      json_node_take_array (result, copy);
      return result;
    }

  return json_node_copy (node);
}

/**
 * styr_json_object_copy:
 * @object: a JSON object
 *
 * json_node_copy() shares the objects and arrays inside; this copies them
 * too, so that changing the copy never changes @object.
 *
 * Returns: (transfer full): a deep copy of @object, its members sorted
 */
JsonObject *
styr_json_object_copy (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  json_node_set_object (node, object);
  copy = sorted_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

/**
 * styr_json_to_canonical_string:
 * @node: a JSON node
 *
 * Serializes @node compactly with object members sorted by name, so that
 * two desktops that hold the same data produce the same bytes and hence
 * the same revision ids.
 *
 * Returns: (transfer full): the canonical JSON text
 */
char *
styr_json_to_canonical_string (JsonNode *node)
{
  g_autoptr(JsonNode) sorted = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  sorted = sorted_copy (node);
  return json_to_string (sorted, FALSE);
}

/**
 * styr_json_object_to_canonical:
 * @object: a JSON object
 *
 * Like styr_json_to_canonical_string() for an object.
 *
 * Returns: (transfer full): the canonical JSON text
 */
char *
styr_json_object_to_canonical (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (object != NULL, NULL);

  json_node_set_object (node, object);
  return styr_json_to_canonical_string (node);
}

/**
 * styr_json_revision_parse:
 * @rev: a revision id such as "3-0f1e…"
 * @generation: (out) (optional): the generation number
 * @hash: (out) (optional) (transfer none): the part after the dash
 *
 * Returns: %TRUE if @rev has the CouchDB form "N-hash" with N ≥ 1
 */
gboolean
styr_json_revision_parse (const char  *rev,
                          guint       *generation,
                          const char **hash)
{
  guint64 n;
  char *end = NULL;

  if (rev == NULL || !g_ascii_isdigit (rev[0]))
    return FALSE;

  n = g_ascii_strtoull (rev, &end, 10);
  if (end == NULL || *end != '-' || end[1] == '\0' || n == 0 || n > G_MAXUINT)
    return FALSE;

  if (generation != NULL)
    *generation = (guint) n;
  if (hash != NULL)
    *hash = end + 1;
  return TRUE;
}

/**
 * styr_json_revision_next:
 * @parent_rev: (nullable): the revision the new one follows, or %NULL
 * @canonical_body: the canonical JSON of the new body
 *
 * Makes the revision id of a write as CouchDB does: the generation is one
 * more than the parent's, and the hash depends only on the parent revision
 * and the body. Two stores that make the same edit therefore agree on the
 * revision id, which lets replication find nothing to move.
 *
 * Returns: (transfer full): the new revision id
 */
char *
styr_json_revision_next (const char *parent_rev,
                         const char *canonical_body)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  guint generation = 0;

  g_return_val_if_fail (canonical_body != NULL, NULL);

  if (parent_rev != NULL && !styr_json_revision_parse (parent_rev, &generation, NULL))
    g_return_val_if_reached (NULL);

  if (parent_rev != NULL)
    g_checksum_update (checksum, (const guchar *) parent_rev, -1);
  /* A separator that cannot occur in a revision id keeps "1-a" + "bc"
   * apart from "1-ab" + "c". */
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) canonical_body, -1);

  return g_strdup_printf ("%u-%s", generation + 1, g_checksum_get_string (checksum));
}

G_DEFINE_QUARK (styr-json-error-quark, styr_json_error)

/* The four hex digits of a \\u escape at @text, or -1. */
static int
escape_value (const char *text,
              gsize       left)
{
  int value = 0;

  if (left < 6 || text[0] != '\\' || text[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static gboolean
set_text_error (GError     **error,
                int          code,
                gsize        offset)
{
  if (code == STYR_JSON_ERROR_TOO_DEEP)
    g_set_error (error, STYR_JSON_ERROR, code,
                 /* Translators: %u is a number of levels, %lu an offset in bytes. */
                 _("The JSON nests more than %u levels deep (at byte %lu), deeper "
                   "than any record of Styr's"),
                 STYR_JSON_MAX_DEPTH, (unsigned long) offset);
  else
    g_set_error (error, STYR_JSON_ERROR, code,
                 /* Translators: %lu is an offset in bytes. */
                 _("The JSON is not valid Unicode text (at byte %lu)"), (unsigned long) offset);
  return FALSE;
}

/* What json-glib does not check, checked before it builds anything: the
 * depth of arrays and objects (its parser and everything after it recurse
 * once per level, and a document a few thousand levels deep would overflow
 * the stack), and that the text and every \\u escape in it are Unicode
 * (json-glib passes bytes and lone UTF-16 surrogates through, and the
 * strings it made would reach messages, the store and the window). */
static gboolean
check_text (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *end = NULL;
  gboolean in_string = FALSE;
  guint depth = 0;

  if (!g_utf8_validate_len (text, length, &end))
    return set_text_error (error, STYR_JSON_ERROR_ENCODING, end - text);

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          int value = escape_value (text + i, length - i);

          if (value >= 0xD800 && value <= 0xDBFF)
            {
              int low = escape_value (text + i + 6, length - i - 6);

              if (low < 0xDC00 || low > 0xDFFF)
                return set_text_error (error, STYR_JSON_ERROR_ENCODING, i);
              i += 11;
            }
          else if (value >= 0xDC00 && value <= 0xDFFF)
            return set_text_error (error, STYR_JSON_ERROR_ENCODING, i);
          else if (c == '\\')
            {
              /* json-glib also takes GScanner's octal escapes, and a \u
               * with fewer than four hex digits, which make bytes that
               * are not text. */
              if (i + 1 < length &&
                  (strchr ("\"\\/bfnrtu", text[i + 1]) == NULL ||
                   (text[i + 1] == 'u' && value < 0)))
                {
                  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                               /* Translators: %lu is an offset in bytes. */
                               _("The JSON has an escape that JSON does not define (at byte %lu)"),
                               (unsigned long) i);
                  return FALSE;
                }
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > STYR_JSON_MAX_DEPTH)
            return set_text_error (error, STYR_JSON_ERROR_TOO_DEEP, i);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * styr_json_parse:
 * @text: (nullable): JSON text
 * @length: length of @text, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Parses JSON from a file or a server, refusing what is empty, nested
 * deeper than %STYR_JSON_MAX_DEPTH or not Unicode before it is built.
 *
 * Returns: (transfer full): the root node, or %NULL with @error set
 */
JsonNode *
styr_json_parse (const char  *text,
                 gssize       length,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  gsize size;

  size = text == NULL ? 0 : length < 0 ? strlen (text) : (gsize) length;
  if (size == 0)
    {
      g_set_error_literal (error, STYR_JSON_ERROR, STYR_JSON_ERROR_EMPTY, _("The text is empty"));
      return NULL;
    }
  if (!check_text (text, size, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, size, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, STYR_JSON_ERROR, STYR_JSON_ERROR_EMPTY, _("The text is empty"));
      return NULL;
    }

  return json_node_copy (root);
}

static JsonNode *
value_of (JsonObject *object,
          const char *member,
          GType       type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

/**
 * styr_json_get_string:
 * @object: (nullable): an object from outside
 * @member: a member
 * @default_value: (nullable): what to give otherwise
 *
 * Returns: (nullable): the member's text, if it is a string
 */
const char *
styr_json_get_string (JsonObject *object,
                      const char *member,
                      const char *default_value)
{
  JsonNode *node = value_of (object, member, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : default_value;
}

gint64
styr_json_get_int (JsonObject *object,
                   const char *member,
                   gint64      default_value)
{
  JsonNode *node = value_of (object, member, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : default_value;
}

gboolean
styr_json_get_boolean (JsonObject *object,
                       const char *member,
                       gboolean    default_value)
{
  JsonNode *node = value_of (object, member, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : default_value;
}

/**
 * styr_json_get_object:
 * @object: (nullable): an object from outside
 * @member: a member
 *
 * Returns: (transfer none) (nullable): the member, if it is an object
 */
JsonObject *
styr_json_get_object (JsonObject *object,
                      const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * styr_json_get_array:
 * @object: (nullable): an object from outside
 * @member: a member
 *
 * Returns: (transfer none) (nullable): the member, if it is an array
 */
JsonArray *
styr_json_get_array (JsonObject *object,
                     const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/**
 * styr_json_array_get_object:
 * @array: an array from outside
 * @index: an index within it
 *
 * Returns: (transfer none) (nullable): the element, if it is an object
 */
JsonObject *
styr_json_array_get_object (JsonArray *array,
                            guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * styr_json_array_get_string:
 * @array: an array from outside
 * @index: an index within it
 *
 * Returns: (nullable): the element, if it is a string
 */
const char *
styr_json_array_get_string (JsonArray *array,
                            guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}
