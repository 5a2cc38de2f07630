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
#include "styr-checklist-actions.h"
#include "styr-json.h"
#include "styr-record.h"
#include "styr-task.h"

#define CATALOGUE_FORMAT "styr-catalogue"
#define CATALOGUE_FORMAT_VERSION 1
#define CATALOGUE_RESOURCE RESOURCE_PATH "/catalogue.json"
#define SETTING_VERSION "catalogue-version"

/* KOMBIT publishes a few versions a year; a number beyond this is a
 * mistake, and would block every catalogue after it. */
#define MAX_CATALOGUE_VERSION 1000000

/* What a catalogue may write: KOMBIT's records. The municipality's own
 * (agreements, states, ticks, people, assignments) it must never touch,
 * or a catalogue would make them conflict. */
static const char * const catalogue_types[] = {
  "checklist", "checklist-item", "link", "meeting", "municipality", "role", "service", "system", "task",
  NULL
};
#define SETTING_ISSUED "catalogue-issued"
#define CATALOGUE_AUTHOR "catalogue"

struct _StyrCatalogue
{
  GObject    parent_instance;

  char      *origin;
  char      *title;
  char      *issued;
  gint64     version;
  /* Owned: the documents in file order, each without its "_id", and the
   * catalogue revisions each had before this version (NULL when new). */
  GPtrArray *ids;
  GPtrArray *bodies;
  GPtrArray *ancestry;
};

G_DEFINE_FINAL_TYPE (StyrCatalogue, styr_catalogue, G_TYPE_OBJECT)

G_DEFINE_QUARK (styr-catalogue-error-quark, styr_catalogue_error)

/* A catalogue is a few hundred kilobytes; anything far larger is not one,
 * and is refused before it is parsed into memory. */
#define MAX_CATALOGUE_SIZE (16 * 1024 * 1024)

G_GNUC_PRINTF (4, 5)
static gboolean
invalid (GError     **error,
         const char  *origin,
         const char  *where,
         const char  *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "Catalogue “<file>”, <JSON path>: <problem>". */
  g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_INVALID,
               _("Catalogue “%s”, %s: %s"), origin, where, problem);
  return FALSE;
}

/* "$.documents[12] (task:OIR-BASIS-02)" */
static char *
document_path (guint       index,
               const char *id)
{
  if (id != NULL)
    return g_strdup_printf ("$.documents[%u] (%s)", index, id);

  return g_strdup_printf ("$.documents[%u]", index);
}

typedef struct
{
  const char *member;
  const char *target_type;
} Reference;

/* Fields that name another catalogue document by its key. */
static const struct {
  const char *type;
  Reference   reference;
} references[] = {
  { "checklist-item", { "checklist", "checklist" } },
  { "checklist-item", { "klik_task", "task" } },
  { "checklist-item", { "owner_role", "role" } },
};

static gboolean
check_reference (StyrCatalogue  *self,
                 GHashTable     *ids,
                 guint           index,
                 const char     *id,
                 const char     *member,
                 const char     *target_type,
                 const char     *key,
                 GError        **error)
{
  g_autofree char *target = g_strconcat (target_type, ":", key, NULL);
  g_autofree char *where = NULL;

  if (g_hash_table_contains (ids, target))
    return TRUE;

  where = document_path (index, id);
  return invalid (error, self->origin, where,
                  _("%s “%s” names no %s in the catalogue (expected the key of one)"),
                  member, key, target_type);
}

