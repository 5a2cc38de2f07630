/* styr-national-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-national-bar.h"
#include "styr-task-actions.h"
#include "styr-ui.h"

/* StyrNationalBar shows how the 98 municipalities stand on a KLIK task:
 * fuldført, påbegyndt and ikke påbegyndt as three parts of one bar, in
 * KOMBIT's order. The part the own municipality is in carries a marker
 * under it, so where it stands does not depend on telling colours apart;
 * the tooltip and the accessible description say all of it in words.
 */
struct _StyrNationalBar
{
  GtkWidget          parent_instance;

  gboolean           known;
  StyrNationalStatus national;
  char              *own_status;
};

G_DEFINE_FINAL_TYPE (StyrNationalBar, styr_national_bar, GTK_TYPE_WIDGET)

#define BAR_HEIGHT    10
#define MARKER_HEIGHT 5

/* The index of the part the municipality is in: 0 fuldført, 1 påbegyndt,
 * 2 ikke påbegyndt. */
static guint
own_part (StyrNationalBar *self)
{
  if (g_strcmp0 (self->own_status, "completed") == 0)
    return 0;
  if (g_strcmp0 (self->own_status, "started") == 0)
    return 1;
  return 2;
}

/**
 * styr_national_bar_describe:
 * @self: a #StyrNationalBar
 *
 * Returns: (transfer full): the bar in words
 */
char *
styr_national_bar_describe (StyrNationalBar *self)
{
  g_autofree char *as_of = NULL;
  g_autofree char *counts = NULL;
  int ahead;

  g_return_val_if_fail (STYR_IS_NATIONAL_BAR (self), NULL);

  if (!self->known)
    return g_strdup (_("KOMBIT has not published how the municipalities stand on this task."));

  if (g_date_valid (&self->national.as_of))
    {
      char iso[11];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &self->national.as_of);
      as_of = styr_date_to_user (iso);
    }

  /* KOMBIT's deck gives the counts without the day they were counted;
   * no day is made up for them. */
  if (as_of != NULL)
    /* Translators: KOMBIT's national counts for a KLIK task; the last %s is the date they were counted. */
    counts = g_strdup_printf (_("%d completed, %d started and %d not started of %d municipalities, as of %s."),
                              self->national.completed, self->national.started,
                              self->national.not_started, STYR_N_MUNICIPALITIES, as_of);
  else
    /* Translators: KOMBIT's national counts for a KLIK task, as KOMBIT gave them. */
    counts = g_strdup_printf (_("%d completed, %d started and %d not started of %d municipalities, as KOMBIT gave them."),
                              self->national.completed, self->national.started,
                              self->national.not_started, STYR_N_MUNICIPALITIES);
  ahead = styr_task_national_ahead (&self->national, self->own_status);
  if (ahead == 0)
    /* Translators: after the national counts; %s is the own status. */
    return g_strdup_printf (_("%s Your municipality: %s; none are further along."), counts,
                            styr_task_status_label (self->own_status));

  /* Translators: after the national counts; %s is the own status. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s Your municipality: %s; %d is further along.",
                                       "%s Your municipality: %s; %d are further along.", ahead),
                          counts, styr_task_status_label (self->own_status), ahead);
}

static void
update_description (StyrNationalBar *self)
{
  g_autofree char *description = styr_national_bar_describe (self);

  styr_ui_set_tooltip (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("National progress"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * styr_national_bar_set:
 * @self: a #StyrNationalBar
 * @national: (nullable): KOMBIT's counts, %NULL if there are none
 * @own_status: (nullable): the municipality's own status
 */
void
styr_national_bar_set (StyrNationalBar          *self,
                       const StyrNationalStatus *national,
                       const char               *own_status)
{
  g_return_if_fail (STYR_IS_NATIONAL_BAR (self));

  self->known = national != NULL;
  if (national != NULL)
    self->national = *national;
  g_free (self->own_status);
  self->own_status = g_strdup (own_status);

  gtk_widget_set_visible (GTK_WIDGET (self), self->known);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
styr_national_bar_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  StyrNationalBar *self = STYR_NATIONAL_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int counts[3];
  GdkRGBA colors[3];
  GdkRGBA fg;
  float x = 0;
  float top;
  int total;

  if (!self->known || width <= 0)
    return;

  counts[0] = self->national.completed;
  counts[1] = self->national.started;
  counts[2] = self->national.not_started;
  total = MAX (counts[0] + counts[1] + counts[2], 1);

  styr_ui_lookup_color (widget, "success_color", &colors[0], "#26a269");
  styr_ui_lookup_color (widget, "warning_color", &colors[1], "#cd9309");
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  colors[2] = fg;
  colors[2].alpha = 0.2f;

  top = (height - BAR_HEIGHT - MARKER_HEIGHT - 1) / 2.0f;
  for (guint i = 0; i < 3; i++)
    {
      float part = (float) width * counts[i] / total;

      gtk_snapshot_append_color (snapshot, &colors[i],
                                 &GRAPHENE_RECT_INIT (x, top, MAX (part - 1, 0), BAR_HEIGHT));

      /* The marker under the own municipality's part. */
      if (i == own_part (self))
        {
          float middle = x + MAX (part, 2) / 2.0f;

          gtk_snapshot_append_color (snapshot, &fg,
                                     &GRAPHENE_RECT_INIT (MAX (middle - 4, 0),
                                                          top + BAR_HEIGHT + 1,
                                                          8, MARKER_HEIGHT));
        }
      x += part;
    }
}

static void
styr_national_bar_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 60;
      *natural = 120;
    }
  else
    *minimum = *natural = BAR_HEIGHT + MARKER_HEIGHT + 1;
}

static void
styr_national_bar_finalize (GObject *object)
{
  StyrNationalBar *self = (StyrNationalBar *)object;

  g_free (self->own_status);

  G_OBJECT_CLASS (styr_national_bar_parent_class)->finalize (object);
}

static void
styr_national_bar_class_init (StyrNationalBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = styr_national_bar_finalize;
  widget_class->snapshot = styr_national_bar_snapshot;
  widget_class->measure = styr_national_bar_measure;

  gtk_widget_class_set_css_name (widget_class, "nationalbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
styr_national_bar_init (StyrNationalBar *self)
{
  g_date_clear (&self->national.as_of, 1);
  update_description (self);
}

GtkWidget *
styr_national_bar_new (void)
{
  return g_object_new (STYR_TYPE_NATIONAL_BAR, NULL);
}
