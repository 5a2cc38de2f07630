/* styr-agreement-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-agreement-actions.h"
#include "styr-checklist-actions.h"

/* The lifecycle of a service agreement (anmodet → godkendt | afvist;
 * godkendt → udløbet | opsagt; renewal back to godkendt) and the review of
 * the five questions. Each lifecycle action reads the current document,
 * refuses when it is not the revision the user saw or not in a state the
 * action starts from, and writes exactly one new revision under the
 * user's name, so the audit trail says who did what when.
 */

G_DEFINE_QUARK (styr-agreement-action-error-quark, styr_agreement_action_error)

static const struct {
  const char *state;
  const char *label;
} state_labels[] = {
  { "requested", NC_("agreement state", "Requested") },
  { "approved", NC_("agreement state", "Approved") },
  { "rejected", NC_("agreement state", "Rejected") },
  { "expired", NC_("agreement state", "Expired") },
  { "terminated", NC_("agreement state", "Terminated") },
};

/* How much of the municipality's data the scope reaches. */
static const struct {
  const char *breadth;
  const char *label;
} breadth_labels[] = {
  { "limited", NC_("scope breadth", "Limited") },
  { "whole-municipality", NC_("scope breadth", "Whole municipality") },
  { "all-persons", NC_("scope breadth", "All persons") },
};

static const char * const answers[] = { "yes", "no", "unsure", NULL };

typedef enum
{
  ACTION_APPROVE,
  ACTION_REJECT,
  ACTION_TERMINATE,
  ACTION_RENEW,
} Action;

typedef struct
{
  Action       action;
  const char  *id;
  const char  *seen_rev;
  const char  *author;
  const GDate *today;
  const char  *approver;
  guint        interval_months;
  const GDate *valid_to;
  char        *new_rev;
} Change;

