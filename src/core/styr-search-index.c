/* styr-search-index.c: the texts a list's search looks in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-search-index"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "styr-search-index.h"

/* The casefolded texts of every document of one type, and the same texts
 * in the order of the list's ids, so that a keystroke is a plain loop
 * over an array. They are read on the first search, or before it in a
 * worker with its own connection, and kept up to date by the changes the
 * list hears of. */
struct _StyrSearchIndex
{
  StyrStore  *store;
  char       *type;
  /* id → casefolded text; NULL until loaded. */
  GHashTable *texts;
  /* The list's ids, and their texts in the same order. */
  GPtrArray  *ids;
  guint       ids_generation;
  GPtrArray  *aligned;
  /* A read in a worker. */
  GCancellable *reading;
  StyrSearchIndexReadFunc read_done;
  gpointer    user_data;
};

/* The texts as a worker read them from its own connection, and the last
 * change they include. */
typedef struct
{
  char       *path;
  char       *type;
  gint64      seq;
  GHashTable *texts;
  /* The list's ids when the read began, and the texts in their order:
   * putting 100 000 texts in order took the main loop 20 ms. */
  GStrv       ids;
  guint       ids_generation;
  GPtrArray  *aligned;
} TextsRead;

static void
texts_read_free (TextsRead *read)
{
  g_free (read->path);
  g_free (read->type);
  g_clear_pointer (&read->aligned, g_ptr_array_unref);
  g_clear_pointer (&read->texts, g_hash_table_unref);
  g_strfreev (read->ids);
  g_free (read);
}

static void
casefold_all (GHashTable *texts)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_iter_replace (&iter, g_utf8_casefold (value, -1));
}

static void
realign (StyrSearchIndex *self)
{
  g_clear_pointer (&self->aligned, g_ptr_array_unref);
  if (self->texts == NULL || self->ids == NULL)
    return;

  self->aligned = g_ptr_array_sized_new (self->ids->len);
  for (guint i = 0; i < self->ids->len; i++)
    g_ptr_array_add (self->aligned,
                     g_hash_table_lookup (self->texts, g_ptr_array_index (self->ids, i)));
}

/**
 * styr_search_index_new:
 * @store: the store to read from
 * @type: the document type whose texts to read
 * @read_done: (scope notified): called when a read in a worker ends
 * @user_data: data for @read_done
 *
 * Returns: (transfer full): an index with no texts read yet
 */
StyrSearchIndex *
styr_search_index_new (StyrStore               *store,
                       const char              *type,
                       StyrSearchIndexReadFunc  read_done,
                       gpointer                 user_data)
{
  StyrSearchIndex *self = g_new0 (StyrSearchIndex, 1);

  self->store = g_object_ref (store);
  self->type = g_strdup (type);
  self->read_done = read_done;
  self->user_data = user_data;
  return self;
}

void
styr_search_index_free (StyrSearchIndex *self)
{
  if (self == NULL)
    return;

  /* The read's callback sees the cancellation and leaves @self alone. */
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->aligned, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_free (self->type);
  g_object_unref (self->store);
  g_free (self);
}

gboolean
styr_search_index_is_loaded (StyrSearchIndex *self)
{
  return self->texts != NULL;
}

/**
 * styr_search_index_load:
 * @self: a #StyrSearchIndex
 * @error: return location for a #GError
 *
 * Reads every text now, on the caller's thread.
 *
 * Returns: %TRUE on success; on failure the index is unchanged
 */
gboolean
styr_search_index_load (StyrSearchIndex  *self,
                        GError          **error)
{
  GHashTable *texts = styr_store_get_search_texts (self->store, self->type, error);

  if (texts == NULL)
    return FALSE;

  casefold_all (texts);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  self->texts = texts;
  realign (self);
  return TRUE;
}

static void
read_texts_in_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  TextsRead *read = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = styr_store_new (read->path, &error);
  gint64 before = -1;

  /* A write between the two readings of the last change could be half
   * in the texts: then they are read again. */
  for (guint attempt = 0; store != NULL && attempt < 3 && read->seq != before; attempt++)
    {
      g_clear_pointer (&read->texts, g_hash_table_unref);
      if ((before = styr_store_get_update_seq (store, &error)) < 0 ||
          (read->texts = styr_store_get_search_texts (store, read->type, &error)) == NULL ||
          (read->seq = styr_store_get_update_seq (store, &error)) < 0)
        break;
    }
  /* Still changing: the texts are not used (see texts_read_cb()). */
  if (read->seq != before)
    read->seq = -1;
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  casefold_all (read->texts);
  read->aligned = g_ptr_array_sized_new (g_strv_length (read->ids));
  for (guint i = 0; read->ids[i] != NULL; i++)
    g_ptr_array_add (read->aligned, g_hash_table_lookup (read->texts, read->ids[i]));
  /* Freed here rather than by the main loop. */
  g_clear_pointer (&read->ids, g_strfreev);
  g_task_return_boolean (task, TRUE);
}