/* What a single document cannot check: that the documents it names exist. */
static gboolean
check_references (StyrCatalogue  *self,
                  GHashTable     *ids,
                  GError        **error)
{
  for (guint i = 0; i < self->ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->ids, i);
      JsonObject *body = g_ptr_array_index (self->bodies, i);
      const char *type = styr_json_get_string (body, "type", NULL);

      for (guint r = 0; r < G_N_ELEMENTS (references); r++)
        {
          const char *key;

          if (!g_str_equal (type, references[r].type))
            continue;

          key = styr_json_get_string (body, references[r].reference.member,
                                                            NULL);
          if (key != NULL &&
              !check_reference (self, ids, i, id, references[r].reference.member,
                                references[r].reference.target_type, key, error))
            return FALSE;
        }

      if (g_str_equal (type, "meeting") && json_object_has_member (body, "attendees"))
        {
          JsonArray *days = styr_json_get_array (body, "attendees");

          for (guint d = 0; d < json_array_get_length (days); d++)
            {
              JsonArray *list = styr_json_get_array (styr_json_array_get_object (days, d),
                                                              "municipalities");

              for (guint m = 0; m < json_array_get_length (list); m++)
                {
                  JsonObject *entry = styr_json_array_get_object (list, m);

                  if (!check_reference (self, ids, i, id, "code", "municipality",
                                        styr_json_get_string (entry, "code", NULL), error))
                    return FALSE;
                }
            }
        }
    }

  return TRUE;
}

/* A document a newer catalogue changes lists the catalogue revisions it
 * had before, newest first, under "_revisions". Its new revision follows
 * from them and its content alone, so a desktop that imported every
 * catalogue and one that installs only the newest hold the same revision
 * tree, and their first sync finds nothing to move.
 */
static gboolean
read_ancestry (StyrCatalogue  *self,
               JsonObject     *doc,
               const char     *where,
               GError        **error)
{
  JsonNode *node = json_object_get_member (doc, "_revisions");
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint first = 0;

  if (node == NULL)
    {
      g_ptr_array_add (self->ancestry, NULL);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return invalid (error, self->origin, where,
                    _("“_revisions” is not a list of revisions (expected [\"2-…\", \"1-…\"])"));

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *rev = JSON_NODE_HOLDS_VALUE (element) &&
                        json_node_get_value_type (element) == G_TYPE_STRING
                        ? json_node_get_string (element) : NULL;
      guint generation = 0;

      if (!styr_json_revision_parse (rev, &generation, NULL) ||
          (i > 0 && generation + i != first))
        return invalid (error, self->origin, where,
                        _("“_revisions” entry %u is not the revision before the one above it"),
                        i + 1);
      if (i == 0)
        first = generation;
      g_strv_builder_add (builder, rev);
    }

  g_ptr_array_add (self->ancestry, g_strv_builder_end (builder));
  return TRUE;
}

