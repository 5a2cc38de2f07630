/* styr-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STYR_CSV_ERROR (styr_csv_error_quark ())

typedef enum
{
  STYR_CSV_ERROR_EMPTY,
  STYR_CSV_ERROR_ENCODING,
  STYR_CSV_ERROR_SYNTAX,
  STYR_CSV_ERROR_TOO_LARGE,
} StyrCsvError;

/**
 * StyrCsvRow:
 * @line: the line of the file the row starts on, counting from 1
 * @fields: (array zero-terminated=1): the fields, unquoted
 */
typedef struct
{
  guint   line;
  char  **fields;
} StyrCsvRow;

/**
 * StyrCsv:
 * @header: (array zero-terminated=1): the first row
 * @rows: (element-type StyrCsvRow): the rows after it; blank lines skipped
 * @delimiter: the separator found, ';', ',' or a tab
 * @encoding: the encoding the file was read as, "UTF-8" or "WINDOWS-1252"
 *
 * A CSV file as Danish spreadsheet programs write it.
 */
typedef struct
{
  char      **header;
  GPtrArray  *rows;
  char        delimiter;
  const char *encoding;
} StyrCsv;

GQuark   styr_csv_error_quark (void);
StyrCsv *styr_csv_parse       (GBytes     *bytes,
                               const char *origin,
                               GError    **error);
void     styr_csv_free        (StyrCsv    *csv);
void     styr_csv_append_row  (GString            *out,
                               const char * const *fields,
                               char                delimiter);
char    *styr_csv_escape_cell (const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrCsv, styr_csv_free)

G_END_DECLS