/* Dates in messages are written as Danish users write them. */
static char *
date_to_user (const GDate *date)
{
  return g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

/* Messages name an agreement by its using system, which is what the user
 * sees in the register; the key stands in for a document without one. */
static const char *
agreement_name (StyrAgreement *agreement)
{
  const char *name = styr_agreement_get_using_system (agreement);

  return name != NULL && name[0] != '\0' ? name : styr_record_get_key (STYR_RECORD (agreement));
}

static JsonObject *
ensure_object (JsonObject *parent,
               const char *member)
{
  JsonNode *node = json_object_get_member (parent, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    json_object_set_object_member (parent, member, json_object_new ());

  return json_object_get_object_member (parent, member);
}

static void
set_conflict_error (GError        **error,
                    Action          action,
                    StyrAgreement  *agreement)
{
  const char *name = agreement_name (agreement);

  switch (action)
    {
    case ACTION_APPROVE:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   /* Translators: %s is the using system (anvendersystem) of the agreement. */
                   _("The service agreement for “%s” was not approved: someone changed it after "
                     "you opened it. Look at the changes and try again."), name);
      break;

    case ACTION_REJECT:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   /* Translators: %s is the using system (anvendersystem) of the agreement. */
                   _("The service agreement for “%s” was not rejected: someone changed it after "
                     "you opened it. Look at the changes and try again."), name);
      break;

    case ACTION_TERMINATE:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   /* Translators: %s is the using system (anvendersystem) of the agreement. */
                   _("The service agreement for “%s” was not terminated: someone changed it "
                     "after you opened it. Look at the changes and try again."), name);
      break;

    case ACTION_RENEW:
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                   /* Translators: %s is the using system (anvendersystem) of the agreement. */
                   _("The service agreement for “%s” was not renewed: someone changed it after "
                     "you opened it. Look at the changes and try again."), name);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_state (Action          action,
             StyrAgreement  *agreement,
             GError        **error)
{
  const char *state = styr_agreement_get_state (agreement);
  const char *name = agreement_name (agreement);
  const char *label = styr_agreement_state_label (state);

  switch (action)
    {
    case ACTION_APPROVE:
      if (g_strcmp0 (state, "requested") == 0)
        return TRUE;
      g_set_error (error, STYR_AGREEMENT_ACTION_ERROR, STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE,
                   /* Translators: the first %s is the using system (anvendersystem), the
                    * second the agreement's state, e.g. “Rejected”. */
                   _("The service agreement for “%s” cannot be approved: its state is “%s”, and "
                     "only a requested agreement can be approved."), name, label);
      return FALSE;

    case ACTION_REJECT:
      if (g_strcmp0 (state, "requested") == 0)
        return TRUE;
      g_set_error (error, STYR_AGREEMENT_ACTION_ERROR, STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE,
                   /* Translators: the first %s is the using system (anvendersystem), the
                    * second the agreement's state, e.g. “Approved”. */
                   _("The service agreement for “%s” cannot be rejected: its state is “%s”, and "
                     "only a requested agreement can be rejected."), name, label);
      return FALSE;

    case ACTION_TERMINATE:
      if (g_strcmp0 (state, "approved") == 0)
        return TRUE;
      g_set_error (error, STYR_AGREEMENT_ACTION_ERROR, STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE,
                   /* Translators: the first %s is the using system (anvendersystem), the
                    * second the agreement's state, e.g. “Expired”. */
                   _("The service agreement for “%s” cannot be terminated: its state is “%s”, "
                     "and only an approved agreement can be terminated."), name, label);
      return FALSE;

    case ACTION_RENEW:
      if (g_strcmp0 (state, "approved") == 0 || g_strcmp0 (state, "expired") == 0)
        return TRUE;
      g_set_error (error, STYR_AGREEMENT_ACTION_ERROR, STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE,
                   /* Translators: the first %s is the using system (anvendersystem), the
                    * second the agreement's state, e.g. “Terminated”. */
                   _("The service agreement for “%s” cannot be renewed: its state is “%s”, and "
                     "only an approved or expired agreement can be renewed."), name, label);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
apply_renew (StyrAgreement  *agreement,
             const Change   *change,
             GError        **error)
{
  g_autofree char *new_text = date_to_user (change->valid_to);
  g_autofree char *valid_to = NULL;
  GDate old_valid_to;

  if (styr_agreement_get_valid_to (agreement, &old_valid_to) &&
      g_date_compare (change->valid_to, &old_valid_to) <= 0)
    {
      g_autofree char *old_text = date_to_user (&old_valid_to);

      g_set_error (error, STYR_AGREEMENT_ACTION_ERROR, STYR_AGREEMENT_ACTION_ERROR_INVALID_DATE,
                   /* Translators: the first %s is the using system (anvendersystem), the
                    * second the new end date, the third the current end date. */
                   _("The service agreement for “%s” cannot be renewed to %s: it already runs "
                     "until %s, and a renewal must end later."),
                   agreement_name (agreement), new_text, old_text);
      return FALSE;
    }

  /* An open-ended or expired agreement renewed to a day gone by would be
   * over the moment it is approved again. */
  if (g_date_compare (change->valid_to, change->today) < 0)
    {
      g_set_error (error, STYR_AGREEMENT_ACTION_ERROR, STYR_AGREEMENT_ACTION_ERROR_INVALID_DATE,
                   /* Translators: the first %s is the using system (anvendersystem), the
                    * second the new end date. */
                   _("The service agreement for “%s” cannot be renewed to %s: that day has "
                     "already passed."),
                   agreement_name (agreement), new_text);
      return FALSE;
    }

  valid_to = styr_date_to_iso (change->valid_to);
  styr_record_set_string (STYR_RECORD (agreement), "state", "approved");
  styr_record_set_string (STYR_RECORD (agreement), "valid_to", valid_to);
  return TRUE;
}

static gboolean
apply (StyrAgreement  *agreement,
       const Change   *change,
       GError        **error)
{
  StyrRecord *record = STYR_RECORD (agreement);
  g_autofree char *today = styr_date_to_iso (change->today);

  switch (change->action)
    {
    case ACTION_APPROVE:
      {
        GDate next;
        g_autofree char *next_text = NULL;

        /* The next review counts from the last one; an agreement approved
         * without one is due a full interval from now. */
        if (!styr_agreement_next_review (agreement, change->interval_months, &next))
          {
            next = *change->today;
            g_date_add_months (&next, change->interval_months);
          }
        next_text = styr_date_to_iso (&next);

        styr_record_set_string (record, "state", "approved");
        styr_record_set_string (record, "approved", today);
        styr_record_set_string (record, "approver", change->approver);
        styr_record_set_string (record, "next_review", next_text);
        return TRUE;
      }

    case ACTION_REJECT:
      styr_record_set_string (record, "state", "rejected");
      return TRUE;

    case ACTION_TERMINATE:
      /* A terminated agreement gives no access, so there is nothing left
       * to review. */
      styr_record_set_string (record, "state", "terminated");
      styr_record_set_string (record, "terminated", today);
      styr_record_set_string (record, "next_review", NULL);
      return TRUE;

    case ACTION_RENEW:
      return apply_renew (agreement, change, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
change_in_transaction (StyrStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  Change *change = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) new_body = NULL;
  g_autoptr(StyrRecord) record = NULL;
  g_autofree char *rev = NULL;

  /* Reading inside the transaction keeps a sync from slipping a revision
   * in between the check and the write. */
  body = styr_store_get (store, change->id, &rev, error);
  if (body == NULL)
    return FALSE;

  record = styr_record_load (change->id, rev, body);
  if (record == NULL || !STYR_IS_AGREEMENT (record))
    {
      g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_UNKNOWN_TYPE,
                   _("%s: the type “%s” is unknown or does not match the id"), change->id,
                   json_object_get_string_member_with_default (body, "type", ""));
      return FALSE;
    }

  if (g_strcmp0 (rev, change->seen_rev) != 0)
    {
      set_conflict_error (error, change->action, STYR_AGREEMENT (record));
      return FALSE;
    }

  if (!check_state (change->action, STYR_AGREEMENT (record), error) ||
      !apply (STYR_AGREEMENT (record), change, error) ||
      !styr_record_validate (record, error))
    return FALSE;

  new_body = styr_record_to_json (record);
  return styr_store_put (store, change->id, new_body, rev, change->author, &change->new_rev,
                         error);
}

static gboolean
run_change (StyrStore  *store,
            Change     *change,
            char      **new_rev,
            GError    **error)
{
  gboolean ok;

  ok = styr_store_transaction (store, change_in_transaction, change, error);
  if (ok && new_rev != NULL)
    *new_rev = g_steal_pointer (&change->new_rev);

  g_free (change->new_rev);
  return ok;
}

/**
 * styr_agreement_state_label:
 * @state: (nullable): a state as stored, e.g. "approved"
 *
 * Returns: the state's name for the user, translated ("godkendt" in
 *   Danish); @state itself if it is not a known state
 */
const char *
styr_agreement_state_label (const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_labels); i++)
    if (g_strcmp0 (state_labels[i].state, state) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "agreement state", state_labels[i].label);

  return state != NULL ? state : "";
}

/**
 * styr_agreement_breadth_label:
 * @breadth: (nullable): a scope breadth as stored, e.g. "limited"
 *
 * Returns: the breadth's name for the user, translated; @breadth itself
 *   if it is not a known one
 */
const char *
styr_agreement_breadth_label (const char *breadth)
{
  for (guint i = 0; i < G_N_ELEMENTS (breadth_labels); i++)
    if (g_strcmp0 (breadth_labels[i].breadth, breadth) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "scope breadth", breadth_labels[i].label);

  return breadth != NULL ? breadth : "";
}

/* The agreement's fields as the history names them. */
static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "using_system", N_("Using system") },
  { "supplier", N_("Supplier") },
  { "services", N_("Services") },
  { "data_scope", N_("Data scope") },
  { "scope_breadth", N_("Scope breadth") },
  { "reason", N_("Reason") },
  { "state", N_("State") },
  { "requested", N_("Requested") },
  { "approved", N_("Approved") },
  { "approver", N_("Approver") },
  { "terminated", N_("Terminated") },
  { "valid_from", N_("Valid from") },
  { "valid_to", N_("Valid to") },
  { "contract_end", N_("Supplier contract ends") },
  { "next_review", N_("Next review") },
  { "review", N_("Review") },
  { "usage", N_("Usage") },
  { "notes", N_("Notes") },
};

