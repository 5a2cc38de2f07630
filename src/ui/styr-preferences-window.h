/* styr-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_PREFERENCES_WINDOW (styr_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (StyrPreferencesWindow, styr_preferences_window,
                      STYR, PREFERENCES_WINDOW, AdwPreferencesWindow)

StyrPreferencesWindow *styr_preferences_window_new (GtkWindow  *parent,
                                                    GListModel *municipalities,
                                                    StyrStore  *store,
                                                    GSettings  *settings);

G_END_DECLS
