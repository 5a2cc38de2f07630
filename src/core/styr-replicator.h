/* styr-replicator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_REPLICATOR_ERROR (styr_replicator_error_quark ())

typedef enum
{
  STYR_REPLICATOR_ERROR_INSECURE,
  STYR_REPLICATOR_ERROR_UNREACHABLE,
  STYR_REPLICATOR_ERROR_UNAUTHORIZED,
  STYR_REPLICATOR_ERROR_NO_DATABASE,
  STYR_REPLICATOR_ERROR_NOT_COUCHDB,
  STYR_REPLICATOR_ERROR_SERVER,
  STYR_REPLICATOR_ERROR_TOO_DEEP,
  STYR_REPLICATOR_ERROR_NOT_UNICODE,
} StyrReplicatorError;

/**
 * StyrSyncResult:
 * @pulled: revisions received from the server and new here
 * @pushed: revisions sent to the server
 * @conflicts: documents left in conflict after the pass
 * @merged: conflicts merged because each side changed other fields
 * @refused: revisions the server would not take, such as for its
 *   validation; see styr_replicator_get_refusal()
 * @skipped: documents from the server Styr cannot store, such as one
 *   nested too deep or one that fails its checks; they stay on the
 *   server; see styr_replicator_get_skipped()
 *
 * What one replication pass did.
 */
typedef struct
{
  guint pulled;
  guint pushed;
  guint conflicts;
  guint merged;
  guint refused;
  guint skipped;
} StyrSyncResult;

#define STYR_TYPE_REPLICATOR (styr_replicator_get_type ())

G_DECLARE_FINAL_TYPE (StyrReplicator, styr_replicator, STYR, REPLICATOR, GObject)

GQuark          styr_replicator_error_quark (void);
StyrReplicator *styr_replicator_new         (StyrStore       *store,
                                             const char      *server,
                                             const char      *database,
                                             const char      *user,
                                             const char      *password,
                                             GError         **error);
void            styr_replicator_set_batch_size (StyrReplicator *self,
                                             guint            batch_size);
void            styr_replicator_set_timeout (StyrReplicator  *self,
                                             guint            seconds);
gboolean        styr_replicator_pull        (StyrReplicator  *self,
                                             StyrSyncResult  *result,
                                             GCancellable    *cancellable,
                                             GError         **error);
const char * const *styr_replicator_get_skipped (StyrReplicator *self);
const char     *styr_replicator_get_refusal (StyrReplicator  *self);
gboolean        styr_replicator_push        (StyrReplicator  *self,
                                             StyrSyncResult  *result,
                                             GCancellable    *cancellable,
                                             GError         **error);
gboolean        styr_replicator_check       (StyrReplicator  *self,
                                             GCancellable    *cancellable,
                                             GError         **error);
GPtrArray      *styr_replicator_list_pending (StyrReplicator *self,
                                             GError         **error);
gboolean        styr_replicator_confirm_pending (StyrReplicator *self,
                                             GError         **error);
gboolean        styr_replicator_wait_for_changes (StyrReplicator *self,
                                             guint            seconds,
                                             gboolean        *changed,
                                             GCancellable    *cancellable,
                                             GError         **error);
gboolean        styr_replicator_sync        (StyrReplicator  *self,
                                             StyrSyncResult  *result,
                                             GCancellable    *cancellable,
                                             GError         **error);

G_END_DECLS
