/* styr-checklist-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist-entry"

#include "config.h"

#include "styr-checklist-actions.h"
#include "styr-checklist-entry.h"
#include "styr-work.h"

/* StyrChecklistEntry: one row of a checklist as a list shows it — the
 * item KOMBIT (or the municipality) wrote, and what the store says about
 * it today: whether it is done and by whom, late, whose it is, what it
 * waits for, whether the team's server has it. A list reads only these
 * properties; StyrChecklistModel reads them from the store again when a
 * document they come from changes, and only what really changed is
 * notified, so a row redraws itself in place.
 */
struct _StyrChecklistEntry
{
  StyrListEntry           parent_instance;

  StyrChecklistItem      *item;
  StyrChecklistItemState *state;
  gboolean                done;
  gboolean                overdue;
  char                   *role_name;
  char                   *role_holder;
  char                   *same_task;
  GStrv                   waits_for;
  GStrv                   blocked_by;
};

G_DEFINE_FINAL_TYPE (StyrChecklistEntry, styr_checklist_entry, STYR_TYPE_LIST_ENTRY)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_STATE,
  PROP_DONE,
  PROP_OVERDUE,
  PROP_ROLE_NAME,
  PROP_ROLE_HOLDER,
  PROP_SAME_TASK,
  PROP_WAITS_FOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
styr_checklist_entry_finalize (GObject *object)
{
  StyrChecklistEntry *self = (StyrChecklistEntry *)object;

  g_clear_object (&self->item);
  g_clear_object (&self->state);
  g_clear_pointer (&self->role_name, g_free);
  g_clear_pointer (&self->role_holder, g_free);
  g_clear_pointer (&self->same_task, g_free);
  g_clear_pointer (&self->waits_for, g_strfreev);
  g_clear_pointer (&self->blocked_by, g_strfreev);

  G_OBJECT_CLASS (styr_checklist_entry_parent_class)->finalize (object);
}

static void
styr_checklist_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StyrChecklistEntry *self = STYR_CHECKLIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    case PROP_ROLE_NAME:
      g_value_set_string (value, self->role_name);
      break;

    case PROP_ROLE_HOLDER:
      g_value_set_string (value, self->role_holder);
      break;

    case PROP_SAME_TASK:
      g_value_set_string (value, self->same_task);
      break;

    case PROP_WAITS_FOR:
      g_value_set_boxed (value, self->waits_for);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_checklist_entry_class_init (StyrChecklistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = styr_checklist_entry_finalize;
  object_class->get_property = styr_checklist_entry_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, STYR_TYPE_CHECKLIST_ITEM, flags);
  /* The municipality's own state: who ticked it and when, its note. */
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, STYR_TYPE_CHECKLIST_ITEM_STATE, flags);
  /* Ticked, or done as the KLIK task it is one step with. */
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties[PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, flags);
  /* Who holds the responsible role today; %NULL when it is vacant. */
  properties[PROP_ROLE_HOLDER] = g_param_spec_string ("role-holder", NULL, NULL, NULL, flags);
  /* The title of the KLIK task the item is one step with. */
  properties[PROP_SAME_TASK] = g_param_spec_string ("same-task", NULL, NULL, NULL, flags);
  /* The titles of what must be done first and is not. */
  properties[PROP_WAITS_FOR] = g_param_spec_boxed ("waits-for", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_checklist_entry_init (StyrChecklistEntry *self)
{
  self->waits_for = g_new0 (char *, 1);
}

/**
 * styr_checklist_entry_new:
 * @item: the item
 *
 * Returns: (transfer full): an entry for @item, with nothing read yet;
 *   see styr_checklist_entry_read()
 */
StyrChecklistEntry *
styr_checklist_entry_new (StyrChecklistItem *item)
{
  StyrChecklistEntry *self;

  g_return_val_if_fail (STYR_IS_CHECKLIST_ITEM (item), NULL);

  self = g_object_new (STYR_TYPE_CHECKLIST_ENTRY, NULL);
  self->item = g_object_ref (item);
  return self;
}

StyrChecklistItem *
styr_checklist_entry_get_item (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), NULL);

  return self->item;
}

/**
 * styr_checklist_entry_set_item:
 * @self: an entry
 * @item: a newer revision of the same item
 *
 * The entry stays, so its row stays with the focus in it.
 */
void
styr_checklist_entry_set_item (StyrChecklistEntry *self,
                               StyrChecklistItem  *item)
{
  g_return_if_fail (STYR_IS_CHECKLIST_ENTRY (self));
  g_return_if_fail (STYR_IS_CHECKLIST_ITEM (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

const char *
styr_checklist_entry_get_id (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), NULL);

  return styr_record_get_id (STYR_RECORD (self->item));
}

/**
 * styr_checklist_entry_get_state:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the municipality's state of the
 *   item, %NULL while nobody has ticked or noted it
 */
StyrChecklistItemState *
styr_checklist_entry_get_state (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), NULL);

  return self->state;
}

