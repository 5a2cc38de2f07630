/* styr-usage-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-usage-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-csv.h"
#include "styr-usage-import.h"

/* StyrUsageImport reads a usage report (month, using system, service,
 * number of calls, as KOMBIT's consumption figures come) and finds the
 * agreement each row belongs to: the one whose using system is the row's
 * and whose services include the row's service; when several do, the one
 * in force in the row's month. Rejected agreements never gave access and
 * take no calls. A row that fits no agreement, or more than one, is
 * refused; a total row ("I alt") is skipped. Each row says what it does,
 * in a StyrImportRow: the figure it writes over which, or why not.
 * Nothing is written until styr_usage_import_commit(), which merges the
 * figures into every agreement they touch in one transaction or none.
 */
struct _StyrUsageImport
{
  GObject     parent_instance;

  StyrCsv    *csv;
  /* UsageRow, in file order */
  GPtrArray  *rows;
  /* StyrImportRow, in file order */
  GListStore *results;
  guint       counts[STYR_IMPORT_ROW_SKIPPED + 1];
  /* Touched, one per agreement the good rows belong to, in the order
   * first met, and the same by agreement id */
  GPtrArray  *touched;
  GHashTable *touched_by_id;
};

G_DEFINE_FINAL_TYPE (StyrUsageImport, styr_usage_import, G_TYPE_OBJECT)

typedef enum
{
  COLUMN_MONTH,
  COLUMN_SYSTEM,
  COLUMN_SERVICE,
  COLUMN_CALLS,
  N_COLUMNS
} Column;

/* Column names in Danish and English reports, compared without case,
 * spaces or punctuation. */
static const struct {
  const char *label;
  const char *expected;
  const char *names;
} columns[N_COLUMNS] = {
  { N_("month"), "“Måned”/“month”", "måned|maaned|month" },
  { N_("using system"), "“Anvendersystem”/“using system”", "anvendersystem|usingsystem|system" },
  { N_("service"), "“Service”", "service|servicekode|sfkode" },
  { N_("number of calls"), "“Kald”/“Antal kald”/“calls”", "kald|antalkald|calls|numberofcalls" },
};

typedef struct
{
  guint          row;
  char          *month;
  char          *service;
  gint64         calls;
  /* the row's line in the preview */
  StyrImportRow *result;
} UsageRow;

/* An agreement the report has figures for. */
typedef struct
{
  char      *agreement_id;
  /* its using system as the file names it, for messages at commit */
  char      *system;
  /* UsageRow, borrowed from the import's rows */
  GPtrArray *rows;
} Touched;

/* An agreement as far as matching needs it. */
typedef struct
{
  char       *id;
  char      **services;
  GDate       from;
  GDate       to;
  /* "2020-01 SF1520" → the calls the agreement has for them */
  GHashTable *usage;
} Candidate;

static void
usage_row_free (UsageRow *row)
{
  g_free (row->month);
  g_free (row->service);
  g_clear_object (&row->result);
  g_free (row);
}

static void
touched_free (Touched *touched)
{
  g_free (touched->agreement_id);
  g_free (touched->system);
  g_ptr_array_unref (touched->rows);
  g_free (touched);
}

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->id);
  g_strfreev (candidate->services);
  g_clear_pointer (&candidate->usage, g_hash_table_unref);
  g_free (candidate);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UsageRow, usage_row_free)

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* "2020-01", "01-2020", "1/2020" → "2020-01" */
static char *
parse_month (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *sep = strpbrk (trimmed, "-/");
  guint year, month;
  gsize month_length;

  if (styr_parse_month (trimmed, &year, &month))
    return g_strdup_printf ("%04u-%02u", year, month);

  /* Danish spreadsheets put the month first. */
  if (sep == NULL)
    return NULL;
  month_length = sep - trimmed;
  if (month_length < 1 || month_length > 2 || !all_digits (trimmed, month_length) ||
      strlen (sep + 1) != 4 || !all_digits (sep + 1, 4))
    return NULL;

  month = g_ascii_strtoull (trimmed, NULL, 10);
  year = g_ascii_strtoull (sep + 1, NULL, 10);
  if (month < 1 || month > 12 || year < 1000)
    return NULL;

  return g_strdup_printf ("%04u-%02u", year, month);
}

