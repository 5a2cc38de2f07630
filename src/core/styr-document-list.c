/* styr-document-list.c: the records of one type as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-document-list"

#include "config.h"

#include "styr-document-list.h"
#include "styr-work.h"
#include "styr-record-filter.h"
#include "styr-record-order.h"
#include "styr-search-index.h"

/* StyrDocumentList is a GListModel of the records of one type, kept lazy so
 * that 100 000 documents cost 100 000 ids and not 100 000 objects: a record
 * is made when a row asks for it, and a bounded cache keeps the ones on
 * screen. Filtering, sorting and searching happen below it, on ids and
 * texts (styr-search-index.c, styr-record-filter.c, styr-record-order.c),
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
  char       *folded_search;
  GError     *load_error;

  /* The matching ids in order; which of them show is the filter's. */
  GPtrArray  *ids;
  /* Bumped whenever ids change or are reordered. */
  guint       ids_generation;
  StyrSearchIndex  *index;
  StyrRecordFilter *filter;
  StyrRecordOrder  *order;
  /* The search that waits for the index's texts. */
  char       *requested_search;
  gboolean    search_requested;
  /* id → StyrRecord, the records made so far. */
  GHashTable *cache;
};

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

static guint
visible_count (StyrDocumentList *self)
{
  GArray *visible = styr_record_filter_get_visible (self->filter);

  return visible != NULL ? visible->len : self->ids->len;
}

static const char *
visible_id (StyrDocumentList *self,
            guint             position)
{
  GArray *visible = styr_record_filter_get_visible (self->filter);
  guint index = visible != NULL ? g_array_index (visible, guint, position) : position;

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
  const char *id;

  if (position >= visible_count (self))
    return NULL;

  id = visible_id (self, position);
  record = g_hash_table_lookup (self->cache, id);
  if (record != NULL)
    return g_object_ref (record);

  body = styr_store_get (self->store, id, &rev, &error);
  if (body == NULL)
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
  styr_work_read_sync_marks (self->store, record);

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

/* The ids changed or were reordered: the texts follow them. */
static void
ids_changed (StyrDocumentList *self)
{
  self->ids_generation++;
  styr_search_index_align (self->index, self->ids, self->ids_generation);
}

/* Sets the visible rows anew for the search and the predicate, @within
 * as styr_record_filter_start(); the caller tells the views. */
static void
start_filter (StyrDocumentList *self,
              GArray           *within)
{
  gboolean was_filtering = styr_record_filter_is_running (self->filter);

  styr_record_filter_start (self->filter, self->ids, self->index, self->folded_search, within);
  if (was_filtering != styr_record_filter_is_running (self->filter))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERING]);
}

/* Tells the views about rows the filter appended in an idle step. */
static void
filter_progress (guint    old_n,
                 gboolean done,
                 gpointer user_data)
{
  StyrDocumentList *self = user_data;
  guint n = visible_count (self);

  if (n > old_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  if (done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERING]);
}

/* The ids are in their new order: tells the views, then notifies. */
static void
reordered (StyrDocumentList *self)
{
  guint old_n = visible_count (self);

  g_object_freeze_notify (G_OBJECT (self));
  ids_changed (self);
  start_filter (self, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, visible_count (self));
  if (old_n != visible_count (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTING]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Every key is known. */
static void
order_ready (gpointer user_data)
{
  StyrDocumentList *self = user_data;

  styr_record_order_apply (self->order, self->ids);
  reordered (self);
}

/* Puts freshly read ids in key order, now or after an idle pass. */
static void
order_ids (StyrDocumentList *self)
{
  gboolean was_sorting = styr_record_order_is_running (self->order);

  styr_record_order_sort (self->order, self->ids);
  if (was_sorting != styr_record_order_is_running (self->order))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTING]);
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

/* The texts a prefetch read are in, or could not be used: the search that
 * waited for them runs, reading them itself if need be. */
static void
texts_read (gpointer user_data)
{
  StyrDocumentList *self = user_data;
  g_autofree char *search = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->search_requested)
    return;

  search = g_steal_pointer (&self->requested_search);
  self->search_requested = FALSE;
  if (!styr_document_list_set_search (self, search, &error))
    set_load_error (self, g_steal_pointer (&error));
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
  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  styr_search_index_read_in_thread (self->index);
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

  if (search == NULL || search[0] == '\0' || styr_search_index_is_loaded (self->index))
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

  if (!styr_search_index_update (self->index, changed, everything, error))
    return FALSE;

  /* What changed is made and judged afresh. */
  if (everything)
    {
      g_hash_table_remove_all (self->cache);
      styr_record_filter_forget (self->filter, NULL);
      /* A new sort field or filter changes no record; only a bulk change
       * in the store does. */
      if (changed != NULL)
        styr_record_order_forget (self->order, NULL);
    }
  else if (changed != NULL)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, changed);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_remove (self->cache, id);
      styr_record_filter_forget (self->filter, changed);
      styr_record_order_forget (self->order, changed);
    }

  old_n = visible_count (self);
  old_ids = g_steal_pointer (&self->ids);
  old_visible = styr_record_filter_steal_visible (self->filter);
  self->ids = g_steal_pointer (&ids);
  order_ids (self);
  ids_changed (self);
  start_filter (self, NULL);
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