/* Checks the whole catalogue before anything is written, so that a bad
 * file is refused as a whole and never half imported. Each document is
 * checked by its record type, so the catalogue and the rest of Styr agree
 * on what a valid task or meeting is.
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
  JsonNode *member;
  JsonArray *array;
  const char *format;
  guint n_municipalities = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, origin, "$", _("the file is not a JSON object"));

  object = json_node_get_object (root);
  format = styr_json_get_string (object, "format", NULL);
  if (g_strcmp0 (format, CATALOGUE_FORMAT) != 0)
    return invalid (error, origin, "$.format",
                    _("the file is not a Styr catalogue (expected “%s”)"), CATALOGUE_FORMAT);

  member = json_object_get_member (object, "format_version");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_INT64 ||
      json_node_get_int (member) <= 0)
    return invalid (error, origin, "$.format_version",
                    _("the format version is missing (expected a whole number)"));
  if (json_node_get_int (member) > CATALOGUE_FORMAT_VERSION)
    {
      g_set_error (error, STYR_CATALOGUE_ERROR, STYR_CATALOGUE_ERROR_UNSUPPORTED,
                   _("Catalogue “%s” is written for a newer version of Styr. Update Styr to "
                     "import it."),
                   origin);
      return FALSE;
    }

  member = json_object_get_member (object, "version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64 || json_node_get_int (member) <= 0 ||
      json_node_get_int (member) > MAX_CATALOGUE_VERSION)
    return invalid (error, origin, "$.version",
                    _("the catalogue version is missing or not a plausible one (expected a "
                      "whole number from 1 to %d)"), MAX_CATALOGUE_VERSION);
  self->version = json_node_get_int (member);

  self->issued = g_strdup (styr_json_get_string (object, "issued", NULL));
  if (!styr_parse_date (self->issued, NULL))
    return invalid (error, origin, "$.issued",
                    _("the issue date is missing or not a date (expected YYYY-MM-DD)"));

  self->title = g_strdup (styr_json_get_string (object, "title", ""));

  documents = json_object_get_member (object, "documents");
  if (documents == NULL || !JSON_NODE_HOLDS_ARRAY (documents))
    return invalid (error, origin, "$.documents",
                    _("the list of documents is missing (expected a list)"));

  array = json_node_get_array (documents);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = document_path (i, NULL);
      g_autoptr(StyrRecord) record = NULL;
      g_autoptr(GError) record_error = NULL;
      JsonObject *doc;
      JsonObject *body;
      const char *id;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, origin, where, _("it is not a JSON object"));

      doc = json_node_get_object (node);
      id = styr_json_get_string (doc, "_id", NULL);
      type = styr_json_get_string (doc, "type", NULL);
      if (id == NULL || id[0] == '\0')
        return invalid (error, origin, where, _("it has no “_id” (expected “<type>:<key>”)"));

      g_free (where);
      where = document_path (i, id);
      if (type == NULL || styr_record_type_from_name (type) == G_TYPE_INVALID)
        return invalid (error, origin, where, _("the type “%s” is unknown"),
                        type != NULL ? type : "");
      if (!g_strv_contains (catalogue_types, type))
        return invalid (error, origin, where,
                        _("a catalogue holds KOMBIT’s records only, and “%s” records are the "
                          "municipality’s own"), type);
      if (!g_str_has_prefix (id, type) || id[strlen (type)] != ':' ||
          id[strlen (type) + 1] == '\0')
        return invalid (error, origin, where,
                        _("the id does not start with its type (expected “%s:<key>”)"), type);
      if (json_object_has_member (doc, "_rev"))
        return invalid (error, origin, where,
                        _("a catalogue document must not carry a revision (its earlier ones go "
                          "in “_revisions”)"));
      if (g_hash_table_contains (ids, id))
        return invalid (error, origin, where, _("the id occurs twice"));

      if (!read_ancestry (self, doc, where, error))
        return FALSE;

      body = json_object_new ();
      {
        g_autoptr(GList) members = json_object_get_members (doc);

        for (const GList *l = members; l != NULL; l = l->next)
          if (!g_str_equal (l->data, "_id") && !g_str_equal (l->data, "_revisions"))
            json_object_set_member (body, l->data,
                                    json_node_copy (json_object_get_member (doc, l->data)));
      }
      g_ptr_array_add (self->bodies, body);
      g_ptr_array_add (self->ids, g_strdup (id));
      g_hash_table_add (ids, g_ptr_array_index (self->ids, self->ids->len - 1));

      record = styr_record_new_from_json (id, NULL, body, &record_error);
      if (record == NULL)
        return invalid (error, origin, where, "%s", record_error->message);

      if (g_str_equal (type, "municipality"))
        n_municipalities++;
    }

  if (n_municipalities != 0 && n_municipalities != STYR_N_MUNICIPALITIES)
    return invalid (error, origin, "$.documents",
                    _("it lists %u municipalities (expected %d)"),
                    n_municipalities, STYR_N_MUNICIPALITIES);

  return check_references (self, ids, error);
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
  g_clear_pointer (&self->ancestry, g_ptr_array_unref);

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
  self->ancestry = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
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
  const char *end = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  self = g_object_new (STYR_TYPE_CATALOGUE, NULL);
  self->origin = g_strdup (origin);

  data = g_bytes_get_data (bytes, &size);
  if (size > MAX_CATALOGUE_SIZE)
    {
      g_autofree char *actual = g_format_size (size);
      g_autofree char *limit = g_format_size (MAX_CATALOGUE_SIZE);

      invalid (error, origin, "$", _("the file is %s (expected at most %s)"), actual, limit);
      return NULL;
    }

  if (!g_utf8_validate_len (data, size, &end))
    {
      invalid (error, origin, "$",
               _("the file is not UTF-8 text (the first invalid byte is at offset %lu)"),
               (unsigned long) (end - data));
      return NULL;
    }

  root = styr_json_parse (data, size, &parse_error);
  if (root == NULL)
    {
      /* json-glib may cut a quoted string in the middle of a character. */
      g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);
      int line = 0, column = 0, consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …". */
      if (sscanf (message, "<data>:%d:%d: %n", &line, &column, &consumed) == 2 && consumed > 0)
        invalid (error, origin, "$", _("the file is not valid JSON at line %d, column %d (%s)"),
                 line, column, message + consumed);
      else
        invalid (error, origin, "$", _("the file is not valid JSON (%s)"), message);
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

