/* styr-document-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-document-list"

#include "config.h"

#include <string.h>

#include "styr-document-list.h"

/* StyrDocumentList is a GListModel of the records of one type, kept lazy so
 * that 100 000 documents cost 100 000 ids and not 100 000 objects: a record
 * is made when a row asks for it, and a bounded cache keeps the ones on
 * screen. Filtering, sorting and searching happen here, on ids and texts,
 * because a GtkFilterListModel or GtkSortListModel on top would ask for
 * every item. The list follows the store: a committed write reaches it as
 * one items-changed for the range that changed.
 */
struct _StyrDocumentList
{
  GObject     parent_instance;

  StyrStore  *store;
  char       *type;
  GType       item_type;
  char       *filter_field;
  char       *filter_value;
  char       *sort_field;
  char       *search;
  GError     *load_error;

  /* The matching ids in order, and the positions of those the search
   * keeps (NULL when there is no search: all of them). */
  GPtrArray  *ids;
  GArray     *visible;
  /* id → casefolded text, loaded on the first search, and the same texts
   * in the order of ids, so a keystroke is a plain loop. */
  GHashTable *search_texts;
  GPtrArray  *texts;
  char       *folded_search;
  /* Bumped whenever ids change or are reordered. */
  guint       ids_generation;
  /* A read of the texts in a worker, and the search that waits for it. */
  GCancellable *texts_reading;
  char       *requested_search;
  gboolean    search_requested;
  /* id → StyrRecord, the records made so far. */
  GHashTable *cache;

  /* A filter on what a record means rather than on one field (such as
   * "needs action", which asks the rules), and its verdicts so far: id →
   * KEEP or DROP. */
  StyrRecordPredicate predicate;
  gpointer            predicate_data;
  GDestroyNotify      predicate_destroy;
  GHashTable         *verdicts;

  /* A scan in progress: asking the predicate about 100 000 documents
   * takes seconds, so after the first SCAN_BUDGET the rest are judged in
   * idle steps and the rows they keep are appended as they come. */
  guint       scan_source;
  guint       scan_position;
  GArray     *scan_within;
  GStrv       scan_words;

  /* An order by what a record means (such as how many risks it has), on
   * top of the store's order: id → key + 1. The keys of a large list are
   * worked out in idle steps; until they are all known the list keeps
   * the store's order. */
  StyrRecordKeyFunc   key_func;
  gpointer            key_data;
  GDestroyNotify      key_destroy;
  gboolean            key_descending;
  GHashTable         *keys;
  guint               key_source;
  guint               key_position;
};

enum { VERDICT_KEEP = 1, VERDICT_DROP = 2 };

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrDocumentList, styr_document_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOC_TYPE,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_SEARCH,
  PROP_SORT_FIELD,
  PROP_FILTER_FIELD,
  PROP_FILTER_VALUE,
  PROP_FILTERING,
  PROP_SORTING,
  PROP_LOAD_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Enough for the rows of a few screens; records beyond it are made again. */
#define MAX_CACHED 4096

/* Documents asked about the predicate for the first time per scan step:
 * under one frame at about 15 µs each. */
#define SCAN_BUDGET 600

static guint
visible_count (StyrDocumentList *self)
{
  return self->visible != NULL ? self->visible->len : self->ids->len;
}

static const char *
visible_id (StyrDocumentList *self,
            guint             position)
{
  guint index = self->visible != NULL ? g_array_index (self->visible, guint, position) : position;

  return g_ptr_array_index (self->ids, index);
}

static GType
styr_document_list_get_item_type (GListModel *model)
{
  StyrDocumentList *self = STYR_DOCUMENT_LIST (model);

  return self->item_type;
}

static guint
styr_document_list_get_n_items (GListModel *model)
{
  return visible_count (STYR_DOCUMENT_LIST (model));
}

static gpointer
styr_document_list_get_item (GListModel *model,
                             guint       position)
{
  StyrDocumentList *self = STYR_DOCUMENT_LIST (model);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  StyrRecord *record;
  gboolean conflicted = FALSE;
  const char *id;

  if (position >= visible_count (self))
    return NULL;

  id = visible_id (self, position);
  record = g_hash_table_lookup (self->cache, id);
  if (record != NULL)
    return g_object_ref (record);

  body = styr_store_get (self->store, id, &rev, &error);
  if (body != NULL)
    styr_store_get_status (self->store, id, NULL, NULL, &conflicted, NULL);
  else
    {
      /* Deleted between the last reload and now: an empty record of the
       * right type keeps the model consistent until the reload comes. */
      g_debug ("%s: %s", id, error->message);
      body = json_object_new ();
      json_object_set_string_member (body, "type", self->type);
    }

  record = styr_record_load (id, rev, body);
  if (record == NULL)
    record = STYR_RECORD (g_object_new (self->item_type, "id", id, NULL));
  styr_record_set_conflicted (record, conflicted);

  if (g_hash_table_size (self->cache) >= MAX_CACHED)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_strdup (id), g_object_ref (record));

  return record;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = styr_document_list_get_item_type;
  iface->get_n_items = styr_document_list_get_n_items;
  iface->get_item = styr_document_list_get_item;
}

