/* styr-checklist-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_CHECKLIST_GROUP (styr_checklist_group_get_type ())

G_DECLARE_FINAL_TYPE (StyrChecklistGroup, styr_checklist_group, STYR, CHECKLIST_GROUP,
                      AdwPreferencesGroup)

GtkWidget *styr_checklist_group_new (StyrStore  *store,
                                     StyrClock  *clock,
                                     const char *shown_with);

G_END_DECLS
