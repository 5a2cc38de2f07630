/* styr-work.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"

G_BEGIN_DECLS

gboolean   styr_work_update_state (StyrStore          *store,
                                   const char         *id,
                                   const char         *seen_rev,
                                   JsonObject         *changes,
                                   const char         *author,
                                   char              **new_rev,
                                   GError            **error);
char      *styr_work_state_id     (const char         *id);

/* Refuses, with @error set, to change a document that is not the
 * municipality's own; see styr_work_delete_own(). */
typedef gboolean (*StyrWorkOwnCheck) (JsonObject  *body,
                                      const char  *id,
                                      GError     **error);

gboolean   styr_work_delete_own   (StyrStore          *store,
                                   const char         *id,
                                   const char         *seen_rev,
                                   StyrWorkOwnCheck    check,
                                   const char         *author,
                                   char              **tombstone,
                                   GError            **error);
gboolean   styr_work_is_done      (StyrStore          *store,
                                   const char         *id);
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
