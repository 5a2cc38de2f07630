/* styr-form-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-ui.h"

G_BEGIN_DECLS

#define STYR_TYPE_FORM_DIALOG (styr_form_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (StyrFormDialog, styr_form_dialog, STYR, FORM_DIALOG, AdwMessageDialog)

struct _StyrFormDialogClass
{
  AdwMessageDialogClass parent_class;
};

StyrFormDialog *styr_form_dialog_new        (GtkWidget       *widget,
                                             const char      *heading,
                                             const char      *accept,
                                             const char      *target);
AdwEntryRow    *styr_form_dialog_add_field  (StyrFormDialog  *self,
                                             const char      *title,
                                             const char      *text,
                                             StyrUiCheckFunc  check);
void            styr_form_dialog_check      (StyrFormDialog  *self,
                                             AdwEntryRow     *row,
                                             StyrUiCheckFunc  check);
void            styr_form_dialog_set_blocked (StyrFormDialog  *self,
                                              gboolean         blocked);
const char     *styr_form_dialog_get_target (StyrFormDialog  *self);
const char     *styr_form_dialog_get_text   (StyrFormDialog  *self,
                                             guint            field);

G_END_DECLS
