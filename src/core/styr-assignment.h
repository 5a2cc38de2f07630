/* styr-assignment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_ASSIGNMENT (styr_assignment_get_type ())

G_DECLARE_FINAL_TYPE (StyrAssignment, styr_assignment, STYR, ASSIGNMENT, StyrRecord)

const char * styr_assignment_get_role   (StyrAssignment *self);
const char * styr_assignment_get_holder (StyrAssignment *self);
const char * styr_assignment_get_deputy (StyrAssignment *self);
const char * styr_assignment_get_address (StyrAssignment *self);
gboolean     styr_assignment_address_valid (const char  *address);
gboolean     styr_assignment_people_differ (const char  *holder,
                                            const char  *deputy);

G_END_DECLS
