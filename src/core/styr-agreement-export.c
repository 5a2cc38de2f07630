/* styr-agreement-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "styr-agreement-columns.h"
#include "styr-agreement-export.h"
#include "styr-csv.h"

/* The register as a spreadsheet: every column the agreement import reads,
 * the ID first, so that a file edited in Excel or LibreOffice and read
 * back changes only the cells the user changed. CSV for any spreadsheet,
 * and .xlsx, where every text is a string cell that is never evaluated
 * and the dates are dates.
 */

/* Excel takes a file without it for the Windows code page. */
#define UTF8_BOM "\xef\xbb\xbf"

G_DEFINE_QUARK (styr-agreement-export-error-quark, styr_agreement_export_error)

/**
 * styr_agreement_export_csv:
 * @agreements: (element-type StyrAgreement): the agreements, in the order
 *   to write them
 * @out: where to append the file
 *
 * Writes a CSV file as Danish Excel opens it: a UTF-8 byte order mark,
 * ';' between cells, a row of translated column headings, then one row
 * per agreement (see styr_agreement_column_format()). Cells a spreadsheet
 * would run as a formula are guarded (see styr_csv_guard_cell()).
 */
void
styr_agreement_export_csv (GPtrArray *agreements,
                           GString   *out)
{
  guint n_columns;
  const StyrAgreementColumn *columns = styr_agreement_columns (&n_columns);
  g_autofree const char **header = g_new0 (const char *, n_columns + 1);

  g_return_if_fail (agreements != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, UTF8_BOM);

  for (guint c = 0; c < n_columns; c++)
    header[c] = styr_agreement_column_heading (&columns[c]);
  styr_csv_append_row (out, header, ';');

  for (guint i = 0; i < agreements->len; i++)
    {
      StyrAgreement *agreement = g_ptr_array_index (agreements, i);
      g_auto(GStrv) row = g_new0 (char *, n_columns + 1);

      g_return_if_fail (STYR_IS_AGREEMENT (agreement));

      for (guint c = 0; c < n_columns; c++)
        row[c] = styr_agreement_column_format (&columns[c], agreement);
      styr_csv_append_row (out, (const char * const *) row, ';');
    }
}

static gboolean
xlsx_failed (lxw_error    result,
             const char  *path,
             GError     **error)
{
  if (result == LXW_NO_ERROR)
    return FALSE;

  g_set_error (error, STYR_AGREEMENT_EXPORT_ERROR, STYR_AGREEMENT_EXPORT_ERROR_WRITE,
               /* Translators: the file, then why it could not be written. */
               _("The spreadsheet “%s” could not be written: %s."), path, lxw_strerror (result));
  return TRUE;
}

/* Width in characters: the longest cell of the column, within reason. */
static void
widen (double     *width,
       const char *text)
{
  *width = MAX (*width, MIN (60.0, (double) g_utf8_strlen (text, -1) + 2.0));
}

static gboolean
write_sheet (lxw_workbook  *workbook,
             GPtrArray     *agreements,
             const char    *path,
             GError       **error)
{
  guint n_columns;
  const StyrAgreementColumn *columns = styr_agreement_columns (&n_columns);
  /* Translators: the name of the sheet of an exported register; at most 31 characters. */
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, _("Service agreements"));
  lxw_format *heading = workbook_add_format (workbook);
  lxw_format *date_format = workbook_add_format (workbook);
  lxw_format *text_format = workbook_add_format (workbook);
  g_autofree double *widths = g_new0 (double, n_columns);

  if (sheet == NULL)
    return !xlsx_failed (LXW_ERROR_MEMORY_MALLOC_FAILED, path, error);

  format_set_bold (heading);
  format_set_num_format (date_format, "dd-mm-yyyy");
  /* "@": the cell is text, also once the user types into it. */
  format_set_num_format (text_format, "@");
  format_set_text_wrap (text_format);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *title = styr_agreement_column_heading (&columns[c]);

      if (xlsx_failed (worksheet_write_string (sheet, 0, c, title, heading), path, error))
        return FALSE;
      widen (&widths[c], title);
    }

  for (guint i = 0; i < agreements->len; i++)
    {
      StyrAgreement *agreement = g_ptr_array_index (agreements, i);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = styr_agreement_column_format (&columns[c], agreement);
          lxw_error result;
          GDate date;

          if (columns[c].kind == STYR_AGREEMENT_COLUMN_DATE &&
              styr_agreement_column_get_date (&columns[c], agreement, &date))
            {
              lxw_datetime when = { g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 0, 0, 0 };

              result = worksheet_write_datetime (sheet, i + 1, c, &when, date_format);
            }
          else if (cell[0] != '\0')
            result = worksheet_write_string (sheet, i + 1, c, cell, text_format);
          else
            continue;

          if (xlsx_failed (result, path, error))
            return FALSE;
          widen (&widths[c], cell);
        }
    }

  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, c, c, widths[c],
                          columns[c].kind == STYR_AGREEMENT_COLUMN_DATE ? date_format
                                                                          : text_format);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, agreements->len, n_columns - 1);
  return TRUE;
}

/**
 * styr_agreement_export_xlsx:
 * @agreements: (element-type StyrAgreement): the agreements, in the order
 *   to write them
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the register as an Excel workbook with the columns of the CSV
 * export: every text a string cell, so nothing is evaluated and nothing
 * needs a guard, and the dates as dates shown dd-mm-yyyy. The file is
 * written beside @path and renamed into place, so a failure leaves what
 * was there.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_agreement_export_xlsx (GPtrArray   *agreements,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *partial = NULL;
  lxw_workbook *workbook;
  locale_t c_numbers;
  locale_t previous;
  gboolean ok;
  lxw_error result;

  g_return_val_if_fail (agreements != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  partial = g_strconcat (path, ".partial", NULL);
  workbook = workbook_new (partial);
  if (workbook == NULL)
    return !xlsx_failed (LXW_ERROR_MEMORY_MALLOC_FAILED, path, error);

  /* The workbook's XML writes numbers with printf: in Danish a column
   * width would be "12,5", which Excel takes for a damaged file. The
   * messages keep the user's language. */
  c_numbers = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  previous = uselocale (c_numbers);
  ok = write_sheet (workbook, agreements, path, error);
  result = workbook_close (workbook);
  uselocale (previous);
  freelocale (c_numbers);
  if (ok && xlsx_failed (result, path, error))
    ok = FALSE;

  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The spreadsheet “%s” could not be written: %s."), path,
                   g_strerror (saved));
      ok = FALSE;
    }

  if (!ok)
    g_remove (partial);
  return ok;
}

/**
 * styr_agreement_export_file:
 * @agreements: (element-type StyrAgreement): the agreements, in the order
 *   to write them
 * @path: the file to write; ".xlsx" makes a workbook, anything else CSV
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; on failure @path is as it was
 */
gboolean
styr_agreement_export_file (GPtrArray   *agreements,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (agreements != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    return styr_agreement_export_xlsx (agreements, path, error);

  csv = g_string_new (NULL);
  styr_agreement_export_csv (agreements, csv);
  if (!g_file_set_contents (path, csv->str, csv->len, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   /* Translators: the file, then why it could not be written. */
                   _("The file “%s” could not be written: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
