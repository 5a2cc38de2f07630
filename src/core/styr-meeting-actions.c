/* styr-meeting-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-meeting-actions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "styr-json.h"
#include "styr-meeting-actions.h"
#include "styr-work.h"

/* What the municipality does about a meeting: which of the two dates it
 * takes, whether it registered, and an invitation received for it. The
 * meeting itself is KOMBIT's and stays as the catalogue says; all of this
 * goes to the meeting's state document beside it.
 */

G_DEFINE_QUARK (styr-meeting-action-error-quark, styr_meeting_action_error)

static const struct {
  const char *kind;
  const char *label;
} kind_labels[] = {
  { "programme-leader", NC_("meeting kind", "Programme-leader meeting") },
  { "erp-vendor", NC_("meeting kind", "ERP-vendor meeting") },
  { "kick-off", NC_("meeting kind", "Kick-off") },
  { "event", NC_("meeting kind", "Event") },
};

/**
 * styr_meeting_kind_label:
 * @kind: (nullable): a meeting's kind as stored
 *
 * Returns: the kind for the user, e.g. "Programledermøde" in Danish
 */
const char *
styr_meeting_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind_labels[i].kind, kind) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "meeting kind", kind_labels[i].label);

  return g_dpgettext2 (GETTEXT_PACKAGE, "meeting kind", "Event");
}

/**
 * styr_meeting_load_state:
 * @store: the store
 * @meeting_id: a meeting, e.g. "meeting:PLM-2020-01"
 *
 * Returns: (transfer full) (nullable): the municipality's state of the
 *   meeting, %NULL if it has none yet
 */
StyrMeetingState *
styr_meeting_load_state (StyrStore  *store,
                         const char *meeting_id)
{
  g_autofree char *state_id = styr_work_state_id (meeting_id);
  g_autofree char *rev = NULL;
  g_autoptr(JsonObject) body = NULL;
  StyrRecord *state;

  if (state_id == NULL)
    return NULL;

  body = styr_store_get (store, state_id, &rev, NULL);
  state = body != NULL ? styr_record_load (state_id, rev, body) : NULL;
  if (state != NULL && !STYR_IS_MEETING_STATE (state))
    g_clear_object (&state);
  return (StyrMeetingState *) state;
}

static gboolean
update (StyrStore    *store,
        StyrMeeting  *meeting,
        const char   *seen_state_rev,
        JsonObject   *changes,
        const char   *author,
        char        **new_rev,
        GError      **error)
{
  g_autofree char *state_id = styr_work_state_id (styr_record_get_id (STYR_RECORD (meeting)));

  return styr_work_update_state (store, state_id, seen_state_rev, changes, author, new_rev,
                                 error);
}

/**
 * styr_meeting_choose_slot:
 * @store: the store
 * @meeting: the meeting
 * @seen_state_rev: (nullable): the revision of the meeting's state the user
 *   saw, %NULL if it had none
 * @slot: the index of the date chosen, or -1 to choose none
 * @author: who chooses
 * @new_rev: (out) (optional): the state's new revision
 * @error: return location for a #GError
 *
 * Chooses which of a meeting's alternative dates the municipality takes,
 * or changes the choice.
 *
 * Returns: %TRUE if the choice was written
 */
gboolean
styr_meeting_choose_slot (StyrStore    *store,
                          StyrMeeting  *meeting,
                          const char   *seen_state_rev,
                          int           slot,
                          const char   *author,
                          char        **new_rev,
                          GError      **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (STYR_IS_MEETING (meeting), FALSE);

  slots = styr_meeting_dup_slots (meeting);
  if (slot < -1 || slot >= (int) slots->len)
    {
      g_set_error (error, STYR_MEETING_ACTION_ERROR, STYR_MEETING_ACTION_ERROR_NO_SUCH_SLOT,
                   /* Translators: %d is a date's number, %s the meeting's title. */
                   _("Date %d is not one of the dates of “%s”."), slot + 1,
                   styr_meeting_get_title (meeting));
      return FALSE;
    }

  if (slot < 0)
    json_object_set_null_member (changes, "chosen_slot");
  else
    json_object_set_int_member (changes, "chosen_slot", slot);
  return update (store, meeting, seen_state_rev, changes, author, new_rev, error);
}

