/* styr-search-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "styr-store.h"

G_BEGIN_DECLS

typedef struct _StyrSearchIndex StyrSearchIndex;

/**
 * StyrSearchIndexReadFunc:
 * @user_data: the data given to styr_search_index_new()
 *
 * Called when a read started by styr_search_index_read_in_thread() has
 * ended, whether or not its texts could be used; not after
 * styr_search_index_free().
 */
typedef void (*StyrSearchIndexReadFunc) (gpointer user_data);

StyrSearchIndex *styr_search_index_new            (StyrStore               *store,
                                                   const char              *type,
                                                   StyrSearchIndexReadFunc  read_done,
                                                   gpointer                 user_data);
void             styr_search_index_free           (StyrSearchIndex         *self);
gboolean         styr_search_index_is_loaded      (StyrSearchIndex         *self);
gboolean         styr_search_index_load           (StyrSearchIndex         *self,
                                                   GError                 **error);
void             styr_search_index_read_in_thread (StyrSearchIndex         *self);
gboolean         styr_search_index_update         (StyrSearchIndex         *self,
                                                   GHashTable              *changed,
                                                   gboolean                 everything,
                                                   GError                 **error);
void             styr_search_index_clear          (StyrSearchIndex         *self);
void             styr_search_index_align          (StyrSearchIndex         *self,
                                                   GPtrArray               *ids,
                                                   guint                    generation);
gboolean         styr_search_index_matches        (StyrSearchIndex         *self,
                                                   guint                    index,
                                                   char                   **words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrSearchIndex, styr_search_index_free)

G_END_DECLS