/**
 * styr_agreement_field_label:
 * @field: a field of an agreement, e.g. "valid_to"
 *
 * Returns: the field's name for the user, translated; @field itself if it
 *   is not a known field
 */
const char *
styr_agreement_field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);

  return field;
}

/**
 * styr_agreement_describe_value:
 * @field: a field of an agreement
 * @node: (nullable): its value, %NULL when it is not there
 *
 * A field's value in words, for the audit trail: dates day first, states
 * by their names, lists joined; the usage and the review are summed up,
 * as their JSON would fill the screen.
 *
 * Returns: (transfer full): the value in words
 */
char *
styr_agreement_describe_value (const char *field,
                               JsonNode   *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("–");

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_str_equal (field, "state"))
        return g_strdup (styr_agreement_state_label (text));
      if (g_str_equal (field, "scope_breadth"))
        return g_strdup (styr_agreement_breadth_label (text));
      /* Dates day first, as everywhere else in the page. */
      if (styr_parse_date (text, NULL))
        return styr_date_to_user (text);
      return g_strdup (text);
    }

  if (g_str_equal (field, "usage") && JSON_NODE_HOLDS_ARRAY (node))
    {
      guint n = json_array_get_length (json_node_get_array (node));

      /* Translators: the usage of an agreement in its history. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month reported",
                                           "%u months reported", n), n);
    }

  if (g_str_equal (field, "review") && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *given = json_object_get_member (json_node_get_object (node), "answers");
      guint n = given != NULL && JSON_NODE_HOLDS_OBJECT (given)
                ? json_object_get_size (json_node_get_object (given)) : 0;

      /* Translators: the review of an agreement in its history. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question answered",
                                           "%u questions answered", n), n);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = styr_agreement_describe_value (field, json_array_get_element (array, i));

          g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", item);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return json_to_string (node, FALSE);
}

/* The catalogue's checklist of questions asked of each agreement. */
static gboolean
asked_per_agreement (StyrRecord *checklist)
{
  return g_strcmp0 (styr_record_get_string (checklist, "styr_asked_per"), "agreement") == 0;
}

/**
 * styr_agreement_list_questions:
 * @store: the store
 * @error: return location for a #GError
 *
 * The questions to ask before an agreement is approved, and again at
 * every review: the items of the catalogue's checklist that is asked per
 * agreement ("styr_asked_per"), KOMBIT's five important questions from
 * the Administrationsmodul's user guide (§7.5), each in KOMBIT's words,
 * in their order. An answer is kept under styr_agreement_question_id().
 *
 * Returns: (transfer full) (element-type StyrChecklistItem): the
 *   questions, or %NULL with @error set
 */
GPtrArray *
styr_agreement_list_questions (StyrStore  *store,
                               GError    **error)
{
  g_autoptr(GPtrArray) checklists = styr_record_load_all (store, "checklist", NULL, error);
  g_autoptr(GPtrArray) questions = NULL;

  if (checklists == NULL)
    return NULL;

  questions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < checklists->len; i++)
    {
      StyrRecord *checklist = g_ptr_array_index (checklists, i);
      g_autoptr(GPtrArray) items = NULL;

      if (!asked_per_agreement (checklist))
        continue;
      items = styr_checklist_list_items (store, styr_record_get_key (checklist), error);
      if (items == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (questions, g_steal_pointer (&items));
    }

  return g_steal_pointer (&questions);
}

/**
 * styr_agreement_questions_reference:
 * @store: the store
 *
 * Returns: (transfer full) (nullable): where KOMBIT asks the questions
 *   of styr_agreement_list_questions(), as the catalogue names it (a
 *   section of the Administrationsmodul's user guide), or %NULL
 */
char *
styr_agreement_questions_reference (StyrStore *store)
{
  g_autoptr(GPtrArray) checklists = styr_record_load_all (store, "checklist", NULL, NULL);

  for (guint i = 0; checklists != NULL && i < checklists->len; i++)
    {
      StyrRecord *checklist = g_ptr_array_index (checklists, i);

      if (asked_per_agreement (checklist) && styr_record_get_string (checklist, "reference") != NULL)
        return g_strdup (styr_record_get_string (checklist, "reference"));
    }

  return NULL;
}

/**
 * styr_agreement_question_id:
 * @question: a question from styr_agreement_list_questions()
 *
 * Returns: the key its answer is kept under on an agreement, such as "Q1"
 */
const char *
styr_agreement_question_id (StyrChecklistItem *question)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (question), NULL);

  return styr_record_get_key (STYR_RECORD (question));
}

