/* styr-agreement-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-columns"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "styr-agreement-actions.h"
#include "styr-agreement-columns.h"
#include "styr-csv.h"

/* The register as a spreadsheet, in one table: the export writes these
 * columns under the names the agreement page gives the fields, and the
 * import knows them by those names in Danish and English and by the names
 * municipalities' own registers use. A cell is converted here both ways,
 * so a file Styr wrote reads back as the same values.
 */

static const StyrAgreementColumn columns[] = {
  { "id", STYR_AGREEMENT_COLUMN_ID, "id|aftaleid|agreementid|serviceaftaleid|styrid" },
  { "using_system", STYR_AGREEMENT_COLUMN_TEXT, "anvendersystem|usingsystem|system|itsystem" },
  { "supplier", STYR_AGREEMENT_COLUMN_TEXT, "leverandør|leverandor|supplier|vendor" },
  { "services", STYR_AGREEMENT_COLUMN_SERVICES, "services|service|sfkoder|serviceaftaler" },
  { "data_scope", STYR_AGREEMENT_COLUMN_TEXT,
    "dataafgrænsning|dataafgraensning|datascope|afgrænsning" },
  { "scope_breadth", STYR_AGREEMENT_COLUMN_BREADTH,
    "dataafgrænsningensomfang|omfang|scopebreadth" },
  { "reason", STYR_AGREEMENT_COLUMN_TEXT, "begrundelse|reason|formål" },
  { "state", STYR_AGREEMENT_COLUMN_STATE, "status|tilstand|state" },
  { "requested", STYR_AGREEMENT_COLUMN_DATE, "anmodet|anmodningsdato|requested" },
  { "approved", STYR_AGREEMENT_COLUMN_DATE, "godkendt|godkendelsesdato|approved" },
  { "approver", STYR_AGREEMENT_COLUMN_TEXT, "aftalegodkender|godkender|approver" },
  { "valid_from", STYR_AGREEMENT_COLUMN_DATE, "gyldigfra|fra|startdato|validfrom" },
  { "valid_to", STYR_AGREEMENT_COLUMN_DATE, "gyldigtil|til|udløb|udløbsdato|validto" },
  { "contract_end", STYR_AGREEMENT_COLUMN_DATE,
    "leverandørkontraktenophører|kontraktudløb|kontraktophør|kontraktslut|contractend|"
    "suppliercontractends" },
  { "next_review", STYR_AGREEMENT_COLUMN_DATE, "næstegennemgang|gennemgang|nextreview" },
  { "terminated", STYR_AGREEMENT_COLUMN_DATE, "opsagt|opsigelsesdato|terminated" },
  { "notes", STYR_AGREEMENT_COLUMN_TEXT, "noter|bemærkninger|notes|kommentar|kommentarer" },
};

/* The words a state or breadth cell may hold, besides the names the
 * export writes in the user's language. */
static const struct {
  const char *word;
  const char *value;
} state_words[] = {
  { "anmodet", "requested" }, { "afventer", "requested" }, { "requested", "requested" },
  { "godkendt", "approved" }, { "approved", "approved" },
  { "afvist", "rejected" }, { "rejected", "rejected" },
  { "udløbet", "expired" }, { "expired", "expired" },
  { "opsagt", "terminated" }, { "terminated", "terminated" },
}, breadth_words[] = {
  { "afgrænset", "limited" }, { "limited", "limited" },
  { "helekommunen", "whole-municipality" }, { "wholemunicipality", "whole-municipality" },
  { "allepersoner", "all-persons" }, { "allpersons", "all-persons" },
};

static const char * const states[] = {
  "requested", "approved", "rejected", "expired", "terminated", NULL
};
static const char * const breadths[] = { "limited", "whole-municipality", "all-persons", NULL };

/**
 * styr_agreement_columns:
 * @n_columns: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_columns): the register's
 *   columns, in the order the export writes them
 */
