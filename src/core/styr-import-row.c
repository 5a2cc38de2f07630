/* styr-import-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-import-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-import-row.h"

/* StyrImportRow: what an import will do, or did, with one row of a file,
 * in the file's own terms: its row number as the spreadsheet shows it, the
 * record's name, the columns it changes from what to what, or why it is
 * refused. The preview lists them, and the command line prints them.
 */
struct _StyrImportRow
{
  GObject            parent_instance;

  guint              row;
  StyrImportRowKind  kind;
  char              *title;
  char              *note;
  /* StyrImportChange */
  GPtrArray         *changes;
  GPtrArray         *problems;
};

G_DEFINE_FINAL_TYPE (StyrImportRow, styr_import_row, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (StyrImportRowKind, styr_import_row_kind,
                    G_DEFINE_ENUM_VALUE (STYR_IMPORT_ROW_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (STYR_IMPORT_ROW_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (STYR_IMPORT_ROW_UNCHANGED, "unchanged"),
                    G_DEFINE_ENUM_VALUE (STYR_IMPORT_ROW_REFUSED, "refused"),
                    G_DEFINE_ENUM_VALUE (STYR_IMPORT_ROW_SKIPPED, "skipped"))

enum {
  PROP_0,
  PROP_ROW,
  PROP_KIND,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (StyrImportChange *change)
{
  g_free (change->column);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static void
styr_import_row_finalize (GObject *object)
{
  StyrImportRow *self = (StyrImportRow *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (styr_import_row_parent_class)->finalize (object);
}

static void
styr_import_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StyrImportRow *self = STYR_IMPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint (value, self->row);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOCATION:
      g_value_take_string (value, styr_import_row_dup_location (self));
      break;

    case PROP_DESCRIPTION:
      g_value_take_string (value, styr_import_row_describe (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_import_row_class_init (StyrImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = styr_import_row_finalize;
  object_class->get_property = styr_import_row_get_property;

  properties[PROP_ROW] = g_param_spec_uint ("row", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, STYR_TYPE_IMPORT_ROW_KIND,
                                             STYR_IMPORT_ROW_NEW,
                                             flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_import_row_init (StyrImportRow *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->problems = g_ptr_array_new_null_terminated (1, g_free, TRUE);
}

/**
 * styr_import_row_new:
 * @row: the row's number in the spreadsheet
 * @kind: what happens to it
 * @title: (nullable): the record's name, e.g. the agreement's using system
 *
 * Returns: (transfer full): a new row
 */
StyrImportRow *
styr_import_row_new (guint              row,
                     StyrImportRowKind  kind,
                     const char        *title)
{
  StyrImportRow *self = g_object_new (STYR_TYPE_IMPORT_ROW, NULL);

  self->row = row;
  self->kind = kind;
  self->title = g_strdup (title != NULL && title[0] != '\0' ? title : NULL);
  return self;
}

guint
styr_import_row_get_row (StyrImportRow *self)
{
  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), 0);

  return self->row;
}

StyrImportRowKind
styr_import_row_get_kind (StyrImportRow *self)
{
  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), STYR_IMPORT_ROW_REFUSED);

  return self->kind;
}

/**
 * styr_import_row_set_kind:
 * @self: a #StyrImportRow
 * @kind: what happens to it now
 *
 * A row found to clash with a later one becomes refused after the fact.
 */
void
styr_import_row_set_kind (StyrImportRow     *self,
                          StyrImportRowKind  kind)
{
  g_return_if_fail (STYR_IS_IMPORT_ROW (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * styr_import_row_get_title:
 * @self: a #StyrImportRow
 *
 * Returns: (nullable): the record's name
 */
const char *
styr_import_row_get_title (StyrImportRow *self)
{
  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), NULL);

  return self->title;
}

/**
 * styr_import_row_get_note:
 * @self: a #StyrImportRow
 *
 * Returns: (nullable): how the row was matched, or why it is skipped
 */
const char *
styr_import_row_get_note (StyrImportRow *self)
{
  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), NULL);

  return self->note;
}

void
styr_import_row_set_note (StyrImportRow *self,
                          const char    *note)
{
  g_return_if_fail (STYR_IS_IMPORT_ROW (self));

  g_free (self->note);
  self->note = g_strdup (note);
}

/**
 * styr_import_row_get_changes:
 * @self: a #StyrImportRow
 *
 * Returns: (transfer none) (element-type StyrImportChange): the fields
 *   the row changes, in the file's column order
 */
GPtrArray *
styr_import_row_get_changes (StyrImportRow *self)
{
  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), NULL);

  return self->changes;
}

void
styr_import_row_add_change (StyrImportRow *self,
                            const char    *column,
                            const char    *before,
                            const char    *after)
{
  StyrImportChange *change;

  g_return_if_fail (STYR_IS_IMPORT_ROW (self));

  change = g_new0 (StyrImportChange, 1);
  change->column = g_strdup (column);
  change->before = g_strdup (before);
  change->after = g_strdup (after);
  g_ptr_array_add (self->changes, change);
}

/**
 * styr_import_row_get_problems:
 * @self: a #StyrImportRow
 *
 * Returns: (transfer none): why the row is refused, each naming its
 *   column where one is to blame; empty unless it is refused
 */
const char * const *
styr_import_row_get_problems (StyrImportRow *self)
{
  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), NULL);

  return (const char * const *) self->problems->pdata;
}

void
styr_import_row_add_problem (StyrImportRow *self,
                             const char    *problem)
{
  g_return_if_fail (STYR_IS_IMPORT_ROW (self));

  g_ptr_array_add (self->problems, g_strdup (problem));
  styr_import_row_set_kind (self, STYR_IMPORT_ROW_REFUSED);
}

/* A value on one line: a line break in a cell shows as "↵". */
static void
append_value (GString    *out,
              const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, " ↵ ");
      else
        g_string_append_c (out, *p);
    }
}

