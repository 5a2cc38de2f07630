/* styr-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *styr_text_utf16_encoding (const char *data,
                                      gsize       size,
                                      gsize      *mark_length);
int         styr_text_compare_ptrs   (gconstpointer a,
                                      gconstpointer b);

G_END_DECLS
