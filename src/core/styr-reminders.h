/* styr-reminders.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-rule-context.h"

#include "styr-rules.h"
#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrReminder:
 * @id: stays the same for the same reminder, so it is given once
 * @meeting_id: the meeting it is about
 * @title: the notification's title
 * @body: its text
 *
 * One reminder about a meeting that is due now.
 */
typedef struct
{
  char *id;
  char *meeting_id;
  char *title;
  char *body;
} StyrReminder;

void       styr_reminder_free      (StyrReminder             *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrReminder, styr_reminder_free)

GPtrArray *styr_meeting_reminders  (StyrStore                *store,
                                    GDateTime                *now,
                                    const StyrRuleContext    *context,
                                    GError                  **error);
gboolean   styr_reminder_take      (StyrStore                *store,
                                    StyrReminder             *reminder,
                                    GError                  **error);

G_END_DECLS
