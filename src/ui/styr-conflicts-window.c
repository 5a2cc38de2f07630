/* styr-conflicts-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-conflicts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-conflict-group.h"
#include "styr-conflicts-window.h"
#include "styr-ui.h"

/* StyrConflictsWindow shows every record that sync left with two versions,
 * a StyrConflictGroup each. "Keep Chosen" writes the combination as the
 * next revision, which replicates like any edit and ends the conflict on
 * every desktop.
 */

/* Beyond this, the window says how many more there are; a list that long
 * is a sign to talk, not to click. */
#define MAX_SHOWN 50

struct _StyrConflictsWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwPreferencesPage  *page;

  /* Owned */
  StyrStore           *store;
  /* id → StyrConflictGroup shown, in the page */
  GHashTable          *groups;
  /* Says how many more there are than the window shows. */
  AdwPreferencesGroup *more;
  guint                count;
};

G_DEFINE_FINAL_TYPE (StyrConflictsWindow, styr_conflicts_window, ADW_TYPE_WINDOW)

/* What the user knows the record by: its own name, or the name of the task,
 * item or meeting its state belongs to. */
static char *
title_of (StyrStore    *store,
          StyrConflict *conflict)
{
  static const char * const names[] = { "using_system", "title", "name" };
  static const char * const owners[][2] = {
    { "task", "task:" }, { "item", "checklist-item:" }, { "meeting", "meeting:" },
    { "role", "role:" },
  };
  JsonObject *body = g_ptr_array_index (conflict->versions, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *name = json_object_get_string_member_with_default (body, names[i], NULL);

      if (name != NULL && name[0] != '\0')
        return g_strdup (name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      const char *key = json_object_get_string_member_with_default (body, owners[i][0], NULL);
      g_autofree char *owner_id = key != NULL ? g_strconcat (owners[i][1], key, NULL) : NULL;
      g_autoptr(JsonObject) owner = owner_id != NULL
                                    ? styr_store_get (store, owner_id, NULL, NULL) : NULL;

      for (guint n = 0; owner != NULL && n < G_N_ELEMENTS (names); n++)
        {
          const char *name = json_object_get_string_member_with_default (owner, names[n], NULL);

          if (name != NULL && name[0] != '\0')
            return g_strdup (name);
        }
    }

  return g_strdup (conflict->id);
}

static void
reload (StyrConflictsWindow *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  GHashTableIter iter;
  gpointer key, value;

  ids = styr_store_list_conflicted (self->store, NULL, &error);
  if (ids == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, styr_ui_toast_new (error->message));
      return;
    }

  loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_conflict_free);
  for (guint i = 0; i < MIN (ids->len, MAX_SHOWN); i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(GError) load_error = NULL;
      StyrConflict *conflict = styr_conflict_load (self->store, id, &load_error);

      if (conflict == NULL)
        g_warning ("Could not compare the versions of %s: %s", id, load_error->message);
      else
        g_ptr_array_add (loaded, conflict);
    }

  /* Edits elsewhere, and every batch of a pull, announce themselves; the
   * choices the user is making must survive them, so a record's group is
   * only made anew when its versions changed, and the others stay. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < loaded->len; i++)
    {
      StyrConflict *conflict = g_ptr_array_index (loaded, i);
      StyrConflictGroup *group = g_hash_table_lookup (self->groups, conflict->id);
      g_autofree char *title = NULL;
      GtkWidget *made;

      g_hash_table_add (seen, conflict->id);
      if (group != NULL && styr_conflict_group_shows (group, conflict))
        continue;
      if (group != NULL)
        {
          /* Out of the table first: the group holds its key. */
          g_hash_table_remove (self->groups, conflict->id);
          adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (group));
        }
      title = title_of (self->store, conflict);
      made = styr_conflict_group_new (g_ptr_array_steal_index (loaded, i--), title);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (made));
      g_hash_table_insert (self->groups,
                           styr_conflict_group_get_conflict (STYR_CONFLICT_GROUP (made))->id, made);
    }
  gone = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        g_hash_table_iter_remove (&iter);
        g_ptr_array_add (gone, value);
      }
  for (guint i = 0; i < gone->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (gone, i));

  self->count = ids->len;
  if (self->more != NULL)
    adw_preferences_page_remove (self->page, g_steal_pointer (&self->more));
  if (ids->len > MAX_SHOWN)
    {
      g_autofree char *text = NULL;

      self->more = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      /* Translators: more records in conflict than the window shows. */
      text = g_strdup_printf (_("%u more records have two versions; they are shown once "
                                "these are chosen."), ids->len - MAX_SHOWN);
      adw_preferences_group_set_description (self->more, text);
      adw_preferences_page_add (self->page, self->more);
    }

  gtk_stack_set_visible_child_name (self->stack, ids->len > 0 ? "list" : "empty");
}

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StyrConflictsWindow *self = STYR_CONFLICTS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  StyrConflictGroup *group = g_hash_table_lookup (self->groups, id);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;

  if (group == NULL)
    return;

  body = styr_conflict_group_combine (group);
  /* The window reloads through the store's signal. */
  if (!styr_conflict_resolve (styr_conflict_group_get_conflict (group), self->store, body,
                              styr_ui_author (), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, styr_ui_toast_new (error->message));
      reload (self);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               styr_ui_toast_new (_("Kept. Colleagues get it at the next sync.")));
}

static void
styr_conflicts_window_dispose (GObject *object)
{
  StyrConflictsWindow *self = (StyrConflictsWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_CONFLICTS_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_hash_table_unref);

  G_OBJECT_CLASS (styr_conflicts_window_parent_class)->dispose (object);
}

static void
styr_conflicts_window_class_init (StyrConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_conflicts_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrConflictsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StyrConflictsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StyrConflictsWindow, page);

  gtk_widget_class_install_action (widget_class, "conflicts.keep", "s", keep_action);
}

static void
styr_conflicts_window_init (StyrConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Keyed by the id the group holds. */
  self->groups = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * styr_conflicts_window_new:
 * @parent: the main window
 * @store: the store
 *
 * Returns: (transfer none): a new window of the records in conflict
 */
StyrConflictsWindow *
styr_conflicts_window_new (GtkWindow *parent,
                           StyrStore *store)
{
  StyrConflictsWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  self = g_object_new (STYR_TYPE_CONFLICTS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "documents-changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);

  return self;
}

/**
 * styr_conflicts_window_get_count:
 * @self: a #StyrConflictsWindow
 *
 * Returns: how many records are in conflict
 */
guint
styr_conflicts_window_get_count (StyrConflictsWindow *self)
{
  g_return_val_if_fail (STYR_IS_CONFLICTS_WINDOW (self), 0);

  return self->count;
}
