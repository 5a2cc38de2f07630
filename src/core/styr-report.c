/* styr-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "styr-report.h"

/* Styr's printed documents, laid out with Pango on any cairo_t: a PDF
 * surface for --export-pdf, or the print context of the window. What to
 * print (the meeting summary, the review of one agreement) is added as
 * blocks: headings, paragraphs, table rows; pagination measures each
 * block at the page's width and starts a new page when one does not fit,
 * repeating a table's header there and never leaving a heading alone at
 * the foot of a page. Long text wraps; nothing is cut. A PDF gets the
 * document's title and author, an outline of its headings and links.
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
  /* For text: an address the text links to. */
  char      *uri;
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
  double       width;
  double       height;
  char        *title;
  char        *author;
  GArray      *blocks;
  /* Per page, a GArray of Placed. */
  GPtrArray   *pages;
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
  g_free (block->uri);
}

static int
add_cells (StyrReport *self,
           BlockKind   kind,
           gboolean    urgent,
           int         header,
           const char *first,
           va_list     rest)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  Block block = { kind, NULL, NULL, urgent, header, 0 };

  for (const char *cell = first; cell != NULL; cell = va_arg (rest, const char *))
    g_strv_builder_add (cells, cell);

  block.cells = g_strv_builder_end (cells);
  g_array_append_val (self->blocks, block);
  return (int) self->blocks->len - 1;
}

static int
add_block (StyrReport *self,
           BlockKind   kind,
           gboolean    urgent,
           const char *text)
{
  Block block = { kind, NULL, NULL, urgent, -1, 0 };
  const char *cells[] = { text != NULL ? text : "", NULL };

  block.cells = g_strdupv ((char **) cells);
  g_array_append_val (self->blocks, block);
  return (int) self->blocks->len - 1;
}

/**
 * styr_report_add_title:
 * @self: a report
 * @text: the document's title, at the top of its first page
 */
void
styr_report_add_title (StyrReport *self,
                       const char *text)
{
  add_block (self, BLOCK_TITLE, FALSE, text);
}

/**
 * styr_report_add_subtitle:
 * @self: a report
 * @text: a line under the title
 * @urgent: whether it is marked as needing action
 */
void
styr_report_add_subtitle (StyrReport *self,
                          const char *text,
                          gboolean    urgent)
{
  add_block (self, BLOCK_SUBTITLE, urgent, text);
}

/**
 * styr_report_add_heading:
 * @self: a report
 * @text: the heading of a section, which is also in the PDF's outline
 */
void
styr_report_add_heading (StyrReport *self,
                         const char *text)
{
  add_block (self, BLOCK_HEADING, FALSE, text);
}

/**
 * styr_report_add_text:
 * @self: a report
 * @text: a paragraph
 * @urgent: whether it is marked as needing action
 */
void
styr_report_add_text (StyrReport *self,
                      const char *text,
                      gboolean    urgent)
{
  add_block (self, BLOCK_TEXT, urgent, text);
}

/**
 * styr_report_add_link:
 * @self: a report
 * @text: a paragraph
 * @uri: the address it links to in a PDF
 */
void
styr_report_add_link (StyrReport *self,
                      const char *text,
                      const char *uri)
{
  int index = add_block (self, BLOCK_TEXT, FALSE, text);

  g_array_index (self->blocks, Block, index).uri = g_strdup (uri);
}

/**
 * styr_report_add_header:
 * @self: a report
 * @first: the first column's heading
 * @...: the other columns' headings, two or three in all, then %NULL
 *
 * Starts a table.
 *
 * Returns: the header, to pass to its rows
 */
int
styr_report_add_header (StyrReport *self,
                        const char *first,
                        ...)
{
  va_list args;
  int index;

  va_start (args, first);
  index = add_cells (self, BLOCK_HEADER, FALSE, -1, first, args);
  va_end (args);
  return index;
}

/**
 * styr_report_add_row:
 * @self: a report
 * @header: the table's header, repeated when the table breaks
 * @urgent: whether the row is marked as needing action
 * @first: the first cell
 * @...: the other cells, as many as the header has, then %NULL
 */
void
styr_report_add_row (StyrReport *self,
                     int         header,
                     gboolean    urgent,
                     const char *first,
                     ...)
{
  va_list args;

  va_start (args, first);
  add_cells (self, BLOCK_ROW, urgent, header, first, args);
  va_end (args);
}

/**
 * styr_report_add_group:
 * @self: a report
 * @header: the table's header
 * @text: the title of the rows that follow, across the table
 */
void
styr_report_add_group (StyrReport *self,
                       int         header,
                       const char *text)
{
  int index = add_block (self, BLOCK_GROUP, FALSE, text);

  g_array_index (self->blocks, Block, index).header = header;
}

/**
 * styr_report_new:
 * @width: the page's width in points
 * @height: the page's height in points
 * @title: the document's title, for the PDF's metadata
 * @author: (nullable): who it is by, such as the municipality
 *
 * Returns: (transfer full): an empty report, to add blocks to, paginate
 *   and draw
 */
StyrReport *
styr_report_new (double      width,
                 double      height,
                 const char *title,
                 const char *author)
{
  StyrReport *self = g_new0 (StyrReport, 1);

  self->width = width;
  self->height = height;
  self->title = g_strdup (title);
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return self;
}

void
styr_report_free (StyrReport *self)
{
  g_array_unref (self->blocks);
  g_ptr_array_unref (self->pages);
  g_free (self->title);
  g_free (self->author);
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
  Block footer_block = { BLOCK_TEXT, NULL, NULL, FALSE, -1, 0 };

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
          if (block->uri != NULL)
            {
              g_autofree char *escaped = g_strescape (block->uri, NULL);
              g_autofree char *attributes = g_strdup_printf ("uri='%s'", escaped);

              /* Only a PDF surface makes a link of it. */
              cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
              pango_cairo_show_layout (cr, layout);
              cairo_tag_end (cr, CAIRO_TAG_LINK);
            }
          else
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

/* The PDF's outline: each heading, where it is placed. */
static void
add_outline (StyrReport      *self,
             cairo_surface_t *surface)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *placed = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < placed->len; i++)
        {
          Placed *at = &g_array_index (placed, Placed, i);
          Block *block = &g_array_index (self->blocks, Block, at->block);
          g_autofree char *destination = NULL;

          if (block->kind != BLOCK_HEADING)
            continue;
          destination = g_strdup_printf ("page=%u pos=[%d %d]", p + 1, (int) MARGIN,
                                         (int) at->y);
          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, block->cells[0],
                                         destination, 0);
        }
    }
}

/**
 * styr_report_write_pdf:
 * @report: what to write, at A4
 * @path: the PDF file to write
 * @n_pages: (out) (optional): how many pages it has
 * @error: return location for a #GError
 *
 * Writes the report as a PDF, with no display needed, its title and
 * author in the metadata and its headings in the outline.
 *
 * Returns: %TRUE on success
 */
gboolean
styr_report_write_pdf (StyrReport   *report,
                       const char   *path,
                       guint        *n_pages,
                       GError      **error)
{
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
  /* Made as any new file is, after the umask, not private as g_mkstemp ()
   * would leave it: a summary is handed on. */
  fd = g_mkstemp_full (temp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s is the file; then why it failed. */
                   _("The PDF file “%s” could not be written: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (temp, report->width, report->height);
  if (report->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  if (report->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, report->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Styr " PACKAGE_VERSION);
  cr = cairo_create (surface);
  pages = styr_report_paginate (report, cr);
  for (guint i = 0; i < pages; i++)
    {
      styr_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }
  add_outline (report, surface);
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