/* Every word of the search must occur in the document's texts. */
static gboolean
matches (const char  *text,
         char       **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (text, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
align_texts (StyrDocumentList *self)
{
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  if (self->search_texts == NULL)
    return;

  self->texts = g_ptr_array_sized_new (self->ids->len);
  for (guint i = 0; i < self->ids->len; i++)
    g_ptr_array_add (self->texts,
                     g_hash_table_lookup (self->search_texts, g_ptr_array_index (self->ids, i)));
}

/* Asks the predicate once per document; the answer is kept until the
 * document changes or the caller says the predicate's inputs did. */
static gboolean
passes_predicate (StyrDocumentList *self,
                  const char       *id)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(StyrRecord) record = NULL;
  g_autofree char *rev = NULL;
  gpointer verdict = g_hash_table_lookup (self->verdicts, id);
  gboolean keep;

  if (verdict != NULL)
    return GPOINTER_TO_INT (verdict) == VERDICT_KEEP;

  body = styr_store_get (self->store, id, &rev, NULL);
  record = body != NULL ? styr_record_load (id, rev, body) : NULL;
  keep = record != NULL && self->predicate (record, self->predicate_data);
  g_hash_table_insert (self->verdicts, g_strdup (id),
                       GINT_TO_POINTER (keep ? VERDICT_KEEP : VERDICT_DROP));
  return keep;
}

/* Judges the candidates from where the scan stopped, appending the ones
 * that pass to visible, until @budget documents have been asked about for
 * the first time. Returns %TRUE when every candidate has been judged. */
static gboolean
scan_some (StyrDocumentList *self,
           guint             budget)
{
  guint n = self->scan_within != NULL ? self->scan_within->len : self->ids->len;
  guint asked = 0;

  while (self->scan_position < n && asked < budget)
    {
      guint k = self->scan_position++;
      guint i = self->scan_within != NULL ? g_array_index (self->scan_within, guint, k) : k;
      const char *id = g_ptr_array_index (self->ids, i);

      if (self->scan_words != NULL)
        {
          const char *text = g_ptr_array_index (self->texts, i);

          if (text == NULL || !matches (text, self->scan_words))
            continue;
        }

      if (self->predicate != NULL)
        {
          if (!g_hash_table_contains (self->verdicts, id))
            asked++;
          if (!passes_predicate (self, id))
            continue;
        }

      g_array_append_val (self->visible, i);
    }

  return self->scan_position >= n;
}

static void
clear_scan (StyrDocumentList *self)
{
  g_clear_handle_id (&self->scan_source, g_source_remove);
  g_clear_pointer (&self->scan_within, g_array_unref);
  g_clear_pointer (&self->scan_words, g_strfreev);
  self->scan_position = 0;
}

static gboolean
scan_step_cb (gpointer user_data)
{
  StyrDocumentList *self = user_data;
  guint old_n = self->visible->len;
  gboolean done = scan_some (self, SCAN_BUDGET);

  if (done)
    {
      self->scan_source = 0;
      clear_scan (self);
    }

  if (self->visible->len > old_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->visible->len - old_n);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  if (done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERING]);

  return done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* Sets visible anew for the search and the predicate: %NULL when neither
 * filters. @within: (nullable): the positions to look at, when the new
 * search can only keep fewer rows than the last; %NULL to look at all.
 * The caller tells the views what changed; rows a scan finds later reach
 * them from scan_step_cb(). */
static void
start_scan (StyrDocumentList *self,
            GArray           *within)
{
  gboolean was_filtering = self->scan_source != 0;
  gboolean searching = self->folded_search != NULL && self->texts != NULL;

  clear_scan (self);
  g_clear_pointer (&self->visible, g_array_unref);

  if (searching || self->predicate != NULL)
    {
      self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
      self->scan_within = within != NULL ? g_array_ref (within) : NULL;
      self->scan_words = searching ? g_strsplit_set (self->folded_search, " \t", -1) : NULL;

      if (!scan_some (self, SCAN_BUDGET))
        self->scan_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scan_step_cb, self, NULL);
      else
        clear_scan (self);
    }

  if (was_filtering != (self->scan_source != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERING]);
}

static int
key_of (StyrDocumentList *self,
        const char       *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->keys, id)) - 1;
}

/* Works out keys from where the pass stopped until @budget documents have
 * been made. Returns %TRUE when every id has its key. */
