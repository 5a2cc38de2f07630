/* styr-month-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-month-view.h"
#include "styr-ui.h"

/* StyrMonthView: a month as a grid of day buttons, weeks starting on
 * Monday as in Denmark. Today is marked, and days with meetings or
 * deadlines carry a mark whose meaning is also in the button's tooltip
 * and accessible name, never in colour alone. The buttons take focus, so
 * the arrow keys move between days; Page Up and Page Down change month.
 */
struct _StyrMonthView
{
  GtkWidget   parent_instance;

  GDate       month;
  GDate       today;
  GHashTable *marks;
  GHashTable *descriptions;

  GtkWidget  *header;
  GtkWidget  *title;
  GtkWidget  *grid;
  GtkWidget  *days[42];
};

G_DEFINE_FINAL_TYPE (StyrMonthView, styr_month_view, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *mark_classes[] = { "chosen", "option", "side-meeting", "deadline" };

static void
refresh (StyrMonthView *self)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_get_year (&self->month),
                                                      g_date_get_month (&self->month), 1,
                                                      0, 0, 0);
  g_autofree char *title = g_date_time_format (first, "%B %Y");
  GDate day = self->month;
  /* Monday is the first day of the week. */
  guint offset = g_date_get_weekday (&self->month) - 1;

  gtk_label_set_text (GTK_LABEL (self->title), title);
  g_date_subtract_days (&day, offset);
  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++, g_date_add_days (&day, 1))
    {
      GtkWidget *button = self->days[i];
      guint julian = g_date_get_julian (&day);
      StyrDayMarks marks = GPOINTER_TO_UINT (g_hash_table_lookup (self->marks,
                                                                  GUINT_TO_POINTER (julian)));
      const char *description = g_hash_table_lookup (self->descriptions, GUINT_TO_POINTER (julian));
      char number[4];
      char label[64];

      g_snprintf (number, sizeof number, "%u", g_date_get_day (&day));
      gtk_button_set_label (GTK_BUTTON (button), number);
      g_object_set_data (G_OBJECT (button), "styr-julian", GUINT_TO_POINTER (julian));

      if (g_date_get_month (&day) != g_date_get_month (&self->month))
        gtk_widget_add_css_class (button, "other-month");
      else
        gtk_widget_remove_css_class (button, "other-month");
      if (g_date_valid (&self->today) && g_date_compare (&day, &self->today) == 0)
        gtk_widget_add_css_class (button, "today");
      else
        gtk_widget_remove_css_class (button, "today");
      for (guint m = 0; m < G_N_ELEMENTS (mark_classes); m++)
        if (marks & (1u << m))
          gtk_widget_add_css_class (button, mark_classes[m]);
        else
          gtk_widget_remove_css_class (button, mark_classes[m]);

      g_date_strftime (label, sizeof label, "%A %-d %B", &day);
      if (description != NULL)
        {
          g_autofree char *full = g_strdup_printf ("%s: %s", label, description);

          styr_ui_set_tooltip (button, description);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          full, -1);
        }
      else
        {
          styr_ui_set_tooltip (button, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
        }
    }
}

static void
day_clicked_cb (GtkButton     *button,
                StyrMonthView *self)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "styr-julian")));
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, &day);
}

