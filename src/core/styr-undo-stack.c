/* styr-undo-stack.c: what a user changed, to undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/**
 * StyrUndoStack:
 *
 * The changes a user made in one window, newest first, each to undo and
 * then redo. A change is whatever one action wrote: an approval with its
 * assignment, a tick, an import of a thousand agreements. The stack does
 * not need to be told what an action writes: it reads the store's own log
 * of local edits since its mark, so every change is undoable, including
 * ones written by code that never heard of undo.
 *
 * The window calls styr_undo_stack_notice() when its user may have
 * changed something, and styr_undo_stack_skip() when the change was
 * another window's; what was noticed becomes one entry when the main loop
 * is idle again, or at once with styr_undo_stack_seal(), which also names
 * it for the toast that offers to undo it.
 *
 * Undo writes the content each document had before as a new revision,
 * so it keeps the history and replicates like any edit. A document a
 * colleague changed since is not overwritten: that undo fails, whole.
 */

#define G_LOG_DOMAIN "styr-undo-stack"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "styr-undo-stack.h"

typedef struct
{
  guint      serial;
  char      *label;
  GPtrArray *edits;
} Entry;

struct _StyrUndoStack
{
  GObject    parent_instance;

  StyrStore *store;
  /* The store's changes up to here are in an entry, or not this
   * window's. */
  gint64     mark;
  guint      idle_id;
  guint      last_serial;
  GQueue     undo;
  GQueue     redo;
};

G_DEFINE_FINAL_TYPE (StyrUndoStack, styr_undo_stack, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  g_free (entry->label);
  g_ptr_array_unref (entry->edits);
  g_free (entry);
}

static void
set_mark (StyrUndoStack *self)
{
  g_autoptr(GError) error = NULL;
  gint64 seq = styr_store_get_update_seq (self->store, &error);

  if (seq >= 0)
    self->mark = seq;
  else
    g_warning ("Cannot read the store’s change log: %s", error->message);
}

