/* styr-municipality.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-municipality"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-municipality.h"

struct _StyrMunicipality
{
  GObject  parent_instance;

  char    *code;
  char    *name;
  char    *region;
  char    *search_text;
};

G_DEFINE_FINAL_TYPE (StyrMunicipality, styr_municipality, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_REGION,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
styr_municipality_finalize (GObject *object)
{
  StyrMunicipality *self = (StyrMunicipality *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (styr_municipality_parent_class)->finalize (object);
}

static void
styr_municipality_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StyrMunicipality *self = STYR_MUNICIPALITY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_municipality_class_init (StyrMunicipalityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = styr_municipality_finalize;
  object_class->get_property = styr_municipality_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StyrMunicipality:search-text:
   *
   * Name, code, region and other spellings in one string, for a search
   * entry to match against.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_municipality_init (StyrMunicipality *self)
{
}

/**
 * styr_municipality_new_from_json:
 * @body: a "municipality" document
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the municipality, or %NULL with @error set
 */
StyrMunicipality *
styr_municipality_new_from_json (JsonObject  *body,
                                 GError     **error)
{
  StyrMunicipality *self;
  const char *code;
  const char *name;
  JsonArray *aliases;
  JsonNode *node;
  GString *search;

  g_return_val_if_fail (body != NULL, NULL);

  code = json_object_get_string_member_with_default (body, "code", NULL);
  name = json_object_get_string_member_with_default (body, "name", NULL);
  if (code == NULL || name == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("municipality %s: the code or the name is missing"),
                   code != NULL ? code : "?");
      return NULL;
    }

  self = g_object_new (STYR_TYPE_MUNICIPALITY, NULL);
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->region = g_strdup (json_object_get_string_member_with_default (body, "region", ""));

  search = g_string_new (NULL);
  g_string_append_printf (search, "%s %s %s", self->name, self->code, self->region);
  node = json_object_get_member (body, "aliases");
  aliases = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
    {
      JsonNode *alias = json_array_get_element (aliases, i);

      /* Synced documents are not checked like catalogue files are. */
      if (JSON_NODE_HOLDS_VALUE (alias) && json_node_get_value_type (alias) == G_TYPE_STRING)
        g_string_append_printf (search, " %s", json_node_get_string (alias));
    }
  self->search_text = g_string_free (search, FALSE);

  return self;
}

const char *
styr_municipality_get_code (StyrMunicipality *self)
{
  g_return_val_if_fail (STYR_IS_MUNICIPALITY (self), NULL);

  return self->code;
}

const char *
styr_municipality_get_name (StyrMunicipality *self)
{
  g_return_val_if_fail (STYR_IS_MUNICIPALITY (self), NULL);

  return self->name;
}

const char *
styr_municipality_get_region (StyrMunicipality *self)
{
  g_return_val_if_fail (STYR_IS_MUNICIPALITY (self), NULL);

  return self->region;
}

const char *
styr_municipality_get_search_text (StyrMunicipality *self)
{
  g_return_val_if_fail (STYR_IS_MUNICIPALITY (self), NULL);

  return self->search_text;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  /* The array sort hands over pointers to the elements. */
  StyrMunicipality *first = *(StyrMunicipality * const *) a;
  StyrMunicipality *second = *(StyrMunicipality * const *) b;

  return g_utf8_collate (first->name, second->name);
}

/**
 * styr_municipality_list_load:
 * @store: a #StyrStore
 * @error: return location for a #GError
 *
 * Loads the 98 municipalities, sorted by name in the user's locale.
 *
 * Returns: (transfer full): a list of #StyrMunicipality, or %NULL with
 *   @error set
 */
GListModel *
styr_municipality_list_load (StyrStore  *store,
                             GError    **error)
{
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  bodies = styr_store_get_all_of_type (store, "municipality", error);
  if (bodies == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bodies->len; i++)
    {
      StyrMunicipality *municipality;

      municipality = styr_municipality_new_from_json (g_ptr_array_index (bodies, i), error);
      if (municipality == NULL)
        return NULL;
      g_ptr_array_add (items, municipality);
    }

  g_ptr_array_sort_with_data (items, (GCompareDataFunc) compare_by_name, NULL);
  list = g_list_store_new (STYR_TYPE_MUNICIPALITY);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * styr_municipality_list_find:
 * @list: a list from styr_municipality_list_load()
 * @code: a three-digit municipality code
 *
 * Returns: (transfer none) (nullable): the municipality with @code
 */
StyrMunicipality *
styr_municipality_list_find (GListModel *list,
                             const char *code)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);

  if (code == NULL)
    return NULL;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StyrMunicipality) municipality = g_list_model_get_item (list, i);

      if (g_str_equal (municipality->code, code))
        return municipality;
    }

  return NULL;
}
