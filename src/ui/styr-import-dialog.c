/* styr-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-import-dialog.h"

/* The preview of an agreement register before anything is written: how
 * many rows will go in, which column fills which field (the user can
 * change it, and the rows are converted again), and every row that will
 * not go in, with its line, column, value and why. Import writes the good
 * rows in one transaction.
 */
struct _StyrImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *mapping_group;
  AdwPreferencesGroup *problems_group;

  /* Owned */
  StyrStore           *store;
  StyrAgreementImport *import;
  char                *file_name;
  char                *author;
  GtkWidget           *summary_row;
  GPtrArray           *problem_rows;
};

G_DEFINE_FINAL_TYPE (StyrImportDialog, styr_import_dialog, ADW_TYPE_WINDOW)

/* So many rows of problems are enough to see what is wrong with a file. */
#define MAX_PROBLEM_ROWS 200

static void
update_preview (StyrImportDialog *self)
{
  GPtrArray *problems = styr_agreement_import_get_problems (self->import);
  guint good = styr_agreement_import_get_records (self->import)->len;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  title = g_strdup_printf (ngettext ("%u agreement will be imported",
                                     "%u agreements will be imported", good), good);
  subtitle = g_strdup_printf (ngettext ("%u row has a problem and will be left out",
                                        "%u rows have problems and will be left out",
                                        problems->len), problems->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->summary_row), subtitle);

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  for (guint i = 0; i < problems->len && i < MAX_PROBLEM_ROWS; i++)
    {
      StyrImportProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = NULL;

      if (problem->column != NULL)
        /* Translators: where a problem is, e.g. "Line 12, column “Gyldig fra”". */
        where = g_strdup_printf (_("Line %u, column “%s”"), problem->line, problem->column);
      else
        where = g_strdup_printf (_("Line %u"), problem->line);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->problem);
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", good > 0);
}

static void
mapping_changed_cb (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    StyrImportDialog *self)
{
  const char *field = g_object_get_data (G_OBJECT (dropdown), "field");
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* The first entry is "not imported". */
  styr_agreement_import_set_mapping (self->import, field, (int) selected - 1);
  update_preview (self);
}

static void
build_mapping (StyrImportDialog *self)
{
  const char * const *fields = styr_agreement_import_get_fields ();
  const char * const *columns = styr_agreement_import_get_columns (self->import);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) choices = NULL;

  g_strv_builder_add (builder, _("Not imported"));
  g_strv_builder_addv (builder, (const char **) columns);
  choices = g_strv_builder_end (builder);

  for (guint f = 0; fields[f] != NULL; f++)
    {
      const char *label = styr_agreement_import_get_field_label (fields[f]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char * const *) choices);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                  styr_agreement_import_get_mapping (self->import, fields[f]) + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (dropdown), "field", (gpointer) fields[f]);
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (mapping_changed_cb),
                               self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (self->mapping_group, row);
    }
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StyrImportDialog *self = STYR_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint written = 0;

  /* Nothing was written when it fails; the dialog stays open and says
   * why, so the user can try again. */
  if (!styr_agreement_import_commit (self->import, self->store, self->author, &written, &error))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
styr_import_dialog_dispose (GObject *object)
{
  StyrImportDialog *self = (StyrImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->import);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_import_dialog_parent_class)->dispose (object);
}

static void
styr_import_dialog_class_init (StyrImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, StyrImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, StyrImportDialog, problems_group);

  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
styr_import_dialog_init (StyrImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->problem_rows = g_ptr_array_new ();
  self->summary_row = adw_action_row_new ();
  adw_preferences_group_add (self->summary_group, self->summary_row);
}

/**
 * styr_import_dialog_new:
 * @parent: the main window
 * @store: where the agreements go
 * @import: the converted file
 * @file_name: the file's name, for the user
 * @author: who imports, for the audit trail
 *
 * Returns: (transfer none): the dialog
 */
StyrImportDialog *
styr_import_dialog_new (GtkWindow           *parent,
                        StyrStore           *store,
                        StyrAgreementImport *import,
                        const char          *file_name,
                        const char          *author)
{
  StyrImportDialog *self;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (import), NULL);

  self = g_object_new (STYR_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = g_object_ref (import);
  self->file_name = g_strdup (file_name);
  self->author = g_strdup (author);
  adw_preferences_group_set_description (self->summary_group, file_name);

  build_mapping (self);
  update_preview (self);
  return self;
}
