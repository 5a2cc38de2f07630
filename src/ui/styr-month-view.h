/* styr-month-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * StyrDayMarks:
 * @STYR_DAY_CHOSEN: the chosen date of a meeting
 * @STYR_DAY_OPTION: an alternative date not chosen (yet)
 * @STYR_DAY_SIDE_MEETING: a side meeting, such as an ERP-vendor meeting
 * @STYR_DAY_DEADLINE: an own KLIK task or checklist item is due
 *
 * What falls on a day of the month view.
 */
typedef enum
{
  STYR_DAY_NONE         = 0,
  STYR_DAY_CHOSEN       = 1 << 0,
  STYR_DAY_OPTION       = 1 << 1,
  STYR_DAY_SIDE_MEETING = 1 << 2,
  STYR_DAY_DEADLINE     = 1 << 3,
} StyrDayMarks;

#define STYR_TYPE_MONTH_VIEW (styr_month_view_get_type ())

G_DECLARE_FINAL_TYPE (StyrMonthView, styr_month_view, STYR, MONTH_VIEW, GtkWidget)

GtkWidget *styr_month_view_new       (void);
void       styr_month_view_set_today (StyrMonthView *self,
                                      const GDate   *today);
void       styr_month_view_show_month (StyrMonthView *self,
                                       const GDate   *day);
void       styr_month_view_get_month (StyrMonthView *self,
                                      GDate         *first);
void       styr_month_view_set_day   (StyrMonthView *self,
                                      const GDate   *day,
                                      StyrDayMarks   marks,
                                      const char    *description);
void       styr_month_view_clear     (StyrMonthView *self);

G_END_DECLS
