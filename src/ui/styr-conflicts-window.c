/* styr-conflicts-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-conflicts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-conflict.h"
#include "styr-conflicts-window.h"
#include "styr-ui.h"

/* StyrConflictsWindow shows every record that sync left with two versions,
 * one group each: for each field the versions disagree on, one row per
 * version with the value, and a check button to keep it. "Keep Chosen"
 * writes the combination as the next revision, which replicates like any
 * edit and ends the conflict on every desktop.
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
  /* id → StyrConflict shown */
  GHashTable          *conflicts;
  /* id → GPtrArray of GtkCheckButton, version by version per field */
  GHashTable          *choices;
  GPtrArray           *groups;
  char                *signature;
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
clear (StyrConflictsWindow *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->conflicts);
  g_hash_table_remove_all (self->choices);
}

static GtkWidget *
build_group (StyrConflictsWindow *self,
             StyrConflict        *conflict)
{
  g_autofree char *title = title_of (self->store, conflict);
  const char *colon = strchr (conflict->id, ':');
  g_autofree char *type = g_strndup (conflict->id, colon != NULL ? colon - conflict->id : 0);
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *keep = gtk_button_new_with_mnemonic (_("_Keep Chosen"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (keep, "suggested-action");
  gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (keep), "conflicts.keep");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (keep), "s", conflict->id);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), keep);

  for (guint f = 0; f < conflict->fields->len; f++)
    {
      const char *field = g_ptr_array_index (conflict->fields, f);
      GtkWidget *first = NULL;

      for (guint v = 0; v < conflict->versions->len; v++)
        {
          JsonNode *value = json_object_get_member (g_ptr_array_index (conflict->versions, v),
                                                    field);
          g_autofree char *described = styr_conflict_describe_value (type, field, value);
          g_autofree char *row_title = NULL;
          g_autofree char *subtitle = NULL;
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          /* Translators: a field and one version's value of it. */
          row_title = g_strdup_printf (_("%s: %s"), styr_conflict_field_label (type, field),
                                       described);
          subtitle = v == 0 ? g_strdup (_("The version shown now"))
                            /* Translators: %u numbers the other versions of a record. */
                            : g_strdup_printf (_("Other version %u"), v);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          if (first != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (first));
          else
            first = check;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), v == 0);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, row_title,
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_add (checks, check);
        }
    }

  g_hash_table_insert (self->choices, g_strdup (conflict->id), checks);
  return group;
}

/* What the window shows, as text: the records and their versions. */
static char *
signature_of (GPtrArray *conflicts,
              guint      total)
{
  GString *signature = g_string_new (NULL);

  g_string_append_printf (signature, "%u", total);
  for (guint i = 0; i < conflicts->len; i++)
    {
      StyrConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *revs = g_strjoinv (",", conflict->revs);

      g_string_append_printf (signature, ";%s:%s", conflict->id, revs);
    }
  return g_string_free (signature, FALSE);
}

static void
reload (StyrConflictsWindow *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *signature = NULL;

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
   * choices the user is making must survive them, so the window is only
   * rebuilt when the records or their versions changed. */
  signature = signature_of (loaded, ids->len);
  if (g_strcmp0 (signature, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);

  clear (self);
  self->count = ids->len;
  for (guint i = 0; i < loaded->len; i++)
    {
      StyrConflict *conflict = g_ptr_array_steal_index (loaded, i--);
      GtkWidget *group = build_group (self, conflict);

      g_hash_table_insert (self->conflicts, g_strdup (conflict->id), conflict);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }

  if (ids->len > MAX_SHOWN)
    {
      GtkWidget *more = adw_preferences_group_new ();
      g_autofree char *text = NULL;

      /* Translators: more records in conflict than the window shows. */
      text = g_strdup_printf (_("%u more records have two versions; they are shown once "
                                "these are chosen."), ids->len - MAX_SHOWN);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (more), text);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (more));
      g_ptr_array_add (self->groups, more);
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
  StyrConflict *conflict = g_hash_table_lookup (self->conflicts, id);
  GPtrArray *checks = g_hash_table_lookup (self->choices, id);
  g_autofree guint *choices = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  guint n_versions;

  if (conflict == NULL || checks == NULL)
    return;

  n_versions = conflict->versions->len;
  choices = g_new0 (guint, MAX (conflict->fields->len, 1));
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      choices[i / n_versions] = i % n_versions;

  body = styr_conflict_combine (conflict, choices);
  /* The window reloads through the store's signal. */
  if (!styr_conflict_resolve (conflict, self->store, body, styr_ui_author (), &error))
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
  g_clear_pointer (&self->conflicts, g_hash_table_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);

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
  self->conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) styr_conflict_free);
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->groups = g_ptr_array_new ();
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
