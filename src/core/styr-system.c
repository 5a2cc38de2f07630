/* styr-system.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-system"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-system.h"

/* StyrSystem: A KOMBIT system or piece of shared infrastructure. Its fields
 * are properties backed by the document (see StyrRecord).
 */
struct _StyrSystem
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrSystem, styr_system, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_PROGRAMME,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
styr_system_validate (StyrRecord  *record,
                      GError     **error)
{
  return styr_record_check_required (record, "name", error);
}

static void
styr_system_class_init (StyrSystemClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "system";
  record_class->validate = styr_system_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROGRAMME] =
    g_param_spec_string ("programme", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_system_init (StyrSystem *self)
{
}

const char *
styr_system_get_name (StyrSystem *self)
{
  g_return_val_if_fail (STYR_IS_SYSTEM (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "name");
}
