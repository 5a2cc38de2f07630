/* styr-work.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_WORK_ERROR (styr_work_error_quark ())

/**
 * StyrWorkError:
 * @STYR_WORK_ERROR_CATALOGUE: the document is KOMBIT's, from the
 *   catalogue, and only the municipality's own can be changed or deleted
 */
typedef enum
{
  STYR_WORK_ERROR_CATALOGUE,
} StyrWorkError;

GQuark     styr_work_error_quark  (void);
gboolean   styr_work_is_own       (JsonObject         *body);
gboolean   styr_work_record_is_own (StyrRecord        *record);
char      *styr_work_same_task    (StyrStore          *store,
                                   JsonObject         *item);
gboolean   styr_work_check_own    (JsonObject         *body,
                                   const char         *id,
                                   GError            **error);
gboolean   styr_work_update_state (StyrStore          *store,
                                   const char         *id,
                                   const char         *seen_rev,
                                   JsonObject         *changes,
                                   const char         *author,
                                   char              **new_rev,
                                   GError            **error);
char      *styr_work_state_id     (const char         *id);
const char *styr_work_state_type  (const char         *type);
char      *styr_work_id_of_state  (const char         *state_id);
void       styr_work_sync_marks   (StyrStore          *store,
                                   const char         *id,
                                   gboolean           *pending,
                                   gboolean           *conflicted);
void       styr_work_read_sync_marks (StyrStore       *store,
                                      StyrRecord      *record);

gboolean   styr_work_delete_own   (StyrStore          *store,
                                   const char         *id,
                                   const char         *seen_rev,
                                   const char         *author,
                                   char              **tombstone,
                                   GError            **error);
gboolean   styr_work_is_done      (StyrStore          *store,
                                   const char         *id);
gboolean   styr_work_state_says_done (const char      *id,
                                      JsonObject      *state);
char     **styr_work_blocked_by   (StyrStore          *store,
                                   const char * const *depends_on);
char      *styr_work_title        (StyrStore          *store,
                                   const char         *id);
char      *styr_work_describe_due (const GDate        *due,
                                   const GDate        *today,
                                   gboolean            done);

const char *styr_work_field_label    (const char         *field);
char       *styr_work_describe_value (const char         *field,
                                      JsonNode           *node);

G_END_DECLS
