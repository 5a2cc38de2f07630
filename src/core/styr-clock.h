/* styr-clock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STYR_CLOCK_ERROR (styr_clock_error_quark ())

typedef enum
{
  STYR_CLOCK_ERROR_INVALID_DATE,
} StyrClockError;

#define STYR_TYPE_CLOCK (styr_clock_get_type ())

G_DECLARE_FINAL_TYPE (StyrClock, styr_clock, STYR, CLOCK, GObject)

GQuark     styr_clock_error_quark    (void);
StyrClock *styr_clock_new_system     (void);
StyrClock *styr_clock_new_fixed      (const GDate  *today);
StyrClock *styr_clock_new_for_string (const char   *yyyy_mm_dd,
                                      GError      **error);
gboolean   styr_clock_is_fixed       (StyrClock    *self);
void       styr_clock_set_today      (StyrClock    *self,
                                      const GDate  *today);
void       styr_clock_get_today      (StyrClock    *self,
                                      GDate        *today);

void       styr_clock_date_at        (GDateTime    *instant,
                                      GTimeZone    *zone,
                                      GDate        *date);

G_END_DECLS
