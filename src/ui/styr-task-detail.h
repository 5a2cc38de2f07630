/* styr-task-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-clock.h"
#include "styr-store.h"
#include "styr-task.h"
#include "styr-task-state.h"

G_BEGIN_DECLS

#define STYR_TYPE_TASK_DETAIL (styr_task_detail_get_type ())

G_DECLARE_FINAL_TYPE (StyrTaskDetail, styr_task_detail, STYR, TASK_DETAIL, AdwBin)

void styr_task_detail_save (StyrTaskDetail *self);
void styr_task_detail_show_draft (StyrTaskDetail *self,
                                  const char     *project);
gboolean styr_task_detail_is_draft (StyrTaskDetail *self);
void styr_task_detail_show (StyrTaskDetail *self,
                            StyrTask       *task,
                            StyrTaskState  *state);

G_END_DECLS
