/* styr-meeting-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-meeting-entry"

#include "config.h"

#include "styr-meeting-actions.h"
#include "styr-meeting-entry.h"

/* StyrMeetingEntry: one meeting as the Meetings page lists it — KOMBIT's
 * meeting, the municipality's state of it (the date chosen, registered),
 * whether it still lies ahead, and whether the team's server has its last
 * change. StyrMeetingModel keeps it current; only what changed is
 * notified, so its row redraws in place and stays selected.
 */
struct _StyrMeetingEntry
{
  StyrListEntry     parent_instance;

  StyrMeeting      *meeting;
  StyrMeetingState *state;
  gboolean          upcoming;
};

G_DEFINE_FINAL_TYPE (StyrMeetingEntry, styr_meeting_entry, STYR_TYPE_LIST_ENTRY)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_STATE,
  PROP_UPCOMING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
styr_meeting_entry_finalize (GObject *object)
{
  StyrMeetingEntry *self = (StyrMeetingEntry *)object;

  g_clear_object (&self->meeting);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (styr_meeting_entry_parent_class)->finalize (object);
}

static void
styr_meeting_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StyrMeetingEntry *self = STYR_MEETING_ENTRY (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;

    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;

    case PROP_UPCOMING:
      g_value_set_boolean (value, self->upcoming);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_meeting_entry_class_init (StyrMeetingEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = styr_meeting_entry_finalize;
  object_class->get_property = styr_meeting_entry_get_property;

  properties[PROP_MEETING] = g_param_spec_object ("meeting", NULL, NULL, STYR_TYPE_MEETING, flags);
  /* The date chosen and the registration; %NULL until one is made. */
  properties[PROP_STATE] = g_param_spec_object ("state", NULL, NULL, STYR_TYPE_MEETING_STATE,
                                                flags);
  /* Not past on the day the entry was read for. */
  properties[PROP_UPCOMING] = g_param_spec_boolean ("upcoming", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_meeting_entry_init (StyrMeetingEntry *self)
{
}

/**
 * styr_meeting_entry_new:
 * @meeting: the meeting
 *
 * Returns: (transfer full): an entry; what the store says of it is read
 *   by styr_meeting_entry_read()
 */
StyrMeetingEntry *
styr_meeting_entry_new (StyrMeeting *meeting)
{
  StyrMeetingEntry *self;

  g_return_val_if_fail (STYR_IS_MEETING (meeting), NULL);

  self = g_object_new (STYR_TYPE_MEETING_ENTRY, NULL);
  self->meeting = g_object_ref (meeting);
  return self;
}

const char *
styr_meeting_entry_get_id (StyrMeetingEntry *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_ENTRY (self), NULL);

  return styr_record_get_id (STYR_RECORD (self->meeting));
}

StyrMeeting *
styr_meeting_entry_get_meeting (StyrMeetingEntry *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_ENTRY (self), NULL);

  return self->meeting;
}

/**
 * styr_meeting_entry_get_state:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the municipality's state of the
 *   meeting
 */
StyrMeetingState *
styr_meeting_entry_get_state (StyrMeetingEntry *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_ENTRY (self), NULL);

  return self->state;
}

gboolean
styr_meeting_entry_get_upcoming (StyrMeetingEntry *self)
{
  g_return_val_if_fail (STYR_IS_MEETING_ENTRY (self), FALSE);

  return self->upcoming;
}

static void
set_flag (StyrMeetingEntry *self,
          gboolean         *field,
          gboolean          value,
          guint             prop)
{
  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * styr_meeting_entry_read:
 * @self: an entry
 * @meeting: (nullable): a newer revision of the same meeting, or %NULL
 * @store: the store
 * @today: a valid date
 *
 * Reads the meeting's state and marks from @store, notifying what
 * changed.
 */
void
styr_meeting_entry_read (StyrMeetingEntry *self,
                         StyrMeeting      *meeting,
                         StyrStore        *store,
                         const GDate      *today)
{
  g_autoptr(StyrMeetingState) state = NULL;

  g_return_if_fail (STYR_IS_MEETING_ENTRY (self));
  g_return_if_fail (STYR_IS_STORE (store));

  g_object_freeze_notify (G_OBJECT (self));
  if (meeting != NULL && !styr_record_same_revision (STYR_RECORD (meeting), STYR_RECORD (self->meeting)))
    {
      g_set_object (&self->meeting, meeting);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
    }
  state = styr_meeting_load_state (store, styr_meeting_entry_get_id (self));
  if (!styr_record_same_revision (STYR_RECORD (state), STYR_RECORD (self->state)))
    {
      g_set_object (&self->state, state);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  set_flag (self, &self->upcoming, !styr_meeting_is_past (self->meeting, self->state, today),
            PROP_UPCOMING);
  styr_list_entry_read_marks (STYR_LIST_ENTRY (self), store, styr_meeting_entry_get_id (self));
  g_object_thaw_notify (G_OBJECT (self));
}
