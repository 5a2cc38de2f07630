/* styr-ics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-rule-context.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_ICS_ERROR (styr_ics_error_quark ())

typedef enum
{
  STYR_ICS_ERROR_NO_TIME_ZONE,
  STYR_ICS_ERROR_UNKNOWN_MEETING,
  STYR_ICS_ERROR_MALFORMED,
  STYR_ICS_ERROR_NO_MATCH,
  STYR_ICS_ERROR_NO_EVENTS,
  STYR_ICS_ERROR_TOO_LARGE,
  STYR_ICS_ERROR_UNKNOWN_ZONE,
  STYR_ICS_ERROR_UNSUPPORTED,
  STYR_ICS_ERROR_OUTDATED,
} StyrIcsError;

/* Larger than any invitation, with its attachments and HTML text. */
#define STYR_ICS_MAX_SIZE (1024 * 1024)


/**
 * StyrIcsChange:
 * @STYR_ICS_CHANGE_TIME: the time changes, on the same day
 * @STYR_ICS_CHANGE_MOVE: KOMBIT moved the meeting to another day
 * @STYR_ICS_CHANGE_CONFIRM: the time stays; the invitation's text is kept
 * @STYR_ICS_CHANGE_CANCEL: KOMBIT cancelled the date
 * @STYR_ICS_CHANGE_UNCHANGED: the same invitation was imported before
 *
 * What an invitation does to the date it is for.
 */
typedef enum
{
  STYR_ICS_CHANGE_TIME,
  STYR_ICS_CHANGE_MOVE,
  STYR_ICS_CHANGE_CONFIRM,
  STYR_ICS_CHANGE_CANCEL,
  STYR_ICS_CHANGE_UNCHANGED,
} StyrIcsChange;

/**
 * StyrIcsUpdate:
 * @meeting_id: the meeting the invitation is for
 * @title: the meeting's title
 * @summary: (nullable): the invitation's own title
 * @slot: which of its dates, 0 for a meeting with only a day
 * @change: what the invitation does
 * @old_all_day: whether Styr held a day without times
 * @old_cancelled: whether the date was cancelled before
 * @old_start: the time Styr held, or the start of its day
 * @old_end: its end
 * @new_all_day: whether the invitation is for a whole day
 * @new_start: the time in the invitation, or the start of its day
 * @new_end: its end
 * @description: (nullable): the invitation's text, with the agenda
 * @uid: (nullable): the invitation's UID, which later ones share
 * @sequence: its SEQUENCE, raised by each change KOMBIT sends
 * @seen_rev: (nullable): the meeting state's revision the update was worked
 *   out from, %NULL if it had none
 *
 * What importing one invitation would change.
 */
typedef struct
{
  char          *meeting_id;
  char          *title;
  char          *summary;
  int            slot;
  StyrIcsChange  change;
  gboolean       old_all_day;
  gboolean       old_cancelled;
  GDateTime     *old_start;
  GDateTime     *old_end;
  gboolean       new_all_day;
  GDateTime     *new_start;
  GDateTime     *new_end;
  char          *description;
  char          *uid;
  gint64         sequence;
  char          *seen_rev;
} StyrIcsUpdate;

GQuark      styr_ics_error_quark       (void);
void        styr_ics_update_free       (StyrIcsUpdate        *update);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrIcsUpdate, styr_ics_update_free)

char       *styr_ics_export            (StyrStore             *store,
                                        const char            *meeting_id,
                                        const StyrRuleContext *context,
                                        char                **left_out,
                                        GError              **error);
char       *styr_ics_file_name         (StyrStore            *store,
                                        const char           *meeting_id);

GBytes     *styr_ics_load              (GFile                *file,
                                        const char           *name,
                                        GError              **error);
GPtrArray  *styr_ics_plan_import       (StyrStore            *store,
                                        GBytes               *file,
                                        GError              **error);
gboolean    styr_ics_apply_import      (StyrStore            *store,
                                        GPtrArray            *updates,
                                        const char           *author,
                                        GError              **error);
guint       styr_ics_count_changes     (GPtrArray            *updates);
char       *styr_ics_describe_update   (StyrIcsUpdate        *update);
char       *styr_ics_format_update     (StyrIcsUpdate        *update);

G_END_DECLS
