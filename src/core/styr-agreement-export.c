/* styr-agreement-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-agreement-actions.h"
#include "styr-agreement-export.h"
#include "styr-csv.h"

/* The register as a spreadsheet: the columns the agreement import knows
 * by name, so an exported file can be read back in, with states and dates
 * as a Danish user writes them.
 */

/* Excel takes a file without it for the Windows code page. */
#define UTF8_BOM "\xef\xbb\xbf"

static const char *columns[] = {
  N_("Using system"),
  N_("Supplier"),
  N_("Services"),
  N_("Data scope"),
  N_("Reason"),
  N_("State"),
  N_("Valid from"),
  N_("Valid to"),
  N_("Next review"),
  N_("Approver"),
  N_("Notes"),
};

/* dd-mm-yyyy; a value that is not a date is kept as it is rather than
 * lost. */
static char *
date_cell (StyrAgreement *agreement,
           const char    *member)
{
  GDate date;

  if (!styr_record_get_date (STYR_RECORD (agreement), member, &date))
    return g_strdup (styr_record_get_string (STYR_RECORD (agreement), member));

  return g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

/**
 * styr_agreement_export_csv:
 * @agreements: (element-type StyrAgreement): the agreements, in the order
 *   to write them
 * @out: where to append the file
 *
 * Writes a CSV file as Danish Excel opens it: a UTF-8 byte order mark,
 * ';' between cells, a row of translated column names, then one row per
 * agreement with its state translated, services joined by ", " and dates
 * as dd-mm-yyyy. Cells that a spreadsheet would run as a formula are
 * escaped (see styr_csv_escape_cell()).
 */
void
styr_agreement_export_csv (GPtrArray *agreements,
                           GString   *out)
{
  const char *header[G_N_ELEMENTS (columns) + 1] = { NULL };

  g_return_if_fail (agreements != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, UTF8_BOM);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    header[i] = _(columns[i]);
  styr_csv_append_row (out, header, ';');

  for (guint i = 0; i < agreements->len; i++)
    {
      StyrAgreement *agreement = g_ptr_array_index (agreements, i);
      StyrRecord *record = STYR_RECORD (agreement);
      g_auto(GStrv) services = NULL;
      g_autofree char *services_text = NULL;
      g_autofree char *valid_from = NULL;
      g_autofree char *valid_to = NULL;
      g_autofree char *next_review = NULL;
      const char *row[G_N_ELEMENTS (columns) + 1] = { NULL };

      g_return_if_fail (STYR_IS_AGREEMENT (agreement));

      services = styr_agreement_dup_services (agreement);
      services_text = services != NULL ? g_strjoinv (", ", services) : NULL;
      valid_from = date_cell (agreement, "valid_from");
      valid_to = date_cell (agreement, "valid_to");
      next_review = date_cell (agreement, "next_review");

      /* The row ends at its first NULL, so a missing value must be an
       * empty cell instead. */
      row[0] = styr_agreement_get_using_system (agreement);
      row[1] = styr_agreement_get_supplier (agreement);
      row[2] = services_text;
      row[3] = styr_record_get_string (record, "data_scope");
      row[4] = styr_agreement_get_reason (agreement);
      row[5] = styr_agreement_get_state (agreement) != NULL
               ? styr_agreement_state_label (styr_agreement_get_state (agreement)) : NULL;
      row[6] = valid_from;
      row[7] = valid_to;
      row[8] = next_review;
      row[9] = styr_agreement_get_approver (agreement);
      row[10] = styr_record_get_string (record, "notes");

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        if (row[c] == NULL)
          row[c] = "";

      styr_csv_append_row (out, row, ';');
    }
}