static gboolean
compute_keys (StyrDocumentList *self,
              guint             budget)
{
  guint made = 0;

  while (self->key_position < self->ids->len && made < budget)
    {
      const char *id = g_ptr_array_index (self->ids, self->key_position++);
      g_autoptr(JsonObject) body = NULL;
      g_autoptr(StyrRecord) record = NULL;
      g_autofree char *rev = NULL;
      int key = 0;

      if (g_hash_table_contains (self->keys, id))
        continue;

      made++;
      body = styr_store_get (self->store, id, &rev, NULL);
      record = body != NULL ? styr_record_load (id, rev, body) : NULL;
      if (record != NULL)
        key = self->key_func (record, self->key_data);
      g_hash_table_insert (self->keys, g_strdup (id), GINT_TO_POINTER (MAX (key, 0) + 1));
    }

  return self->key_position >= self->ids->len;
}

typedef struct
{
  int   key;
  guint index;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Keyed *x = a;
  const Keyed *y = b;
  gboolean descending = GPOINTER_TO_INT (user_data);

  if (x->key != y->key)
    return descending ? (y->key > x->key ? 1 : -1) : (x->key > y->key ? 1 : -1);

  /* Equal keys keep the store's order. */
  return (x->index > y->index) - (x->index < y->index);
}

/* Orders ids by key. The keys are looked up once each, not on every
 * comparison: 100 000 ids would otherwise cost millions of lookups. */
static void
sort_by_keys (StyrDocumentList *self)
{
  g_autofree Keyed *keyed = g_new (Keyed, self->ids->len);
  g_autofree gpointer *ids = g_memdup2 (self->ids->pdata, sizeof (gpointer) * self->ids->len);

  for (guint i = 0; i < self->ids->len; i++)
    keyed[i] = (Keyed) { key_of (self, g_ptr_array_index (self->ids, i)), i };

  g_qsort_with_data (keyed, self->ids->len, sizeof (Keyed), compare_keyed,
                     GINT_TO_POINTER (self->key_descending));

  for (guint i = 0; i < self->ids->len; i++)
    self->ids->pdata[i] = ids[keyed[i].index];
  self->ids_generation++;
}

/* Every key is known: reorders and tells the views, then notifies. */
static void
apply_keys (StyrDocumentList *self)
{
  guint old_n = visible_count (self);

  g_object_freeze_notify (G_OBJECT (self));
  sort_by_keys (self);
  align_texts (self);
  start_scan (self, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, visible_count (self));
  if (old_n != visible_count (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTING]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
key_step_cb (gpointer user_data)
{
  StyrDocumentList *self = user_data;

  if (!compute_keys (self, SCAN_BUDGET))
    return G_SOURCE_CONTINUE;

  self->key_source = 0;
  apply_keys (self);
  return G_SOURCE_REMOVE;
}

/* Drops the keys worked out so far, for when what they depend on
 * changed, and stops a pass that was working them out. */
static void
forget_keys (StyrDocumentList *self)
{
  g_clear_handle_id (&self->key_source, g_source_remove);
  self->key_position = 0;
  g_hash_table_remove_all (self->keys);
}

/* Puts freshly read ids in key order: at once when few keys are missing,
 * else after an idle pass. Returns %TRUE if the ids are in order now. */
static gboolean
order_by_keys (StyrDocumentList *self)
{
  gboolean was_sorting = self->key_source != 0;

  g_clear_handle_id (&self->key_source, g_source_remove);
  if (self->key_func == NULL)
    {
      if (was_sorting)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTING]);
      return TRUE;
    }

  self->key_position = 0;
  /* With more keys missing than one step makes, the ids cannot be in
   * order now anyway: the whole pass waits for idle, after the frame that
   * shows the list, instead of its first step holding that frame. */
  if (self->ids->len <= g_hash_table_size (self->keys) + SCAN_BUDGET &&
      compute_keys (self, SCAN_BUDGET))
    {
      sort_by_keys (self);
      if (was_sorting)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTING]);
      return TRUE;
    }

  self->key_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, key_step_cb, self, NULL);
  if (!was_sorting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTING]);
  return FALSE;
}

