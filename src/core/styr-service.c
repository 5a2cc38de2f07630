/* styr-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-service.h"

/* StyrService: A service on Serviceplatformen, such as SF1520 CPR replika
 * opslag. Its fields are properties backed by the document (see StyrRecord).
 */
struct _StyrService
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrService, styr_service, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_VERIFICATION,
  PROP_NOTE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
styr_service_validate (StyrRecord  *record,
                       GError     **error)
{
  return styr_record_check_required (record, "code", error) &&
         styr_record_check_required (record, "name", error);
}

static void
styr_service_class_init (StyrServiceClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "service";
  record_class->validate = styr_service_validate;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERIFICATION] =
    g_param_spec_string ("verification", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_service_init (StyrService *self)
{
}

const char *
styr_service_get_code (StyrService *self)
{
  g_return_val_if_fail (STYR_IS_SERVICE (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "code");
}

const char *
styr_service_get_name (StyrService *self)
{
  g_return_val_if_fail (STYR_IS_SERVICE (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "name");
}
