/* styr-system.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_SYSTEM (styr_system_get_type ())

G_DECLARE_FINAL_TYPE (StyrSystem, styr_system, STYR, SYSTEM, StyrRecord)

const char * styr_system_get_name (StyrSystem *self);

G_END_DECLS
