/* styr-overview-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-page.h"

#include "styr-clock.h"
#include "styr-store.h"
#include "styr-summary.h"

G_BEGIN_DECLS

#define STYR_TYPE_OVERVIEW_PAGE (styr_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (StyrOverviewPage, styr_overview_page, STYR, OVERVIEW_PAGE, StyrPage)

void         styr_overview_page_build_summary_async  (StyrOverviewPage     *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
StyrSummary *styr_overview_page_build_summary_finish (StyrOverviewPage     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void         styr_overview_page_refresh              (StyrOverviewPage     *self);

G_END_DECLS