const StyrAgreementColumn *
styr_agreement_columns (guint *n_columns)
{
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

/**
 * styr_agreement_column_heading:
 * @column: a column
 *
 * Returns: the heading the export writes, translated
 */
const char *
styr_agreement_column_heading (const StyrAgreementColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  if (column->kind == STYR_AGREEMENT_COLUMN_ID)
    /* Translators: the heading of the column of agreement IDs in an exported register. */
    return _("ID");

  return styr_agreement_field_label (column->field);
}

static gboolean
names_contain (const char *names,
               const char *name)
{
  gsize length = strlen (name);

  for (const char *p = names; ; )
    {
      const char *end = strchr (p, '|');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      if (n == length && strncmp (p, name, n) == 0)
        return TRUE;
      if (end == NULL)
        return FALSE;
      p = end + 1;
    }
}

/**
 * styr_agreement_column_for_heading:
 * @heading: a heading as a file writes it, e.g. "Gyldig til:"
 *
 * Returns: (nullable): the column the heading names, or %NULL
 */
const StyrAgreementColumn *
styr_agreement_column_for_heading (const char *heading)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (heading != NULL, NULL);

  name = styr_csv_normalize_heading (heading);
  if (name[0] == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *translated =
        styr_csv_normalize_heading (styr_agreement_column_heading (&columns[i]));

      if (g_str_equal (name, translated) || names_contain (columns[i].names, name))
        return &columns[i];
    }

  return NULL;
}

/**
 * styr_agreement_column_for_field:
 * @field: an agreement's field, or "id"
 *
 * Returns: (nullable): its column, or %NULL if the register has none
 */
const StyrAgreementColumn *
styr_agreement_column_for_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_strcmp0 (columns[i].field, field) == 0)
      return &columns[i];

  return NULL;
}

/**
 * styr_agreement_column_get_date:
 * @column: a date column
 * @agreement: an agreement
 * @date: (out caller-allocates): the date
 *
 * Returns: %TRUE if @agreement has a valid date in @column
 */
gboolean
styr_agreement_column_get_date (const StyrAgreementColumn *column,
                                StyrAgreement             *agreement,
                                GDate                     *date)
{
  g_return_val_if_fail (column != NULL && column->kind == STYR_AGREEMENT_COLUMN_DATE, FALSE);

  return styr_record_get_date (STYR_RECORD (agreement), column->field, date);
}

/**
 * styr_agreement_column_format:
 * @column: a column
 * @agreement: an agreement
 *
 * The cell the export writes: dates day first (dd-mm-yyyy), the state and
 * breadth by their names in the user's language, services joined by
 * ", ". A value that does not fit its column is written as it is rather
 * than lost.
 *
 * Returns: (transfer full): the cell's text, "" when the field is empty
 */
char *
styr_agreement_column_format (const StyrAgreementColumn *column,
                              StyrAgreement             *agreement)
{
  JsonObject *body;
  JsonNode *node;
  const char *text;
  GDate date;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (STYR_IS_AGREEMENT (agreement), NULL);

  if (column->kind == STYR_AGREEMENT_COLUMN_ID)
    return g_strdup (styr_record_get_key (STYR_RECORD (agreement)));

  body = styr_record_get_body (STYR_RECORD (agreement));
  node = json_object_get_member (body, column->field);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (column->kind == STYR_AGREEMENT_COLUMN_SERVICES && JSON_NODE_HOLDS_ARRAY (node))
    return styr_agreement_describe_value (column->field, node);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return json_to_string (node, FALSE);

  text = json_node_get_string (node);
  switch (column->kind)
    {
    case STYR_AGREEMENT_COLUMN_DATE:
      if (styr_parse_date (text, &date))
        return g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (&date),
                                g_date_get_month (&date), g_date_get_year (&date));
      return g_strdup (text);

    case STYR_AGREEMENT_COLUMN_STATE:
      return g_strdup (styr_agreement_state_label (text));

    case STYR_AGREEMENT_COLUMN_BREADTH:
      return g_strdup (styr_agreement_breadth_label (text));

    case STYR_AGREEMENT_COLUMN_ID:
    case STYR_AGREEMENT_COLUMN_TEXT:
    case STYR_AGREEMENT_COLUMN_SERVICES:
    default:
      return g_strdup (text);
    }
}

/* A date as a spreadsheet may write it back: day first with "-", "." or
 * "/", or ISO 8601, with a time of day at midnight after it where the cell
 * is formatted as date and time. LibreOffice in Danish writes the year
 * with two digits ("31-12-20"): the century is the one of @previous when
 * that is the same day, so a date read back unchanged stays the same, and
 * otherwise this one. */
