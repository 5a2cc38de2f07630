/* styr-item-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-checklist-actions.h"
#include "styr-history-group.h"
#include "styr-item-dialog.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrItemDialog: a checklist item to add, or one to note and look into:
 * the municipality's own items can be re-worded, re-dated and deleted,
 * KOMBIT's get a note; below, who ticked and unticked it. It checks its
 * fields as the user types and writes on Save, saying in the window what
 * went wrong; a deletion can be undone from its toast.
 */
struct _StyrItemDialog
{
  StyrFormDialog     parent_instance;

  GtkWidget         *item_list;
  GtkWidget         *text_row;
  GtkWidget         *due_row;
  GtkWidget         *note_list;
  GtkWidget         *note_row;
  StyrHistoryGroup  *history;
  GtkWidget         *delete;

  /* Where errors and toasts are said: the page, in the main window. */
  GtkWidget         *origin;
  StyrStore         *store;
  /* Adding: the checklist; editing: the item as the user saw it. */
  char              *checklist;
  StyrChecklistItem *item;
  StyrChecklistItemState *state;
  gboolean           own;
};

G_DEFINE_FINAL_TYPE (StyrItemDialog, styr_item_dialog, STYR_TYPE_FORM_DIALOG)

static void
add_item (StyrItemDialog *self)
{
  g_autofree char *due = styr_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (fields, "text", gtk_editable_get_text (GTK_EDITABLE (self->text_row)));
  if (due != NULL)
    json_object_set_string_member (fields, "due", due);
  if (!styr_checklist_add_item (self->store, self->checklist, fields, styr_ui_author (), NULL,
                                &error))
    styr_ui_show_error (self->origin, error);
}

/* The text and due date of an own item, if the user changed them. */
static gboolean
save_own_item (StyrItemDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  g_autofree char *due = styr_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, styr_checklist_item_get_text (self->item)) == 0 &&
      g_strcmp0 (due, styr_record_get_string (STYR_RECORD (self->item), "due")) == 0)
    return TRUE;

  json_object_set_string_member (changes, "text", text);
  if (due != NULL)
    json_object_set_string_member (changes, "due", due);
  else
    json_object_set_null_member (changes, "due");
  if (!styr_checklist_update_item (self->store, styr_record_get_id (STYR_RECORD (self->item)),
                                   styr_record_get_rev (STYR_RECORD (self->item)), changes,
                                   styr_ui_author (), &error))
    {
      styr_ui_show_error (self->origin, error);
      return FALSE;
    }
  return TRUE;
}

/* The municipality's own note, kept in the item's state. */
static void
save_note (StyrItemDialog *self)
{
  const char *item_id = styr_record_get_id (STYR_RECORD (self->item));
  g_autofree char *state_id = styr_work_state_id (item_id);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  const char *before = self->state != NULL ? styr_record_get_string (STYR_RECORD (self->state),
                                                                     "note")
                                           : NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, before != NULL ? before : "") == 0)
    return;

  if (text[0] == '\0')
    json_object_set_null_member (changes, "note");
  else
    json_object_set_string_member (changes, "note", text);
  if (!styr_work_update_state (self->store, state_id,
                               self->state != NULL ? styr_record_get_rev (STYR_RECORD (self->state))
                                                   : NULL,
                               changes, styr_ui_author (), NULL, &error))
    styr_ui_show_error (self->origin, error);
}

static void
delete_item (StyrItemDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  /* Translators: a toast after deleting an own task. */
  title = g_strdup_printf (_("“%s” was deleted"), styr_checklist_item_get_text (self->item));
  if (!styr_checklist_delete_item (self->store, styr_record_get_id (STYR_RECORD (self->item)),
                                   styr_record_get_rev (STYR_RECORD (self->item)),
                                   styr_ui_author (), NULL, &error))
    {
      styr_ui_show_error (self->origin, error);
      return;
    }
  styr_ui_toast (self->origin, title, TRUE);
}

static void
styr_item_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  StyrItemDialog *self = STYR_ITEM_DIALOG (dialog);

  /* The dialog cannot be sent with a field its checks refuse. */
  if (g_str_equal (response, "delete"))
    delete_item (self);
  else if (g_str_equal (response, "accept") && self->item == NULL)
    add_item (self);
  else if (g_str_equal (response, "accept") && (!self->own || save_own_item (self)))
    save_note (self);

  if (ADW_MESSAGE_DIALOG_CLASS (styr_item_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (styr_item_dialog_parent_class)->response (dialog, response);
}

/* Apart from Save, as in GNOME's own editors; a deletion can be undone. */
static void
delete_clicked_cb (StyrItemDialog *self)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "delete");
  gtk_window_close (GTK_WINDOW (self));
}

