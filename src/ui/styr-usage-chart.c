/* styr-usage-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-rules.h"
#include "styr-ui.h"
#include "styr-usage-chart.h"

/* StyrUsageChart draws an agreement's calls per month as bars. A month
 * that caused a usage flag is drawn in the error colour and carries a
 * marker above its bar, so it stands out without relying on colour; a
 * month with nothing recorded has a short dash instead of a bar. The
 * tooltip and the accessible description say the same in words.
 */
struct _StyrUsageChart
{
  GtkWidget  parent_instance;

  GArray    *months;
};

G_DEFINE_FINAL_TYPE (StyrUsageChart, styr_usage_chart, GTK_TYPE_WIDGET)

#define BAR_MIN_WIDTH 18
#define LABEL_HEIGHT  18
#define MARKER_HEIGHT 12
#define CHART_HEIGHT  140

static guint
n_months (StyrUsageChart *self)
{
  return self->months != NULL ? self->months->len : 0;
}

static StyrUsageMonth *
month_at (StyrUsageChart *self,
          guint           i)
{
  return &g_array_index (self->months, StyrUsageMonth, i);
}

static char *
month_name (const StyrUsageMonth *month,
            gboolean              abbreviated)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc ((int) month->year, (int) month->month, 1,
                                                   0, 0, 0);

  return g_date_time_format (date, abbreviated ? "%b" : "%B %Y");
}

/* The usage flags' short names, for the tooltip and the description. */
static char *
flag_names (StyrRiskFlags flags)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (flags & STYR_RISK_USAGE_SPIKE)
    g_strv_builder_add (names, _("usage spike"));
  if (flags & STYR_RISK_NO_USAGE)
    g_strv_builder_add (names, _("no usage"));
  if (flags & STYR_RISK_USED_AFTER_END)
    g_strv_builder_add (names, _("used after the end"));

  strv = g_strv_builder_end (names);
  return g_strjoinv (", ", strv);
}

static char *
describe_month (const StyrUsageMonth *month)
{
  g_autofree char *name = month_name (month, FALSE);
  g_autofree char *calls = NULL;
  g_autofree char *flags = NULL;

  if (month->calls < 0)
    /* Translators: a month without a usage report, e.g. "March 2020: no report". */
    calls = g_strdup_printf (_("%s: no report"), name);
  else
    {
      /* The thousands separator of the user's locale. */
      g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, month->calls);

      /* Translators: a month and its calls, e.g. "March 2020: 1,200 calls". */
      calls = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s call", "%s: %s calls",
                                            (gulong) MIN (month->calls, G_MAXLONG)),
                               name, number);
    }

  if (month->flags == STYR_RISK_NONE)
    return g_steal_pointer (&calls);

  flags = flag_names (month->flags);
  /* Translators: a month's calls and the flags the month caused. */
  return g_strdup_printf (_("%s (%s)"), calls, flags);
}

/**
 * styr_usage_chart_describe:
 * @self: a #StyrUsageChart
 *
 * Returns: (transfer full): the flagged months in words, or %NULL if no
 *   month is flagged
 */
char *
styr_usage_chart_describe (StyrUsageChart *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (STYR_IS_USAGE_CHART (self), NULL);

  for (guint i = 0; i < n_months (self); i++)
    {
      g_autofree char *month = NULL;

      if (month_at (self, i)->flags == STYR_RISK_NONE)
        continue;

      month = describe_month (month_at (self, i));
      if (text == NULL)
        text = g_string_new (month);
      else
        g_string_append_printf (text, "; %s", month);
    }

  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
update_accessible (StyrUsageChart *self)
{
  g_autofree char *flagged = styr_usage_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calls per month"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  flagged != NULL ? flagged : _("No month is flagged."),
                                  -1);
}

