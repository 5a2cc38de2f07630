/* styr-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-link"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-link.h"

/* StyrLink: a page or an address the catalogue gives, such as KOMBIT's
 * Rollegalleri or implementering@kombit.dk. Its title is KOMBIT's;
 * "styr_about" says in Styr's words what it is for.
 */
struct _StyrLink
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrLink, styr_link, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ADDRESS,
  PROP_STYR_ABOUT,
  PROP_POSITION,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Only web pages and mail addresses: a catalogue must not make the
 * window open a file or run a handler of its choosing. */
static gboolean
check_address (StyrRecord  *record,
               GError     **error)
{
  const char *address = styr_record_get_string (record, "address");

  if (g_str_has_prefix (address, "https://") || g_str_has_prefix (address, "http://") ||
      (g_str_has_prefix (address, "mailto:") && strchr (address, '@') != NULL))
    return TRUE;

  return styr_record_invalid (record, error,
                              _("its address “%s” is neither a web page nor a mail address"),
                              address);
}

static gboolean
styr_link_validate (StyrRecord  *record,
                    GError     **error)
{
  return styr_record_check_required (record, "title", error) &&
         styr_record_check_required (record, "address", error) &&
         check_address (record, error);
}

static void
styr_link_class_init (StyrLinkClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  record_class->type_name = "link";
  record_class->validate = styr_link_validate;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_STYR_ABOUT] = g_param_spec_string ("styr-about", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_link_init (StyrLink *self)
{
}

const char *
styr_link_get_title (StyrLink *self)
{
  g_return_val_if_fail (STYR_IS_LINK (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "title");
}

/**
 * styr_link_get_address:
 * @self: a link
 *
 * Returns: the address, "https://…" or "mailto:…"
 */
const char *
styr_link_get_address (StyrLink *self)
{
  g_return_val_if_fail (STYR_IS_LINK (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "address");
}

gboolean
styr_link_is_mail (StyrLink *self)
{
  g_return_val_if_fail (STYR_IS_LINK (self), FALSE);

  return g_str_has_prefix (styr_link_get_address (self), "mailto:");
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = styr_record_get_int (*(StyrRecord **) a, "position", G_MAXINT);
  gint64 y = styr_record_get_int (*(StyrRecord **) b, "position", G_MAXINT);

  return x < y ? -1 : x > y;
}

/**
 * styr_link_list:
 * @store: the store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type StyrLink): the catalogue's links
 *   in its order, or %NULL with @error set
 */
GPtrArray *
styr_link_list (StyrStore  *store,
                GError    **error)
{
  GPtrArray *links = styr_record_load_all (store, "link", NULL, error);

  if (links != NULL)
    g_ptr_array_sort (links, compare_position);
  return links;
}
