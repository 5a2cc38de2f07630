/* styr-register-files.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-document-list.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_REGISTER_FILES (styr_register_files_get_type ())

G_DECLARE_FINAL_TYPE (StyrRegisterFiles, styr_register_files, STYR, REGISTER_FILES, GObject)

StyrRegisterFiles *styr_register_files_new          (GtkWidget         *owner,
                                                     StyrStore         *store,
                                                     StyrDocumentList  *list);
void               styr_register_files_import       (StyrRegisterFiles *self);
void               styr_register_files_import_usage (StyrRegisterFiles *self);
void               styr_register_files_export       (StyrRegisterFiles *self);

G_END_DECLS