typedef enum
{
  CALLS_OK,
  CALLS_NEGATIVE,
  CALLS_INVALID,
} CallsResult;

/* A whole number, plain or with Danish thousands separators ("1.234"). */
static CallsResult
parse_calls (const char *text,
             gint64     *calls)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean grouped = strchr (trimmed, '.') != NULL;
  const char *p = trimmed;
  guint64 value;

  if (*p == '-' && g_ascii_isdigit (p[1]))
    return CALLS_NEGATIVE;

  for (guint group = 0; *p != '\0'; group++)
    {
      guint n = 0;

      for (; g_ascii_isdigit (*p); p++, n++)
        g_string_append_c (digits, *p);

      /* With separators, the first group has 1-3 digits and the others
       * exactly 3; "1.5" is a decimal, not a thousand. */
      if (n == 0 || (grouped && ((group == 0 && n > 3) || (group > 0 && n != 3))))
        return CALLS_INVALID;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        p++;
      else if (*p != '\0')
        return CALLS_INVALID;
    }

  if (digits->len == 0 ||
      !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    return CALLS_INVALID;

  *calls = (gint64) value;
  return CALLS_OK;
}

static void
add_result (StyrUsageImport *self,
            StyrImportRow   *result)
{
  g_list_store_append (self->results, result);
}

/* Refuses a row, taking @problem: "column “Kald”: “mange” is not a number
 * of calls". */
static void
refuse (StyrUsageImport  *self,
        const StyrCsvRow *row,
        const char       *title,
        int               column,
        char             *problem)
{
  g_autoptr(StyrImportRow) result = styr_import_row_new (row->row, STYR_IMPORT_ROW_REFUSED,
                                                         title);
  g_autofree char *message = problem;

  if (column >= 0)
    {
      g_autofree char *heading = styr_csv_column_name (self->csv, column);
      char *located = g_strdup_printf (_("column “%s”: %s"), heading, problem);

      g_free (message);
      message = located;
    }

  styr_import_row_add_problem (result, message);
  add_result (self, result);
}

static gboolean
includes_service (Candidate  *candidate,
                  const char *service)
{
  for (guint i = 0; candidate->services != NULL && candidate->services[i] != NULL; i++)
    if (g_ascii_strcasecmp (candidate->services[i], service) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
in_force (Candidate  *candidate,
          const char *month)
{
  guint year, number;
  GDate first, last;

  styr_parse_month (month, &year, &number);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, number, year);
  last = first;
  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);

  return (!g_date_valid (&candidate->from) || g_date_compare (&candidate->from, &last) <= 0) &&
         (!g_date_valid (&candidate->to) || g_date_compare (&candidate->to, &first) >= 0);
}

static char *entry_key (const char *month,
                        const char *service);

/* The figures an agreement holds, by month and service. */
static GHashTable *
read_usage (StyrAgreement *agreement)
{
  GHashTable *usage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *entries = styr_record_get_array (STYR_RECORD (agreement), "usage");

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *calls = entry != NULL ? json_object_get_member (entry, "calls") : NULL;

      if (calls == NULL || json_node_get_value_type (calls) != G_TYPE_INT64)
        continue;
      /* Calls are counted from 0, so 1 more keeps 0 apart from none. */
      g_hash_table_insert (usage,
                           entry_key (json_object_get_string_member_with_default (entry, "month",
                                                                                  NULL),
                                      json_object_get_string_member_with_default (entry,
                                                                                  "service",
                                                                                  NULL)),
                           GSIZE_TO_POINTER ((gsize) json_node_get_int (calls) + 1));
    }

  return usage;
}

