/* styr-agreement-columns.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "styr-agreement.h"

G_BEGIN_DECLS

/**
 * StyrAgreementColumnKind:
 * @STYR_AGREEMENT_COLUMN_ID: the agreement's ID
 * @STYR_AGREEMENT_COLUMN_TEXT: text as it is
 * @STYR_AGREEMENT_COLUMN_DATE: a date, dd-mm-yyyy in a file
 * @STYR_AGREEMENT_COLUMN_STATE: anmodet, godkendt, afvist, udløbet, opsagt
 * @STYR_AGREEMENT_COLUMN_BREADTH: how wide the data scope is
 * @STYR_AGREEMENT_COLUMN_SERVICES: SF codes separated by commas
 */
typedef enum
{
  STYR_AGREEMENT_COLUMN_ID,
  STYR_AGREEMENT_COLUMN_TEXT,
  STYR_AGREEMENT_COLUMN_DATE,
  STYR_AGREEMENT_COLUMN_STATE,
  STYR_AGREEMENT_COLUMN_BREADTH,
  STYR_AGREEMENT_COLUMN_SERVICES,
} StyrAgreementColumnKind;

/**
 * StyrAgreementColumn:
 * @field: the agreement's field, e.g. "valid_to"; "id" for the ID
 * @kind: what the cells hold
 * @names: other headings registers use for it, as
 *   styr_csv_normalize_heading() makes them, separated by "|"
 *
 * One column of the register as a spreadsheet: what the export writes
 * and the import reads, in the export's order.
 */
typedef struct
{
  const char              *field;
  StyrAgreementColumnKind  kind;
  const char              *names;
} StyrAgreementColumn;

const StyrAgreementColumn *styr_agreement_columns            (guint                      *n_columns);
const StyrAgreementColumn *styr_agreement_column_for_heading (const char                 *heading);
const StyrAgreementColumn *styr_agreement_column_for_field   (const char                 *field);
const char                *styr_agreement_column_heading     (const StyrAgreementColumn  *column);
char                      *styr_agreement_column_format      (const StyrAgreementColumn  *column,
                                                              StyrAgreement              *agreement);
gboolean                   styr_agreement_column_get_date    (const StyrAgreementColumn  *column,
                                                              StyrAgreement              *agreement,
                                                              GDate                      *date);
gboolean                   styr_agreement_column_parse       (const StyrAgreementColumn  *column,
                                                              const char                 *cell,
                                                              JsonNode                   *previous,
                                                              JsonNode                  **value,
                                                              char                      **problem);
gboolean                   styr_agreement_column_equal       (const StyrAgreementColumn  *column,
                                                              JsonNode                   *a,
                                                              JsonNode                   *b);
char                      *styr_agreement_column_describe    (const StyrAgreementColumn  *column,
                                                              JsonNode                   *value);

G_END_DECLS