static void
notify_state (StyrUndoStack *self,
              gboolean       could_undo,
              gboolean       could_redo)
{
  if (could_undo != styr_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != styr_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
seal_idle (gpointer user_data)
{
  StyrUndoStack *self = user_data;

  self->idle_id = 0;
  styr_undo_stack_seal (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
styr_undo_stack_dispose (GObject *object)
{
  StyrUndoStack *self = STYR_UNDO_STACK (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_queue_clear_full (&self->undo, (GDestroyNotify) entry_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) entry_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (styr_undo_stack_parent_class)->dispose (object);
}

static void
styr_undo_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StyrUndoStack *self = STYR_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, styr_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, styr_undo_stack_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_undo_stack_class_init (StyrUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = styr_undo_stack_dispose;
  object_class->get_property = styr_undo_stack_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_undo_stack_init (StyrUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * styr_undo_stack_new:
 * @store: the store whose changes it undoes
 *
 * Returns: (transfer full): an empty stack; what was written before is not
 *   in it
 */
StyrUndoStack *
styr_undo_stack_new (StyrStore *store)
{
  StyrUndoStack *self;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  self = g_object_new (STYR_TYPE_UNDO_STACK, NULL);
  self->store = g_object_ref (store);
  set_mark (self);
  return self;
}

/**
 * styr_undo_stack_notice:
 * @self: a #StyrUndoStack
 *
 * Says that this window's user may have changed something: what the
 * store wrote here since the last entry becomes the next one when the
 * main loop is idle, so that all one action writes is undone as one.
 */
void
styr_undo_stack_notice (StyrUndoStack *self)
{
  g_return_if_fail (STYR_IS_UNDO_STACK (self));

  if (self->idle_id == 0)
    self->idle_id = g_idle_add (seal_idle, self);
}

/**
 * styr_undo_stack_skip:
 * @self: a #StyrUndoStack
 *
 * Says that what the store wrote since was not this window's user's: it
 * stays out of the stack. What was noticed before is sealed first.
 */
void
styr_undo_stack_skip (StyrUndoStack *self)
{
  g_return_if_fail (STYR_IS_UNDO_STACK (self));

  if (self->idle_id != 0)
    styr_undo_stack_seal (self, NULL);
  set_mark (self);
}

/**
 * styr_undo_stack_seal:
 * @self: a #StyrUndoStack
 * @label: (nullable): what the change was, as its toast says it
 *
 * Makes what the store wrote here since the last entry one entry now.
 * A new change forgets what was undone and could be redone.
 *
 * Returns: the entry's serial, for styr_undo_stack_undo(), or 0 when
 *   nothing was written
 */
guint
styr_undo_stack_seal (StyrUndoStack *self,
                      const char    *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  gboolean could_undo, could_redo;
  Entry *entry;

  g_return_val_if_fail (STYR_IS_UNDO_STACK (self), 0);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  edits = styr_store_list_local_edits (self->store, self->mark, &error);
  set_mark (self);
  if (edits == NULL)
    {
      g_warning ("Cannot read what was changed, so it cannot be undone: %s", error->message);
      return 0;
    }
  if (edits->len == 0)
    return 0;

  could_undo = styr_undo_stack_get_can_undo (self);
  could_redo = styr_undo_stack_get_can_redo (self);
  entry = g_new0 (Entry, 1);
  entry->serial = ++self->last_serial;
  entry->label = g_strdup (label);
  entry->edits = g_steal_pointer (&edits);
  g_queue_push_head (&self->undo, entry);
  g_queue_clear_full (&self->redo, (GDestroyNotify) entry_free);
  while (g_queue_get_length (&self->undo) > STYR_UNDO_STACK_DEPTH)
    entry_free (g_queue_pop_tail (&self->undo));
  notify_state (self, could_undo, could_redo);
  return entry->serial;
}

/* After a revert took a document back to the content of a revision as a
 * new one, the other changes that left it at that revision find it at
 * the new one, with the same content. @moves maps an id to a #StyrStoreEdit
 * from the revision whose content it took to the revert's new one. */
static void
follow_revert (GQueue     *queue,
               Entry      *reverted,
               GHashTable *moves)
{
  for (GList *l = queue->head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry == reverted)
        continue;
      for (guint i = 0; i < entry->edits->len; i++)
        {
          StyrStoreEdit *edit = g_ptr_array_index (entry->edits, i);
          StyrStoreEdit *move = g_hash_table_lookup (moves, edit->id);

          if (move != NULL && g_strcmp0 (edit->after, move->before) == 0)
            {
              g_free (edit->after);
              edit->after = g_strdup (move->after);
            }
        }
    }
}

/* Reverts @entry and moves it from @from to the head of @to. */
static gboolean
revert (StyrUndoStack *self,
        GList         *link,
        GQueue        *from,
        GQueue        *to,
        const char    *author,
        char         **label,
        GError       **error)
{
  Entry *entry = link->data;
  g_autoptr(GError) local_error = NULL;
  gboolean could_undo = styr_undo_stack_get_can_undo (self);
  gboolean could_redo = styr_undo_stack_get_can_redo (self);

  /* Where each document goes back to, by id: the other changes that left
   * it there find it at the revert's new revision afterwards. */
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                styr_store_edit_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entry->edits->len; i++)
    {
      StyrStoreEdit *edit = g_ptr_array_index (entry->edits, i);
      StyrStoreEdit *move = g_new0 (StyrStoreEdit, 1);

      move->id = g_strdup (edit->id);
      move->before = g_strdup (edit->before);
      g_ptr_array_add (moves, move);
      g_hash_table_insert (by_id, move->id, move);
    }
  if (!styr_store_revert (self->store, entry->edits, author, &local_error))
    {
      if (g_error_matches (local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT))
        g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_CONFLICT,
                     entry->label != NULL
                     /* Translators: %s is what was changed, as its toast said it. */
                     ? _("“%s” cannot be undone: it was changed again since, here or by a "
                         "colleague. Nothing was undone.")
                     : _("The change cannot be undone: it was changed again since, here or by a "
                         "colleague. Nothing was undone."),
                     entry->label);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* What the revert wrote is not a new change of the user's. */
  set_mark (self);
  for (guint i = 0; i < entry->edits->len; i++)
    ((StyrStoreEdit *) g_ptr_array_index (moves, i))->after =
      g_strdup (((StyrStoreEdit *) g_ptr_array_index (entry->edits, i))->after);
  follow_revert (&self->undo, entry, by_id);
  follow_revert (&self->redo, entry, by_id);
  g_queue_unlink (from, link);
  g_queue_push_head_link (to, link);
  if (label != NULL)
    *label = g_strdup (entry->label);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

/**
 * styr_undo_stack_undo:
 * @self: a #StyrUndoStack
 * @serial: the entry to undo, or 0 for the newest
 * @author: (nullable): who undoes it
 * @label: (out) (optional) (nullable) (transfer full): what was undone,
 *   %NULL when it was never named
 * @error: return location for a #GError
 *
 * Undoes one change: its documents get back the content they had before,
 * all or none. A toast's Undo passes its change's @serial, so that it
 * undoes that very change even when others came after.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_undo_stack_undo (StyrUndoStack  *self,
                      guint           serial,
                      const char     *author,
                      char          **label,
                      GError        **error)
{
  GList *link = NULL;

  g_return_val_if_fail (STYR_IS_UNDO_STACK (self), FALSE);

  if (self->idle_id != 0)
    styr_undo_stack_seal (self, NULL);
  for (GList *l = self->undo.head; l != NULL && link == NULL; l = l->next)
    if (serial == 0 || ((Entry *) l->data)->serial == serial)
      link = l;
  if (link == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   serial == 0 ? _("There is nothing to undo.")
                               : _("That change was undone already, or is too old to undo."));
      return FALSE;
    }
  return revert (self, link, &self->undo, &self->redo, author, label, error);
}

/**
 * styr_undo_stack_redo:
 * @self: a #StyrUndoStack
 * @author: (nullable): who redoes it
 * @label: (out) (optional) (nullable) (transfer full): what was redone
 * @error: return location for a #GError
 *
 * Makes the change undone last again.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_undo_stack_redo (StyrUndoStack  *self,
                      const char     *author,
                      char          **label,
                      GError        **error)
{
  g_return_val_if_fail (STYR_IS_UNDO_STACK (self), FALSE);

  if (self->idle_id != 0)
    styr_undo_stack_seal (self, NULL);
  if (self->redo.head == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is nothing to redo."));
      return FALSE;
    }
  return revert (self, self->redo.head, &self->redo, &self->undo, author, label, error);
}

/**
 * styr_undo_stack_get_can_undo:
 * @self: a #StyrUndoStack
 *
 * Returns: whether a change can be undone; one noticed but not yet
 *   sealed counts only once it is
 */
gboolean
styr_undo_stack_get_can_undo (StyrUndoStack *self)
{
  g_return_val_if_fail (STYR_IS_UNDO_STACK (self), FALSE);

  return self->undo.head != NULL;
}

/**
 * styr_undo_stack_get_can_redo:
 * @self: a #StyrUndoStack
 *
 * Returns: whether an undone change can be made again
 */
gboolean
styr_undo_stack_get_can_redo (StyrUndoStack *self)
{
  g_return_val_if_fail (STYR_IS_UNDO_STACK (self), FALSE);

  return self->redo.head != NULL;
}

/**
 * styr_undo_stack_get_top:
 * @self: a #StyrUndoStack
 *
 * Returns: the serial of the newest change to undo, or 0
 */
guint
styr_undo_stack_get_top (StyrUndoStack *self)
{
  g_return_val_if_fail (STYR_IS_UNDO_STACK (self), 0);

  return self->undo.head != NULL ? ((Entry *) self->undo.head->data)->serial : 0;
}
