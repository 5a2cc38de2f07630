/* fuzz-catalogue.c: libFuzzer target for the catalogue validator, as a
 * catalogue file or a catalogue address would hand it a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "styr-catalogue.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrCatalogue) catalogue = styr_catalogue_new_from_bytes (bytes, "fuzz.json", &error);

  /* A file is a catalogue or says why not. */
  g_assert ((catalogue != NULL) != (error != NULL));
  g_assert (error == NULL || g_utf8_validate (error->message, -1, NULL));
  if (catalogue != NULL)
    g_assert (styr_catalogue_get_version (catalogue) > 0);

  return 0;
}
