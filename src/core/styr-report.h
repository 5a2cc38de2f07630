/* styr-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "styr-summary.h"

G_BEGIN_DECLS

/* A4 in points, as cairo's PDF surface and GtkPrintOperation measure. */
#define STYR_REPORT_A4_WIDTH  595.276
#define STYR_REPORT_A4_HEIGHT 841.89

typedef struct _StyrReport StyrReport;

StyrReport *styr_report_new          (StyrSummary  *summary,
                                      double        width,
                                      double        height);
void        styr_report_free         (StyrReport   *self);
guint       styr_report_paginate     (StyrReport   *self,
                                      cairo_t      *cr);
void        styr_report_draw_page    (StyrReport   *self,
                                      cairo_t      *cr,
                                      guint         page);
gboolean    styr_report_write_pdf    (StyrSummary  *summary,
                                      const char   *path,
                                      guint        *n_pages,
                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrReport, styr_report_free)

G_END_DECLS
