/* styr-agreement-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-agreement-actions.h"
#include "styr-agreement-columns.h"
#include "styr-agreement-import.h"

/* StyrAgreementImport reads a register of agreements from a spreadsheet
 * against the agreements the store holds. Each row is matched to one by
 * its ID, or, without one, by its using system, supplier and services
 * when exactly one agreement has them; then only the fields of the
 * columns the file has are compared, so a file without usage, review or
 * approver never clears them. Each row becomes new, changed (which fields,
 * from what to what), unchanged or refused (why, in the file's terms).
 * Nothing is written until styr_agreement_import_commit(), which writes
 * every new and changed row in one transaction; the window's undo stack
 * takes all of it back as one change.
 */
struct _StyrAgreementImport
{
  GObject     parent_instance;

  StyrStore  *store;
  StyrCsv    *csv;
  /* field → column index + 1 */
  GHashTable *mapping;
  /* column index → the StyrAgreementColumn it fills, or NULL */
  const StyrAgreementColumn **by_column;
  /* id → StyrAgreement: the store's agreements when the file was read */
  GHashTable *agreements;
  /* StyrImportRow, in file order */
  GListStore *rows;
  /* Plan, one per row to write */
  GPtrArray  *plans;
  guint       counts[STYR_IMPORT_ROW_SKIPPED + 1];
  guint       matched;
};

G_DEFINE_FINAL_TYPE (StyrAgreementImport, styr_agreement_import, G_TYPE_OBJECT)

/* What to write for one row: the fields to set, a null value for one to
 * clear, on the agreement @id, or on a new one. */
typedef struct
{
  char       *id;
  JsonObject *fields;
  guint       row;
  char       *title;
} Plan;

/* How a row found its agreement. */
typedef enum
{
  TARGET_NEW,
  TARGET_BY_ID,
  TARGET_BY_MATCH,
  TARGET_REFUSED,
} TargetKind;

typedef struct
{
  TargetKind  kind;
  char       *id;
  char       *problem;
} Target;

static void
plan_free (Plan *plan)
{
  g_free (plan->id);
  g_clear_pointer (&plan->fields, json_object_unref);
  g_free (plan->title);
  g_free (plan);
}

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->id, g_free);
  g_clear_pointer (&target->problem, g_free);
}

static const StyrAgreementColumn *
column_of (const char *field)
{
  const StyrAgreementColumn *column = styr_agreement_column_for_field (field);

  g_assert (column != NULL);
  return column;
}

static int
mapped_column (StyrAgreementImport *self,
               const char          *field)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->mapping, field)) - 1;
}

/* A cell as the user wrote it: the guard against formulas that an export
 * put in front comes off again. */
static char *
cell_text (StyrAgreementImport *self,
           const StyrCsvRow    *row,
           const char          *field)
{
  int column = mapped_column (self, field);

  if (column < 0)
    return NULL;

  return styr_csv_unguard_cell (row->fields[column]);
}

/* The heading of the column a field is read from, as the file writes it;
 * the field's own name when the file has none for it. */
