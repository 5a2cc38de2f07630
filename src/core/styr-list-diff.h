/* styr-list-diff.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void styr_list_diff_replace (GListModel  *model,
                             GPtrArray  **items,
                             GPtrArray   *replacement);

G_END_DECLS
