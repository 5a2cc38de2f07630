/* styr-commands.c: what `styr --import-catalogue`, `--pull-catalogue`,
 * `--backup`, `--restore`, the exports and `--sync` do, without a display,
 * with a report for the terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-agreement-export.h"
#include "styr-agreement-import.h"
#include "styr-catalogue.h"
#include "styr-catalogue-source.h"
#include "styr-commands.h"
#include "styr-ics.h"
#include "styr-replicator.h"
#include "styr-agreement-review.h"
#include "styr-summary-report.h"
#include "styr-summary.h"
#include "styr-usage-import.h"

/* Every command checks its input before it opens the database, so a bad
 * file leaves even a database it would have created or upgraded alone. */

/* Imports a catalogue that has been checked, and says what it did. */
static gboolean
import_catalogue (const char     *database,
                  StyrCatalogue  *catalogue,
                  const char     *name,
                  char          **report,
                  GError        **error)
{
  g_autoptr(StyrStore) store = NULL;
  StyrCatalogueImport result;
  gint64 held;

  store = styr_store_new (database, error);
  if (store == NULL || !styr_catalogue_import (catalogue, store, &result, error))
    return FALSE;

  if (result.skipped)
    {
      held = styr_catalogue_get_store_version (store, NULL);
      *report = g_strdup_printf (_("Nothing was imported: the database already holds catalogue "
                                   "version %d, and “%s” is version %d."),
                                 (int) held, name, (int) styr_catalogue_get_version (catalogue));
      return TRUE;
    }

  *report = g_strdup_printf (_("Imported catalogue version %d from “%s”: %u added, %u updated, "
                               "%u kept as they were."),
                             (int) styr_catalogue_get_version (catalogue), name,
                             result.added, result.updated, result.unchanged);
  return TRUE;
}

/**
 * styr_command_import_catalogue:
 * @database: the database file
 * @path: a catalogue file
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * Checks the whole file, then imports it in one transaction.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
styr_command_import_catalogue (const char  *database,
                               const char  *path,
                               char       **report,
                               GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(StyrCatalogue) catalogue = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  file = g_file_new_for_commandline_arg (path);
  catalogue = styr_catalogue_new_from_file (file, error);
  if (catalogue == NULL)
    return FALSE;

  return import_catalogue (database, catalogue, path, report, error);
}

/**
 * styr_command_pull_catalogue:
 * @database: the database file
 * @source: the address of a catalogue file or a catalogue database
 * @user: (nullable): the user name for it
 * @password: (nullable): the password; kept in memory only
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * Reads and checks the whole catalogue from KOMBIT's server, then imports
 * it in one transaction. Nothing is written to the server.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
styr_command_pull_catalogue (const char  *database,
                             const char  *source,
                             const char  *user,
                             const char  *password,
                             char       **report,
                             GError     **error)
{
  g_autoptr(StyrCatalogue) catalogue = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  catalogue = styr_catalogue_source_fetch (source, user, password, NULL, NULL, error);
  if (catalogue == NULL)
    return FALSE;

  /* The address as the catalogue has it, without a password. */
  return import_catalogue (database, catalogue, styr_catalogue_get_origin (catalogue), report,
                           error);
}

/**
 * styr_command_backup:
 * @database: the database file
 * @path: the file to write
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
styr_command_backup (const char  *database,
                     const char  *path,
                     char       **report,
                     GError     **error)
{
  g_autoptr(StyrStore) store = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                   _("There is no database “%s” to back up."), database);
      return FALSE;
    }

  store = styr_store_new (database, error);
  if (store == NULL || !styr_store_backup (store, path, error))
    return FALSE;

  *report = g_strdup_printf (_("The database “%s” was backed up to “%s”."),
                             styr_store_get_path (store), path);
  return TRUE;
}

/**
 * styr_command_restore:
 * @database: the database file to replace
 * @path: a backup
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure the database is unchanged
 */
gboolean
styr_command_restore (const char  *database,
                      const char  *path,
                      char       **report,
                      GError     **error)
{
  g_autoptr(StyrStore) store = NULL;
  g_autofree char *safety = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!styr_store_check_backup (path, error))
    return FALSE;

  store = styr_store_new (database, error);
  if (store == NULL || !styr_store_restore (store, path, &safety, error))
    return FALSE;

  *report = g_strdup_printf (_("The database “%s” was restored from “%s”. What it held before "
                               "is kept in “%s”."),
                             styr_store_get_path (store), path, safety);
  return TRUE;
}

