/* styr-task.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_N_MUNICIPALITIES 98

/**
 * StyrNationalStatus:
 * @completed: municipalities that have the task fuldført
 * @started: municipalities where it is påbegyndt
 * @not_started: municipalities where it is ikke påbegyndt
 * @as_of: the date KOMBIT counted
 *
 * How the 98 municipalities stand on a KLIK task.
 */
typedef struct
{
  int   completed;
  int   started;
  int   not_started;
  GDate as_of;
} StyrNationalStatus;

#define STYR_TYPE_TASK (styr_task_get_type ())

G_DECLARE_FINAL_TYPE (StyrTask, styr_task, STYR, TASK, StyrRecord)

const char  *styr_task_get_project      (StyrTask           *self);
const char  *styr_task_get_title        (StyrTask           *self);
const char  *styr_task_get_kind         (StyrTask           *self);
const char  *styr_task_get_lifecycle    (StyrTask           *self);
gboolean     styr_task_get_deadline     (StyrTask           *self,
                                         GDate              *deadline);
gboolean     styr_task_get_national     (StyrTask           *self,
                                         StyrNationalStatus *status);
char       **styr_task_dup_depends_on   (StyrTask           *self);

G_END_DECLS
