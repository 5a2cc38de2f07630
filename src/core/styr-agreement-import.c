/* styr-agreement-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-agreement-import.h"

/* StyrAgreementImport turns a register of agreements exported from a
 * spreadsheet into agreements: it maps the file's columns to fields by
 * their names (which the user can change), converts Danish dates and
 * states, and keeps one problem per bad row. Nothing is written until
 * styr_agreement_import_commit(), which writes every good row in one
 * transaction or none.
 */
struct _StyrAgreementImport
{
  GObject     parent_instance;

  StyrCsv    *csv;
  /* field → column index, or absent */
  GHashTable *mapping;
  GPtrArray  *records;
  GPtrArray  *problems;
};

G_DEFINE_FINAL_TYPE (StyrAgreementImport, styr_agreement_import, G_TYPE_OBJECT)

typedef enum
{
  KIND_TEXT,
  KIND_DATE,
  KIND_STATE,
  KIND_SERVICES,
} FieldKind;

/* The fields a file can fill, with the column names Danish and English
 * registers use for them (compared without case, spaces or punctuation). */
static const struct {
  const char *field;
  const char *label;
  FieldKind   kind;
  const char *names;
} fields[] = {
  { "id", N_("Id"), KIND_TEXT, "id|aftaleid|agreementid|serviceaftaleid" },
  { "using_system", N_("Using system"), KIND_TEXT,
    "anvendersystem|usingsystem|system|itsystem" },
  { "supplier", N_("Supplier"), KIND_TEXT, "leverandør|leverandor|supplier|vendor" },
  { "services", N_("Services"), KIND_SERVICES, "services|service|sfkoder|serviceaftaler" },
  { "data_scope", N_("Data scope"), KIND_TEXT,
    "dataafgrænsning|dataafgraensning|datascope|afgrænsning" },
  { "reason", N_("Reason"), KIND_TEXT, "begrundelse|reason|formål" },
  { "state", N_("State"), KIND_STATE, "status|tilstand|state" },
  { "requested", N_("Requested"), KIND_DATE, "anmodet|anmodningsdato|requested" },
  { "approved", N_("Approved"), KIND_DATE, "godkendt|godkendelsesdato|approved" },
  { "valid_from", N_("Valid from"), KIND_DATE, "gyldigfra|fra|startdato|validfrom" },
  { "valid_to", N_("Valid to"), KIND_DATE, "gyldigtil|til|udløb|udløbsdato|validto" },
  { "approver", N_("Approver"), KIND_TEXT, "godkender|aftalegodkender|approver" },
  { "contract_end", N_("Contract end"), KIND_DATE,
    "kontraktudløb|kontraktophør|kontraktslut|contractend" },
  { "notes", N_("Notes"), KIND_TEXT, "noter|bemærkninger|notes|kommentar" },
};

static const struct {
  const char *word;
  const char *state;
} states[] = {
  { "anmodet", "requested" }, { "afventer", "requested" }, { "requested", "requested" },
  { "godkendt", "approved" }, { "approved", "approved" },
  { "afvist", "rejected" }, { "rejected", "rejected" },
  { "udløbet", "expired" }, { "expired", "expired" },
  { "opsagt", "terminated" }, { "terminated", "terminated" },
};

void
styr_import_problem_free (StyrImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->problem);
  g_free (problem);
}

/* "Gyldig fra:" → "gyldigfra" */
static char *
normalize_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static const char *
parse_state (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *word = g_strstrip (g_steal_pointer (&folded));

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (word, states[i].word))
      return states[i].state;

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

static void
add_problem (StyrAgreementImport *self,
             guint                line,
             const char          *column,
             const char          *value,
             const char          *problem)
{
  StyrImportProblem *entry = g_new0 (StyrImportProblem, 1);

  entry->line = line;
  entry->column = g_strdup (column);
  entry->value = g_strdup (value);
  entry->problem = g_strdup (problem);
  g_ptr_array_add (self->problems, entry);
}

/* Converts one cell into the record; FALSE (with a problem added) when the
 * value cannot be used. */
