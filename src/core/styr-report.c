/* styr-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "styr-report.h"

/* The meeting summary, laid out with Pango on any cairo_t: a PDF surface
 * for --export-pdf, or the print context of the window. The summary is
 * turned into blocks (headings, paragraphs, table rows); pagination
 * measures each block at the page's width and starts a new page when one
 * does not fit, repeating a table's header there and never leaving a
 * heading alone at the foot of a page. Long text wraps; nothing is cut.
 */

#define MARGIN      56.0
#define FOOTER      28.0
#define CELL_PAD    4.0
#define FONT        "Sans"

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_GROUP,
  BLOCK_HEADER,
  BLOCK_ROW,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char     **cells;
  gboolean   urgent;
  /* For rows: the header row of their table, repeated after a break. */
  int        header;
  double     height;
} Block;

typedef struct
{
  guint  block;
  double y;
} Placed;

struct _StyrReport
{
  StyrSummary *summary;
  double       width;
  double       height;
  GArray      *blocks;
  /* Per page, a GArray of Placed. */
  GPtrArray   *pages;
  char        *generated;
  /* One context for every layout, at 72 dpi: points are points on paper
   * (pangocairo's default 96 dpi would print 10 pt at 13.3 pt). */
  PangoContext *context;
};

/* Table columns as shares of the text width. */
static const double two_columns[] = { 0.55, 0.45 };
static const double three_columns[] = { 0.22, 0.48, 0.30 };

static void
block_clear (Block *block)
{
  g_strfreev (block->cells);
}

static int
add_block (StyrReport *self,
           BlockKind   kind,
           gboolean    urgent,
           int         header,
           ...)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  Block block = { kind, NULL, urgent, header, 0 };
  const char *cell;
  va_list args;

  va_start (args, header);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (cells, cell);
  va_end (args);

  block.cells = g_strv_builder_end (cells);
  g_array_append_val (self->blocks, block);
  return (int) self->blocks->len - 1;
}

static void
add_items (StyrReport  *self,
           const char  *heading,
           const char  *what,
           const char  *why,
           GPtrArray   *items,
           const char  *none)
{
  int header;

  add_block (self, BLOCK_HEADING, FALSE, -1, heading, NULL);
  if (items->len == 0)
    {
      add_block (self, BLOCK_TEXT, FALSE, -1, none, NULL);
      return;
    }

  header = add_block (self, BLOCK_HEADER, FALSE, -1, what, why, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = item->group != NULL
                               ? g_strdup_printf ("%s\n%s", item->title, item->group)
                               : g_strdup (item->title);

      add_block (self, BLOCK_ROW, item->urgent, header, title, item->detail, NULL);
    }
}

