/* fuzz-csv.c: libFuzzer target for the CSV reader and the register import
 * read against a store, as a file from a user's spreadsheet would be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-store.h"
#include "styr-agreement-import.h"
#include "styr-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  StyrStore *store = fuzz_store ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StyrAgreementImport) import = NULL;
  g_auto(GStrv) ignored = NULL;
  GListModel *rows;
  StyrCsv *csv;

  csv = styr_csv_parse (bytes, "fuzz.csv", NULL);
  if (csv == NULL)
    return 0;

  for (guint c = 0; c < csv->n_columns; c++)
    {
      g_autofree char *name = styr_csv_column_name (csv, c);
      g_autofree char *cell = csv->rows->len > 0
        ? styr_csv_unguard_cell (((StyrCsvRow *) g_ptr_array_index (csv->rows, 0))->fields[c])
        : NULL;

      g_assert (name != NULL && name[0] != '\0');
      g_assert (cell == NULL || g_utf8_validate (cell, -1, NULL));
    }

  import = styr_agreement_import_new (csv, store, NULL);
  g_assert (import != NULL);
  ignored = styr_agreement_import_dup_ignored (import);

  rows = styr_agreement_import_get_rows (import);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(StyrImportRow) row = g_list_model_get_item (rows, i);
      g_autofree char *line = styr_import_row_format (row);

      g_assert (g_utf8_validate (line, -1, NULL));
    }

  return 0;
}