static void
move_month (StyrMonthView *self,
            int            months)
{
  if (months < 0)
    g_date_subtract_months (&self->month, -months);
  else
    g_date_add_months (&self->month, months);
  refresh (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_month (STYR_MONTH_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_month (STYR_MONTH_VIEW (widget), 1);
}

/**
 * styr_month_view_set_today:
 * @self: a #StyrMonthView
 * @today: the day to mark as today
 */
void
styr_month_view_set_today (StyrMonthView *self,
                           const GDate   *today)
{
  g_return_if_fail (STYR_IS_MONTH_VIEW (self));

  self->today = *today;
  refresh (self);
}

/**
 * styr_month_view_show_month:
 * @self: a #StyrMonthView
 * @day: a day of the month to show
 */
void
styr_month_view_show_month (StyrMonthView *self,
                            const GDate   *day)
{
  g_return_if_fail (STYR_IS_MONTH_VIEW (self));

  g_date_clear (&self->month, 1);
  g_date_set_dmy (&self->month, 1, g_date_get_month (day), g_date_get_year (day));
  refresh (self);
}

/**
 * styr_month_view_get_month:
 * @self: a #StyrMonthView
 * @first: (out caller-allocates): the first day of the month shown
 */
void
styr_month_view_get_month (StyrMonthView *self,
                           GDate         *first)
{
  *first = self->month;
}

/**
 * styr_month_view_set_day:
 * @self: a #StyrMonthView
 * @day: a day
 * @marks: what falls on it, added to what was set before
 * @description: (nullable): the same in words, added as a line
 */
void
styr_month_view_set_day (StyrMonthView *self,
                         const GDate   *day,
                         StyrDayMarks   marks,
                         const char    *description)
{
  gpointer key = GUINT_TO_POINTER (g_date_get_julian (day));
  StyrDayMarks old = GPOINTER_TO_UINT (g_hash_table_lookup (self->marks, key));
  const char *old_text = g_hash_table_lookup (self->descriptions, key);

  g_hash_table_insert (self->marks, key, GUINT_TO_POINTER (old | marks));
  if (description != NULL)
    g_hash_table_insert (self->descriptions, key,
                         old_text != NULL ? g_strconcat (old_text, "\n", description, NULL)
                                          : g_strdup (description));
  refresh (self);
}

/**
 * styr_month_view_clear:
 * @self: a #StyrMonthView
 *
 * Forgets every mark.
 */
void
styr_month_view_clear (StyrMonthView *self)
{
  g_hash_table_remove_all (self->marks);
  g_hash_table_remove_all (self->descriptions);
  refresh (self);
}

static void
styr_month_view_dispose (GObject *object)
{
  StyrMonthView *self = (StyrMonthView *)object;

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->descriptions, g_hash_table_unref);

  G_OBJECT_CLASS (styr_month_view_parent_class)->dispose (object);
}

static void
styr_month_view_class_init (StyrMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_month_view_dispose;

  /**
   * StyrMonthView::day-activated:
   * @self: the month view
   * @day: (type GLib.Date): the day the user chose
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "month.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "month.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "month.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "month.next", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
nav_button (const char *icon,
            const char *action,
            const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  styr_ui_set_tooltip (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static void
styr_month_view_init (StyrMonthView *self)
{
  GDate monday;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->marks = g_hash_table_new (NULL, NULL);
  self->descriptions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_date_clear (&self->today, 1);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->title = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_box_append (GTK_BOX (self->header),
                  nav_button ("go-previous-symbolic", "month.previous", _("Previous Month")));
  gtk_box_append (GTK_BOX (self->header), self->title);
  gtk_box_append (GTK_BOX (self->header),
                  nav_button ("go-next-symbolic", "month.next", _("Next Month")));
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 2);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  /* Weekday names from a known Monday, in the user's language. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 6, G_DATE_JANUARY, 2020);
  for (guint i = 0; i < 7; i++, g_date_add_days (&monday, 1))
    {
      char name[32];
      GtkWidget *label;

      g_date_strftime (name, sizeof name, "%a", &monday);
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (GTK_GRID (self->grid), label, i, 0, 1, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      self->days[i] = gtk_button_new ();
      gtk_widget_add_css_class (self->days[i], "flat");
      gtk_widget_add_css_class (self->days[i], "day");
      g_signal_connect (self->days[i], "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (self->grid), self->days[i], i % 7, 1 + i / 7, 1, 1);
    }

  g_date_set_time_t (&self->month, time (NULL));
  g_date_set_day (&self->month, 1);
  refresh (self);
}

GtkWidget *
styr_month_view_new (void)
{
  return g_object_new (STYR_TYPE_MONTH_VIEW, NULL);
}
