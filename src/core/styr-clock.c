/* styr-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-clock"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-clock.h"
#include "styr-record.h"

/* StyrClock: where the rules get "today" from. The system clock follows
 * the local calendar date; a fixed clock stays on one day, so that tests
 * and demos (--today 2019-12-16) can view the 2019/2020 catalogue as of
 * its own time. Nothing outside this file can move a clock.
 */
struct _StyrClock
{
  GObject  parent_instance;

  gboolean fixed;
  GDate    today;
};

G_DEFINE_FINAL_TYPE (StyrClock, styr_clock, G_TYPE_OBJECT)

G_DEFINE_QUARK (styr-clock-error-quark, styr_clock_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
styr_clock_class_init (StyrClockClass *klass)
{
  /**
   * StyrClock::changed:
   * @self: the clock
   *
   * Emitted when the clock is set to another day, or back to the system's.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
styr_clock_init (StyrClock *self)
{
  g_date_clear (&self->today, 1);
}

/**
 * styr_clock_new_system:
 *
 * Returns: (transfer full): a clock whose today is the local date at the
 *   time of each call to styr_clock_get_today()
 */
StyrClock *
styr_clock_new_system (void)
{
  return g_object_new (STYR_TYPE_CLOCK, NULL);
}

/**
 * styr_clock_new_fixed:
 * @today: a valid date
 *
 * Returns: (transfer full): a clock that always says @today
 */
StyrClock *
styr_clock_new_fixed (const GDate *today)
{
  StyrClock *self;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (STYR_TYPE_CLOCK, NULL);
  self->fixed = TRUE;
  self->today = *today;
  return self;
}

/**
 * styr_clock_new_for_string:
 * @yyyy_mm_dd: a date as "YYYY-MM-DD", e.g. from --today
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a fixed clock, or %NULL with @error
 *   set in %STYR_CLOCK_ERROR if @yyyy_mm_dd is not a date in that form
 */
StyrClock *
styr_clock_new_for_string (const char  *yyyy_mm_dd,
                           GError     **error)
{
  GDate today;

  g_return_val_if_fail (yyyy_mm_dd != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!styr_parse_date (yyyy_mm_dd, &today))
    {
      /* Translators: %s is what the user gave as the date, e.g. after --today. */
      g_set_error (error, STYR_CLOCK_ERROR, STYR_CLOCK_ERROR_INVALID_DATE,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), yyyy_mm_dd);
      return NULL;
    }

  return styr_clock_new_fixed (&today);
}

/**
 * styr_clock_set_today:
 * @self: a #StyrClock
 * @today: (nullable): the day to stay on, or %NULL for the system's date
 *
 * Moves the clock, as when the user views the programme as of the
 * catalogue's date; #StyrClock::changed tells whoever shows dates.
 */
void
styr_clock_set_today (StyrClock   *self,
                      const GDate *today)
{
  g_return_if_fail (STYR_IS_CLOCK (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today == NULL ? !self->fixed : self->fixed && g_date_compare (today, &self->today) == 0)
    return;

  self->fixed = today != NULL;
  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * styr_clock_is_fixed:
 * @self: a #StyrClock
 *
 * Returns: %TRUE if the clock stays on one day, so the UI can say which
 */
gboolean
styr_clock_is_fixed (StyrClock *self)
{
  g_return_val_if_fail (STYR_IS_CLOCK (self), FALSE);

  return self->fixed;
}

/**
 * styr_clock_get_today:
 * @self: a #StyrClock
 * @today: (out caller-allocates): the date the rules count from
 */
void
styr_clock_get_today (StyrClock *self,
                      GDate     *today)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) local = NULL;

  g_return_if_fail (STYR_IS_CLOCK (self));
  g_return_if_fail (today != NULL);

  if (self->fixed)
    {
      *today = self->today;
      return;
    }

  /* Deadlines are calendar days where the user is, so the local date. */
  now = g_date_time_new_now_utc ();
  local = g_time_zone_new_local ();
  styr_clock_date_at (now, local, today);
}

/**
 * styr_clock_date_at:
 * @instant: a moment
 * @zone: the time zone the user lives in
 * @date: (out caller-allocates): the calendar day @instant falls on in
 *   @zone
 *
 * A deadline passes at midnight where the user is: 23:30 UTC on 10
 * January is already 11 January in Copenhagen.
 */
void
styr_clock_date_at (GDateTime *instant,
                    GTimeZone *zone,
                    GDate     *date)
{
  g_autoptr(GDateTime) there = NULL;
  int year, month, day;

  g_return_if_fail (instant != NULL);
  g_return_if_fail (zone != NULL);
  g_return_if_fail (date != NULL);

  there = g_date_time_to_timezone (instant, zone);
  g_date_time_get_ymd (there, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}
