/* styr-calendar-files.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_CALENDAR_FILES (styr_calendar_files_get_type ())

G_DECLARE_FINAL_TYPE (StyrCalendarFiles, styr_calendar_files, STYR, CALENDAR_FILES, GObject)

StyrCalendarFiles *styr_calendar_files_new          (GtkWidget         *owner,
                                                     StyrStore         *store,
                                                     GSettings         *settings,
                                                     StyrClock         *clock);
void               styr_calendar_files_add          (StyrCalendarFiles *self,
                                                     const char        *meeting_id);
void               styr_calendar_files_save         (StyrCalendarFiles *self,
                                                     const char        *meeting_id);
void               styr_calendar_files_import       (StyrCalendarFiles *self);
void               styr_calendar_files_import_bytes (StyrCalendarFiles *self,
                                                     GBytes            *bytes);

G_END_DECLS