static void
texts_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  StyrSearchIndex *self = user_data;
  TextsRead *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);

  /* Texts older than what this connection has since written or heard of
   * are not used; the search then reads them itself. */
  if (error == NULL && self->texts == NULL &&
      read->seq == styr_store_get_update_seq (self->store, NULL))
    {
      self->texts = g_steal_pointer (&read->texts);
      g_clear_pointer (&self->aligned, g_ptr_array_unref);
      if (read->ids_generation == self->ids_generation)
        self->aligned = g_steal_pointer (&read->aligned);
      else
        realign (self);
    }

  self->read_done (self->user_data);
}

/**
 * styr_search_index_read_in_thread:
 * @self: a #StyrSearchIndex
 *
 * Starts reading the texts in a worker with its own connection, for a
 * user who is about to search: the first search of 100 000 agreements
 * would otherwise read them for half a second between two keystrokes.
 * Does nothing when they are read or being read.
 */
void
styr_search_index_read_in_thread (StyrSearchIndex *self)
{
  g_autoptr(GTask) task = NULL;
  TextsRead *read;
  guint n = self->ids != NULL ? self->ids->len : 0;

  if (self->texts != NULL || self->reading != NULL)
    return;

  read = g_new0 (TextsRead, 1);
  read->path = g_strdup (styr_store_get_path (self->store));
  read->type = g_strdup (self->type);
  read->seq = -2;
  read->ids = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    read->ids[i] = g_strdup (g_ptr_array_index (self->ids, i));
  read->ids[n] = NULL;
  read->ids_generation = self->ids_generation;
  self->reading = g_cancellable_new ();
  task = g_task_new (NULL, self->reading, texts_read_cb, self);
  g_task_set_source_tag (task, styr_search_index_read_in_thread);
  g_task_set_task_data (task, read, (GDestroyNotify) texts_read_free);
  g_task_run_in_thread (task, read_texts_in_thread);
}

/**
 * styr_search_index_update:
 * @self: a #StyrSearchIndex
 * @changed: (nullable): the ids that changed, as a set
 * @everything: whether every document may have changed
 * @error: return location for a #GError
 *
 * Reads the texts of the documents that changed again: after a few edits
 * only theirs, after a restore or a large import all of them. Does nothing
 * when the texts are not read.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_search_index_update (StyrSearchIndex  *self,
                          GHashTable       *changed,
                          gboolean          everything,
                          GError          **error)
{
  GHashTableIter iter;
  gpointer id;

  if (self->texts == NULL)
    return TRUE;
  if (everything || changed == NULL || g_hash_table_size (changed) > 1000)
    return styr_search_index_load (self, error);

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = styr_store_get_search_text (self->store, id, &local_error);

      if (local_error != NULL)
        {
          /* Some texts were replaced: the aligned ones must not point at
           * the old ones. */
          realign (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (text != NULL)
        g_hash_table_insert (self->texts, g_strdup (id), g_utf8_casefold (text, -1));
      else
        g_hash_table_remove (self->texts, id);
    }

  return TRUE;
}

/**
 * styr_search_index_clear:
 * @self: a #StyrSearchIndex
 *
 * Drops the texts, for when there is no search: a list of 100 000
 * agreements should not keep them, nor read them again on every save.
 */
void
styr_search_index_clear (StyrSearchIndex *self)
{
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->aligned, g_ptr_array_unref);
}

/**
 * styr_search_index_align:
 * @self: a #StyrSearchIndex
 * @ids: (element-type utf8): the list's ids, in its order
 * @generation: a number the list changes whenever @ids change or are
 *   reordered, even in place
 *
 * Puts the texts in the order of @ids, which the index keeps a reference
 * to, for styr_search_index_matches().
 */
void
styr_search_index_align (StyrSearchIndex *self,
                         GPtrArray       *ids,
                         guint            generation)
{
  if (self->ids != ids)
    {
      g_clear_pointer (&self->ids, g_ptr_array_unref);
      self->ids = g_ptr_array_ref (ids);
    }
  self->ids_generation = generation;
  realign (self);
}

/**
 * styr_search_index_matches:
 * @self: a #StyrSearchIndex
 * @index: a position in the ids last aligned to
 * @words: the casefolded words of the search
 *
 * Returns: whether every word occurs in the texts of the document at
 *   @index
 */
gboolean
styr_search_index_matches (StyrSearchIndex  *self,
                           guint             index,
                           char            **words)
{
  const char *text;

  if (self->aligned == NULL || index >= self->aligned->len)
    return FALSE;

  text = g_ptr_array_index (self->aligned, index);
  if (text == NULL)
    return FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (text, words[i]) == NULL)
      return FALSE;

  return TRUE;
}