static char *
parse_date (const char *cell,
            JsonNode   *previous)
{
  g_autofree char *day = g_strdup (cell);
  char *space = strchr (day, ' ');
  guint d, m, y;
  char sep1, sep2, tail;
  GDate before;

  if (space != NULL)
    {
      const char *time = space + 1;

      if (!g_str_equal (time, "00:00") && !g_str_equal (time, "00:00:00") &&
          !g_str_equal (time, "0:00") && !g_str_equal (time, "0:00:00"))
        return NULL;
      *space = '\0';
    }

  if (strlen (day) != 8 || sscanf (day, "%2u%c%2u%c%2u%c", &d, &sep1, &m, &sep2, &y, &tail) != 5 ||
      sep1 != sep2 || strchr ("-./", sep1) == NULL || !g_ascii_isdigit (day[0]))
    return styr_date_from_user (day);

  if (previous != NULL && JSON_NODE_HOLDS_VALUE (previous) &&
      json_node_get_value_type (previous) == G_TYPE_STRING &&
      styr_parse_date (json_node_get_string (previous), &before) &&
      g_date_get_day (&before) == d && g_date_get_month (&before) == m &&
      g_date_get_year (&before) % 100 == y)
    y = g_date_get_year (&before);
  else
    y += 2000;

  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

static const char *
parse_word (const char *cell,
            gboolean    state)
{
  g_autofree char *name = styr_csv_normalize_heading (cell);
  const char * const *values = state ? states : breadths;

  if (state)
    {
      for (guint i = 0; i < G_N_ELEMENTS (state_words); i++)
        if (g_str_equal (name, state_words[i].word))
          return state_words[i].value;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (breadth_words); i++)
        if (g_str_equal (name, breadth_words[i].word))
          return breadth_words[i].value;
    }

  /* The names the export wrote in the user's language. */
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *label = styr_csv_normalize_heading (state
                                                           ? styr_agreement_state_label (values[i])
                                                           : styr_agreement_breadth_label (values[i]));

      if (g_str_equal (name, label))
        return values[i];
    }

  return NULL;
}

