/* styr-meeting.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

/**
 * StyrSlot:
 * @start: when the meeting starts
 * @end: when it ends
 * @cancelled: whether KOMBIT cancelled this date (from its invitation)
 *
 * One date and time a meeting is offered at.
 */
typedef struct
{
  GDateTime *start;
  GDateTime *end;
  gboolean   cancelled;
} StyrSlot;

/**
 * StyrAgendaItem:
 * @start: (nullable): "10:05", when given
 * @end: (nullable): "10:25", when given
 * @title: the item
 * @presenters: who presents it
 * @subitems: (nullable): the points under it, in KOMBIT's words
 */
typedef struct
{
  char  *start;
  char  *end;
  char  *title;
  char **presenters;
  char **subitems;
} StyrAgendaItem;

/**
 * StyrAttendance:
 * @date: the day of the slot, "YYYY-MM-DD"
 * @code: the municipality's code
 * @count: how many came from it
 */
typedef struct
{
  char *date;
  char *code;
  int   count;
} StyrAttendance;

#define STYR_TYPE_SLOT (styr_slot_get_type ())
#define STYR_TYPE_AGENDA_ITEM (styr_agenda_item_get_type ())
#define STYR_TYPE_ATTENDANCE (styr_attendance_get_type ())
#define STYR_TYPE_MEETING (styr_meeting_get_type ())

GType           styr_slot_get_type        (void) G_GNUC_CONST;
StyrSlot       *styr_slot_copy            (const StyrSlot       *slot);
void            styr_slot_free            (StyrSlot             *slot);
void            styr_slot_get_day         (const StyrSlot       *slot,
                                           GDate                *day);
GType           styr_agenda_item_get_type (void) G_GNUC_CONST;
StyrAgendaItem *styr_agenda_item_copy     (const StyrAgendaItem *item);
void            styr_agenda_item_free     (StyrAgendaItem       *item);
GType           styr_attendance_get_type  (void) G_GNUC_CONST;
StyrAttendance *styr_attendance_copy      (const StyrAttendance *attendance);
void            styr_attendance_free      (StyrAttendance       *attendance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrSlot, styr_slot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrAgendaItem, styr_agenda_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrAttendance, styr_attendance_free)

G_DECLARE_FINAL_TYPE (StyrMeeting, styr_meeting, STYR, MEETING, StyrRecord)

const char *styr_meeting_get_kind             (StyrMeeting *self);
const char *styr_meeting_get_title            (StyrMeeting *self);
const char *styr_meeting_get_registration_url (StyrMeeting *self);
GPtrArray  *styr_meeting_dup_slots            (StyrMeeting *self);
GPtrArray  *styr_meeting_dup_agenda           (StyrMeeting *self);
GPtrArray  *styr_meeting_dup_attendance       (StyrMeeting *self);

G_END_DECLS
