/* styr-agreement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-agreement.h"

/* StyrAgreement: a serviceaftale, the municipality's instruction that lets
 * one anvendersystem call given services. Besides its plain fields it
 * holds the review of the five questions ("review": answers by question
 * id, reviewer, date) and the monthly usage per service ("usage").
 */
struct _StyrAgreement
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrAgreement, styr_agreement, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_USING_SYSTEM,
  PROP_SUPPLIER,
  PROP_SERVICES,
  PROP_DATA_SCOPE,
  PROP_SCOPE_BREADTH,
  PROP_REASON,
  PROP_STATE,
  PROP_REQUESTED,
  PROP_APPROVED,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  PROP_APPROVER,
  PROP_CONTRACT_END,
  PROP_NEXT_REVIEW,
  PROP_TERMINATED,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* anmodet, godkendt, afvist, udløbet, opsagt */
static const char * const states[] = {
  "requested", "approved", "rejected", "expired", "terminated", NULL
};
static const char * const breadths[] = {
  "limited", "whole-municipality", "all-persons", NULL
};
static const char * const answers[] = { "yes", "no", "unsure", NULL };
static const char * const questions[] = { "Q1", "Q2", "Q3", "Q4", "Q5", NULL };

static gboolean
check_review (StyrRecord  *record,
              GError     **error)
{
  JsonObject *body = styr_record_get_body (record);
  JsonObject *review = styr_record_get_object (record, "review");
  JsonNode *answers_node;
  g_autoptr(GList) members = NULL;

  if (!json_object_has_member (body, "review"))
    return TRUE;
  if (review == NULL)
    return styr_record_invalid (record, error, _("review is not an object"));

  if (json_object_has_member (review, "date") &&
      !styr_parse_date (json_object_get_string_member_with_default (review, "date", NULL), NULL))
    return styr_record_invalid (record, error, _("review.date is not a date"));

  answers_node = json_object_get_member (review, "answers");
  if (answers_node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (answers_node))
    return styr_record_invalid (record, error, _("review.answers is not an object"));

  members = json_object_get_members (json_node_get_object (answers_node));
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (answers_node), l->data);
      const char *answer;

      if (!g_strv_contains (questions, l->data))
        return styr_record_invalid (record, error,
                                    _("review.answers has an unknown question “%s”"),
                                    (const char *) l->data);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return styr_record_invalid (record, error, _("review.answers.%s is not an object"),
                                    (const char *) l->data);

      answer = json_object_get_string_member_with_default (json_node_get_object (node),
                                                           "answer", NULL);
      if (answer == NULL || !g_strv_contains (answers, answer))
        return styr_record_invalid (record, error,
                                    _("review.answers.%s is not yes, no or unsure"),
                                    (const char *) l->data);
    }

  return TRUE;
}

static gboolean
check_usage (StyrRecord  *record,
             GError     **error)
{
  JsonObject *body = styr_record_get_body (record);
  JsonArray *usage = styr_record_get_array (record, "usage");

  if (!json_object_has_member (body, "usage"))
    return TRUE;
  if (usage == NULL)
    return styr_record_invalid (record, error, _("usage is not a list"));

  for (guint i = 0; i < json_array_get_length (usage); i++)
    {
      JsonNode *node = json_array_get_element (usage, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *calls = entry != NULL ? json_object_get_member (entry, "calls") : NULL;

      if (entry == NULL ||
          !styr_parse_month (json_object_get_string_member_with_default (entry, "month", NULL),
                             NULL, NULL) ||
          calls == NULL || json_node_get_value_type (calls) != G_TYPE_INT64 ||
          json_node_get_int (calls) < 0)
        return styr_record_invalid (record, error,
                                    _("usage entry %u needs a month (YYYY-MM) and a number of "
                                      "calls"), i + 1);
    }

  return TRUE;
}

static gboolean
styr_agreement_validate (StyrRecord  *record,
                         GError     **error)
{
  return styr_record_check_required (record, "using_system", error) &&
         styr_record_check_required (record, "state", error) &&
         styr_record_check_choice (record, "state", states, error) &&
         styr_record_check_choice (record, "scope_breadth", breadths, error) &&
         styr_record_check_strv (record, "services", error) &&
         styr_record_check_date (record, "requested", error) &&
         styr_record_check_date (record, "approved", error) &&
         styr_record_check_date (record, "valid_from", error) &&
         styr_record_check_date (record, "valid_to", error) &&
         styr_record_check_date (record, "contract_end", error) &&
         styr_record_check_date (record, "next_review", error) &&
         styr_record_check_date (record, "terminated", error) &&
         styr_record_check_date_order (record, "valid_from", "valid_to", error) &&
         check_review (record, error) &&
         check_usage (record, error);
}

static void
styr_agreement_class_init (StyrAgreementClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  record_class->type_name = "agreement";
  record_class->validate = styr_agreement_validate;

  properties[PROP_USING_SYSTEM] = g_param_spec_string ("using-system", NULL, NULL, NULL, flags);
  properties[PROP_SUPPLIER] = g_param_spec_string ("supplier", NULL, NULL, NULL, flags);
  properties[PROP_SERVICES] = g_param_spec_boxed ("services", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DATA_SCOPE] = g_param_spec_string ("data-scope", NULL, NULL, NULL, flags);
  properties[PROP_SCOPE_BREADTH] =
    g_param_spec_string ("scope-breadth", NULL, NULL, NULL, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties[PROP_REQUESTED] = g_param_spec_string ("requested", NULL, NULL, NULL, flags);
  properties[PROP_APPROVED] = g_param_spec_string ("approved", NULL, NULL, NULL, flags);
  properties[PROP_VALID_FROM] = g_param_spec_string ("valid-from", NULL, NULL, NULL, flags);
  properties[PROP_VALID_TO] = g_param_spec_string ("valid-to", NULL, NULL, NULL, flags);
  properties[PROP_APPROVER] = g_param_spec_string ("approver", NULL, NULL, NULL, flags);
  properties[PROP_CONTRACT_END] = g_param_spec_string ("contract-end", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_REVIEW] = g_param_spec_string ("next-review", NULL, NULL, NULL, flags);
  properties[PROP_TERMINATED] = g_param_spec_string ("terminated", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_agreement_init (StyrAgreement *self)
{
}

const char *
styr_agreement_get_using_system (StyrAgreement *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "using_system");
}

const char *
styr_agreement_get_supplier (StyrAgreement *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "supplier");
}

/**
 * styr_agreement_get_state:
 * @self: a #StyrAgreement
 *
 * Returns: "requested" (anmodet), "approved" (godkendt), "rejected"
 *   (afvist), "expired" (udløbet) or "terminated" (opsagt)
 */
const char *
styr_agreement_get_state (StyrAgreement *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "state");
}

const char *
styr_agreement_get_reason (StyrAgreement *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "reason");
}

