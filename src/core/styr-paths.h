/* styr-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STYR_DATA_DIR_ENV "STYR_DATA_DIR"

char *styr_paths_get_data_dir (const char *override);
char *styr_paths_get_database (const char *data_dir);

G_END_DECLS
