/* styr-skip-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-skip-model"

#include "config.h"

#include "styr-skip-model.h"

/* StyrSkipModel: a document list without one of its documents, as lazy as
 * the list: the choice of what a task waits for is every task but itself.
 * A change the skipped document is not in is passed on as it is; one it
 * is in is a change of the whole, so no view ever sees a document twice.
 */
struct _StyrSkipModel
{
  GObject           parent_instance;

  StyrDocumentList *documents;
  char             *skip_id;
  /* Where the skipped document is in the list, or none. */
  guint             skip;
  guint             n_items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrSkipModel, styr_skip_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
styr_skip_model_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (G_LIST_MODEL (STYR_SKIP_MODEL (model)->documents));
}

static guint
styr_skip_model_get_n_items (GListModel *model)
{
  return STYR_SKIP_MODEL (model)->n_items;
}

static gpointer
styr_skip_model_get_item (GListModel *model,
                          guint       position)
{
  StyrSkipModel *self = STYR_SKIP_MODEL (model);

  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->documents),
                                position >= self->skip ? position + 1 : position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = styr_skip_model_get_item_type;
  iface->get_n_items = styr_skip_model_get_n_items;
  iface->get_item = styr_skip_model_get_item;
}

/* Where the skipped document is now, and how many items there are. */
static void
locate (StyrSkipModel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  self->skip = self->skip_id != NULL ? styr_document_list_find (self->documents, self->skip_id)
                                     : G_MAXUINT;
  self->n_items = self->skip < n ? n - 1 : n;
}

static void
reset (StyrSkipModel *self)
{
  guint old = self->n_items;

  locate (self);
  if (old > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

/* A change away from the skipped document is passed on as it is, moved
 * one up past it, so a view keeps its rows and its selection; one that
 * takes in the skipped document is a change of the whole. */
static void
documents_changed_cb (StyrSkipModel *self,
                      guint          position,
                      guint          removed,
                      guint          added)
{
  guint old_skip = self->skip;
  guint old_n = self->n_items;

  locate (self);
  if (old_skip == G_MAXUINT && self->skip == G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else if (old_skip != G_MAXUINT && self->skip != G_MAXUINT &&
           old_skip < position && self->skip < position)
    g_list_model_items_changed (G_LIST_MODEL (self), position - 1, removed, added);
  else if (old_skip != G_MAXUINT && self->skip != G_MAXUINT &&
           old_skip >= position + removed && self->skip >= position + added)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

/**
 * styr_skip_model_set_skip:
 * @self: a #StyrSkipModel
 * @id: (nullable): the document to leave out, or %NULL for none
 */
void
styr_skip_model_set_skip (StyrSkipModel *self,
                          const char    *id)
{
  g_return_if_fail (STYR_IS_SKIP_MODEL (self));

  if (g_strcmp0 (id, self->skip_id) == 0)
    return;
  g_free (self->skip_id);
  self->skip_id = g_strdup (id);
  reset (self);
}

/**
 * styr_skip_model_find:
 * @self: a #StyrSkipModel
 * @id: a document's id
 *
 * Returns: where @id is, or %G_MAXUINT when it is not there or skipped
 */
guint
styr_skip_model_find (StyrSkipModel *self,
                      const char    *id)
{
  guint position;

  g_return_val_if_fail (STYR_IS_SKIP_MODEL (self), G_MAXUINT);

  position = id != NULL ? styr_document_list_find (self->documents, id) : G_MAXUINT;
  if (position == G_MAXUINT || position == self->skip)
    return G_MAXUINT;
  return position > self->skip ? position - 1 : position;
}

static void
styr_skip_model_dispose (GObject *object)
{
  StyrSkipModel *self = (StyrSkipModel *)object;

  g_clear_object (&self->documents);

  G_OBJECT_CLASS (styr_skip_model_parent_class)->dispose (object);
}

static void
styr_skip_model_finalize (GObject *object)
{
  g_free (STYR_SKIP_MODEL (object)->skip_id);

  G_OBJECT_CLASS (styr_skip_model_parent_class)->finalize (object);
}

static void
styr_skip_model_class_init (StyrSkipModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = styr_skip_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = styr_skip_model_finalize;
}

static void
styr_skip_model_init (StyrSkipModel *self)
{
  self->skip = G_MAXUINT;
}

/**
 * styr_skip_model_new:
 * @documents: the list
 *
 * Returns: (transfer full): the list, nothing left out yet
 */
StyrSkipModel *
styr_skip_model_new (StyrDocumentList *documents)
{
  StyrSkipModel *self;

  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (documents), NULL);

  self = g_object_new (STYR_TYPE_SKIP_MODEL, NULL);
  self->documents = g_object_ref (documents);
  g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb), self,
                           G_CONNECT_SWAPPED);
  locate (self);
  return self;
}
