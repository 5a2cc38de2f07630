/* styr-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "styr-paths.h"

/**
 * styr_paths_get_data_dir:
 * @override: (nullable): a folder given on the command line
 *
 * Finds the folder that holds Styr's data: @override if given, else the
 * folder in $STYR_DATA_DIR, else "styr" in the XDG data folder (which
 * Flatpak points inside the sandbox, so the same code serves both);
 * development builds use "styr-devel" there.
 *
 * Returns: (transfer full): an absolute path
 */
char *
styr_paths_get_data_dir (const char *override)
{
  const char *dir = override;

  if (dir == NULL || dir[0] == '\0')
    dir = g_getenv (STYR_DATA_DIR_ENV);

  if (dir != NULL && dir[0] != '\0')
    return g_canonicalize_filename (dir, NULL);

  return g_build_filename (g_get_user_data_dir (), DATA_FOLDER, NULL);
}

/**
 * styr_paths_get_database:
 * @data_dir: the data folder from styr_paths_get_data_dir()
 *
 * Returns: (transfer full): the path of the SQLite database
 */
char *
styr_paths_get_database (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_build_filename (data_dir, "styr.db", NULL);
}
