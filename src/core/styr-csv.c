/* styr-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-csv.h"
#include "styr-text.h"

/* Larger than any register of agreements or a year of usage reports; a
 * file beyond it is refused before it is decoded. */
#define MAX_CSV_SIZE (64 * 1024 * 1024)

/* A title, a date and a blank line or two stand above a header row; a row
 * further down is data. */
#define MAX_ROWS_ABOVE_HEADER 20

G_DEFINE_QUARK (styr-csv-error-quark, styr_csv_error)

static void
row_free (StyrCsvRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

void
styr_csv_free (StyrCsv *csv)
{
  /* The header and the rows are borrowed from all_rows. */
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_clear_pointer (&csv->all_rows, g_ptr_array_unref);
  g_free (csv->origin);
  g_free (csv);
}

/* The spreadsheet row a byte of the file is in, for messages: line breaks
 * outside quotes end rows, and Excel's "sep=" line is not one. */
static guint
row_at (const char *data,
        gsize       offset,
        gboolean    sep_line)
{
  gboolean quoted = FALSE;
  guint row = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\n' ||
                           (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n'))))
        row++;
    }

  return sep_line && row > 1 ? row - 1 : row;
}

/* Excel's "sep=;" first line names the separator; it is not a row. */
static gboolean
sep_line_at (const char *text,
             gsize       size,
             char       *delimiter)
{
  if (size < 5 || g_ascii_strncasecmp (text, "sep=", 4) != 0 ||
      strchr (";,\t|", text[4]) == NULL || text[4] == '\0' ||
      (size > 5 && text[5] != '\r' && text[5] != '\n'))
    return FALSE;

  if (delimiter != NULL)
    *delimiter = text[4];
  return TRUE;
}

/* A valid UTF-8 sequence of more than one byte: a file with one is meant
 * to be UTF-8, and an invalid byte in it is damage, not another code
 * page. */
static gboolean
has_multibyte_utf8 (const char *data,
                    gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if ((guchar) data[i] >= 0xc2)
      {
        gunichar c = g_utf8_get_char_validated (data + i, size - i);

        if (c != (gunichar) -1 && c != (gunichar) -2)
          return TRUE;
      }

  return FALSE;
}

static gboolean
check_not_workbook (const char  *data,
                    gsize        size,
                    const char  *origin,
                    GError     **error)
{
  const char *kind = NULL;

  if (size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    kind = g_str_has_suffix (origin, ".ods") ? _("an OpenDocument spreadsheet (.ods)")
                                             : _("a spreadsheet workbook (.xlsx or .ods)");
  else if (size >= 8 && memcmp (data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
    kind = _("an Excel 97–2003 workbook (.xls)");

  if (kind == NULL)
    return TRUE;

  g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_NOT_TEXT,
               /* Translators: the first %s is the file, the second what it is, e.g. “a
                * spreadsheet workbook (.xlsx or .ods)”. */
               _("“%s” is %s, not a CSV file. Open it in the spreadsheet, save it as “CSV "
                 "UTF-8” (Excel) or “Text CSV” (LibreOffice), and import that file."),
               origin, kind);
  return FALSE;
}

static char *
decode_utf16 (const char  *data,
              gsize        size,
              const char  *encoding,
              const char  *origin,
              GError     **error)
{
  gsize written = 0;
  char *text = g_convert (data, size, "UTF-8", encoding, NULL, &written, NULL);

  if (text == NULL)
    {
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_ENCODING,
                   _("“%s” is marked as UTF-16 (“Unicode text”) but is not valid UTF-16. Save "
                     "it from the spreadsheet again and try again."), origin);
      return NULL;
    }
  if (memchr (text, '\0', written) != NULL)
    {
      g_free (text);
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_NOT_TEXT,
                   _("“%s” holds a NUL character, which text never does: it is not a CSV "
                     "file."), origin);
      return NULL;
    }

  return text;
}

/* Excel writes UTF-8 with a byte order mark ("CSV UTF-8"), the Windows
 * code page ("CSV"), or UTF-16 with tabs ("Unicode text"). A file without
 * a mark is UTF-8 if it is valid UTF-8, and Windows-1252 if it has no
 * UTF-8 in it at all; a file that has both is damaged, and is refused
 * where the damage is rather than read as mojibake. */
static char *
decode (GBytes      *bytes,
        const char  *origin,
        const char **encoding,
        GError     **error)
{
  gsize size;
  const char *file = g_bytes_get_data (bytes, &size);
  const char *data = file;
  const char *utf16;
  gsize mark;
  gboolean bom = FALSE;
  gboolean sep_line;
  const char *end = NULL;
  const char *nul;
  char *text;

  *encoding = "UTF-8";
  if (size == 0)
    return g_strdup ("");

  if (!check_not_workbook (data, size, origin, error))
    return NULL;

  if ((utf16 = styr_text_utf16_encoding (data, size, &mark)) != NULL)
    {
      *encoding = utf16;
      return decode_utf16 (data + mark, size - mark, utf16, origin, error);
    }

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
      bom = TRUE;
    }
  sep_line = sep_line_at (data, size, NULL);

  nul = memchr (data, '\0', size);
  if (nul != NULL)
    {
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_NOT_TEXT,
                   /* Translators: “register.csv”, row 3: byte 120 is … */
                   _("“%s”, row %u: byte %u is a NUL byte, which text never "
                     "holds: it is not a CSV file."),
                   origin, row_at (data, nul - data, sep_line), (guint) (nul - file) + 1);
      return NULL;
    }

  if (size == 0 || g_utf8_validate_len (data, size, &end))
    return g_strndup (data, size);

  if (bom || has_multibyte_utf8 (data, size))
    {
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_ENCODING,
                   /* Translators: “register.csv”, row 3: byte 120 (0xF8) is … */
                   _("“%s”, row %u: byte %u (0x%02X) is not valid UTF-8, "
                     "though the rest of the file is. Correct that cell, or save the file from "
                     "the spreadsheet as “CSV UTF-8” again."),
                   origin, row_at (data, end - data, sep_line), (guint) (end - file) + 1,
                   (guint) (guchar) *end);
      return NULL;
    }

  text = g_convert (data, size, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    {
      /* The five bytes Windows-1252 leaves undefined. */
      const char *bad = data;

      while (bad < data + size && strchr ("\x81\x8d\x8f\x90\x9d", *bad) == NULL)
        bad++;
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_ENCODING,
                   _("“%s”, row %u: byte %u (0x%02X) is neither UTF-8 nor "
                     "Windows-1252 text. Save the file from the spreadsheet as “CSV UTF-8” and "
                     "try again."),
                   origin, row_at (data, bad - data, sep_line), (guint) (bad - file) + 1,
                   bad < data + size ? (guint) (guchar) *bad : 0);
      return NULL;
    }

  *encoding = "WINDOWS-1252";
  return text;
}

