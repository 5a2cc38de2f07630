/* styr-conflict-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-conflict-group"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-conflict-group.h"
#include "styr-ui.h"

/* StyrConflictGroup: one record that sync left with two versions, in the
 * conflicts window: for each field the versions disagree on, one row per
 * version with its value and a check button to keep it, and "Keep Chosen"
 * in the header. It holds the choices being made until its record's
 * versions change, whatever else changes in the store meanwhile.
 */
struct _StyrConflictGroup
{
  AdwPreferencesGroup  parent_instance;

  StyrConflict        *conflict;
  /* Version by version, field by field. */
  GPtrArray           *checks;
};

G_DEFINE_FINAL_TYPE (StyrConflictGroup, styr_conflict_group, ADW_TYPE_PREFERENCES_GROUP)

static void
add_field (StyrConflictGroup *self,
           const char        *type,
           const char        *field)
{
  GtkWidget *first = NULL;

  for (guint v = 0; v < self->conflict->versions->len; v++)
    {
      JsonNode *value = json_object_get_member (g_ptr_array_index (self->conflict->versions, v),
                                                field);
      g_autofree char *described = styr_conflict_describe_value (type, field, value);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *check = gtk_check_button_new ();

      /* Translators: a field and one version's value of it. */
      title = g_strdup_printf (_("%s: %s"), styr_conflict_field_label (type, field), described);
      subtitle = v == 0 ? g_strdup (_("The version shown now"))
                        /* Translators: %u numbers the other versions of a record. */
                        : g_strdup_printf (_("Other version %u"), v);
      row = styr_ui_text_row (title, subtitle);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (first));
      else
        first = check;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), v == 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->checks, check);
    }
}

/**
 * styr_conflict_group_new:
 * @conflict: (transfer full): the record's versions
 * @title: what the user knows the record by
 *
 * Returns: (transfer floating): a new group, the versions shown now chosen
 */
GtkWidget *
styr_conflict_group_new (StyrConflict *conflict,
                         const char   *title)
{
  StyrConflictGroup *self;
  const char *colon;
  g_autofree char *type = NULL;
  GtkWidget *keep;

  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (STYR_TYPE_CONFLICT_GROUP, "title", title, NULL);
  self->conflict = conflict;
  colon = strchr (conflict->id, ':');
  type = g_strndup (conflict->id, colon != NULL ? colon - conflict->id : 0);

  keep = gtk_button_new_with_mnemonic (_("_Keep Chosen"));
  gtk_widget_add_css_class (keep, "suggested-action");
  gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (keep), "s", conflict->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (keep), "conflicts.keep");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), keep);

  for (guint f = 0; f < conflict->fields->len; f++)
    add_field (self, type, g_ptr_array_index (conflict->fields, f));
  return GTK_WIDGET (self);
}

/**
 * styr_conflict_group_get_conflict:
 * @self: a #StyrConflictGroup
 *
 * Returns: (transfer none): the versions it shows
 */
StyrConflict *
styr_conflict_group_get_conflict (StyrConflictGroup *self)
{
  g_return_val_if_fail (STYR_IS_CONFLICT_GROUP (self), NULL);

  return self->conflict;
}

/**
 * styr_conflict_group_shows:
 * @self: a #StyrConflictGroup
 * @conflict: the record's versions as the store has them now
 *
 * Returns: whether the group shows those very versions, so the choices
 *   made in it still apply
 */
gboolean
styr_conflict_group_shows (StyrConflictGroup *self,
                           StyrConflict      *conflict)
{
  g_return_val_if_fail (STYR_IS_CONFLICT_GROUP (self), FALSE);

  return g_str_equal (self->conflict->id, conflict->id) &&
         g_strv_equal ((const char * const *) self->conflict->revs,
                       (const char * const *) conflict->revs);
}

/**
 * styr_conflict_group_combine:
 * @self: a #StyrConflictGroup
 *
 * Returns: (transfer full): the record as chosen, field by field
 */
JsonObject *
styr_conflict_group_combine (StyrConflictGroup *self)
{
  g_autofree guint *choices = NULL;
  guint n_versions;

  g_return_val_if_fail (STYR_IS_CONFLICT_GROUP (self), NULL);

  n_versions = self->conflict->versions->len;
  choices = g_new0 (guint, MAX (self->conflict->fields->len, 1));
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      choices[i / n_versions] = i % n_versions;
  return styr_conflict_combine (self->conflict, choices);
}

static void
styr_conflict_group_finalize (GObject *object)
{
  StyrConflictGroup *self = (StyrConflictGroup *)object;

  g_clear_pointer (&self->conflict, styr_conflict_free);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_conflict_group_parent_class)->finalize (object);
}

static void
styr_conflict_group_class_init (StyrConflictGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styr_conflict_group_finalize;
}

static void
styr_conflict_group_init (StyrConflictGroup *self)
{
  self->checks = g_ptr_array_new ();
}
