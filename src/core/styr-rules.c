/* styr-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "styr-meeting-actions.h"
#include "styr-rules.h"

/* The rules: pure functions over records. They never read the store or the
 * clock; the caller hands them the records, "today" and the thresholds, so
 * each rule can be tested on both sides of its limit with plain data.
 */

G_DEFINE_FLAGS_TYPE (StyrRiskFlags, styr_risk_flags,
  G_DEFINE_ENUM_VALUE (STYR_RISK_NONE, "none"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_NO_END_DATE, "no-end-date"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_PERIOD_TOO_LONG, "period-too-long"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_SCOPE_TOO_WIDE, "scope-too-wide"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_PERSON_DATA, "person-data"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_NO_REASON, "no-reason"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_EXPIRING, "expiring"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_USED_AFTER_END, "used-after-end"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_NO_RECENT_REVIEW, "no-recent-review"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_APPROVER_WITHOUT_ROLE, "approver-without-role"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_CONTRACT_ENDED, "contract-ended"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_NO_USAGE, "no-usage"),
  G_DEFINE_ENUM_VALUE (STYR_RISK_USAGE_SPIKE, "usage-spike"))

/* Services that return CPR data about persons. */
static const char * const person_data_services[] = {
  "SF1320_A", "SF1520", "SF1525", "SF6002", NULL
};

/* Data scopes wider than the unit that asked for the data. */
static const char * const wide_scopes[] = { "whole-municipality", "all-persons", NULL };

/* The usage rules look at this many months before the last full one. */
#define USAGE_HISTORY_MONTHS 12

#define VALID_DATE(d) ((d) != NULL && g_date_valid (d))

/**
 * styr_rule_thresholds_init:
 * @thresholds: (out caller-allocates): the thresholds to fill in
 *
 * Sets the default thresholds: due soon within 14 days, expiring within
 * 60 days, agreements of at most 36 months, a review every 12 months, 3
 * months without calls, a spike at 3 times the usual calls, at most 4
 * roles per person, and a warning 7 days before a meeting.
 */
void
styr_rule_thresholds_init (StyrRuleThresholds *thresholds)
{
  g_return_if_fail (thresholds != NULL);

  *thresholds = (StyrRuleThresholds) {
    .due_soon_days = 14,
    .expiring_days = 60,
    .max_period_months = 36,
    .review_interval_months = 12,
    .no_usage_months = 3,
    .usage_spike_factor = 3.0,
    .max_roles_per_person = 4,
    .meeting_warning_days = 7,
  };
}

/**
 * styr_rules_days_left:
 * @deadline: a valid date
 * @today: a valid date
 *
 * Returns: the days from @today to @deadline: 0 on the day, negative
 *   once it has passed
 */
int
styr_rules_days_left (const GDate *deadline,
                      const GDate *today)
{
  g_return_val_if_fail (VALID_DATE (deadline), 0);
  g_return_val_if_fail (VALID_DATE (today), 0);

  return g_date_days_between (today, deadline);
}

static gboolean
is_overdue (const GDate *deadline,
            const GDate *today)
{
  return g_date_days_between (today, deadline) < 0;
}

/* @today <= @date <= @today + @days */
static gboolean
is_within (const GDate *date,
           const GDate *today,
           guint        days)
{
  int left = g_date_days_between (today, date);

  return left >= 0 && (guint) left <= days;
}

static gboolean
task_open (StyrTask      *task,
           StyrTaskState *state)
{
  const char *lifecycle = styr_task_get_lifecycle (task);

  /* A task KOMBIT withdraws, or says it will, asks nothing more of anyone. */
  if (g_strcmp0 (lifecycle, "withdrawn") == 0 ||
      g_strcmp0 (lifecycle, "withdrawal-announced") == 0)
    return FALSE;

  /* No state yet means the municipality has not started it. */
  return state == NULL || g_strcmp0 (styr_task_state_get_status (state), "completed") != 0;
}

/**
 * styr_rules_task_overdue:
 * @task: a KLIK task
 * @state: (nullable): the municipality's state of @task, %NULL if it has
 *   none yet
 * @today: a valid date
 *
 * A task is overdue when its deadline (slutdato) is before @today, it is
 * not completed, and KOMBIT has not withdrawn it or announced that it
 * will.
 *
 * Returns: %TRUE if @task is overdue
 */
gboolean
styr_rules_task_overdue (StyrTask      *task,
                         StyrTaskState *state,
                         const GDate   *today)
{
  GDate deadline;

  g_return_val_if_fail (STYR_IS_TASK (task), FALSE);
  g_return_val_if_fail (state == NULL || STYR_IS_TASK_STATE (state), FALSE);
  g_return_val_if_fail (VALID_DATE (today), FALSE);

  return styr_task_get_deadline (task, &deadline) &&
         is_overdue (&deadline, today) &&
         task_open (task, state);
}