/* The separator is the one of ';', ',' and tab that the first rows have
 * the same number of most often, outside quotes: every row of a table has
 * one fewer than it has columns, while commas in the text of cells and a
 * title above the table vary. Danish Excel uses ';', as ',' is the decimal
 * sign. */
static char
detect_delimiter (const char *text)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[G_N_ELEMENTS (candidates)][MAX_ROWS_ABOVE_HEADER] = { { 0 } };
  gboolean quoted = FALSE;
  guint lines = 0;
  guint best = 0;
  guint best_rows = 0;
  guint best_count = 0;

  for (const char *p = text; lines < MAX_ROWS_ABOVE_HEADER; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\0' || (!quoted && (*p == '\n' || *p == '\r')))
        {
          gboolean blank = TRUE;

          for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
            blank = blank && counts[i][lines] == 0;
          if (!blank)
            lines++;
          if (*p == '\0')
            break;
        }
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i][lines]++;
    }

  /* For each separator, the count most lines share, and how many do. */
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    for (guint a = 0; a < lines; a++)
      {
        guint rows = 0;

        if (counts[i][a] == 0)
          continue;
        for (guint b = 0; b < lines; b++)
          rows += counts[i][b] == counts[i][a];

        if (rows > best_rows || (rows == best_rows && counts[i][a] > best_count))
          {
            best = i;
            best_rows = rows;
            best_count = counts[i][a];
          }
      }

  return candidates[best];
}

static gboolean
is_space (gunichar c)
{
  /* Spreadsheets and web pages leave no-break spaces around values. */
  return g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f;
}

