/* styr-role.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_ROLE (styr_role_get_type ())

G_DECLARE_FINAL_TYPE (StyrRole, styr_role, STYR, ROLE, StyrRecord)

const char * styr_role_get_name (StyrRole *self);
const char * styr_role_get_area (StyrRole *self);

G_END_DECLS
