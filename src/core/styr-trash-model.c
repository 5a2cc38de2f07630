/* styr-trash-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-trash-model"

#include "config.h"

#include "styr-list-diff.h"
#include "styr-trash-model.h"

/* StyrTrashModel: the deleted documents of one type, as StyrTrashEntry
 * items in the store's order. A reload keeps the entry of every deletion
 * still there, so a restore, or a deletion that came by sync, is one row
 * out or in and the rows around it stay, with their focus.
 */
struct _StyrTrashModel
{
  GObject    parent_instance;

  StyrStore *store;
  char      *doc_type;
  GPtrArray *entries; /* StyrTrashEntry */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrTrashModel, styr_trash_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
styr_trash_model_get_item_type (GListModel *model)
{
  return STYR_TYPE_TRASH_ENTRY;
}

static guint
styr_trash_model_get_n_items (GListModel *model)
{
  return STYR_TRASH_MODEL (model)->entries->len;
}

static gpointer
styr_trash_model_get_item (GListModel *model,
                           guint       position)
{
  StyrTrashModel *self = STYR_TRASH_MODEL (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = styr_trash_model_get_item_type;
  iface->get_n_items = styr_trash_model_get_n_items;
  iface->get_item = styr_trash_model_get_item;
}

/* The same deletion: the same document, deleted by the same revision. */
static StyrTrashEntry *
find_same (StyrTrashModel            *self,
           const StyrDeletedDocument *document)
{
  StyrTrashEntry *entry = styr_trash_model_find (self, document->id);

  if (entry != NULL && g_strcmp0 (styr_trash_entry_get_document (entry)->rev, document->rev) == 0)
    return entry;
  return NULL;
}

/**
 * styr_trash_model_reload:
 * @self: a #StyrTrashModel
 * @error: return location for a #GError
 *
 * Reads the deleted documents again. On failure the entries stay as they
 * were.
 *
 * Returns: %TRUE if the trash was read
 */
gboolean
styr_trash_model_reload (StyrTrashModel  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) deleted = NULL;
  g_autofree StyrDeletedDocument **documents = NULL;
  GPtrArray *entries;
  gsize n = 0;

  g_return_val_if_fail (STYR_IS_TRASH_MODEL (self), FALSE);

  deleted = styr_store_list_deleted (self->store, self->doc_type, error);
  if (deleted == NULL)
    return FALSE;

  /* The documents are the entries' now, or freed here. */
  documents = (StyrDeletedDocument **) g_ptr_array_steal (deleted, &n);
  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (gsize i = 0; i < n; i++)
    {
      StyrTrashEntry *same = find_same (self, documents[i]);

      if (same != NULL)
        {
          g_ptr_array_add (entries, g_object_ref (same));
          styr_deleted_document_free (documents[i]);
        }
      else
        g_ptr_array_add (entries, styr_trash_entry_new (documents[i]));
    }
  styr_list_diff_replace (G_LIST_MODEL (self), &self->entries, entries);
  return TRUE;
}

/**
 * styr_trash_model_find:
 * @self: a #StyrTrashModel
 * @id: a document's id
 *
 * Returns: (transfer none) (nullable): its entry, if it is in the trash
 */
StyrTrashEntry *
styr_trash_model_find (StyrTrashModel *self,
                       const char     *id)
{
  g_return_val_if_fail (STYR_IS_TRASH_MODEL (self), NULL);

  for (guint i = 0; id != NULL && i < self->entries->len; i++)
    if (g_str_equal (styr_trash_entry_get_id (g_ptr_array_index (self->entries, i)), id))
      return g_ptr_array_index (self->entries, i);
  return NULL;
}

static void
styr_trash_model_finalize (GObject *object)
{
  StyrTrashModel *self = (StyrTrashModel *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->doc_type, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_trash_model_parent_class)->finalize (object);
}

static void
styr_trash_model_class_init (StyrTrashModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styr_trash_model_finalize;
}

static void
styr_trash_model_init (StyrTrashModel *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * styr_trash_model_new:
 * @store: the store
 * @doc_type: the type of the documents it lists, e.g. "agreement"
 *
 * The trash of one type, empty until styr_trash_model_reload().
 *
 * Returns: (transfer full): a new model
 */
StyrTrashModel *
styr_trash_model_new (StyrStore  *store,
                      const char *doc_type)
{
  StyrTrashModel *self;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (doc_type != NULL, NULL);

  self = g_object_new (STYR_TYPE_TRASH_MODEL, NULL);
  self->store = g_object_ref (store);
  self->doc_type = g_strdup (doc_type);
  return self;
}
