/* styr-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-import-dialog.h"
#include "styr-ui.h"

/* The preview of an agreement register before anything is written: what
 * each row does (new, which fields it changes from what to what,
 * unchanged, or why it is not imported), the columns the file has that
 * nothing reads, and which column fills each field (the user can change
 * it, and the rows are worked out again). Import writes the new and
 * changed rows in one transaction and hands the import to whoever
 * listens to "committed", which can undo it.
 */
struct _StyrImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *mapping_group;
  GtkCheckButton      *show_unchanged;
  GtkListView         *rows_view;

  /* Owned */
  StyrAgreementImport *import;
  char                *author;
  GtkFilterListModel  *filtered;
  GPtrArray           *summary_rows;
  /* GtkDropDown, one per field, in the order of the fields */
  GPtrArray           *dropdowns;
};

G_DEFINE_FINAL_TYPE (StyrImportDialog, styr_import_dialog, ADW_TYPE_WINDOW)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_summary (StyrImportDialog *self,
             const char       *title,
             const char       *subtitle)
{
  GtkWidget *row = styr_ui_text_row (title, subtitle);

  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static void
update_summary (StyrImportDialog *self)
{
  guint added = styr_agreement_import_count (self->import, STYR_IMPORT_ROW_NEW);
  guint changed = styr_agreement_import_count (self->import, STYR_IMPORT_ROW_CHANGED);
  guint unchanged = styr_agreement_import_count (self->import, STYR_IMPORT_ROW_UNCHANGED);
  guint refused = styr_agreement_import_count (self->import, STYR_IMPORT_ROW_REFUSED);
  guint matched = styr_agreement_import_count_matched (self->import);
  guint above = styr_agreement_import_get_rows_above (self->import);
  g_auto(GStrv) ignored = styr_agreement_import_dup_ignored (self->import);
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->summary_rows->len; i++)
    adw_preferences_group_remove (self->summary_group, g_ptr_array_index (self->summary_rows, i));
  g_ptr_array_set_size (self->summary_rows, 0);

  if (added + changed == 0 && refused == 0)
    {
      text = g_strdup_printf (ngettext ("The file’s %u row is as Styr has it already",
                                        "The file’s %u rows are as Styr has them already",
                                        unchanged), unchanged);
      add_summary (self, _("Nothing to import"), text);
      g_clear_pointer (&text, g_free);
    }
  if (added > 0)
    {
      text = g_strdup_printf (ngettext ("%u new agreement", "%u new agreements", added), added);
      add_summary (self, text, NULL);
      g_clear_pointer (&text, g_free);
    }
  if (changed > 0)
    {
      text = g_strdup_printf (ngettext ("%u agreement changed", "%u agreements changed",
                                        changed), changed);
      add_summary (self, text, matched > 0
                               ? _("Rows without an ID were matched on using system, supplier "
                                   "and services where exactly one agreement has them")
                               : NULL);
      g_clear_pointer (&text, g_free);
    }
  if (unchanged > 0 && added + changed + refused > 0)
    {
      text = g_strdup_printf (ngettext ("%u row unchanged", "%u rows unchanged", unchanged),
                              unchanged);
      add_summary (self, text, NULL);
      g_clear_pointer (&text, g_free);
    }

  if (refused > 0)
    {
      text = g_strdup_printf (ngettext ("%u row will not be imported",
                                        "%u rows will not be imported", refused), refused);
      add_summary (self, text, _("Each is listed below and says why"));
      g_clear_pointer (&text, g_free);
    }

  if (above > 0)
    {
      text = g_strdup_printf (ngettext ("%u row above the column headings is left out",
                                        "%u rows above the column headings are left out",
                                        above), above);
      add_summary (self, text, NULL);
      g_clear_pointer (&text, g_free);
    }

  if (ignored[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", ignored);

      add_summary (self, ngettext ("Column ignored", "Columns ignored", g_strv_length (ignored)),
                   names);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", added + changed > 0);
}

static gboolean
row_shown (gpointer item,
           gpointer user_data)
{
  StyrImportDialog *self = user_data;

  return gtk_check_button_get_active (self->show_unchanged) ||
         styr_import_row_get_kind (item) != STYR_IMPORT_ROW_UNCHANGED;
}

static void
update_rows (StyrImportDialog *self)
{
  gtk_filter_list_model_set_model (self->filtered, styr_agreement_import_get_rows (self->import));
  update_summary (self);
}

static void
show_unchanged_cb (StyrImportDialog *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  gtk_filter_changed (filter, gtk_check_button_get_active (self->show_unchanged)
                              ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StyrImportDialog         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "import-row");
  gtk_widget_add_css_class (kind, "import-kind");
  gtk_widget_add_css_class (kind, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (description), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");

  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static const char *
kind_label (StyrImportRowKind kind)
{
  switch (kind)
    {
    case STYR_IMPORT_ROW_NEW:
      return C_("import row", "New");
    case STYR_IMPORT_ROW_CHANGED:
      return C_("import row", "Changed");
    case STYR_IMPORT_ROW_UNCHANGED:
      return C_("import row", "Unchanged");
    case STYR_IMPORT_ROW_REFUSED:
      return C_("import row", "Not imported");
    case STYR_IMPORT_ROW_SKIPPED:
    default:
      return C_("import row", "Skipped");
    }
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             StyrImportDialog         *self)
{
  static const char * const classes[] = { "new", "changed", "unchanged", "refused", "skipped" };
  StyrImportRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (top);
  GtkWidget *kind = gtk_widget_get_next_sibling (title);
  GtkWidget *description = gtk_widget_get_next_sibling (top);
  StyrImportRowKind row_kind = styr_import_row_get_kind (row);
  g_autofree char *location = styr_import_row_dup_location (row);
  g_autofree char *what = styr_import_row_describe (row);

  gtk_label_set_text (GTK_LABEL (title), location);
  gtk_label_set_text (GTK_LABEL (kind), kind_label (row_kind));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (kind, classes[i]);
  gtk_widget_add_css_class (kind, classes[row_kind]);
  /* The new and unchanged rows say only that; the others say what. */
  gtk_label_set_text (GTK_LABEL (description),
                      row_kind == STYR_IMPORT_ROW_NEW || row_kind == STYR_IMPORT_ROW_UNCHANGED
                      ? (styr_import_row_get_note (row) != NULL ? styr_import_row_get_note (row) : "")
                      : what);
  gtk_widget_set_visible (description,
                          gtk_label_get_text (GTK_LABEL (description))[0] != '\0');
}

static void mapping_changed_cb (GtkDropDown      *dropdown,
                                GParamSpec       *pspec,
                                StyrImportDialog *self);

/* A column fills one field: choosing it for one takes it from another,
 * and that field's drop-down says so. */
static void
sync_mapping (StyrImportDialog *self)
{
  const char * const *fields = styr_agreement_import_get_fields ();

  for (guint f = 0; fields[f] != NULL; f++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->dropdowns, f);

      g_signal_handlers_block_by_func (dropdown, mapping_changed_cb, self);
      gtk_drop_down_set_selected (dropdown,
                                  styr_agreement_import_get_mapping (self->import, fields[f]) + 1);
      g_signal_handlers_unblock_by_func (dropdown, mapping_changed_cb, self);
    }
}

static void
mapping_changed_cb (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    StyrImportDialog *self)
{
  const char * const *fields = styr_agreement_import_get_fields ();
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint f;

  g_ptr_array_find (self->dropdowns, dropdown, &f);

  /* The first entry is "not imported". */
  styr_agreement_import_set_mapping (self->import, fields[f], (int) selected - 1);
  sync_mapping (self);
  update_rows (self);
}

static void
build_mapping (StyrImportDialog *self)
{
  const char * const *fields = styr_agreement_import_get_fields ();
  g_auto(GStrv) columns = styr_agreement_import_dup_column_names (self->import);
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
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_ptr_array_add (self->dropdowns, dropdown);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (self->mapping_group, row);
    }

  sync_mapping (self);
  for (guint f = 0; f < self->dropdowns->len; f++)
    g_signal_connect_object (g_ptr_array_index (self->dropdowns, f), "notify::selected",
                             G_CALLBACK (mapping_changed_cb), self, 0);
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StyrImportDialog *self = STYR_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  /* Nothing was written when it fails; the dialog stays open and says
   * why, so the user can try again. */
  if (!styr_agreement_import_commit (self->import, self->author, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[COMMITTED], 0, self->import);
  gtk_window_close (GTK_WINDOW (self));
}

static void
styr_import_dialog_dispose (GObject *object)
{
  StyrImportDialog *self = (StyrImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->import);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_import_dialog_parent_class)->dispose (object);
}

static void
styr_import_dialog_class_init (StyrImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_import_dialog_dispose;

  /**
   * StyrImportDialog::committed:
   * @self: the dialog
   * @import: the import, which can be undone now
   *
   * The rows were written.
   */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                     STYR_TYPE_AGREEMENT_IMPORT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, StyrImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, StyrImportDialog, show_unchanged);
  gtk_widget_class_bind_template_child (widget_class, StyrImportDialog, rows_view);

  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
styr_import_dialog_init (StyrImportDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkCustomFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->summary_rows = g_ptr_array_new ();
  self->dropdowns = g_ptr_array_new ();
  filter = gtk_custom_filter_new (row_shown, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  gtk_list_view_set_model (self->rows_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             G_LIST_MODEL (g_object_ref (self->filtered)))));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  gtk_list_view_set_factory (self->rows_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->show_unchanged, "toggled", G_CALLBACK (show_unchanged_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * styr_import_dialog_new:
 * @parent: the main window
 * @import: the file, worked out against the store
 * @file_name: the file's name, for the user
 * @author: who imports, for the audit trail
 *
 * Returns: (transfer none): the dialog
 */
StyrImportDialog *
styr_import_dialog_new (GtkWindow           *parent,
                        StyrAgreementImport *import,
                        const char          *file_name,
                        const char          *author)
{
  StyrImportDialog *self;

  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (import), NULL);

  self = g_object_new (STYR_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->import = g_object_ref (import);
  self->author = g_strdup (author);
  adw_preferences_group_set_description (self->summary_group, file_name);

  build_mapping (self);
  update_rows (self);
  return self;
}
