/* styr-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 in points, as cairo's PDF surface and GtkPrintOperation measure. */
#define STYR_REPORT_A4_WIDTH  595.276
#define STYR_REPORT_A4_HEIGHT 841.89

typedef struct _StyrReport StyrReport;

StyrReport *styr_report_new          (double        width,
                                      double        height,
                                      const char   *title,
                                      const char   *author);
void        styr_report_free         (StyrReport   *self);

void        styr_report_add_title    (StyrReport   *self,
                                      const char   *text);
void        styr_report_add_subtitle (StyrReport   *self,
                                      const char   *text,
                                      gboolean      urgent);
void        styr_report_add_heading  (StyrReport   *self,
                                      const char   *text);
void        styr_report_add_text     (StyrReport   *self,
                                      const char   *text,
                                      gboolean      urgent);
void        styr_report_add_link     (StyrReport   *self,
                                      const char   *text,
                                      const char   *uri);
int         styr_report_add_header   (StyrReport   *self,
                                      const char   *first,
                                      ...) G_GNUC_NULL_TERMINATED;
void        styr_report_add_row      (StyrReport   *self,
                                      int           header,
                                      gboolean      urgent,
                                      const char   *first,
                                      ...) G_GNUC_NULL_TERMINATED;
void        styr_report_add_group    (StyrReport   *self,
                                      int           header,
                                      const char   *text);

guint       styr_report_paginate     (StyrReport   *self,
                                      cairo_t      *cr);
void        styr_report_draw_page    (StyrReport   *self,
                                      cairo_t      *cr,
                                      guint         page);
gboolean    styr_report_write_pdf    (StyrReport   *report,
                                      const char   *path,
                                      guint        *n_pages,
                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrReport, styr_report_free)

G_END_DECLS