static gboolean
load_search_texts (StyrDocumentList  *self,
                   GError           **error)
{
  g_autoptr(GHashTable) texts = NULL;
  GHashTableIter iter;
  gpointer value;

  texts = styr_store_get_search_texts (self->store, self->type, error);
  if (texts == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_iter_replace (&iter, g_utf8_casefold (value, -1));

  g_clear_pointer (&self->search_texts, g_hash_table_unref);
  self->search_texts = g_steal_pointer (&texts);
  align_texts (self);
  return TRUE;
}

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
read_texts_in_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  TextsRead *read = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = styr_store_new (read->path, &error);
  GHashTableIter iter;
  gpointer value;
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

  g_hash_table_iter_init (&iter, read->texts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_iter_replace (&iter, g_utf8_casefold (value, -1));
  read->aligned = g_ptr_array_sized_new (g_strv_length (read->ids));
  for (guint i = 0; read->ids[i] != NULL; i++)
    g_ptr_array_add (read->aligned, g_hash_table_lookup (read->texts, read->ids[i]));
  /* Freed here rather than by the main loop. */
  g_clear_pointer (&read->ids, g_strfreev);
  g_task_return_boolean (task, TRUE);
}

/* Takes @error, or %NULL for none, and tells whoever shows the list. */
static void
set_load_error (StyrDocumentList *self,
                GError           *error)
{
  g_clear_error (&self->load_error);
  self->load_error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
}

static void
texts_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  StyrDocumentList *self = STYR_DOCUMENT_LIST (source);
  TextsRead *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->texts_reading);

  /* Texts older than what this connection has since written or heard of
   * are not used; the search then reads them itself. */
  if (error == NULL && self->search_texts == NULL &&
      read->seq == styr_store_get_update_seq (self->store, NULL))
    {
      self->search_texts = g_steal_pointer (&read->texts);
      g_clear_pointer (&self->texts, g_ptr_array_unref);
      if (read->ids_generation == self->ids_generation)
        self->texts = g_steal_pointer (&read->aligned);
      else
        align_texts (self);
    }
  g_clear_error (&error);

  if (self->search_requested)
    {
      g_autofree char *search = g_steal_pointer (&self->requested_search);

      self->search_requested = FALSE;
      if (!styr_document_list_set_search (self, search, &error))
        set_load_error (self, g_steal_pointer (&error));
    }
}

/**
 * styr_document_list_prefetch_search:
 * @self: a #StyrDocumentList
 *
 * Starts reading the texts a search looks in, in a worker with its own
 * connection, for a user who is about to search: the first search of
 * 100 000 agreements would otherwise read them for half a second between
 * two keystrokes.
 */
void
styr_document_list_prefetch_search (StyrDocumentList *self)
{
  g_autoptr(GTask) task = NULL;
  TextsRead *read;

  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  if (self->search_texts != NULL || self->texts_reading != NULL)
    return;

  read = g_new0 (TextsRead, 1);
  read->path = g_strdup (styr_store_get_path (self->store));
  read->type = g_strdup (self->type);
  read->seq = -2;
  read->ids = g_new (char *, self->ids->len + 1);
  for (guint i = 0; i < self->ids->len; i++)
    read->ids[i] = g_strdup (g_ptr_array_index (self->ids, i));
  read->ids[self->ids->len] = NULL;
  read->ids_generation = self->ids_generation;
  self->texts_reading = g_cancellable_new ();
  task = g_task_new (self, self->texts_reading, texts_read_cb, NULL);
  g_task_set_source_tag (task, styr_document_list_prefetch_search);
  g_task_set_task_data (task, read, (GDestroyNotify) texts_read_free);
  g_task_run_in_thread (task, read_texts_in_thread);
}

/**
 * styr_document_list_request_search:
 * @self: a #StyrDocumentList
 * @search: (nullable): what to search for
 *
 * Like styr_document_list_set_search(), but without reading the texts on
 * the caller's thread: until they are in from
 * styr_document_list_prefetch_search(), which this starts if need be, the
 * last search asked for waits. A failure is reported in
 * #StyrDocumentList:load-error.
 */
void
styr_document_list_request_search (StyrDocumentList *self,
                                   const char       *search)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  if (search == NULL || search[0] == '\0' || self->search_texts != NULL)
    {
      /* An earlier request would otherwise overwrite this one later. */
      self->search_requested = FALSE;
      g_clear_pointer (&self->requested_search, g_free);
      if (!styr_document_list_set_search (self, search, &error))
        set_load_error (self, g_steal_pointer (&error));
      return;
    }

  g_free (self->requested_search);
  self->requested_search = g_strdup (search);
  self->search_requested = TRUE;
  styr_document_list_prefetch_search (self);
}

/**
 * styr_document_list_get_search_pending:
 * @self: a #StyrDocumentList
 *
 * Returns: whether a search from styr_document_list_request_search() waits
 *   for the texts
 */
gboolean
styr_document_list_get_search_pending (StyrDocumentList *self)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), FALSE);

  return self->search_requested;
}

/* After a few edits only their texts are read again; after a restore or a
 * large import, all of them. */
static gboolean
update_search_texts (StyrDocumentList  *self,
                     GHashTable        *changed,
                     gboolean           everything,
                     GError           **error)
{
  GHashTableIter iter;
  gpointer id;

  if (everything || changed == NULL || g_hash_table_size (changed) > 1000)
    return load_search_texts (self, error);

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = styr_store_get_search_text (self->store, id, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (text != NULL)
        g_hash_table_insert (self->search_texts, g_strdup (id), g_utf8_casefold (text, -1));
      else
        g_hash_table_remove (self->search_texts, id);
    }

  return TRUE;
}

static gboolean
is_changed (GHashTable *changed,
            const char *id)
{
  return changed != NULL && g_hash_table_contains (changed, id);
}

