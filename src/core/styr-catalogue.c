/* styr-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "styr-catalogue.h"
#include "styr-json.h"

#define CATALOGUE_FORMAT "styr-catalogue"
#define CATALOGUE_FORMAT_VERSION 1
#define CATALOGUE_RESOURCE RESOURCE_PATH "/catalogue.json"
#define SETTING_VERSION "catalogue-version"
#define SETTING_ISSUED "catalogue-issued"
#define CATALOGUE_AUTHOR "catalogue"
#define N_MUNICIPALITIES 98

struct _StyrCatalogue
{
  GObject    parent_instance;

  char      *origin;
  char      *title;
  char      *issued;
  gint64     version;
  /* Owned: the documents in file order, each without its "_id". */
  GPtrArray *ids;
  GPtrArray *bodies;
};

G_DEFINE_FINAL_TYPE (StyrCatalogue, styr_catalogue, G_TYPE_OBJECT)

G_DEFINE_QUARK (styr-catalogue-error-quark, styr_catalogue_error)

static const char * const document_types[] = {
  "municipality", "service", "system", "role", "checklist", "checklist-item", "task", "meeting",
};

static gboolean
is_date (const char *text)
{
  guint y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (d, m, y);
}

static gboolean
is_month (const char *text)
{
  guint y, m;
  char tail;

  return text != NULL && strlen (text) == 7 &&
         sscanf (text, "%4u-%2u%c", &y, &m, &tail) == 2 && m >= 1 && m <= 12;
}

static GDateTime *
parse_datetime (const char *text)
{
  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

/* Every problem with a document is reported the same way, naming the file,
 * the document and what is wrong with it.
 */
G_GNUC_PRINTF (4, 5)
static gboolean
invalid (GError     **error,
         const char  *origin,
         const char  *id,
         const char  *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (id != NULL)
    g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID,
                 _("Catalogue “%s”, document “%s”: %s."), origin, id, problem);
  else
    g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID,
                 _("Catalogue “%s”: %s."), origin, problem);
  return FALSE;
}

static gboolean
require_string (JsonObject  *doc,
                const char  *member,
                const char  *origin,
                const char  *id,
                GError     **error)
{
  JsonNode *node = json_object_get_member (doc, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      json_node_get_string (node)[0] == '\0')
    return invalid (error, origin, id, _("the field “%s” is missing or not a text"), member);

  return TRUE;
}

static gboolean
optional_date (JsonObject  *doc,
               const char  *member,
               const char  *origin,
               const char  *id,
               GError     **error)
{
  JsonNode *node = json_object_get_member (doc, member);
  const char *text;

  if (node == NULL)
    return TRUE;

  text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
  if (!is_date (text))
    return invalid (error, origin, id, _("%s “%s” is not a date (YYYY-MM-DD)"),
                    member, text != NULL ? text : "?");

  return TRUE;
}

static gboolean
optional_string_list (JsonObject  *doc,
                      const char  *member,
                      const char  *origin,
                      const char  *id,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (doc, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, origin, id, _("the field “%s” is not a list of texts"), member);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return invalid (error, origin, id, _("the field “%s” is not a list of texts"), member);
    }

  return TRUE;
}

static gboolean
validate_national (JsonObject  *task,
                   const char  *origin,
                   const char  *id,
                   GError     **error)
{
  static const char * const counts[] = { "completed", "started", "not_started" };
  JsonNode *node = json_object_get_member (task, "national");
  JsonObject *national;
  gint64 total = 0;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, origin, id, _("the national status is not an object"));

  national = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      JsonNode *count = json_object_get_member (national, counts[i]);

      if (count == NULL || json_node_get_value_type (count) != G_TYPE_INT64 ||
          json_node_get_int (count) < 0)
        return invalid (error, origin, id,
                        _("the national count “%s” is missing or negative"), counts[i]);
      total += json_node_get_int (count);
    }

  if (total != N_MUNICIPALITIES)
    return invalid (error, origin, id, _("the national counts add up to %d, not %d"),
                    (int) MIN (total, G_MAXINT), N_MUNICIPALITIES);

  return optional_date (national, "as_of", origin, id, error);
}

