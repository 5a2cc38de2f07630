/* styr-rules.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "styr-agreement.h"
#include "styr-assignment.h"
#include "styr-checklist-item.h"
#include "styr-checklist-item-state.h"
#include "styr-meeting.h"
#include "styr-meeting-state.h"
#include "styr-person.h"
#include "styr-task.h"
#include "styr-task-state.h"

G_BEGIN_DECLS

/* The role whose holder or deputy may approve service agreements. */
#define STYR_ROLE_AGREEMENT_APPROVER "STS-AFTALEGODKENDER"

/**
 * StyrRuleThresholds:
 * @due_soon_days: a deadline this many days ahead or fewer is due soon
 * @expiring_days: an agreement ending this many days ahead or fewer is
 *   expiring
 * @max_period_months: the longest an agreement should run
 * @review_interval_months: how often an approved agreement is reviewed
 * @no_usage_months: full months without calls before an agreement is
 *   unused
 * @usage_spike_factor: how many times the usual calls make a spike
 * @max_roles_per_person: the most roles one person should hold
 * @meeting_warning_days: how many days before a meeting to warn
 *
 * The numbers the rules compare against; styr_rule_thresholds_init() sets
 * the defaults.
 */
typedef struct
{
  guint  due_soon_days;
  guint  expiring_days;
  guint  max_period_months;
  guint  review_interval_months;
  guint  no_usage_months;
  double usage_spike_factor;
  guint  max_roles_per_person;
  guint  meeting_warning_days;
} StyrRuleThresholds;

/**
 * StyrRiskFlags:
 * @STYR_RISK_NONE: nothing to act on
 * @STYR_RISK_NO_END_DATE: the agreement has no valid-to date
 * @STYR_RISK_PERIOD_TOO_LONG: it runs longer than the maximum period
 * @STYR_RISK_SCOPE_TOO_WIDE: its data scope covers the whole municipality
 *   or all persons
 * @STYR_RISK_PERSON_DATA: it includes a CPR service
 * @STYR_RISK_NO_REASON: it gives no reason (begrundelse)
 * @STYR_RISK_EXPIRING: it ends within the expiring days
 * @STYR_RISK_USED_AFTER_END: it has ended, yet calls are recorded after
 *   its end
 * @STYR_RISK_NO_RECENT_REVIEW: it has not been reviewed within the review
 *   interval
 * @STYR_RISK_APPROVER_WITHOUT_ROLE: its approver no longer holds the
 *   aftalegodkender role
 * @STYR_RISK_CONTRACT_ENDED: the contract with the supplier has ended
 * @STYR_RISK_NO_USAGE: no calls in the last full months
 * @STYR_RISK_USAGE_SPIKE: last month's calls far exceed the months before
 *
 * Why a service agreement needs attention; see
 * styr_rules_agreement_risks() for the exact rules.
 */
typedef enum
{
  STYR_RISK_NONE                  = 0,
  STYR_RISK_NO_END_DATE           = 1 << 0,
  STYR_RISK_PERIOD_TOO_LONG       = 1 << 1,
  STYR_RISK_SCOPE_TOO_WIDE        = 1 << 2,
  STYR_RISK_PERSON_DATA           = 1 << 3,
  STYR_RISK_NO_REASON             = 1 << 4,
  STYR_RISK_EXPIRING              = 1 << 5,
  STYR_RISK_USED_AFTER_END        = 1 << 6,
  STYR_RISK_NO_RECENT_REVIEW      = 1 << 7,
  STYR_RISK_APPROVER_WITHOUT_ROLE = 1 << 8,
  STYR_RISK_CONTRACT_ENDED        = 1 << 9,
  STYR_RISK_NO_USAGE              = 1 << 10,
  STYR_RISK_USAGE_SPIKE           = 1 << 11,
} StyrRiskFlags;

#define STYR_TYPE_RISK_FLAGS (styr_risk_flags_get_type ())

/**
 * StyrCoverageFlags:
 * @STYR_COVERAGE_NONE: the role is covered
 * @STYR_COVERAGE_VACANT: nobody active holds the role
 * @STYR_COVERAGE_HOLDER_LEFT: it is held only by someone who has left
 * @STYR_COVERAGE_NO_DEPUTY: its holder has no deputy
 * @STYR_COVERAGE_OVERLOADED: its holder holds more roles than configured
 *
 * What is wrong with how a role is held.
 */
