/* fuzz-ics.c: libFuzzer target for KOMBIT's invitations, read against a
 * store with the bundled catalogue's meetings to match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-store.h"
#include "styr-catalogue.h"
#include "styr-ics.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static StyrStore *
meetings_store (void)
{
  static StyrStore *store;

  if (store == NULL)
    {
      g_autoptr(StyrCatalogue) catalogue = styr_catalogue_new_bundled (NULL);

      store = fuzz_store ();
      g_assert (catalogue != NULL && styr_catalogue_import (catalogue, store, NULL, NULL));
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) updates = styr_ics_plan_import (meetings_store (), bytes, &error);

  /* A file is taken, or refused with a reason the user can read. */
  g_assert ((updates == NULL) == (error != NULL));
  if (updates == NULL)
    {
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < updates->len; i++)
    {
      StyrIcsUpdate *update = g_ptr_array_index (updates, i);
      g_autofree char *described = styr_ics_describe_update (update);

      g_assert (g_utf8_validate (described, -1, NULL));
      g_assert (g_date_time_compare (update->new_start, update->new_end) <= 0);
    }

  return 0;
}