/* Reads every agreement that can have used a service, by system. */
static GHashTable *
load_candidates (StyrStore  *store,
                 GError    **error)
{
  g_autoptr(GHashTable) by_system = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  ids = styr_store_find_ids (store, "agreement", NULL, NULL, NULL, error);
  if (ids == NULL)
    return NULL;

  by_system = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = NULL;
      g_autoptr(StyrRecord) record = NULL;
      g_autofree char *key = NULL;
      StyrAgreement *agreement;
      Candidate *candidate;
      GPtrArray *list;

      body = styr_store_get (store, id, NULL, error);
      if (body == NULL)
        return NULL;

      record = styr_record_load (id, NULL, body);
      if (record == NULL || !STYR_IS_AGREEMENT (record))
        continue;
      agreement = STYR_AGREEMENT (record);

      /* A rejected request never gave access, so it made no calls; and a
       * system asked again after a rejection must not look ambiguous. */
      if (styr_agreement_get_using_system (agreement) == NULL ||
          g_strcmp0 (styr_agreement_get_state (agreement), "rejected") == 0)
        continue;

      candidate = g_new0 (Candidate, 1);
      candidate->id = g_strdup (id);
      candidate->services = styr_agreement_dup_services (agreement);
      g_date_clear (&candidate->from, 1);
      g_date_clear (&candidate->to, 1);
      styr_agreement_get_valid_from (agreement, &candidate->from);
      if (!styr_agreement_get_terminated_on (agreement, &candidate->to))
        styr_agreement_get_valid_to (agreement, &candidate->to);
      candidate->usage = read_usage (agreement);

      key = styr_csv_name_key (styr_agreement_get_using_system (agreement));
      list = g_hash_table_lookup (by_system, key);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
          g_hash_table_insert (by_system, g_steal_pointer (&key), list);
        }
      g_ptr_array_add (list, candidate);
    }

  return g_steal_pointer (&by_system);
}

/* Finds the one agreement a good row belongs to; otherwise refuses the
 * row and returns NULL. */
static Candidate *
match (StyrUsageImport  *self,
       GHashTable       *by_system,
       const StyrCsvRow *row,
       const int        *mapping,
       const char       *system,
       const char       *month,
       const char       *service)
{
  g_autofree char *key = styr_csv_name_key (system);
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autoptr(GPtrArray) current = g_ptr_array_new ();
  GPtrArray *list = g_hash_table_lookup (by_system, key);

  if (list == NULL)
    {
      refuse (self, row, system, mapping[COLUMN_SYSTEM],
              g_strdup_printf (_("no service agreement has the using system “%s”"), system));
      return NULL;
    }

  for (guint i = 0; i < list->len; i++)
    if (includes_service (g_ptr_array_index (list, i), service))
      g_ptr_array_add (matches, g_ptr_array_index (list, i));

  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len == 0)
    {
      refuse (self, row, system, mapping[COLUMN_SERVICE],
              g_strdup_printf (_("no service agreement for “%s” includes the service %s"),
                               system, service));
      return NULL;
    }

  /* An agreement renewed as a new one leaves the old one behind; the
   * period tells them apart. */
  for (guint i = 0; i < matches->len; i++)
    if (in_force (g_ptr_array_index (matches, i), month))
      g_ptr_array_add (current, g_ptr_array_index (matches, i));

  if (current->len == 1)
    return g_ptr_array_index (current, 0);

  refuse (self, row, system, mapping[COLUMN_SYSTEM],
          /* Translators: "3 service agreements for “KMD Sag” include the
           * service SF1520, and Styr cannot tell which one made the
           * calls in 2020-01"; the number is always 2 or more. */
          g_strdup_printf (_("%u service agreements for “%s” include the service %s, and "
                             "Styr cannot tell which one made the calls in %s"),
                           matches->len, system, service, month));
  return NULL;
}