static char *
heading_of (StyrAgreementImport *self,
            const char          *field)
{
  int column = mapped_column (self, field);

  if (column < 0)
    return g_strdup (styr_agreement_column_heading (column_of (field)));

  return styr_csv_column_name (self->csv, column);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

/* The services of a row or an agreement, sorted, so that the order they
 * are listed in does not keep two of them apart. */
static char *
services_key (JsonNode *services)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GString) key = g_string_new (NULL);
  JsonArray *array;

  if (services == NULL || !JSON_NODE_HOLDS_ARRAY (services))
    return g_strdup ("");

  array = json_node_get_array (services);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (codes, (gpointer) json_node_get_string (node));
    }
  g_ptr_array_sort (codes, compare_codes);

  for (guint i = 0; i < codes->len; i++)
    {
      g_autofree char *code = g_ascii_strup (g_ptr_array_index (codes, i), -1);

      g_string_append_printf (key, "%s,", code);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* What a row without an ID is matched on: the using system, with the
 * supplier and the services where the file has those columns. */
static char *
match_key (StyrAgreementImport *self,
           const char          *system,
           const char          *supplier,
           JsonNode            *services)
{
  g_autofree char *system_key = styr_csv_name_key (system);
  g_autofree char *supplier_key = NULL;
  g_autofree char *codes = NULL;

  if (mapped_column (self, "supplier") >= 0)
    supplier_key = styr_csv_name_key (supplier);
  if (mapped_column (self, "services") >= 0)
    codes = services_key (services);

  return g_strjoin ("\x1f", system_key, supplier_key != NULL ? supplier_key : "",
                    codes != NULL ? codes : "", NULL);
}

/* match key → GPtrArray of agreement ids */
static GHashTable *
build_match_index (StyrAgreementImport *self)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer id, value;

  g_hash_table_iter_init (&iter, self->agreements);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      StyrRecord *record = value;
      JsonObject *body = styr_record_get_body (record);
      g_autofree char *key = NULL;
      GPtrArray *ids;

      if (styr_record_get_string (record, "using_system") == NULL)
        continue;

      key = match_key (self, styr_record_get_string (record, "using_system"),
                       styr_record_get_string (record, "supplier"),
                       json_object_get_member (body, "services"));
      ids = g_hash_table_lookup (index, key);
      if (ids == NULL)
        {
          ids = g_ptr_array_new ();
          g_hash_table_insert (index, g_steal_pointer (&key), ids);
        }
      g_ptr_array_add (ids, id);
    }

  return index;
}

/* "agreement:1b4e…" and "1b4e…" name the same agreement. */
static char *
id_from_cell (const char *cell)
{
  if (g_str_has_prefix (cell, "agreement:"))
    return g_strdup (cell);

  return g_strconcat ("agreement:", cell, NULL);
}

static void
find_by_id (StyrAgreementImport *self,
            const char          *cell,
            Target              *target)
{
  g_autofree char *heading = heading_of (self, "id");
  g_autofree char *id = id_from_cell (cell);
  gboolean deleted = FALSE;
  g_autofree char *rev = NULL;

  target->id = g_strdup (id);
  if (g_hash_table_contains (self->agreements, id))
    {
      target->kind = TARGET_BY_ID;
      return;
    }

  target->kind = TARGET_REFUSED;
  styr_store_get_status (self->store, id, &rev, &deleted, NULL, NULL);
  if (rev != NULL && deleted)
    target->problem =
      /* Translators: %s is the heading of the ID column. */
      g_strdup_printf (_("column “%s”: the agreement with this ID was deleted in Styr; restore "
                         "it from the trash first, or empty the cell to add the row as a new "
                         "agreement"), heading);
  else
    target->problem =
      g_strdup_printf (_("column “%s”: no agreement in Styr has this ID, so the row may come "
                         "from another database; empty the cell to add it as a new agreement"),
                       heading);
}

static void
find_by_match (StyrAgreementImport *self,
               GHashTable          *index,
               const StyrCsvRow    *row,
               Target              *target)
{
  g_autofree char *system = cell_text (self, row, "using_system");
  g_autofree char *supplier = cell_text (self, row, "supplier");
  g_autofree char *services_cell = cell_text (self, row, "services");
  g_autoptr(JsonNode) services = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *key = NULL;
  GPtrArray *ids;

  target->kind = TARGET_NEW;
  if (system == NULL || system[0] == '\0')
    return;

  if (services_cell != NULL)
    styr_agreement_column_parse (column_of ("services"), services_cell, NULL, &services,
                                 &problem);

  key = match_key (self, system, supplier, services);
  ids = g_hash_table_lookup (index, key);
  if (ids == NULL)
    return;

  if (ids->len == 1)
    {
      target->kind = TARGET_BY_MATCH;
      target->id = g_strdup (g_ptr_array_index (ids, 0));
      return;
    }

  /* Adding it again would make one more of them. */
  target->kind = TARGET_REFUSED;
  target->problem =
    /* Translators: the first %u is always 2 or more; %s is the using system. */
    g_strdup_printf (_("%u agreements for “%s” have this supplier and these services, and the "
                       "row has no ID to say which one it is; export the register from Styr to "
                       "get the ID column"), ids->len, system);
}

