/* styr-agreement-review.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-agreement.h"
#include "styr-report.h"
#include "styr-rule-context.h"
#include "styr-store.h"

G_BEGIN_DECLS

StyrReport *styr_agreement_review_report_new (StyrStore             *store,
                                              StyrAgreement         *agreement,
                                              const StyrRuleContext *context,
                                              double                 width,
                                              double                 height,
                                              GError               **error);

G_END_DECLS