/**
 * styr_meeting_set_registered:
 * @store: the store
 * @meeting: the meeting
 * @seen_state_rev: (nullable): the revision of the state the user saw
 * @registered: whether the registration succeeded
 * @author: who records it
 * @today: the date recorded as registered on
 * @new_rev: (out) (optional): the state's new revision
 * @error: return location for a #GError
 *
 * Records whether the municipality registered for a meeting, with the
 * date. A meeting without a registration page cannot be registered for.
 *
 * Returns: %TRUE if it was written
 */
gboolean
styr_meeting_set_registered (StyrStore    *store,
                             StyrMeeting  *meeting,
                             const char   *seen_state_rev,
                             gboolean      registered,
                             const char   *author,
                             const GDate  *today,
                             char        **new_rev,
                             GError      **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *on = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (STYR_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (registered && styr_meeting_get_registration_url (meeting) == NULL)
    {
      g_set_error (error, STYR_MEETING_ACTION_ERROR, STYR_MEETING_ACTION_ERROR_NO_REGISTRATION,
                   /* Translators: %s is the meeting's title. */
                   _("“%s” has no registration page, so there is nothing to register for."),
                   styr_meeting_get_title (meeting));
      return FALSE;
    }

  json_object_set_boolean_member (changes, "registered", registered);
  if (registered)
    json_object_set_string_member (changes, "registered_on", (on = styr_date_to_iso (today)));
  else
    json_object_set_null_member (changes, "registered_on");
  return update (store, meeting, seen_state_rev, changes, author, new_rev, error);
}

/**
 * styr_meeting_save_notes:
 * @store: the store
 * @meeting: the meeting
 * @notes: the own notes as typed
 * @questions: the questions to raise as typed, one per line
 * @author: who writes them
 * @written: (out) (optional): whether anything was written
 * @error: return location for a #GError
 *
 * Keeps the municipality's own notes and questions for a meeting. The
 * text is trimmed and blank lines are no questions; text equal to what is
 * stored writes nothing, so saving as the user types makes no revisions
 * of its own. The notes are written over the newest state, as they are
 * typed in one place only.
 *
 * Returns: %TRUE if the store holds the notes and questions given
 */
gboolean
styr_meeting_save_notes (StyrStore    *store,
                         StyrMeeting  *meeting,
                         const char   *notes,
                         const char   *questions,
                         const char   *author,
                         gboolean     *written,
                         GError      **error)
{
  g_autoptr(StyrMeetingState) state = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (notes != NULL ? notes : ""));
  g_auto(GStrv) lines = g_strsplit (questions != NULL ? questions : "", "\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) asked = NULL;
  g_auto(GStrv) stored = NULL;
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;
  g_autoptr(JsonObject) changes = NULL;
  JsonArray *list;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (STYR_IS_MEETING (meeting), FALSE);

  if (written != NULL)
    *written = FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      g_strv_builder_add (kept, lines[i]);
  asked = g_strv_builder_end (kept);

  state = styr_meeting_load_state (store, styr_record_get_id (STYR_RECORD (meeting)));
  stored = state != NULL ? styr_record_dup_strv (STYR_RECORD (state), "questions") : NULL;
  was = stored != NULL ? g_strjoinv ("\n", stored) : g_strdup ("");
  now = g_strjoinv ("\n", asked);
  if (g_str_equal (was, now) &&
      g_strcmp0 (state != NULL ? styr_record_get_string (STYR_RECORD (state), "notes") : NULL,
                 trimmed[0] != '\0' ? trimmed : NULL) == 0)
    return TRUE;

  changes = json_object_new ();
  list = json_array_new ();
  for (guint i = 0; asked[i] != NULL; i++)
    json_array_add_string_element (list, asked[i]);
  json_object_set_array_member (changes, "questions", list);
  if (trimmed[0] != '\0')
    json_object_set_string_member (changes, "notes", trimmed);
  else
    json_object_set_null_member (changes, "notes");

  if (!update (store, meeting, state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
               changes, author, NULL, error))
    return FALSE;
  if (written != NULL)
    *written = TRUE;
  return TRUE;
}

/**
 * styr_meeting_list_invitations:
 * @state: (nullable): the municipality's state of a meeting
 *
 * The invitations imported for the meeting, one per date: each an object
 * with the date ("slot"), its time ("start" and "end", or "date" for a
 * whole day), "uid", "sequence", "cancelled" and "description". A state
 * written before there were several holds its one as "invitation".
 *
 * Returns: (transfer container) (element-type JsonObject): the
 *   invitations, owned by @state
 */
GPtrArray *
styr_meeting_list_invitations (StyrMeetingState *state)
{
  GPtrArray *invitations = g_ptr_array_new ();
  JsonArray *list = state != NULL ? styr_record_get_array (STYR_RECORD (state), "invitations")
                                  : NULL;
  JsonObject *legacy = state != NULL ? styr_record_get_object (STYR_RECORD (state), "invitation")
                                     : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *invitation = styr_json_array_get_object (list, i);

      if (invitation != NULL)
        g_ptr_array_add (invitations, invitation);
    }
  if (list == NULL && legacy != NULL)
    g_ptr_array_add (invitations, legacy);
  return invitations;
}

