/* styr-role-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-list-entry.h"
#include "styr-role-actions.h"

G_BEGIN_DECLS

#define STYR_TYPE_ROLE_ENTRY (styr_role_entry_get_type ())

G_DECLARE_FINAL_TYPE (StyrRoleEntry, styr_role_entry, STYR, ROLE_ENTRY, StyrListEntry)

StyrRoleEntry          *styr_role_entry_new            (StyrRoleCoverage *coverage);
const char             *styr_role_entry_get_id         (StyrRoleEntry    *self);
const StyrRoleCoverage *styr_role_entry_get_coverage   (StyrRoleEntry    *self);
void                    styr_role_entry_set_coverage   (StyrRoleEntry    *self,
                                                        StyrRoleCoverage *coverage);
StyrRecord             *styr_role_entry_get_role       (StyrRoleEntry    *self);
void                    styr_role_entry_read           (StyrRoleEntry    *self,
                                                        StyrStore        *store);

G_END_DECLS
