/* styr-ics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-ics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-ics-private.h"
#include "styr-text.h"

/* What writing and reading calendar files share: Copenhagen's time zone
 * as the big clients describe it, the zone names Exchange and Outlook
 * use, and turning a file's bytes into the text libical reads.
 */

G_DEFINE_QUARK (styr-ics-error-quark, styr_ics_error)

void
styr_ics_update_free (StyrIcsUpdate *update)
{
  g_free (update->meeting_id);
  g_free (update->title);
  g_free (update->summary);
  g_free (update->seen_rev);
  g_clear_pointer (&update->old_start, g_date_time_unref);
  g_clear_pointer (&update->old_end, g_date_time_unref);
  g_clear_pointer (&update->new_start, g_date_time_unref);
  g_clear_pointer (&update->new_end, g_date_time_unref);
  g_free (update->description);
  g_free (update->uid);
  g_free (update);
}

GTimeZone *
_styr_ics_copenhagen (GError **error)
{
  GTimeZone *zone = g_time_zone_new_identifier (STYR_ICS_ZONE);

  if (zone == NULL)
    g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_NO_TIME_ZONE,
                 _("The time zone %s is not known on this computer, so no calendar file can "
                   "be written. Install the time zone data (tzdata)."), STYR_ICS_ZONE);
  return zone;
}

static icalcomponent *
observance (icalcomponent *(*make) (void),
            const char     *start,
            int             from,
            int             to,
            const char     *name,
            const char     *rule)
{
  icalcomponent *part = make ();

  icalcomponent_add_property (part, icalproperty_new_dtstart (icaltime_from_string (start)));
  icalcomponent_add_property (part, icalproperty_new_tzoffsetfrom (from));
  icalcomponent_add_property (part, icalproperty_new_tzoffsetto (to));
  icalcomponent_add_property (part, icalproperty_new_tzname (name));
  icalcomponent_add_property (part, icalproperty_new_rrule (icalrecurrencetype_from_string (rule)));
  return part;
}

/* The EU's rule since 1996, one STANDARD and one DAYLIGHT, as Outlook and
 * Google write it: readers that follow [MS-OXCICAL] take only the first
 * of each, and libical's own zone, with every change back to 1890, is
 * refused by several of them. The export checks each time against the
 * system's tzdata, so a change of the rule cannot put a meeting at the
 * wrong hour. */
