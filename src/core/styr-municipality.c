/* styr-municipality.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-municipality"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-municipality.h"

/* StyrMunicipality: one of the 98 municipalities, from the catalogue. */
struct _StyrMunicipality
{
  StyrRecord  parent_instance;

  /* Built on first use from the fields, which never change afterwards. */
  char       *search_text;
};

G_DEFINE_FINAL_TYPE (StyrMunicipality, styr_municipality, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_CODE4,
  PROP_NAME,
  PROP_ALIASES,
  PROP_REGION,
  PROP_REGION_CODE,
  PROP_ISO_3166_2,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
check_code (StyrRecord  *record,
            GError     **error)
{
  const char *code = styr_record_get_string (record, "code");

  if (code != NULL && strlen (code) == 3 &&
      g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[1]) && g_ascii_isdigit (code[2]))
    return TRUE;

  return styr_record_invalid (record, error, _("code “%s” is not three digits"),
                              code != NULL ? code : "");
}

static gboolean
styr_municipality_validate (StyrRecord  *record,
                            GError     **error)
{
  return check_code (record, error) &&
         styr_record_check_required (record, "name", error) &&
         styr_record_check_required (record, "region", error) &&
         styr_record_check_strv (record, "aliases", error);
}

static void
styr_municipality_finalize (GObject *object)
{
  StyrMunicipality *self = (StyrMunicipality *)object;

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

  if (pspec == properties[PROP_SEARCH_TEXT])
    g_value_set_string (value, styr_municipality_get_search_text (self));
  else
    G_OBJECT_CLASS (styr_municipality_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
styr_municipality_class_init (StyrMunicipalityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = styr_municipality_finalize;
  object_class->get_property = styr_municipality_get_property;

  record_class->type_name = "municipality";
  record_class->validate = styr_municipality_validate;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_CODE4] = g_param_spec_string ("code4", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_REGION_CODE] = g_param_spec_string ("region-code", NULL, NULL, NULL, flags);
  properties[PROP_ISO_3166_2] = g_param_spec_string ("iso-3166-2", NULL, NULL, NULL, flags);

  /**
   * StyrMunicipality:search-text:
   *
   * Name, code, region and other spellings in one string, for a search
   * entry to match against.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_municipality_init (StyrMunicipality *self)
{
}

const char *
styr_municipality_get_code (StyrMunicipality *self)
{
  g_return_val_if_fail (STYR_IS_MUNICIPALITY (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "code");
}

const char *
styr_municipality_get_name (StyrMunicipality *self)
{
  g_return_val_if_fail (STYR_IS_MUNICIPALITY (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "name");
}

const char *
styr_municipality_get_region (StyrMunicipality *self)
{
  g_return_val_if_fail (STYR_IS_MUNICIPALITY (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "region");
}

const char *
styr_municipality_get_search_text (StyrMunicipality *self)
{
  g_auto(GStrv) aliases = NULL;
  GString *search;

  g_return_val_if_fail (STYR_IS_MUNICIPALITY (self), NULL);

  if (self->search_text != NULL)
    return self->search_text;

  search = g_string_new (NULL);
  g_string_append_printf (search, "%s %s %s",
                          styr_municipality_get_name (self),
                          styr_municipality_get_code (self),
                          styr_municipality_get_region (self));
  aliases = styr_record_dup_strv (STYR_RECORD (self), "aliases");
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    g_string_append_printf (search, " %s", aliases[i]);

  self->search_text = g_string_free (search, FALSE);
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

  return g_utf8_collate (styr_municipality_get_name (first), styr_municipality_get_name (second));
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
      JsonObject *body = g_ptr_array_index (bodies, i);
      g_autofree char *id = g_strconcat ("municipality:",
                                         json_object_get_string_member_with_default (body, "code",
                                                                                     ""),
                                         NULL);
      StyrRecord *municipality;

      municipality = styr_record_new_from_json (id, NULL, body, error);
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

      if (g_strcmp0 (styr_municipality_get_code (municipality), code) == 0)
        return municipality;
    }

  return NULL;
}

/**
 * styr_municipality_dup_name:
 * @store: the store
 * @code: (nullable): a municipality's code, such as the own one
 *
 * Returns: (transfer full): its name, or @code itself when the store does
 *   not know it, or "" for none
 */
char *
styr_municipality_dup_name (StyrStore  *store,
                            const char *code)
{
  g_autoptr(GListModel) municipalities = NULL;
  StyrMunicipality *found;

  if (code == NULL)
    return g_strdup ("");

  municipalities = styr_municipality_list_load (store, NULL);
  found = municipalities != NULL ? styr_municipality_list_find (municipalities, code) : NULL;
  return g_strdup (found != NULL ? styr_municipality_get_name (found) : code);
}