/* "PLM-2020-01" and "meeting:PLM-2020-01" name the same meeting. */
static char *
meeting_id (const char *meeting)
{
  if (meeting == NULL)
    return NULL;
  return g_str_has_prefix (meeting, "meeting:") ? g_strdup (meeting)
                                                : g_strconcat ("meeting:", meeting, NULL);
}

/* Opens an existing database only: an export must not create one. */
static StyrStore *
open_existing (const char  *database,
               char        *missing,
               GError     **error)
{
  g_autofree char *message = missing;

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND, message);
      return NULL;
    }
  return styr_store_new (database, error);
}

/**
 * styr_command_export_ics:
 * @database: the database file
 * @path: the calendar file to write
 * @meeting: (nullable): one meeting, e.g. "meeting:PLM-2020-01" or
 *   "PLM-2020-01"; %NULL for all
 * @context: the municipality's ERP system and reminder
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure @path is not written
 */
gboolean
styr_command_export_ics (const char            *database,
                         const char            *path,
                         const char            *meeting,
                         const StyrRuleContext *context,
                         char                 **report,
                         GError               **error)
{
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  /* Translators: %s is the database file. */
  store = open_existing (database,
                         g_strdup_printf (_("There is no database “%s” to export meetings "
                                            "from."), database),
                         error);
  if (store == NULL)
    return FALSE;

  id = meeting_id (meeting);
  text = styr_ics_export (store, id, context, &left_out, error);
  if (text == NULL)
    return FALSE;

  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   /* Translators: %s is the file; then why it could not be written. */
                   _("The calendar file “%s” could not be written: %s"), path,
                   local_error->message);
      return FALSE;
    }

  done = id != NULL
         /* Translators: after --export-ics; the meeting, then the file. */
         ? g_strdup_printf (_("Wrote %s to the calendar file “%s”."), id, path)
         : g_strdup_printf (_("Wrote all meetings to the calendar file “%s”."), path);
  *report = left_out != NULL ? g_strdup_printf ("%s\n%s", done, left_out)
                             : g_steal_pointer (&done);
  return TRUE;
}

/**
 * styr_command_import_invitation:
 * @database: the database file
 * @path: an invitation, an .ics file
 * @author: (nullable): who imports, for the audit trail
 * @dry_run: only say what would be done
 * @report: (out) (transfer full): what the invitation changes, and what
 *   was done
 * @error: return location for a #GError
 *
 * Imports KOMBIT's invitation as the window does: its time, its move to
 * another day or its cancellation, for the meeting it is for.
 *
 * Returns: %TRUE if the invitation was taken; on failure the database is
 *   as it was
 */