/* Reads the ids again and tells the views the one range that differs:
 * the common head and tail of the old and new lists stay, except for
 * documents whose content changed in place. */
static gboolean reload_unfrozen (StyrDocumentList  *self,
                                 GHashTable        *changed,
                                 gboolean           everything,
                                 GError           **error);

/* Property notifications wait until the views have heard items-changed,
 * so that a handler never sees the list half swapped. */
static gboolean
reload (StyrDocumentList  *self,
        GHashTable        *changed,
        gboolean           everything,
        GError           **error)
{
  gboolean ok;

  g_object_freeze_notify (G_OBJECT (self));
  ok = reload_unfrozen (self, changed, everything, error);
  g_object_thaw_notify (G_OBJECT (self));

  return ok;
}

static gboolean
reload_unfrozen (StyrDocumentList  *self,
                 GHashTable        *changed,
                 gboolean           everything,
                 GError           **error)
{
  g_autoptr(GPtrArray) old_ids = NULL;
  g_autoptr(GArray) old_visible = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0;

  ids = styr_store_find_ids (self->store, self->type, self->filter_field, self->filter_value,
                             self->sort_field, error);
  if (ids == NULL)
    return FALSE;

  if (self->search_texts != NULL && !update_search_texts (self, changed, everything, error))
    {
      /* Some texts were replaced; texts must not point at the old ones. */
      align_texts (self);
      return FALSE;
    }

  /* What changed is made and judged afresh. */
  if (everything)
    {
      g_hash_table_remove_all (self->cache);
      g_hash_table_remove_all (self->verdicts);
      /* A new sort field or filter changes no record; only a bulk change
       * in the store does. */
      if (changed != NULL)
        g_hash_table_remove_all (self->keys);
    }
  else if (changed != NULL)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, changed);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          g_hash_table_remove (self->cache, id);
          g_hash_table_remove (self->verdicts, id);
          g_hash_table_remove (self->keys, id);
        }
    }

  old_n = visible_count (self);
  old_ids = g_steal_pointer (&self->ids);
  old_visible = g_steal_pointer (&self->visible);
  self->ids = g_steal_pointer (&ids);
  self->ids_generation++;
  order_by_keys (self);
  align_texts (self);
  start_scan (self, NULL);
  new_n = visible_count (self);

  if (!everything)
    {
#define OLD_ID(i) ((const char *) g_ptr_array_index (old_ids, old_visible != NULL \
                   ? g_array_index (old_visible, guint, (i)) : (i)))
      while (prefix < old_n && prefix < new_n &&
             g_str_equal (OLD_ID (prefix), visible_id (self, prefix)) &&
             !is_changed (changed, OLD_ID (prefix)))
        prefix++;
      while (suffix < old_n - prefix && suffix < new_n - prefix &&
             g_str_equal (OLD_ID (old_n - 1 - suffix), visible_id (self, new_n - 1 - suffix)) &&
             !is_changed (changed, OLD_ID (old_n - 1 - suffix)))
        suffix++;
#undef OLD_ID
    }

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

static void
documents_changed_cb (StyrDocumentList    *self,
                      const char          *type,
                      const char * const  *ids,
                      StyrStore           *store)
{
  g_autoptr(GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gboolean everything = FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_str_equal (ids[i], "*"))
        everything = TRUE;
      g_hash_table_add (changed, (gpointer) ids[i]);
    }

  /* The list keeps what it showed; whoever shows it shows the error. */
  if (!reload (self, changed, everything, &error))
    set_load_error (self, g_steal_pointer (&error));
  else if (self->load_error != NULL)
    set_load_error (self, NULL);
}