typedef enum
{
  STYR_COVERAGE_NONE       = 0,
  STYR_COVERAGE_VACANT     = 1 << 0,
  STYR_COVERAGE_HOLDER_LEFT = 1 << 1,
  STYR_COVERAGE_NO_DEPUTY  = 1 << 2,
  STYR_COVERAGE_OVERLOADED = 1 << 3,
} StyrCoverageFlags;

/**
 * StyrUsageMonth:
 * @year: the year
 * @month: the month, 1 to 12
 * @calls: the calls recorded, or -1 if the month has no usage recorded
 * @flags: the usage risk flags this month caused
 *
 * One bar of an agreement's usage chart.
 */
typedef struct
{
  guint         year;
  guint         month;
  gint64        calls;
  StyrRiskFlags flags;
} StyrUsageMonth;

/**
 * StyrRulesDoneFunc:
 * @id: the id of a task or checklist item, e.g. "task:YR-OIR-MAP"
 * @user_data: closure data
 *
 * Returns: %TRUE if @id is done; %FALSE if it is not, or is unknown
 */
typedef gboolean (*StyrRulesDoneFunc) (const char *id,
                                       gpointer    user_data);

GType         styr_risk_flags_get_type              (void) G_GNUC_CONST;

void          styr_rule_thresholds_init             (StyrRuleThresholds       *thresholds);

int           styr_rules_days_left                  (const GDate              *deadline,
                                                     const GDate              *today);
gboolean      styr_rules_task_overdue               (StyrTask                 *task,
                                                     StyrTaskState            *state,
                                                     const GDate              *today);
gboolean      styr_rules_task_due_soon              (StyrTask                 *task,
                                                     StyrTaskState            *state,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);
gboolean      styr_rules_task_due_by                (StyrTask                 *task,
                                                     StyrTaskState            *state,
                                                     const GDate              *by);
gboolean      styr_rules_checklist_item_due_by      (StyrChecklistItem        *item,
                                                     StyrChecklistItemState   *state,
                                                     const GDate              *by);
gboolean      styr_rules_checklist_item_overdue     (StyrChecklistItem        *item,
                                                     StyrChecklistItemState   *state,
                                                     const GDate              *today);
gboolean      styr_rules_checklist_item_due_soon    (StyrChecklistItem        *item,
                                                     StyrChecklistItemState   *state,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);
char        **styr_rules_blocking                   (const char * const       *depends_on,
                                                     StyrRulesDoneFunc         is_done,
                                                     gpointer                  user_data);

StyrRiskFlags styr_rules_agreement_risks            (StyrAgreement            *agreement,
                                                     GPtrArray                *assignments,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);
GArray       *styr_rules_agreement_usage_months     (StyrAgreement            *agreement,
                                                     StyrRiskFlags             risks,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);
gboolean      styr_rules_agreement_needs_action     (StyrAgreement            *agreement,
                                                     GPtrArray                *assignments,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);
const char   *styr_rules_risk_describe              (StyrRiskFlags             flag);
guint         styr_risk_flags_count                 (StyrRiskFlags             flags);

gboolean      styr_rules_assignment_current         (StyrAssignment           *assignment,
                                                     const GDate              *today);
StyrCoverageFlags styr_rules_role_coverage           (const char               *role,
                                                     GPtrArray                *assignments,
                                                     GPtrArray                *persons,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds,
                                                     StyrAssignment          **current);
gboolean      styr_rules_person_overloaded          (const char               *person,
                                                     GPtrArray                *assignments,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);

gboolean      styr_rules_meeting_needs_slot         (StyrMeeting              *meeting,
                                                     StyrMeetingState         *state,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);
gboolean      styr_rules_meeting_needs_action       (StyrMeeting              *meeting,
                                                     StyrMeetingState         *state,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);
gboolean      styr_rules_meeting_needs_registration (StyrMeeting              *meeting,
                                                     StyrMeetingState         *state,
                                                     const GDate              *today,
                                                     const StyrRuleThresholds *thresholds);

G_END_DECLS
