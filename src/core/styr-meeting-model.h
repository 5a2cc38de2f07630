/* styr-meeting-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-clock.h"
#include "styr-meeting-entry.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_MEETING_MODEL (styr_meeting_model_get_type ())

G_DECLARE_FINAL_TYPE (StyrMeetingModel, styr_meeting_model, STYR, MEETING_MODEL, GObject)

StyrMeetingModel *styr_meeting_model_new   (StyrStore        *store,
                                            StyrClock        *clock);
StyrMeetingEntry *styr_meeting_model_find  (StyrMeetingModel *self,
                                            const char       *id,
                                            guint            *position);
StyrMeetingEntry *styr_meeting_model_entry (StyrMeetingModel *self,
                                            guint             position);

G_END_DECLS