static gboolean
validate_slots (JsonObject  *meeting,
                const char  *origin,
                const char  *id,
                GError     **error)
{
  JsonNode *node = json_object_get_member (meeting, "slots");
  const char *kind = json_object_get_string_member (meeting, "kind");
  JsonArray *slots;
  guint n;

  if (node == NULL)
    n = 0;
  else if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, origin, id, _("the slots are not a list"));
  else
    n = json_array_get_length (json_node_get_array (node));

  if (g_strcmp0 (kind, "programme-leader") == 0 && n != 2)
    return invalid (error, origin, id,
                    _("a programme-leader meeting needs two alternative slots, not %u"), n);

  slots = n > 0 ? json_node_get_array (node) : NULL;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *slot_node = json_array_get_element (slots, i);
      JsonObject *slot;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (slot_node))
        return invalid (error, origin, id, _("slot %u is not an object"), i + 1);

      slot = json_node_get_object (slot_node);
      start = parse_datetime (json_object_get_string_member_with_default (slot, "start", NULL));
      end = parse_datetime (json_object_get_string_member_with_default (slot, "end", NULL));
      if (start == NULL || end == NULL)
        return invalid (error, origin, id,
                        _("slot %u needs a start and an end with date, time and UTC offset"),
                        i + 1);
      if (g_date_time_compare (end, start) <= 0)
        return invalid (error, origin, id, _("slot %u ends before it starts"), i + 1);
    }

  return TRUE;
}

static gboolean
validate_document (JsonObject  *doc,
                   const char  *type,
                   const char  *origin,
                   const char  *id,
                   GHashTable  *ids,
                   GError     **error)
{
  if (g_str_equal (type, "municipality"))
    {
      const char *code;

      if (!require_string (doc, "code", origin, id, error) ||
          !require_string (doc, "name", origin, id, error) ||
          !require_string (doc, "region", origin, id, error) ||
          !optional_string_list (doc, "aliases", origin, id, error))
        return FALSE;

      code = json_object_get_string_member (doc, "code");
      if (strlen (code) != 3 || !g_ascii_isdigit (code[0]) ||
          !g_ascii_isdigit (code[1]) || !g_ascii_isdigit (code[2]))
        return invalid (error, origin, id,
                        _("the municipality code “%s” is not three digits"), code);
      return TRUE;
    }

  if (g_str_equal (type, "service"))
    return require_string (doc, "code", origin, id, error) &&
           require_string (doc, "name", origin, id, error);

  if (g_str_equal (type, "system") || g_str_equal (type, "role"))
    return require_string (doc, "name", origin, id, error);

  if (g_str_equal (type, "checklist"))
    return require_string (doc, "title", origin, id, error);

  if (g_str_equal (type, "checklist-item"))
    {
      g_autofree char *checklist_id = NULL;

      if (!require_string (doc, "checklist", origin, id, error) ||
          !require_string (doc, "text", origin, id, error) ||
          !optional_date (doc, "due", origin, id, error) ||
          !optional_date (doc, "date", origin, id, error))
        return FALSE;

      checklist_id = g_strconcat ("checklist:", json_object_get_string_member (doc, "checklist"),
                                  NULL);
      if (!g_hash_table_contains (ids, checklist_id))
        return invalid (error, origin, id, _("its checklist “%s” comes nowhere before it"),
                        json_object_get_string_member (doc, "checklist"));
      return TRUE;
    }

  if (g_str_equal (type, "task"))
    {
      const char *kind = json_object_get_string_member_with_default (doc, "kind", NULL);

      if (!require_string (doc, "project", origin, id, error) ||
          !require_string (doc, "title", origin, id, error) ||
          !optional_date (doc, "published", origin, id, error) ||
          !optional_date (doc, "deadline", origin, id, error))
        return FALSE;

      if (kind != NULL && !g_str_equal (kind, "obligatorisk") && !g_str_equal (kind, "anbefalet"))
        return invalid (error, origin, id,
                        _("the task type “%s” is neither “obligatorisk” nor “anbefalet”"), kind);

      return validate_national (doc, origin, id, error);
    }

  if (g_str_equal (type, "meeting"))
    {
      const char *month;

      if (!require_string (doc, "title", origin, id, error) ||
          !require_string (doc, "kind", origin, id, error) ||
          !optional_date (doc, "date", origin, id, error))
        return FALSE;

      month = json_object_get_string_member_with_default (doc, "month", NULL);
      if (json_object_has_member (doc, "month") && !is_month (month))
        return invalid (error, origin, id, _("month “%s” is not a month (YYYY-MM)"),
                        month != NULL ? month : "?");

      return validate_slots (doc, origin, id, error);
    }

  g_assert_not_reached ();
}

static gboolean
is_known_type (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_types); i++)
    if (g_str_equal (type, document_types[i]))
      return TRUE;

  return FALSE;
}

/* Checks the whole catalogue before anything is written, so that a bad
 * file is refused as a whole and never half imported.
 */
