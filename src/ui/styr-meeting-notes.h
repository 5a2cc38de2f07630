/* styr-meeting-notes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-meeting-entry.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_MEETING_NOTES (styr_meeting_notes_get_type ())

G_DECLARE_FINAL_TYPE (StyrMeetingNotes, styr_meeting_notes, STYR, MEETING_NOTES, AdwBin)

void     styr_meeting_notes_set_store (StyrMeetingNotes *self,
                                       StyrStore        *store);
void     styr_meeting_notes_show      (StyrMeetingNotes *self,
                                       StyrMeetingEntry *entry);
gboolean styr_meeting_notes_save      (StyrMeetingNotes *self);

G_END_DECLS
