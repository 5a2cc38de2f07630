/* styr-meeting-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_MEETING_STATE (styr_meeting_state_get_type ())

G_DECLARE_FINAL_TYPE (StyrMeetingState, styr_meeting_state, STYR, MEETING_STATE, StyrRecord)

const char * styr_meeting_state_get_meeting     (StyrMeetingState *self);
int          styr_meeting_state_get_chosen_slot (StyrMeetingState *self);
gboolean     styr_meeting_state_get_registered  (StyrMeetingState *self);

G_END_DECLS