/* "5, 9 and 12" */
static char *
join_rows (GArray *rows)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      if (i > 0 && i == rows->len - 1)
        /* Translators: between the last two row numbers of a list, “5, 9 and 12”. */
        g_string_append (text, _(" and "));
      else if (i > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%u", g_array_index (rows, guint, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Two rows that name one agreement cannot both be right: neither is taken,
 * and each says which rows clash. */
static void
refuse_clashes (StyrAgreementImport *self,
                Target              *targets)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  guint n = self->csv->rows->len;

  for (guint r = 0; r < n; r++)
    {
      GArray *rows;

      if (targets[r].id == NULL ||
          (targets[r].kind != TARGET_BY_ID && targets[r].kind != TARGET_BY_MATCH &&
           targets[r].problem == NULL))
        continue;

      rows = g_hash_table_lookup (by_id, targets[r].id);
      if (rows == NULL)
        {
          rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_id, targets[r].id, rows);
        }
      g_array_append_val (rows, r);
    }

  for (guint r = 0; r < n; r++)
    {
      GArray *indices = targets[r].id != NULL ? g_hash_table_lookup (by_id, targets[r].id) : NULL;
      g_autoptr(GArray) numbers = NULL;
      g_autofree char *list = NULL;
      gboolean by_id_only = TRUE;

      if (indices == NULL || indices->len < 2)
        continue;

      numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < indices->len; i++)
        {
          guint index = g_array_index (indices, guint, i);
          const StyrCsvRow *row = g_ptr_array_index (self->csv->rows, index);

          g_array_append_val (numbers, row->row);
          by_id_only = by_id_only && targets[index].kind != TARGET_BY_MATCH;
        }
      list = join_rows (numbers);

      g_free (targets[r].problem);
      targets[r].problem = by_id_only
        /* Translators: %s lists rows, “5 and 9”. */
        ? g_strdup_printf (_("rows %s have the same ID, and Styr cannot tell which of them is "
                             "right, so none of them is imported"), list)
        : g_strdup_printf (_("rows %s are all the same agreement, and Styr cannot tell which of "
                             "them is right, so none of them is imported"), list);
      targets[r].kind = TARGET_REFUSED;
    }
}

/* Two new rows with the same using system, supplier and services are two
 * agreements, as the file says; but read again without IDs neither could
 * be told from the other, so the preview says so. */
static void
note_look_alikes (StyrAgreementImport *self,
                  Target              *targets)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = self->csv->rows->len;

  for (guint r = 0; r < n; r++)
    {
      const StyrCsvRow *row = g_ptr_array_index (self->csv->rows, r);
      g_autofree char *system = NULL;
      g_autofree char *supplier = NULL;
      g_autofree char *services_cell = NULL;
      g_autofree char *problem = NULL;
      g_autoptr(JsonNode) services = NULL;
      g_autofree char *key = NULL;
      gpointer earlier;

      if (targets[r].kind != TARGET_NEW)
        continue;
      system = cell_text (self, row, "using_system");
      if (system == NULL || system[0] == '\0')
        continue;
      supplier = cell_text (self, row, "supplier");
      services_cell = cell_text (self, row, "services");
      if (services_cell != NULL)
        styr_agreement_column_parse (column_of ("services"), services_cell, NULL, &services,
                                     &problem);

      key = match_key (self, system, supplier, services);
      if (g_hash_table_lookup_extended (first, key, NULL, &earlier))
        {
          g_free (targets[r].problem);
          /* Translators: a note on a new row; %u is the row it looks like. */
          targets[r].problem = g_strdup_printf (_("the same using system, supplier and services "
                                                  "as row %u; export the register from Styr "
                                                  "after the import to get their IDs"),
                                                GPOINTER_TO_UINT (earlier));
        }
      else
        g_hash_table_insert (first, g_steal_pointer (&key), GUINT_TO_POINTER (row->row));
    }
}