/**
 * styr_agreement_answer_label:
 * @answer: (nullable): "yes", "no", "unsure", or %NULL for none
 *
 * Returns: the answer in words, translated, for the review form and
 *   the printed review alike
 */
const char *
styr_agreement_answer_label (const char *answer)
{
  if (g_strcmp0 (answer, "yes") == 0)
    return _("Yes");
  if (g_strcmp0 (answer, "no") == 0)
    return _("No");
  if (g_strcmp0 (answer, "unsure") == 0)
    return _("Unsure");
  return _("Not answered");
}

/**
 * styr_agreement_get_answer:
 * @self: a #StyrAgreement
 * @qid: a question's id, from styr_agreement_question_id()
 * @note: (out) (optional) (transfer none) (nullable): the note given with
 *   the answer
 *
 * Returns: (nullable): "yes", "no" or "unsure", or %NULL if the question
 *   is not answered
 */
const char *
styr_agreement_get_answer (StyrAgreement  *self,
                           const char     *qid,
                           const char    **note)
{
  JsonObject *review;
  JsonNode *answers_node;
  JsonNode *node;
  JsonObject *entry;
  const char *answer;

  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (qid != NULL, NULL);

  if (note != NULL)
    *note = NULL;

  review = styr_record_get_object (STYR_RECORD (self), "review");
  answers_node = review != NULL ? json_object_get_member (review, "answers") : NULL;
  if (answers_node == NULL || !JSON_NODE_HOLDS_OBJECT (answers_node))
    return NULL;

  node = json_object_get_member (json_node_get_object (answers_node), qid);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  entry = json_node_get_object (node);
  answer = json_object_get_string_member_with_default (entry, "answer", NULL);
  if (answer == NULL || !g_strv_contains (answers, answer))
    return NULL;

  if (note != NULL)
    *note = json_object_get_string_member_with_default (entry, "note", NULL);
  return answer;
}

