/* styr-rule-context.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-clock.h"
#include "styr-rules.h"

G_BEGIN_DECLS

/**
 * StyrRuleContext:
 * @today: the day the rules judge by, from the clock
 * @municipality: (nullable): the own municipality's code
 * @erp_system: (nullable): the municipality's ERP system, which picks its
 *   ERP-vendor meeting
 * @reminder_days: how many days before a chosen meeting date to remind
 * @thresholds: the thresholds set in Preferences
 *
 * Everything the rules depend on besides the records: one value, built in
 * one place from the clock and the settings, and handed to the Overview,
 * every tab, the summary (in the window and on the command line), the
 * reminders and the calendar files, so they all judge alike.
 */
typedef struct
{
  GDate               today;
  char               *municipality;
  char               *erp_system;
  guint               reminder_days;
  StyrRuleThresholds  thresholds;
} StyrRuleContext;

#define STYR_TYPE_RULE_CONTEXT (styr_rule_context_get_type ())

GType            styr_rule_context_get_type          (void) G_GNUC_CONST;
StyrRuleContext *styr_rule_context_new               (const GDate     *today);
StyrRuleContext *styr_rule_context_new_from_settings (GSettings       *settings,
                                                      StyrClock       *clock);
StyrRuleContext *styr_rule_context_ref               (StyrRuleContext *context);
void             styr_rule_context_unref             (StyrRuleContext *context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrRuleContext, styr_rule_context_unref)

G_END_DECLS
