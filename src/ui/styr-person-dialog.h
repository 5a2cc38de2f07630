/* styr-person-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-person.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_PERSON_DIALOG (styr_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StyrPersonDialog, styr_person_dialog, STYR, PERSON_DIALOG, AdwMessageDialog)

StyrPersonDialog *styr_person_dialog_new (GtkWidget  *origin,
                                          StyrStore  *store,
                                          StyrPerson *person);

void              styr_person_dialog_set_origin (StyrPersonDialog *self,
                                                 GtkWidget        *origin);

G_END_DECLS
