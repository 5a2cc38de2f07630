/* styr-role-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-role-entry.h"

G_BEGIN_DECLS

#define STYR_TYPE_ROLE_ROW (styr_role_row_get_type ())

G_DECLARE_FINAL_TYPE (StyrRoleRow, styr_role_row, STYR, ROLE_ROW, AdwExpanderRow)

GtkWidget     *styr_role_row_new       (StyrRoleEntry *entry);
StyrRoleEntry *styr_role_row_get_entry (StyrRoleRow   *self);

G_END_DECLS
