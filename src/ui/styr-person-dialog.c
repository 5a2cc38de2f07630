/* styr-person-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-person-dialog.h"
#include "styr-role-actions.h"
#include "styr-ui.h"

/* StyrPersonDialog: someone who can hold roles, to add or edit: name,
 * e-mail, phone, department, and whether they have left — kept, so the
 * history still names them. It writes on Save, over the revision it
 * showed, and says in the window what went wrong.
 */
struct _StyrPersonDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *name_row;
  AdwEntryRow      *email_row;
  AdwEntryRow      *phone_row;
  AdwEntryRow      *unit_row;
  GtkSwitch        *left_switch;

  /* Where errors are said: the page, in the main window. */
  GtkWidget        *origin;
  StyrStore        *store;
  StyrPerson       *person;
};

G_DEFINE_FINAL_TYPE (StyrPersonDialog, styr_person_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_row (JsonObject  *changes,
          AdwEntryRow *row,
          const char  *field)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  /* The name is required; styr_person_save() says so if it is empty. */
  if (text[0] != '\0' || g_str_equal (field, "name"))
    json_object_set_string_member (changes, field, text);
  else
    json_object_set_null_member (changes, field);
}

static void
styr_person_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  StyrPersonDialog *self = STYR_PERSON_DIALOG (dialog);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "accept"))
    {
      read_row (changes, self->name_row, "name");
      read_row (changes, self->email_row, "email");
      read_row (changes, self->phone_row, "phone");
      read_row (changes, self->unit_row, "unit");
      json_object_set_boolean_member (changes, "active",
                                      !gtk_switch_get_active (self->left_switch));
      g_autofree char *id = NULL;

      if (!styr_person_save (self->store,
                             self->person != NULL ? styr_record_get_id (STYR_RECORD (self->person))
                                                  : NULL,
                             self->person != NULL ? styr_record_get_rev (STYR_RECORD (self->person))
                                                  : NULL,
                             changes, styr_ui_author (), &id, &error))
        styr_ui_show_error (self->origin, error);
      else
        g_signal_emit (self, signals[SAVED], 0, id);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (styr_person_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (styr_person_dialog_parent_class)->response (dialog, response);
}

static void
styr_person_dialog_dispose (GObject *object)
{
  StyrPersonDialog *self = (StyrPersonDialog *)object;

  g_clear_weak_pointer (&self->origin);
  g_clear_object (&self->store);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (styr_person_dialog_parent_class)->dispose (object);
}

static void
styr_person_dialog_class_init (StyrPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_person_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = styr_person_dialog_response;

  /**
   * StyrPersonDialog::saved:
   * @self: the dialog
   * @id: the person's id
   *
   * The person was written to the store.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPersonDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPersonDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, StyrPersonDialog, left_switch);
}

static void
styr_person_dialog_init (StyrPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_field (AdwEntryRow *row,
            StyrPerson  *person,
            const char  *field)
{
  const char *text = person != NULL ? styr_record_get_string (STYR_RECORD (person), field) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * styr_person_dialog_new:
 * @origin: the page that asks, where errors are said
 * @store: the store
 * @person: (nullable): the person to edit, %NULL to add one
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
StyrPersonDialog *
styr_person_dialog_new (GtkWidget  *origin,
                        StyrStore  *store,
                        StyrPerson *person)
{
  StyrPersonDialog *self = g_object_new (STYR_TYPE_PERSON_DIALOG,
                                         "transient-for", gtk_widget_get_root (origin),
                                         "modal", TRUE,
                                         "heading", person != NULL ? _("Edit Person")
                                                                   : _("Add Person"),
                                         NULL);

  g_set_weak_pointer (&self->origin, origin);
  self->store = g_object_ref (store);
  self->person = person != NULL ? g_object_ref (person) : NULL;
  if (person == NULL)
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "accept", _("_Add"));
  show_field (self->name_row, person, "name");
  show_field (self->email_row, person, "email");
  show_field (self->phone_row, person, "phone");
  show_field (self->unit_row, person, "unit");
  gtk_switch_set_active (self->left_switch, person != NULL && !styr_person_get_active (person));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/**
 * styr_person_dialog_set_origin:
 * @self: a #StyrPersonDialog
 * @origin: the page where errors are said
 */
void
styr_person_dialog_set_origin (StyrPersonDialog *self,
                               GtkWidget        *origin)
{
  g_return_if_fail (STYR_IS_PERSON_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (origin));

  g_set_weak_pointer (&self->origin, origin);
}
