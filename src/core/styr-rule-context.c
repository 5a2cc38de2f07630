/* styr-rule-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-rule-context"

#include "config.h"

#include "styr-rule-context.h"

/* The one place the settings become what the rules judge by: nothing else
 * reads a threshold, the ERP system or the own municipality from
 * GSettings. */

G_DEFINE_BOXED_TYPE (StyrRuleContext, styr_rule_context, styr_rule_context_ref,
                     styr_rule_context_unref)

static void
clear (gpointer data)
{
  StyrRuleContext *context = data;

  g_free (context->municipality);
  g_free (context->erp_system);
}

/**
 * styr_rule_context_new:
 * @today: a valid date
 *
 * Returns: (transfer full): a context for @today with the default
 *   thresholds, no own municipality and no ERP system, as for a fresh
 *   installation
 */
StyrRuleContext *
styr_rule_context_new (const GDate *today)
{
  StyrRuleContext *context;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  context = g_rc_box_new0 (StyrRuleContext);
  context->today = *today;
  context->reminder_days = 2;
  styr_rule_thresholds_init (&context->thresholds);
  return context;
}

static char *
dup_setting (GSettings  *settings,
             const char *key)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

/**
 * styr_rule_context_new_from_settings:
 * @settings: (nullable): Styr's settings, %NULL for the defaults
 * @clock: the clock that says which day it is
 *
 * Returns: (transfer full): the context as the user set it up, for today
 */
StyrRuleContext *
styr_rule_context_new_from_settings (GSettings *settings,
                                     StyrClock *clock)
{
  StyrRuleContext *context;
  StyrRuleThresholds *t;
  GDate today;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (STYR_IS_CLOCK (clock), NULL);

  styr_clock_get_today (clock, &today);
  context = styr_rule_context_new (&today);
  if (settings == NULL)
    return context;

  t = &context->thresholds;
  context->municipality = dup_setting (settings, "municipality");
  context->erp_system = dup_setting (settings, "erp-system");
  context->reminder_days = g_settings_get_uint (settings, "reminder-days");
  t->expiring_days = g_settings_get_uint (settings, "agreement-expiring-days");
  t->max_period_months = g_settings_get_uint (settings, "agreement-max-period-months");
  t->review_interval_months = g_settings_get_uint (settings, "agreement-review-interval-months");
  t->no_usage_months = g_settings_get_uint (settings, "agreement-no-usage-months");
  t->usage_spike_factor = g_settings_get_double (settings, "agreement-usage-spike-factor");
  t->max_roles_per_person = g_settings_get_uint (settings, "max-roles-per-person");
  t->meeting_warning_days = g_settings_get_uint (settings, "meeting-warning-days");
  return context;
}

StyrRuleContext *
styr_rule_context_ref (StyrRuleContext *context)
{
  g_return_val_if_fail (context != NULL, NULL);

  return g_rc_box_acquire (context);
}

void
styr_rule_context_unref (StyrRuleContext *context)
{
  g_return_if_fail (context != NULL);

  g_rc_box_release_full (context, clear);
}
