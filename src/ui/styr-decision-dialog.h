/* styr-decision-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-agreement.h"
#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrDecision:
 * @STYR_DECISION_APPROVE: approve a requested agreement
 * @STYR_DECISION_REJECT: reject a requested agreement
 * @STYR_DECISION_TERMINATE: terminate (opsig) an approved agreement
 * @STYR_DECISION_RENEW: move an agreement's end date
 *
 * The steps of an agreement's lifecycle that ask for confirmation.
 */
typedef enum
{
  STYR_DECISION_APPROVE,
  STYR_DECISION_REJECT,
  STYR_DECISION_TERMINATE,
  STYR_DECISION_RENEW,
} StyrDecision;

#define STYR_TYPE_DECISION_DIALOG (styr_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StyrDecisionDialog, styr_decision_dialog, STYR, DECISION_DIALOG,
                      AdwMessageDialog)

StyrDecisionDialog *styr_decision_dialog_new (GtkWindow     *parent,
                                              StyrStore     *store,
                                              StyrClock     *clock,
                                              StyrAgreement *agreement,
                                              StyrDecision   decision,
                                              const char    *author,
                                              guint          review_interval_months);

G_END_DECLS
