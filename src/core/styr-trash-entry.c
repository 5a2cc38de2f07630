/* styr-trash-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-trash-entry"

#include "config.h"

#include "styr-trash-entry.h"

/* StyrTrashEntry: one deleted document in a StyrTrashModel, as the store
 * lists it: its id, the revision that deleted it, who and when, and the
 * content it had. A deletion does not change, so neither does the entry.
 */
struct _StyrTrashEntry
{
  GObject              parent_instance;

  StyrDeletedDocument *document;
};

G_DEFINE_FINAL_TYPE (StyrTrashEntry, styr_trash_entry, G_TYPE_OBJECT)

static void
styr_trash_entry_finalize (GObject *object)
{
  StyrTrashEntry *self = (StyrTrashEntry *)object;

  g_clear_pointer (&self->document, styr_deleted_document_free);

  G_OBJECT_CLASS (styr_trash_entry_parent_class)->finalize (object);
}

static void
styr_trash_entry_class_init (StyrTrashEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styr_trash_entry_finalize;
}

static void
styr_trash_entry_init (StyrTrashEntry *self)
{
}

/**
 * styr_trash_entry_new:
 * @document: (transfer full): a deleted document from styr_store_list_deleted()
 *
 * Returns: (transfer full): its entry
 */
StyrTrashEntry *
styr_trash_entry_new (StyrDeletedDocument *document)
{
  StyrTrashEntry *self;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (STYR_TYPE_TRASH_ENTRY, NULL);
  self->document = document;
  return self;
}

/**
 * styr_trash_entry_get_document:
 * @self: a #StyrTrashEntry
 *
 * Returns: (transfer none): the deleted document
 */
const StyrDeletedDocument *
styr_trash_entry_get_document (StyrTrashEntry *self)
{
  g_return_val_if_fail (STYR_IS_TRASH_ENTRY (self), NULL);

  return self->document;
}

/**
 * styr_trash_entry_get_id:
 * @self: a #StyrTrashEntry
 *
 * Returns: the deleted document's id
 */
const char *
styr_trash_entry_get_id (StyrTrashEntry *self)
{
  g_return_val_if_fail (STYR_IS_TRASH_ENTRY (self), NULL);

  return self->document->id;
}