/* Records whose state or sync marks changed read their marks again; the
 * rows that show them follow their notifications, so nothing is made
 * anew and the views keep selection, focus and scroll. A row whose
 * record is no longer cached gets a fresh one, with fresh marks. */
static void
refresh_records (StyrDocumentList *self,
                 GHashTable       *ids)
{
  guint n = visible_count (self);
  guint first = G_MAXUINT, last = 0;
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (ids) == 0)
    return;
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      StyrRecord *record = g_hash_table_lookup (self->cache, id);

      if (record != NULL)
        styr_work_read_sync_marks (self->store, record);
    }
  /* One items-changed over all of them, however many sync confirmed:
   * the cached records in between come back as the same objects. */
  for (guint i = 0; i < n; i++)
    if (g_hash_table_contains (ids, visible_id (self, i)) &&
        !g_hash_table_contains (self->cache, visible_id (self, i)))
      {
        first = MIN (first, i);
        last = i;
      }
  if (first != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
}

/* "task-state:KEY" changed: the row of "task:KEY" shows it. */
static void
states_changed_cb (StyrDocumentList    *self,
                   const char          *type,
                   const char * const  *ids,
                   StyrStore           *store)
{
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      char *id = styr_work_id_of_state (ids[i]);

      if (g_str_equal (ids[i], "*"))
        {
          g_hash_table_remove_all (self->cache);
          g_list_model_items_changed (G_LIST_MODEL (self), 0, visible_count (self),
                                      visible_count (self));
          return;
        }
      if (id != NULL)
        g_hash_table_add (changed, id);
    }
  refresh_records (self, changed);
}

/* Whether the server has confirmed a change shows in the row. */
static void
marks_changed_cb (StyrDocumentList    *self,
                  const char * const  *ids,
                  StyrStore           *store)
{
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      char *id = styr_work_id_of_state (ids[i]);

      g_hash_table_add (changed, id != NULL ? id : g_strdup (ids[i]));
    }
  refresh_records (self, changed);
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

  self->index = styr_search_index_new (self->store, self->type, texts_read, self);
  self->filter = styr_record_filter_new (self->store, filter_progress, self);
  self->order = styr_record_order_new (self->store, order_ready, self);
  g_signal_connect_object (self->store, signal, G_CALLBACK (documents_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (styr_work_state_type (self->type) != NULL)
    {
      g_autofree char *states = g_strconcat ("documents-changed::",
                                             styr_work_state_type (self->type), NULL);

      g_signal_connect_object (self->store, states, G_CALLBACK (states_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->store, "sync-marks-changed", G_CALLBACK (marks_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->ids = styr_store_find_ids (self->store, self->type, self->filter_field,
                                   self->filter_value, self->sort_field, &error);
  if (self->ids == NULL)
    {
      self->ids = g_ptr_array_new_with_free_func (g_free);
      self->load_error = g_steal_pointer (&error);
    }
  ids_changed (self);
}

static void
styr_document_list_dispose (GObject *object)
{
  StyrDocumentList *self = (StyrDocumentList *)object;

  /* Their idle steps and the worker's answer call back into the list. */
  g_clear_pointer (&self->filter, styr_record_filter_free);
  g_clear_pointer (&self->order, styr_record_order_free);
  g_clear_pointer (&self->index, styr_search_index_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
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
      g_value_set_boolean (value, styr_record_filter_is_running (self->filter));
      break;

    case PROP_SORTING:
      g_value_set_boolean (value, styr_record_order_is_running (self->order));
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

  if (search != NULL && search[0] != '\0' && !styr_search_index_is_loaded (self->index) &&
      !styr_search_index_load (self->index, error))
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
  narrower = narrower && !styr_record_filter_is_running (self->filter);

  old_n = visible_count (self);
  old_visible = styr_record_filter_steal_visible (self->filter);
  start_filter (self, narrower ? old_visible : NULL);

  /* Without a search the texts are not needed; a list of 100 000
   * agreements should not keep them, nor read them again on every save. */
  if (self->folded_search == NULL)
    styr_search_index_clear (self->index);

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
  styr_record_filter_forget (self->filter, NULL);
  start_filter (self, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, visible_count (self));
  if (old_n != visible_count (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
styr_document_list_refilter (StyrDocumentList *self)
{
  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  if (!styr_record_order_has_key (self->order))
    {
      rejudge (self);
      return;
    }

  /* The keys depend on the same things; reordering reads the ids again
   * and judges them too. */
  styr_record_filter_forget (self->filter, NULL);
  styr_record_order_forget (self->order, NULL);
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

  styr_record_filter_set_predicate (self->filter, predicate, user_data, destroy);

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

  if (key_func == NULL && !styr_record_order_has_key (self->order))
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  styr_record_order_set_key (self->order, key_func, descending, user_data, destroy);

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

  return styr_record_order_is_running (self->order);
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

  return styr_record_filter_is_running (self->filter);
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
  g_return_if_fail (STYR_IS_DOCUMENT_LIST (self));

  /* The order first, as reordering starts the filter again. */
  if (styr_record_order_finish (self->order, self->ids))
    reordered (self);
  styr_record_filter_finish (self->filter);
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