gboolean
styr_command_import_invitation (const char  *database,
                                const char  *path,
                                const char  *author,
                                gboolean     dry_run,
                                char       **report,
                                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint changes;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if ((bytes = styr_ics_load (file, path, error)) == NULL)
    return FALSE;

  /* Translators: %s is the database file. */
  store = open_existing (database,
                         g_strdup_printf (_("There is no database “%s” to import the invitation "
                                            "into. Start Styr once to make it."), database),
                         error);
  if (store == NULL || (updates = styr_ics_plan_import (store, bytes, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < updates->len; i++)
    {
      g_autofree char *line = styr_ics_format_update (g_ptr_array_index (updates, i));

      g_string_append_printf (out, "%s\n", line);
    }

  changes = styr_ics_count_changes (updates);
  if (changes == 0)
    g_string_append (out, _("Nothing to import: the invitation was imported before."));
  else if (dry_run)
    /* Translators: after --import-invitation --dry-run; the file. */
    g_string_append_printf (out, _("Nothing was written, as --dry-run asked; without it, the "
                                   "invitation above would be imported from “%s”."), path);
  else if (!styr_ics_apply_import (store, updates, author, error))
    return FALSE;
  else
    /* Translators: after --import-invitation; %s is the file. */
    g_string_append_printf (out, _("Imported the invitation “%s”."), path);

  *report = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/**
 * styr_command_export_pdf:
 * @database: the database file
 * @path: the PDF file to write
 * @meeting: (nullable): the meeting to prepare for, or %NULL for the next
 * @context: the day, the own municipality and the thresholds, as the
 *   Overview has them
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * Writes the meeting summary as a PDF, with no display.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_command_export_pdf (const char             *database,
                         const char             *path,
                         const char             *meeting,
                         const StyrRuleContext  *context,
                         char                  **report,
                         GError                **error)
{
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrSummary) summary = NULL;
  g_autoptr(StyrReport) document = NULL;
  g_autofree char *id = NULL;
  guint pages = 0;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  /* Translators: %s is the database file. */
  store = open_existing (database,
                         g_strdup_printf (_("There is no database “%s” to make a summary from."),
                                          database),
                         error);
  if (store == NULL)
    return FALSE;

  id = meeting_id (meeting);
  summary = styr_summary_build (store, context, id, NULL, error);
  if (summary == NULL)
    return FALSE;
  document = styr_summary_report_new (summary, STYR_REPORT_A4_WIDTH, STYR_REPORT_A4_HEIGHT);
  if (!styr_report_write_pdf (document, path, &pages, error))
    return FALSE;

  /* Translators: after --export-pdf; the file and its number of pages. */
  *report = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the summary to “%s”, %u page.",
                                          "Wrote the summary to “%s”, %u pages.", pages),
                             path, pages);
  return TRUE;
}

/**
 * styr_command_export_review:
 * @database: the database file
 * @path: the PDF file to write
 * @agreement_id: the agreement, by the ID the register's export writes
 *   or by its whole document id
 * @context: the day, the own municipality and the thresholds
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * Writes the review of one service agreement as a PDF, with no display.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_command_export_review (const char             *database,
                            const char             *path,
                            const char             *agreement_id,
                            const StyrRuleContext  *context,
                            char                  **report,
                            GError                **error)
{
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrRecord) agreement = NULL;
  g_autoptr(StyrReport) document = NULL;
  g_autofree char *id = NULL;
  guint pages = 0;

  g_return_val_if_fail (agreement_id != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  /* Translators: %s is the database file. */
  store = open_existing (database,
                         g_strdup_printf (_("There is no database “%s” to make a review from."),
                                          database),
                         error);
  if (store == NULL)
    return FALSE;

  id = g_str_has_prefix (agreement_id, "agreement:") ? g_strdup (agreement_id)
                                                      : g_strconcat ("agreement:", agreement_id,
                                                                     NULL);
  agreement = styr_record_read (store, id);
  if (agreement == NULL || !STYR_IS_AGREEMENT (agreement))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is the ID given with --agreement. */
                   _("There is no service agreement with the ID “%s”; the ID column of "
                     "--export-agreements gives each one’s."), agreement_id);
      return FALSE;
    }

  document = styr_agreement_review_report_new (store, STYR_AGREEMENT (agreement), context,
                                               STYR_REPORT_A4_WIDTH, STYR_REPORT_A4_HEIGHT,
                                               error);
  if (document == NULL || !styr_report_write_pdf (document, path, &pages, error))
    return FALSE;

  /* Translators: after --export-pdf --agreement; the file and its number of pages. */
  *report = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the review to “%s”, %u page.",
                                          "Wrote the review to “%s”, %u pages.", pages),
                             path, pages);
  return TRUE;
}

/**
 * styr_command_sync:
 * @database: the database file
 * @server: the CouchDB server's URL
 * @name: the database on it
 * @user: (nullable): the user name
 * @password: (nullable): the password
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * One replication pass both ways, with no display.
 *
 * Returns: %TRUE only if both directions completed
 */
