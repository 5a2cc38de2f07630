/* styr-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-csv.h"

/* Larger than any register of agreements or a year of usage reports; a
 * file beyond it is refused before it is decoded. */
#define MAX_CSV_SIZE (64 * 1024 * 1024)

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
  g_strfreev (csv->header);
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_free (csv);
}

/* Excel writes UTF-8 with a byte order mark, or the Windows code page when
 * saved as plain "CSV"; anything that is not valid UTF-8 is taken to be
 * the latter. The five bytes Windows-1252 leaves undefined make a file
 * that is neither. */
static char *
decode (GBytes      *bytes,
        const char  *origin,
        const char **encoding,
        GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) local_error = NULL;
  char *text;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (size == 0)
    {
      *encoding = "UTF-8";
      return g_strdup ("");
    }

  if (g_utf8_validate_len (data, size, NULL))
    {
      *encoding = "UTF-8";
      return g_strndup (data, size);
    }

  text = g_convert (data, size, "UTF-8", "WINDOWS-1252", NULL, NULL, &local_error);
  if (text == NULL)
    {
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_ENCODING,
                   _("“%s” is neither UTF-8 nor Windows-1252 text. Save it from the spreadsheet "
                     "as “CSV UTF-8” and try again."),
                   origin);
      return NULL;
    }

  *encoding = "WINDOWS-1252";
  return text;
}

/* The separator is the one of ';', ',' and tab that occurs most often
 * outside quotes in the first line; Danish Excel uses ';' because ',' is
 * the decimal sign. */
static char
detect_delimiter (const char *text)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; *p != '\0' && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return candidates[best];
}

static gboolean
is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (((const char *) g_ptr_array_index (fields, i))[0] != '\0')
      return FALSE;

  return TRUE;
}

/**
 * styr_csv_parse:
 * @bytes: the file's contents
 * @origin: the file's name, for messages
 * @error: return location for a #GError
 *
 * Reads a CSV file as RFC 4180 describes and spreadsheets write it:
 * quoted fields may hold separators, doubled quotes and line breaks; lines
 * end in CRLF or LF. A row with the wrong number of fields is kept as it
 * is, for the caller to report with its line number.
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
  guint row_line = 1;
  guint quote_line = 0;

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
  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  text = decode (bytes, origin, &csv->encoding, error);
  if (text == NULL)
    return NULL;

  csv->delimiter = detect_delimiter (text);

  for (p = text; ; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_SYNTAX,
                           _("“%s”, line %u: a field opened with a quote is never closed."),
                           origin, quote_line);
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
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
        }
      else if (c == csv->delimiter)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
        }
      else if (c == '\n' || c == '\r' || c == '\0')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;

          if (!is_blank (fields))
            {
              char **strv;

              g_ptr_array_add (fields, NULL);
              strv = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
              if (csv->header == NULL)
                csv->header = strv;
              else
                {
                  StyrCsvRow *row = g_new0 (StyrCsvRow, 1);

                  row->line = row_line;
                  row->fields = strv;
                  g_ptr_array_add (csv->rows, row);
                }
              fields = g_ptr_array_new_with_free_func (g_free);
            }
          else
            g_ptr_array_set_size (fields, 0);

          if (c == '\0')
            break;
          if (c == '\r' && p[1] == '\n')
            p++;
          line++;
          row_line = line;
        }
      else if (was_quoted)
        {
          g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_SYNTAX,
                       _("“%s”, line %u: text follows a quoted field before the next "
                         "separator “%c”."),
                       origin, line, csv->delimiter);
          return NULL;
        }
      else
        g_string_append_c (field, c);
    }

  if (csv->header == NULL)
    {
      g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_EMPTY,
                   _("“%s” is empty: it has not even a line of column names."), origin);
      return NULL;
    }

  return g_steal_pointer (&csv);
}

/**
 * styr_csv_escape_cell:
 * @value: a cell's text
 *
 * Makes a cell safe to open in a spreadsheet: text that starts with one
 * of = + - @ (or a tab or carriage return) would be run as a formula, so
 * it gets a leading apostrophe, which spreadsheets show as text.
 *
 * Returns: (transfer full): the text to write
 */
char *
styr_csv_escape_cell (const char *value)
{
  if (value == NULL)
    return g_strdup ("");

  if (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
    return g_strconcat ("'", value, NULL);

  return g_strdup (value);
}

/**
 * styr_csv_append_row:
 * @out: where to write
 * @fields: (array zero-terminated=1): the cells
 * @delimiter: the separator
 *
 * Writes one row: cells escaped against formulas, quoted where they hold
 * the separator, a quote or a line break, and the row ended by CRLF.
 */
void
styr_csv_append_row (GString            *out,
                     const char * const *fields,
                     char                delimiter)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *cell = styr_csv_escape_cell (fields[i]);

      if (i > 0)
        g_string_append_c (out, delimiter);

      if (strchr (cell, delimiter) != NULL || strpbrk (cell, "\"\r\n") != NULL)
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
