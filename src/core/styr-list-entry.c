/* styr-list-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-list-entry"

#include "config.h"

#include "styr-list-entry.h"
#include "styr-work.h"

/* StyrListEntry: what every row of a list shows besides its record, kept
 * in one place: whether the team's server has the last change made here,
 * and whether sync left two versions to choose between. The entries of
 * the checklists, the roles and the meetings derive from it; their models
 * read the marks again when sync says they changed.
 */
typedef struct
{
  gboolean pending;
  gboolean conflicted;
} StyrListEntryPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StyrListEntry, styr_list_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING,
  PROP_CONFLICTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
styr_list_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StyrListEntry *self = STYR_LIST_ENTRY (object);
  StyrListEntryPrivate *priv = styr_list_entry_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, priv->pending);
      break;

    case PROP_CONFLICTED:
      g_value_set_boolean (value, priv->conflicted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_list_entry_class_init (StyrListEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = styr_list_entry_get_property;

  /* A change made here to the record, or its state, waits for the
   * team's server. */
  properties[PROP_PENDING] = g_param_spec_boolean ("pending", NULL, NULL, FALSE, flags);
  /* Sync left it, or its state, with two versions to choose between. */
  properties[PROP_CONFLICTED] = g_param_spec_boolean ("conflicted", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_list_entry_init (StyrListEntry *self)
{
}

gboolean
styr_list_entry_get_pending (StyrListEntry *self)
{
  StyrListEntryPrivate *priv = styr_list_entry_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_LIST_ENTRY (self), FALSE);

  return priv->pending;
}

gboolean
styr_list_entry_get_conflicted (StyrListEntry *self)
{
  StyrListEntryPrivate *priv = styr_list_entry_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_LIST_ENTRY (self), FALSE);

  return priv->conflicted;
}

/**
 * styr_list_entry_read_marks:
 * @self: an entry
 * @store: the store
 * @id: the id of the record the entry shows
 *
 * Reads the record's marks as styr_work_sync_marks() has them, notifying
 * the ones that changed.
 */
void
styr_list_entry_read_marks (StyrListEntry *self,
                            StyrStore     *store,
                            const char    *id)
{
  StyrListEntryPrivate *priv = styr_list_entry_get_instance_private (self);
  gboolean pending, conflicted;

  g_return_if_fail (STYR_IS_LIST_ENTRY (self));

  styr_work_sync_marks (store, id, &pending, &conflicted);
  if (priv->pending != pending)
    {
      priv->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (priv->conflicted != conflicted)
    {
      priv->conflicted = conflicted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTED]);
    }
}
