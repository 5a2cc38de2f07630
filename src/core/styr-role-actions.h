/* styr-role-actions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-rules.h"
#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrRoleCoverage:
 * @role: the role's key, e.g. "STS-AFTALEGODKENDER"
 * @name: the role's name
 * @holder: (nullable): the person id of its current holder
 * @holder_name: (nullable): the holder's name
 * @deputy_name: (nullable): the deputy's name
 * @assignment: (nullable): the id of the current assignment
 * @mailbox: the role is a functional mailbox, held by an address
 * @address: (nullable): the mailbox's address
 * @flags: what is wrong
 *
 * How one role is held today.
 */
typedef struct
{
  char              *role;
  char              *name;
  char              *holder;
  char              *holder_name;
  char              *deputy_name;
  char              *assignment;
  gboolean           mailbox;
  char              *address;
  StyrCoverageFlags  flags;
} StyrRoleCoverage;

void        styr_role_coverage_free    (StyrRoleCoverage *coverage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrRoleCoverage, styr_role_coverage_free)

GPtrArray  *styr_roles_coverage        (StyrStore                *store,
                                        const GDate              *today,
                                        const StyrRuleThresholds *thresholds,
                                        GError                  **error);
char       *styr_coverage_describe     (StyrCoverageFlags         flags);
char       *styr_role_coverage_describe (const StyrRoleCoverage  *coverage);
gboolean    styr_role_set_address      (StyrStore                *store,
                                        const char               *role,
                                        const char               *address,
                                        const GDate              *since,
                                        const char               *author,
                                        GError                  **error);
gboolean    styr_role_assign           (StyrStore                *store,
                                        const char               *role,
                                        const char               *holder,
                                        const char               *deputy,
                                        const GDate              *since,
                                        const char               *author,
                                        char                    **new_id,
                                        GError                  **error);
gboolean    styr_role_end_assignment   (StyrStore                *store,
                                        const char               *assignment,
                                        const GDate              *until,
                                        const char               *author,
                                        GError                  **error);
gboolean    styr_person_save           (StyrStore                *store,
                                        const char               *id,
                                        const char               *seen_rev,
                                        JsonObject               *fields,
                                        const char               *author,
                                        char                    **new_id,
                                        GError                  **error);
gboolean    styr_role_save_local       (StyrStore                *store,
                                        const char               *name,
                                        const char               *area,
                                        const char * const       *responsibilities,
                                        const char               *author,
                                        char                    **new_id,
                                        GError                  **error);
void        styr_roles_export_csv      (GPtrArray                *coverage,
                                        GString                  *out);

G_END_DECLS
