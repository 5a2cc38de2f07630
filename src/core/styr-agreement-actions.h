/* styr-agreement-actions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-agreement.h"
#include "styr-checklist-item.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_AGREEMENT_ACTION_ERROR (styr_agreement_action_error_quark ())

/**
 * StyrAgreementActionError:
 * @STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE: the agreement is in a state the
 *   action does not start from
 * @STYR_AGREEMENT_ACTION_ERROR_INVALID_DATE: a date given to the action
 *   does not fit the agreement
 *
 * Why a lifecycle action refuses. A stale revision is
 * %STYR_STORE_ERROR_CONFLICT instead, as for any other edit.
 */
typedef enum
{
  STYR_AGREEMENT_ACTION_ERROR_WRONG_STATE,
  STYR_AGREEMENT_ACTION_ERROR_INVALID_DATE,
} StyrAgreementActionError;

GQuark               styr_agreement_action_error_quark (void);

const char          *styr_agreement_state_label        (const char    *state);
const char          *styr_agreement_breadth_label      (const char    *breadth);
const char          *styr_agreement_field_label        (const char    *field);
char                *styr_agreement_describe_value     (const char    *field,
                                                        JsonNode      *node);

/* The review of the five questions, on the record. */
GPtrArray           *styr_agreement_list_questions     (StyrStore     *store,
                                                        GError       **error);
char                *styr_agreement_questions_reference (StyrStore *store);
const char          *styr_agreement_answer_label       (const char    *answer);
const char          *styr_agreement_question_id        (StyrChecklistItem *question);
const char          *styr_agreement_get_answer         (StyrAgreement *self,
                                                        const char    *qid,
                                                        const char   **note);
void                 styr_agreement_set_answer         (StyrAgreement *self,
                                                        const char    *qid,
                                                        const char    *answer,
                                                        const char    *note);
const char          *styr_agreement_get_reviewer       (StyrAgreement *self);
void                 styr_agreement_set_review         (StyrAgreement *self,
                                                        const char    *reviewer,
                                                        const GDate   *date);
GPtrArray           *styr_agreement_review_missing     (StyrAgreement *self,
                                                        GPtrArray     *questions);
gboolean             styr_agreement_next_review        (StyrAgreement *self,
                                                        guint          interval_months,
                                                        GDate         *out);

/* The lifecycle, each one new revision in the store. */
gboolean             styr_agreement_approve            (StyrStore     *store,
                                                        const char    *id,
                                                        const char    *seen_rev,
                                                        const char    *author,
                                                        const GDate   *today,
                                                        const char    *approver,
                                                        guint          review_interval_months,
                                                        char         **new_rev,
                                                        GError       **error);
gboolean             styr_agreement_reject             (StyrStore     *store,
                                                        const char    *id,
                                                        const char    *seen_rev,
                                                        const char    *author,
                                                        const GDate   *today,
                                                        char         **new_rev,
                                                        GError       **error);
gboolean             styr_agreement_terminate          (StyrStore     *store,
                                                        const char    *id,
                                                        const char    *seen_rev,
                                                        const char    *author,
                                                        const GDate   *today,
                                                        char         **new_rev,
                                                        GError       **error);
gboolean             styr_agreement_save               (StyrStore     *store,
                                                        StyrAgreement *agreement,
                                                        const char    *seen_rev,
                                                        const char    *author,
                                                        char         **new_rev,
                                                        GError       **error);
gboolean             styr_agreement_renew              (StyrStore     *store,
                                                        const char    *id,
                                                        const char    *seen_rev,
                                                        const char    *author,
                                                        const GDate   *today,
                                                        const GDate   *valid_to,
                                                        char         **new_rev,
                                                        GError       **error);

G_END_DECLS
