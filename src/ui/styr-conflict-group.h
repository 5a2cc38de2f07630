/* styr-conflict-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-conflict.h"

G_BEGIN_DECLS

#define STYR_TYPE_CONFLICT_GROUP (styr_conflict_group_get_type ())

G_DECLARE_FINAL_TYPE (StyrConflictGroup, styr_conflict_group, STYR, CONFLICT_GROUP,
                      AdwPreferencesGroup)

GtkWidget    *styr_conflict_group_new          (StyrConflict      *conflict,
                                                const char        *title);
StyrConflict *styr_conflict_group_get_conflict (StyrConflictGroup *self);
gboolean      styr_conflict_group_shows        (StyrConflictGroup *self,
                                                StyrConflict      *conflict);
JsonObject   *styr_conflict_group_combine      (StyrConflictGroup *self);

G_END_DECLS
