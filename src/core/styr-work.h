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