/**
 * styr_agreement_set_answer:
 * @self: a #StyrAgreement
 * @qid: a question's id, from styr_agreement_question_id()
 * @answer: (nullable): "yes", "no" or "unsure", or %NULL to take the
 *   answer back
 * @note: (nullable): why, or what is unclear
 *
 * Answers one of the five questions on the record; nothing is written to
 * the store.
 */
void
styr_agreement_set_answer (StyrAgreement *self,
                           const char    *qid,
                           const char    *answer,
                           const char    *note)
{
  JsonObject *review;
  JsonObject *answers_object;
  JsonObject *entry;

  g_return_if_fail (STYR_IS_AGREEMENT (self));
  g_return_if_fail (qid != NULL);
  g_return_if_fail (answer == NULL || g_strv_contains (answers, answer));

  review = ensure_object (styr_record_get_body (STYR_RECORD (self)), "review");
  answers_object = ensure_object (review, "answers");

  if (answer == NULL)
    {
      json_object_remove_member (answers_object, qid);
      return;
    }

  entry = json_object_new ();
  json_object_set_string_member (entry, "answer", answer);
  if (note != NULL)
    json_object_set_string_member (entry, "note", note);
  json_object_set_object_member (answers_object, qid, entry);
}

/**
 * styr_agreement_get_reviewer:
 * @self: a #StyrAgreement
 *
 * Returns: (nullable): the id of the person who answered the questions
 */
const char *
styr_agreement_get_reviewer (StyrAgreement *self)
{
  JsonObject *review;

  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);

  review = styr_record_get_object (STYR_RECORD (self), "review");
  return review != NULL ? json_object_get_string_member_with_default (review, "reviewer", NULL)
                        : NULL;
}

/**
 * styr_agreement_set_review:
 * @self: a #StyrAgreement
 * @reviewer: (nullable): the id of the person who answered the questions
 * @date: (nullable): the day they did
 *
 * Signs the review on the record; nothing is written to the store.
 */
