/* styr-provenance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-provenance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-provenance.h"

/* Whose words a record is, from the catalogue's own marks: "source" names
 * a KOMBIT document ("KOMBIT: …", dated by "source_date") or a public
 * page; "styr_suggestion" marks what Styr proposes on top of it. A record
 * with no source is the municipality's. One rule, so the window, the
 * command line and the PDF say the same.
 */

#define KOMBIT_PREFIX "KOMBIT: "

static gboolean
is_address (const char *source)
{
  return g_str_has_prefix (source, "https://") || g_str_has_prefix (source, "http://");
}

/**
 * styr_provenance_of:
 * @record: a record
 *
 * Returns: whose words @record is
 */
StyrProvenance
styr_provenance_of (StyrRecord *record)
{
  const char *source;

  g_return_val_if_fail (STYR_IS_RECORD (record), STYR_PROVENANCE_MUNICIPALITY);

  source = styr_record_get_string (record, "source");
  if (source == NULL || g_strcmp0 (styr_record_get_string (record, "origin"), "local") == 0)
    return STYR_PROVENANCE_MUNICIPALITY;
  if (styr_record_get_boolean (record, "styr_suggestion", FALSE))
    return STYR_PROVENANCE_STYR;
  if (g_str_has_prefix (source, KOMBIT_PREFIX))
    return STYR_PROVENANCE_KOMBIT;
  return STYR_PROVENANCE_PUBLISHED;
}

/**
 * styr_provenance_label:
 * @provenance: whose words
 *
 * Returns: a short tag for a row, e.g. "KOMBIT" or "Styr’s suggestion"
 */
const char *
styr_provenance_label (StyrProvenance provenance)
{
  switch (provenance)
    {
    case STYR_PROVENANCE_KOMBIT:
      /* Translators: a tag on a line that is KOMBIT's. */
      return C_("provenance", "KOMBIT");
    case STYR_PROVENANCE_STYR:
      /* Translators: a tag on a line that Styr suggests, not KOMBIT. */
      return C_("provenance", "Styr’s suggestion");
    case STYR_PROVENANCE_PUBLISHED:
      /* Translators: a tag on a line taken from a public web page. */
      return C_("provenance", "Public source");
    case STYR_PROVENANCE_MUNICIPALITY:
    default:
      /* Translators: a tag on a line the municipality added itself. */
      return C_("provenance", "Own");
    }
}

/* "Præsentation fra programledermødet december 2019, 16-12-2019", or a
 * page's host. */
static char *
describe_source (StyrRecord *record)
{
  const char *source = styr_record_get_string (record, "source");
  const char *date = styr_record_get_string (record, "source_date");

  if (g_str_has_prefix (source, KOMBIT_PREFIX))
    {
      g_autofree char *day = date != NULL ? styr_date_to_user (date) : NULL;

      source += strlen (KOMBIT_PREFIX);
      /* Translators: a KOMBIT document and its date. */
      return day != NULL ? g_strdup_printf (_("%s, %s"), source, day) : g_strdup (source);
    }
  if (is_address (source))
    {
      g_autoptr(GUri) uri = g_uri_parse (source, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL)
        return g_strdup (g_uri_get_host (uri));
    }
  return g_strdup (source);
}

/**
 * styr_provenance_describe:
 * @record: a record
 *
 * Returns: (transfer full): whose words @record is, in a sentence such as
 *   "KOMBIT’s: Præsentation fra programledermødet december 2019,
 *   16-12-2019"
 */
char *
styr_provenance_describe (StyrRecord *record)
{
  g_autofree char *source = NULL;

  g_return_val_if_fail (STYR_IS_RECORD (record), NULL);

  switch (styr_provenance_of (record))
    {
    case STYR_PROVENANCE_KOMBIT:
      source = describe_source (record);
      /* Translators: %s is the KOMBIT document a line comes from. */
      return g_strdup_printf (_("KOMBIT’s: %s"), source);
    case STYR_PROVENANCE_STYR:
      source = describe_source (record);
      /* Translators: %s is what Styr based its suggestion on. */
      return g_strdup_printf (_("Styr’s suggestion, not KOMBIT’s, based on %s"), source);
    case STYR_PROVENANCE_PUBLISHED:
      source = describe_source (record);
      /* Translators: %s is the web site a line comes from. */
      return g_strdup_printf (_("From %s"), source);
    case STYR_PROVENANCE_MUNICIPALITY:
    default:
      return g_strdup (_("The municipality’s own"));
    }
}
