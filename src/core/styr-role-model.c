/* styr-role-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-role-model"

#include "config.h"

#include "styr-list-diff.h"
#include "styr-role-model.h"

/* StyrRoleModel: the Rollegalleri's roles, by name, as StyrRoleEntry
 * rows with how each is held today. It follows roles, people,
 * assignments, the server's confirmations and the day: a role keeps its
 * entry, changed in place, so its row stays open where the user opened
 * it; a new or deleted role is one row in or out.
 */
struct _StyrRoleModel
{
  GObject             parent_instance;

  StyrStore          *store;
  StyrClock          *clock;
  StyrRuleThresholds  thresholds;
  GPtrArray          *entries;  /* StyrRoleEntry */
  guint               n_vacant;
  guint               n_gaps;
  GError             *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StyrRoleModel, styr_role_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_VACANT,
  PROP_N_GAPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
styr_role_model_get_item_type (GListModel *model)
{
  return STYR_TYPE_ROLE_ENTRY;
}

static guint
styr_role_model_get_n_items (GListModel *model)
{
  return STYR_ROLE_MODEL (model)->entries->len;
}

static gpointer
styr_role_model_get_item (GListModel *model,
                          guint       position)
{
  StyrRoleModel *self = STYR_ROLE_MODEL (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = styr_role_model_get_item_type;
  iface->get_n_items = styr_role_model_get_n_items;
  iface->get_item = styr_role_model_get_item;
}

static void
set_count (StyrRoleModel *self,
           guint         *field,
           guint          value,
           guint          prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* How every role is held, read again; entries of roles still there stay. */
static void
reload (StyrRoleModel *self)
{
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old = NULL;
  GPtrArray *entries;
  guint vacant = 0, gaps = 0;
  GDate today;

  styr_clock_get_today (self->clock, &today);
  coverage = styr_roles_coverage (self->store, &today, &self->thresholds, &error);
  if (coverage == NULL)
    {
      /* The rows stay as they were; whoever shows the list says why. */
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      return;
    }
  g_clear_error (&self->error);

  old = g_ptr_array_ref (self->entries);
  for (guint i = 0; i < old->len; i++)
    g_hash_table_insert (by_id, g_strdup (styr_role_entry_get_id (g_ptr_array_index (old, i))),
                         g_ptr_array_index (old, i));

  /* The coverage moves into the entries. */
  g_ptr_array_set_free_func (coverage, NULL);
  entries = g_ptr_array_new_full (coverage->len, g_object_unref);
  for (guint i = 0; i < coverage->len; i++)
    {
      StyrRoleCoverage *one = g_ptr_array_index (coverage, i);
      g_autofree char *id = g_strconcat ("role:", one->role, NULL);
      StyrRoleEntry *entry = g_hash_table_lookup (by_id, id);

      /* Counted before the entry takes it, maybe to free it. */
      vacant += (one->flags & STYR_COVERAGE_VACANT) != 0;
      gaps += one->flags != STYR_COVERAGE_NONE && !(one->flags & STYR_COVERAGE_VACANT);
      if (entry != NULL)
        {
          g_object_ref (entry);
          styr_role_entry_set_coverage (entry, one);
        }
      else
        entry = styr_role_entry_new (one);
      styr_role_entry_read (entry, self->store);
      g_ptr_array_add (entries, entry);
    }

  styr_list_diff_replace (G_LIST_MODEL (self), &self->entries, entries);
  set_count (self, &self->n_vacant, vacant, PROP_N_VACANT);
  set_count (self, &self->n_gaps, gaps, PROP_N_GAPS);
}

/* A confirmation from the server changes no coverage, only marks. */
static void
marks_changed_cb (StyrRoleModel *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    styr_role_entry_read (g_ptr_array_index (self->entries, i), self->store);
}

static void
styr_role_model_dispose (GObject *object)
{
  StyrRoleModel *self = (StyrRoleModel *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (styr_role_model_parent_class)->dispose (object);
}

static void
styr_role_model_finalize (GObject *object)
{
  StyrRoleModel *self = (StyrRoleModel *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (styr_role_model_parent_class)->finalize (object);
}

static void
styr_role_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StyrRoleModel *self = STYR_ROLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_VACANT:
      g_value_set_uint (value, self->n_vacant);
      break;

    case PROP_N_GAPS:
      g_value_set_uint (value, self->n_gaps);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_role_model_class_init (StyrRoleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = styr_role_model_dispose;
  object_class->finalize = styr_role_model_finalize;
  object_class->get_property = styr_role_model_get_property;

  /* Roles nobody holds today. */
  properties[PROP_N_VACANT] = g_param_spec_uint ("n-vacant", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Roles held, with something wrong: no deputy, a holder who left … */
  properties[PROP_N_GAPS] = g_param_spec_uint ("n-gaps", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_role_model_init (StyrRoleModel *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * styr_role_model_new:
 * @store: the store
 * @clock: the clock: who holds a role depends on the day
 * @thresholds: the most roles one person should hold, and the like
 *
 * Returns: (transfer full): the roles, following the store
 */
StyrRoleModel *
styr_role_model_new (StyrStore                *store,
                     StyrClock                *clock,
                     const StyrRuleThresholds *thresholds)
{
  static const char *const types[] = { "role", "person", "assignment" };
  StyrRoleModel *self;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (STYR_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (thresholds != NULL, NULL);

  self = g_object_new (STYR_TYPE_ROLE_MODEL, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->thresholds = *thresholds;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", types[i], NULL);

      g_signal_connect_object (store, signal, G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (store, "sync-marks-changed", G_CALLBACK (marks_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

/**
 * styr_role_model_set_thresholds:
 * @self: a model
 * @thresholds: the thresholds the rules judge by now
 */
void
styr_role_model_set_thresholds (StyrRoleModel            *self,
                                const StyrRuleThresholds *thresholds)
{
  g_return_if_fail (STYR_IS_ROLE_MODEL (self));
  g_return_if_fail (thresholds != NULL);

  self->thresholds = *thresholds;
  reload (self);
}

/**
 * styr_role_model_find:
 * @self: a model
 * @role_id: a role's id, "role:KEY"
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): its entry
 */
StyrRoleEntry *
styr_role_model_find (StyrRoleModel *self,
                      const char    *role_id,
                      guint         *position)
{
  g_return_val_if_fail (STYR_IS_ROLE_MODEL (self), NULL);
  g_return_val_if_fail (role_id != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (styr_role_entry_get_id (g_ptr_array_index (self->entries, i)), role_id))
      {
        if (position != NULL)
          *position = i;
        return g_ptr_array_index (self->entries, i);
      }
  return NULL;
}

guint
styr_role_model_get_n_vacant (StyrRoleModel *self)
{
  g_return_val_if_fail (STYR_IS_ROLE_MODEL (self), 0);

  return self->n_vacant;
}

guint
styr_role_model_get_n_gaps (StyrRoleModel *self)
{
  g_return_val_if_fail (STYR_IS_ROLE_MODEL (self), 0);

  return self->n_gaps;
}

/**
 * styr_role_model_get_error:
 * @self: a model
 *
 * Returns: (nullable): why the roles could not be read last time, while
 *   the list shows what it had
 */
const GError *
styr_role_model_get_error (StyrRoleModel *self)
{
  g_return_val_if_fail (STYR_IS_ROLE_MODEL (self), NULL);

  return self->error;
}
