/* fuzz-backup.c: libFuzzer target for the check of a backup before it
 * is restored: whatever file is given, it is a backup or says why not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>

#include "styr-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("styr-fuzz-backup-XXXXXX", NULL);

      path = g_build_filename (dir, "backup.db", NULL);
    }

  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));
  ok = styr_store_check_backup (path, &error);
  g_assert (ok != (error != NULL));
  g_assert (error == NULL || g_utf8_validate (error->message, -1, NULL));
  g_remove (path);

  return 0;
}
