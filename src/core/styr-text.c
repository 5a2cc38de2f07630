/* styr-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-text"

#include "config.h"

#include <string.h>

#include "styr-text.h"

/* How Windows programs mark text as UTF-16 ("Unicode"): spreadsheets
 * saved as Unicode text and calendar files saved by Outlook alike. One
 * rule for every file Styr reads. */

/**
 * styr_text_utf16_encoding:
 * @data: the start of a file
 * @size: its length
 * @mark_length: (out): the length of its byte order mark, 0 if it has none
 *
 * A file with a UTF-16 byte order mark is UTF-16; so is one without, when
 * every other byte of its start is 0, as in ASCII text stored as UTF-16.
 *
 * Returns: (nullable): "UTF-16LE" or "UTF-16BE", %NULL for other text
 */
const char *
styr_text_utf16_encoding (const char *data,
                          gsize       size,
                          gsize      *mark_length)
{
  guint odd = 0, even = 0;
  gsize n = MIN (size, 1024) & ~(gsize) 1;

  *mark_length = 0;
  if (size >= 2 && (guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
    {
      *mark_length = 2;
      return "UTF-16LE";
    }
  if (size >= 2 && (guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)
    {
      *mark_length = 2;
      return "UTF-16BE";
    }

  if (size < 4 || size % 2 != 0)
    return NULL;

  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == '\0';
      odd += data[i + 1] == '\0';
    }

  if (odd * 3 > n / 2 && even == 0)
    return "UTF-16LE";
  if (even * 3 > n / 2 && odd == 0)
    return "UTF-16BE";
  return NULL;
}

/**
 * styr_text_compare_ptrs:
 * @a: a pointer to a string
 * @b: a pointer to a string
 *
 * Compares strings in byte order, for g_ptr_array_sort(), which hands
 * over pointers to the elements; ids and field names sort this way, the
 * same on every desktop whatever its language.
 *
 * Returns: as strcmp()
 */
int
styr_text_compare_ptrs (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}
