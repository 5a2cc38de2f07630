/* styr-checklist-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist-model"

#include "config.h"

#include "styr-checklist-actions.h"
#include "styr-checklist-model.h"
#include "styr-list-diff.h"

/* StyrChecklistModel: the items of one checklist, in their order, as
 * StyrChecklistEntry rows — or the integrations of every ticked
 * checklist, by system and service. It follows the store: an added or
 * deleted item is one row in or out; an edited item, a tick, a note, a
 * colleague's change, a new holder of a role, a confirmation from the
 * server or a new day change the entries in place, so the rows stay with
 * their selection, focus and scroll place.
 */
struct _StyrChecklistModel
{
  GObject    parent_instance;

  StyrStore *store;
  StyrClock *clock;
  char      *checklist;   /* NULL: the integrations */
  GPtrArray *entries;     /* StyrChecklistEntry */
  guint      n_done;
  GError    *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrChecklistModel, styr_checklist_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the rows say comes from these documents besides the items. */
static const char *const read_from[] = {
  "checklist-item-state", "task", "task-state", "role", "assignment", "person",
};

static GType
styr_checklist_model_get_item_type (GListModel *model)
{
  return STYR_TYPE_CHECKLIST_ENTRY;
}

static guint
styr_checklist_model_get_n_items (GListModel *model)
{
  return STYR_CHECKLIST_MODEL (model)->entries->len;
}

static gpointer
styr_checklist_model_get_item (GListModel *model,
                               guint       position)
{
  StyrChecklistModel *self = STYR_CHECKLIST_MODEL (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = styr_checklist_model_get_item_type;
  iface->get_n_items = styr_checklist_model_get_n_items;
  iface->get_item = styr_checklist_model_get_item;
}

static int
compare_integrations (gconstpointer a,
                      gconstpointer b)
{
  JsonObject *ia = styr_checklist_item_get_integration (*(StyrChecklistItem **) a);
  JsonObject *ib = styr_checklist_item_get_integration (*(StyrChecklistItem **) b);
  int by_system = g_strcmp0 (json_object_get_string_member_with_default (ia, "system", NULL),
                             json_object_get_string_member_with_default (ib, "system", NULL));

  return by_system != 0 ? -by_system
                        : g_strcmp0 (json_object_get_string_member_with_default (ia, "service",
                                                                                 NULL),
                                     json_object_get_string_member_with_default (ib, "service",
                                                                                 NULL));
}

/* The items the list shows, in its order. */
static GPtrArray *
list_items (StyrChecklistModel  *self,
            GError             **error)
{
  g_autoptr(GPtrArray) checklists = NULL;
  GPtrArray *items;

  if (self->checklist != NULL)
    return styr_checklist_list_items (self->store, self->checklist, error);

  checklists = styr_checklist_list_ticked (self->store, NULL, error);
  if (checklists == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < checklists->len; i++)
    {
      g_autoptr(GPtrArray) of_one = NULL;

      of_one = styr_checklist_list_items (self->store,
                                          styr_record_get_key (g_ptr_array_index (checklists, i)),
                                          error);
      if (of_one == NULL)
        {
          g_ptr_array_unref (items);
          return NULL;
        }
      for (guint j = 0; j < of_one->len; j++)
        if (styr_checklist_item_get_integration (g_ptr_array_index (of_one, j)) != NULL)
          g_ptr_array_add (items, g_object_ref (g_ptr_array_index (of_one, j)));
    }
  g_ptr_array_sort (items, compare_integrations);
  return items;
}

static void
count_done (StyrChecklistModel *self)
{
  guint done = 0;

  for (guint i = 0; i < self->entries->len; i++)
    done += styr_checklist_entry_get_done (g_ptr_array_index (self->entries, i));
  if (done == self->n_done)
    return;
  self->n_done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

/* Every entry reads the store again; only what changed is notified. */
static void
refresh (StyrChecklistModel *self)
{
  GDate today;

  styr_clock_get_today (self->clock, &today);
  for (guint i = 0; i < self->entries->len; i++)
    styr_checklist_entry_read (g_ptr_array_index (self->entries, i), self->store, &today);
  count_done (self);
}

static const char *
entry_id (GPtrArray *entries,
          guint      i)
{
  return styr_checklist_entry_get_id (g_ptr_array_index (entries, i));
}

/* The items anew: entries of items still there stay, with the newer
 * revision; the rows between the first and the last difference are
 * replaced, one insertion or deletion being one row. */
static void
reload (StyrChecklistModel *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  guint old_n;

  items = list_items (self, &error);
  if (items == NULL)
    {
      /* The rows stay as they were; whoever shows the list says why. */
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      return;
    }
  g_clear_error (&self->error);

  old = g_ptr_array_ref (self->entries);
  old_n = old->len;
  for (guint i = 0; i < old->len; i++)
    g_hash_table_insert (by_id, g_strdup (entry_id (old, i)), g_ptr_array_index (old, i));

  entries = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      StyrChecklistItem *item = g_ptr_array_index (items, i);
      StyrChecklistEntry *entry = g_hash_table_lookup (by_id,
                                                       styr_record_get_id (STYR_RECORD (item)));

      if (entry != NULL)
        {
          g_object_ref (entry);
          styr_checklist_entry_set_item (entry, item);
        }
      else
        entry = styr_checklist_entry_new (item);
      g_ptr_array_add (entries, entry);
    }
  /* The entries are read before any view sees them. */
  {
    GDate today;

    styr_clock_get_today (self->clock, &today);
    for (guint i = 0; i < entries->len; i++)
      styr_checklist_entry_read (g_ptr_array_index (entries, i), self->store, &today);
  }
  styr_list_diff_replace (G_LIST_MODEL (self), &self->entries, entries);
  count_done (self);
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
styr_checklist_model_dispose (GObject *object)
{
  StyrChecklistModel *self = (StyrChecklistModel *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (styr_checklist_model_parent_class)->dispose (object);
}

static void
styr_checklist_model_finalize (GObject *object)
{
  StyrChecklistModel *self = (StyrChecklistModel *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->checklist, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (styr_checklist_model_parent_class)->finalize (object);
}

static void
styr_checklist_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StyrChecklistModel *self = STYR_CHECKLIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_checklist_model_class_init (StyrChecklistModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = styr_checklist_model_dispose;
  object_class->finalize = styr_checklist_model_finalize;
  object_class->get_property = styr_checklist_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_checklist_model_init (StyrChecklistModel *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

static StyrChecklistModel *
model_new (StyrStore  *store,
           StyrClock  *clock,
           const char *checklist_key)
{
  StyrChecklistModel *self = g_object_new (STYR_TYPE_CHECKLIST_MODEL, NULL);

  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->checklist = g_strdup (checklist_key);

  g_signal_connect_object (store, "documents-changed::checklist-item", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  if (checklist_key == NULL)
    g_signal_connect_object (store, "documents-changed::checklist", G_CALLBACK (reload), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (read_from); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", read_from[i], NULL);

      g_signal_connect_object (store, signal, G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (store, "sync-marks-changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);

  reload (self);
  return self;
}

/**
 * styr_checklist_model_new:
 * @store: the store
 * @clock: the clock, for what is late
 * @checklist_key: the checklist's key, e.g. "CL-OIR-BASIS"
 *
 * Returns: (transfer full): the checklist's items, following the store
 */
StyrChecklistModel *
styr_checklist_model_new (StyrStore  *store,
                          StyrClock  *clock,
                          const char *checklist_key)
{
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (STYR_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (checklist_key != NULL, NULL);

  return model_new (store, clock, checklist_key);
}

/**
 * styr_checklist_model_new_integrations:
 * @store: the store
 * @clock: the clock, for what is late
 *
 * Returns: (transfer full): the items of every ticked checklist that are
 *   an integration to set up, by using system and service
 */
StyrChecklistModel *
styr_checklist_model_new_integrations (StyrStore *store,
                                       StyrClock *clock)
{
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (STYR_IS_CLOCK (clock), NULL);

  return model_new (store, clock, NULL);
}

/**
 * styr_checklist_model_get_checklist:
 * @self: a model
 *
 * Returns: (nullable): the checklist's key, %NULL for the integrations
 */
const char *
styr_checklist_model_get_checklist (StyrChecklistModel *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_MODEL (self), NULL);

  return self->checklist;
}

/**
 * styr_checklist_model_get_store:
 * @self: a model
 *
 * Returns: (transfer none): the store it follows
 */
StyrStore *
styr_checklist_model_get_store (StyrChecklistModel *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_MODEL (self), NULL);

  return self->store;
}

/**
 * styr_checklist_model_get_today:
 * @self: a model
 * @today: (out): the day its entries were read for
 */
void
styr_checklist_model_get_today (StyrChecklistModel *self,
                                GDate              *today)
{
  g_return_if_fail (STYR_IS_CHECKLIST_MODEL (self));

  styr_clock_get_today (self->clock, today);
}

guint
styr_checklist_model_get_n_done (StyrChecklistModel *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_MODEL (self), 0);

  return self->n_done;
}

/**
 * styr_checklist_model_find:
 * @self: a model
 * @item_id: an item's id
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): its entry, %NULL if the list does
 *   not show it
 */
StyrChecklistEntry *
styr_checklist_model_find (StyrChecklistModel *self,
                           const char         *item_id,
                           guint              *position)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_MODEL (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (entry_id (self->entries, i), item_id))
      {
        if (position != NULL)
          *position = i;
        return g_ptr_array_index (self->entries, i);
      }
  return NULL;
}

/**
 * styr_checklist_model_get_error:
 * @self: a model
 *
 * Returns: (nullable): why the last reading of the items failed, while
 *   the list shows what it had before
 */
const GError *
styr_checklist_model_get_error (StyrChecklistModel *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_MODEL (self), NULL);

  return self->error;
}

/**
 * styr_checklist_model_set_done:
 * @self: a model
 * @entry: one of its entries
 * @done: ticked or not
 * @author: who ticks it
 * @error: return location for a #GError
 *
 * Ticks or unticks @entry's item today, over the state the entry shows,
 * so that a colleague's tick in between is not overwritten unseen.
 *
 * Returns: %TRUE if the tick was written
 */
gboolean
styr_checklist_model_set_done (StyrChecklistModel  *self,
                               StyrChecklistEntry  *entry,
                               gboolean             done,
                               const char          *author,
                               GError             **error)
{
  StyrChecklistItemState *state;
  GDate today;

  g_return_val_if_fail (STYR_IS_CHECKLIST_MODEL (self), FALSE);
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (entry), FALSE);

  state = styr_checklist_entry_get_state (entry);
  styr_clock_get_today (self->clock, &today);
  return styr_checklist_item_set_done (self->store, styr_checklist_entry_get_item (entry),
                                       state != NULL ? styr_record_get_rev (STYR_RECORD (state))
                                                     : NULL,
                                       done, author, &today, NULL, error);
}
