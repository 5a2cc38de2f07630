/* styr-assign-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-form-dialog.h"

#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_ASSIGN_DIALOG (styr_assign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StyrAssignDialog, styr_assign_dialog, STYR, ASSIGN_DIALOG, StyrFormDialog)

StyrAssignDialog *styr_assign_dialog_new (GtkWidget  *origin,
                                          StyrStore  *store,
                                          StyrClock  *clock,
                                          GListModel *people,
                                          const char *role_key,
                                          const char *role_name);

G_END_DECLS