/**
 * styr_meeting_get_invitation:
 * @state: (nullable): the municipality's state of a meeting
 * @slot: which of its dates, 0 for a meeting with only a day
 *
 * Returns: (transfer none) (nullable): the invitation imported for that
 *   date, owned by @state
 */
JsonObject *
styr_meeting_get_invitation (StyrMeetingState *state,
                             int               slot)
{
  g_autoptr(GPtrArray) invitations = styr_meeting_list_invitations (state);

  for (guint i = 0; i < invitations->len; i++)
    if (styr_json_get_int (g_ptr_array_index (invitations, i), "slot", -1) == slot)
      return g_ptr_array_index (invitations, i);
  return NULL;
}

/**
 * styr_meeting_is_cancelled:
 * @state: (nullable): the municipality's state of a meeting
 * @slot: which of its dates, 0 for a meeting with only a day
 *
 * Returns: whether KOMBIT's invitation cancelled that date
 */
gboolean
styr_meeting_is_cancelled (StyrMeetingState *state,
                           int               slot)
{
  JsonObject *invitation = styr_meeting_get_invitation (state, slot);

  return invitation != NULL && styr_json_get_boolean (invitation, "cancelled", FALSE);
}

/**
 * styr_meeting_dup_effective_slots:
 * @meeting: the meeting
 * @state: (nullable): the municipality's state of it
 *
 * The meeting's dates as the municipality should keep them: the
 * catalogue's, with the time of an invitation received for a date in
 * place of the catalogue's, and marked if KOMBIT cancelled it. A meeting
 * the catalogue gives only a day gets the invitation's time, once one
 * came with a time.
 *
 * Returns: (transfer full) (element-type StyrSlot): the dates
 */
GPtrArray *
styr_meeting_dup_effective_slots (StyrMeeting      *meeting,
                                  StyrMeetingState *state)
{
  GPtrArray *slots = styr_meeting_dup_slots (meeting);
  guint n_dates = slots->len;

  /* A meeting with only a day gets its one date from an invitation with
   * a time. */
  if (n_dates == 0)
    n_dates = 1;

  for (guint s = 0; s < n_dates; s++)
    {
      JsonObject *invitation = styr_meeting_get_invitation (state, (int) s);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      StyrSlot *slot;

      if (invitation == NULL)
        continue;
      start = styr_parse_datetime (styr_json_get_string (invitation, "start", NULL));
      end = styr_parse_datetime (styr_json_get_string (invitation, "end", NULL));
      if (s >= slots->len && (start == NULL || end == NULL || g_date_time_compare (start, end) >= 0))
        continue;
      if (s >= slots->len)
        g_ptr_array_add (slots, g_new0 (StyrSlot, 1));

      slot = g_ptr_array_index (slots, s);
      /* A bad time in the state leaves the catalogue's. */
      if (start != NULL && end != NULL && g_date_time_compare (start, end) < 0)
        {
          g_clear_pointer (&slot->start, g_date_time_unref);
          g_clear_pointer (&slot->end, g_date_time_unref);
          slot->start = g_steal_pointer (&start);
          slot->end = g_steal_pointer (&end);
        }
      slot->cancelled = styr_json_get_boolean (invitation, "cancelled", FALSE);
    }

  return slots;
}

/**
 * styr_meeting_get_day:
 * @meeting: the meeting
 * @state: (nullable): the municipality's state of it
 * @today: a valid date
 * @day: (out caller-allocates): the meeting's day
 *
 * The one answer to "which day is the meeting", for every list, the
 * Overview and the summary: the chosen date; else, while none is chosen,
 * the earliest date still ahead that KOMBIT did not cancel, the next
 * chance to attend; else its earliest date; for a meeting with only a
 * day, that day. Days are Copenhagen's.
 *
 * Returns: %TRUE if the meeting has a day
 */