static void
styr_document_list_constructed (GObject *object)
{
  StyrDocumentList *self = (StyrDocumentList *)object;
  g_autofree char *signal = g_strconcat ("documents-changed::", self->type, NULL);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (styr_document_list_parent_class)->constructed (object);

  self->item_type = styr_record_type_from_name (self->type);
  if (self->item_type == G_TYPE_INVALID)
    {
      g_critical ("“%s” is not a document type", self->type);
      self->item_type = STYR_TYPE_RECORD;
    }

  g_signal_connect_object (self->store, signal, G_CALLBACK (documents_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->ids = styr_store_find_ids (self->store, self->type, self->filter_field,
                                   self->filter_value, self->sort_field, &error);
  if (self->ids == NULL)
    {
      self->ids = g_ptr_array_new_with_free_func (g_free);
      self->load_error = g_steal_pointer (&error);
    }
}

static void
styr_document_list_dispose (GObject *object)
{
  StyrDocumentList *self = (StyrDocumentList *)object;

  clear_scan (self);
  g_cancellable_cancel (self->texts_reading);
  g_clear_object (&self->texts_reading);
  g_clear_handle_id (&self->key_source, g_source_remove);
  if (self->key_destroy != NULL)
    g_clear_pointer (&self->key_data, self->key_destroy);
  self->key_func = NULL;
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  if (self->predicate_destroy != NULL)
    g_clear_pointer (&self->predicate_data, self->predicate_destroy);
  self->predicate = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (styr_document_list_parent_class)->dispose (object);
}

static void
styr_document_list_finalize (GObject *object)
{
  StyrDocumentList *self = (StyrDocumentList *)object;

  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->filter_field, g_free);
  g_clear_pointer (&self->filter_value, g_free);
  g_clear_pointer (&self->sort_field, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->search_texts, g_hash_table_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->requested_search, g_free);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (styr_document_list_parent_class)->finalize (object);
}

static void
styr_document_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StyrDocumentList *self = STYR_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DOC_TYPE:
      g_value_set_string (value, self->type);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, visible_count (self));
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_SORT_FIELD:
      g_value_set_string (value, self->sort_field);
      break;

    case PROP_FILTER_FIELD:
      g_value_set_string (value, self->filter_field);
      break;

    case PROP_FILTER_VALUE:
      g_value_set_string (value, self->filter_value);
      break;

    case PROP_FILTERING:
      g_value_set_boolean (value, self->scan_source != 0);
      break;

    case PROP_SORTING:
      g_value_set_boolean (value, self->key_source != 0);
      break;

    case PROP_LOAD_ERROR:
      g_value_set_boxed (value, self->load_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_document_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StyrDocumentList *self = STYR_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DOC_TYPE:
      self->type = g_value_dup_string (value);
      break;

    case PROP_SEARCH:
      styr_document_list_set_search (self, g_value_get_string (value), NULL);
      break;

    case PROP_SORT_FIELD:
      /* Construct-only: the first load in constructed() uses it, so a
       * sorted list is read once, not twice. */
      self->sort_field = g_value_dup_string (value);
      break;

    case PROP_FILTER_FIELD:
      self->filter_field = g_value_dup_string (value);
      break;

    case PROP_FILTER_VALUE:
      self->filter_value = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_document_list_class_init (StyrDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = styr_document_list_constructed;
  object_class->dispose = styr_document_list_dispose;
  object_class->finalize = styr_document_list_finalize;
  object_class->get_property = styr_document_list_get_property;
  object_class->set_property = styr_document_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STYR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOC_TYPE] =
    g_param_spec_string ("doc-type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, STYR_TYPE_RECORD,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StyrDocumentList:sort-field:
   *
   * The field the list is first sorted by, as for
   * styr_document_list_set_sort_field(). Later changes go through that
   * function.
   */
  properties[PROP_SORT_FIELD] =
    g_param_spec_string ("sort-field", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StyrDocumentList:filter-field:
   *
   * The field the list is first filtered on, with
   * #StyrDocumentList:filter-value, as for styr_document_list_set_filter();
   * given at construction, the list reads only those documents' ids.
   */
  properties[PROP_FILTER_FIELD] =
    g_param_spec_string ("filter-field", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StyrDocumentList:filter-value:
   *
   * The value #StyrDocumentList:filter-field must have.
   */
  properties[PROP_FILTER_VALUE] =
    g_param_spec_string ("filter-value", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * StyrDocumentList:filtering:
   *
   * Whether the predicate or search is still being asked about some
   * documents; rows it keeps are appended until this turns %FALSE.
   */
  properties[PROP_FILTERING] =
    g_param_spec_boolean ("filtering", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StyrDocumentList:sorting:
   *
   * Whether the keys of styr_document_list_set_sort_key() are still being
   * worked out; the list takes their order when this turns %FALSE.
   */
  properties[PROP_SORTING] =
    g_param_spec_boolean ("sorting", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * StyrDocumentList:load-error:
   *
   * Why the last reload failed, or %NULL. The list then keeps showing what
   * it had.
   */
  properties[PROP_LOAD_ERROR] =
    g_param_spec_boxed ("load-error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_document_list_init (StyrDocumentList *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * styr_document_list_new:
 * @store: a #StyrStore
 * @type: a document type such as "agreement"
 *
 * Returns: (transfer full): a list of all live documents of @type, by id
 */
StyrDocumentList *
styr_document_list_new (StyrStore  *store,
                        const char *type)
{
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  return g_object_new (STYR_TYPE_DOCUMENT_LIST, "store", store, "doc-type", type, NULL);
}

StyrStore *
styr_document_list_get_store (StyrDocumentList *self)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), NULL);

  return self->store;
}

const char *
styr_document_list_get_doc_type (StyrDocumentList *self)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), NULL);

  return self->type;
}

/**
 * styr_document_list_reload:
 * @self: a #StyrDocumentList
 * @error: return location for a #GError
 *
 * Reads the list again from the store. Writes through the same store
 * reach the list by themselves; this is for after a failure.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_document_list_reload (StyrDocumentList  *self,
                           GError           **error)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), FALSE);

  return reload (self, NULL, TRUE, error);
}

/**
 * styr_document_list_set_filter:
 * @self: a #StyrDocumentList
 * @field: (nullable): a field, or %NULL for no filter
 * @value: (nullable): the value @field must have
 * @error: return location for a #GError
 *
 * Keeps only the documents whose @field is @value, such as the items of
 * one checklist.
 *
 * Returns: %TRUE on success; on failure the list is unchanged
 */
gboolean
styr_document_list_set_filter (StyrDocumentList  *self,
                               const char        *field,
                               const char        *value,
                               GError           **error)
{
  g_autofree char *old_field = NULL;
  g_autofree char *old_value = NULL;

  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), FALSE);

  old_field = g_steal_pointer (&self->filter_field);
  old_value = g_steal_pointer (&self->filter_value);
  self->filter_field = g_strdup (field);
  self->filter_value = g_strdup (value);

  if (!reload (self, NULL, TRUE, error))
    {
      g_free (self->filter_field);
      g_free (self->filter_value);
      self->filter_field = g_steal_pointer (&old_field);
      self->filter_value = g_steal_pointer (&old_value);
      return FALSE;
    }

  return TRUE;
}