/* The name the catalogue was loaded under, such as its file or address. */
const char *
styr_catalogue_get_origin (StyrCatalogue *self)
{
  g_return_val_if_fail (STYR_IS_CATALOGUE (self), NULL);

  return self->origin;
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
  gint64 version;

  g_return_val_if_fail (STYR_IS_STORE (store), -1);

  value = styr_store_get_setting (store, SETTING_VERSION, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }

  /* A version no catalogue can have any more came from one that was
   * wrong; it must not block the right one. */
  version = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
  return version > 0 && version <= MAX_CATALOGUE_VERSION ? version : 0;
}

/**
 * styr_catalogue_get_store_issued:
 * @store: a #StyrStore
 * @issued: (out): the day the catalogue last imported into @store was
 *   issued
 *
 * Returns: %FALSE if no catalogue with a date was imported
 */
gboolean
styr_catalogue_get_store_issued (StyrStore *store,
                                 GDate     *issued)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);

  value = styr_store_get_setting (store, SETTING_ISSUED, NULL);
  return styr_parse_date (value, issued);
}

/**
 * styr_catalogue_is_stale:
 * @issued: the day a catalogue was issued
 * @today: a valid date
 *
 * A catalogue older than %STYR_CATALOGUE_STALE_DAYS misses the meetings
 * and tasks KOMBIT has announced since: its deadlines all look overdue
 * and no meeting lies ahead, so the window says so.
 *
 * Returns: %TRUE if it is that old on @today
 */