static void
evaluate_row (StyrUsageImport  *self,
              GHashTable       *by_system,
              const StyrCsvRow *row,
              const int        *mapping)
{
  const char *month_text = row->fields[mapping[COLUMN_MONTH]];
  const char *calls_text = row->fields[mapping[COLUMN_CALLS]];
  const char *system = row->fields[mapping[COLUMN_SYSTEM]];
  g_autofree char *month = NULL;
  g_autofree char *service = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *what = NULL;
  g_autofree char *key = NULL;
  g_autoptr(UsageRow) usage = NULL;
  Candidate *candidate;
  Touched *touched;
  gint64 calls = 0;
  gsize held;

  if (styr_csv_is_total_row (row))
    {
      g_autoptr(StyrImportRow) result = styr_import_row_new (row->row, STYR_IMPORT_ROW_SKIPPED,
                                                             NULL);

      styr_import_row_set_note (result, _("a total row"));
      add_result (self, result);
      return;
    }

  month = parse_month (month_text);
  if (month == NULL)
    {
      refuse (self, row, system, mapping[COLUMN_MONTH],
              month_text[0] == '\0'
              ? g_strdup (_("the row has no month"))
              : g_strdup_printf (_("“%s” is not a month (expected yyyy-mm, mm-yyyy or "
                                   "mm/yyyy)"), month_text));
      return;
    }

  switch (parse_calls (calls_text, &calls))
    {
    case CALLS_OK:
      break;

    case CALLS_NEGATIVE:
      refuse (self, row, system, mapping[COLUMN_CALLS],
              g_strdup_printf (_("“%s” is negative, but a number of calls is 0 or more"),
                               calls_text));
      return;

    case CALLS_INVALID:
      refuse (self, row, system, mapping[COLUMN_CALLS],
              calls_text[0] == '\0'
              ? g_strdup (_("the row has no number of calls"))
              : g_strdup_printf (_("“%s” is not a number of calls (expected a whole number "
                                   "such as 1234 or 1.234)"), calls_text));
      return;

    default:
      g_assert_not_reached ();
    }

  if (system[0] == '\0')
    {
      refuse (self, row, NULL, mapping[COLUMN_SYSTEM],
              g_strdup (_("the row names no using system")));
      return;
    }

  service = g_ascii_strup (row->fields[mapping[COLUMN_SERVICE]], -1);
  if (service[0] == '\0')
    {
      refuse (self, row, system, mapping[COLUMN_SERVICE],
              g_strdup (_("the row names no service")));
      return;
    }

  candidate = match (self, by_system, row, mapping, system, month, service);
  if (candidate == NULL)
    return;

  usage = g_new0 (UsageRow, 1);
  usage->row = row->row;
  usage->month = g_steal_pointer (&month);
  /* The agreement's spelling of the code, so figures for one service
   * stay under one name. */
  for (guint i = 0; candidate->services[i] != NULL && usage->service == NULL; i++)
    if (g_ascii_strcasecmp (candidate->services[i], service) == 0)
      usage->service = g_strdup (candidate->services[i]);
  usage->calls = calls;

  /* The figure the agreement holds now for the month and service. */
  key = entry_key (usage->month, usage->service);
  held = GPOINTER_TO_SIZE (g_hash_table_lookup (candidate->usage, key));
  usage->result = styr_import_row_new (row->row,
                                       held == (gsize) calls + 1 ? STYR_IMPORT_ROW_UNCHANGED
                                                                 : STYR_IMPORT_ROW_CHANGED,
                                       system);
  /* Translators: which figure a usage row gives: the service and the month, “SF1520 2020-01”. */
  what = g_strdup_printf (_("%s %s"), usage->service, usage->month);
  before = held > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) (held - 1)) : g_strdup ("–");
  after = g_strdup_printf ("%" G_GINT64_FORMAT, calls);
  styr_import_row_add_change (usage->result, what, before, after);
  add_result (self, usage->result);

  touched = g_hash_table_lookup (self->touched_by_id, candidate->id);
  if (touched == NULL)
    {
      touched = g_new0 (Touched, 1);
      touched->agreement_id = g_strdup (candidate->id);
      touched->system = g_strdup (system);
      touched->rows = g_ptr_array_new ();
      g_ptr_array_add (self->touched, touched);
      g_hash_table_insert (self->touched_by_id, touched->agreement_id, touched);
    }

  /* A later row for the same month and service wins; the earlier one
   * says so. */
  for (guint i = 0; i < touched->rows->len; i++)
    {
      UsageRow *earlier = g_ptr_array_index (touched->rows, i);

      if (g_str_equal (earlier->month, usage->month) &&
          g_str_equal (earlier->service, usage->service) &&
          styr_import_row_get_kind (earlier->result) != STYR_IMPORT_ROW_SKIPPED)
        {
          g_autofree char *note =
            g_strdup_printf (_("row %u gives the figure for the same month and service"),
                             usage->row);

          styr_import_row_set_kind (earlier->result, STYR_IMPORT_ROW_SKIPPED);
          styr_import_row_set_note (earlier->result, note);
        }
    }

  g_ptr_array_add (touched->rows, usage);
  g_ptr_array_add (self->rows, g_steal_pointer (&usage));
}

