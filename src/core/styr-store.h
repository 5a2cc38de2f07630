/* styr-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "styr-history.h"

G_BEGIN_DECLS

#define STYR_STORE_ERROR (styr_store_error_quark ())

typedef enum
{
  STYR_STORE_ERROR_CANNOT_OPEN,
  STYR_STORE_ERROR_NOT_A_DATABASE,
  STYR_STORE_ERROR_READ_ONLY,
  STYR_STORE_ERROR_LOCKED,
  STYR_STORE_ERROR_TOO_NEW,
  STYR_STORE_ERROR_CORRUPT,
  STYR_STORE_ERROR_DISK_FULL,
  STYR_STORE_ERROR_NOT_FOUND,
  STYR_STORE_ERROR_CONFLICT,
  STYR_STORE_ERROR_INVALID,
  STYR_STORE_ERROR_FAILED,
} StyrStoreError;

#define STYR_TYPE_STORE (styr_store_get_type ())

G_DECLARE_FINAL_TYPE (StyrStore, styr_store, STYR, STORE, GObject)

/**
 * StyrStoreFunc:
 * @store: the store
 * @user_data: closure data
 * @error: return location for a #GError
 *
 * Work to run inside a transaction by styr_store_transaction().
 *
 * Returns: %TRUE to commit, %FALSE (with @error set) to roll back
 */
typedef gboolean (*StyrStoreFunc) (StyrStore  *store,
                                   gpointer    user_data,
                                   GError    **error);


GQuark      styr_store_error_quark        (void);
StyrStore  *styr_store_new                (const char     *path,
                                           GError        **error);
const char *styr_store_get_path           (StyrStore      *self);
guint       styr_store_get_schema_version (StyrStore      *self);
guint       styr_store_get_latest_schema  (void);
gboolean    styr_store_backup             (StyrStore      *self,
                                           const char     *path,
                                           GError        **error);
gboolean    styr_store_check_backup       (const char     *path,
                                           GError        **error);
gboolean    styr_store_restore            (StyrStore      *self,
                                           const char     *path,
                                           char          **safety_copy,
                                           GError        **error);
gboolean    styr_store_transaction        (StyrStore      *self,
                                           StyrStoreFunc   func,
                                           gpointer        user_data,
                                           GError        **error);
gboolean    styr_store_put                (StyrStore      *self,
                                           const char     *id,
                                           JsonObject     *body,
                                           const char     *parent_rev,
                                           const char     *author,
                                           char          **new_rev,
                                           GError        **error);
gboolean    styr_store_delete             (StyrStore      *self,
                                           const char     *id,
                                           const char     *parent_rev,
                                           const char     *author,
                                           char          **new_rev,
                                           GError        **error);
gboolean    styr_store_put_revision       (StyrStore      *self,
                                           const char     *id,
                                           const char * const *revisions,
                                           JsonObject     *body,
                                           gboolean        deleted,
                                           const char     *author,
                                           gboolean       *added,
                                           GError        **error);
JsonObject *styr_store_get_revision       (StyrStore      *self,
                                           const char     *id,
                                           const char     *rev,
                                           gboolean       *deleted,
                                           GError        **error);
char       *styr_store_get_revision_author (StyrStore  *self,
                                            const char *id,
                                            const char *rev,
                                            GError    **error);
char      **styr_store_get_conflicts      (StyrStore      *self,
                                           const char     *id,
                                           GError        **error);
gboolean    styr_store_resolve_conflict   (StyrStore      *self,
                                           const char     *id,
                                           JsonObject     *body,
                                           const char     *seen_winner,
                                           const char * const *seen_losers,
                                           const char     *author,
                                           char          **new_rev,
                                           GError        **error);
GPtrArray  *styr_store_list_conflicted    (StyrStore      *self,
                                           const char     *type,
                                           GError        **error);
GPtrArray  *styr_store_get_history        (StyrStore      *self,
                                           const char     *id,
                                           GError        **error);
GPtrArray  *styr_store_list_deleted       (StyrStore      *self,
                                           const char     *type,
                                           GError        **error);
gboolean    styr_store_undo               (StyrStore      *self,
                                           const char     *id,
                                           const char     *seen_rev,
                                           const char     *author,
                                           char          **new_rev,
                                           GError        **error);