/**
 * styr_document_list_set_sort_field:
 * @self: a #StyrDocumentList
 * @field: (nullable): the field to sort by, or %NULL to sort by id
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure the list is unchanged
 */
gboolean
styr_document_list_set_sort_field (StyrDocumentList  *self,
                                   const char        *field,
                                   GError           **error)
{
  g_autofree char *old = NULL;

  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), FALSE);

  old = g_steal_pointer (&self->sort_field);
  self->sort_field = g_strdup (field);

  if (!reload (self, NULL, TRUE, error))
    {
      g_free (self->sort_field);
      self->sort_field = g_steal_pointer (&old);
      return FALSE;
    }

  return TRUE;
}

/**
 * styr_document_list_set_search:
 * @self: a #StyrDocumentList
 * @search: (nullable): words that must all occur in a document's texts,
 *   ignoring case; %NULL or empty shows everything
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success; on failure the list is unchanged
 */
gboolean
styr_document_list_set_search (StyrDocumentList  *self,
                               const char        *search,
                               GError           **error)
{
  g_autoptr(GArray) old_visible = NULL;
  g_autofree char *old_folded = NULL;
  gboolean narrower;
  guint old_n;

  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), FALSE);

  if (g_strcmp0 (self->search, search) == 0)
    return TRUE;

  if (search != NULL && search[0] != '\0' && self->search_texts == NULL &&
      !load_search_texts (self, error))
    return FALSE;

  g_free (self->search);
  self->search = g_strdup (search);
  old_folded = g_steal_pointer (&self->folded_search);
  if (search != NULL && search[0] != '\0')
    self->folded_search = g_utf8_casefold (search, -1);

  /* Typing on can only keep fewer rows: every word of the old search is
   * then a prefix of a word of the new one. */
  narrower = old_folded != NULL && self->folded_search != NULL &&
             g_str_has_prefix (self->folded_search, old_folded);
  /* Rows a scan has not reached yet are not among the old ones. */
  narrower = narrower && self->scan_source == 0;

  old_n = visible_count (self);
  old_visible = g_steal_pointer (&self->visible);
  start_scan (self, narrower ? old_visible : NULL);

  /* Without a search the texts are not needed; a list of 100 000
   * agreements should not keep them, nor read them again on every save. */
  if (self->folded_search == NULL)
    {
      g_clear_pointer (&self->search_texts, g_hash_table_unref);
      g_clear_pointer (&self->texts, g_ptr_array_unref);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, visible_count (self));
  if (old_n != visible_count (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);

  return TRUE;
}

/**
 * styr_document_list_refilter:
 * @self: a #StyrDocumentList
 *
 * Asks the predicate again about every document, for when what it depends
 * on changed (the day, a threshold, the filter's choices).
 */
/* Asks the predicate again about every document, without touching the
 * sort keys. */
