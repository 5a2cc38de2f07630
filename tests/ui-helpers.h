/* ui-helpers.h: running the app under a test display and finding its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-application.h"
#include "styr-window.h"

G_BEGIN_DECLS

typedef void (*Scenario) (StyrApplication *app);
typedef void (*Visit)    (const char      *where,
                          GtkWidget       *widget);

void         iterate           (void);
void         wait_frames       (void);
GtkWindow   *find_toplevel     (GType            type);
GtkWidget   *find_descendant   (GtkWidget       *widget,
                                GType            type);
void         run_app_with      (const char      *data_dir,
                                const char      *option,
                                const char      *value,
                                Scenario         scenario);
void         run_app           (const char      *data_dir,
                                Scenario         scenario);
void         quit              (StyrApplication *app);
StyrWindow  *main_window       (StyrApplication *app);
AdwEntryRow *entry_row_titled  (GtkWidget       *root,
                                const char      *title);
GtkWidget   *find_group_titled (GtkWidget       *root,
                                const char      *title);
void         collect           (GtkWidget       *root,
                                GType            type,
                                GPtrArray       *found);
void         respond_to_dialog (const char      *response);
char        *read_notifications (void);
void         visit_pages       (StyrApplication *app,
                                Visit            visit);
void         make_conflict     (StyrStore       *store,
                                const char      *id);

G_END_DECLS
