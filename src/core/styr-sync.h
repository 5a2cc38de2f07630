/* styr-sync.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrSyncState:
 * @STYR_SYNC_OFF: no server is configured
 * @STYR_SYNC_IDLE: the last pass completed; waiting for changes
 * @STYR_SYNC_RUNNING: a pass is under way
 * @STYR_SYNC_FAILED: the last pass failed; see #StyrSync:message
 */
typedef enum
{
  STYR_SYNC_OFF,
  STYR_SYNC_IDLE,
  STYR_SYNC_RUNNING,
  STYR_SYNC_FAILED,
} StyrSyncState;

#define STYR_TYPE_SYNC (styr_sync_get_type ())

G_DECLARE_FINAL_TYPE (StyrSync, styr_sync, STYR, SYNC, GObject)

StyrSync      *styr_sync_new            (StyrStore   *store);
void           styr_sync_configure      (StyrSync    *self,
                                         const char  *server,
                                         const char  *database,
                                         const char  *user);
void           styr_sync_now            (StyrSync    *self);
void           styr_sync_stop           (StyrSync    *self);
StyrSyncState  styr_sync_get_state      (StyrSync    *self);
const char    *styr_sync_get_message    (StyrSync    *self);
guint          styr_sync_get_n_pending  (StyrSync    *self);
gboolean       styr_sync_is_pending     (StyrSync    *self,
                                         const char  *id);
GDateTime     *styr_sync_get_last_sync  (StyrSync    *self);
guint          styr_sync_get_progress   (StyrSync    *self);
guint          styr_sync_get_conflicts  (StyrSync    *self);

G_END_DECLS
