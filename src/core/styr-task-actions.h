/* styr-task-actions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"
#include "styr-task.h"
#include "styr-task-state.h"

G_BEGIN_DECLS

#define STYR_TASK_ACTION_ERROR (styr_task_action_error_quark ())

/* The id of an own task being written that is not made yet. */
#define STYR_TASK_DRAFT_ID "task:draft"

typedef enum
{
  STYR_TASK_ACTION_ERROR_INVALID,
} StyrTaskActionError;

GQuark        styr_task_action_error_quark (void);

const char   *styr_task_status_label       (const char               *status);
const char   *styr_task_kind_label         (const char               *kind);
const char   *styr_task_lifecycle_label    (const char               *lifecycle);
const char   *styr_task_next_status        (const char               *status);
int           styr_task_national_ahead     (const StyrNationalStatus *national,
                                            const char               *status);

gboolean      styr_task_set_status         (StyrStore                *store,
                                            StyrTask                 *task,
                                            const char               *seen_state_rev,
                                            const char               *status,
                                            const char               *author,
                                            const GDate              *today,
                                            char                    **new_rev,
                                            GError                  **error);
gboolean      styr_task_save_local         (StyrStore                *store,
                                            const char               *id,
                                            const char               *seen_rev,
                                            JsonObject               *fields,
                                            const char               *author,
                                            char                    **new_id,
                                            GError                  **error);
StyrTask     *styr_task_new_draft          (const char               *project);
gboolean      styr_task_delete_local       (StyrStore                *store,
                                            const char               *id,
                                            const char               *seen_rev,
                                            const char               *author,
                                            char                    **tombstone,
                                            GError                  **error);


G_END_DECLS