static gboolean
is_service_code (const char *code)
{
  if (!g_str_has_prefix (code, "SF") || !g_ascii_isdigit (code[2]))
    return FALSE;

  for (const char *p = code + 2; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/* The service codes an agreement has, upper-cased → as it spells them. */
static GHashTable *
held_codes (JsonNode *previous)
{
  GHashTable *held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (previous == NULL || !JSON_NODE_HOLDS_ARRAY (previous))
    return held;

  array = json_node_get_array (previous);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_insert (held, g_ascii_strup (json_node_get_string (node), -1),
                             (gpointer) json_node_get_string (node));
    }

  return held;
}

/**
 * styr_agreement_column_parse:
 * @column: a column other than the ID
 * @cell: the cell as read, trimmed and unguarded
 * @previous: (nullable): the field's value before, which settles the
 *   century of a year written with two digits
 * @value: (out) (transfer full) (nullable): the field's value, %NULL when
 *   the cell is empty
 * @problem: (out) (transfer full): what is wrong with the cell, when it
 *   returns %FALSE
 *
 * Converts a cell into the value the agreement stores: dates day first or
 * ISO 8601, states and breadths by their Danish or English names, service
 * codes separated by commas, semicolons, spaces or line breaks.
 *
 * Returns: %TRUE if the cell holds a value of its column
 */
gboolean
styr_agreement_column_parse (const StyrAgreementColumn  *column,
                             const char                 *cell,
                             JsonNode                   *previous,
                             JsonNode                  **value,
                             char                      **problem)
{
  g_autofree char *converted = NULL;
  const char *word;

  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);

  *value = NULL;
  if (cell[0] == '\0')
    return TRUE;

  switch (column->kind)
    {
    case STYR_AGREEMENT_COLUMN_ID:
    case STYR_AGREEMENT_COLUMN_TEXT:
      *value = json_node_init_string (json_node_alloc (), cell);
      return TRUE;

    case STYR_AGREEMENT_COLUMN_DATE:
      converted = parse_date (cell, previous);
      if (converted == NULL)
        {
          *problem = g_strdup_printf (_("“%s” is not a date (expected dd-mm-yyyy, such as "
                                        "31-12-2020)"), cell);
          return FALSE;
        }
      *value = json_node_init_string (json_node_alloc (), converted);
      return TRUE;

    case STYR_AGREEMENT_COLUMN_STATE:
      word = parse_word (cell, TRUE);
      if (word == NULL)
        {
          *problem = g_strdup_printf (_("“%s” is not a state (expected anmodet, godkendt, "
                                        "afvist, udløbet or opsagt)"), cell);
          return FALSE;
        }
      *value = json_node_init_string (json_node_alloc (), word);
      return TRUE;

    case STYR_AGREEMENT_COLUMN_BREADTH:
      word = parse_word (cell, FALSE);
      if (word == NULL)
        {
          *problem = g_strdup_printf (_("“%s” is not a scope breadth (expected “%s”, “%s” or "
                                        "“%s”)"), cell,
                                      styr_agreement_breadth_label ("limited"),
                                      styr_agreement_breadth_label ("whole-municipality"),
                                      styr_agreement_breadth_label ("all-persons"));
          return FALSE;
        }
      *value = json_node_init_string (json_node_alloc (), word);
      return TRUE;

    case STYR_AGREEMENT_COLUMN_SERVICES:
      {
        g_auto(GStrv) parts = g_strsplit_set (cell, ",; /\n\t", -1);
        JsonArray *codes = json_array_new ();
        g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
        g_autoptr(GHashTable) held = held_codes (previous);

        for (guint i = 0; parts[i] != NULL; i++)
          {
            g_autofree char *code = g_ascii_strup (g_strstrip (parts[i]), -1);
            const char *spelling;

            if (code[0] == '\0' || g_hash_table_contains (seen, code))
              continue;

            /* A code the agreement has keeps its spelling, also one that is
             * not of today's form. */
            spelling = g_hash_table_lookup (held, code);
            if (spelling != NULL)
              {
                json_array_add_string_element (codes, spelling);
                g_hash_table_add (seen, g_steal_pointer (&code));
                continue;
              }
            if (!is_service_code (code))
              {
                *problem = g_strdup_printf (_("“%s” is not a service code (expected codes "
                                              "such as SF1520, separated by commas)"), parts[i]);
                json_array_unref (codes);
                return FALSE;
              }
            json_array_add_string_element (codes, code);
            g_hash_table_add (seen, g_steal_pointer (&code));
          }

        if (json_array_get_length (codes) == 0)
          {
            json_array_unref (codes);
            return TRUE;
          }
        *value = json_node_init_array (json_node_alloc (), codes);
        json_array_unref (codes);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* A value as two versions of it are compared: an empty text or list is
 * no value, spaces around a text do not count, services in their order. */
static char *
comparable (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autoptr(GString) text = g_string_new (json_node_get_string (node));

      g_string_replace (text, "\r\n", "\n", 0);
      return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
    }

  /* Service codes in their order, without case or repeats. */
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) joined = g_string_new (NULL);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = comparable (json_array_get_element (array, i));
          char *code = g_ascii_strup (item, -1);

          if (!g_hash_table_add (seen, code))
            continue;
          g_string_append_printf (joined, "%s\x1f", code);
        }
      return g_string_free (g_steal_pointer (&joined), FALSE);
    }

  return json_to_string (node, FALSE);
}

/**
 * styr_agreement_column_equal:
 * @column: a column
 * @a: (nullable): a value of its field
 * @b: (nullable): another
 *
 * Returns: %TRUE if @a and @b are the same to the user, so that a cell
 *   read back unchanged changes nothing
 */
gboolean
styr_agreement_column_equal (const StyrAgreementColumn *column,
                             JsonNode                  *a,
                             JsonNode                  *b)
{
  g_autofree char *first = comparable (a);
  g_autofree char *second = comparable (b);

  g_return_val_if_fail (column != NULL, FALSE);

  return g_str_equal (first, second);
}

/**
 * styr_agreement_column_describe:
 * @column: a column
 * @value: (nullable): a value of its field
 *
 * Returns: (transfer full): the value in words, "–" for none
 */
char *
styr_agreement_column_describe (const StyrAgreementColumn *column,
                                JsonNode                  *value)
{
  g_return_val_if_fail (column != NULL, NULL);

  return styr_agreement_describe_value (column->field, value);
}
