/* styr-form-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-form-dialog.h"

/* StyrFormDialog: a dialog that asks for a few fields and checks them as
 * the user types: what is wrong is marked (.error) and said under the
 * field, and the dialog cannot be sent until it is right, so bad input
 * never closes it and loses what was typed. Enter in a field sends it,
 * as in GNOME's own dialogs. Small forms are made with
 * styr_form_dialog_new() and styr_form_dialog_add_field(); the dialogs
 * with a template of their own derive from it and check their fields
 * with styr_form_dialog_check().
 */
typedef struct
{
  AdwEntryRow     *row;
  GtkWidget       *message;
  StyrUiCheckFunc  check;
  gboolean         valid;
  /* A field not yet typed into is not marked wrong, only held. */
  gboolean         touched;
} Check;

typedef struct
{
  GPtrArray *checks;
  /* The small forms' fields, in a boxed list, and what they are about. */
  GtkListBox *fields;
  GPtrArray  *field_rows;
  char       *target;
  /* What the fields cannot say, such as a choice with nothing to choose. */
  gboolean    blocked;
} StyrFormDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (StyrFormDialog, styr_form_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update_accept (StyrFormDialog *self)
{
  StyrFormDialogPrivate *priv = styr_form_dialog_get_instance_private (self);
  gboolean valid = !priv->blocked;

  for (guint i = 0; i < priv->checks->len; i++)
    valid = valid && ((Check *) g_ptr_array_index (priv->checks, i))->valid;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "accept", valid);
}

static void
run_check (StyrFormDialog *self,
           Check          *check)
{
  g_autofree char *problem = check->check (gtk_editable_get_text (GTK_EDITABLE (check->row)));
  GtkWidget *row = GTK_WIDGET (check->row);

  check->valid = problem == NULL;
  check->touched = check->touched || gtk_editable_get_text (GTK_EDITABLE (row))[0] != '\0';
  if (!check->touched)
    g_clear_pointer (&problem, g_free);
  if (problem != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (check->message))),
                      problem != NULL ? problem : "");
  gtk_widget_set_visible (check->message, problem != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem != NULL ? problem : "", -1);
  update_accept (self);
}

static void
field_changed_cb (StyrFormDialog *self,
                  AdwEntryRow    *row)
{
  StyrFormDialogPrivate *priv = styr_form_dialog_get_instance_private (self);

  for (guint i = 0; i < priv->checks->len; i++)
    {
      Check *check = g_ptr_array_index (priv->checks, i);

      if (check->row == row)
        {
          check->touched = TRUE;
          run_check (self, check);
        }
    }
}

/**
 * styr_form_dialog_check:
 * @self: a #StyrFormDialog
 * @row: one of its fields, in a boxed list
 * @check: says what is wrong with a text, or %NULL when it is right
 *
 * Checks @row as the user types, with the message in a row under it.
 */
void
styr_form_dialog_check (StyrFormDialog  *self,
                        AdwEntryRow     *row,
                        StyrUiCheckFunc  check)
{
  StyrFormDialogPrivate *priv;
  GtkWidget *list;
  GtkWidget *label;
  Check *entry;

  g_return_if_fail (STYR_IS_FORM_DIALOG (self));
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (check != NULL);

  priv = styr_form_dialog_get_instance_private (self);
  list = gtk_widget_get_parent (GTK_WIDGET (row));
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);

  entry = g_new0 (Check, 1);
  entry->row = row;
  entry->check = check;
  entry->message = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->message), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->message), FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), entry->message,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  g_ptr_array_add (priv->checks, entry);
  adw_entry_row_set_activates_default (row, TRUE);
  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  run_check (self, entry);
}

/**
 * styr_form_dialog_set_blocked:
 * @self: a #StyrFormDialog
 * @blocked: whether the dialog cannot be sent, whatever its fields say
 */
void
styr_form_dialog_set_blocked (StyrFormDialog *self,
                              gboolean        blocked)
{
  StyrFormDialogPrivate *priv;

  g_return_if_fail (STYR_IS_FORM_DIALOG (self));

  priv = styr_form_dialog_get_instance_private (self);
  priv->blocked = blocked;
  update_accept (self);
}

