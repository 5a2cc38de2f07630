/* styr-reminders.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-format.h"
#include "styr-meeting-actions.h"
#include "styr-reminders.h"

/* Which meeting reminders are due at a moment: the chosen date some days
 * ahead and again an hour ahead, and a programme-leader meeting without a
 * chosen date or a registration a week ahead (the invitation itself comes
 * only a week before). Each has an id of its own, recorded once given, so
 * a reminder comes once however often the app asks.
 */

#define GIVEN_PREFIX "reminded:"

void
styr_reminder_free (StyrReminder *reminder)
{
  g_free (reminder->id);
  g_free (reminder->meeting_id);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder);
}

static void
add (GPtrArray   *reminders,
     StyrStore   *store,
     char        *id,
     const char  *meeting_id,
     char        *title,
     char        *body)
{
  g_autofree char *key = g_strconcat (GIVEN_PREFIX, id, NULL);
  g_autofree char *given = styr_store_get_setting (store, key, NULL);
  StyrReminder *reminder;

  if (given != NULL)
    {
      g_free (id);
      g_free (title);
      g_free (body);
      return;
    }

  reminder = g_new0 (StyrReminder, 1);
  reminder->id = id;
  reminder->meeting_id = g_strdup (meeting_id);
  reminder->title = title;
  reminder->body = body;
  g_ptr_array_add (reminders, reminder);
}

/**
 * styr_meeting_reminders:
 * @store: the store
 * @now: the moment to ask for
 * @context: how many days before a chosen date to remind, and the days
 *   before a meeting to warn
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type StyrReminder): the reminders due
 *   at @now and not given yet, or %NULL with @error set
 */
GPtrArray *
styr_meeting_reminders (StyrStore                *store,
                        GDateTime                *now,
                        const StyrRuleContext    *context,
                        GError                  **error)
{
  const StyrRuleThresholds *thresholds = &context->thresholds;
  guint days_before = context->reminder_days;
  g_autoptr(GPtrArray) ids = NULL;
  GPtrArray *reminders;
  GDate today;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  ids = styr_store_find_ids (store, "meeting", NULL, NULL, NULL, error);
  if (ids == NULL)
    return NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_reminder_free);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, NULL);
      g_autoptr(StyrRecord) record = body != NULL ? styr_record_load (id, NULL, body) : NULL;
      g_autoptr(StyrMeetingState) state = NULL;
      g_autoptr(GPtrArray) slots = NULL;
      const char *key = record != NULL ? styr_record_get_key (record) : NULL;
      StyrMeeting *meeting;
      int chosen;

      if (record == NULL || !STYR_IS_MEETING (record))
        continue;
      meeting = STYR_MEETING (record);
      state = styr_meeting_load_state (store, id);
      slots = styr_meeting_dup_effective_slots (meeting, state);
      chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;

      if (chosen >= 0 && (guint) chosen < slots->len &&
          !((StyrSlot *) g_ptr_array_index (slots, chosen))->cancelled)
        {
          StyrSlot *slot = g_ptr_array_index (slots, chosen);
          GTimeSpan ahead = g_date_time_difference (slot->start, now);
          g_autofree char *time = styr_format_moment (slot->start);

          if (ahead > 0 && ahead <= G_TIME_SPAN_HOUR)
            add (reminders, store, g_strdup_printf ("hour:%s:%d", key, chosen), id,
                 /* Translators: a notification; %s is the meeting's title. */
                 g_strdup_printf (_("%s starts within the hour"), styr_meeting_get_title (meeting)),
                 g_strdup (time));
          else if (ahead > G_TIME_SPAN_HOUR && ahead <= (GTimeSpan) days_before * G_TIME_SPAN_DAY)
            add (reminders, store, g_strdup_printf ("days:%s:%d", key, chosen), id,
                 /* Translators: a notification; %s is the meeting's title. */
                 g_strdup_printf (_("%s is coming up"), styr_meeting_get_title (meeting)),
                 g_strdup (time));
        }

      if (styr_rules_meeting_needs_slot (meeting, state, &today, thresholds))
        add (reminders, store, g_strdup_printf ("choose:%s", key), id,
             /* Translators: a notification; %s is the meeting's title. */
             g_strdup_printf (_("Choose a date for %s"), styr_meeting_get_title (meeting)),
             g_strdup (_("KOMBIT’s invitation only comes a week before; pick one of the two dates "
                         "and put it in your calendar.")));
      else if (styr_rules_meeting_needs_registration (meeting, state, &today, thresholds))
        add (reminders, store, g_strdup_printf ("register:%s", key), id,
             /* Translators: a notification; %s is the meeting's title. */
             g_strdup_printf (_("Register for %s"), styr_meeting_get_title (meeting)),
             g_strdup (_("The meeting is less than a week away and the municipality is not "
                         "registered yet.")));
    }

  return reminders;
}

/**
 * styr_reminder_take:
 * @store: the store
 * @reminder: a reminder that was given
 * @error: return location for a #GError
 *
 * Records that @reminder was given, so it is not given again.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_reminder_take (StyrStore     *store,
                    StyrReminder  *reminder,
                    GError       **error)
{
  g_autofree char *key = g_strconcat (GIVEN_PREFIX, reminder->id, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  return styr_store_set_setting (store, key, stamp, error);
}
