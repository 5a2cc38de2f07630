/* styr-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-page"

#include "config.h"

#include "styr-page.h"

/* StyrPage is what every page of the window stands on: the store it
 * shows, the clock its rules ask for today, and the settings they read
 * their thresholds from, given once when the window builds the page.
 */

typedef struct
{
  StyrStore *store;
  StyrClock *clock;
  GSettings *settings;
} StyrPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (StyrPage, styr_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
styr_page_dispose (GObject *object)
{
  StyrPagePrivate *priv = styr_page_get_instance_private (STYR_PAGE (object));

  g_clear_object (&priv->store);
  g_clear_object (&priv->clock);
  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (styr_page_parent_class)->dispose (object);
}

static void
styr_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  StyrPagePrivate *priv = styr_page_get_instance_private (STYR_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, priv->clock);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, priv->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  StyrPagePrivate *priv = styr_page_get_instance_private (STYR_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      priv->clock = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      priv->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Leaving the page, for another or by closing the window, keeps what was
 * typed. */
static void
styr_page_unmap (GtkWidget *widget)
{
  styr_page_save_edits (STYR_PAGE (widget));
  GTK_WIDGET_CLASS (styr_page_parent_class)->unmap (widget);
}

/* The list and its detail side by side, or one at a time in a narrow
 * window: "page.back" goes back to the list. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (ADW_IS_LEAFLET (child))
    adw_leaflet_navigate (ADW_LEAFLET (child), ADW_NAVIGATION_DIRECTION_BACK);
}

/* Folded, a page starts on its list, as in GNOME Contacts and Settings,
 * unless the user is at work in the detail. */
static void
folded_cb (AdwLeaflet *leaflet,
           GParamSpec *pspec,
           StyrPage   *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *shown = adw_leaflet_get_visible_child (leaflet);

  if (!adw_leaflet_get_folded (leaflet) || shown == NULL)
    return;
  if (focus != NULL && (focus == shown || gtk_widget_is_ancestor (focus, shown)))
    return;
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
child_changed_cb (StyrPage *self)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  if (ADW_IS_LEAFLET (child))
    g_signal_connect_object (child, "notify::folded", G_CALLBACK (folded_cb), self, 0);
}

static void
styr_page_class_init (StyrPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = styr_page_dispose;
  object_class->get_property = styr_page_get_property;
  object_class->set_property = styr_page_set_property;
  widget_class->unmap = styr_page_unmap;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, STYR_TYPE_STORE, flags);
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, STYR_TYPE_CLOCK, flags);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
}

static void
styr_page_init (StyrPage *self)
{
  g_signal_connect (self, "notify::child", G_CALLBACK (child_changed_cb), NULL);
}

StyrStore *
styr_page_get_store (StyrPage *self)
{
  StyrPagePrivate *priv = styr_page_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_PAGE (self), NULL);

  return priv->store;
}

StyrClock *
styr_page_get_clock (StyrPage *self)
{
  StyrPagePrivate *priv = styr_page_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_PAGE (self), NULL);

  return priv->clock;
}

/**
 * styr_page_get_settings:
 * @self: a #StyrPage
 *
 * Returns: (transfer none) (nullable): the application's settings, if the
 *   page was given them
 */
GSettings *
styr_page_get_settings (StyrPage *self)
{
  StyrPagePrivate *priv = styr_page_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_PAGE (self), NULL);

  return priv->settings;
}

/**
 * styr_page_dup_rule_context:
 * @self: a #StyrPage
 *
 * Returns: (transfer full): what the rules judge by today: the settings
 *   and the clock, as the other pages and the summary have them
 */
StyrRuleContext *
styr_page_dup_rule_context (StyrPage *self)
{
  g_return_val_if_fail (STYR_IS_PAGE (self), NULL);

  return styr_rule_context_new_from_settings (styr_page_get_settings (self),
                                              styr_page_get_clock (self));
}

/**
 * styr_page_save_edits:
 * @self: a #StyrPage
 *
 * Saves what the user typed into the page's editor and is not saved yet,
 * as when leaving it: editors save as the user types, a moment after the
 * last key, and this makes that moment now.
 */
void
styr_page_save_edits (StyrPage *self)
{
  StyrPageClass *klass;

  g_return_if_fail (STYR_IS_PAGE (self));

  klass = STYR_PAGE_GET_CLASS (self);
  if (klass->save_edits != NULL)
    klass->save_edits (self);
}

/**
 * styr_page_select_record:
 * @self: a #StyrPage
 * @id: a record's id, such as "agreement:…" or "checklist-item:OIR-1"
 *
 * Opens the record on the page: selects it in the list, or scrolls to it
 * and gives it the focus. The window and the Overview open every record
 * this way.
 *
 * Returns: whether the page shows @id
 */
gboolean
styr_page_select_record (StyrPage   *self,
                         const char *id)
{
  StyrPageClass *klass;

  g_return_val_if_fail (STYR_IS_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  klass = STYR_PAGE_GET_CLASS (self);
  return klass->select_record != NULL && klass->select_record (self, id);
}

/**
 * styr_page_new_record:
 * @self: a #StyrPage
 *
 * Starts a new record of the page's kind, as its "New" button does: for
 * Ctrl+N, wherever the focus is in the window.
 *
 * Returns: whether the page makes records
 */
gboolean
styr_page_new_record (StyrPage *self)
{
  StyrPageClass *klass;

  g_return_val_if_fail (STYR_IS_PAGE (self), FALSE);

  klass = STYR_PAGE_GET_CLASS (self);
  if (klass->new_action == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), klass->new_action, NULL);
}