/**
 * styr_agreement_get_scope_breadth:
 * @self: a #StyrAgreement
 *
 * Returns: (nullable): "limited", "whole-municipality" or "all-persons"
 */
const char *
styr_agreement_get_scope_breadth (StyrAgreement *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "scope_breadth");
}

/**
 * styr_agreement_get_approver:
 * @self: a #StyrAgreement
 *
 * Returns: (nullable): the id of the person who approved it
 */
const char *
styr_agreement_get_approver (StyrAgreement *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "approver");
}

/**
 * styr_agreement_dup_services:
 * @self: a #StyrAgreement
 *
 * Returns: (transfer full) (nullable): the SF codes of the services
 */
char **
styr_agreement_dup_services (StyrAgreement *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);

  return styr_record_dup_strv (STYR_RECORD (self), "services");
}

gboolean
styr_agreement_get_valid_from (StyrAgreement *self,
                               GDate         *date)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), FALSE);

  return styr_record_get_date (STYR_RECORD (self), "valid_from", date);
}

gboolean
styr_agreement_get_valid_to (StyrAgreement *self,
                             GDate         *date)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), FALSE);

  return styr_record_get_date (STYR_RECORD (self), "valid_to", date);
}

gboolean
styr_agreement_get_contract_end (StyrAgreement *self,
                                 GDate         *date)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), FALSE);

  return styr_record_get_date (STYR_RECORD (self), "contract_end", date);
}

gboolean
styr_agreement_get_approved_on (StyrAgreement *self,
                                GDate         *date)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), FALSE);

  return styr_record_get_date (STYR_RECORD (self), "approved", date);
}

/**
 * styr_agreement_get_terminated_on:
 * @self: a #StyrAgreement
 * @date: (out): the day the municipality terminated it (opsagt)
 *
 * Returns: %TRUE if the agreement has a termination date
 */
gboolean
styr_agreement_get_terminated_on (StyrAgreement *self,
                                  GDate         *date)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), FALSE);

  return styr_record_get_date (STYR_RECORD (self), "terminated", date);
}

/**
 * styr_agreement_get_review_date:
 * @self: a #StyrAgreement
 * @date: (out): when the five questions were last answered
 *
 * Returns: %TRUE if the agreement has been reviewed
 */
gboolean
styr_agreement_get_review_date (StyrAgreement *self,
                                GDate         *date)
{
  JsonObject *review;

  g_return_val_if_fail (STYR_IS_AGREEMENT (self), FALSE);

  review = styr_record_get_object (STYR_RECORD (self), "review");
  return review != NULL &&
         styr_parse_date (json_object_get_string_member_with_default (review, "date", NULL), date);
}

/**
 * styr_agreement_get_usage:
 * @self: a #StyrAgreement
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Returns: the calls over all services in that month, or -1 when no usage
 *   was recorded for it
 */
gint64
styr_agreement_get_usage (StyrAgreement *self,
                          guint          year,
                          guint          month)
{
  JsonArray *usage;
  gint64 total = -1;

  g_return_val_if_fail (STYR_IS_AGREEMENT (self), -1);

  usage = styr_record_get_array (STYR_RECORD (self), "usage");
  for (guint i = 0; usage != NULL && i < json_array_get_length (usage); i++)
    {
      JsonObject *entry = json_array_get_object_element (usage, i);
      guint entry_year, entry_month;

      if (entry == NULL ||
          !styr_parse_month (json_object_get_string_member_with_default (entry, "month", NULL),
                             &entry_year, &entry_month) ||
          entry_year != year || entry_month != month)
        continue;

      total = MAX (total, 0) + json_object_get_int_member_with_default (entry, "calls", 0);
    }

  return total;
}
