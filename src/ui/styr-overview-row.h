/* styr-overview-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STYR_TYPE_OVERVIEW_ROW (styr_overview_row_get_type ())

G_DECLARE_FINAL_TYPE (StyrOverviewRow, styr_overview_row, STYR, OVERVIEW_ROW, AdwActionRow)

GtkWidget *styr_overview_row_new      (void);
void       styr_overview_row_set      (StyrOverviewRow *self,
                                       const char      *title,
                                       const char      *subtitle,
                                       const char      *record,
                                       const char      *page,
                                       gboolean         urgent);
void       styr_overview_row_set_link (StyrOverviewRow *self,
                                       const char      *title,
                                       const char      *detail,
                                       const char      *address);

G_END_DECLS
