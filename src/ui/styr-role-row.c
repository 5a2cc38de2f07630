/* styr-role-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-role-row"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-role-row.h"
#include "styr-ui.h"

/* StyrRoleRow: one role, bound to its StyrRoleEntry: who holds it and
 * what is wrong, the button to assign it, and when opened what it is
 * responsible for in KOMBIT's words. It redraws itself when the entry
 * changes, so a new holder leaves it open and the page where it was.
 */
struct _StyrRoleRow
{
  AdwExpanderRow  parent_instance;

  StyrRoleEntry  *entry;
  GPtrArray      *lines;

  GtkWidget      *warning;
  GtkWidget      *assign;
  GtkWidget      *version;
  GtkWidget      *end_row;
  GtkWidget      *end;
};

G_DEFINE_FINAL_TYPE (StyrRoleRow, styr_role_row, ADW_TYPE_EXPANDER_ROW)

static void
update (StyrRoleRow *self)
{
  const StyrRoleCoverage *entry = styr_role_entry_get_coverage (self->entry);
  g_autofree char *flags = styr_role_coverage_describe (entry);
  g_autofree char *subtitle = NULL;
  g_autofree char *marked = NULL;

  if (entry->holder_name != NULL && entry->deputy_name != NULL)
    /* Translators: who holds a role and who stands in; then what is wrong, if anything. */
    subtitle = g_strdup_printf (_("%s, deputy %s%s%s"), entry->holder_name, entry->deputy_name,
                                flags[0] != '\0' ? " · " : "", flags);
  else if (entry->holder_name != NULL)
    subtitle = g_strdup_printf ("%s · %s", entry->holder_name, flags);
  else if (entry->address != NULL)
    /* Translators: the address of a functional mailbox, such as the ØiR funktionspostkasse. */
    subtitle = g_strdup_printf (_("Mailbox %s"), entry->address);
  else
    subtitle = g_strdup (flags);

  marked = styr_ui_mark_entry (STYR_LIST_ENTRY (self->entry), subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), entry->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), marked);

  gtk_widget_set_visible (self->warning, entry->flags != STYR_COVERAGE_NONE);
  gtk_widget_remove_css_class (self->warning, "error");
  gtk_widget_remove_css_class (self->warning, "warning");
  gtk_widget_add_css_class (self->warning, entry->flags & STYR_COVERAGE_VACANT ? "error" : "warning");
  styr_ui_set_tooltip (self->warning, flags);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  flags, -1);

  /* A functional mailbox gets an address, not a person. */
  gtk_button_set_label (GTK_BUTTON (self->assign),
                        entry->mailbox ? _("Set _Address…") : _("_Assign…"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->assign), "s", entry->role);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->assign),
                                  entry->mailbox ? "roles.set-address" : "roles.assign");

  /* A current holder's assignment can be ended, keeping its history. */
  gtk_widget_set_visible (self->end_row, entry->assignment != NULL);
  if (entry->assignment != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->end), "s", entry->assignment);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->end),
                                  entry->assignment != NULL ? "roles.end-assignment" : NULL);
}

/* What the role is responsible for, and what its holder should know,
 * in KOMBIT's words, and the Rollegalleri version it is from. */
static void
update_role (StyrRoleRow *self)
{
  static const struct { const char *member; const char *label; } lists[] = {
    /* Translators: under a role's responsibility, as KOMBIT lists them. */
    { "responsibilities", N_("Responsibility") },
    /* Translators: under what a role's holder should know; KOMBIT's deck
     * heads the list "bør have". */
    { "competences", N_("Should have") },
  };
  StyrRecord *role = styr_role_entry_get_role (self->entry);
  const char *version = role != NULL ? styr_record_get_string (role, "rollegalleri_version") : NULL;

  gtk_widget_set_visible (self->version, version != NULL);
  if (version != NULL)
    {
      /* Translators: a role from KOMBIT's Rollegalleri; %s is its version. */
      g_autofree char *text = g_strdup_printf (_("Rollegalleri %s"), version);

      gtk_label_set_text (GTK_LABEL (self->version), text);
    }

  for (guint i = 0; i < self->lines->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->lines, i));
  g_ptr_array_set_size (self->lines, 0);
  for (guint k = 0; role != NULL && k < G_N_ELEMENTS (lists); k++)
    {
      JsonArray *array = styr_record_get_array (role, lists[k].member);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          GtkWidget *line = adw_action_row_new ();
          const char *text = json_array_get_string_element (array, i);

          if (text == NULL)
            continue;
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), text);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), _(lists[k].label));
          adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (line), TRUE);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self), line);
          g_ptr_array_add (self->lines, line);
        }
    }
}

static void
styr_role_row_dispose (GObject *object)
{
  StyrRoleRow *self = (StyrRoleRow *)object;

  g_clear_object (&self->entry);
  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_role_row_parent_class)->dispose (object);
}

static void
styr_role_row_class_init (StyrRoleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_role_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-role-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrRoleRow, warning);
  gtk_widget_class_bind_template_child (widget_class, StyrRoleRow, assign);
  gtk_widget_class_bind_template_child (widget_class, StyrRoleRow, version);
  gtk_widget_class_bind_template_child (widget_class, StyrRoleRow, end_row);
  gtk_widget_class_bind_template_child (widget_class, StyrRoleRow, end);
}

static void
styr_role_row_init (StyrRoleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lines = g_ptr_array_new ();
}

/**
 * styr_role_row_new:
 * @entry: the role's entry
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
styr_role_row_new (StyrRoleEntry *entry)
{
  StyrRoleRow *self;

  g_return_val_if_fail (STYR_IS_ROLE_ENTRY (entry), NULL);

  self = g_object_new (STYR_TYPE_ROLE_ROW, NULL);
  self->entry = g_object_ref (entry);
  g_signal_connect_object (entry, "notify::role", G_CALLBACK (update_role), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update_role (self);
  update (self);
  return GTK_WIDGET (self);
}

StyrRoleEntry *
styr_role_row_get_entry (StyrRoleRow *self)
{
  g_return_val_if_fail (STYR_IS_ROLE_ROW (self), NULL);

  return self->entry;
}
