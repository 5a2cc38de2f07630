/* styr-meeting-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-meeting-model"

#include "config.h"

#include "styr-list-diff.h"
#include "styr-meeting-actions.h"
#include "styr-meeting-model.h"

/* StyrMeetingModel: the meetings as StyrMeetingEntry rows, those ahead
 * first, soonest first, then the earlier ones, latest first. It follows
 * the meetings, their states, the server's confirmations and the day: a
 * chosen date or a registration changes the entry in place; a meeting
 * that moves, or a new one, is the rows between in and out.
 */
struct _StyrMeetingModel
{
  GObject    parent_instance;

  StyrStore *store;
  StyrClock *clock;
  GPtrArray *entries; /* StyrMeetingEntry */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrMeetingModel, styr_meeting_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
styr_meeting_model_get_item_type (GListModel *model)
{
  return STYR_TYPE_MEETING_ENTRY;
}

static guint
styr_meeting_model_get_n_items (GListModel *model)
{
  return STYR_MEETING_MODEL (model)->entries->len;
}

static gpointer
styr_meeting_model_get_item (GListModel *model,
                             guint       position)
{
  StyrMeetingModel *self = STYR_MEETING_MODEL (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = styr_meeting_model_get_item_type;
  iface->get_n_items = styr_meeting_model_get_n_items;
  iface->get_item = styr_meeting_model_get_item;
}

typedef struct
{
  GDate today;
} Order;

/* Ahead first, soonest first; then the earlier ones, latest first; a
 * meeting without a day last. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Order *order = user_data;
  StyrMeetingEntry *x = *(StyrMeetingEntry **) a;
  StyrMeetingEntry *y = *(StyrMeetingEntry **) b;
  gboolean ux = styr_meeting_entry_get_upcoming (x);
  gboolean uy = styr_meeting_entry_get_upcoming (y);
  GDate dx, dy;
  gboolean hx, hy;

  if (ux != uy)
    return ux ? -1 : 1;
  hx = styr_meeting_get_filing_day (styr_meeting_entry_get_meeting (x),
                                    styr_meeting_entry_get_state (x), &order->today, &dx);
  hy = styr_meeting_get_filing_day (styr_meeting_entry_get_meeting (y),
                                    styr_meeting_entry_get_state (y), &order->today, &dy);
  if (hx != hy)
    return hx ? -1 : 1;
  if (hx && g_date_compare (&dx, &dy) != 0)
    return ux ? g_date_compare (&dx, &dy) : g_date_compare (&dy, &dx);
  return g_strcmp0 (styr_meeting_entry_get_id (x), styr_meeting_entry_get_id (y));
}

static void
reload (StyrMeetingModel *self)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (self->store, "meeting", NULL, NULL, NULL, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) old = g_ptr_array_ref (self->entries);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  Order order;

  styr_clock_get_today (self->clock, &order.today);
  for (guint i = 0; i < old->len; i++)
    g_hash_table_insert (by_id, g_strdup (styr_meeting_entry_get_id (g_ptr_array_index (old, i))),
                         g_ptr_array_index (old, i));

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(StyrRecord) meeting = styr_record_read (self->store, id);
      StyrMeetingEntry *entry;

      if (meeting == NULL || !STYR_IS_MEETING (meeting))
        continue;
      entry = g_hash_table_lookup (by_id, id);
      entry = entry != NULL ? g_object_ref (entry) : styr_meeting_entry_new (STYR_MEETING (meeting));
      styr_meeting_entry_read (entry, STYR_MEETING (meeting), self->store, &order.today);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort_with_data (entries, compare_entries, &order);
  styr_list_diff_replace (G_LIST_MODEL (self), &self->entries, entries);
}

static void
styr_meeting_model_dispose (GObject *object)
{
  StyrMeetingModel *self = (StyrMeetingModel *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (styr_meeting_model_parent_class)->dispose (object);
}

static void
styr_meeting_model_finalize (GObject *object)
{
  StyrMeetingModel *self = (StyrMeetingModel *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_meeting_model_parent_class)->finalize (object);
}

static void
styr_meeting_model_class_init (StyrMeetingModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = styr_meeting_model_dispose;
  object_class->finalize = styr_meeting_model_finalize;
}

static void
styr_meeting_model_init (StyrMeetingModel *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * styr_meeting_model_new:
 * @store: the store
 * @clock: the clock: what lies ahead depends on the day
 *
 * Returns: (transfer full): the meetings, following the store
 */
StyrMeetingModel *
styr_meeting_model_new (StyrStore *store,
                        StyrClock *clock)
{
  static const char *const types[] = { "meeting", "meeting-state" };
  StyrMeetingModel *self;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (STYR_IS_CLOCK (clock), NULL);

  self = g_object_new (STYR_TYPE_MEETING_MODEL, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", types[i], NULL);

      g_signal_connect_object (store, signal, G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (store, "sync-marks-changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

/**
 * styr_meeting_model_find:
 * @self: a model
 * @id: a meeting's id
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): its entry
 */
StyrMeetingEntry *
styr_meeting_model_find (StyrMeetingModel *self,
                         const char       *id,
                         guint            *position)
{
  g_return_val_if_fail (STYR_IS_MEETING_MODEL (self), NULL);

  for (guint i = 0; id != NULL && i < self->entries->len; i++)
    if (g_str_equal (styr_meeting_entry_get_id (g_ptr_array_index (self->entries, i)), id))
      {
        if (position != NULL)
          *position = i;
        return g_ptr_array_index (self->entries, i);
      }
  return NULL;
}

/**
 * styr_meeting_model_entry:
 * @self: a model
 * @position: a position
 *
 * Returns: (transfer none) (nullable): the entry at @position
 */
StyrMeetingEntry *
styr_meeting_model_entry (StyrMeetingModel *self,
                          guint             position)
{
  g_return_val_if_fail (STYR_IS_MEETING_MODEL (self), NULL);

  return position < self->entries->len ? g_ptr_array_index (self->entries, position) : NULL;
}