/* The agreement the row changes, as it will be: @body with @fields laid
 * over it. */
static StyrRecord *
apply_fields (const char *id,
              JsonObject *body,
              JsonObject *fields)
{
  g_autoptr(JsonObject) merged = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (body != NULL)
    {
      json_object_iter_init (&iter, body);
      while (json_object_iter_next (&iter, &member, &node))
        json_object_set_member (merged, member, json_node_copy (node));
    }

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (JSON_NODE_HOLDS_NULL (node))
        json_object_remove_member (merged, member);
      else
        json_object_set_member (merged, member, json_node_copy (node));
    }

  if (id == NULL)
    {
      StyrRecord *record = styr_record_new (STYR_TYPE_AGREEMENT, NULL);
      JsonObject *target = styr_record_get_body (record);

      json_object_iter_init (&iter, merged);
      while (json_object_iter_next (&iter, &member, &node))
        json_object_set_member (target, member, json_node_copy (node));
      return record;
    }

  return styr_record_load (id, NULL, merged);
}

/* What must hold of the agreement the row makes, said in the file's own
 * terms before the record's validation would say it in the store's. */
static void
check_agreement (StyrAgreementImport *self,
                 StyrRecord          *record,
                 StyrImportRow       *result)
{
  const char *system = styr_record_get_string (record, "using_system");
  g_autoptr(GError) error = NULL;
  GDate from, to;

  if (system == NULL || system[0] == '\0')
    {
      g_autofree char *heading = heading_of (self, "using_system");
      g_autofree char *problem =
        mapped_column (self, "using_system") >= 0
        ? g_strdup_printf (_("column “%s” is empty, but every agreement needs its using "
                             "system"), heading)
        : g_strdup_printf (_("the file has no column “%s”, which a new agreement needs"),
                           heading);

      styr_import_row_add_problem (result, problem);
    }

  if (styr_record_get_string (record, "state") == NULL ||
      styr_record_get_string (record, "state")[0] == '\0')
    {
      g_autofree char *heading = heading_of (self, "state");
      g_autofree char *problem =
        g_strdup_printf (_("column “%s” is empty, but every agreement has a state (anmodet, "
                           "godkendt, afvist, udløbet or opsagt)"), heading);

      styr_import_row_add_problem (result, problem);
    }

  if (styr_record_get_date (record, "valid_from", &from) &&
      styr_record_get_date (record, "valid_to", &to) && g_date_compare (&from, &to) > 0)
    {
      gboolean to_in_file = mapped_column (self, "valid_to") >= 0;
      g_autofree char *to_heading = heading_of (self, "valid_to");
      g_autofree char *from_heading = heading_of (self, "valid_from");
      g_autofree char *to_text = styr_date_to_user (styr_record_get_string (record, "valid_to"));
      g_autofree char *from_text =
        styr_date_to_user (styr_record_get_string (record, "valid_from"));
      g_autofree char *problem =
        to_in_file
        /* Translators: column “Gyldig til”: 01-06-2020 is before “Gyldig fra” 01-03-2021 */
        ? g_strdup_printf (_("column “%s”: %s is before “%s” %s"), to_heading, to_text,
                           from_heading, from_text)
        /* Translators: column “Gyldig fra”: 01-03-2021 is after “Gyldig til” 01-06-2020 */
        : g_strdup_printf (_("column “%s”: %s is after “%s” %s"), from_heading, from_text,
                           to_heading, to_text);

      styr_import_row_add_problem (result, problem);
      return;
    }

  /* What is left is damage the row did not make, such as a review a
   * colleague's newer Styr wrote; its message names the store's fields,
   * so the user is told where to look instead. */
  if (styr_import_row_get_kind (result) != STYR_IMPORT_ROW_REFUSED &&
      !styr_record_validate (record, &error))
    {
      g_debug ("%s", error->message);
      styr_import_row_add_problem (result, _("the agreement as Styr holds it does not pass its "
                                             "own checks, in a field the file has no column "
                                             "for; open it in Styr, which says what is wrong"));
    }
}

