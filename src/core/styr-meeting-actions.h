/* styr-meeting-actions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-meeting.h"
#include "styr-meeting-state.h"
#include "styr-rule-context.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_MEETING_ACTION_ERROR (styr_meeting_action_error_quark ())

typedef enum
{
  STYR_MEETING_ACTION_ERROR_NO_SUCH_SLOT,
  STYR_MEETING_ACTION_ERROR_NO_REGISTRATION,
} StyrMeetingActionError;

GQuark            styr_meeting_action_error_quark (void);

StyrMeetingState *styr_meeting_load_state         (StyrStore    *store,
                                                   const char   *meeting_id);
const char       *styr_meeting_kind_label         (const char   *kind);
gboolean          styr_meeting_choose_slot        (StyrStore    *store,
                                                   StyrMeeting  *meeting,
                                                   const char   *seen_state_rev,
                                                   int           slot,
                                                   const char   *author,
                                                   char        **new_rev,
                                                   GError      **error);
gboolean          styr_meeting_set_registered     (StyrStore    *store,
                                                   StyrMeeting  *meeting,
                                                   const char   *seen_state_rev,
                                                   gboolean      registered,
                                                   const char   *author,
                                                   const GDate  *today,
                                                   char        **new_rev,
                                                   GError      **error);
gboolean          styr_meeting_save_notes         (StyrStore    *store,
                                                   StyrMeeting  *meeting,
                                                   const char   *notes,
                                                   const char   *questions,
                                                   const char   *author,
                                                   gboolean     *written,
                                                   GError      **error);
GPtrArray        *styr_meeting_dup_effective_slots (StyrMeeting      *meeting,
                                                    StyrMeetingState *state);
gboolean          styr_meeting_get_effective_date (StyrMeeting      *meeting,
                                                   StyrMeetingState *state,
                                                   GDate            *day);
GPtrArray        *styr_meeting_list_invitations   (StyrMeetingState *state);
JsonObject       *styr_meeting_get_invitation     (StyrMeetingState *state,
                                                   int               slot);
gboolean          styr_meeting_get_day            (StyrMeeting      *meeting,
                                                   StyrMeetingState *state,
                                                   const GDate      *today,
                                                   GDate            *day);
gboolean          styr_meeting_get_filing_day     (StyrMeeting      *meeting,
                                                   StyrMeetingState *state,
                                                   const GDate      *today,
                                                   GDate            *day);
gboolean          styr_meeting_is_past            (StyrMeeting      *meeting,
                                                   StyrMeetingState *state,
                                                   const GDate      *today);
gboolean          styr_next_programme_meeting     (StyrStore        *store,
                                                   const GDate      *today,
                                                   GDate            *date,
                                                   char            **meeting_id,
                                                   GError          **error);
gboolean          styr_meeting_due_by             (StyrStore              *store,
                                                   const StyrRuleContext  *context,
                                                   GDate                  *by,
                                                   GError                **error);
gboolean          styr_meeting_is_called_off      (StyrMeeting      *meeting,
                                                   StyrMeetingState *state);
gboolean          styr_meeting_is_cancelled       (StyrMeetingState *state,
                                                   int               slot);
guint             styr_meeting_attendance_total   (StyrMeeting  *meeting,
                                                   const char   *date);

G_END_DECLS