/**
 * styr_rules_task_due_soon:
 * @task: a KLIK task
 * @state: (nullable): the municipality's state of @task
 * @today: a valid date
 * @thresholds: the thresholds
 *
 * A task is due soon when its deadline is @today or at most
 * @thresholds->due_soon_days later, and it is open in the sense of
 * styr_rules_task_overdue(). A task is never both overdue and due soon.
 *
 * Returns: %TRUE if @task is due soon
 */
gboolean
styr_rules_task_due_soon (StyrTask                 *task,
                          StyrTaskState            *state,
                          const GDate              *today,
                          const StyrRuleThresholds *thresholds)
{
  GDate deadline;

  g_return_val_if_fail (STYR_IS_TASK (task), FALSE);
  g_return_val_if_fail (state == NULL || STYR_IS_TASK_STATE (state), FALSE);
  g_return_val_if_fail (VALID_DATE (today), FALSE);
  g_return_val_if_fail (thresholds != NULL, FALSE);

  return styr_task_get_deadline (task, &deadline) &&
         is_within (&deadline, today, thresholds->due_soon_days) &&
         task_open (task, state);
}

/**
 * styr_rules_task_due_by:
 * @task: a KLIK task
 * @state: (nullable): the municipality's state of @task
 * @by: a valid date, the next meeting's day
 *
 * "Before the meeting": a task is due by a day when it is open and its
 * deadline is that day or earlier, so the overdue ones are in it too.
 *
 * Returns: %TRUE if @task is due by @by
 */
gboolean
styr_rules_task_due_by (StyrTask      *task,
                        StyrTaskState *state,
                        const GDate   *by)
{
  GDate deadline;

  g_return_val_if_fail (STYR_IS_TASK (task), FALSE);
  g_return_val_if_fail (state == NULL || STYR_IS_TASK_STATE (state), FALSE);
  g_return_val_if_fail (VALID_DATE (by), FALSE);

  return styr_task_get_deadline (task, &deadline) && g_date_compare (&deadline, by) <= 0 &&
         task_open (task, state);
}

/**
 * styr_rules_checklist_item_due_by:
 * @item: a checklist item
 * @state: (nullable): the municipality's state of @item
 * @by: a valid date, the next meeting's day
 *
 * Returns: %TRUE if @item is not done and is due @by or earlier
 */
gboolean
styr_rules_checklist_item_due_by (StyrChecklistItem      *item,
                                  StyrChecklistItemState *state,
                                  const GDate            *by)
{
  GDate due;

  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (item), FALSE);
  g_return_val_if_fail (state == NULL || STYR_IS_CHECKLIST_ITEM_STATE (state), FALSE);
  g_return_val_if_fail (VALID_DATE (by), FALSE);

  return styr_checklist_item_get_due (item, &due) && g_date_compare (&due, by) <= 0 &&
         (state == NULL || !styr_checklist_item_state_get_done (state));
}

/**
 * styr_rules_checklist_item_overdue:
 * @item: a checklist item
 * @state: (nullable): the municipality's state of @item
 * @today: a valid date
 *
 * Returns: %TRUE if @item has a due date before @today and is not done
 */
gboolean
styr_rules_checklist_item_overdue (StyrChecklistItem      *item,
                                   StyrChecklistItemState *state,
                                   const GDate            *today)
{
  GDate due;

  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (item), FALSE);
  g_return_val_if_fail (state == NULL || STYR_IS_CHECKLIST_ITEM_STATE (state), FALSE);
  g_return_val_if_fail (VALID_DATE (today), FALSE);

  return styr_checklist_item_get_due (item, &due) &&
         is_overdue (&due, today) &&
         (state == NULL || !styr_checklist_item_state_get_done (state));
}

/**
 * styr_rules_checklist_item_due_soon:
 * @item: a checklist item
 * @state: (nullable): the municipality's state of @item
 * @today: a valid date
 * @thresholds: the thresholds
 *
 * Returns: %TRUE if @item is not done and is due @today or at most
 *   @thresholds->due_soon_days later
 */
gboolean
styr_rules_checklist_item_due_soon (StyrChecklistItem        *item,
                                    StyrChecklistItemState   *state,
                                    const GDate              *today,
                                    const StyrRuleThresholds *thresholds)
{
  GDate due;

  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (item), FALSE);
  g_return_val_if_fail (state == NULL || STYR_IS_CHECKLIST_ITEM_STATE (state), FALSE);
  g_return_val_if_fail (VALID_DATE (today), FALSE);
  g_return_val_if_fail (thresholds != NULL, FALSE);

  return styr_checklist_item_get_due (item, &due) &&
         is_within (&due, today, thresholds->due_soon_days) &&
         (state == NULL || !styr_checklist_item_state_get_done (state));
}

