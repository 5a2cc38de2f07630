/* styr-role.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-role"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-role.h"

/* StyrRole: A role from KOMBIT’s Rollegalleri that the municipality must
 * fill. Its fields are properties backed by the document (see StyrRecord).
 */
struct _StyrRole
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrRole, styr_role, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_AREA,
  PROP_KIND,
  PROP_ROLLEGALLERI_VERSION,
  PROP_SYSTEM,
  PROP_RESPONSIBILITIES,
  PROP_COMPETENCES,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
styr_role_validate (StyrRecord  *record,
                    GError     **error)
{
  return styr_record_check_required (record, "name", error) &&
         styr_record_check_strv (record, "responsibilities", error) &&
         styr_record_check_strv (record, "competences", error);
}

static void
styr_role_class_init (StyrRoleClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "role";
  record_class->validate = styr_role_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AREA] =
    g_param_spec_string ("area", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLLEGALLERI_VERSION] =
    g_param_spec_string ("rollegalleri-version", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SYSTEM] =
    g_param_spec_string ("system", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESPONSIBILITIES] =
    g_param_spec_boxed ("responsibilities", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMPETENCES] =
    g_param_spec_boxed ("competences", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_role_init (StyrRole *self)
{
}

const char *
styr_role_get_name (StyrRole *self)
{
  g_return_val_if_fail (STYR_IS_ROLE (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "name");
}

const char *
styr_role_get_area (StyrRole *self)
{
  g_return_val_if_fail (STYR_IS_ROLE (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "area");
}