/* Spaces around a value are not part of it, and a line break in a cell is
 * "\n" whichever system wrote it. */
static char *
clean_cell (GString *field)
{
  const char *start = field->str;
  const char *end = field->str + field->len;
  GString *out;

  while (start < end && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *last = g_utf8_find_prev_char (start, end);

      if (last == NULL || !is_space (g_utf8_get_char (last)))
        break;
      end = last;
    }

  out = g_string_sized_new (end - start);
  for (const char *p = start; p < end; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p + 1 < end && p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
only_blanks (GString *field)
{
  for (gsize i = 0; i < field->len; i++)
    if (field->str[i] != ' ')
      return FALSE;

  return TRUE;
}

static gboolean
is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (((const char *) g_ptr_array_index (fields, i))[0] != '\0')
      return FALSE;

  return TRUE;
}

/* How many cells a row has up to its last one with text. */
static guint
used_length (char **fields)
{
  guint n = g_strv_length (fields);

  while (n > 0 && fields[n - 1][0] == '\0')
    n--;

  return n;
}

/* Gives @row exactly @n cells: spreadsheets leave out empty cells at the
 * end of a row, or write empty ones past the last column. */
static void
fit_row (StyrCsvRow *row,
         guint       n)
{
  guint used = used_length (row->fields);
  guint length = g_strv_length (row->fields);

  g_assert (used <= n);

  for (guint i = n; i < length; i++)
    g_clear_pointer (&row->fields[i], g_free);
  row->fields = g_renew (char *, row->fields, n + 1);
  for (guint i = length; i < n; i++)
    row->fields[i] = g_strdup ("");
  row->fields[n] = NULL;
}

/* Makes all_rows[index] the header row: the rows below it are the data,
 * and every row gets as many cells as the widest of them uses. */
static void
use_header (StyrCsv *csv,
            guint    index)
{
  StyrCsvRow *header = g_ptr_array_index (csv->all_rows, index);
  guint n = used_length (header->fields);

  for (guint i = index + 1; i < csv->all_rows->len; i++)
    n = MAX (n, used_length (((StyrCsvRow *) g_ptr_array_index (csv->all_rows, i))->fields));
  n = MAX (n, 1);

  g_ptr_array_set_size (csv->rows, 0);
  for (guint i = index; i < csv->all_rows->len; i++)
    {
      StyrCsvRow *row = g_ptr_array_index (csv->all_rows, i);

      fit_row (row, n);
      if (i > index)
        g_ptr_array_add (csv->rows, row);
    }

  csv->header = header->fields;
  csv->header_row = header->row;
  csv->n_columns = n;
  csv->n_above = index;
}

/**
 * styr_csv_parse:
 * @bytes: the file's contents
 * @origin: the file's name, for messages
 * @error: return location for a #GError
 *
 * Reads a CSV file as RFC 4180 describes and spreadsheets write it:
 * quoted fields may hold separators, doubled quotes and line breaks; lines
 * end in CRLF, LF or CR; an Excel "sep=" first line names the separator.
 * Cells are trimmed of spaces. The first row with text is the header row
 * until styr_csv_find_header() finds a better one. Rows are numbered as
 * the spreadsheet numbers them, blank ones included.
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
StyrCsv *
styr_csv_parse (GBytes      *bytes,
                const char  *origin,
                GError     **error)
{
  g_autoptr(StyrCsv) csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  guint line = 1;
  guint row = 1;
  guint row_line = 1;
  guint quote_row = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  if (g_bytes_get_size (bytes) > MAX_CSV_SIZE)
    {
      g_autofree char *limit = g_format_size (MAX_CSV_SIZE);

      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s, more than a CSV file for Styr can be."),
                   origin, limit);
      return NULL;
    }

  csv = g_new0 (StyrCsv, 1);
  csv->origin = g_strdup (origin);
  csv->all_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  csv->rows = g_ptr_array_new ();

  text = decode (bytes, origin, &csv->encoding, error);
  if (text == NULL)
    return NULL;

  p = text;
  if (sep_line_at (text, strlen (text), &csv->delimiter))
    {
      p = text + 5;
      if (*p == '\r' && p[1] == '\n')
        p++;
      if (*p != '\0')
        p++;
      line++;
    }
  else
    csv->delimiter = detect_delimiter (text);

  for (; ; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_SYNTAX,
                           _("“%s”, row %u: a cell opened with a quote is never closed."),
                           origin, quote_row);
              return NULL;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n' || (c == '\r' && p[1] != '\n'))
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      /* Spaces may stand before an opening quote. */
      if (c == '"' && !was_quoted && only_blanks (field))
        {
          g_string_truncate (field, 0);
          quoted = was_quoted = TRUE;
          quote_row = row;
        }
      else if (c == csv->delimiter)
        {
          g_ptr_array_add (fields, clean_cell (field));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
        }
      else if (c == '\n' || c == '\r' || c == '\0')
        {
          g_ptr_array_add (fields, clean_cell (field));
          g_string_truncate (field, 0);
          was_quoted = FALSE;

          if (!is_blank (fields))
            {
              StyrCsvRow *record = g_new0 (StyrCsvRow, 1);

              g_ptr_array_add (fields, NULL);
              record->row = row;
              record->line = row_line;
              record->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
              g_ptr_array_add (csv->all_rows, record);
              fields = g_ptr_array_new_with_free_func (g_free);
            }
          else
            g_ptr_array_set_size (fields, 0);

          if (c == '\0')
            break;
          if (c == '\r' && p[1] == '\n')
            p++;
          line++;
          row++;
          row_line = line;
        }
      else if (was_quoted && c != ' ')
        {
          g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_SYNTAX,
                       _("“%s”, row %u: text follows a quoted cell before the next "
                         "separator “%c”."),
                       origin, row, csv->delimiter);
          return NULL;
        }
      else if (!was_quoted)
        g_string_append_c (field, c);
    }

  if (csv->all_rows->len == 0)
    {
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_EMPTY,
                   _("“%s” is empty: it has not even a row of column headings."), origin);
      return NULL;
    }

  use_header (csv, 0);
  return g_steal_pointer (&csv);
}