/**
 * styr_form_dialog_add_field:
 * @self: a #StyrFormDialog from styr_form_dialog_new()
 * @title: the field's name
 * @text: (nullable): what it says to begin with
 * @check: (nullable): what makes it right, checked as the user types
 *
 * Returns: (transfer none): the new field
 */
AdwEntryRow *
styr_form_dialog_add_field (StyrFormDialog  *self,
                            const char      *title,
                            const char      *text,
                            StyrUiCheckFunc  check)
{
  StyrFormDialogPrivate *priv;
  GtkWidget *row;

  g_return_val_if_fail (STYR_IS_FORM_DIALOG (self), NULL);

  priv = styr_form_dialog_get_instance_private (self);
  g_return_val_if_fail (priv->fields != NULL, NULL);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (priv->fields, row);
  g_ptr_array_add (priv->field_rows, row);
  if (check != NULL)
    styr_form_dialog_check (self, ADW_ENTRY_ROW (row), check);
  return ADW_ENTRY_ROW (row);
}

/**
 * styr_form_dialog_get_text:
 * @self: a #StyrFormDialog from styr_form_dialog_new()
 * @field: the field's place, from 0 in the order they were added
 *
 * Returns: what the field says now
 */
const char *
styr_form_dialog_get_text (StyrFormDialog *self,
                           guint           field)
{
  StyrFormDialogPrivate *priv;

  g_return_val_if_fail (STYR_IS_FORM_DIALOG (self), NULL);

  priv = styr_form_dialog_get_instance_private (self);
  g_return_val_if_fail (field < priv->field_rows->len, NULL);

  return gtk_editable_get_text (g_ptr_array_index (priv->field_rows, field));
}

/**
 * styr_form_dialog_get_target:
 * @self: a #StyrFormDialog
 *
 * Returns: (nullable): the id of what the form is about, as given to
 *   styr_form_dialog_new()
 */
const char *
styr_form_dialog_get_target (StyrFormDialog *self)
{
  StyrFormDialogPrivate *priv;

  g_return_val_if_fail (STYR_IS_FORM_DIALOG (self), NULL);

  priv = styr_form_dialog_get_instance_private (self);
  return priv->target;
}

/**
 * styr_form_dialog_new:
 * @widget: a widget in the window the dialog belongs to
 * @heading: the dialog's heading
 * @accept: the label of the response "accept"
 * @target: (nullable): the id of what the form is about
 *
 * A dialog with Cancel and @accept around a boxed list of fields, added
 * with styr_form_dialog_add_field(). Connect to "response::accept".
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
StyrFormDialog *
styr_form_dialog_new (GtkWidget  *widget,
                      const char *heading,
                      const char *accept,
                      const char *target)
{
  StyrFormDialog *self;
  StyrFormDialogPrivate *priv;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (STYR_TYPE_FORM_DIALOG,
                       "transient-for", gtk_widget_get_root (widget),
                       "modal", TRUE,
                       "heading", heading,
                       NULL);
  priv = styr_form_dialog_get_instance_private (self);
  priv->target = g_strdup (target);
  priv->fields = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (priv->fields, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->fields), "boxed-list");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (priv->fields));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    "accept", accept, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "accept",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  return self;
}

static void
styr_form_dialog_finalize (GObject *object)
{
  StyrFormDialogPrivate *priv = styr_form_dialog_get_instance_private (STYR_FORM_DIALOG (object));

  g_clear_pointer (&priv->checks, g_ptr_array_unref);
  g_clear_pointer (&priv->field_rows, g_ptr_array_unref);
  g_clear_pointer (&priv->target, g_free);

  G_OBJECT_CLASS (styr_form_dialog_parent_class)->finalize (object);
}

static void
styr_form_dialog_class_init (StyrFormDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styr_form_dialog_finalize;
}

static void
styr_form_dialog_init (StyrFormDialog *self)
{
  StyrFormDialogPrivate *priv = styr_form_dialog_get_instance_private (self);

  priv->checks = g_ptr_array_new_with_free_func (g_free);
  priv->field_rows = g_ptr_array_new ();
}