static void
build_blocks (StyrReport *self)
{
  StyrSummary *summary = self->summary;
  g_autofree char *title = NULL;
  g_autofree char *today = styr_format_day (&summary->today);
  g_autofree char *meeting_line = NULL;
  const char *project = NULL;
  int header = -1;

  title = summary->meeting_title != NULL
          /* Translators: the report's title; %s is the meeting. */
          ? g_strdup_printf (_("Summary for %s"), summary->meeting_title)
          : g_strdup (_("Summary for the next programme-leader meeting"));
  add_block (self, BLOCK_TITLE, FALSE, -1, title, NULL);
  add_block (self, BLOCK_SUBTITLE, FALSE, -1, summary->municipality, NULL);
  if (summary->meeting_when != NULL)
    {
      /* Translators: the meeting's date in the report, then its state. */
      meeting_line = g_strdup_printf (_("Meeting: %s · %s"), summary->meeting_when,
                                      summary->meeting_state);
      add_block (self, BLOCK_SUBTITLE, summary->meeting_needs_action, -1, meeting_line, NULL);
    }
  /* Translators: when the report was made; %s is a date written out. */
  g_free (title);
  title = g_strdup_printf (_("As of %s · made %s"), today, self->generated);
  add_block (self, BLOCK_SUBTITLE, FALSE, -1, title, NULL);

  if (summary->agenda->len > 0)
    {
      add_block (self, BLOCK_HEADING, FALSE, -1, _("Agenda"), NULL);
      header = add_block (self, BLOCK_HEADER, FALSE, -1, _("Time"), _("Item"), _("Presenters"),
                          NULL);
      for (guint i = 0; i < summary->agenda->len; i++)
        {
          StyrAgendaItem *item = g_ptr_array_index (summary->agenda, i);
          g_autofree char *time = item->start != NULL
                                  ? g_strdup_printf ("%s–%s", item->start,
                                                     item->end != NULL ? item->end : "")
                                  : g_strdup ("");
          g_autofree char *presenters = item->presenters != NULL
                                        ? g_strjoinv (", ", item->presenters) : g_strdup ("");

          add_block (self, BLOCK_ROW, FALSE, header, time, item->title, presenters, NULL);
        }
    }

  add_items (self, summary->attention_title, _("Task or item"), _("Due"),
             summary->attention, _("Nothing is due by then, and nothing is overdue."));

  add_block (self, BLOCK_HEADING, FALSE, -1, _("KLIK Tasks by Project"), NULL);
  header = add_block (self, BLOCK_HEADER, FALSE, -1, _("Task"),
                      _("Deadline, own status, nationally"), NULL);
  for (guint i = 0; i < summary->tasks->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (summary->tasks, i);

      if (g_strcmp0 (project, item->group) != 0)
        {
          g_autofree char *group = NULL;

          project = item->group;
          for (guint p = 0; p < summary->projects->len; p++)
            {
              StyrSummaryItem *progress = g_ptr_array_index (summary->projects, p);

              if (g_strcmp0 (progress->title, project) == 0)
                group = g_strdup_printf ("%s — %s", project, progress->detail);
            }
          add_block (self, BLOCK_GROUP, FALSE, header, group != NULL ? group : project, NULL);
        }
      add_block (self, BLOCK_ROW, item->urgent, header, item->title, item->detail, NULL);
    }

  add_items (self, _("ØiR Checklists"), _("Checklist"), _("Progress"), summary->checklists,
             _("There are no checklists."));
  add_items (self, _("Service Agreements Needing Action"), _("Agreement"), _("State and flags"),
             summary->agreements, _("No agreement needs action."));
  if (summary->agreements_total > summary->agreements->len)
    {
      g_autofree char *more = NULL;
      guint rest = summary->agreements_total - summary->agreements->len;

      /* Translators: after the first agreements needing action in the report. */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "… and %u more agreement; the Service Agreements page lists them all.",
                                           "… and %u more agreements; the Service Agreements page lists them all.",
                                           rest), rest);
      add_block (self, BLOCK_TEXT, FALSE, -1, more, NULL);
    }
  add_items (self, _("Role Gaps"), _("Role"), _("Gap"), summary->roles,
             _("Every role is held, with a deputy."));

  add_block (self, BLOCK_HEADING, FALSE, -1, _("Own Notes and Questions"), NULL);
  /* A line per block, so long notes break across pages. */
  if (summary->notes != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (summary->notes, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        add_block (self, BLOCK_TEXT, FALSE, -1, lines[i], NULL);
    }
  for (guint i = 0; summary->questions != NULL && summary->questions[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", summary->questions[i]);

      add_block (self, BLOCK_TEXT, FALSE, -1, line, NULL);
    }
  if (summary->notes == NULL && (summary->questions == NULL || summary->questions[0] == NULL))
    add_block (self, BLOCK_TEXT, FALSE, -1, _("None written yet."), NULL);
}

/**
 * styr_report_new:
 * @summary: (transfer none): what to report; must outlive the report
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Returns: (transfer full): a report, to paginate and draw
 */
StyrReport *
styr_report_new (StyrSummary *summary,
                 double       width,
                 double       height)
{
  StyrReport *self = g_new0 (StyrReport, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->summary = summary;
  self->width = width;
  self->height = height;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->generated = g_date_time_format (now, "%d-%m-%Y %H:%M");
  build_blocks (self);
  return self;
}

void
styr_report_free (StyrReport *self)
{
  g_array_unref (self->blocks);
  g_ptr_array_unref (self->pages);
  g_free (self->generated);
  g_clear_object (&self->context);
  g_free (self);
}

static const double *
columns_of (Block *block,
            guint *n)
{
  *n = g_strv_length (block->cells);
  if (*n == 3)
    return three_columns;
  if (*n == 2)
    return two_columns;
  return NULL;
}

static void
update_context (StyrReport *self,
                cairo_t    *cr)
{
  if (self->context == NULL)
    {
      self->context = pango_cairo_create_context (cr);
      pango_cairo_context_set_resolution (self->context, 72);
    }
  else
    pango_cairo_update_context (cr, self->context);
}

static PangoLayout *
cell_layout (StyrReport *self,
             Block      *block,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = NULL;
  const char *size = "10";

  switch (block->kind)
    {
    case BLOCK_TITLE:
      size = "Bold 18";
      break;
    case BLOCK_HEADING:
      size = "Bold 13";
      break;
    case BLOCK_HEADER:
    case BLOCK_GROUP:
      size = "Bold 10";
      break;
    case BLOCK_SUBTITLE:
    case BLOCK_TEXT:
    case BLOCK_ROW:
    default:
      size = block->urgent ? "Bold 10" : "10";
      break;
    }

  {
    g_autofree char *name = g_strdup_printf ("%s %s", FONT, size);

    font = pango_font_description_from_string (name);
  }
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
content_width (StyrReport *self)
{
  return self->width - 2 * MARGIN;
}

static double
measure (StyrReport *self,
         cairo_t    *cr,
         Block      *block)
{
  guint n;
  const double *columns = columns_of (block, &n);
  double height = 0;

  for (guint c = 0; c < n; c++)
    {
      double width = columns != NULL ? content_width (self) * columns[c] - 2 * CELL_PAD
                                     : content_width (self) -
                                       (block->kind == BLOCK_GROUP ? 2 * CELL_PAD : 0);
      g_autoptr(PangoLayout) layout = cell_layout (self, block, block->cells[c], width);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      height = MAX (height, pango_units_to_double (h));
    }

  switch (block->kind)
    {
    case BLOCK_TITLE:
      return height + 6;
    case BLOCK_HEADING:
      return height + 18;
    case BLOCK_HEADER:
    case BLOCK_ROW:
    case BLOCK_GROUP:
      return height + 2 * CELL_PAD;
    case BLOCK_SUBTITLE:
    case BLOCK_TEXT:
    default:
      return height + 4;
    }
}

/**
 * styr_report_paginate:
 * @self: a report
 * @cr: a cairo context of the target, for measuring text
 *
 * Returns: the number of pages
 */
guint
styr_report_paginate (StyrReport *self,
                      cairo_t    *cr)
{
  double bottom = self->height - MARGIN - FOOTER;
  GArray *page = NULL;
  double y = 0;

  update_context (self, cr);
  g_ptr_array_set_size (self->pages, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    g_array_index (self->blocks, Block, i).height = measure (self, cr,
                                                             &g_array_index (self->blocks, Block, i));

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double needed = block->height;

      /* A heading keeps its first line of content with it. */
      if (block->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
        needed += g_array_index (self->blocks, Block, i + 1).height +
                  (i + 2 < self->blocks->len ? g_array_index (self->blocks, Block, i + 2).height : 0);

      if (page == NULL || (y + needed > bottom && page->len > 0))
        {
          page = g_array_new (FALSE, FALSE, sizeof (Placed));
          g_ptr_array_add (self->pages, page);
          y = MARGIN;

          /* A table that goes on repeats its header. */
          if ((block->kind == BLOCK_ROW || block->kind == BLOCK_GROUP) && block->header >= 0)
            {
              Placed header = { (guint) block->header, y };

              g_array_append_val (page, header);
              y += g_array_index (self->blocks, Block, block->header).height;
            }
        }

      {
        Placed placed = { i, y };

        g_array_append_val (page, placed);
        y += block->height;
      }
    }

  return self->pages->len;
}

static void
set_colour (cairo_t  *cr,
            gboolean  urgent)
{
  if (urgent)
    cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  else
    cairo_set_source_rgb (cr, 0.12, 0.12, 0.14);
}

/**
 * styr_report_draw_page:
 * @self: a paginated report
 * @cr: where to draw, with the page's origin at 0, 0
 * @page: the page, from 0
 */
void
styr_report_draw_page (StyrReport *self,
                       cairo_t    *cr,
                       guint       page)
{
  GArray *placed;
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;
  Block footer_block = { BLOCK_TEXT, NULL, FALSE, -1, 0 };

  g_return_if_fail (page < self->pages->len);

  update_context (self, cr);
  placed = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *at = &g_array_index (placed, Placed, i);
      Block *block = &g_array_index (self->blocks, Block, at->block);
      guint n;
      const double *columns = columns_of (block, &n);
      double x = MARGIN;
      double top = at->y + (block->kind == BLOCK_HEADING ? 12 : 0);

      if (block->kind == BLOCK_HEADER || block->kind == BLOCK_GROUP)
        {
          cairo_set_source_rgb (cr, block->kind == BLOCK_HEADER ? 0.88 : 0.95,
                                block->kind == BLOCK_HEADER ? 0.90 : 0.95,
                                block->kind == BLOCK_HEADER ? 0.93 : 0.95);
          cairo_rectangle (cr, MARGIN, at->y, content_width (self), block->height);
          cairo_fill (cr);
        }
      else if (block->kind == BLOCK_ROW)
        {
          cairo_set_source_rgb (cr, 0.85, 0.85, 0.87);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, MARGIN, at->y + block->height);
          cairo_line_to (cr, MARGIN + content_width (self), at->y + block->height);
          cairo_stroke (cr);
        }

      for (guint c = 0; c < n; c++)
        {
          gboolean cell = columns != NULL || block->kind == BLOCK_GROUP;
          double width = columns != NULL ? content_width (self) * columns[c] - 2 * CELL_PAD
                                         : content_width (self) - (cell ? 2 * CELL_PAD : 0);
          g_autoptr(PangoLayout) layout = cell_layout (self, block, block->cells[c], width);

          set_colour (cr, block->urgent);
          cairo_move_to (cr, x + (cell ? CELL_PAD : 0), top + (cell ? CELL_PAD : 0));
          pango_cairo_show_layout (cr, layout);
          if (columns != NULL)
            x += content_width (self) * columns[c];
        }
    }

  /* Translators: the page number at the foot of each page of the report. */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  footer_layout = cell_layout (self, &footer_block, footer, content_width (self));
  pango_layout_set_alignment (footer_layout, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.42);
  cairo_move_to (cr, MARGIN, self->height - MARGIN);
  pango_cairo_show_layout (cr, footer_layout);
}

/**
 * styr_report_write_pdf:
 * @summary: what to report
 * @path: the PDF file to write
 * @n_pages: (out) (optional): how many pages it has
 * @error: return location for a #GError
 *
 * Writes the summary as an A4 PDF, with no display needed.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_report_write_pdf (StyrSummary  *summary,
                       const char   *path,
                       guint        *n_pages,
                       GError      **error)
{
  g_autoptr(StyrReport) report = styr_report_new (summary, STYR_REPORT_A4_WIDTH,
                                                  STYR_REPORT_A4_HEIGHT);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint pages;
  int fd;

  /* Written beside the target and renamed at the end, so a failure never
   * leaves a half-written PDF in place of a good one. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.%s-XXXXXX", dir, base);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s is the file; then why it failed. */
                   _("The PDF file “%s” could not be written: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (temp, STYR_REPORT_A4_WIDTH, STYR_REPORT_A4_HEIGHT);
  cr = cairo_create (surface);
  pages = styr_report_paginate (report, cr);
  for (guint i = 0; i < pages; i++)
    {
      styr_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || g_rename (temp, path) != 0)
    {
      const char *why = status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status)
                                                        : g_strerror (errno);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is the file; then why it failed. */
                   _("The PDF file “%s” could not be written: %s"), path, why);
      g_unlink (temp);
      return FALSE;
    }

  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;
}