/**
 * styr_csv_find_header:
 * @csv: a parsed file
 * @is_heading: tells a heading the caller reads
 * @user_data: closure data
 *
 * Takes as the header row the row among the first ones with the most
 * headings the caller knows, so that a title or a date above the table is
 * left out. It takes two: a data row may hold one word that is also a
 * heading ("Godkendt"). When no row has two, the first row stays the
 * header.
 */
void
styr_csv_find_header (StyrCsv            *csv,
                      StyrCsvHeadingFunc  is_heading,
                      gpointer            user_data)
{
  guint best = 0;
  guint best_score = 1;

  g_return_if_fail (csv != NULL);
  g_return_if_fail (is_heading != NULL);

  for (guint i = 0; i < csv->all_rows->len && i <= MAX_ROWS_ABOVE_HEADER; i++)
    {
      StyrCsvRow *row = g_ptr_array_index (csv->all_rows, i);
      guint score = 0;

      for (guint c = 0; row->fields[c] != NULL; c++)
        if (row->fields[c][0] != '\0' && is_heading (row->fields[c], user_data))
          score++;

      if (score > best_score)
        {
          best = i;
          best_score = score;
        }
    }

  use_header (csv, best);
}

/**
 * styr_csv_column_name:
 * @csv: a parsed file
 * @column: a column, counting from 0
 *
 * Returns: (transfer full): the column's heading as the file writes it,
 *   or its letter as the spreadsheet shows it ("L") if it has none
 */
char *
styr_csv_column_name (StyrCsv *csv,
                      guint    column)
{
  char letters[16];
  guint i = G_N_ELEMENTS (letters) - 1;

  g_return_val_if_fail (csv != NULL, NULL);

  if (column < csv->n_columns && csv->header[column][0] != '\0')
    return g_strdup (csv->header[column]);

  letters[i] = '\0';
  for (guint n = column + 1; n > 0 && i > 0; n = (n - 1) / 26)
    letters[--i] = 'A' + (n - 1) % 26;

  return g_strdup (letters + i);
}

/**
 * styr_csv_normalize_heading:
 * @heading: a column heading
 *
 * Returns: (transfer full): @heading as headings are compared: without
 *   case, spaces or punctuation ("Gyldig fra:" is "gyldigfra")
 */