/* Reads the cells of a row into the fields to write, and notes what they
 * change on @agreement (none for a new one). */
static JsonObject *
read_fields (StyrAgreementImport *self,
             const StyrCsvRow    *row,
             StyrRecord          *agreement,
             StyrImportRow       *result)
{
  JsonObject *fields = json_object_new ();
  JsonObject *body = agreement != NULL ? styr_record_get_body (agreement) : NULL;

  for (guint c = 0; c < self->csv->n_columns; c++)
    {
      const StyrAgreementColumn *column = self->by_column[c];
      g_autofree char *cell = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *problem = NULL;
      g_autoptr(JsonNode) value = NULL;
      JsonNode *before;

      if (column == NULL || column->kind == STYR_AGREEMENT_COLUMN_ID)
        continue;

      cell = styr_csv_unguard_cell (row->fields[c]);
      heading = styr_csv_column_name (self->csv, c);
      before = body != NULL ? json_object_get_member (body, column->field) : NULL;

      if (!styr_agreement_column_parse (column, cell, before, &value, &problem))
        {
          g_autofree char *message = g_strdup_printf (_("column “%s”: %s"), heading, problem);

          styr_import_row_add_problem (result, message);
          continue;
        }

      if (styr_agreement_column_equal (column, before, value))
        continue;

      if (agreement != NULL)
        {
          g_autofree char *old_text = styr_agreement_column_describe (column, before);
          g_autofree char *new_text = styr_agreement_column_describe (column, value);

          styr_import_row_add_change (result, heading, old_text, new_text);
        }

      json_object_set_member (fields, column->field,
                              value != NULL ? g_steal_pointer (&value)
                                            : json_node_new (JSON_NODE_NULL));
    }

  return fields;
}

static void
add_result (StyrAgreementImport *self,
            StyrImportRow       *result,
            Plan                *plan)
{
  StyrImportRowKind kind = styr_import_row_get_kind (result);

  self->counts[kind]++;
  if (plan != NULL && (kind == STYR_IMPORT_ROW_NEW || kind == STYR_IMPORT_ROW_CHANGED))
    g_ptr_array_add (self->plans, plan);
  else if (plan != NULL)
    plan_free (plan);
}

static void
evaluate_row (StyrAgreementImport *self,
              const StyrCsvRow    *row,
              Target              *target)
{
  StyrRecord *agreement = target->id != NULL && target->kind != TARGET_REFUSED
                          ? g_hash_table_lookup (self->agreements, target->id) : NULL;
  g_autofree char *system = cell_text (self, row, "using_system");
  g_autoptr(StyrImportRow) result = NULL;
  g_autoptr(StyrRecord) merged = NULL;
  Plan *plan;
  const char *title;

  if (styr_csv_is_total_row (row))
    {
      result = styr_import_row_new (row->row, STYR_IMPORT_ROW_SKIPPED, NULL);
      styr_import_row_set_note (result, _("a total row"));
      add_result (self, result, NULL);
      g_list_store_append (self->rows, result);
      return;
    }

  title = agreement != NULL ? styr_record_get_string (agreement, "using_system") : system;
  result = styr_import_row_new (row->row, agreement != NULL ? STYR_IMPORT_ROW_CHANGED
                                                            : STYR_IMPORT_ROW_NEW, title);

  if (target->kind == TARGET_REFUSED)
    {
      styr_import_row_add_problem (result, target->problem);
      add_result (self, result, NULL);
      g_list_store_append (self->rows, result);
      return;
    }

  if (target->kind == TARGET_BY_MATCH)
    {
      styr_import_row_set_note (result, _("matched on using system, supplier and services"));
      self->matched++;
    }
  else if (target->kind == TARGET_NEW && target->problem != NULL)
    styr_import_row_set_note (result, target->problem);

  plan = g_new0 (Plan, 1);
  plan->id = g_strdup (target->id);
  plan->row = row->row;
  plan->title = g_strdup (title);
  plan->fields = read_fields (self, row, agreement, result);

  /* A register row without a state is an agreement still to decide. */
  if (agreement == NULL && !json_object_has_member (plan->fields, "state"))
    json_object_set_string_member (plan->fields, "state", "requested");

  merged = apply_fields (plan->id, agreement != NULL ? styr_record_get_body (agreement) : NULL,
                         plan->fields);
  check_agreement (self, merged, result);

  if (styr_import_row_get_kind (result) == STYR_IMPORT_ROW_CHANGED &&
      styr_import_row_get_changes (result)->len == 0)
    styr_import_row_set_kind (result, STYR_IMPORT_ROW_UNCHANGED);

  add_result (self, result, plan);
  g_list_store_append (self->rows, result);
}

