/* styr-summary-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-summary-report.h"
#include "styr-summary-print.h"

/* Printing the meeting summary, and exporting it as PDF, through
 * GtkPrintOperation with the same renderer as styr --export-pdf: the
 * report draws on the print context's cairo_t, on the whole sheet, in
 * points, so the preview shows exactly what is printed.
 */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                StyrSummary       *summary)
{
  StyrReport *report = styr_summary_report_new (summary, gtk_print_context_get_width (context),
                                                gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation,
                                   styr_report_paginate (report,
                                                         gtk_print_context_get_cairo_context (context)));
  g_object_set_data_full (G_OBJECT (operation), "styr-report", report,
                          (GDestroyNotify) styr_report_free);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              StyrSummary       *summary)
{
  StyrReport *report = g_object_get_data (G_OBJECT (operation), "styr-report");

  styr_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

/**
 * styr_summary_print:
 * @parent: the window to print from
 * @summary: what to print
 * @export_path: (nullable): a PDF file to export to instead of printing
 * @error: return location for a #GError
 *
 * Prints the summary, with the print dialog and its preview, or exports
 * it as PDF without a dialog.
 *
 * Returns: the result of the print operation
 */
GtkPrintOperationResult
styr_summary_print (GtkWindow    *parent,
                    StyrSummary  *summary,
                    const char   *export_path,
                    GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The report keeps its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Meeting summary"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), summary);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), summary);

  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent,
                                      error);
    }

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                  error);
}