static gboolean
set_field (StyrAgreementImport *self,
           StyrRecord          *record,
           guint                field,
           const StyrCsvRow    *row,
           const char          *column,
           const char          *value)
{
  g_autofree char *converted = NULL;
  g_autofree char *message = NULL;

  switch (fields[field].kind)
    {
    case KIND_TEXT:
      styr_record_set_string (record, fields[field].field, value);
      return TRUE;

    case KIND_DATE:
      converted = styr_date_from_user (value);
      if (converted == NULL)
        {
          message = g_strdup_printf (_("“%s” is not a date (expected dd-mm-yyyy or yyyy-mm-dd)"),
                                     value);
          add_problem (self, row->line, column, value, message);
          return FALSE;
        }
      styr_record_set_string (record, fields[field].field, converted);
      return TRUE;

    case KIND_STATE:
      if (parse_state (value) == NULL)
        {
          message = g_strdup_printf (_("“%s” is not a state (expected anmodet, godkendt, afvist, "
                                       "udløbet or opsagt)"), value);
          add_problem (self, row->line, column, value, message);
          return FALSE;
        }
      styr_record_set_string (record, fields[field].field, parse_state (value));
      return TRUE;

    case KIND_SERVICES:
      {
        g_auto(GStrv) parts = g_strsplit_set (value, ",; /", -1);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) codes = NULL;

        for (guint i = 0; parts[i] != NULL; i++)
          {
            g_autofree char *code = g_ascii_strup (g_strstrip (parts[i]), -1);

            if (code[0] == '\0')
              continue;
            if (!is_service_code (code))
              {
                message = g_strdup_printf (_("“%s” is not a service code (expected codes such as "
                                             "SF1520, separated by commas)"), parts[i]);
                add_problem (self, row->line, column, value, message);
                return FALSE;
              }
            g_strv_builder_add (builder, code);
          }

        codes = g_strv_builder_end (builder);
        g_object_set (record, "services", codes, NULL);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
evaluate (StyrAgreementImport *self)
{
  guint n_columns = g_strv_length (self->csv->header);

  g_ptr_array_set_size (self->records, 0);
  g_ptr_array_set_size (self->problems, 0);

  for (guint r = 0; r < self->csv->rows->len; r++)
    {
      const StyrCsvRow *row = g_ptr_array_index (self->csv->rows, r);
      g_autoptr(StyrRecord) record = NULL;
      g_autoptr(GError) error = NULL;
      const char *key = NULL;
      gboolean good = TRUE;
      int id_column;

      if (g_strv_length (row->fields) != n_columns)
        {
          g_autofree char *message =
            g_strdup_printf (_("the row has %u fields, but the first line names %u columns"),
                             g_strv_length (row->fields), n_columns);

          add_problem (self, row->line, NULL, NULL, message);
          continue;
        }

      id_column = styr_agreement_import_get_mapping (self, "id");
      if (id_column >= 0 && row->fields[id_column][0] != '\0')
        key = row->fields[id_column];
      record = styr_record_new (STYR_TYPE_AGREEMENT, key);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          int column = styr_agreement_import_get_mapping (self, fields[f].field);
          const char *value;

          if (column < 0 || g_str_equal (fields[f].field, "id"))
            continue;

          value = row->fields[column];
          if (value[0] == '\0')
            continue;

          if (!set_field (self, record, f, row, self->csv->header[column], value))
            good = FALSE;
        }

      /* A register row without a state is an agreement still to decide. */
      if (good && styr_record_get_string (record, "state") == NULL)
        styr_record_set_string (record, "state", "requested");

      if (good && !styr_record_validate (record, &error))
        {
          add_problem (self, row->line, NULL, NULL, error->message);
          good = FALSE;
        }

      if (good)
        g_ptr_array_add (self->records, g_steal_pointer (&record));
    }
}

static void
styr_agreement_import_finalize (GObject *object)
{
  StyrAgreementImport *self = (StyrAgreementImport *)object;

  g_clear_pointer (&self->csv, styr_csv_free);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_agreement_import_parent_class)->finalize (object);
}

static void
styr_agreement_import_class_init (StyrAgreementImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = styr_agreement_import_finalize;
}

static void
styr_agreement_import_init (StyrAgreementImport *self)
{
  self->mapping = g_hash_table_new (g_str_hash, g_str_equal);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_import_problem_free);
}

/**
 * styr_agreement_import_new:
 * @csv: (transfer full): a parsed CSV file
 *
 * Maps the columns by their names and converts every row. Nothing is
 * written.
 *
 * Returns: (transfer full): the import, ready to preview
 */
StyrAgreementImport *
styr_agreement_import_new (StyrCsv *csv)
{
  StyrAgreementImport *self;

  g_return_val_if_fail (csv != NULL, NULL);

  self = g_object_new (STYR_TYPE_AGREEMENT_IMPORT, NULL);
  self->csv = csv;

  for (guint c = 0; csv->header[c] != NULL; c++)
    {
      g_autofree char *name = normalize_name (csv->header[c]);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_auto(GStrv) names = g_strsplit (fields[f].names, "|", -1);

          if (!g_hash_table_contains (self->mapping, fields[f].field) &&
              g_strv_contains ((const char * const *) names, name))
            {
              g_hash_table_insert (self->mapping, (gpointer) fields[f].field,
                                   GINT_TO_POINTER (c + 1));
              break;
            }
        }
    }

  evaluate (self);
  return self;
}

