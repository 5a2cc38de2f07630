/* styr-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-agreement-import.h"

G_BEGIN_DECLS

#define STYR_TYPE_IMPORT_DIALOG (styr_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StyrImportDialog, styr_import_dialog, STYR, IMPORT_DIALOG, AdwWindow)

StyrImportDialog *styr_import_dialog_new (GtkWindow           *parent,
                                          StyrAgreementImport *import,
                                          const char          *file_name,
                                          const char          *author);

G_END_DECLS