static void
append_changes (StyrImportRow *self,
                GString       *out)
{
  for (guint i = 0; i < self->changes->len; i++)
    {
      StyrImportChange *change = g_ptr_array_index (self->changes, i);

      if (i > 0)
        g_string_append (out, "; ");
      g_autoptr(GString) before = g_string_new (NULL);
      g_autoptr(GString) after = g_string_new (NULL);

      append_value (before, change->before);
      append_value (after, change->after);
      /* Translators: one changed field in an import's preview: the column, the value
       * before and the value after, e.g. “Gyldig til: 01-06-2020 → 01-06-2021”. */
      g_string_append_printf (out, _("%s: %s → %s"), change->column, before->str, after->str);
    }
}

/**
 * styr_import_row_describe:
 * @self: a #StyrImportRow
 *
 * Returns: (transfer full): what happens to the row, in a line for the
 *   preview: the changes, why it is refused, or that it is new or
 *   unchanged
 */
char *
styr_import_row_describe (StyrImportRow *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), NULL);

  switch (self->kind)
    {
    case STYR_IMPORT_ROW_NEW:
      /* Translators: what an import does with a row, after “Row 12 (“KMD Sag”): ”. */
      g_string_append (out, _("new"));
      break;

    case STYR_IMPORT_ROW_CHANGED:
      append_changes (self, out);
      break;

    case STYR_IMPORT_ROW_UNCHANGED:
      g_string_append (out, _("unchanged"));
      break;

    case STYR_IMPORT_ROW_REFUSED:
      for (guint i = 0; i < self->problems->len; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "; " : "",
                                (const char *) g_ptr_array_index (self->problems, i));
      break;

    case STYR_IMPORT_ROW_SKIPPED:
    default:
      g_string_append (out, _("skipped"));
      break;
    }

  if (self->note != NULL)
    g_string_append_printf (out, " (%s)", self->note);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * styr_import_row_dup_location:
 * @self: a #StyrImportRow
 *
 * Returns: (transfer full): where the row is, for the user: “Row 47
 *   (“KMD Sag”)”
 */
char *
styr_import_row_dup_location (StyrImportRow *self)
{
  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), NULL);

  if (self->title != NULL)
    /* Translators: where a row of an imported file is: its row number and the
     * record's name, e.g. “Row 47 (“KMD Sag”)”. */
    return g_strdup_printf (_("Row %u (“%s”)"), self->row, self->title);

  return g_strdup_printf (_("Row %u"), self->row);
}

/**
 * styr_import_row_format:
 * @self: a #StyrImportRow
 *
 * Returns: (transfer full): the row as the command line prints it, one
 *   line per problem, e.g. “Row 47 (“KMD Sag”): column “Gyldig til”:
 *   01-06-2020 is before “Gyldig fra” 01-03-2021”
 */
char *
styr_import_row_format (StyrImportRow *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (STYR_IS_IMPORT_ROW (self), NULL);

  where = styr_import_row_dup_location (self);

  if (self->kind == STYR_IMPORT_ROW_REFUSED)
    {
      for (guint i = 0; i < self->problems->len; i++)
        /* Translators: a row an import refuses: where it is, and why. */
        g_string_append_printf (out, _("%s%s: not imported: %s"), i > 0 ? "\n" : "", where,
                                (const char *) g_ptr_array_index (self->problems, i));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  what = styr_import_row_describe (self);
  /* Translators: a row of an imported file and what happens to it. */
  g_string_append_printf (out, _("%s: %s"), where, what);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