static void
evaluate (StyrAgreementImport *self)
{
  guint n = self->csv->rows->len;
  g_autofree Target *targets = g_new0 (Target, n);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GListStore) rows = g_list_store_new (STYR_TYPE_IMPORT_ROW);
  GHashTableIter iter;
  gpointer field, column;

  memset (self->by_column, 0, self->csv->n_columns * sizeof *self->by_column);
  g_hash_table_iter_init (&iter, self->mapping);
  while (g_hash_table_iter_next (&iter, &field, &column))
    self->by_column[GPOINTER_TO_INT (column) - 1] = column_of (field);

  g_ptr_array_set_size (self->plans, 0);
  memset (self->counts, 0, sizeof self->counts);
  self->matched = 0;

  /* The rows are made in a store of their own and swapped in at once, so
   * a view of them changes in one step. */
  g_set_object (&self->rows, rows);

  for (guint r = 0; r < n; r++)
    {
      const StyrCsvRow *row = g_ptr_array_index (self->csv->rows, r);
      g_autofree char *id = cell_text (self, row, "id");

      if (id != NULL && id[0] != '\0')
        find_by_id (self, id, &targets[r]);
      else
        {
          if (index == NULL)
            index = build_match_index (self);
          find_by_match (self, index, row, &targets[r]);
        }
    }

  refuse_clashes (self, targets);
  note_look_alikes (self, targets);

  for (guint r = 0; r < n; r++)
    {
      evaluate_row (self, g_ptr_array_index (self->csv->rows, r), &targets[r]);
      target_clear (&targets[r]);
    }
}

static gboolean
is_heading (const char *heading,
            gpointer    user_data)
{
  return styr_agreement_column_for_heading (heading) != NULL;
}

static void
styr_agreement_import_finalize (GObject *object)
{
  StyrAgreementImport *self = (StyrAgreementImport *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->csv, styr_csv_free);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->by_column, g_free);
  g_clear_pointer (&self->agreements, g_hash_table_unref);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->plans, g_ptr_array_unref);

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
  self->agreements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rows = g_list_store_new (STYR_TYPE_IMPORT_ROW);
  self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_free);
}

static gboolean
load_agreements (StyrAgreementImport  *self,
                 GError              **error)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (self->store, "agreement", NULL, NULL, NULL,
                                                  error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *rev = NULL;
      g_autoptr(JsonObject) body = styr_store_get (self->store, id, &rev, error);
      StyrRecord *record;

      if (body == NULL)
        return FALSE;

      record = styr_record_load (id, rev, body);
      if (record != NULL && STYR_IS_AGREEMENT (record))
        g_hash_table_insert (self->agreements, g_strdup (id), record);
      else
        g_clear_object (&record);
    }

  return TRUE;
}

/**
 * styr_agreement_import_new:
 * @csv: (transfer full): a parsed CSV file
 * @store: the store whose agreements the rows are read against
 * @error: return location for a #GError
 *
 * Finds the header row, maps the columns by their headings and works out
 * what each row would do. Nothing is written.
 *
 * Returns: (transfer full): the import, ready to preview, or %NULL with
 *   @error set when the agreements cannot be read
 */