static gboolean
load (StyrCatalogue  *self,
      JsonNode       *root,
      GError        **error)
{
  const char *origin = self->origin;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonNode *documents;
  JsonArray *array;
  const char *format;
  guint n_municipalities = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, origin, NULL, _("the file is not a JSON object"));

  object = json_node_get_object (root);
  format = json_object_get_string_member_with_default (object, "format", NULL);
  if (g_strcmp0 (format, CATALOGUE_FORMAT) != 0)
    return invalid (error, origin, NULL, _("the file is not a Styr catalogue"));

  if (json_object_get_int_member_with_default (object, "format_version", 0) >
      CATALOGUE_FORMAT_VERSION)
    {
      g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_UNSUPPORTED,
                   _("Catalogue “%s” is written for a newer version of Styr. Update Styr to "
                     "import it."),
                   origin);
      return FALSE;
    }
  if (json_object_get_int_member_with_default (object, "format_version", 0) <= 0)
    return invalid (error, origin, NULL, _("the format version is missing"));

  self->version = json_object_get_int_member_with_default (object, "version", 0);
  if (self->version <= 0)
    return invalid (error, origin, NULL, _("the catalogue version is missing"));

  self->issued = g_strdup (json_object_get_string_member_with_default (object, "issued", NULL));
  if (!is_date (self->issued))
    return invalid (error, origin, NULL, _("the issue date is missing or not a date"));

  self->title = g_strdup (json_object_get_string_member_with_default (object, "title", ""));

  documents = json_object_get_member (object, "documents");
  if (documents == NULL || !JSON_NODE_HOLDS_ARRAY (documents))
    return invalid (error, origin, NULL, _("the list of documents is missing"));

  array = json_node_get_array (documents);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *position = g_strdup_printf ("#%u", i + 1);
      JsonObject *doc;
      JsonObject *body;
      const char *id;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, origin, position, _("it is not a JSON object"));

      doc = json_node_get_object (node);
      id = json_object_get_string_member_with_default (doc, "_id", NULL);
      type = json_object_get_string_member_with_default (doc, "type", NULL);
      if (id == NULL || id[0] == '\0')
        return invalid (error, origin, position, _("it has no “_id”"));
      if (type == NULL || !is_known_type (type))
        return invalid (error, origin, id, _("the type “%s” is unknown"),
                        type != NULL ? type : "");
      if (!g_str_has_prefix (id, type) || id[strlen (type)] != ':' ||
          id[strlen (type) + 1] == '\0')
        return invalid (error, origin, id, _("the id does not start with its type “%s:”"), type);
      if (json_object_has_member (doc, "_rev"))
        return invalid (error, origin, id, _("a catalogue document must not carry a revision"));
      if (g_hash_table_contains (ids, id))
        return invalid (error, origin, id, _("the id occurs twice"));

      if (!validate_document (doc, type, origin, id, ids, error))
        return FALSE;

      if (g_str_equal (type, "municipality"))
        n_municipalities++;

      body = json_object_new ();
      {
        g_autoptr(GList) members = json_object_get_members (doc);

        for (const GList *l = members; l != NULL; l = l->next)
          if (!g_str_equal (l->data, "_id"))
            json_object_set_member (body, l->data,
                                    json_node_copy (json_object_get_member (doc, l->data)));
      }
      g_hash_table_add (ids, (gpointer) id);
      g_ptr_array_add (self->ids, g_strdup (id));
      g_ptr_array_add (self->bodies, body);
    }

  if (n_municipalities != 0 && n_municipalities != N_MUNICIPALITIES)
    return invalid (error, origin, NULL, _("it lists %u municipalities, not %d"),
                    n_municipalities, N_MUNICIPALITIES);

  return TRUE;
}

static void
styr_catalogue_finalize (GObject *object)
{
  StyrCatalogue *self = (StyrCatalogue *)object;

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->issued, g_free);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->bodies, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_catalogue_parent_class)->finalize (object);
}

static void
styr_catalogue_class_init (StyrCatalogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = styr_catalogue_finalize;
}

static void
styr_catalogue_init (StyrCatalogue *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
}