gboolean
styr_command_sync (const char  *database,
                   const char  *server,
                   const char  *name,
                   const char  *user,
                   const char  *password,
                   char       **report,
                   GError     **error)
{
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrReplicator) replicator = NULL;
  StyrSyncResult result = { 0 };

  g_return_val_if_fail (report != NULL, FALSE);

  store = styr_store_new (database, error);
  if (store == NULL)
    return FALSE;
  replicator = styr_replicator_new (store, server, name, user, password, error);
  if (replicator == NULL || !styr_replicator_sync (replicator, &result, NULL, error))
    return FALSE;

  /* Translators: after --sync: revisions pulled, pushed, documents in conflict. */
  *report = g_strdup_printf (_("Pulled %u, pushed %u, %u left in conflict."), result.pulled,
                             result.pushed, result.conflicts);
  if (result.skipped > 0)
    {
      g_autofree char *names = g_strjoinv ("\n", (char **) styr_replicator_get_skipped (replicator));

      g_set_error (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_TOO_DEEP,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u document from the server could not be stored here; it stays "
                                "on the server, and the others arrived:\n%s",
                                "%u documents from the server could not be stored here; they stay "
                                "on the server, and the others arrived:\n%s", result.skipped),
                   result.skipped, names);
      return FALSE;
    }
  if (result.refused > 0)
    {
      g_set_error_literal (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_SERVER,
                           styr_replicator_get_refusal (replicator));
      return FALSE;
    }
  return TRUE;
}

/**
 * styr_command_export_agreements:
 * @database: the database file
 * @path: the file to write: ".xlsx" for an Excel workbook, else CSV
 * @report: (out) (transfer full): what was done, for the user
 * @error: return location for a #GError
 *
 * Writes the register, every agreement in the order of its using system,
 * with the columns styr_command_import_agreements() reads back.
 *
 * Returns: %TRUE on success; on failure @path is as it was
 */
gboolean
styr_command_export_agreements (const char  *database,
                                const char  *path,
                                char       **report,
                                GError     **error)
{
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(GPtrArray) agreements = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  /* Translators: %s is the database file. */
  store = open_existing (database,
                         g_strdup_printf (_("There is no database “%s” to export agreements "
                                            "from."), database),
                         error);
  if (store == NULL)
    return FALSE;

  agreements = styr_record_load_all (store, "agreement", "using_system", error);
  if (agreements == NULL || !styr_agreement_export_file (agreements, path, error))
    return FALSE;

  /* Translators: after --export-agreements; the number, then the file. */
  *report = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u agreement to “%s”.",
                                          "Wrote %u agreements to “%s”.", agreements->len),
                             agreements->len, path);
  return TRUE;
}

/* Reads a CSV file, with what went wrong said in the user's words. */
static StyrCsv *
read_csv (const char  *path,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &local_error);

  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   /* Translators: the file, then why it could not be read. */
                   _("“%s” could not be read: %s"), path, local_error->message);
      return NULL;
    }

  return styr_csv_parse (bytes, path, error);
}

/* The file first, so a file that cannot be read leaves the database
 * alone, then the database it goes into. */
static StyrStore *
open_for_import (const char  *database,
                 const char  *path,
                 char        *missing,
                 StyrCsv    **csv,
                 GError     **error)
{
  g_autofree char *message = missing;
  StyrStore *store;

  *csv = read_csv (path, error);
  if (*csv == NULL)
    return NULL;

  store = open_existing (database, g_steal_pointer (&message), error);
  if (store == NULL)
    g_clear_pointer (csv, styr_csv_free);
  return store;
}

/* One line per row that does something or is refused; the rows that stay
 * as they are only in the count. */
static void
append_rows (GString    *out,
             GListModel *rows)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(StyrImportRow) row = g_list_model_get_item (rows, i);
      g_autofree char *line = NULL;

      if (styr_import_row_get_kind (row) == STYR_IMPORT_ROW_UNCHANGED)
        continue;

      line = styr_import_row_format (row);
      g_string_append_printf (out, "%s\n", line);
    }
}