char *
styr_csv_normalize_heading (const char *heading)
{
  g_autofree char *folded = g_utf8_casefold (heading, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * styr_csv_is_total_row:
 * @row: a row
 *
 * Whether @row sums up the rows above it rather than being one of them:
 * its first cell with text says "I alt", "Total", "Sum" or the like.
 *
 * Returns: %TRUE for a total row
 */
gboolean
styr_csv_is_total_row (const StyrCsvRow *row)
{
  static const char * const names[] = {
    "ialt", "total", "totalt", "sum", "summa", "samlet", "subtotal", "grandtotal", NULL
  };

  g_return_val_if_fail (row != NULL, FALSE);

  for (guint c = 0; row->fields[c] != NULL; c++)
    if (row->fields[c][0] != '\0')
      {
        g_autofree char *name = styr_csv_normalize_heading (row->fields[c]);

        return g_strv_contains (names, name);
      }

  return FALSE;
}

/**
 * styr_csv_name_key:
 * @name: a name as a cell gives it, such as a using system
 *
 * Returns: (transfer full): @name as two cells naming the same thing
 *   compare: "  KMD  sag " and "KMD Sag" are one system, as case, the
 *   Unicode form and runs of spaces do not count
 */
char *
styr_csv_name_key (const char *name)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  if (name == NULL || (normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFC)) == NULL)
    return g_string_free (key, FALSE);

  folded = g_utf8_casefold (normalized, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/**
 * styr_csv_needs_guard:
 * @value: (nullable): a cell's text
 *
 * Whether a spreadsheet would run @value as a formula rather than show
 * it: it starts with "=", or with "+", "-" or "@" and goes on ("+45 33 12
 * 34 56", "-3 %"), or with a tab or a line break, or is such text after
 * an apostrophe. A lone "-" is text.
 *
 * Returns: %TRUE if the cell needs a guard
 */
gboolean
styr_csv_needs_guard (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return FALSE;

  if (strchr ("=\t\r\n", value[0]) != NULL)
    return TRUE;

  /* The user's own apostrophe before such text gets a guard too, or
   * reading it back would take the apostrophe for one. */
  if (value[0] == '\'')
    return styr_csv_needs_guard (value + 1);

  return strchr ("+-@", value[0]) != NULL && value[1] != '\0';
}

/**
 * styr_csv_guard_cell:
 * @value: (nullable): a cell's text
 *
 * Makes a cell safe to open in a spreadsheet: text it would run as a
 * formula (see styr_csv_needs_guard()) gets a leading apostrophe, which
 * styr_csv_unguard_cell() takes off again.
 *
 * Returns: (transfer full): the text to write
 */
char *
styr_csv_guard_cell (const char *value)
{
  if (value == NULL)
    return g_strdup ("");

  if (styr_csv_needs_guard (value))
    return g_strconcat ("'", value, NULL);

  return g_strdup (value);
}

/**
 * styr_csv_unguard_cell:
 * @value: a cell's text as read
 *
 * Takes off the apostrophe styr_csv_guard_cell() put in front; an
 * apostrophe before anything else is the user's own and stays.
 *
 * Returns: (transfer full): the cell's value
 */
char *
styr_csv_unguard_cell (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (value[0] == '\'' && styr_csv_needs_guard (value + 1))
    return g_strdup (value + 1);

  return g_strdup (value);
}

/**
 * styr_csv_append_row:
 * @out: where to write
 * @fields: (array zero-terminated=1): the cells
 * @delimiter: the separator
 *
 * Writes one row: cells guarded against formulas, quoted where they hold
 * a separator (';', ',' or a tab), a quote or a line break, and the row
 * ended by CRLF.
 */
void
styr_csv_append_row (GString            *out,
                     const char * const *fields,
                     char                delimiter)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *cell = styr_csv_guard_cell (fields[i]);

      if (i > 0)
        g_string_append_c (out, delimiter);

      /* Every separator a reader might take is quoted, not only this one. */
      if (strchr (cell, delimiter) != NULL || strpbrk (cell, "\";,\t\r\n") != NULL)
        {
          g_string_append_c (out, '"');
          for (const char *p = cell; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, cell);
    }

  g_string_append (out, "\r\n");
}