/**
 * StyrStoreEdit:
 * @id: a document written here
 * @before: (nullable): its revision before, %NULL when it did not exist
 * @after: its revision after
 *
 * One document's part of a change made here, see
 * styr_store_list_local_edits() and styr_store_revert().
 */
typedef struct
{
  char *id;
  char *before;
  char *after;
} StyrStoreEdit;

void        styr_store_edit_free          (StyrStoreEdit  *edit);
GPtrArray  *styr_store_list_local_edits   (StyrStore      *self,
                                           gint64          since,
                                           GError        **error);
gboolean    styr_store_revert             (StyrStore      *self,
                                           GPtrArray      *edits,
                                           const char     *author,
                                           GError        **error);
GPtrArray  *styr_store_find_ids           (StyrStore      *self,
                                           const char     *type,
                                           const char     *field,
                                           const char     *value,
                                           const char     *sort_field,
                                           GError        **error);
GPtrArray  *styr_store_get_distinct_values (StyrStore     *self,
                                           const char     *type,
                                           const char     *field,
                                           GError        **error);
GHashTable *styr_store_get_search_texts   (StyrStore      *self,
                                           const char     *type,
                                           GError        **error);
char       *styr_store_get_search_text    (StyrStore      *self,
                                           const char     *id,
                                           GError        **error);
gboolean    styr_store_get_status         (StyrStore      *self,
                                           const char     *id,
                                           char          **rev,
                                           gboolean       *deleted,
                                           gboolean       *conflicted,
                                           GError        **error);
JsonObject *styr_store_get                (StyrStore      *self,
                                           const char     *id,
                                           char          **rev,
                                           GError        **error);
GPtrArray  *styr_store_get_all_of_type    (StyrStore      *self,
                                           const char     *type,
                                           GError        **error);
gint64      styr_store_count_of_type      (StyrStore      *self,
                                           const char     *type,
                                           GError        **error);
gint64      styr_store_get_update_seq     (StyrStore      *self,
                                           GError        **error);
void        styr_store_announce_sync_marks (StyrStore         *self,
                                            const char * const *ids);
gint64      styr_store_notice_changes     (StyrStore      *self,
                                           gint64          since,
                                           GError        **error);
char       *styr_store_get_setting        (StyrStore      *self,
                                           const char     *key,
                                           GError        **error);
gboolean    styr_store_set_setting        (StyrStore      *self,
                                           const char     *key,
                                           const char     *value,
                                           GError        **error);

/**
 * StyrStoreChange:
 * @id: a document changed
 * @seq: the sequence number of its last change here
 *
 * One entry of the local change feed.
 */
typedef struct
{
  char   *id;
  gint64  seq;
} StyrStoreChange;

void        styr_store_change_free        (StyrStoreChange *change);
GPtrArray  *styr_store_changes_since      (StyrStore      *self,
                                           gint64          since,
                                           guint           limit,
                                           GError        **error);
char      **styr_store_get_leaf_revisions (StyrStore      *self,
                                           const char     *id,
                                           GError        **error);
char      **styr_store_get_ancestry       (StyrStore      *self,
                                           const char     *id,
                                           const char     *rev,
                                           GError        **error);
/* The local sequence number up to which the team's server confirmed the
 * changes made here; "" while sync is off. */
#define STYR_STORE_CONFIRMED_KEY "sync-confirmed-seq"

gboolean    styr_store_is_pending         (StyrStore      *self,
                                           const char     *id);
gboolean    styr_store_set_refused        (StyrStore      *self,
                                           const char     *id,
                                           const char     *rev,
                                           const char     *reason,
                                           GError        **error);
char       *styr_store_get_refused        (StyrStore      *self,
                                           const char     *id,
                                           char          **rev);
GPtrArray  *styr_store_list_refused       (StyrStore      *self,
                                           GError        **error);
GPtrArray  *styr_store_list_pending       (StyrStore      *self,
                                           gint64          since,
                                           GError        **error);
gboolean    styr_store_has_revision       (StyrStore      *self,
                                           const char     *id,
                                           const char     *rev);

G_END_DECLS