static gboolean
is_heading (const char *heading,
            gpointer    user_data)
{
  g_autofree char *name = styr_csv_normalize_heading (heading);

  for (guint f = 0; f < N_COLUMNS; f++)
    {
      g_auto(GStrv) names = g_strsplit (columns[f].names, "|", -1);

      if (g_strv_contains ((const char * const *) names, name))
        return TRUE;
    }

  return FALSE;
}

static gboolean
evaluate (StyrUsageImport  *self,
          GHashTable       *by_system,
          const char       *origin,
          GError          **error)
{
  int mapping[N_COLUMNS] = { -1, -1, -1, -1 };

  styr_csv_find_header (self->csv, is_heading, NULL);

  for (guint c = 0; c < self->csv->n_columns; c++)
    {
      g_autofree char *name = styr_csv_normalize_heading (self->csv->header[c]);

      for (guint f = 0; f < N_COLUMNS; f++)
        {
          g_auto(GStrv) names = g_strsplit (columns[f].names, "|", -1);

          if (mapping[f] < 0 && g_strv_contains ((const char * const *) names, name))
            {
              mapping[f] = c;
              break;
            }
        }
    }

  /* Without all four columns no row can be read. */
  for (guint f = 0; f < N_COLUMNS; f++)
    if (mapping[f] < 0)
      {
        g_set_error (error, STYR_CSV_ERROR, STYR_CSV_ERROR_SYNTAX,
                     /* Translators: the file, what the column holds, e.g. “number of
                      * calls”, then the names Styr knows for it. */
                     _("“%s” has no column for the %s (expected a heading %s)."), origin,
                     _(columns[f].label), columns[f].expected);
        return FALSE;
      }

  for (guint r = 0; r < self->csv->rows->len; r++)
    evaluate_row (self, by_system, g_ptr_array_index (self->csv->rows, r), mapping);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->results)); i++)
    {
      g_autoptr(StyrImportRow) result = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      self->counts[styr_import_row_get_kind (result)]++;
    }

  return TRUE;
}

static void
styr_usage_import_finalize (GObject *object)
{
  StyrUsageImport *self = (StyrUsageImport *)object;

  g_clear_pointer (&self->csv, styr_csv_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->results);
  g_clear_pointer (&self->touched_by_id, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_usage_import_parent_class)->finalize (object);
}

static void
styr_usage_import_class_init (StyrUsageImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = styr_usage_import_finalize;
}

static void
styr_usage_import_init (StyrUsageImport *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) usage_row_free);
  self->results = g_list_store_new (STYR_TYPE_IMPORT_ROW);
  self->touched = g_ptr_array_new_with_free_func ((GDestroyNotify) touched_free);
  self->touched_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * styr_usage_import_new:
 * @csv: (transfer full): a parsed usage report
 * @store: the store to find the agreements in
 * @error: return location for a #GError
 *
 * Finds the header row, reads the rows and matches each to an
 * agreement. Nothing is written.
 *
 * Returns: (transfer full): the import, ready to preview, or %NULL with
 *   @error set when the file lacks a column or the agreements cannot be
 *   read
 */
