/* styr-summary-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-report.h"
#include "styr-summary.h"

G_BEGIN_DECLS

StyrReport *styr_summary_report_new (StyrSummary *summary,
                                     double       width,
                                     double       height);

G_END_DECLS
