/* styr-agreement-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-csv.h"
#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrImportProblem:
 * @line: the line of the file
 * @column: (nullable): the column's name in the file, if one is to blame
 * @value: (nullable): the value that is wrong
 * @problem: what is wrong and what was expected
 *
 * Why one row of a CSV file cannot be imported.
 */
typedef struct
{
  guint  line;
  char  *column;
  char  *value;
  char  *problem;
} StyrImportProblem;

void styr_import_problem_free (StyrImportProblem *problem);

#define STYR_TYPE_AGREEMENT_IMPORT (styr_agreement_import_get_type ())

G_DECLARE_FINAL_TYPE (StyrAgreementImport, styr_agreement_import, STYR, AGREEMENT_IMPORT, GObject)

StyrAgreementImport *styr_agreement_import_new           (StyrCsv             *csv);
const char * const  *styr_agreement_import_get_fields    (void);
const char          *styr_agreement_import_get_field_label (const char        *field);
int                  styr_agreement_import_get_mapping   (StyrAgreementImport *self,
                                                          const char          *field);
void                 styr_agreement_import_set_mapping   (StyrAgreementImport *self,
                                                          const char          *field,
                                                          int                  column);
const char * const  *styr_agreement_import_get_columns   (StyrAgreementImport *self);
GPtrArray           *styr_agreement_import_get_records   (StyrAgreementImport *self);
GPtrArray           *styr_agreement_import_get_problems  (StyrAgreementImport *self);
gboolean             styr_agreement_import_commit        (StyrAgreementImport *self,
                                                          StyrStore           *store,
                                                          const char          *author,
                                                          guint               *n_written,
                                                          GError             **error);

G_END_DECLS
