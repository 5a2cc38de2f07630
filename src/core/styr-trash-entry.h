/* styr-trash-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "styr-history.h"

G_BEGIN_DECLS

#define STYR_TYPE_TRASH_ENTRY (styr_trash_entry_get_type ())

G_DECLARE_FINAL_TYPE (StyrTrashEntry, styr_trash_entry, STYR, TRASH_ENTRY, GObject)

StyrTrashEntry            *styr_trash_entry_new          (StyrDeletedDocument *document);
const StyrDeletedDocument *styr_trash_entry_get_document (StyrTrashEntry      *self);
const char                *styr_trash_entry_get_id       (StyrTrashEntry      *self);

G_END_DECLS
