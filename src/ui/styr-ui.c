/* styr-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-ui.h"
#include "styr-window.h"
#include "styr-work.h"

/* Small things every page does the same way. */

/**
 * styr_ui_author:
 *
 * Returns: who the audit trail names for changes made in this window:
 *   the desktop user's real name, or the login name without one
 */
const char *
styr_ui_author (void)
{
  const char *name = g_get_real_name ();

  return name != NULL && g_strcmp0 (name, "Unknown") != 0 ? name : g_get_user_name ();
}

/**
 * styr_ui_toast_new:
 * @text: what to say, plain text such as a message that names a file
 *
 * libadwaita 1.2 reads a toast's title as Pango markup; a file name with
 * "&" in it would otherwise leave the toast empty.
 *
 * Returns: (transfer full): a toast that says @text as it is
 */
AdwToast *
styr_ui_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
add_toast (GtkWidget *widget,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* The window itself, or a widget outside its overlay, as the window's
   * own actions are, says it in the window's overlay. */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else if (STYR_IS_WINDOW (root))
    styr_window_add_toast (STYR_WINDOW (root), toast);
  else
    {
      g_warning ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

/**
 * styr_ui_error_toast_new:
 * @message: what went wrong, in words for the user
 *
 * An error is shown at once, ahead of good news, and long enough to be
 * read; it goes by itself, so that it never hides a newer message.
 *
 * Returns: (transfer floating): the toast
 */
AdwToast *
styr_ui_error_toast_new (const char *message)
{
  AdwToast *toast = styr_ui_toast_new (message);

  adw_toast_set_timeout (toast, STYR_UI_ERROR_TOAST_SECONDS);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}

/**
 * styr_ui_show_error:
 * @widget: a widget in the window
 * @error: what went wrong, in words for the user
 *
 * Shows @error in a toast, see styr_ui_error_toast_new().
 */
void
styr_ui_show_error (GtkWidget    *widget,
                    const GError *error)
{
  add_toast (widget, styr_ui_error_toast_new (error->message));
}

/**
 * styr_ui_toast:
 * @widget: a widget in the window
 * @title: what happened
 * @undoable: whether to offer to undo what happened
 *
 * Says what happened, with an Undo button that undoes that very change
 * when @undoable.
 */
void
styr_ui_toast (GtkWidget  *widget,
               const char *title,
               gboolean    undoable)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (undoable && STYR_IS_WINDOW (root))
    styr_window_offer_undo (STYR_WINDOW (root), title);
  else
    add_toast (widget, styr_ui_toast_new (title));
}

/**
 * styr_ui_set_text:
 * @editable: an entry of an editor
 * @text: (nullable): what the record says
 *
 * Shows @text in @editable unless it already says so, leading and
 * trailing space aside: an editor that saves as the user types reloads
 * what it saved, and must not move the cursor or take the space just
 * typed.
 */
void
styr_ui_set_text (GtkEditable *editable,
                  const char  *text)
{
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (g_strcmp0 (shown, text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

/**
 * styr_ui_set_buffer_text:
 * @buffer: the buffer of a text view of an editor
 * @text: (nullable): what the record says
 *
 * As styr_ui_set_text(), for a text view.
 */
void
styr_ui_set_buffer_text (GtkTextBuffer *buffer,
                         const char    *text)
{
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (g_strcmp0 (shown, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
}

#define TOOLTIP_KEY "styr-tooltip"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * styr_ui_set_tooltip:
 * @widget: a widget
 * @text: (nullable): its tooltip, or %NULL for none
 *
 * Gives @widget a tooltip, and screen readers the same text as its
 * description, as gtk_widget_set_tooltip_text() does.
 *
 * That function also asks the display server where the pointer is, in
 * case the tooltip is showing: on X11 three round trips for every call,
 * which list rows and calendar days, set by the screenful, add up to a
 * delay the user sees before the first frame. Here GTK gets the text only
 * when a tooltip is about to be shown.
 */
void
styr_ui_set_tooltip (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY)) == 0)
    return;

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb,
                             NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * styr_ui_get_tooltip:
 * @widget: a widget
 *
 * Returns: (nullable): the tooltip styr_ui_set_tooltip() gave @widget, or
 *   else the one GTK holds, such as from a template
 */
const char *
styr_ui_get_tooltip (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}

/* The rows a window of the usual size shows; in a taller one the rest
 * follow a frame later. */
#define FIRST_ROWS 40

static gboolean
show_all_rows_cb (gpointer user_data)
{
  styr_ui_show_all_rows (user_data);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock     *clock,
                        GtkSliceListModel *slice)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, slice);
  /* Not from inside the frame: the view resizes for the rows it gets. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_all_rows_cb, g_object_ref (slice),
                   g_object_unref);
}

static void
first_rows_map_cb (GtkWidget         *view,
                   GtkSliceListModel *slice)
{
  g_signal_handlers_disconnect_by_func (view, first_rows_map_cb, slice);
  g_signal_connect_object (gtk_widget_get_frame_clock (view), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), slice, 0);
}

/**
 * styr_ui_first_rows:
 * @view: the list or column view that is to show @model
 * @model: (transfer full): the rows
 *
 * GTK 4.8's list views make, bind and measure 200 rows as soon as they
 * have a model, whatever the screen holds; with a page of 100 000
 * agreements that held the window's first frame for a quarter of a
 * second. The model returned has @model's first 40 rows until @view has
 * painted its next frame, and all of them from then on.
 *
 * Returns: (transfer full): the model for @view
 */
GListModel *
styr_ui_first_rows (GtkWidget  *view,
                    GListModel *model)
{
  GtkSliceListModel *slice = gtk_slice_list_model_new (model, 0, FIRST_ROWS);

  /* A page's "map" handler that sets the model runs after its children
   * were mapped. */
  if (gtk_widget_get_mapped (view))
    first_rows_map_cb (view, slice);
  else
    g_signal_connect_object (view, "map", G_CALLBACK (first_rows_map_cb), slice, 0);
  return G_LIST_MODEL (slice);
}

/**
 * styr_ui_show_all_rows:
 * @first_rows: a model from styr_ui_first_rows()
 *
 * Gives the view every row now, for a caller about to select one that
 * may lie beyond the first screenful.
 */
void
styr_ui_show_all_rows (GListModel *first_rows)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (first_rows));

  gtk_slice_list_model_set_size (GTK_SLICE_LIST_MODEL (first_rows), G_MAXUINT);
}

/**
 * styr_ui_lookup_color:
 * @widget: a widget
 * @name: a named colour of the style, e.g. "accent_color"
 * @color: (out caller-allocates): the colour
 * @fallback: the colour when the style has none by that name
 */
void
styr_ui_lookup_color (GtkWidget  *widget,
                      const char *name,
                      GdkRGBA    *color,
                      const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  /* GTK 4.8 has no other way to read the style's named colours. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

typedef struct
{
  StyrUiConfirmedFunc  func;
  gpointer             data;
  GDestroyNotify       destroy;
} Confirmation;

static void
confirmation_free (Confirmation *confirmation)
{
  if (confirmation->destroy != NULL)
    confirmation->destroy (confirmation->data);
  g_free (confirmation);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Confirmation     *confirmation)
{
  confirmation->func (g_str_equal (response, "complete"), confirmation->data);
}

/**
 * styr_ui_confirm_blocked:
 * @widget: a widget in the window
 * @store: the store, to name what blocks
 * @title: the task or item the user wants to complete
 * @blocked: (array zero-terminated=1): the ids of what is not done yet
 * @func: called with the user's answer
 * @data: data for @func
 * @destroy: (nullable): frees @data
 *
 * Asks before completing a task or item whose dependencies are not done:
 * the user may know better, but decides knowingly.
 */
void
styr_ui_confirm_blocked (GtkWidget           *widget,
                         StyrStore           *store,
                         const char          *title,
                         const char * const  *blocked,
                         StyrUiConfirmedFunc  func,
                         gpointer             data,
                         GDestroyNotify       destroy)
{
  g_autoptr(GString) names = g_string_new (NULL);
  Confirmation *confirmation = g_new0 (Confirmation, 1);
  AdwMessageDialog *dialog;

  for (guint i = 0; blocked[i] != NULL; i++)
    {
      g_autofree char *name = styr_work_title (store, blocked[i]);

      g_string_append_printf (names, "\n• %s", name);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Complete Despite What It Waits For?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is the task or item; then the list of what blocks it. */
                                  _("“%s” waits for what is not completed yet:%s"),
                                  title, names->str);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "complete", _("_Complete Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "complete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  confirmation->func = func;
  confirmation->data = data;
  confirmation->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), confirmation,
                         (GClosureNotify) confirmation_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * styr_ui_text_row:
 * @title: the row's title, plain text
 * @subtitle: (nullable): its subtitle, plain text
 *
 * A row that shows text from records or KOMBIT as it is: an ampersand in
 * a service's name is no markup.
 *
 * Returns: (transfer floating): a new #AdwActionRow
 */
GtkWidget *
styr_ui_text_row (const char *title,
                  const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The first scrolled window in @widget, as a preferences page has. */
static GtkAdjustment *
vadjustment_in (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *found = vadjustment_in (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * styr_ui_get_scroll:
 * @widget: a page
 *
 * Returns: how far its content is scrolled down
 */
double
styr_ui_get_scroll (GtkWidget *widget)
{
  GtkAdjustment *adjustment = vadjustment_in (widget);

  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

/**
 * styr_ui_set_scroll:
 * @widget: a page
 * @value: from styr_ui_get_scroll()
 *
 * Scrolls @widget's content back to @value.
 */
void
styr_ui_set_scroll (GtkWidget *widget,
                    double     value)
{
  GtkAdjustment *adjustment = vadjustment_in (widget);

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, value);
}

static gboolean
restore_scroll_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  styr_ui_set_scroll (widget, *(double *) user_data);
  return G_SOURCE_REMOVE;
}

/**
 * styr_ui_keep_scroll:
 * @widget: a page about to build its rows anew
 *
 * Keeps where the user has scrolled @widget's content to: it is put back
 * once the new rows are in, instead of the top.
 */
void
styr_ui_keep_scroll (GtkWidget *widget)
{
  double *value = g_new (double, 1);

  *value = styr_ui_get_scroll (widget);
  gtk_widget_add_tick_callback (widget, restore_scroll_cb, value, g_free);
}

/**
 * styr_ui_check_date:
 * @text: what the user typed
 *
 * Returns: (transfer full) (nullable): why @text is not a date or nothing,
 *   or %NULL when it is one
 */
char *
styr_ui_check_date (const char *text)
{
  g_autofree char *iso = styr_date_from_user (text);

  if (iso != NULL || text[0] == '\0')
    return NULL;
  /* Translators: under a date field; %s is what the user typed. */
  return g_strdup_printf (_("“%s” is not a date. Write it day first, e.g. 31-01-2020."), text);
}

/**
 * styr_ui_check_required_date:
 * @text: what the user typed
 *
 * Returns: (transfer full) (nullable): why @text is not a date, or %NULL
 *   when it is one
 */
char *
styr_ui_check_required_date (const char *text)
{
  if (text[0] == '\0')
    return g_strdup (_("Give a date, day first, e.g. 31-01-2020."));
  return styr_ui_check_date (text);
}

/**
 * styr_ui_check_required:
 * @text: what the user typed
 *
 * Returns: (transfer full) (nullable): a message when @text is empty
 */
char *
styr_ui_check_required (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return stripped[0] == '\0' ? g_strdup (_("This cannot be empty.")) : NULL;
}

/**
 * styr_ui_set_row_text:
 * @row: an entry row of an editor
 * @text: (nullable): what the record says now
 *
 * Shows @text in @row as styr_ui_set_text() does, and takes back the
 * mark of a value the editor refused.
 */
void
styr_ui_set_row_text (AdwEntryRow *row,
                      const char  *text)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  styr_ui_set_text (GTK_EDITABLE (row), text);
}

/**
 * styr_ui_mark_text:
 * @pending: whether a change made here waits for the team's server
 * @conflicted: whether sync left two versions to choose between
 * @text: (nullable): what the list says of the record
 *
 * Every list marks a record that sync left with two versions until
 * someone chooses, and one changed here that the team's server has not
 * confirmed yet.
 *
 * Returns: (transfer full): @text, with the mark where it is due
 */
char *
styr_ui_mark_text (gboolean    pending,
                   gboolean    conflicted,
                   const char *text)
{
  if (!conflicted)
    {
      if (!pending)
        return g_strdup (text != NULL ? text : "");
      if (text == NULL || text[0] == '\0')
        return g_strdup (_("Not sent yet"));
      /* Translators: a local change the team's server has not confirmed. */
      return g_strdup_printf (_("Not sent yet · %s"), text);
    }

  if (text == NULL || text[0] == '\0')
    return g_strdup (_("⚠ Two versions to choose between"));
  /* Translators: the conflict mark, first so it is seen, then the line. */
  return g_strdup_printf (_("⚠ Two versions · %s"), text);
}

/**
 * styr_ui_mark_entry:
 * @entry: a row's entry, with its marks read by its model
 * @text: (nullable): what the list says of it
 *
 * Returns: (transfer full): @text, marked as styr_ui_mark_text() does
 */
char *
styr_ui_mark_entry (StyrListEntry *entry,
                    const char    *text)
{
  g_return_val_if_fail (STYR_IS_LIST_ENTRY (entry), NULL);

  return styr_ui_mark_text (styr_list_entry_get_pending (entry),
                            styr_list_entry_get_conflicted (entry), text);
}

/**
 * styr_ui_mark_sync:
 * @record: a record a list shows, its #StyrRecord:pending and
 *   #StyrRecord:conflicted read by whoever loaded it
 * @text: (nullable): what the list says of it
 *
 * Returns: (transfer full): @text, marked as styr_ui_mark_text() does
 */
char *
styr_ui_mark_sync (StyrRecord *record,
                   const char *text)
{
  g_return_val_if_fail (STYR_IS_RECORD (record), NULL);

  return styr_ui_mark_text (styr_record_get_pending (record),
                            styr_record_get_conflicted (record), text);
}

/**
 * styr_ui_provenance_tag:
 * @record: a record
 *
 * A small tag for a row saying whose words @record is — KOMBIT's, a
 * suggestion of Styr's own, a public page's or the municipality's — with
 * the source and its date in the tooltip.
 *
 * Returns: (transfer floating): the tag
 */
GtkWidget *
styr_ui_provenance_tag (StyrRecord *record)
{
  StyrProvenance provenance = styr_provenance_of (record);
  g_autofree char *described = styr_provenance_describe (record);
  GtkWidget *tag = gtk_label_new (styr_provenance_label (provenance));

  gtk_widget_add_css_class (tag, "caption");
  gtk_widget_add_css_class (tag, "provenance");
  gtk_widget_add_css_class (tag, provenance == STYR_PROVENANCE_STYR ? "accent" : "dim-label");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  styr_ui_set_tooltip (tag, described);
  return tag;
}
