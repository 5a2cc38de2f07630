/* styr-role-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-clock.h"
#include "styr-role-entry.h"
#include "styr-rules.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_ROLE_MODEL (styr_role_model_get_type ())

G_DECLARE_FINAL_TYPE (StyrRoleModel, styr_role_model, STYR, ROLE_MODEL, GObject)

StyrRoleModel *styr_role_model_new            (StyrStore                *store,
                                               StyrClock                *clock,
                                               const StyrRuleThresholds *thresholds);
void           styr_role_model_set_thresholds (StyrRoleModel            *self,
                                               const StyrRuleThresholds *thresholds);
StyrRoleEntry *styr_role_model_find           (StyrRoleModel            *self,
                                               const char               *role_id,
                                               guint                    *position);
guint          styr_role_model_get_n_vacant   (StyrRoleModel            *self);
guint          styr_role_model_get_n_gaps     (StyrRoleModel            *self);
const GError  *styr_role_model_get_error      (StyrRoleModel            *self);

G_END_DECLS
