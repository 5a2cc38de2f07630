/* styr-column-sorter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYR_TYPE_COLUMN_SORTER (styr_column_sorter_get_type ())

G_DECLARE_FINAL_TYPE (StyrColumnSorter, styr_column_sorter, STYR, COLUMN_SORTER, GtkSorter)

StyrColumnSorter *styr_column_sorter_new        (const char *field);
const char       *styr_column_sorter_get_field  (StyrColumnSorter *self);
char             *styr_column_sorter_sort_field (GtkSorter        *column_view_sorter);

G_END_DECLS
