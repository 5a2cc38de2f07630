/* styr-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-format.h"

#include "styr-meeting.h"
#include "styr-rule-context.h"
#include "styr-rules.h"
#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrSummaryItem:
 * @id: the record it is about, to open it; a project is "project:" and
 *   its name
 * @page: the page that shows it: "tasks", "oir", "agreements", "meetings"
 *   or "roles"
 * @title: what it is
 * @detail: why it needs action, or its state
 * @urgent: overdue, vacant or otherwise past due, and marked so
 * @group: (nullable): what it belongs to, e.g. a task's project
 * @address: (nullable): a web page or mail address it links to
 *
 * One line of the Overview and the meeting summary.
 */
typedef struct
{
  char     *id;
  char     *page;
  char     *title;
  char     *detail;
  gboolean  urgent;
  char     *group;
  char     *address;
} StyrSummaryItem;

/**
 * StyrSummary:
 * @today: the day it was made for
 * @municipality: the own municipality's name, or its code
 * @meeting_id: (nullable): the meeting it is for
 * @meeting_title: (nullable): its title
 * @meeting_when: (nullable): the chosen date, or both alternatives
 * @meeting_state: (nullable): chosen and registered, in words
 * @meeting_needs_action: a date to choose or a registration to make now,
 *   see styr_rules_meeting_needs_action()
 * @agenda: (element-type StyrAgendaItem): the meeting's agenda
 * @notes: (nullable): own notes on the meeting
 * @questions: (nullable): own questions to raise
 * @due_by: the last day of "before the meeting", see styr_meeting_due_by()
 * @attention_title: the heading of @attention, naming that day
 * @attention: (element-type StyrSummaryItem): what needs action before
 *   the meeting: the tasks and checklist items due by @due_by, the
 *   overdue ones included
 * @tasks: (element-type StyrSummaryItem): every KLIK task by project, for
 *   the status table; @group is the project
 * @projects: (element-type StyrSummaryItem): progress per project against
 *   the national counts
 * @checklists: (element-type StyrSummaryItem): progress per checklist
 * @agreements: (element-type StyrSummaryItem): agreements needing action,
 *   at most %STYR_SUMMARY_MAX_AGREEMENTS
 * @agreements_total: how many agreements need action in all
 * @roles: (element-type StyrSummaryItem): role gaps
 * @coming: (element-type StyrSummaryItem): the meetings and days ahead,
 *   in their order, each programme-leader meeting with its registration
 *   link as @address
 * @announced: (element-type StyrSummaryItem): KLIK tasks KOMBIT has
 *   announced, withdrawn or announced it will withdraw
 * @links: (element-type StyrSummaryItem): KOMBIT's pages and addresses
 *   from the catalogue, each with its @address
 *
 * What needs action before the next programme-leader meeting: the one
 * answer the Overview page shows and the meeting summary prints.
 */
typedef struct
{
  GDate      today;
  char      *municipality;
  char      *meeting_id;
  char      *meeting_title;
  char      *meeting_when;
  char      *meeting_state;
  gboolean   meeting_needs_action;
  GPtrArray *agenda;
  char      *notes;
  char     **questions;
  GDate      due_by;
  char      *attention_title;
  GPtrArray *attention;
  GPtrArray *tasks;
  GPtrArray *projects;
  GPtrArray *checklists;
  GPtrArray *agreements;
  guint      agreements_total;
  GPtrArray *roles;
  GPtrArray *coming;
  GPtrArray *announced;
  GPtrArray *links;
} StyrSummary;

/* A register of thousands of agreements needing action is read on its
 * page, not in a summary for a meeting. */
#define STYR_SUMMARY_MAX_AGREEMENTS 100

void         styr_summary_free  (StyrSummary              *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrSummary, styr_summary_free)

StyrSummary *styr_summary_build (StyrStore                *store,
                                 const StyrRuleContext    *context,
                                 const char               *meeting_id,
                                 GCancellable             *cancellable,
                                 GError                  **error);

G_END_DECLS
