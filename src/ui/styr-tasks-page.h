/* styr-tasks-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-page.h"

#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_TASKS_PAGE (styr_tasks_page_get_type ())

G_DECLARE_FINAL_TYPE (StyrTasksPage, styr_tasks_page, STYR, TASKS_PAGE, StyrPage)

const char *styr_tasks_page_get_selected_id (StyrTasksPage *self);
void        styr_tasks_page_select          (StyrTasksPage *self,
                                             const char    *id);

G_END_DECLS