/**
 * styr_rules_blocking:
 * @depends_on: (nullable) (array zero-terminated=1): ids of the tasks and
 *   checklist items something depends on, e.g. "task:YR-OIR-MAP"
 * @is_done: tells whether one id is done
 * @user_data: closure data for @is_done
 *
 * Finds what still blocks a task or checklist item. An id @is_done does
 * not know counts as not done, so a dependency that went missing keeps
 * blocking rather than being silently dropped.
 *
 * Returns: (transfer full): the ids in @depends_on that are not done, in
 *   their order and each once; empty when nothing blocks
 */
char **
styr_rules_blocking (const char * const *depends_on,
                     StyrRulesDoneFunc   is_done,
                     gpointer            user_data)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GPtrArray) seen = NULL;

  g_return_val_if_fail (is_done != NULL, NULL);

  builder = g_strv_builder_new ();
  seen = g_ptr_array_new ();
  for (guint i = 0; depends_on != NULL && depends_on[i] != NULL; i++)
    {
      const char *id = depends_on[i];

      if (id[0] == '\0' || g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL))
        continue;

      g_ptr_array_add (seen, (gpointer) id);
      if (!is_done (id, user_data))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/* Months as one number, so that "the month after" is + 1 across years. */
static int
month_index (guint year,
             guint month)
{
  return (int) year * 12 + (int) month - 1;
}

static int
date_month_index (const GDate *date)
{
  return month_index (g_date_get_year (date), g_date_get_month (date));
}

static gint64
usage_in_month (StyrAgreement *agreement,
                int            index)
{
  if (index < month_index (1, 1))
    return -1;

  return styr_agreement_get_usage (agreement, index / 12, index % 12 + 1);
}

static void
first_day_of_month (int    index,
                    GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, index % 12 + 1, index / 12);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
strv_intersects (char               **strv,
                 const char * const  *set)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_strv_contains (set, strv[i]))
      return TRUE;

  return FALSE;
}

/* What the agreement asks for, which matters while it is requested (the
 * approver is deciding) and while it is approved (it is in force). */
static StyrRiskFlags
content_risks (StyrAgreement            *agreement,
               const GDate              *today,
               const StyrRuleThresholds *thresholds)
{
  StyrRiskFlags flags = STYR_RISK_NONE;
  g_auto(GStrv) services = styr_agreement_dup_services (agreement);
  const char *breadth = styr_agreement_get_scope_breadth (agreement);
  GDate valid_to;

  if (!styr_agreement_get_valid_to (agreement, &valid_to))
    flags |= STYR_RISK_NO_END_DATE;
  else
    {
      GDate start, limit;

      /* A request without a start date starts when it is approved, at
       * the earliest today. */
      if (!styr_agreement_get_valid_from (agreement, &start) &&
          !styr_agreement_get_approved_on (agreement, &start))
        start = *today;

      limit = start;
      g_date_add_months (&limit, thresholds->max_period_months);
      if (g_date_compare (&valid_to, &limit) > 0)
        flags |= STYR_RISK_PERIOD_TOO_LONG;
    }

  if (breadth != NULL && g_strv_contains (wide_scopes, breadth))
    flags |= STYR_RISK_SCOPE_TOO_WIDE;

  if (strv_intersects (services, person_data_services))
    flags |= STYR_RISK_PERSON_DATA;

  if (is_blank (styr_agreement_get_reason (agreement)))
    flags |= STYR_RISK_NO_REASON;

  return flags;
}