/* The last line of an import's report, and its exit status. */
static gboolean
finish_import (GString     *out,
               const char  *path,
               guint        written,
               guint        unchanged,
               guint        refused,
               gboolean     dry_run,
               char       **report,
               GError     **error)
{
  if (dry_run)
    /* Translators: after --import-… --dry-run; the file. */
    g_string_append_printf (out, _("Nothing was written, as --dry-run asked; without it, the "
                                   "rows above would be imported from “%s”."), path);
  else if (written == 0 && refused == 0)
    /* Translators: the file, then how many rows it has. */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” changes nothing: its %u row is as Styr has "
                                              "it already.",
                                              "“%s” changes nothing: its %u rows are as Styr "
                                              "has them already.", unchanged),
                            path, unchanged);
  else
    {
      g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row written",
                                                            "%u rows written", written),
                                               written);
      g_autofree char *kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u row left as it was",
                                                            "%u rows left as they were",
                                                            unchanged), unchanged);

      /* Translators: the file, then “3 rows written” and “38 rows left as they were”. */
      g_string_append_printf (out, _("Imported “%s”: %s, %s."), path, done, kept);
    }

  *report = g_strdup (out->str);
  if (refused > 0)
    {
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_SYNTAX,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row of “%s” was not imported; it is named above.",
                                "%u rows of “%s” were not imported; they are named above.",
                                refused),
                   refused, path);
      return FALSE;
    }

  return TRUE;
}

/**
 * styr_command_import_agreements:
 * @database: the database file
 * @path: a CSV file of agreements
 * @author: (nullable): who imports, for the audit trail
 * @dry_run: only say what would be done
 * @report: (out) (transfer full): each row that is new, changed or
 *   refused, and what was done; also on failure, when rows were refused
 * @error: return location for a #GError
 *
 * Imports the register as the window does (see StyrAgreementImport): the
 * good rows in one transaction, the refused ones named row by row.
 *
 * Returns: %TRUE only if every row of the file was taken
 */
gboolean
styr_command_import_agreements (const char  *database,
                                const char  *path,
                                const char  *author,
                                gboolean     dry_run,
                                char       **report,
                                GError     **error)
{
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrAgreementImport) import = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  StyrCsv *csv = NULL;
  guint written;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  /* Translators: %s is the database file. */
  store = open_for_import (database, path,
                           g_strdup_printf (_("There is no database “%s” to import agreements "
                                              "into. Start Styr once to make it."), database),
                           &csv, error);
  if (store == NULL)
    return FALSE;

  import = styr_agreement_import_new (csv, store, error);
  if (import == NULL)
    return FALSE;

  append_rows (out, styr_agreement_import_get_rows (import));
  written = styr_agreement_import_count (import, STYR_IMPORT_ROW_NEW) +
            styr_agreement_import_count (import, STYR_IMPORT_ROW_CHANGED);
  if (!dry_run && written > 0 && !styr_agreement_import_commit (import, author, error))
    return FALSE;

  return finish_import (out, path, written,
                        styr_agreement_import_count (import, STYR_IMPORT_ROW_UNCHANGED),
                        styr_agreement_import_count (import, STYR_IMPORT_ROW_REFUSED),
                        dry_run, report, error);
}

/**
 * styr_command_import_usage:
 * @database: the database file
 * @path: a CSV usage report
 * @author: (nullable): who imports, for the audit trail
 * @dry_run: only say what would be done
 * @report: (out) (transfer full): each figure written or refused, and
 *   what was done; also on failure, when rows were refused
 * @error: return location for a #GError
 *
 * Merges the monthly usage report into the agreements as the window does
 * (see StyrUsageImport); total rows are skipped.
 *
 * Returns: %TRUE only if every row of the file was taken or skipped as a
 *   total
 */
gboolean
styr_command_import_usage (const char  *database,
                           const char  *path,
                           const char  *author,
                           gboolean     dry_run,
                           char       **report,
                           GError     **error)
{
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrUsageImport) import = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  StyrCsv *csv = NULL;
  guint written;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  /* Translators: %s is the database file. */
  store = open_for_import (database, path,
                           g_strdup_printf (_("There is no database “%s” to import usage "
                                              "into. Start Styr once to make it."), database),
                           &csv, error);
  if (store == NULL)
    return FALSE;

  import = styr_usage_import_new (csv, store, error);
  if (import == NULL)
    return FALSE;

  append_rows (out, styr_usage_import_get_rows (import));
  written = styr_usage_import_count (import, STYR_IMPORT_ROW_CHANGED);
  if (!dry_run && written > 0 &&
      !styr_usage_import_commit (import, store, author, NULL, error))
    return FALSE;

  return finish_import (out, path, written,
                        styr_usage_import_count (import, STYR_IMPORT_ROW_UNCHANGED),
                        styr_usage_import_count (import, STYR_IMPORT_ROW_REFUSED),
                        dry_run, report, error);
}
