/* styr-meeting-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-list-entry.h"
#include "styr-meeting.h"
#include "styr-meeting-state.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_MEETING_ENTRY (styr_meeting_entry_get_type ())

G_DECLARE_FINAL_TYPE (StyrMeetingEntry, styr_meeting_entry, STYR, MEETING_ENTRY, StyrListEntry)

StyrMeetingEntry *styr_meeting_entry_new            (StyrMeeting      *meeting);
const char       *styr_meeting_entry_get_id         (StyrMeetingEntry *self);
StyrMeeting      *styr_meeting_entry_get_meeting    (StyrMeetingEntry *self);
StyrMeetingState *styr_meeting_entry_get_state      (StyrMeetingEntry *self);
gboolean          styr_meeting_entry_get_upcoming   (StyrMeetingEntry *self);
void              styr_meeting_entry_read           (StyrMeetingEntry *self,
                                                     StyrMeeting      *meeting,
                                                     StyrStore        *store,
                                                     const GDate      *today);

G_END_DECLS
