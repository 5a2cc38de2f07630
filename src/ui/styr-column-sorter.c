/* styr-column-sorter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "styr-column-sorter.h"

/* StyrColumnSorter names the document field a column sorts by. The lists
 * sort 100 000 documents in the store, not in a GtkSortListModel that
 * would make an object for each, so the page only needs to know which
 * column the user clicked and in which direction. GTK 4.8 has no API to
 * ask the column view that (it came in 4.10), so
 * styr_column_sorter_sort_field() asks its sorter to compare two items
 * once: the column view consults the clicked column's sorter first, and
 * the sign of the answer gives the direction.
 */
struct _StyrColumnSorter
{
  GtkSorter  parent_instance;

  char      *field;
};

G_DEFINE_FINAL_TYPE (StyrColumnSorter, styr_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sorter that answered last; only read right after a compare. */
static StyrColumnSorter *asked;

static GtkOrdering
styr_column_sorter_compare (GtkSorter *sorter,
                            gpointer   item1,
                            gpointer   item2)
{
  asked = STYR_COLUMN_SORTER (sorter);
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
styr_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
styr_column_sorter_finalize (GObject *object)
{
  StyrColumnSorter *self = (StyrColumnSorter *)object;

  g_clear_pointer (&self->field, g_free);

  G_OBJECT_CLASS (styr_column_sorter_parent_class)->finalize (object);
}

static void
styr_column_sorter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StyrColumnSorter *self = STYR_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_column_sorter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StyrColumnSorter *self = STYR_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_column_sorter_class_init (StyrColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = styr_column_sorter_finalize;
  object_class->get_property = styr_column_sorter_get_property;
  object_class->set_property = styr_column_sorter_set_property;

  sorter_class->compare = styr_column_sorter_compare;
  sorter_class->get_order = styr_column_sorter_get_order;

  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_column_sorter_init (StyrColumnSorter *self)
{
}

StyrColumnSorter *
styr_column_sorter_new (const char *field)
{
  return g_object_new (STYR_TYPE_COLUMN_SORTER, "field", field, NULL);
}

const char *
styr_column_sorter_get_field (StyrColumnSorter *self)
{
  g_return_val_if_fail (STYR_IS_COLUMN_SORTER (self), NULL);

  return self->field;
}

/**
 * styr_column_sorter_sort_field:
 * @column_view_sorter: the sorter of a #GtkColumnView whose columns have
 *   #StyrColumnSorter sorters
 *
 * Returns: (transfer full) (nullable): the field to sort by, with a
 *   leading "-" when descending, or %NULL when no column is sorted
 */
char *
styr_column_sorter_sort_field (GtkSorter *column_view_sorter)
{
  g_autoptr(GObject) first = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), NULL);

  asked = NULL;
  ordering = gtk_sorter_compare (column_view_sorter, first, second);
  if (asked == NULL || asked->field == NULL || ordering == GTK_ORDERING_EQUAL)
    return NULL;

  return g_strconcat (ordering == GTK_ORDERING_LARGER ? "-" : "", asked->field, NULL);
}