StyrAgreementImport *
styr_agreement_import_new (StyrCsv    *csv,
                           StyrStore  *store,
                           GError    **error)
{
  g_autoptr(StyrAgreementImport) self = NULL;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  self = g_object_new (STYR_TYPE_AGREEMENT_IMPORT, NULL);
  self->csv = csv;
  self->store = g_object_ref (store);

  styr_csv_find_header (csv, is_heading, NULL);
  self->by_column = g_new0 (const StyrAgreementColumn *, csv->n_columns);
  for (guint c = 0; c < csv->n_columns; c++)
    {
      const StyrAgreementColumn *column = styr_agreement_column_for_heading (csv->header[c]);

      if (column != NULL && !g_hash_table_contains (self->mapping, column->field))
        g_hash_table_insert (self->mapping, (gpointer) column->field, GINT_TO_POINTER (c + 1));
    }

  if (!load_agreements (self, error))
    return NULL;

  evaluate (self);
  return g_steal_pointer (&self);
}

/**
 * styr_agreement_import_get_fields:
 *
 * Returns: (transfer none): the fields a column can be mapped to, "id"
 *   first
 */
const char * const *
styr_agreement_import_get_fields (void)
{
  static const char *names[32];

  if (names[0] == NULL)
    {
      guint n;
      const StyrAgreementColumn *columns = styr_agreement_columns (&n);

      g_assert (n < G_N_ELEMENTS (names));
      for (guint f = 0; f < n; f++)
        names[f] = columns[f].field;
    }

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
  const StyrAgreementColumn *column = styr_agreement_column_for_field (field);

  return column != NULL ? styr_agreement_column_heading (column) : field;
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

  return mapped_column (self, field);
}

/**
 * styr_agreement_import_set_mapping:
 * @self: a #StyrAgreementImport
 * @field: a field
 * @column: the column to read it from, or -1 for none
 *
 * Changes where a field comes from and works the rows out again; a column
 * that filled another field fills only this one now.
 */
void
styr_agreement_import_set_mapping (StyrAgreementImport *self,
                                   const char          *field,
                                   int                  column)
{
  const StyrAgreementColumn *known;
  GHashTableIter iter;
  gpointer other, index;

  g_return_if_fail (STYR_IS_AGREEMENT_IMPORT (self));
  g_return_if_fail (column < (int) self->csv->n_columns);

  known = styr_agreement_column_for_field (field);
  g_return_if_fail (known != NULL);

  g_hash_table_iter_init (&iter, self->mapping);
  while (g_hash_table_iter_next (&iter, &other, &index))
    if (column >= 0 && GPOINTER_TO_INT (index) - 1 == column)
      g_hash_table_iter_remove (&iter);

  if (column < 0)
    g_hash_table_remove (self->mapping, known->field);
  else
    g_hash_table_insert (self->mapping, (gpointer) known->field, GINT_TO_POINTER (column + 1));

  evaluate (self);
}

/**
 * styr_agreement_import_get_columns:
 * @self: a #StyrAgreementImport
 *
 * Returns: (transfer none): the headings of the file's columns
 */
const char * const *
styr_agreement_import_get_columns (StyrAgreementImport *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), NULL);

  return (const char * const *) self->csv->header;
}

/**
 * styr_agreement_import_dup_column_names:
 * @self: a #StyrAgreementImport
 *
 * Returns: (transfer full): the file's columns, by their headings, or by
 *   their letters where they have none
 */
char **
styr_agreement_import_dup_column_names (StyrAgreementImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), NULL);

  for (guint c = 0; c < self->csv->n_columns; c++)
    {
      g_autofree char *name = styr_csv_column_name (self->csv, c);

      g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/**
 * styr_agreement_import_dup_ignored:
 * @self: a #StyrAgreementImport
 *
 * Returns: (transfer full): the columns of the file no field is read
 *   from, by their headings (or letters, where they have none)
 */
char **
styr_agreement_import_dup_ignored (StyrAgreementImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), NULL);

  for (guint c = 0; c < self->csv->n_columns; c++)
    if (self->by_column[c] == NULL)
      {
        g_autofree char *name = styr_csv_column_name (self->csv, c);

        g_strv_builder_add (builder, name);
      }

  return g_strv_builder_end (builder);
}

