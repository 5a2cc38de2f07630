/* styr-trash-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_TRASH_WINDOW (styr_trash_window_get_type ())

G_DECLARE_FINAL_TYPE (StyrTrashWindow, styr_trash_window, STYR, TRASH_WINDOW, AdwWindow)

StyrTrashWindow *styr_trash_window_new       (GtkWindow       *parent,
                                              StyrStore       *store,
                                              const char      *doc_type,
                                              const char      *author);
guint            styr_trash_window_get_count (StyrTrashWindow *self);

G_END_DECLS
