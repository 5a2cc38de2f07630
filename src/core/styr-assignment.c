/* styr-assignment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-assignment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-assignment.h"

/* StyrAssignment: Who holds a role, and who deputises, from when until when.
 * Its fields are properties backed by the document (see StyrRecord).
 */
struct _StyrAssignment
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrAssignment, styr_assignment, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_HOLDER,
  PROP_DEPUTY,
  PROP_ADDRESS,
  PROP_SINCE,
  PROP_UNTIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * styr_assignment_people_differ:
 * @holder: (nullable): the holder's person id
 * @deputy: (nullable): the deputy's person id
 *
 * The holder cannot stand in for themselves: a role's deputy is someone
 * else, on every path an assignment comes by (the Roles page, a sync, a
 * file).
 *
 * Returns: %TRUE unless the deputy is the holder
 */
gboolean
styr_assignment_people_differ (const char *holder,
                               const char *deputy)
{
  return deputy == NULL || g_strcmp0 (holder, deputy) != 0;
}

static gboolean
check_people (StyrRecord  *record,
              GError     **error)
{
  if (styr_assignment_people_differ (styr_record_get_string (record, "holder"),
                                     styr_record_get_string (record, "deputy")))
    return TRUE;

  return styr_record_invalid (record, error,
                              _("its holder is also its deputy; the deputy must be someone "
                                "else"));
}

/**
 * styr_assignment_address_valid:
 * @address: (nullable): what a user typed as a mailbox's address
 *
 * Returns: %TRUE if @address looks like one mail address, "name@domain"
 */
gboolean
styr_assignment_address_valid (const char *address)
{
  const char *at = address != NULL ? strchr (address, '@') : NULL;

  if (at == NULL || at == address || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
      strchr (at + 1, '.') == NULL)
    return FALSE;
  for (const char *c = address; *c != '\0'; c++)
    if (g_ascii_isspace (*c) || *c == ',' || *c == ';' || *c == '<' || *c == '>')
      return FALSE;
  return TRUE;
}

/* A functional mailbox (the ØiR funktionspostkasse) is held by an
 * address, not by a person. */
static gboolean
check_holder (StyrRecord  *record,
              GError     **error)
{
  const char *address = styr_record_get_string (record, "address");

  if (address == NULL)
    return styr_record_check_required (record, "holder", error);
  if (!styr_assignment_address_valid (address))
    return styr_record_invalid (record, error, _("“%s” is not a mail address"), address);
  if (styr_record_get_string (record, "holder") != NULL)
    return styr_record_invalid (record, error,
                                _("it names both a holder and a mailbox address"));
  return TRUE;
}

static gboolean
styr_assignment_validate (StyrRecord  *record,
                          GError     **error)
{
  return styr_record_check_required (record, "role", error) &&
         check_holder (record, error) &&
         styr_record_check_date (record, "since", error) &&
         styr_record_check_date (record, "until", error) &&
         styr_record_check_date_order (record, "since", "until", error) &&
         check_people (record, error);
}

static void
styr_assignment_class_init (StyrAssignmentClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "assignment";
  record_class->validate = styr_assignment_validate;

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOLDER] =
    g_param_spec_string ("holder", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DEPUTY] =
    g_param_spec_string ("deputy", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SINCE] =
    g_param_spec_string ("since", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNTIL] =
    g_param_spec_string ("until", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_assignment_init (StyrAssignment *self)
{
}

const char *
styr_assignment_get_role (StyrAssignment *self)
{
  g_return_val_if_fail (STYR_IS_ASSIGNMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "role");
}

/**
 * styr_assignment_get_address:
 * @self: an assignment
 *
 * Returns: (nullable): the mail address that holds a mailbox role
 */
const char *
styr_assignment_get_address (StyrAssignment *self)
{
  g_return_val_if_fail (STYR_IS_ASSIGNMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "address");
}

const char *
styr_assignment_get_holder (StyrAssignment *self)
{
  g_return_val_if_fail (STYR_IS_ASSIGNMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "holder");
}

const char *
styr_assignment_get_deputy (StyrAssignment *self)
{
  g_return_val_if_fail (STYR_IS_ASSIGNMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "deputy");
}
