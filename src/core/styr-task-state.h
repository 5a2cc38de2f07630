/* styr-task-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_TASK_STATE (styr_task_state_get_type ())

G_DECLARE_FINAL_TYPE (StyrTaskState, styr_task_state, STYR, TASK_STATE, StyrRecord)

const char * styr_task_state_get_task   (StyrTaskState *self);
const char * styr_task_state_get_status (StyrTaskState *self);

G_END_DECLS
