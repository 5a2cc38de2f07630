/* styr-conflicts-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_CONFLICTS_WINDOW (styr_conflicts_window_get_type ())

G_DECLARE_FINAL_TYPE (StyrConflictsWindow, styr_conflicts_window, STYR, CONFLICTS_WINDOW, AdwWindow)

StyrConflictsWindow *styr_conflicts_window_new       (GtkWindow           *parent,
                                                      StyrStore           *store);
guint                styr_conflicts_window_get_count (StyrConflictsWindow *self);

G_END_DECLS