static void
rejudge (StyrDocumentList *self)
{
  guint old_n = visible_count (self);

  g_object_freeze_notify (G_OBJECT (self));
  g_hash_table_remove_all (self->verdicts);
  start_scan (self, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, visible_count (self));
  if (old_n != visible_count (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
styr_document_list_refilter (StyrDocumentList *self)
{
  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  if (self->key_func == NULL)
    {
      rejudge (self);
      return;
    }

  /* The keys depend on the same things; reordering reads the ids again
   * and judges them too. */
  g_hash_table_remove_all (self->verdicts);
  forget_keys (self);
  styr_document_list_reload (self, NULL);
}

/**
 * styr_document_list_set_predicate:
 * @self: a #StyrDocumentList
 * @predicate: (nullable): which records to show, or %NULL for all
 * @user_data: data for @predicate
 * @destroy: (nullable): frees @user_data
 *
 * Filters by what a record means, such as whether it needs action. Each
 * document is asked once and again only when it changes. The first
 * documents are asked at once and the rest in idle steps of the default
 * main context, so that 100 000 documents do not hold up the window; see
 * #StyrDocumentList:filtering.
 */
void
styr_document_list_set_predicate (StyrDocumentList    *self,
                                  StyrRecordPredicate  predicate,
                                  gpointer             user_data,
                                  GDestroyNotify       destroy)
{
  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  if (self->predicate_destroy != NULL)
    g_clear_pointer (&self->predicate_data, self->predicate_destroy);
  self->predicate = predicate;
  self->predicate_data = user_data;
  self->predicate_destroy = destroy;

  /* A new predicate changes which rows show, not their order. */
  rejudge (self);
}

/**
 * styr_document_list_set_sort_key:
 * @self: a #StyrDocumentList
 * @key_func: (nullable): what to order the records by, or %NULL for the
 *   order of the sort field alone
 * @descending: whether the greatest key comes first
 * @user_data: data for @key_func
 * @destroy: (nullable): frees @user_data
 *
 * Orders by what a record means, such as how many risks it has, which the
 * store cannot sort by. Records with equal keys keep the order of the
 * sort field. Each record's key is kept until it changes or the caller
 * calls styr_document_list_refilter(). On a large list the keys are worked
 * out in idle steps and the list is reordered once at the end; see
 * #StyrDocumentList:sorting.
 */
void
styr_document_list_set_sort_key (StyrDocumentList  *self,
                                  StyrRecordKeyFunc  key_func,
                                  gboolean           descending,
                                  gpointer           user_data,
                                  GDestroyNotify     destroy)
{
  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  if (key_func == NULL && self->key_func == NULL)
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  if (self->key_destroy != NULL)
    g_clear_pointer (&self->key_data, self->key_destroy);
  self->key_func = key_func;
  self->key_data = user_data;
  self->key_destroy = destroy;
  self->key_descending = descending;
  forget_keys (self);

  styr_document_list_reload (self, NULL);
}

/**
 * styr_document_list_get_sorting:
 * @self: a #StyrDocumentList
 *
 * Returns: whether sort keys are still being worked out
 */
gboolean
styr_document_list_get_sorting (StyrDocumentList *self)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), FALSE);

  return self->key_source != 0;
}

/**
 * styr_document_list_get_filtering:
 * @self: a #StyrDocumentList
 *
 * Returns: whether rows are still being judged; see
 *   #StyrDocumentList:filtering
 */
gboolean
styr_document_list_get_filtering (StyrDocumentList *self)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), FALSE);

  return self->scan_source != 0;
}

/**
 * styr_document_list_finish_filtering:
 * @self: a #StyrDocumentList
 *
 * Works out the rest of the sort keys and judges the rest of the
 * documents now, for a caller that needs the whole list in its final
 * order at once, such as an export.
 */
void
styr_document_list_finish_filtering (StyrDocumentList *self)
{
  guint old_n;

  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  /* The order first, as reordering starts the filter again. */
  if (self->key_source != 0)
    {
      g_clear_handle_id (&self->key_source, g_source_remove);
      compute_keys (self, G_MAXUINT);
      apply_keys (self);
    }

  if (self->scan_source == 0)
    return;

  old_n = self->visible->len;
  scan_some (self, G_MAXUINT);
  clear_scan (self);

  if (self->visible->len > old_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->visible->len - old_n);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERING]);
}

const char *
styr_document_list_get_search (StyrDocumentList *self)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), NULL);

  return self->search;
}

/**
 * styr_document_list_get_id:
 * @self: a #StyrDocumentList
 * @position: a position in the list
 *
 * Returns: (nullable): the id at @position, without making its record
 */
const char *
styr_document_list_get_id (StyrDocumentList *self,
                           guint             position)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), NULL);

  if (position >= visible_count (self))
    return NULL;

  return visible_id (self, position);
}

/**
 * styr_document_list_find:
 * @self: a #StyrDocumentList
 * @id: a document id
 *
 * Returns: the position of @id, or %G_MAXUINT if the list does not show it
 */
guint
styr_document_list_find (StyrDocumentList *self,
                         const char       *id)
{
  guint n;

  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), G_MAXUINT);
  g_return_val_if_fail (id != NULL, G_MAXUINT);

  n = visible_count (self);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (visible_id (self, i), id))
      return i;

  return G_MAXUINT;
}

/**
 * styr_document_list_get_n_loaded:
 * @self: a #StyrDocumentList
 *
 * Returns: how many records the list holds made at the moment, which stays
 *   small however long the list is
 */
guint
styr_document_list_get_n_loaded (StyrDocumentList *self)
{
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (self), 0);

  return g_hash_table_size (self->cache);
}