icalcomponent *
_styr_ics_new_vtimezone (void)
{
  icalcomponent *zone = icalcomponent_new_vtimezone ();

  icalcomponent_add_property (zone, icalproperty_new_tzid (STYR_ICS_ZONE));
  icalcomponent_add_component (zone, observance (icalcomponent_new_xstandard, "19701025T030000",
                                                 2 * 3600, 3600, "CET",
                                                 "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
  icalcomponent_add_component (zone, observance (icalcomponent_new_xdaylight, "19700329T020000",
                                                 3600, 2 * 3600, "CEST",
                                                 "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
  return zone;
}

/* Exchange and Outlook name zones the Windows way. The ones a Danish
 * municipality meets, as the Unicode CLDR maps them, and the long names
 * Outlook writes; a zone of the same rules stands in where the CLDR's
 * own is not in libical. */
static const struct {
  const char *windows;
  const char *olson;
} windows_zones[] = {
  { "Romance Standard Time", "Europe/Copenhagen" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "FLE Standard Time", "Europe/Helsinki" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "Greenland Standard Time", "America/Nuuk" },
  { "Eastern Standard Time", "America/New_York" },
  { "Central Standard Time", "America/Chicago" },
  { "Mountain Standard Time", "America/Denver" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", "Europe/Copenhagen" },
  { "(GMT+01.00) Brussels, Copenhagen, Madrid, Paris", "Europe/Copenhagen" },
  { "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin" },
  { "(UTC+00:00) Dublin, Edinburgh, Lisbon, London", "Europe/London" },
  { "(UTC) Dublin, Edinburgh, Lisbon, London", "Europe/London" },
};

/**
 * _styr_ics_zone_for_tzid:
 * @tzid: a TZID that the file does not describe with a VTIMEZONE
 *
 * Finds the zone by its name: a tz database name, with or without the
 * prefix of the program that wrote it ("/freeassociation.sourceforge.net/
 * Europe/Copenhagen"), a Windows name, or UTC.
 *
 * Returns: (nullable) (transfer none): the zone, %NULL for a name Styr
 *   does not know, which is never guessed
 */
icaltimezone *
_styr_ics_zone_for_tzid (const char *tzid)
{
  icaltimezone *zone;

  if (tzid == NULL || tzid[0] == '\0')
    return NULL;

  if (g_ascii_strcasecmp (tzid, "UTC") == 0 || g_ascii_strcasecmp (tzid, "GMT") == 0 ||
      g_ascii_strcasecmp (tzid, "Etc/UTC") == 0 || g_ascii_strcasecmp (tzid, "Z") == 0 ||
      g_ascii_strcasecmp (tzid, "Coordinated Universal Time") == 0)
    return icaltimezone_get_utc_timezone ();

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (tzid, windows_zones[i].windows) == 0)
      return icaltimezone_get_builtin_timezone (windows_zones[i].olson);

  /* A name only, never an offset: libical also takes "GMT+1". */
  if (strchr (tzid, '/') == NULL)
    return NULL;

  if ((zone = icaltimezone_get_builtin_timezone (tzid)) != NULL)
    return zone;

  /* "/vendor/version/Area/City": the tz database name is at its end. */
  if (tzid[0] == '/')
    for (const char *part = tzid + 1; (part = strchr (part, '/')) != NULL; part++)
      if (strchr (part + 1, '/') != NULL &&
          (zone = icaltimezone_get_builtin_timezone (part + 1)) != NULL)
        return zone;

  return NULL;
}

static guint
line_at (const char *text,
         const char *at)
{
  guint line = 1;

  for (const char *c = text; c < at; c++)
    line += *c == '\n';
  return line;
}

/* The end of a content line's name and parameters: its first colon
 * outside a quoted parameter value (RFC 5545, 3.1). */
static const char *
value_start (const char *line,
             const char *end)
{
  gboolean quoted = FALSE;

  for (const char *c = line; c < end; c++)
    if (*c == '"')
      quoted = !quoted;
    else if (*c == ':' && !quoted)
      return c + 1;

  return NULL;
}

static gboolean
has_no_value (const char *line,
              const char *end)
{
  return value_start (line, end) == end && g_ascii_strncasecmp (line, "BEGIN:", 6) != 0 &&
         g_ascii_strncasecmp (line, "END:", 4) != 0;
}

/* Unfolds the lines (RFC 5545, 3.1: a line break followed by a space or a
 * tab continues the line), byte by byte, so a line folded inside a UTF-8
 * character is whole again before the text is checked as UTF-8; and drops
 * properties without a value ("LOCATION:", as Exchange, Teams and Google
 * write them), which RFC 5545 allows and which libical would report as
 * errors. */
static GString *
unfold (const char *data,
        gsize       size)
{
  GString *text = g_string_sized_new (size);
  gsize line = 0;

  for (gsize i = 0; i < size; i++)
    {
      gsize skip = data[i] == '\r' && i + 1 < size && data[i + 1] == '\n' ? 2
                   : data[i] == '\n' ? 1 : 0;
      if (skip > 0 && i + skip < size && (data[i + skip] == ' ' || data[i + skip] == '\t'))
        {
          i += skip;
          continue;
        }
      if (skip == 0)
        {
          g_string_append_c (text, data[i]);
          continue;
        }

      i += skip - 1;
      if (has_no_value (text->str + line, text->str + text->len))
        g_string_truncate (text, line);
      else
        g_string_append (text, "\r\n");
      line = text->len;
    }

  /* The last line, when no line break ends it. */
  if (line < text->len && has_no_value (text->str + line, text->str + text->len))
    g_string_truncate (text, line);

  return text;
}

/**
 * _styr_ics_read_text:
 * @file: the file's bytes
 * @error: return location for a #GError
 *
 * Reads a calendar file as Outlook, Exchange, Google and the others save
 * it: UTF-8 with or without a byte order mark, or UTF-16, with lines
 * folded anywhere.
 *
 * Returns: (transfer full): the text, unfolded, or %NULL with @error set
 */
char *
_styr_ics_read_text (GBytes  *file,
                     GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (file, &size);
  g_autofree char *converted = NULL;
  g_autoptr(GString) text = NULL;
  const char *encoding;
  const char *bad;
  gsize mark;

  if (size > STYR_ICS_MAX_SIZE)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *most = g_format_size (STYR_ICS_MAX_SIZE);

      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_TOO_LARGE,
                   /* Translators: the sizes, e.g. "12,3 MB" and "1,0 MB". */
                   _("The file is %s, too large for an invitation: Styr reads calendar files "
                     "of at most %s. Save the single invitation from the mail program and "
                     "import that."), have, most);
      return NULL;
    }

  if ((encoding = styr_text_utf16_encoding (data, size, &mark)) != NULL)
    {
      gsize written = 0;

      converted = g_convert (data + mark, size - mark, "UTF-8", encoding, NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                       _("The file is marked as UTF-16 (“Unicode”) text but is not valid "
                         "UTF-16, so it cannot be read. Nothing was imported."));
          return NULL;
        }
      data = converted;
      size = written;
    }
  else if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (size == 0)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   _("The calendar file is empty. Save the invitation from the mail program "
                     "again and import that."));
      return NULL;
    }

  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   _("This is not a calendar file: it is not text. An invitation is an .ics "
                     "file in iCalendar format (RFC 5545)."));
      return NULL;
    }

  text = unfold (data, size);
  if (!g_utf8_validate_len (text->str, text->len, &bad))
    {
      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_MALFORMED,
                   /* Translators: %u is a line of the file, after folded lines are joined. */
                   _("Line %u of the calendar file is not UTF-8 text, as iCalendar files must "
                     "be (RFC 5545). Nothing was imported."),
                   line_at (text->str, bad));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * styr_ics_load:
 * @file: a calendar file
 * @name: the file's name for the user
 * @error: return location for a #GError
 *
 * Loads a calendar file to import, refusing one too large to be an
 * invitation before reading it.
 *
 * Returns: (transfer full): its bytes, or %NULL with @error set
 */
GBytes *
styr_ics_load (GFile       *file,
               const char  *name,
               GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  data = g_malloc (STYR_ICS_MAX_SIZE + 1);
  if ((stream = g_file_read (file, NULL, &local_error)) == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), data, STYR_ICS_MAX_SIZE + 1, &length,
                                NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   /* Translators: the file, then why it could not be read. */
                   _("“%s” could not be read: %s"), name, local_error->message);
      return NULL;
    }

  /* Read no further than the limit, for a file that grows or a pipe. */
  if (length > STYR_ICS_MAX_SIZE)
    {
      goffset size = info != NULL ? g_file_info_get_size (info) : 0;
      g_autofree char *have = g_format_size (MAX (size, (goffset) length));
      g_autofree char *most = g_format_size (STYR_ICS_MAX_SIZE);

      g_set_error (error, STYR_ICS_ERROR, STYR_ICS_ERROR_TOO_LARGE,
                   /* Translators: the file, then the sizes, e.g. "12,3 MB" and "1,0 MB". */
                   _("“%s” is %s, too large for an invitation: Styr reads calendar files of at "
                     "most %s. Save the single invitation from the mail program and import "
                     "that."), name, have, most);
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (length, 1)), length);
}