/**
 * styr_agreement_import_get_rows_above:
 * @self: a #StyrAgreementImport
 *
 * Returns: how many rows with text above the header row (a title, say)
 *   are left out
 */
guint
styr_agreement_import_get_rows_above (StyrAgreementImport *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), 0);

  return self->csv->n_above;
}

/**
 * styr_agreement_import_get_rows:
 * @self: a #StyrAgreementImport
 *
 * The rows as they would be imported now. The model is replaced, not
 * changed, when the mapping changes: ask for it again then.
 *
 * Returns: (transfer none) (element-type StyrImportRow): one per row of
 *   the file below the header, in file order
 */
GListModel *
styr_agreement_import_get_rows (StyrAgreementImport *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * styr_agreement_import_count:
 * @self: a #StyrAgreementImport
 * @kind: what happens to a row
 *
 * Returns: how many rows @kind happens to
 */
guint
styr_agreement_import_count (StyrAgreementImport *self,
                             StyrImportRowKind    kind)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), 0);
  g_return_val_if_fail (kind <= STYR_IMPORT_ROW_SKIPPED, 0);

  return self->counts[kind];
}

/**
 * styr_agreement_import_count_matched:
 * @self: a #StyrAgreementImport
 *
 * Returns: how many rows without an ID were matched to an agreement on
 *   its using system, supplier and services
 */
guint
styr_agreement_import_count_matched (StyrAgreementImport *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), 0);

  return self->matched;
}

typedef struct
{
  StyrAgreementImport *import;
  const char          *author;
} Commit;

static gboolean
commit_in_transaction (StyrStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  Commit *commit = user_data;

  for (guint i = 0; i < commit->import->plans->len; i++)
    {
      Plan *plan = g_ptr_array_index (commit->import->plans, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) body = NULL;
      g_autoptr(JsonObject) new_body = NULL;
      g_autoptr(StyrRecord) record = NULL;
      g_autofree char *rev = NULL;

      /* The agreement as it is now, not as it was when the file was read:
       * a colleague's sync may have changed other fields since. */
      if (plan->id != NULL)
        {
          body = styr_store_get (store, plan->id, &rev, &local_error);
          if (body == NULL)
            {
              if (g_error_matches (local_error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND))
                g_set_error (error, STYR_STORE_ERROR, STYR_STORE_ERROR_NOT_FOUND,
                             _("Row %u (“%s”) cannot be imported: the agreement was deleted "
                               "after the file was read. Nothing was imported."),
                             plan->row, plan->title);
              else
                g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }

      record = apply_fields (plan->id, body, plan->fields);
      if (!styr_record_validate (record, &local_error))
        {
          g_debug ("%s", local_error->message);
          g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID,
                       _("Row %u (“%s”) cannot be imported: the agreement was changed after "
                         "the file was read, and the two do not fit together. Nothing was "
                         "imported; read the file again."),
                       plan->row, plan->title);
          return FALSE;
        }

      new_body = styr_record_to_json (record);
      if (!styr_store_put (store, styr_record_get_id (record), new_body, rev, commit->author,
                           NULL, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * styr_agreement_import_commit:
 * @self: a #StyrAgreementImport
 * @author: (nullable): who imported, for the audit trail
 * @error: return location for a #GError
 *
 * Writes every new and changed row in one transaction; the refused and
 * unchanged rows are left out. Each changed agreement gets the fields of
 * the file's columns laid over it as it is now, and nothing else.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
styr_agreement_import_commit (StyrAgreementImport  *self,
                              const char           *author,
                              GError              **error)
{
  Commit commit = { self, author };

  g_return_val_if_fail (STYR_IS_AGREEMENT_IMPORT (self), FALSE);

  return styr_store_transaction (self->store, commit_in_transaction, &commit, error);
}
