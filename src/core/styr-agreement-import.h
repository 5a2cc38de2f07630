/* styr-agreement-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-csv.h"
#include "styr-import-row.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_AGREEMENT_IMPORT (styr_agreement_import_get_type ())

G_DECLARE_FINAL_TYPE (StyrAgreementImport, styr_agreement_import, STYR, AGREEMENT_IMPORT, GObject)

StyrAgreementImport *styr_agreement_import_new             (StyrCsv             *csv,
                                                            StyrStore           *store,
                                                            GError             **error);
const char * const  *styr_agreement_import_get_fields      (void);
const char          *styr_agreement_import_get_field_label (const char          *field);
int                  styr_agreement_import_get_mapping     (StyrAgreementImport *self,
                                                            const char          *field);
void                 styr_agreement_import_set_mapping     (StyrAgreementImport *self,
                                                            const char          *field,
                                                            int                  column);
const char * const  *styr_agreement_import_get_columns     (StyrAgreementImport *self);
char               **styr_agreement_import_dup_column_names (StyrAgreementImport *self);
char               **styr_agreement_import_dup_ignored     (StyrAgreementImport *self);
guint                styr_agreement_import_get_rows_above  (StyrAgreementImport *self);
GListModel          *styr_agreement_import_get_rows        (StyrAgreementImport *self);
guint                styr_agreement_import_count           (StyrAgreementImport *self,
                                                            StyrImportRowKind    kind);
guint                styr_agreement_import_count_matched   (StyrAgreementImport *self);
gboolean             styr_agreement_import_commit          (StyrAgreementImport *self,
                                                            const char          *author,
                                                            GError             **error);

G_END_DECLS