void
styr_agreement_set_review (StyrAgreement *self,
                           const char    *reviewer,
                           const GDate   *date)
{
  JsonObject *review;

  g_return_if_fail (STYR_IS_AGREEMENT (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  review = ensure_object (styr_record_get_body (STYR_RECORD (self)), "review");

  if (reviewer != NULL)
    json_object_set_string_member (review, "reviewer", reviewer);
  else
    json_object_remove_member (review, "reviewer");

  if (date != NULL)
    {
      g_autofree char *text = styr_date_to_iso (date);

      json_object_set_string_member (review, "date", text);
    }
  else
    json_object_remove_member (review, "date");
}

/**
 * styr_agreement_review_missing:
 * @self: a #StyrAgreement
 * @questions: (element-type StyrChecklistItem): the questions, from
 *   styr_agreement_list_questions()
 *
 * Finds what stands in the way of a clean review: the questions not
 * answered, or answered no or unsure. Approving such an agreement needs
 * the approver's explicit confirmation, naming each of them.
 *
 * Returns: (transfer container) (element-type StyrChecklistItem): the
 *   questions in order; empty when every one is answered yes
 */
GPtrArray *
styr_agreement_review_missing (StyrAgreement *self,
                               GPtrArray     *questions)
{
  GPtrArray *missing;

  g_return_val_if_fail (STYR_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (questions != NULL, NULL);

  missing = g_ptr_array_new ();
  for (guint i = 0; i < questions->len; i++)
    {
      StyrChecklistItem *question = g_ptr_array_index (questions, i);
      const char *qid = styr_agreement_question_id (question);

      if (g_strcmp0 (styr_agreement_get_answer (self, qid, NULL), "yes") != 0)
        g_ptr_array_add (missing, question);
    }

  return missing;
}

/**
 * styr_agreement_next_review:
 * @self: a #StyrAgreement
 * @interval_months: months between reviews
 * @out: (out caller-allocates): the day of the next review
 *
 * Counts @interval_months from the last review; a day the target month
 * lacks becomes its last day, so 31 January plus one month is the end of
 * February.
 *
 * Returns: %TRUE if the agreement has been reviewed; otherwise %FALSE and
 *   @out is cleared
 */
gboolean
styr_agreement_next_review (StyrAgreement *self,
                            guint          interval_months,
                            GDate         *out)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!styr_agreement_get_review_date (self, out))
    {
      g_date_clear (out, 1);
      return FALSE;
    }

  g_date_add_months (out, interval_months);
  return TRUE;
}

/**
 * styr_agreement_approve:
 * @store: a #StyrStore
 * @id: the agreement's id
 * @seen_rev: the revision the user decided on
 * @author: who approves, for the audit trail
 * @today: the day of the approval
 * @approver: the person id of the aftalegodkender who approves
 * @review_interval_months: months between reviews
 * @new_rev: (out) (optional) (transfer full): the new revision
 * @error: return location for a #GError
 *
 * Approves a requested agreement: its state becomes approved, approved is
 * @today, approver is @approver, and next_review is
 * @review_interval_months after the last review, or after @today when it
 * was never reviewed. An incomplete review does not stop it; the caller
 * asks the user first (see styr_agreement_review_missing()).
 *
 * Returns: %TRUE on success; %STYR_STORE_ERROR_CONFLICT when the current
 *   revision is not @seen_rev, %STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE
 *   when the agreement is not requested
 */
gboolean
styr_agreement_approve (StyrStore    *store,
                        const char   *id,
                        const char   *seen_rev,
                        const char   *author,
                        const GDate  *today,
                        const char   *approver,
                        guint         review_interval_months,
                        char        **new_rev,
                        GError      **error)
{
  Change change = { ACTION_APPROVE, id, seen_rev, author, today };

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && seen_rev != NULL && author != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (approver != NULL && approver[0] != '\0', FALSE);
  g_return_val_if_fail (review_interval_months > 0, FALSE);

  change.approver = approver;
  change.interval_months = review_interval_months;
  return run_change (store, &change, new_rev, error);
}

/**
 * styr_agreement_reject:
 * @store: a #StyrStore
 * @id: the agreement's id
 * @seen_rev: the revision the user decided on
 * @author: who rejects, for the audit trail
 * @today: the day of the decision
 * @new_rev: (out) (optional) (transfer full): the new revision
 * @error: return location for a #GError
 *
 * Rejects a requested agreement. The agreement has no field for the day;
 * the audit trail keeps when it happened.
 *
 * Returns: %TRUE on success; %STYR_STORE_ERROR_CONFLICT when the current
 *   revision is not @seen_rev, %STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE
 *   when the agreement is not requested
 */
gboolean
styr_agreement_reject (StyrStore    *store,
                       const char   *id,
                       const char   *seen_rev,
                       const char   *author,
                       const GDate  *today,
                       char        **new_rev,
                       GError      **error)
{
  Change change = { ACTION_REJECT, id, seen_rev, author, today };

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && seen_rev != NULL && author != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return run_change (store, &change, new_rev, error);
}

/**
 * styr_agreement_terminate:
 * @store: a #StyrStore
 * @id: the agreement's id
 * @seen_rev: the revision the user decided on
 * @author: who terminates, for the audit trail
 * @today: the day of the termination
 * @new_rev: (out) (optional) (transfer full): the new revision
 * @error: return location for a #GError
 *
 * Terminates (opsiger) an approved agreement: its state becomes
 * terminated, terminated is @today, and next_review is removed.
 *
 * Returns: %TRUE on success; %STYR_STORE_ERROR_CONFLICT when the current
 *   revision is not @seen_rev, %STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE
 *   when the agreement is not approved
 */
gboolean
styr_agreement_terminate (StyrStore    *store,
                          const char   *id,
                          const char   *seen_rev,
                          const char   *author,
                          const GDate  *today,
                          char        **new_rev,
                          GError      **error)
{
  Change change = { ACTION_TERMINATE, id, seen_rev, author, today };

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && seen_rev != NULL && author != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return run_change (store, &change, new_rev, error);
}

/**
 * styr_agreement_renew:
 * @store: a #StyrStore
 * @id: the agreement's id
 * @seen_rev: the revision the user decided on
 * @author: who renews, for the audit trail
 * @today: the day of the renewal
 * @valid_to: the new last day of the agreement
 * @new_rev: (out) (optional) (transfer full): the new revision
 * @error: return location for a #GError
 *
 * Renews or extends an approved or expired agreement: its state becomes
 * approved and valid_to becomes @valid_to, which must be later than the
 * current valid_to and not before @today.
 *
 * Returns: %TRUE on success; %STYR_STORE_ERROR_CONFLICT when the current
 *   revision is not @seen_rev, %STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE
 *   when the agreement is neither approved nor expired, and
 *   %STYR_AGREEMENT_ACTION_ERROR_INVALID_DATE when @valid_to is too early
 */
gboolean
styr_agreement_renew (StyrStore    *store,
                      const char   *id,
                      const char   *seen_rev,
                      const char   *author,
                      const GDate  *today,
                      const GDate  *valid_to,
                      char        **new_rev,
                      GError      **error)
{
  Change change = { ACTION_RENEW, id, seen_rev, author, today };

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && seen_rev != NULL && author != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (valid_to != NULL && g_date_valid (valid_to), FALSE);

  change.valid_to = valid_to;
  return run_change (store, &change, new_rev, error);
}

/**
 * styr_agreement_save:
 * @store: a #StyrStore
 * @agreement: the agreement as edited, new or not
 * @seen_rev: (nullable): the revision the user edited, %NULL for a new one
 * @author: who edits, for the audit trail
 * @new_rev: (out) (optional) (transfer full): the new revision
 * @error: return location for a #GError
 *
 * Stores what the user wrote into an agreement, checked as every other
 * way into the store checks it: a using system, dates that are dates, a
 * state and answers Styr knows.
 *
 * Returns: %TRUE on success; %STYR_RECORD_ERROR_INVALID, saying which
 *   field, when the agreement is not one; %STYR_STORE_ERROR_CONFLICT when
 *   someone saved another revision in between
 */
gboolean
styr_agreement_save (StyrStore      *store,
                     StyrAgreement  *agreement,
                     const char     *seen_rev,
                     const char     *author,
                     char          **new_rev,
                     GError        **error)
{
  const char *id;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(StyrRecord) checked = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (STYR_IS_AGREEMENT (agreement), FALSE);

  id = styr_record_get_id (STYR_RECORD (agreement));
  body = styr_record_to_json (STYR_RECORD (agreement));
  checked = styr_record_new_from_json (id, NULL, body, error);
  if (checked == NULL)
    return FALSE;
  return styr_store_put (store, id, body, seen_rev, author, new_rev, error);
}