gboolean
styr_catalogue_is_stale (const GDate *issued,
                         const GDate *today)
{
  g_return_val_if_fail (issued != NULL && g_date_valid (issued), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return g_date_days_between (issued, today) > STYR_CATALOGUE_STALE_DAYS;
}

typedef struct
{
  StyrCatalogue       *catalogue;
  StyrCatalogueImport *result;
  gint64               previous_version;
  /* checklist key → JsonArray of the changes to its template */
  GHashTable          *template_changes;
} ImportData;

/* A newer catalogue that adds or re-words a checklist item changes a
 * template the municipality has ticked its way through; the change is
 * kept for the ØiR page to show. The first import changes nothing. */
static void
note_template_change (ImportData *data,
                      JsonObject *current,
                      JsonObject *body,
                      const char *id)
{
  const char *checklist = styr_json_get_string (body, "checklist", NULL);
  const char *after = styr_json_get_string (body, "text", NULL);
  const char *before = NULL;
  JsonArray *changes;
  JsonObject *change;

  if (data->previous_version <= 0 || checklist == NULL || after == NULL ||
      g_strcmp0 (styr_json_get_string (body, "type", NULL),
                 "checklist-item") != 0)
    return;

  if (current != NULL)
    {
      before = styr_json_get_string (current, "text", NULL);
      if (g_strcmp0 (before, after) == 0)
        return;
    }

  changes = g_hash_table_lookup (data->template_changes, checklist);
  if (changes == NULL)
    {
      changes = json_array_new ();
      g_hash_table_insert (data->template_changes, g_strdup (checklist), changes);
    }

  change = json_object_new ();
  json_object_set_string_member (change, "item", id);
  if (before != NULL)
    json_object_set_string_member (change, "before", before);
  json_object_set_string_member (change, "after", after);
  json_array_add_object_element (changes, change);
}

static gboolean
import_in_transaction (StyrStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  ImportData *data = user_data;
  StyrCatalogue *self = data->catalogue;
  g_autofree char *version = NULL;

  g_hash_table_remove_all (data->template_changes);
  for (guint i = 0; i < self->ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->ids, i);
      JsonObject *body = g_ptr_array_index (self->bodies, i);
      const char * const *ancestry = g_ptr_array_index (self->ancestry, i);
      g_autoptr(JsonObject) current = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GPtrArray) chain = NULL;
      g_autofree char *current_rev = NULL;
      gboolean added = FALSE;
      g_autofree char *current_text = NULL;
      g_autofree char *new_text = NULL;
      g_auto(GStrv) held_ancestry = NULL;

      current = styr_store_get (store, id, &current_rev, &local_error);
      if (current == NULL &&
          !g_error_matches (local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      new_text = styr_json_object_to_canonical (body);
      if (current != NULL)
        {
          current_text = styr_json_object_to_canonical (current);
          if (g_str_equal (current_text, new_text))
            {
              data->result->unchanged++;
              continue;
            }
        }

      /* The revision comes from the catalogue's own history, never from
       * this desktop's, and joins the tree where that history meets it.
       * What the municipality owns lives in documents of its own (such as
       * task-state:…), so a catalogue document can be replaced whole. */
      chain = g_ptr_array_new_with_free_func (g_free);
      /* A changed document without "_revisions" follows the revision held,
       * which an earlier catalogue wrote and so is the same on every
       * desktop; a new root beside it would be a conflict. */
      if (ancestry == NULL && current_rev != NULL)
        {
          held_ancestry = styr_store_get_ancestry (store, id, current_rev, error);
          if (held_ancestry == NULL)
            return FALSE;
          ancestry = (const char * const *) held_ancestry;
        }
      g_ptr_array_add (chain, styr_json_revision_next (ancestry != NULL ? ancestry[0] : NULL,
                                                       new_text));
      for (guint a = 0; ancestry != NULL && ancestry[a] != NULL; a++)
        g_ptr_array_add (chain, g_strdup (ancestry[a]));
      g_ptr_array_add (chain, NULL);

      if (!styr_store_put_revision (store, id, (const char * const *) chain->pdata, body, FALSE,
                                    CATALOGUE_AUTHOR, &added, error))
        return FALSE;

      /* A revision the store already had (a deletion here superseded
       * it) changes nothing. */
      if (!added)
        data->result->unchanged++;
      else if (current != NULL)
        data->result->updated++;
      else
        data->result->added++;

      if (added)
        note_template_change (data, current, body, id);
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, data->template_changes);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!styr_checklist_record_template_changes (store, key, value, error))
        return FALSE;
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
  ImportData data = { self, &local_result, 0, NULL };
  gint64 store_version;
  gboolean ok = TRUE;

  g_return_val_if_fail (STYR_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);

  store_version = styr_catalogue_get_store_version (store, error);
  if (store_version < 0)
    return FALSE;

  if (store_version >= self->version)
    local_result.skipped = TRUE;
  else
    {
      data.previous_version = store_version;
      data.template_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) json_array_unref);
      ok = styr_store_transaction (store, import_in_transaction, &data, error);
      g_hash_table_unref (data.template_changes);
      if (!ok)
        return FALSE;
    }

  if (result != NULL)
    *result = local_result;
  return TRUE;
}
