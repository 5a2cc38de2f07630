/* styr-national-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "styr-task.h"

G_BEGIN_DECLS

#define STYR_TYPE_NATIONAL_BAR (styr_national_bar_get_type ())

G_DECLARE_FINAL_TYPE (StyrNationalBar, styr_national_bar, STYR, NATIONAL_BAR, GtkWidget)

GtkWidget *styr_national_bar_new      (void);
void       styr_national_bar_set      (StyrNationalBar          *self,
                                       const StyrNationalStatus *national,
                                       const char               *own_status);
char      *styr_national_bar_describe (StyrNationalBar          *self);

G_END_DECLS
