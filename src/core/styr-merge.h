/* styr-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"

G_BEGIN_DECLS

/* The author recorded for a merge Styr made by itself; the history shows it
 * in the reader's language. */
#define STYR_AUTHOR_AUTOMATIC_MERGE "styr:automatic-merge"

gboolean styr_merge_conflict (StyrStore   *store,
                              const char  *id,
                              gboolean    *merged,
                              GError     **error);

G_END_DECLS