static void
styr_item_dialog_dispose (GObject *object)
{
  StyrItemDialog *self = (StyrItemDialog *)object;

  g_clear_weak_pointer (&self->origin);
  g_clear_object (&self->store);
  g_clear_object (&self->item);
  g_clear_object (&self->state);
  g_clear_pointer (&self->checklist, g_free);

  G_OBJECT_CLASS (styr_item_dialog_parent_class)->dispose (object);
}

static void
styr_item_dialog_class_init (StyrItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_item_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = styr_item_dialog_response;

  g_type_ensure (STYR_TYPE_HISTORY_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrItemDialog, item_list);
  gtk_widget_class_bind_template_child (widget_class, StyrItemDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, StyrItemDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, StyrItemDialog, note_list);
  gtk_widget_class_bind_template_child (widget_class, StyrItemDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, StyrItemDialog, history);
  gtk_widget_class_bind_template_child (widget_class, StyrItemDialog, delete);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
styr_item_dialog_init (StyrItemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  styr_history_group_set_describers (self->history, styr_work_field_label,
                                     styr_work_describe_value);
}

static StyrItemDialog *
dialog_new (GtkWidget *origin,
            StyrStore *store)
{
  StyrItemDialog *self = g_object_new (STYR_TYPE_ITEM_DIALOG,
                                       "transient-for", gtk_widget_get_root (origin),
                                       "modal", TRUE,
                                       NULL);

  g_set_weak_pointer (&self->origin, origin);
  self->store = g_object_ref (store);
  return self;
}

/* The item's own fields are checked as the user types. */
static void
check_item_fields (StyrItemDialog *self)
{
  styr_form_dialog_check (STYR_FORM_DIALOG (self), ADW_ENTRY_ROW (self->text_row),
                      styr_ui_check_required);
  styr_form_dialog_check (STYR_FORM_DIALOG (self), ADW_ENTRY_ROW (self->due_row),
                      styr_ui_check_date);
}

/**
 * styr_item_dialog_new_add:
 * @origin: the page that asks, where errors and toasts are said
 * @store: the store
 * @checklist_key: the checklist the item is added to
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
StyrItemDialog *
styr_item_dialog_new_add (GtkWidget  *origin,
                          StyrStore  *store,
                          const char *checklist_key)
{
  StyrItemDialog *self = dialog_new (origin, store);

  self->checklist = g_strdup (checklist_key);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Add Item"));
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "accept", _("_Add"));
  gtk_widget_set_visible (self->note_list, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->history), FALSE);
  gtk_widget_set_visible (self->delete, FALSE);
  check_item_fields (self);
  gtk_widget_grab_focus (self->text_row);
  return self;
}

/**
 * styr_item_dialog_new_edit:
 * @origin: the page that asks, where errors and toasts are said
 * @store: the store
 * @entry: the item as its list shows it
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
StyrItemDialog *
styr_item_dialog_new_edit (GtkWidget          *origin,
                           StyrStore          *store,
                           StyrChecklistEntry *entry)
{
  StyrItemDialog *self = dialog_new (origin, store);
  StyrChecklistItemState *state = styr_checklist_entry_get_state (entry);
  const char *note = state != NULL ? styr_record_get_string (STYR_RECORD (state), "note") : NULL;

  self->item = g_object_ref (styr_checklist_entry_get_item (entry));
  self->state = state != NULL ? g_object_ref (state) : NULL;
  self->own = styr_work_record_is_own (STYR_RECORD (self->item));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  styr_checklist_item_get_text (self->item));

  /* The municipality's own items can be re-worded, re-dated and deleted. */
  gtk_widget_set_visible (self->item_list, self->own);
  gtk_widget_set_visible (self->delete, self->own);
  if (self->own)
    {
      g_autofree char *due = styr_date_to_user (styr_record_get_string (STYR_RECORD (self->item),
                                                                        "due"));

      gtk_editable_set_text (GTK_EDITABLE (self->text_row),
                             styr_checklist_item_get_text (self->item));
      gtk_editable_set_text (GTK_EDITABLE (self->due_row), due != NULL ? due : "");
      check_item_fields (self);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");

  /* Who ticked and unticked it, and when. */
  gtk_widget_set_visible (GTK_WIDGET (self->history), state != NULL);
  if (state != NULL)
    styr_history_group_show (self->history, store, styr_record_get_id (STYR_RECORD (state)));
  return self;
}
