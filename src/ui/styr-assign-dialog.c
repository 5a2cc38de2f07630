/* styr-assign-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-assign-dialog.h"
#include "styr-person.h"
#include "styr-person-dialog.h"
#include "styr-role-actions.h"
#include "styr-ui.h"

/* StyrAssignDialog: who holds a role from which day, and who stands in,
 * among the people still here. Someone not there yet is added from the
 * dialog itself and becomes the holder. The day is checked as the user
 * types; the assignment is written on Assign, and what went wrong is said
 * in the window.
 */
struct _StyrAssignDialog
{
  StyrFormDialog    parent_instance;

  AdwComboRow      *holder_row;
  AdwComboRow      *deputy_row;
  AdwEntryRow      *since_row;

  /* Where errors are said: the page, in the main window. */
  GtkWidget        *origin;
  StyrStore        *store;
  char             *role;
  /* The people still here, in the order of the holder's drop-down, from
   * the page's list of everyone. */
  GPtrArray        *people;
  GListModel       *everyone;
};

G_DEFINE_FINAL_TYPE (StyrAssignDialog, styr_assign_dialog, STYR_TYPE_FORM_DIALOG)

static const char *
chosen (StyrAssignDialog *self,
        AdwComboRow      *row,
        gboolean          with_nobody)
{
  guint selected = adw_combo_row_get_selected (row);

  if (with_nobody && selected == 0)
    return NULL;
  selected -= with_nobody ? 1 : 0;
  return selected < self->people->len
         ? styr_record_get_id (g_ptr_array_index (self->people, selected)) : NULL;
}

/* The choices anew, keeping the deputy chosen, with @holder chosen if
 * given, else the holder chosen before. */
static void
fill_people (StyrAssignDialog *self,
             const char       *holder)
{
  g_autoptr(GtkStringList) holders = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) deputies = gtk_string_list_new (NULL);
  g_autofree char *was_holder = g_strdup (holder != NULL ? holder
                                          : chosen (self, self->holder_row, FALSE));
  g_autofree char *was_deputy = g_strdup (chosen (self, self->deputy_row, TRUE));
  guint holder_at = 0, deputy_at = 0;

  g_ptr_array_set_size (self->people, 0);
  gtk_string_list_append (deputies, _("Nobody"));
  for (guint i = 0; i < g_list_model_get_n_items (self->everyone); i++)
    {
      g_autoptr(StyrPerson) person = g_list_model_get_item (self->everyone, i);
      const char *id = styr_record_get_id (STYR_RECORD (person));

      if (!styr_person_get_active (person))
        continue;
      if (g_strcmp0 (id, was_holder) == 0)
        holder_at = self->people->len;
      if (g_strcmp0 (id, was_deputy) == 0)
        deputy_at = self->people->len + 1;
      gtk_string_list_append (holders, styr_person_get_name (person));
      gtk_string_list_append (deputies, styr_person_get_name (person));
      g_ptr_array_add (self->people, g_object_ref (person));
    }
  adw_combo_row_set_model (self->holder_row, G_LIST_MODEL (holders));
  adw_combo_row_set_model (self->deputy_row, G_LIST_MODEL (deputies));
  adw_combo_row_set_selected (self->holder_row, holder_at);
  adw_combo_row_set_selected (self->deputy_row, deputy_at);
  /* Nobody to hold the role yet: the way to add someone is right there. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->holder_row), self->people->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->deputy_row), self->people->len > 0);
  styr_form_dialog_set_blocked (STYR_FORM_DIALOG (self), self->people->len == 0);
}

static void
person_saved_cb (StyrAssignDialog *self,
                 const char       *id)
{
  fill_people (self, id);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StyrAssignDialog *self = STYR_ASSIGN_DIALOG (widget);
  StyrPersonDialog *dialog = styr_person_dialog_new (widget, self->store, NULL);

  /* Over this dialog; what goes wrong is said in the main window. */
  if (self->origin != NULL)
    styr_person_dialog_set_origin (dialog, self->origin);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
styr_assign_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  StyrAssignDialog *self = STYR_ASSIGN_DIALOG (dialog);
  const char *holder = chosen (self, self->holder_row, FALSE);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->since_row));
  g_autofree char *since_iso = styr_date_from_user (text);
  g_autoptr(GError) error = NULL;
  GDate from;

  g_date_clear (&from, 1);
  if (!g_str_equal (response, "accept"))
    ;
  else if (holder == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("The role was not assigned: add the person on this page first."));
  else if (since_iso == NULL || !styr_parse_date (since_iso, &from))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: %s is what the user typed as the first day. */
                 _("The role was not assigned: “%s” is not a date. Write it day first, e.g. "
                   "01-02-2020."), text);
  else
    styr_role_assign (self->store, self->role, holder, chosen (self, self->deputy_row, TRUE),
                      &from, styr_ui_author (), NULL, &error);
  if (error != NULL)
    styr_ui_show_error (self->origin, error);

  if (ADW_MESSAGE_DIALOG_CLASS (styr_assign_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (styr_assign_dialog_parent_class)->response (dialog, response);
}

static void
styr_assign_dialog_dispose (GObject *object)
{
  StyrAssignDialog *self = (StyrAssignDialog *)object;

  g_clear_weak_pointer (&self->origin);
  g_clear_object (&self->store);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->everyone);

  G_OBJECT_CLASS (styr_assign_dialog_parent_class)->dispose (object);
}

static void
styr_assign_dialog_class_init (StyrAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_assign_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = styr_assign_dialog_response;
  gtk_widget_class_install_action (widget_class, "assign.add-person", NULL, add_person_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrAssignDialog, holder_row);
  gtk_widget_class_bind_template_child (widget_class, StyrAssignDialog, deputy_row);
  gtk_widget_class_bind_template_child (widget_class, StyrAssignDialog, since_row);
}

static void
styr_assign_dialog_init (StyrAssignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * styr_assign_dialog_new:
 * @origin: the page that asks, where errors are said
 * @store: the store
 * @clock: the clock: the assignment starts today unless the user says
 * @people: (element-type StyrPerson): the people, in the order to offer
 * @role_key: the role's key
 * @role_name: the role's name, the dialog's heading
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
StyrAssignDialog *
styr_assign_dialog_new (GtkWidget  *origin,
                        StyrStore  *store,
                        StyrClock  *clock,
                        GListModel *people,
                        const char *role_key,
                        const char *role_name)
{
  StyrAssignDialog *self = g_object_new (STYR_TYPE_ASSIGN_DIALOG,
                                         "transient-for", gtk_widget_get_root (origin),
                                         "modal", TRUE,
                                         "heading", role_name,
                                         NULL);
  g_autofree char *today_iso = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  g_set_weak_pointer (&self->origin, origin);
  self->store = g_object_ref (store);
  self->role = g_strdup (role_key);

  self->everyone = g_object_ref (people);
  fill_people (self, NULL);

  styr_clock_get_today (clock, &today);
  today_iso = styr_date_to_iso (&today);
  today_text = styr_date_to_user (today_iso);
  gtk_editable_set_text (GTK_EDITABLE (self->since_row), today_text);
  styr_form_dialog_check (STYR_FORM_DIALOG (self), self->since_row, styr_ui_check_required_date);
  return self;
}
