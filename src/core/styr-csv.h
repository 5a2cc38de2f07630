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
  STYR_CSV_ERROR_NOT_TEXT,
} StyrCsvError;

/**
 * StyrCsvRow:
 * @row: the row's number as the spreadsheet shows it, counting from 1
 * @line: the line of the file the row starts on, counting from 1
 * @fields: (array zero-terminated=1): the cells, unquoted and trimmed;
 *   as many as the header row has columns
 */
typedef struct
{
  guint   row;
  guint   line;
  char  **fields;
} StyrCsvRow;

/**
 * StyrCsv:
 * @header: (array zero-terminated=1): the header row's cells
 * @header_row: the header row's number in the spreadsheet
 * @rows: (element-type StyrCsvRow): the rows below the header row, blank
 *   rows left out
 * @n_columns: how many cells the header and each row has
 * @delimiter: the separator found, ';', ',' or a tab
 * @encoding: the encoding the file was read as, "UTF-8", "WINDOWS-1252",
 *   "UTF-16LE" or "UTF-16BE"
 * @n_above: how many rows with text stand above the header row (a title,
 *   say), left out
 * @origin: the file's name, for messages
 *
 * A CSV file as spreadsheet programs write it.
 */
typedef struct
{
  char      **header;
  guint       header_row;
  GPtrArray  *rows;
  guint       n_columns;
  char        delimiter;
  const char *encoding;
  guint       n_above;
  char       *origin;

  /*< private >*/
  GPtrArray  *all_rows;
} StyrCsv;

/**
 * StyrCsvHeadingFunc:
 * @heading: a cell of a row that may be the header row
 * @user_data: closure data
 *
 * Returns: %TRUE if @heading names a column the caller reads
 */
typedef gboolean (*StyrCsvHeadingFunc) (const char *heading,
                                        gpointer    user_data);

GQuark   styr_csv_error_quark  (void);
StyrCsv *styr_csv_parse        (GBytes             *bytes,
                                const char         *origin,
                                GError            **error);
void     styr_csv_free         (StyrCsv            *csv);
void     styr_csv_find_header  (StyrCsv            *csv,
                                StyrCsvHeadingFunc  is_heading,
                                gpointer            user_data);
char    *styr_csv_column_name  (StyrCsv            *csv,
                                guint               column);
char    *styr_csv_normalize_heading (const char    *heading);
char    *styr_csv_name_key     (const char         *name);
gboolean styr_csv_is_total_row (const StyrCsvRow   *row);

void     styr_csv_append_row   (GString            *out,
                                const char * const *fields,
                                char                delimiter);
gboolean styr_csv_needs_guard  (const char         *value);
char    *styr_csv_guard_cell   (const char         *value);
char    *styr_csv_unguard_cell (const char         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrCsv, styr_csv_free)

G_END_DECLS
