/* styr-list-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_LIST_ENTRY (styr_list_entry_get_type ())

G_DECLARE_DERIVABLE_TYPE (StyrListEntry, styr_list_entry, STYR, LIST_ENTRY, GObject)

struct _StyrListEntryClass
{
  GObjectClass parent_class;
};

gboolean styr_list_entry_get_pending    (StyrListEntry *self);
gboolean styr_list_entry_get_conflicted (StyrListEntry *self);
void     styr_list_entry_read_marks     (StyrListEntry *self,
                                         StyrStore     *store,
                                         const char    *id);

G_END_DECLS
