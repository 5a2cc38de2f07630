/* styr-summary-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "styr-summary.h"

G_BEGIN_DECLS

GtkPrintOperationResult styr_summary_print (GtkWindow    *parent,
                                            StyrSummary  *summary,
                                            const char   *export_path,
                                            GError      **error);

G_END_DECLS