/**
 * styr_agreement_import_get_fields:
 *
 * Returns: (transfer none): the fields a column can be mapped to
 */
const char * const *
styr_agreement_import_get_fields (void)
{
  static const char *names[G_N_ELEMENTS (fields) + 1];

  if (names[0] == NULL)
    for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
      names[f] = fields[f].field;

  return names;
}

/**
 * styr_agreement_import_get_field_label:
 * @field: a field from styr_agreement_import_get_fields()
 *
 * Returns: the field's name for the user, translated
 */
const char *
styr_agreement_import_get_field_label (const char *field)
{
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    if (g_str_equal (fields[f].field, field))
      return _(fields[f].label);

  return field;
}

/**
 * styr_agreement_import_get_mapping:
 * @self: a #StyrAgreementImport
 * @field: a field
 *
 * Returns: the column @field is read from, or -1 if none
 */
int
styr_agreement_import_get_mapping (StyrAgreementImport *self,
                                   const char          *field)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->mapping, field)) - 1;
}

/**
 * styr_agreement_import_set_mapping:
 * @self: a #StyrAgreementImport
 * @field: a field
 * @column: the column to read it from, or -1 for none
 *
 * Changes where a field comes from and converts the rows again.
 */
void
styr_agreement_import_set_mapping (StyrAgreementImport *self,
                                   const char          *field,
                                   int                  column)
{
  const char * const *known;
  guint f;

  g_return_if_fail (STYR_IS_AGREEMENT_IMPORT (self));
  g_return_if_fail (column < (int) g_strv_length (self->csv->header));

  known = styr_agreement_import_get_fields ();
  for (f = 0; known[f] != NULL && !g_str_equal (known[f], field); f++)
    ;
  g_return_if_fail (known[f] != NULL);

  if (column < 0)
    g_hash_table_remove (self->mapping, known[f]);
  else
    g_hash_table_insert (self->mapping, (gpointer) known[f], GINT_TO_POINTER (column + 1));

  evaluate (self);
}

/**
 * styr_agreement_import_get_columns:
 * @self: a #StyrAgreementImport
 *
 * Returns: (transfer none): the column names of the file
 */
const char * const *
styr_agreement_import_get_columns (StyrAgreementImport *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), NULL);

  return (const char * const *) self->csv->header;
}

/**
 * styr_agreement_import_get_records:
 * @self: a #StyrAgreementImport
 *
 * Returns: (transfer none) (element-type StyrAgreement): the good rows
 */
GPtrArray *
styr_agreement_import_get_records (StyrAgreementImport *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), NULL);

  return self->records;
}

/**
 * styr_agreement_import_get_problems:
 * @self: a #StyrAgreementImport
 *
 * Returns: (transfer none) (element-type StyrImportProblem): one entry per
 *   bad row, in file order
 */
GPtrArray *
styr_agreement_import_get_problems (StyrAgreementImport *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), NULL);

  return self->problems;
}

typedef struct
{
  StyrAgreementImport *import;
  const char          *author;
  guint                written;
} Commit;

static gboolean
commit_in_transaction (StyrStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  Commit *commit = user_data;

  for (guint i = 0; i < commit->import->records->len; i++)
    {
      StyrRecord *record = g_ptr_array_index (commit->import->records, i);
      g_autoptr(JsonObject) body = styr_record_to_json (record);
      g_autofree char *rev = NULL;
      gboolean deleted = FALSE;

      /* A row with the id of an agreement we have updates it. */
      styr_store_get_status (store, styr_record_get_id (record), &rev, &deleted, NULL, NULL);
      if (!styr_store_put (store, styr_record_get_id (record), body, deleted ? NULL : rev,
                           commit->author, NULL, error))
        return FALSE;
      commit->written++;
    }

  return TRUE;
}

/**
 * styr_agreement_import_commit:
 * @self: a #StyrAgreementImport
 * @store: where to write
 * @author: (nullable): who imported, for the audit trail
 * @n_written: (out) (optional): how many agreements were written
 * @error: return location for a #GError
 *
 * Writes every good row in one transaction; the bad rows are left out.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
styr_agreement_import_commit (StyrAgreementImport  *self,
                              StyrStore            *store,
                              const char           *author,
                              guint                *n_written,
                              GError              **error)
{
  Commit commit = { self, author, 0 };

  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), FALSE);
  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);

  if (!styr_store_transaction (store, commit_in_transaction, &commit, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = commit.written;
  return TRUE;
}