static void
styr_usage_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  StyrUsageChart *self = STYR_USAGE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n = n_months (self);
  float slot, plot_top, plot_height;
  gint64 most = 1;
  GdkRGBA fg, accent, error, dim;

  if (n == 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  styr_ui_lookup_color (widget, "accent_color", &accent, "#3584e4");
  styr_ui_lookup_color (widget, "error_color", &error, "#c01c28");
  dim = fg;
  dim.alpha *= 0.35f;

  for (guint i = 0; i < n; i++)
    most = MAX (most, month_at (self, i)->calls);

  slot = (float) width / n;
  plot_top = MARKER_HEIGHT + 2;
  plot_height = MAX (height - LABEL_HEIGHT - plot_top, 1);

  /* The baseline. */
  gtk_snapshot_append_color (snapshot, &dim,
                             &GRAPHENE_RECT_INIT (0, plot_top + plot_height, width, 1));

  for (guint i = 0; i < n; i++)
    {
      StyrUsageMonth *month = month_at (self, i);
      g_autofree char *label = month_name (month, TRUE);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, label);
      gboolean flagged = month->flags != STYR_RISK_NONE;
      float bar_width = MAX (slot * 0.6f, 2);
      float x = i * slot + (slot - bar_width) / 2;
      int label_width, label_height;

      if (month->calls < 0)
        gtk_snapshot_append_color (snapshot, &dim,
                                   &GRAPHENE_RECT_INIT (x, plot_top + plot_height - 3,
                                                        bar_width, 2));
      else
        {
          float bar_height = MAX (plot_height * month->calls / (double) most,
                                  month->calls > 0 ? 2 : 0);

          gtk_snapshot_append_color (snapshot, flagged ? &error : &accent,
                                     &GRAPHENE_RECT_INIT (x, plot_top + plot_height - bar_height,
                                                          bar_width, bar_height));
        }

      if (flagged)
        {
          /* A small downward triangle over the month. */
          cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                                   &GRAPHENE_RECT_INIT (i * slot, 0, slot,
                                                                        MARKER_HEIGHT));
          float cx = i * slot + slot / 2;

          gdk_cairo_set_source_rgba (cr, &error);
          cairo_move_to (cr, cx - 5, 1);
          cairo_line_to (cr, cx + 5, 1);
          cairo_line_to (cr, cx, MARKER_HEIGHT - 1);
          cairo_close_path (cr);
          cairo_fill (cr);
          cairo_destroy (cr);
        }

      pango_layout_get_pixel_size (layout, &label_width, &label_height);
      if (label_width <= slot)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (i * slot + (slot - label_width) / 2,
                                                        height - LABEL_HEIGHT +
                                                        (LABEL_HEIGHT - label_height) / 2.0f));
          gtk_snapshot_append_layout (snapshot, layout, flagged ? &error : &fg);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
styr_usage_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  StyrUsageChart *self = STYR_USAGE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = n_months (self) * BAR_MIN_WIDTH / 2;
      *natural = n_months (self) * BAR_MIN_WIDTH * 2;
    }
  else
    *minimum = *natural = CHART_HEIGHT;
}

static gboolean
styr_usage_chart_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  StyrUsageChart *self = STYR_USAGE_CHART (widget);
  g_autofree char *text = NULL;
  int width = gtk_widget_get_width (widget);
  guint i;

  if (n_months (self) == 0 || width <= 0)
    return FALSE;

  i = keyboard ? n_months (self) - 1 : (guint) CLAMP (x * (int) n_months (self) / width, 0,
                                                      (int) n_months (self) - 1);
  text = describe_month (month_at (self, i));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
styr_usage_chart_finalize (GObject *object)
{
  StyrUsageChart *self = (StyrUsageChart *)object;

  g_clear_pointer (&self->months, g_array_unref);

  G_OBJECT_CLASS (styr_usage_chart_parent_class)->finalize (object);
}

static void
styr_usage_chart_class_init (StyrUsageChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = styr_usage_chart_finalize;

  widget_class->snapshot = styr_usage_chart_snapshot;
  widget_class->measure = styr_usage_chart_measure;
  widget_class->query_tooltip = styr_usage_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "usagechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
styr_usage_chart_init (StyrUsageChart *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
styr_usage_chart_new (void)
{
  return g_object_new (STYR_TYPE_USAGE_CHART, NULL);
}

/**
 * styr_usage_chart_set_months:
 * @self: a #StyrUsageChart
 * @months: (nullable) (element-type StyrUsageMonth): the months to show,
 *   as from styr_rules_agreement_usage_months()
 */
void
styr_usage_chart_set_months (StyrUsageChart *self,
                             GArray         *months)
{
  g_return_if_fail (STYR_IS_USAGE_CHART (self));

  if (months != NULL)
    g_array_ref (months);
  g_clear_pointer (&self->months, g_array_unref);
  self->months = months;

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * styr_usage_chart_get_months:
 * @self: a #StyrUsageChart
 *
 * Returns: (nullable) (transfer none) (element-type StyrUsageMonth): the
 *   months shown
 */
GArray *
styr_usage_chart_get_months (StyrUsageChart *self)
{
  g_return_val_if_fail (STYR_IS_USAGE_CHART (self), NULL);

  return self->months;
}
