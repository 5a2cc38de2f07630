/* styr-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-format.h"

/* How Styr writes days and meeting times, in the window, the summary, the
 * notifications and the command line alike: Danish style, day first,
 * times as they are in Copenhagen, whatever this desktop's zone. */

static GDateTime *
in_copenhagen (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Copenhagen");

  return zone != NULL ? g_date_time_to_timezone (time, zone) : g_date_time_ref (time);
}

static GDateTime *
noon (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
}

/**
 * styr_format_date:
 * @day: a valid date
 *
 * Returns: (transfer full): @day as "30-01-2020"
 */
char *
styr_format_date (const GDate *day)
{
  char text[16];

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  g_date_strftime (text, sizeof text, "%d-%m-%Y", day);
  return g_strdup (text);
}

/**
 * styr_format_day:
 * @day: a valid date
 *
 * Returns: (transfer full): @day written out in the user's language, e.g.
 *   "torsdag den 30. januar 2020" in Danish
 */
char *
styr_format_day (const GDate *day)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  time = noon (day);
  /* Translators: a date written out, as strftime; Danish writes "%A den %-d. %B %Y". */
  return g_date_time_format (time, _("%A %-d %B %Y"));
}

/**
 * styr_format_slot:
 * @slot: a meeting's date
 *
 * Returns: (transfer full): its day and times, as "Thursday 30-01-2020,
 *   10:00–11:30"
 */
char *
styr_format_slot (const StyrSlot *slot)
{
  g_autoptr(GDateTime) start = in_copenhagen (slot->start);
  g_autoptr(GDateTime) end = in_copenhagen (slot->end);
  g_autofree char *day = g_date_time_format (start, "%A %d-%m-%Y");
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");

  /* Translators: a meeting's date and time, e.g. "torsdag 30-01-2020, 10:00–11:30". */
  return g_strdup_printf (_("%s, %s–%s"), day, from, to);
}

/**
 * styr_format_slot_long:
 * @slot: a meeting's date
 *
 * Returns: (transfer full): its day written out and its times, for the
 *   summary: "Thursday 30 January 2020, 10:00–11:30"
 */
char *
styr_format_slot_long (const StyrSlot *slot)
{
  g_autoptr(GDateTime) start = in_copenhagen (slot->start);
  g_autoptr(GDateTime) end = in_copenhagen (slot->end);
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");
  g_autofree char *day = NULL;
  GDate date;

  styr_slot_get_day (slot, &date);
  day = styr_format_day (&date);
  return g_strdup_printf (_("%s, %s–%s"), day, from, to);
}

/**
 * styr_format_time_range:
 * @start: when it starts
 * @end: when it ends
 * @all_day: whether it is a whole day
 *
 * Returns: (transfer full): a short time of a meeting, as in a list of
 *   changes: "30-01-2020 10:00–11:30", or "16-06-2020 (all day)"
 */
char *
styr_format_time_range (GDateTime *start,
                        GDateTime *end,
                        gboolean   all_day)
{
  g_autoptr(GDateTime) from = in_copenhagen (start);
  g_autoptr(GDateTime) to = in_copenhagen (end);
  g_autofree char *day = g_date_time_format (from, "%d-%m-%Y");
  g_autofree char *first = g_date_time_format (from, "%H:%M");
  g_autofree char *last = g_date_time_format (to, "%H:%M");

  if (all_day)
    /* Translators: a whole-day event, e.g. "16-06-2020 (all day)". */
    return g_strdup_printf (_("%s (all day)"), day);

  /* Translators: a meeting's day and time, e.g. "30-01-2020 10:00–11:30". */
  return g_strdup_printf (_("%s %s–%s"), day, first, last);
}

/**
 * styr_format_moment:
 * @moment: a moment
 *
 * Returns: (transfer full): it with its weekday, as in a reminder:
 *   "Thursday 30-01-2020 10:00"
 */
char *
styr_format_moment (GDateTime *moment)
{
  g_autoptr(GDateTime) local = in_copenhagen (moment);

  return g_date_time_format (local, "%A %d-%m-%Y %H:%M");
}