/**
 * styr_meeting_get_filing_day:
 * @meeting: a meeting
 * @state: (nullable): the municipality's state of @meeting
 * @today: a valid date
 * @day: (out): the day
 *
 * The day a meeting is sorted and filed by: its day (see
 * styr_meeting_get_day()), or, for an event KOMBIT dates by its month
 * alone (the Aabenraa kommunedag of November 2019), the last day of that
 * month, so it sorts after the dated ones of its month and is past once
 * the month has ended.
 *
 * Returns: %FALSE for a meeting with no date at all
 */
gboolean
styr_meeting_get_filing_day (StyrMeeting      *meeting,
                             StyrMeetingState *state,
                             const GDate      *today,
                             GDate            *day)
{
  const char *month = styr_record_get_string (STYR_RECORD (meeting), "month");
  int year = 0, number = 0;

  g_return_val_if_fail (STYR_IS_MEETING (meeting), FALSE);

  if (styr_meeting_get_day (meeting, state, today, day))
    return TRUE;

  /* "YYYY-MM", as the record's validation has it. */
  if (month == NULL || sscanf (month, "%4d-%2d", &year, &number) != 2 ||
      !g_date_valid_dmy (1, number, year))
    return FALSE;
  g_date_set_dmy (day, g_date_get_days_in_month (number, year), number, year);
  return TRUE;
}

/**
 * styr_meeting_is_past:
 * @meeting: a meeting
 * @state: (nullable): the municipality's state of @meeting
 * @today: a valid date
 *
 * Whether the meeting is over: its filing day (see
 * styr_meeting_get_filing_day()) is before @today. A meeting with no date
 * at all is not.
 *
 * Returns: %TRUE if it lies before @today
 */
