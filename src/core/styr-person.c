/* styr-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-person"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-person.h"

/* StyrPerson: A person in the municipality who can hold roles and tasks. Its
 * fields are properties backed by the document (see StyrRecord).
 */
struct _StyrPerson
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrPerson, styr_person, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_UNIT,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
check_email (StyrRecord  *record,
             GError     **error)
{
  const char *email = styr_record_get_string (record, "email");

  if (email == NULL || email[0] == '\0' ||
      (strchr (email, '@') != NULL && strchr (email, ' ') == NULL))
    return TRUE;

  return styr_record_invalid (record, error, _("email “%s” is not an e-mail address"), email);
}

static gboolean
styr_person_validate (StyrRecord  *record,
                      GError     **error)
{
  return styr_record_check_required (record, "name", error) &&
         check_email (record, error);
}

static void
styr_person_class_init (StyrPersonClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "person";
  record_class->validate = styr_person_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_person_init (StyrPerson *self)
{
}

const char *
styr_person_get_name (StyrPerson *self)
{
  g_return_val_if_fail (STYR_IS_PERSON (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "name");
}

const char *
styr_person_get_email (StyrPerson *self)
{
  g_return_val_if_fail (STYR_IS_PERSON (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "email");
}

const char *
styr_person_get_unit (StyrPerson *self)
{
  g_return_val_if_fail (STYR_IS_PERSON (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "unit");
}

gboolean
styr_person_get_active (StyrPerson *self)
{
  g_return_val_if_fail (STYR_IS_PERSON (self), FALSE);

  return styr_record_get_boolean (STYR_RECORD (self), "active", TRUE);
}
