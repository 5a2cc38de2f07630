/* styr-meeting-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-meeting-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-meeting-state.h"

/* StyrMeetingState: What the municipality owns of a meeting: the chosen
 * slot, the registration, own notes and questions. Its fields are properties
 * backed by the document (see StyrRecord).
 */
struct _StyrMeetingState
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrMeetingState, styr_meeting_state, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_CHOSEN_SLOT,
  PROP_REGISTERED,
  PROP_REGISTERED_ON,
  PROP_NOTES,
  PROP_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
check_chosen_slot (StyrRecord  *record,
                   GError     **error)
{
  gint64 slot = styr_record_get_int (record, "chosen_slot", -1);

  /* Programme-leader meetings offer two slots; others have at most one. */
  if (slot >= -1 && slot <= 1)
    return TRUE;

  return styr_record_invalid (record, error, _("chosen_slot %d is not a slot of the meeting"),
                              (int) slot);
}

static gboolean
styr_meeting_state_validate (StyrRecord  *record,
                             GError     **error)
{
  return styr_record_check_required (record, "meeting", error) &&
         styr_record_check_date (record, "registered_on", error) &&
         styr_record_check_strv (record, "questions", error) &&
         check_chosen_slot (record, error);
}

static void
styr_meeting_state_class_init (StyrMeetingStateClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "meeting-state";
  record_class->validate = styr_meeting_state_validate;

  properties[PROP_MEETING] =
    g_param_spec_string ("meeting", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHOSEN_SLOT] =
    g_param_spec_int ("chosen-slot", NULL, NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGISTERED] =
    g_param_spec_boolean ("registered", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGISTERED_ON] =
    g_param_spec_string ("registered-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUESTIONS] =
    g_param_spec_boxed ("questions", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_meeting_state_init (StyrMeetingState *self)
{
}

const char *
styr_meeting_state_get_meeting (StyrMeetingState *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_STATE (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "meeting");
}

int
styr_meeting_state_get_chosen_slot (StyrMeetingState *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_STATE (self), 0);

  return (int) styr_record_get_int (STYR_RECORD (self), "chosen_slot", -1);
}

gboolean
styr_meeting_state_get_registered (StyrMeetingState *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_STATE (self), FALSE);

  return styr_record_get_boolean (STYR_RECORD (self), "registered", FALSE);
}