gboolean
styr_meeting_is_past (StyrMeeting      *meeting,
                      StyrMeetingState *state,
                      const GDate      *today)
{
  GDate day;

  g_return_val_if_fail (STYR_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return styr_meeting_get_filing_day (meeting, state, today, &day) &&
         g_date_compare (&day, today) < 0;
}

gboolean
styr_meeting_get_day (StyrMeeting      *meeting,
                      StyrMeetingState *state,
                      const GDate      *today,
                      GDate            *day)
{
  g_autoptr(GPtrArray) slots = styr_meeting_dup_effective_slots (meeting, state);
  int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  gboolean found = FALSE;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  g_date_clear (day, 1);
  if (slots->len == 0)
    return styr_meeting_get_effective_date (meeting, state, day);
  if (chosen >= 0 && (guint) chosen < slots->len)
    {
      styr_slot_get_day (g_ptr_array_index (slots, chosen), day);
      return TRUE;
    }

  for (guint i = 0; i < slots->len; i++)
    {
      StyrSlot *slot = g_ptr_array_index (slots, i);
      GDate candidate;

      styr_slot_get_day (slot, &candidate);
      if (slot->cancelled || g_date_compare (&candidate, today) < 0)
        continue;
      if (!found || g_date_compare (&candidate, day) < 0)
        *day = candidate;
      found = TRUE;
    }
  if (!found)
    for (guint i = 0; i < slots->len; i++)
      {
        GDate candidate;

        styr_slot_get_day (g_ptr_array_index (slots, i), &candidate);
        if (!found || g_date_compare (&candidate, day) < 0)
          *day = candidate;
        found = TRUE;
      }
  return found;
}

/**
 * styr_next_programme_meeting:
 * @store: the store
 * @today: a valid date
 * @date: (out caller-allocates): the day of the meeting
 * @meeting_id: (out) (optional) (nullable): the meeting's id
 * @error: return location for a #GError
 *
 * Finds the next programme-leader meeting from @today on, by its day as
 * styr_meeting_get_day() has it.
 *
 * Returns: %TRUE if there is one; %FALSE with @error unset if not
 */
gboolean
styr_next_programme_meeting (StyrStore    *store,
                             const GDate  *today,
                             GDate        *date,
                             char        **meeting_id,
                             GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *best_id = NULL;
  GDate best;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (&best, 1);
  ids = styr_store_find_ids (store, "meeting", "kind", "programme-leader", NULL, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = styr_store_get (store, id, NULL, NULL);
      g_autoptr(StyrRecord) meeting = body != NULL ? styr_record_load (id, NULL, body) : NULL;
      g_autoptr(StyrMeetingState) state = NULL;
      GDate day;

      if (meeting == NULL || !STYR_IS_MEETING (meeting))
        continue;
      state = styr_meeting_load_state (store, id);
      if (!styr_meeting_get_day (STYR_MEETING (meeting), state, today, &day) ||
          g_date_compare (&day, today) < 0)
        continue;

      if (!g_date_valid (&best) || g_date_compare (&day, &best) < 0)
        {
          best = day;
          g_free (best_id);
          best_id = g_strdup (id);
        }
    }

  if (!g_date_valid (&best))
    return FALSE;

  *date = best;
  if (meeting_id != NULL)
    *meeting_id = g_steal_pointer (&best_id);
  return TRUE;
}

/**
 * styr_meeting_due_by:
 * @store: the store
 * @context: today and the thresholds
 * @by: (out caller-allocates): the last day of "before the meeting"
 * @error: return location for a #GError
 *
 * What the Overview, the summary and the KLIK tasks' filter call "before
 * the meeting": everything due by the next programme-leader meeting's
 * day, the overdue included; with no meeting ahead, everything due within
 * the due-soon days.
 *
 * Returns: %TRUE if @by is a meeting's day, %FALSE if it is the due-soon
 *   window or with @error set
 */
gboolean
styr_meeting_due_by (StyrStore              *store,
                     const StyrRuleContext  *context,
                     GDate                  *by,
                     GError                **error)
{
  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (context != NULL, FALSE);

  if (styr_next_programme_meeting (store, &context->today, by, NULL, error))
    return TRUE;

  *by = context->today;
  g_date_add_days (by, context->thresholds.due_soon_days);
  return FALSE;
}

/**
 * styr_meeting_is_called_off:
 * @meeting: the meeting
 * @state: (nullable): the municipality's state of it
 *
 * Whether the meeting is off for the municipality: KOMBIT cancelled the
 * date it chose, or every date it could choose.
 *
 * Returns: %TRUE if there is no date left to attend
 */
gboolean
styr_meeting_is_called_off (StyrMeeting      *meeting,
                            StyrMeetingState *state)
{
  g_autoptr(GPtrArray) slots = styr_meeting_dup_effective_slots (meeting, state);
  int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  guint cancelled = 0;

  if (slots->len == 0)
    return styr_meeting_is_cancelled (state, 0);
  if (chosen >= 0 && (guint) chosen < slots->len)
    return ((StyrSlot *) g_ptr_array_index (slots, chosen))->cancelled;

  for (guint i = 0; i < slots->len; i++)
    cancelled += ((StyrSlot *) g_ptr_array_index (slots, i))->cancelled;
  return cancelled == slots->len;
}

/**
 * styr_meeting_get_effective_date:
 * @meeting: a meeting the catalogue gives only a day, not times
 * @state: (nullable): the municipality's state of it
 * @day: (out caller-allocates): the day
 *
 * The day of a meeting without times: the catalogue's, or the one of a
 * whole-day invitation that moved it.
 *
 * Returns: %TRUE if the meeting has a day and no times
 */
gboolean
styr_meeting_get_effective_date (StyrMeeting      *meeting,
                                 StyrMeetingState *state,
                                 GDate            *day)
{
  g_autoptr(GPtrArray) slots = styr_meeting_dup_effective_slots (meeting, state);
  JsonObject *invitation = styr_meeting_get_invitation (state, 0);
  const char *moved = invitation != NULL
                      ? styr_json_get_string (invitation, "date", NULL)
                      : NULL;

  g_date_clear (day, 1);
  if (slots->len > 0)
    return FALSE;
  if (moved != NULL && styr_parse_date (moved, day))
    return TRUE;
  return styr_record_get_date (STYR_RECORD (meeting), "date", day);
}

/**
 * styr_meeting_attendance_total:
 * @meeting: the meeting
 * @date: (nullable): a day of the meeting as "YYYY-MM-DD", or %NULL for
 *   all its days
 *
 * Returns: how many people attended, from KOMBIT's lists
 */
guint
styr_meeting_attendance_total (StyrMeeting *meeting,
                               const char  *date)
{
  g_autoptr(GPtrArray) attendance = styr_meeting_dup_attendance (meeting);
  guint total = 0;

  for (guint i = 0; i < attendance->len; i++)
    {
      StyrAttendance *entry = g_ptr_array_index (attendance, i);

      if (date == NULL || g_strcmp0 (entry->date, date) == 0)
        total += MAX (entry->count, 0);
    }

  return total;
}
