/* styr-agreement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_AGREEMENT (styr_agreement_get_type ())

G_DECLARE_FINAL_TYPE (StyrAgreement, styr_agreement, STYR, AGREEMENT, StyrRecord)

const char  *styr_agreement_get_using_system  (StyrAgreement *self);
const char  *styr_agreement_get_supplier      (StyrAgreement *self);
const char  *styr_agreement_get_state         (StyrAgreement *self);
const char  *styr_agreement_get_reason        (StyrAgreement *self);
const char  *styr_agreement_get_scope_breadth (StyrAgreement *self);
const char  *styr_agreement_get_approver      (StyrAgreement *self);
char       **styr_agreement_dup_services      (StyrAgreement *self);
gboolean     styr_agreement_get_valid_from    (StyrAgreement *self,
                                               GDate         *date);
gboolean     styr_agreement_get_valid_to      (StyrAgreement *self,
                                               GDate         *date);
gboolean     styr_agreement_get_contract_end  (StyrAgreement *self,
                                               GDate         *date);
gboolean     styr_agreement_get_approved_on   (StyrAgreement *self,
                                               GDate         *date);
gboolean     styr_agreement_get_terminated_on (StyrAgreement *self,
                                               GDate         *date);
gboolean     styr_agreement_get_review_date   (StyrAgreement *self,
                                               GDate         *date);
gint64       styr_agreement_get_usage         (StyrAgreement *self,
                                               guint          year,
                                               guint          month);

G_END_DECLS
