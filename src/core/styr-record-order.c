/* styr-record-order.c: a list's order by what its records mean, such as
 * how many risks an agreement has, worked out in idle steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-record-order"

#include "config.h"

#include "styr-record-order.h"

/* Records made for their key per idle step: under one frame. */
#define KEY_BUDGET 600

/* The order sits on top of the store's: records with equal keys keep it.
 * Keys are kept, id → key + 1, until a record changes or the caller says
 * what they depend on did. */
struct _StyrRecordOrder
{
  StyrStore  *store;
  StyrRecordOrderReady ready;
  gpointer    ready_data;

  StyrRecordKeyFunc   key_func;
  gpointer            key_data;
  GDestroyNotify      key_destroy;
  gboolean            descending;
  GHashTable         *keys;

  /* An idle pass working out the keys of these ids. */
  GPtrArray  *ids;
  guint       source;
  guint       position;
};

/**
 * styr_record_order_new:
 * @store: the store the records are read from
 * @ready: called when an idle pass has every key
 * @user_data: data for @ready
 *
 * Returns: (transfer full): an order with no key: the store's
 */
StyrRecordOrder *
styr_record_order_new (StyrStore            *store,
                       StyrRecordOrderReady  ready,
                       gpointer              user_data)
{
  StyrRecordOrder *self = g_new0 (StyrRecordOrder, 1);

  self->store = g_object_ref (store);
  self->ready = ready;
  self->ready_data = user_data;
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

static void
stop (StyrRecordOrder *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  self->position = 0;
}

void
styr_record_order_free (StyrRecordOrder *self)
{
  if (self == NULL)
    return;

  stop (self);
  if (self->key_destroy != NULL)
    g_clear_pointer (&self->key_data, self->key_destroy);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_object_unref (self->store);
  g_free (self);
}

/**
 * styr_record_order_set_key:
 * @self: a #StyrRecordOrder
 * @key_func: (nullable): what to order by, or %NULL for the store's order
 * @descending: whether the greatest key comes first
 * @user_data: data for @key_func
 * @destroy: (nullable): frees @user_data
 *
 * Forgets every key; takes effect with the next styr_record_order_sort().
 */
void
styr_record_order_set_key (StyrRecordOrder   *self,
                           StyrRecordKeyFunc  key_func,
                           gboolean           descending,
                           gpointer           user_data,
                           GDestroyNotify     destroy)
{
  if (self->key_destroy != NULL)
    g_clear_pointer (&self->key_data, self->key_destroy);
  self->key_func = key_func;
  self->key_data = user_data;
  self->key_destroy = destroy;
  self->descending = descending;
  styr_record_order_forget (self, NULL);
}

gboolean
styr_record_order_has_key (StyrRecordOrder *self)
{
  return self->key_func != NULL;
}

/**
 * styr_record_order_forget:
 * @self: a #StyrRecordOrder
 * @changed: (nullable): the ids whose documents changed, as a set; %NULL
 *   for all, which also stops a pass working them out
 */
void
styr_record_order_forget (StyrRecordOrder *self,
                          GHashTable      *changed)
{
  GHashTableIter iter;
  gpointer id;

  if (changed == NULL)
    {
      stop (self);
      g_hash_table_remove_all (self->keys);
      return;
    }

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_remove (self->keys, id);
}

static int
key_of (StyrRecordOrder *self,
        const char      *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->keys, id)) - 1;
}

/* Works out keys from where the pass stopped until @budget records have
 * been made. Returns %TRUE when every id has its key. */
static gboolean
compute_keys (StyrRecordOrder *self,
              guint            budget)
{
  guint made = 0;

  while (self->position < self->ids->len && made < budget)
    {
      const char *id = g_ptr_array_index (self->ids, self->position++);
      g_autoptr(StyrRecord) record = NULL;
      int key = 0;

      if (g_hash_table_contains (self->keys, id))
        continue;

      made++;
      record = styr_record_read (self->store, id);
      if (record != NULL)
        key = self->key_func (record, self->key_data);
      g_hash_table_insert (self->keys, g_strdup (id), GINT_TO_POINTER (MAX (key, 0) + 1));
    }

  return self->position >= self->ids->len;
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

/**
 * styr_record_order_apply:
 * @self: a #StyrRecordOrder
 * @ids: (element-type utf8): ids whose keys are all known
 *
 * Orders @ids by key, in place. The keys are looked up once each, not on
 * every comparison: 100 000 ids would otherwise cost millions of lookups.
 */
void
styr_record_order_apply (StyrRecordOrder *self,
                         GPtrArray       *ids)
{
  g_autofree Keyed *keyed = g_new (Keyed, ids->len);
  g_autofree gpointer *copy = g_memdup2 (ids->pdata, sizeof (gpointer) * ids->len);

  for (guint i = 0; i < ids->len; i++)
    keyed[i] = (Keyed) { key_of (self, g_ptr_array_index (ids, i)), i };

  g_qsort_with_data (keyed, ids->len, sizeof (Keyed), compare_keyed,
                     GINT_TO_POINTER (self->descending));

  for (guint i = 0; i < ids->len; i++)
    ids->pdata[i] = copy[keyed[i].index];
}

static gboolean
key_step_cb (gpointer user_data)
{
  StyrRecordOrder *self = user_data;

  if (!compute_keys (self, KEY_BUDGET))
    return G_SOURCE_CONTINUE;

  self->source = 0;
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  self->ready (self->ready_data);
  return G_SOURCE_REMOVE;
}

/**
 * styr_record_order_sort:
 * @self: a #StyrRecordOrder
 * @ids: (element-type utf8): freshly read ids, in the store's order
 *
 * Puts @ids in key order: at once when few keys are missing, else after
 * an idle pass, which calls the ready function at its end.
 *
 * Returns: %TRUE if @ids are in their final order now
 */
gboolean
styr_record_order_sort (StyrRecordOrder *self,
                        GPtrArray       *ids)
{
  stop (self);
  if (self->key_func == NULL)
    return TRUE;

  self->ids = g_ptr_array_ref (ids);
  /* With more keys missing than one step makes, the ids cannot be in
   * order now anyway: the whole pass waits for idle, after the frame that
   * shows the list, instead of its first step holding that frame. */
  if (ids->len <= g_hash_table_size (self->keys) + KEY_BUDGET && compute_keys (self, KEY_BUDGET))
    {
      stop (self);
      styr_record_order_apply (self, ids);
      return TRUE;
    }

  self->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, key_step_cb, self, NULL);
  return FALSE;
}

/**
 * styr_record_order_is_running:
 * @self: a #StyrRecordOrder
 *
 * Returns: whether keys are still being worked out
 */
gboolean
styr_record_order_is_running (StyrRecordOrder *self)
{
  return self->source != 0;
}

/**
 * styr_record_order_finish:
 * @self: a #StyrRecordOrder
 * @ids: (element-type utf8): the ids a pass is working on
 *
 * Works out the rest of the keys now and orders @ids, for a caller that
 * needs the final order at once.
 *
 * Returns: %TRUE if a pass was running and @ids were reordered
 */
gboolean
styr_record_order_finish (StyrRecordOrder *self,
                          GPtrArray       *ids)
{
  if (self->source == 0)
    return FALSE;

  g_clear_handle_id (&self->source, g_source_remove);
  compute_keys (self, G_MAXUINT);
  stop (self);
  styr_record_order_apply (self, ids);
  return TRUE;
}
