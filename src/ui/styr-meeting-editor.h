/* styr-meeting-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-meeting-entry.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_MEETING_EDITOR (styr_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (StyrMeetingEditor, styr_meeting_editor, STYR, MEETING_EDITOR, AdwBin)

void              styr_meeting_editor_set_store (StyrMeetingEditor *self,
                                                 StyrStore         *store);
void              styr_meeting_editor_show      (StyrMeetingEditor *self,
                                                 StyrMeetingEntry  *entry,
                                                 GListModel        *municipalities,
                                                 const char        *own_municipality);
StyrMeetingEntry *styr_meeting_editor_get_entry (StyrMeetingEditor *self);
gboolean          styr_meeting_editor_save      (StyrMeetingEditor *self);

G_END_DECLS
