/* styr-role-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-role-entry"

#include "config.h"

#include "styr-role-entry.h"

/* StyrRoleEntry: one role of the Rollegalleri as the Roles page lists it
 * — how it is held today (StyrRoleCoverage, from the core's rules), the
 * role's own document with what it is responsible for, and whether the
 * team's server has its last change. StyrRoleModel keeps it current and
 * notifies only what changed, so its row redraws in place and stays open.
 */
struct _StyrRoleEntry
{
  StyrListEntry     parent_instance;

  char             *id;
  StyrRoleCoverage *coverage;
  StyrRecord       *role;
};

G_DEFINE_FINAL_TYPE (StyrRoleEntry, styr_role_entry, STYR_TYPE_LIST_ENTRY)

enum {
  PROP_0,
  PROP_COVERAGE,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
styr_role_entry_finalize (GObject *object)
{
  StyrRoleEntry *self = (StyrRoleEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->coverage, styr_role_coverage_free);
  g_clear_object (&self->role);

  G_OBJECT_CLASS (styr_role_entry_parent_class)->finalize (object);
}

static void
styr_role_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StyrRoleEntry *self = STYR_ROLE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_COVERAGE:
      g_value_set_pointer (value, self->coverage);
      break;

    case PROP_ROLE:
      g_value_set_object (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_role_entry_class_init (StyrRoleEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = styr_role_entry_finalize;
  object_class->get_property = styr_role_entry_get_property;

  /* How the role is held today, a StyrRoleCoverage owned by the entry. */
  properties[PROP_COVERAGE] = g_param_spec_pointer ("coverage", NULL, NULL, flags);
  /* The role's document, with KOMBIT's responsibilities and competences. */
  properties[PROP_ROLE] = g_param_spec_object ("role", NULL, NULL, STYR_TYPE_RECORD, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_role_entry_init (StyrRoleEntry *self)
{
}

/**
 * styr_role_entry_new:
 * @coverage: (transfer full): how the role is held
 *
 * Returns: (transfer full): an entry; its role is read by
 *   styr_role_entry_read()
 */
StyrRoleEntry *
styr_role_entry_new (StyrRoleCoverage *coverage)
{
  StyrRoleEntry *self;

  g_return_val_if_fail (coverage != NULL, NULL);

  self = g_object_new (STYR_TYPE_ROLE_ENTRY, NULL);
  self->id = g_strconcat ("role:", coverage->role, NULL);
  self->coverage = coverage;
  return self;
}

/**
 * styr_role_entry_get_id:
 * @self: an entry
 *
 * Returns: the role's document id, "role:KEY"
 */
const char *
styr_role_entry_get_id (StyrRoleEntry *self)
{
  g_return_val_if_fail (STYR_IS_ROLE_ENTRY (self), NULL);

  return self->id;
}

const StyrRoleCoverage *
styr_role_entry_get_coverage (StyrRoleEntry *self)
{
  g_return_val_if_fail (STYR_IS_ROLE_ENTRY (self), NULL);

  return self->coverage;
}

static gboolean
same_coverage (const StyrRoleCoverage *a,
               const StyrRoleCoverage *b)
{
  return g_strcmp0 (a->role, b->role) == 0 && g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->holder, b->holder) == 0 &&
         g_strcmp0 (a->holder_name, b->holder_name) == 0 &&
         g_strcmp0 (a->deputy_name, b->deputy_name) == 0 &&
         g_strcmp0 (a->assignment, b->assignment) == 0 && a->mailbox == b->mailbox &&
         g_strcmp0 (a->address, b->address) == 0 && a->flags == b->flags;
}

/**
 * styr_role_entry_set_coverage:
 * @self: an entry
 * @coverage: (transfer full): how the same role is held now
 */
void
styr_role_entry_set_coverage (StyrRoleEntry    *self,
                              StyrRoleCoverage *coverage)
{
  g_return_if_fail (STYR_IS_ROLE_ENTRY (self));
  g_return_if_fail (coverage != NULL);

  if (same_coverage (self->coverage, coverage))
    {
      styr_role_coverage_free (coverage);
      return;
    }
  styr_role_coverage_free (self->coverage);
  self->coverage = coverage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COVERAGE]);
}

/**
 * styr_role_entry_get_role:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the role's document
 */
StyrRecord *
styr_role_entry_get_role (StyrRoleEntry *self)
{
  g_return_val_if_fail (STYR_IS_ROLE_ENTRY (self), NULL);

  return self->role;
}

/**
 * styr_role_entry_read:
 * @self: an entry
 * @store: the store
 *
 * Reads the role's document and its sync marks, notifying what changed.
 */
void
styr_role_entry_read (StyrRoleEntry *self,
                      StyrStore     *store)
{
  g_autoptr(StyrRecord) role = styr_record_read (store, self->id);

  g_return_if_fail (STYR_IS_ROLE_ENTRY (self));

  if (!styr_record_same_revision (role, self->role))
    {
      g_set_object (&self->role, role);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }

  styr_list_entry_read_marks (STYR_LIST_ENTRY (self), store, self->id);
}
