/* styr-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-application.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_WINDOW (styr_window_get_type ())

G_DECLARE_FINAL_TYPE (StyrWindow, styr_window, STYR, WINDOW, AdwApplicationWindow)

StyrWindow *styr_window_new                (StyrApplication *application,
                                            StyrStore       *store,
                                            GSettings       *settings);
GListModel *styr_window_get_municipalities (StyrWindow      *self);
void        styr_window_offer_undo         (StyrWindow      *self,
                                            const char      *title);
void        styr_window_add_toast          (StyrWindow      *self,
                                            AdwToast        *toast);
void        styr_window_show_error         (StyrWindow      *self,
                                            const GError    *error);

G_END_DECLS