/**
 * styr_catalogue_new_from_bytes:
 * @bytes: the catalogue's JSON text
 * @origin: a name for the catalogue in error messages, such as its file name
 * @error: return location for a #GError
 *
 * Parses and checks a whole catalogue. Nothing is written anywhere.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
StyrCatalogue *
styr_catalogue_new_from_bytes (GBytes      *bytes,
                               const char  *origin,
                               GError     **error)
{
  g_autoptr(StyrCatalogue) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  self = g_object_new (STYR_TYPE_CATALOGUE, NULL);
  self->origin = g_strdup (origin);

  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXSSIZE || !g_utf8_validate_len (data, size, NULL))
    {
      invalid (error, origin, NULL, _("the file is not UTF-8 text"));
      return NULL;
    }

  root = styr_json_parse (data, size, &parse_error);
  if (root == NULL)
    {
      invalid (error, origin, NULL, _("the file is not valid JSON (%s)"), parse_error->message);
      return NULL;
    }

  if (!load (self, root, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * styr_catalogue_new_from_file:
 * @file: a catalogue file
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
StyrCatalogue *
styr_catalogue_new_from_file (GFile   *file,
                              GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, _("Catalogue “%s” cannot be read: "), name);
      return NULL;
    }

  return styr_catalogue_new_from_bytes (bytes, name, error);
}

/**
 * styr_catalogue_new_bundled:
 * @error: return location for a #GError
 *
 * Loads the catalogue that ships with Styr (from data/, in the GResource).
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
StyrCatalogue *
styr_catalogue_new_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return styr_catalogue_new_from_bytes (bytes, _("bundled catalogue"), error);
}

gint64
styr_catalogue_get_version (StyrCatalogue *self)
{
  g_return_val_if_fail (STYR_IS_CATALOGUE (self), 0);

  return self->version;
}

const char *
styr_catalogue_get_issued (StyrCatalogue *self)
{
  g_return_val_if_fail (STYR_IS_CATALOGUE (self), NULL);

  return self->issued;
}

const char *
styr_catalogue_get_title (StyrCatalogue *self)
{
  g_return_val_if_fail (STYR_IS_CATALOGUE (self), NULL);

  return self->title;
}

guint
styr_catalogue_get_n_documents (StyrCatalogue *self)
{
  g_return_val_if_fail (STYR_IS_CATALOGUE (self), 0);

  return self->ids->len;
}

/**
 * styr_catalogue_get_store_version:
 * @store: a #StyrStore
 * @error: return location for a #GError
 *
 * Returns: the version of the catalogue last imported into @store, 0 if
 *   none, or -1 with @error set
 */
gint64
styr_catalogue_get_store_version (StyrStore  *store,
                                  GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), -1);

  value = styr_store_get_setting (store, SETTING_VERSION, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

typedef struct
{
  StyrCatalogue       *catalogue;
  StyrCatalogueImport *result;
} ImportData;

static gboolean
import_in_transaction (StyrStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  ImportData *data = user_data;
  StyrCatalogue *self = data->catalogue;
  g_autofree char *version = NULL;

  for (guint i = 0; i < self->ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->ids, i);
      JsonObject *body = g_ptr_array_index (self->bodies, i);
      g_autoptr(JsonObject) current = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *current_rev = NULL;
      g_autofree char *current_text = NULL;
      g_autofree char *new_text = NULL;

      current = styr_store_get (store, id, &current_rev, &local_error);
      if (current == NULL &&
          !g_error_matches (local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (current != NULL)
        {
          current_text = styr_json_object_to_canonical (current);
          new_text = styr_json_object_to_canonical (body);
          if (g_str_equal (current_text, new_text))
            {
              data->result->unchanged++;
              continue;
            }
        }

      /* What the municipality owns lives in documents of its own (such as
       * task-state:…), so a catalogue document can be replaced whole.
       */
      if (!styr_store_put (store, id, body, current_rev, CATALOGUE_AUTHOR, NULL, error))
        return FALSE;

      if (current != NULL)
        data->result->updated++;
      else
        data->result->added++;
    }

  version = g_strdup_printf ("%" G_GINT64_FORMAT, self->version);
  return styr_store_set_setting (store, SETTING_VERSION, version, error) &&
         styr_store_set_setting (store, SETTING_ISSUED, self->issued, error);
}

/**
 * styr_catalogue_import:
 * @self: a #StyrCatalogue
 * @store: the store to import into
 * @result: (out caller-allocates) (optional): what was done
 * @error: return location for a #GError
 *
 * Imports the catalogue in one transaction. A store that already holds
 * this version or a newer one is left alone, so importing at every start
 * costs nothing and an older catalogue never replaces a newer one. The
 * documents' revisions depend only on their content, so two desktops that
 * import the same catalogue hold identical documents.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
styr_catalogue_import (StyrCatalogue        *self,
                       StyrStore            *store,
                       StyrCatalogueImport  *result,
                       GError              **error)
{
  StyrCatalogueImport local_result = { 0 };
  ImportData data = { self, &local_result };
  gint64 store_version;

  g_return_val_if_fail (STYR_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);

  store_version = styr_catalogue_get_store_version (store, error);
  if (store_version < 0)
    return FALSE;

  if (store_version >= self->version)
    local_result.skipped = TRUE;
  else if (!styr_store_transaction (store, import_in_transaction, &data, error))
    return FALSE;

  if (result != NULL)
    *result = local_result;
  return TRUE;
}
