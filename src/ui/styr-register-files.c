/* styr-register-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-register-files"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "styr-agreement-export.h"
#include "styr-csv.h"
#include "styr-import-dialog.h"
#include "styr-register-files.h"
#include "styr-ui.h"
#include "styr-usage-import.h"

/* StyrRegisterFiles moves the register of agreements in and out of files
 * for the agreements page: the register and the monthly usage report from
 * CSV, previewed before anything is written, and the register, as the
 * page shows it, to CSV or an Excel workbook. It keeps the import done
 * last for Undo, and says "changed" when the agreements did, so the page
 * shows the current one again.
 */
struct _StyrRegisterFiles
{
  GObject           parent_instance;

  /* Borrowed: the page, which owns this */
  GtkWidget        *owner;

  /* Owned */
  StyrStore        *store;
  StyrDocumentList *list;
};

G_DEFINE_FINAL_TYPE (StyrRegisterFiles, styr_register_files, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GBytes *
load_file (GFile   *file,
           char   **name,
           GError **error)
{
  *name = g_file_get_basename (file);
  return g_file_load_bytes (file, NULL, NULL, error);
}

/* What went wrong with a file, in a dialog: the messages name the row
 * and byte and say what to do, more than a toast can hold. */
static void
show_file_error (StyrRegisterFiles  *self,
                 const char         *heading,
                 const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (self->owner)),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A question with Cancel and one answer, Cancel also on Escape. */
static GtkWidget *
ask (StyrRegisterFiles      *self,
     const char             *heading,
     const char             *body,
     const char             *answer,
     const char             *label,
     AdwResponseAppearance   appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (self->owner)),
                                              heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    answer, label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), answer, appearance);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