static gboolean
holds_role (const char  *person,
            const char  *role,
            GPtrArray   *assignments,
            const GDate *today)
{
  for (guint i = 0; i < assignments->len; i++)
    {
      StyrAssignment *assignment = g_ptr_array_index (assignments, i);

      if (g_strcmp0 (styr_assignment_get_role (assignment), role) == 0 &&
          (g_strcmp0 (styr_assignment_get_holder (assignment), person) == 0 ||
           g_strcmp0 (styr_assignment_get_deputy (assignment), person) == 0) &&
          styr_rules_assignment_current (assignment, today))
        return TRUE;
    }

  return FALSE;
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Calls in the last full month > factor × the median of the recorded
 * months among the twelve before it. The median counts as at least one
 * call, so that a handful of calls after idle months is not a spike. */
static gboolean
usage_spike (StyrAgreement            *agreement,
             const GDate              *today,
             const StyrRuleThresholds *thresholds)
{
  int last = date_month_index (today) - 1;
  gint64 calls = usage_in_month (agreement, last);
  gint64 history[USAGE_HISTORY_MONTHS];
  guint n = 0;
  double median;

  if (calls < 0)
    return FALSE;

  for (int m = last - USAGE_HISTORY_MONTHS; m < last; m++)
    {
      gint64 usage = usage_in_month (agreement, m);

      if (usage >= 0)
        history[n++] = usage;
    }

  if (n == 0)
    return FALSE;

  /* The median, not the mean, so one earlier spike does not hide the next. */
  qsort (history, n, sizeof history[0], compare_int64);
  median = n % 2 == 1 ? history[n / 2] : (history[n / 2 - 1] + history[n / 2]) / 2.0;

  return (double) calls > thresholds->usage_spike_factor * MAX (median, 1.0);
}

/* No calls in each of the last no_usage_months full months. A month with
 * nothing recorded counts as no calls, but at least one of them must be
 * recorded: without usage data there is nothing to conclude. */
static gboolean
no_usage (StyrAgreement            *agreement,
          const GDate              *today,
          const StyrRuleThresholds *thresholds)
{
  int last = date_month_index (today) - 1;
  int first = last - (int) thresholds->no_usage_months + 1;
  gboolean recorded = FALSE;
  GDate start;

  if (thresholds->no_usage_months == 0)
    return FALSE;

  /* An agreement that came into force inside the window has not had the
   * whole window to be used in. */
  if (styr_agreement_get_valid_from (agreement, &start) ||
      styr_agreement_get_approved_on (agreement, &start))
    {
      GDate window_start;

      first_day_of_month (first, &window_start);
      if (g_date_compare (&start, &window_start) > 0)
        return FALSE;
    }

  for (int m = first; m <= last; m++)
    {
      gint64 usage = usage_in_month (agreement, m);

      if (usage > 0)
        return FALSE;
      if (usage == 0)
        recorded = TRUE;
    }

  return recorded;
}

static gboolean
is_ended_state (const char *state)
{
  return g_strcmp0 (state, "expired") == 0 || g_strcmp0 (state, "terminated") == 0;
}

/* The last month the agreement was in force, if it has ended. */
static gboolean
end_month_of (StyrAgreement *agreement,
              gboolean       ended_by_state,
              const GDate   *today,
              int           *end_month)
{
  GDate valid_to;

  if (styr_agreement_get_valid_to (agreement, &valid_to) &&
      g_date_compare (&valid_to, today) < 0)
    *end_month = date_month_index (&valid_to);
  else if (ended_by_state)
    /* Ended on a day we do not know: calls in the last full month or this
     * one mean the system still relies on it. */
    *end_month = date_month_index (today) - 2;
  else
    return FALSE;

  return TRUE;
}

static gboolean
used_after_end (StyrAgreement *agreement,
                gboolean       ended_by_state,
                const GDate   *today)
{
  int today_month = date_month_index (today);
  int end_month;

  if (!end_month_of (agreement, ended_by_state, today, &end_month))
    return FALSE;

  for (int m = end_month + 1; m <= today_month; m++)
    if (usage_in_month (agreement, m) > 0)
      return TRUE;

  return FALSE;
}

/* Risks of an agreement in force. */
static StyrRiskFlags
approved_risks (StyrAgreement            *agreement,
                GPtrArray                *assignments,
                const GDate              *today,
                const StyrRuleThresholds *thresholds)
{
  StyrRiskFlags flags = STYR_RISK_NONE;
  const char *approver = styr_agreement_get_approver (agreement);
  GDate date;

  if (styr_agreement_get_valid_to (agreement, &date) &&
      is_within (&date, today, thresholds->expiring_days))
    flags |= STYR_RISK_EXPIRING;

  if (!styr_agreement_get_review_date (agreement, &date))
    flags |= STYR_RISK_NO_RECENT_REVIEW;
  else
    {
      g_date_add_months (&date, thresholds->review_interval_months);
      if (g_date_compare (&date, today) < 0)
        flags |= STYR_RISK_NO_RECENT_REVIEW;
    }

  /* Only a person record can hold a role. An approver recorded by name
   * (as the app does until people are kept as records) cannot be checked,
   * and flagging it would raise the flag on every approved agreement. */
  if (approver != NULL && g_str_has_prefix (approver, "person:") &&
      !holds_role (approver, STYR_ROLE_AGREEMENT_APPROVER, assignments, today))
    flags |= STYR_RISK_APPROVER_WITHOUT_ROLE;

  if (styr_agreement_get_contract_end (agreement, &date) && g_date_compare (&date, today) < 0)
    flags |= STYR_RISK_CONTRACT_ENDED;

  if (no_usage (agreement, today, thresholds))
    flags |= STYR_RISK_NO_USAGE;

  if (usage_spike (agreement, today, thresholds))
    flags |= STYR_RISK_USAGE_SPIKE;

  return flags;
}

/**
 * styr_rules_agreement_risks:
 * @agreement: a service agreement
 * @assignments: (element-type StyrAssignment): all role assignments
 * @today: a valid date
 * @thresholds: the thresholds
 *
 * Finds why @agreement needs attention. Which flags apply depends on its
 * state:
 *
 * - requested and approved: %STYR_RISK_NO_END_DATE (no valid_to),
 *   %STYR_RISK_PERIOD_TOO_LONG (valid_to later than max_period_months
 *   after valid_from, else after the approval date, else after @today),
 *   %STYR_RISK_SCOPE_TOO_WIDE (scope_breadth "whole-municipality" or
 *   "all-persons"), %STYR_RISK_PERSON_DATA (SF1520, SF1525, SF1320_A or
 *   SF6002 among the services) and %STYR_RISK_NO_REASON (reason missing
 *   or blank).
 * - approved only: %STYR_RISK_EXPIRING (valid_to from @today to
 *   expiring_days later), %STYR_RISK_NO_RECENT_REVIEW (no review date, or
 *   one more than review_interval_months before @today),
 *   %STYR_RISK_APPROVER_WITHOUT_ROLE (the approver is neither holder nor
 *   deputy of %STYR_ROLE_AGREEMENT_APPROVER in an assignment current on
 *   @today; an agreement without an approver, or whose approver is not a
 *   person id ("person:…") but a name, is not flagged),
 *   %STYR_RISK_CONTRACT_ENDED (contract_end before @today),
 *   %STYR_RISK_NO_USAGE (none of the last no_usage_months full months
 *   before @today has calls, at least one of them has usage recorded, and
 *   the agreement was in force from the first day of the first of them)
 *   and %STYR_RISK_USAGE_SPIKE (the last full month's calls exceed
 *   usage_spike_factor times the median of the months recorded among the
 *   twelve before it; at least one must be, and the median counts as at
 *   least one call).
 * - approved, expired and terminated: %STYR_RISK_USED_AFTER_END. The
 *   agreement has ended when it is expired or terminated, or when
 *   valid_to is before @today. It is flagged when calls are recorded for
 *   a month after the month of valid_to (when valid_to is before @today),
 *   up to and including @today's month. When it ended by its state on a
 *   day that is not recorded, calls in the last full month or the current
 *   one flag it.
 * - rejected: nothing. A rejected request never gave access, and there is
 *   nothing left to decide about it.
 *
 * Returns: the flags that apply, %STYR_RISK_NONE if none do
 */
StyrRiskFlags
styr_rules_agreement_risks (StyrAgreement            *agreement,
                            GPtrArray                *assignments,
                            const GDate              *today,
                            const StyrRuleThresholds *thresholds)
{
  StyrRiskFlags flags = STYR_RISK_NONE;
  const char *state;
  gboolean approved, ended;

  g_return_val_if_fail (STYR_IS_AGREEMENT (agreement), STYR_RISK_NONE);
  g_return_val_if_fail (assignments != NULL, STYR_RISK_NONE);
  g_return_val_if_fail (VALID_DATE (today), STYR_RISK_NONE);
  g_return_val_if_fail (thresholds != NULL, STYR_RISK_NONE);

  state = styr_agreement_get_state (agreement);
  approved = g_strcmp0 (state, "approved") == 0;
  ended = is_ended_state (state);

  if (approved || g_strcmp0 (state, "requested") == 0)
    flags |= content_risks (agreement, today, thresholds);

  if (approved)
    flags |= approved_risks (agreement, assignments, today, thresholds);

  if ((approved || ended) && used_after_end (agreement, ended, today))
    flags |= STYR_RISK_USED_AFTER_END;

  return flags;
}

/**
 * styr_rules_agreement_usage_months:
 * @agreement: a service agreement
 * @risks: the agreement's flags from styr_rules_agreement_risks()
 * @today: a valid date
 * @thresholds: the thresholds @risks was found with
 *
 * The months a usage chart shows: the last full month before @today, the
 * twelve before it that the spike rule compares against, and @today's
 * month. Each carries the usage flags of @risks that the month caused:
 * %STYR_RISK_USAGE_SPIKE on the last full month, %STYR_RISK_NO_USAGE on
 * each month of the unused window, %STYR_RISK_USED_AFTER_END on each month
 * after the end that has calls.
 *
 * Returns: (transfer full) (element-type StyrUsageMonth): the months,
 *   oldest first
 */
GArray *
styr_rules_agreement_usage_months (StyrAgreement            *agreement,
                                   StyrRiskFlags             risks,
                                   const GDate              *today,
                                   const StyrRuleThresholds *thresholds)
{
  int today_month, last, end_month = G_MAXINT;
  GArray *months;

  g_return_val_if_fail (STYR_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (VALID_DATE (today), NULL);
  g_return_val_if_fail (thresholds != NULL, NULL);

  today_month = date_month_index (today);
  last = today_month - 1;
  months = g_array_sized_new (FALSE, TRUE, sizeof (StyrUsageMonth), USAGE_HISTORY_MONTHS + 2);

  if (risks & STYR_RISK_USED_AFTER_END)
    end_month_of (agreement, is_ended_state (styr_agreement_get_state (agreement)), today,
                  &end_month);

  for (int m = last - USAGE_HISTORY_MONTHS; m <= today_month; m++)
    {
      StyrUsageMonth month = { .year = m / 12, .month = m % 12 + 1 };

      month.calls = usage_in_month (agreement, m);
      if ((risks & STYR_RISK_USAGE_SPIKE) && m == last)
        month.flags |= STYR_RISK_USAGE_SPIKE;
      if ((risks & STYR_RISK_NO_USAGE) && m <= last &&
          m > last - (int) thresholds->no_usage_months)
        month.flags |= STYR_RISK_NO_USAGE;
      if (m > end_month && month.calls > 0)
        month.flags |= STYR_RISK_USED_AFTER_END;
      g_array_append_val (months, month);
    }

  return months;
}

/**
 * styr_risk_flags_count:
 * @flags: risk flags
 *
 * Returns: how many flags are set, the number the register shows
 */
guint
styr_risk_flags_count (StyrRiskFlags flags)
{
  guint count = 0;

  for (; flags != 0; flags &= flags - 1)
    count++;

  return count;
}

/**
 * styr_rules_risk_describe:
 * @flag: exactly one risk flag
 *
 * Returns: a translated sentence that says what is wrong and what to do
 *   about it
 */
const char *
styr_rules_risk_describe (StyrRiskFlags flag)
{
  switch (flag)
    {
    case STYR_RISK_NO_END_DATE:
      return _("The agreement has no end date. Set the period the system really needs.");

    case STYR_RISK_PERIOD_TOO_LONG:
      return _("The agreement runs longer than the maximum period. Shorten it to what the "
               "system needs, and renew it later if the need remains.");

    case STYR_RISK_SCOPE_TOO_WIDE:
      return _("The data scope covers the whole municipality or all persons. Limit it to the "
               "units and persons the system works with.");

    case STYR_RISK_PERSON_DATA:
      return _("The agreement gives access to CPR data about persons. Check that the system "
               "needs exactly these services and that the reason explains why.");

    case STYR_RISK_NO_REASON:
      return _("The agreement gives no reason. Ask the supplier who gets the data, for how "
               "long and why.");

    case STYR_RISK_EXPIRING:
      return _("The agreement expires soon. Renew it if the system still needs the data, or "
               "let it expire.");

    case STYR_RISK_USED_AFTER_END:
      return _("The agreement has ended, but the system still calls the services. Ask the "
               "supplier why, and stop the calls or make a new agreement.");

    case STYR_RISK_NO_RECENT_REVIEW:
      return _("The agreement has not been reviewed recently. Go through the five questions "
               "again and record the date.");

    case STYR_RISK_APPROVER_WITHOUT_ROLE:
      return _("The person who approved the agreement no longer holds the agreement approver "
               "role. Ask a current agreement approver to review it.");

    case STYR_RISK_CONTRACT_ENDED:
      return _("The contract with the supplier has ended, but the agreement is still "
               "approved. Terminate it if the system is no longer used.");

    case STYR_RISK_NO_USAGE:
      return _("The system has not called the services for months. Terminate the agreement "
               "if it is no longer needed.");

    case STYR_RISK_USAGE_SPIKE:
      return _("The calls rose sharply last month. Ask the supplier why, since the "
               "municipality pays for the use.");

    case STYR_RISK_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * styr_rules_assignment_current:
 * @assignment: a role assignment
 * @today: a valid date
 *
 * Returns: %TRUE if since <= @today <= until; a missing since or until
 *   leaves that end open
 */
gboolean
styr_rules_assignment_current (StyrAssignment *assignment,
                               const GDate    *today)
{
  StyrRecord *record = STYR_RECORD (assignment);
  GDate date;

  g_return_val_if_fail (STYR_IS_ASSIGNMENT (assignment), FALSE);
  g_return_val_if_fail (VALID_DATE (today), FALSE);

  if (styr_record_get_date (record, "since", &date) && g_date_compare (&date, today) > 0)
    return FALSE;
  if (styr_record_get_date (record, "until", &date) && g_date_compare (&date, today) < 0)
    return FALSE;

  return TRUE;
}

static StyrPerson *
find_person (GPtrArray  *persons,
             const char *id)
{
  for (guint i = 0; id != NULL && i < persons->len; i++)
    {
      StyrPerson *person = g_ptr_array_index (persons, i);

      if (g_strcmp0 (styr_record_get_id (STYR_RECORD (person)), id) == 0)
        return person;
    }

  return NULL;
}

/**
 * styr_rules_role_coverage:
 * @role: a role key, e.g. "STS-AFTALEGODKENDER"
 * @assignments: (element-type StyrAssignment): all role assignments
 * @persons: (element-type StyrPerson): the people the holders are among
 * @today: a valid date
 * @thresholds: the thresholds (the most roles one person should hold)
 * @current: (out) (optional) (transfer none) (nullable): the assignment
 *   whose holder holds @role today
 *
 * The one definition of how a role is held, for the Roles page, the
 * summary and every "held by" on the other pages: held by the holder of
 * an assignment current on @today who is a known, active person; vacant
 * otherwise, and marked as held only by someone who left when such an
 * assignment names a holder no longer active or not known; without a
 * deputy when the deputy is missing or inactive; overloaded when the
 * holder holds more roles than @thresholds allows. A functional mailbox
 * is held by the address of a current assignment.
 *
 * Returns: what is wrong, %STYR_COVERAGE_NONE when the role is covered
 */
StyrCoverageFlags
styr_rules_role_coverage (const char                *role,
                          GPtrArray                 *assignments,
                          GPtrArray                 *persons,
                          const GDate               *today,
                          const StyrRuleThresholds  *thresholds,
                          StyrAssignment           **current)
{
  StyrCoverageFlags flags = STYR_COVERAGE_NONE;
  gboolean any_holder = FALSE;
  StyrPerson *deputy;

  g_return_val_if_fail (role != NULL, STYR_COVERAGE_VACANT);
  g_return_val_if_fail (assignments != NULL && persons != NULL, STYR_COVERAGE_VACANT);
  g_return_val_if_fail (VALID_DATE (today), STYR_COVERAGE_VACANT);
  g_return_val_if_fail (thresholds != NULL, STYR_COVERAGE_VACANT);

  if (current != NULL)
    *current = NULL;

  for (guint i = 0; i < assignments->len; i++)
    {
      StyrAssignment *assignment = g_ptr_array_index (assignments, i);
      StyrPerson *holder;

      if (g_strcmp0 (styr_assignment_get_role (assignment), role) != 0 ||
          !styr_rules_assignment_current (assignment, today))
        continue;

      /* A mailbox is held by its address; it has no deputy to miss. */
      if (!is_blank (styr_assignment_get_address (assignment)))
        {
          if (current != NULL)
            *current = assignment;
          return STYR_COVERAGE_NONE;
        }
      if (is_blank (styr_assignment_get_holder (assignment)))
        continue;

      any_holder = TRUE;
      holder = find_person (persons, styr_assignment_get_holder (assignment));
      if (holder == NULL || !styr_person_get_active (holder))
        continue;

      if (current != NULL)
        *current = assignment;
      deputy = find_person (persons, styr_assignment_get_deputy (assignment));
      if (deputy == NULL || !styr_person_get_active (deputy))
        flags |= STYR_COVERAGE_NO_DEPUTY;
      if (styr_rules_person_overloaded (styr_assignment_get_holder (assignment), assignments,
                                        today, thresholds))
        flags |= STYR_COVERAGE_OVERLOADED;
      return flags;
    }

  return STYR_COVERAGE_VACANT | (any_holder ? STYR_COVERAGE_HOLDER_LEFT : 0);
}

/**
 * styr_rules_person_overloaded:
 * @person: a person id, "person:…"
 * @assignments: (element-type StyrAssignment): all role assignments
 * @today: a valid date
 * @thresholds: the thresholds
 *
 * Deputyships do not count: the deputy does the work only when the holder
 * is away.
 *
 * Returns: %TRUE if @person holds more than
 *   @thresholds->max_roles_per_person distinct roles as holder on @today
 */
gboolean
styr_rules_person_overloaded (const char               *person,
                              GPtrArray                *assignments,
                              const GDate              *today,
                              const StyrRuleThresholds *thresholds)
{
  g_autoptr(GPtrArray) roles = NULL;

  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (assignments != NULL, FALSE);
  g_return_val_if_fail (VALID_DATE (today), FALSE);
  g_return_val_if_fail (thresholds != NULL, FALSE);

  roles = g_ptr_array_new ();
  for (guint i = 0; i < assignments->len; i++)
    {
      StyrAssignment *assignment = g_ptr_array_index (assignments, i);
      const char *role = styr_assignment_get_role (assignment);

      if (role != NULL &&
          g_strcmp0 (styr_assignment_get_holder (assignment), person) == 0 &&
          styr_rules_assignment_current (assignment, today) &&
          !g_ptr_array_find_with_equal_func (roles, role, g_str_equal, NULL))
        g_ptr_array_add (roles, (gpointer) role);
    }

  return roles->len > thresholds->max_roles_per_person;
}

static int
chosen_slot (StyrMeetingState *state)
{
  return state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
}

/**
 * styr_rules_meeting_needs_slot:
 * @meeting: a meeting
 * @state: (nullable): the municipality's state of @meeting
 * @today: a valid date
 * @thresholds: the thresholds
 *
 * Programme-leader meetings offer two slots and the municipality attends
 * one. This rule warns from @thresholds->meeting_warning_days before the
 * next slot not yet past until its day, so the second date is still
 * flagged once the first has gone by.
 *
 * Returns: %TRUE if @meeting is a programme-leader meeting with no chosen
 *   slot and its next slot is @today or at most meeting_warning_days
 *   later
 */
gboolean
styr_rules_meeting_needs_slot (StyrMeeting              *meeting,
                               StyrMeetingState         *state,
                               const GDate              *today,
                               const StyrRuleThresholds *thresholds)
{
  g_autoptr(GPtrArray) slots = NULL;
  GDate first;

  g_return_val_if_fail (STYR_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (state == NULL || STYR_IS_MEETING_STATE (state), FALSE);
  g_return_val_if_fail (VALID_DATE (today), FALSE);
  g_return_val_if_fail (thresholds != NULL, FALSE);

  if (g_strcmp0 (styr_meeting_get_kind (meeting), "programme-leader") != 0 ||
      chosen_slot (state) >= 0)
    return FALSE;

  slots = styr_meeting_dup_effective_slots (meeting, state);

  /* Slots are validated to be in order: the first one not yet past is
   * the next chance to attend, also once the first date has gone by; a
   * date KOMBIT cancelled is none. */
  for (guint i = 0; i < slots->len; i++)
    {
      if (((StyrSlot *) g_ptr_array_index (slots, i))->cancelled)
        continue;
      styr_slot_get_day (g_ptr_array_index (slots, i), &first);
      if (g_date_compare (&first, today) >= 0)
        return is_within (&first, today, thresholds->meeting_warning_days);
    }

  return FALSE;
}

/**
 * styr_rules_meeting_needs_action:
 * @meeting: a meeting
 * @state: (nullable): the municipality's state of @meeting
 * @today: a valid date
 * @thresholds: the thresholds
 *
 * The one "this meeting needs something done" of the Overview, the
 * summary and the reminders.
 *
 * Returns: %TRUE if a date is to be chosen or a registration to be made
 *   now, see styr_rules_meeting_needs_slot() and
 *   styr_rules_meeting_needs_registration()
 */
gboolean
styr_rules_meeting_needs_action (StyrMeeting              *meeting,
                                 StyrMeetingState         *state,
                                 const GDate              *today,
                                 const StyrRuleThresholds *thresholds)
{
  return styr_rules_meeting_needs_slot (meeting, state, today, thresholds) ||
         styr_rules_meeting_needs_registration (meeting, state, today, thresholds);
}

/**
 * styr_rules_meeting_needs_registration:
 * @meeting: a meeting
 * @state: (nullable): the municipality's state of @meeting
 * @today: a valid date
 * @thresholds: the thresholds
 *
 * Only meetings one registers for count: those with a registration page
 * (KOMBIT's programme-leader meetings at conferencemanager.dk); a meeting
 * without one has nothing to register for, and one KOMBIT cancelled
 * needs no registration.
 *
 * Returns: %TRUE if a slot is chosen but the municipality has not
 *   registered, and the chosen slot is @today or at most
 *   meeting_warning_days later
 */
gboolean
styr_rules_meeting_needs_registration (StyrMeeting              *meeting,
                                       StyrMeetingState         *state,
                                       const GDate              *today,
                                       const StyrRuleThresholds *thresholds)
{
  g_autoptr(GPtrArray) slots = NULL;
  GDate day;
  int chosen;

  g_return_val_if_fail (STYR_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (state == NULL || STYR_IS_MEETING_STATE (state), FALSE);
  g_return_val_if_fail (VALID_DATE (today), FALSE);
  g_return_val_if_fail (thresholds != NULL, FALSE);

  chosen = chosen_slot (state);
  if (chosen < 0 || styr_meeting_state_get_registered (state))
    return FALSE;

  if (is_blank (styr_meeting_get_registration_url (meeting)))
    return FALSE;

  slots = styr_meeting_dup_effective_slots (meeting, state);
  if ((guint) chosen >= slots->len ||
      ((StyrSlot *) g_ptr_array_index (slots, chosen))->cancelled)
    return FALSE;

  styr_slot_get_day (g_ptr_array_index (slots, chosen), &day);
  return is_within (&day, today, thresholds->meeting_warning_days);
}

/**
 * styr_rules_agreement_needs_action:
 * @agreement: an agreement
 * @assignments: (element-type StyrAssignment): who holds which role
 * @today: a valid date
 * @thresholds: the thresholds
 *
 * What the agreements page's "needs action" filter, the Overview and the
 * meeting summary all ask.
 *
 * Returns: %TRUE if @agreement awaits a decision (anmodet) or has a risk
 *   flag
 */
gboolean
styr_rules_agreement_needs_action (StyrAgreement            *agreement,
                                   GPtrArray                *assignments,
                                   const GDate              *today,
                                   const StyrRuleThresholds *thresholds)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT (agreement), FALSE);

  return g_strcmp0 (styr_agreement_get_state (agreement), "requested") == 0 ||
         styr_rules_agreement_risks (agreement, assignments, today, thresholds) != STYR_RISK_NONE;
}