gboolean
styr_checklist_entry_get_done (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), FALSE);

  return self->done;
}

gboolean
styr_checklist_entry_get_overdue (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), FALSE);

  return self->overdue;
}

const char *
styr_checklist_entry_get_role_name (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), NULL);

  return self->role_name;
}

const char *
styr_checklist_entry_get_role_holder (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), NULL);

  return self->role_holder;
}

const char *
styr_checklist_entry_get_same_task (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), NULL);

  return self->same_task;
}

/**
 * styr_checklist_entry_get_waits_for:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the titles of what must be done
 *   before the item and is not
 */
const char * const *
styr_checklist_entry_get_waits_for (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), NULL);

  return (const char * const *) self->waits_for;
}

/**
 * styr_checklist_entry_get_blocked_by:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the ids of what must be done
 *   before the item and is not, in the order of
 *   styr_checklist_entry_get_waits_for()
 */
const char * const *
styr_checklist_entry_get_blocked_by (StyrChecklistEntry *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (self), NULL);

  return (const char * const *) self->blocked_by;
}

static void
set_flag (StyrChecklistEntry *self,
          gboolean           *field,
          gboolean            value,
          guint               prop)
{
  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
take_string (StyrChecklistEntry *self,
             char              **field,
             char               *value,
             guint               prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * styr_checklist_entry_read:
 * @self: an entry
 * @store: the store the item is from
 * @today: a valid date, for what is late
 *
 * Reads from @store what the row says of the item, notifying each
 * property that changed.
 */
void
styr_checklist_entry_read (StyrChecklistEntry *self,
                           StyrStore          *store,
                           const GDate        *today)
{
  StyrRecord *record;
  const char *id;
  const char *role;
  g_autoptr(StyrChecklistItemState) state = NULL;
  g_autofree char *task_id = NULL;
  g_auto(GStrv) depends_on = NULL;
  g_auto(GStrv) blocked = NULL;
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) waits_for = NULL;

  g_return_if_fail (STYR_IS_CHECKLIST_ENTRY (self));
  g_return_if_fail (STYR_IS_STORE (store));
  g_return_if_fail (today != NULL);

  record = STYR_RECORD (self->item);
  id = styr_record_get_id (record);

  g_object_freeze_notify (G_OBJECT (self));

  state = styr_checklist_item_load_state (store, id);
  if (!styr_record_same_revision (STYR_RECORD (state), STYR_RECORD (self->state)))
    {
      g_set_object (&self->state, state);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  set_flag (self, &self->done, styr_work_is_done (store, id), PROP_DONE);
  set_flag (self, &self->overdue, styr_checklist_item_is_overdue (store, self->item, state, today),
            PROP_OVERDUE);
  styr_list_entry_read_marks (STYR_LIST_ENTRY (self), store, id);

  role = styr_checklist_item_get_owner_role (self->item);
  if (role != NULL)
    {
      g_autofree char *role_id = g_strconcat ("role:", role, NULL);
      g_autoptr(JsonObject) role_body = styr_store_get (store, role_id, NULL, NULL);

      take_string (self, &self->role_name,
                   g_strdup (role_body != NULL
                             ? json_object_get_string_member_with_default (role_body, "name", role)
                             : role),
                   PROP_ROLE_NAME);
      take_string (self, &self->role_holder, styr_role_holder_name (store, role, today),
                   PROP_ROLE_HOLDER);
    }
  else
    {
      take_string (self, &self->role_name, NULL, PROP_ROLE_NAME);
      take_string (self, &self->role_holder, NULL, PROP_ROLE_HOLDER);
    }

  task_id = styr_work_same_task (store, styr_record_get_body (record));
  take_string (self, &self->same_task, task_id != NULL ? styr_work_title (store, task_id) : NULL,
               PROP_SAME_TASK);

  depends_on = styr_checklist_item_dup_depends_on (self->item);
  blocked = styr_work_blocked_by (store, (const char * const *) depends_on);
  for (guint i = 0; blocked != NULL && blocked[i] != NULL; i++)
    {
      g_autofree char *title = styr_work_title (store, blocked[i]);

      g_strv_builder_add (titles, title);
    }
  waits_for = g_strv_builder_end (titles);
  if (!g_strv_equal ((const char * const *) waits_for, (const char * const *) self->waits_for))
    {
      g_strfreev (self->waits_for);
      self->waits_for = g_steal_pointer (&waits_for);
      g_strfreev (self->blocked_by);
      self->blocked_by = g_steal_pointer (&blocked);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITS_FOR]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
