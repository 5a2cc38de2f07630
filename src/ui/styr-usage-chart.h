/* styr-usage-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYR_TYPE_USAGE_CHART (styr_usage_chart_get_type ())

G_DECLARE_FINAL_TYPE (StyrUsageChart, styr_usage_chart, STYR, USAGE_CHART, GtkWidget)

GtkWidget *styr_usage_chart_new        (void);
void       styr_usage_chart_set_months (StyrUsageChart *self,
                                        GArray         *months);
GArray    *styr_usage_chart_get_months (StyrUsageChart *self);
char      *styr_usage_chart_describe   (StyrUsageChart *self);

G_END_DECLS
