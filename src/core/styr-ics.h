/* styr-ics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_ICS_ERROR (styr_ics_error_quark ())

typedef enum
{
  STYR_ICS_ERROR_NO_TIME_ZONE,
  STYR_ICS_ERROR_UNKNOWN_MEETING,
  STYR_ICS_ERROR_MALFORMED,
  STYR_ICS_ERROR_NO_MATCH,
} StyrIcsError;

/**
 * StyrIcsUpdate:
 * @meeting_id: the meeting the invitation is for
 * @slot: which of its dates
 * @old_start: the time Styr held
 * @old_end: its end
 * @new_start: the time in the invitation
 * @new_end: its end
 * @description: (nullable): the invitation's text, with the agenda
 *
 * What importing one invitation would change.
 */
typedef struct
{
  char      *meeting_id;
  int        slot;
  GDateTime *old_start;
  GDateTime *old_end;
  GDateTime *new_start;
  GDateTime *new_end;
  char      *description;
} StyrIcsUpdate;

GQuark      styr_ics_error_quark     (void);
void        styr_ics_update_free     (StyrIcsUpdate *update);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrIcsUpdate, styr_ics_update_free)

char       *styr_ics_export          (StyrStore     *store,
                                      const char    *meeting_id,
                                      GError       **error);
GPtrArray  *styr_ics_plan_import     (StyrStore     *store,
                                      const char    *text,
                                      GError       **error);
gboolean    styr_ics_apply_import    (StyrStore     *store,
                                      GPtrArray     *updates,
                                      const char    *author,
                                      GError       **error);
char       *styr_ics_describe_update (StyrIcsUpdate *update);

G_END_DECLS
