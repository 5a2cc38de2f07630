/* fuzz-usage.c: libFuzzer target for the monthly usage report, read
 * against a store with agreements to match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-store.h"
#include "styr-csv.h"
#include "styr-usage-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  StyrStore *store = fuzz_store ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StyrUsageImport) import = NULL;
  GListModel *rows;
  StyrCsv *csv;

  csv = styr_csv_parse (bytes, "fuzz.csv", NULL);
  if (csv == NULL)
    return 0;

  /* A file without the four columns is refused as a whole. */
  import = styr_usage_import_new (csv, store, NULL);
  if (import == NULL)
    return 0;

  rows = styr_usage_import_get_rows (import);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(StyrImportRow) row = g_list_model_get_item (rows, i);
      g_autofree char *line = styr_import_row_format (row);

      g_assert (g_utf8_validate (line, -1, NULL));
    }

  return 0;
}