StyrUsageImport *
styr_usage_import_new (StyrCsv    *csv,
                       StyrStore  *store,
                       GError    **error)
{
  g_autoptr(StyrUsageImport) self = NULL;
  g_autoptr(GHashTable) by_system = NULL;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  self = g_object_new (STYR_TYPE_USAGE_IMPORT, NULL);
  self->csv = csv;

  by_system = load_candidates (store, error);
  if (by_system == NULL)
    return NULL;

  if (!evaluate (self, by_system, csv->origin, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * styr_usage_import_count:
 * @self: a #StyrUsageImport
 * @kind: what happens to a row
 *
 * Returns: how many rows @kind happens to: %STYR_IMPORT_ROW_CHANGED for
 *   the figures that will be written, %STYR_IMPORT_ROW_UNCHANGED for
 *   those the agreement already holds
 */
guint
styr_usage_import_count (StyrUsageImport   *self,
                         StyrImportRowKind  kind)
{
  g_return_val_if_fail (STYR_IS_USAGE_IMPORT (self), 0);
  g_return_val_if_fail (kind <= STYR_IMPORT_ROW_SKIPPED, 0);

  return self->counts[kind];
}

/**
 * styr_usage_import_get_agreement_count:
 * @self: a #StyrUsageImport
 *
 * Returns: how many agreements the good rows belong to
 */
guint
styr_usage_import_get_agreement_count (StyrUsageImport *self)
{
  g_return_val_if_fail (STYR_IS_USAGE_IMPORT (self), 0);

  return self->touched->len;
}

/**
 * styr_usage_import_get_rows:
 * @self: a #StyrUsageImport
 *
 * Returns: (transfer none) (element-type StyrImportRow): what happens to
 *   each row below the header, in file order
 */
GListModel *
styr_usage_import_get_rows (StyrUsageImport *self)
{
  g_return_val_if_fail (STYR_IS_USAGE_IMPORT (self), NULL);

  return G_LIST_MODEL (self->results);
}

static int
compare_usage (gconstpointer a,
               gconstpointer b)
{
  JsonObject *first = json_node_get_object (*(JsonNode **) a);
  JsonObject *second = json_node_get_object (*(JsonNode **) b);
  int order;

  order = g_strcmp0 (json_object_get_string_member_with_default (first, "month", NULL),
                     json_object_get_string_member_with_default (second, "month", NULL));
  if (order != 0)
    return order;

  return g_strcmp0 (json_object_get_string_member_with_default (first, "service", NULL),
                    json_object_get_string_member_with_default (second, "service", NULL));
}

static gboolean
is_not_object (gconstpointer node,
               gconstpointer unused)
{
  return !JSON_NODE_HOLDS_OBJECT ((JsonNode *) node);
}

static char *
entry_key (const char *month,
           const char *service)
{
  g_autofree char *code = g_ascii_strup (service != NULL ? service : "", -1);

  return g_strconcat (month != NULL ? month : "", " ", code, NULL);
}

/* The agreement's usage with the rows for it laid over: a figure for a
 * month and service it already has replaces the old one. Sorted by month
 * and service, so a chart reads it in order. */
static JsonArray *
merge_usage (JsonArray *usage,
             GPtrArray *rows)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  /* "2020-01 SF1520" → the entry for it */
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *merged = json_array_new ();

  for (guint i = 0; usage != NULL && i < json_array_get_length (usage); i++)
    {
      JsonNode *node = json_node_copy (json_array_get_element (usage, i));
      JsonObject *object;

      g_ptr_array_add (nodes, node);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      g_hash_table_insert (entries,
                           entry_key (json_object_get_string_member_with_default (object, "month",
                                                                                  NULL),
                                      json_object_get_string_member_with_default (object,
                                                                                  "service", NULL)),
                           object);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      UsageRow *row = g_ptr_array_index (rows, r);
      char *key = entry_key (row->month, row->service);
      JsonObject *entry = g_hash_table_lookup (entries, key);

      if (entry == NULL)
        {
          JsonNode *node = json_node_new (JSON_NODE_OBJECT);

          entry = json_object_new ();
          json_object_set_string_member (entry, "month", row->month);
          json_object_set_string_member (entry, "service", row->service);
          json_node_take_object (node, entry);
          g_ptr_array_add (nodes, node);
          g_hash_table_insert (entries, key, entry);
        }
      else
        g_free (key);

      json_object_set_int_member (entry, "calls", row->calls);
    }

  /* Entries that are not objects stay where they are, for validation to
   * report. */
  if (!g_ptr_array_find_with_equal_func (nodes, NULL, is_not_object, NULL))
    g_ptr_array_sort (nodes, compare_usage);
  for (guint i = 0; i < nodes->len; i++)
    json_array_add_element (merged, json_node_ref (g_ptr_array_index (nodes, i)));

  return merged;
}

typedef struct
{
  StyrUsageImport *import;
  const char      *author;
  guint            updated;
} Commit;

/* The record's own message names the store's fields; the user is told
 * which agreement and where to look. */
static gboolean
refuse_damaged (Touched      *touched,
                const GError *problem,
                GError      **error)
{
  g_debug ("%s", problem->message);
  g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID,
               _("The usage of the service agreement for “%s” cannot be saved: the agreement "
                 "as Styr holds it does not pass its own checks. Open it in Styr, which says "
                 "what is wrong. Nothing was imported."), touched->system);
  return FALSE;
}

static gboolean
commit_in_transaction (StyrStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  Commit *commit = user_data;
  StyrUsageImport *self = commit->import;

  for (guint t = 0; t < self->touched->len; t++)
    {
      Touched *touched = g_ptr_array_index (self->touched, t);
      const char *id = touched->agreement_id;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) body = NULL;
      g_autoptr(JsonObject) new_body = NULL;
      g_autoptr(StyrRecord) record = NULL;
      g_autoptr(JsonNode) before = NULL;
      g_autoptr(JsonNode) after = NULL;
      g_autofree char *rev = NULL;
      JsonArray *usage;

      /* The agreement as it is now, not as it was when the file was
       * read: a colleague may have changed it since. */
      body = styr_store_get (store, id, &rev, &local_error);
      if (body == NULL)
        {
          if (g_error_matches (local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND))
            g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                         _("The usage of the service agreement for “%s” cannot be saved: the "
                           "agreement was deleted after the file was read."),
                         touched->system);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      record = styr_record_load (id, rev, body);
      if (record == NULL)
        {
          g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_UNKNOWN_TYPE,
                       _("%s: the type “%s” is unknown or does not match the id"), id,
                       json_object_get_string_member_with_default (body, "type", ""));
          return FALSE;
        }

      /* A usage field that is not a list is reported, not replaced. */
      if (!styr_record_validate (record, &local_error))
        return refuse_damaged (touched, local_error, error);

      usage = styr_record_get_array (record, "usage");
      if (usage != NULL)
        {
          before = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (before, usage);
        }
      after = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (after, merge_usage (usage, touched->rows));

      /* Reading the same report twice must not fill the audit trail. */
      if (before != NULL && json_node_equal (before, after))
        continue;

      json_object_set_member (styr_record_get_body (record), "usage", json_node_ref (after));
      if (!styr_record_validate (record, &local_error))
        return refuse_damaged (touched, local_error, error);

      new_body = styr_record_to_json (record);
      if (!styr_store_put (store, id, new_body, rev, commit->author, NULL, error))
        return FALSE;
      commit->updated++;
    }

  return TRUE;
}

/**
 * styr_usage_import_commit:
 * @self: a #StyrUsageImport
 * @store: where to write
 * @author: (nullable): who imported, for the audit trail
 * @n_agreements_updated: (out) (optional): how many agreements got a new
 *   revision
 * @error: return location for a #GError
 *
 * Merges the good rows into their agreements in one transaction: each
 * agreement they touch gets one new revision, and one that already holds
 * exactly these figures none. The bad rows are left out.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
styr_usage_import_commit (StyrUsageImport  *self,
                          StyrStore        *store,
                          const char       *author,
                          guint            *n_agreements_updated,
                          GError          **error)
{
  Commit commit = { self, author, 0 };

  g_return_val_if_fail (STYR_IS_USAGE_IMPORT (self), FALSE);
  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);

  if (!styr_store_transaction (store, commit_in_transaction, &commit, error))
    return FALSE;

  if (n_agreements_updated != NULL)
    *n_agreements_updated = commit.updated;
  return TRUE;
}