import_committed_cb (StyrImportDialog    *dialog,
                     StyrAgreementImport *import,
                     StyrRegisterFiles   *self)
{
  guint added = styr_agreement_import_count (import, STYR_IMPORT_ROW_NEW);
  guint changed = styr_agreement_import_count (import, STYR_IMPORT_ROW_CHANGED);
  g_autofree char *first = NULL;
  g_autofree char *title = NULL;

  if (changed == 0)
    title = g_strdup_printf (ngettext ("Imported %u new agreement", "Imported %u new agreements",
                                       added), added);
  else if (added == 0)
    title = g_strdup_printf (ngettext ("Changed %u agreement from the file",
                                       "Changed %u agreements from the file", changed), changed);
  else
    {
      first = g_strdup_printf (ngettext ("Imported %u new agreement",
                                         "Imported %u new agreements", added), added);
      /* Translators: “Imported 3 new agreements and changed 2”. */
      title = g_strdup_printf (ngettext ("%s and changed %u", "%s and changed %u", changed),
                               first, changed);
    }
  styr_ui_toast (self->owner, title, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
import_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    StyrRegisterFiles  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autofree char *name = NULL;
  StyrImportDialog *dialog;
  StyrCsv *csv;

  gtk_native_dialog_destroy (chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;

  bytes = load_file (file, &name, &error);
  csv = bytes != NULL ? styr_csv_parse (bytes, name, &error) : NULL;
  import = csv != NULL ? styr_agreement_import_new (csv, self->store, &error) : NULL;
  if (import == NULL)
    {
      show_file_error (self, _("Cannot Import Agreements"), error);
      return;
    }

  dialog = styr_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (self->owner)), import,
                                   name, styr_ui_author ());
  g_signal_connect_object (dialog, "committed", G_CALLBACK (import_committed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

static GtkFileChooserNative *
file_chooser (StyrRegisterFiles    *self,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *accept)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title,
                                         GTK_WINDOW (gtk_widget_get_root (self->owner)),
                                         action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      /* Excel's "Unicode text" is tab-separated and named .txt. */
      gtk_file_filter_set_name (filter, _("CSV and text files"));
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "tsv");
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

      /* A workbook chosen anyway is told how to save it as CSV. */
      g_clear_object (&filter);
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("All files"));
      gtk_file_filter_add_pattern (filter, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  else
    {
      add_filter (GTK_FILE_CHOOSER (chooser), _("CSV file"), "csv", "text/csv");
      add_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbook"), "xlsx",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
  return chooser;
}

/**
 * styr_register_files_import:
 * @self: a #StyrRegisterFiles
 *
 * Asks for a register, previews it row by row and imports it when the
 * user says so, with Undo offered.
 */
void
styr_register_files_import (StyrRegisterFiles *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (STYR_IS_REGISTER_FILES (self));

  chooser = file_chooser (self, _("Import Agreements"), GTK_FILE_CHOOSER_ACTION_OPEN,
                          _("_Open"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
usage_confirm_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  StyrRegisterFiles  *self)
{
  StyrUsageImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint updated = 0;

  if (!g_str_equal (response, "import"))
    return;

  if (!styr_usage_import_commit (import, self->store, styr_ui_author (), &updated, &error))
    {
      show_file_error (self, _("Cannot Import Usage"), error);
      return;
    }

  title = g_strdup_printf (ngettext ("Updated the usage of %u agreement",
                                     "Updated the usage of %u agreements", updated), updated);
  styr_ui_toast (self->owner, title, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
usage_response_cb (GtkNativeDialog    *chooser,
                   int                 response,
                   StyrRegisterFiles  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrUsageImport) import = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GListModel *rows;
  GtkWidget *dialog;
  StyrCsv *csv;
  guint figures, unchanged, refused, skipped, listed = 0;

  gtk_native_dialog_destroy (chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;

  bytes = load_file (file, &name, &error);
  csv = bytes != NULL ? styr_csv_parse (bytes, name, &error) : NULL;
  import = csv != NULL ? styr_usage_import_new (csv, self->store, &error) : NULL;
  if (import == NULL)
    {
      show_file_error (self, _("Cannot Import Usage"), error);
      return;
    }

  /* What will happen, and the first few rows that will not. */
  figures = styr_usage_import_count (import, STYR_IMPORT_ROW_CHANGED);
  unchanged = styr_usage_import_count (import, STYR_IMPORT_ROW_UNCHANGED);
  refused = styr_usage_import_count (import, STYR_IMPORT_ROW_REFUSED);
  skipped = styr_usage_import_count (import, STYR_IMPORT_ROW_SKIPPED);
  heading = g_strdup_printf (ngettext ("Import %u Figure?", "Import %u Figures?", figures),
                             figures);
  g_string_append_printf (body, ngettext ("%u row of “%s” gives a new figure for an agreement",
                                          "%u rows of “%s” give a new figure for an agreement",
                                          figures), figures, name);
  if (unchanged > 0)
    g_string_append_printf (body, ngettext ("; %u row gives a figure the agreement holds already",
                                            "; %u rows give figures the agreements hold already",
                                            unchanged), unchanged);
  g_string_append (body, ".");
  if (skipped > 0)
    g_string_append_printf (body, ngettext ("\n%u row is skipped, such as a total row.",
                                            "\n%u rows are skipped, such as total rows.",
                                            skipped), skipped);
  rows = styr_usage_import_get_rows (import);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && listed < 5; i++)
    {
      g_autoptr(StyrImportRow) row = g_list_model_get_item (rows, i);
      g_autofree char *line = NULL;

      if (styr_import_row_get_kind (row) != STYR_IMPORT_ROW_REFUSED)
        continue;
      line = styr_import_row_format (row);
      g_string_append_printf (body, "\n• %s", line);
      listed++;
    }
  if (refused > listed)
    g_string_append_printf (body, ngettext ("\n… and %u more row is left out.",
                                            "\n… and %u more rows are left out.",
                                            refused - listed), refused - listed);

  dialog = ask (self, heading, body->str, "import", _("_Import"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", figures > 0);
  g_object_set_data_full (G_OBJECT (dialog), "import", g_steal_pointer (&import), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (usage_confirm_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * styr_register_files_import_usage:
 * @self: a #StyrRegisterFiles
 *
 * Asks for a usage report, says what it would write and writes it when
 * the user says so.
 */
void
styr_register_files_import_usage (StyrRegisterFiles *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (STYR_IS_REGISTER_FILES (self));

  chooser = file_chooser (self, _("Import Usage"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (usage_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Writes what the list shows now, in its order and with its filters. */
static gboolean
export_view (StyrRegisterFiles   *self,
             const char          *path,
             guint               *n_written,
             GError             **error)
{
  g_autoptr(GPtrArray) agreements = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  /* The rows a filter has not reached yet belong in the file too. */
  styr_document_list_finish_filtering (self->list);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (agreements, g_list_model_get_item (G_LIST_MODEL (self->list), i));

  *n_written = n;
  return styr_agreement_export_file (agreements, path, error);
}

static void
write_export (StyrRegisterFiles  *self,
              const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  guint n = 0;

  if (!export_view (self, path, &n, &error))
    {
      show_file_error (self, _("Cannot Export Agreements"), error);
      return;
    }

  name = g_path_get_basename (path);
  /* Translators: the number of agreements, then the file. */
  title = g_strdup_printf (ngettext ("Exported %u agreement to “%s”",
                                     "Exported %u agreements to “%s”", n), n, name);
  styr_ui_toast (self->owner, title, FALSE);
}

static void
replace_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     StyrRegisterFiles  *self)
{
  if (g_str_equal (response, "replace"))
    write_export (self, g_object_get_data (G_OBJECT (dialog), "path"));
}

/* The name the user gave, with the extension of the type chosen where it
 * has none; the suggested name follows the type too. */
static char *
export_path (GFile         *file,
             GtkFileFilter *filter)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *suggested = NULL;
  g_autofree char *base = NULL;
  gboolean xlsx;
  char *dot;

  if (path == NULL || filter == NULL)
    return g_steal_pointer (&path);

  xlsx = g_strcmp0 (gtk_file_filter_get_name (filter), _("Excel workbook")) == 0;
  base = g_path_get_basename (path);
  suggested = g_strdup (_("service-agreements.csv"));
  dot = strrchr (base, '.');

  if (dot == NULL || (g_ascii_strcasecmp (dot, ".csv") != 0 &&
                      g_ascii_strcasecmp (dot, ".xlsx") != 0))
    return g_strconcat (path, xlsx ? ".xlsx" : ".csv", NULL);

  if (xlsx && g_str_equal (base, suggested))
    {
      path[strlen (path) - strlen (".csv")] = '\0';
      return g_strconcat (path, ".xlsx", NULL);
    }

  return g_steal_pointer (&path);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    StyrRegisterFiles  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    {
      gtk_native_dialog_destroy (chooser);
      return;
    }

  chosen = g_file_get_path (file);
  path = export_path (file, filter);
  gtk_native_dialog_destroy (chooser);
  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The register can only be written to a file on this computer."));
      show_file_error (self, _("Cannot Export Agreements"), error);
      return;
    }

  /* The file dialog asked before replacing the name it was given, not one
   * with another extension. */
  if (g_str_equal (path, chosen) || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      write_export (self, path);
      return;
    }

  name = g_path_get_basename (path);
  heading = g_strdup_printf (_("Replace “%s”?"), name);
  dialog = ask (self, heading, _("A file of that name is in the folder already. Replacing it "
                                 "overwrites what it holds."),
                "replace", _("_Replace"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_steal_pointer (&path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * styr_register_files_export:
 * @self: a #StyrRegisterFiles
 *
 * Writes what the register shows now, as CSV or an Excel workbook.
 */
void
styr_register_files_export (StyrRegisterFiles *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (STYR_IS_REGISTER_FILES (self));

  chooser = file_chooser (self, _("Export Agreements"), GTK_FILE_CHOOSER_ACTION_SAVE,
                          _("_Export"));
  /* Translators: the suggested file name of an exported register. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("service-agreements.csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
styr_register_files_dispose (GObject *object)
{
  StyrRegisterFiles *self = (StyrRegisterFiles *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (styr_register_files_parent_class)->dispose (object);
}

static void
styr_register_files_class_init (StyrRegisterFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = styr_register_files_dispose;

  /**
   * StyrRegisterFiles::changed:
   *
   * An import wrote agreements, or was undone.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
styr_register_files_init (StyrRegisterFiles *self)
{
}

/**
 * styr_register_files_new:
 * @owner: the page the dialogs and toasts belong to; it must outlive
 *   the object, as it owns it
 * @store: where the agreements are
 * @list: the register as the page shows it, for the export
 *
 * Returns: (transfer full): a new #StyrRegisterFiles
 */
StyrRegisterFiles *
styr_register_files_new (GtkWidget        *owner,
                         StyrStore        *store,
                         StyrDocumentList *list)
{
  StyrRegisterFiles *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (STYR_IS_DOCUMENT_LIST (list), NULL);

  self = g_object_new (STYR_TYPE_REGISTER_FILES, NULL);
  self->owner = owner;
  self->store = g_object_ref (store);
  self->list = g_object_ref (list);
  return self;
}
