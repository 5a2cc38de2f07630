/* styr-ui.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

const char *styr_ui_author     (void);
void        styr_ui_show_error (GtkWidget    *widget,
                                const GError *error);
void        styr_ui_toast      (GtkWidget    *widget,
                                const char   *title,
                                const char   *undo_action);

void        styr_ui_lookup_color (GtkWidget  *widget,
                                  const char *name,
                                  GdkRGBA    *color,
                                  const char *fallback);

G_END_DECLS
