/* styr-roles-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-assign-dialog.h"
#include "styr-document-list.h"
#include "styr-person.h"
#include "styr-person-dialog.h"
#include "styr-role-actions.h"
#include "styr-role-model.h"
#include "styr-role-row.h"
#include "styr-form-dialog.h"
#include "styr-roles-page.h"
#include "styr-page.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrRolesPage: the Rollegalleri with who holds each role today and
 * what is wrong with its coverage, and the people who can hold them.
 * Coverage comes from the core's rules, the same the other pages ask.
 * Both lists are bound to core models that follow the store: a new
 * holder redraws the role's own row, which stays open; a new person is
 * one row in.
 */
struct _StyrRolesPage
{
  StyrPage             parent_instance;

  StyrStore           *store;
  StyrClock           *clock;
  GSettings           *settings;

  StyrRoleModel       *roles;
  StyrDocumentList    *people;
  /* The people, those still here first, then by name. */
  GtkSortListModel    *sorted_people;

  AdwPreferencesGroup *roles_group;
  GtkListBox          *roles_list;
  AdwPreferencesGroup *people_group;
  GtkListBox          *people_list;
};

G_DEFINE_FINAL_TYPE (StyrRolesPage, styr_roles_page, STYR_TYPE_PAGE)

static GtkWidget *
create_role_row (gpointer item,
                 gpointer user_data)
{
  return styr_role_row_new (item);
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  StyrPerson *person = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *fields[] = { "email", "phone", "unit" };
  g_autofree char *edit_label = NULL;
  g_autofree char *marked = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = styr_record_get_string (STYR_RECORD (person), fields[i]);

      if (value != NULL && value[0] != '\0')
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", value);
    }
  if (!styr_person_get_active (person))
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", _("has left"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  marked = styr_ui_mark_sync (STYR_RECORD (person), subtitle->str);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), styr_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), marked);
  if (!styr_person_get_active (person))
    gtk_widget_add_css_class (row, "dim-label");

  /* Translators: the button that edits the person %s. */
  edit_label = g_strdup_printf (_("Edit %s"), styr_person_get_name (person));
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  styr_ui_set_tooltip (edit, edit_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "roles.edit-person");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s",
                                    styr_record_get_id (STYR_RECORD (person)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  return row;
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  StyrPerson *x = (StyrPerson *) a;
  StyrPerson *y = (StyrPerson *) b;

  /* Those still here first. */
  if (styr_person_get_active (x) != styr_person_get_active (y))
    return styr_person_get_active (x) ? -1 : 1;
  return g_utf8_collate (styr_person_get_name (x) ?: "", styr_person_get_name (y) ?: "");
}

/* "12 roles: 3 vacant, 2 with gaps", as the model counts them. */
static void
update_summary (StyrRolesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->roles));
  g_autofree char *summary = NULL;

  /* Translators: the coverage of the Rollegalleri, e.g. "12 roles: 3 vacant, 2 with gaps". */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role: %u vacant, %u with gaps",
                                          "%u roles: %u vacant, %u with gaps", n),
                             n, styr_role_model_get_n_vacant (self->roles),
                             styr_role_model_get_n_gaps (self->roles));
  adw_preferences_group_set_description (self->roles_group, summary);
  if (styr_role_model_get_error (self->roles) != NULL)
    styr_ui_show_error (GTK_WIDGET (self), styr_role_model_get_error (self->roles));
}

/* An empty list says nothing: the group's description and its Add
 * button say what to do. */
static void
update_people (StyrRolesPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->people_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->sorted_people)) > 0);
}

static void
thresholds_changed_cb (StyrRolesPage *self)
{
  g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));

  styr_role_model_set_thresholds (self->roles, &context->thresholds);
}

/* Dialogs */

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StyrRolesPage *self = STYR_ROLES_PAGE (widget);
  const char *role = g_variant_get_string (parameter, NULL);
  g_autofree char *role_id = g_strconcat ("role:", role, NULL);
  StyrRoleEntry *entry = styr_role_model_find (self->roles, role_id, NULL);

  gtk_window_present (GTK_WINDOW (styr_assign_dialog_new (widget, self->store, self->clock,
                                                          G_LIST_MODEL (self->sorted_people),
                                                          role,
                                                          entry != NULL
                                                          ? styr_role_entry_get_coverage (entry)->name
                                                          : role)));
}

static void
address_cb (StyrFormDialog *dialog,
            const char     *response,
            StyrRolesPage  *self)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  styr_clock_get_today (self->clock, &today);
  if (!styr_role_set_address (self->store, styr_form_dialog_get_target (dialog),
                              styr_form_dialog_get_text (dialog, 0), &today, styr_ui_author (),
                              &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

/* Saving stays off until the text is a mail address, so nothing typed
 * is thrown away by a refusal. */
static char *
check_address (const char *text)
{
  g_autofree char *address = g_strstrip (g_strdup (text));

  if (styr_assignment_address_valid (address))
    return NULL;
  if (address[0] == '\0')
    return g_strdup (_("Give the mailbox’s address."));
  /* Translators: under the mailbox field; %s is what was typed. */
  return g_strdup_printf (_("“%s” is not a mail address, such as oekonomi@kommune.dk."), address);
}

static void
set_address_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StyrRolesPage *self = STYR_ROLES_PAGE (widget);
  const char *role = g_variant_get_string (parameter, NULL);
  g_autofree char *role_id = g_strconcat ("role:", role, NULL);
  StyrRoleEntry *held = styr_role_model_find (self->roles, role_id, NULL);
  const char *name = held != NULL ? styr_role_entry_get_coverage (held)->name : role;
  const char *current = held != NULL ? styr_role_entry_get_coverage (held)->address : NULL;
  StyrFormDialog *dialog = styr_form_dialog_new (widget, name, _("_Save"), role);
  AdwEntryRow *address = styr_form_dialog_add_field (dialog, _("Mail address"), current,
                                                     check_address);

  adw_entry_row_set_input_purpose (address, GTK_INPUT_PURPOSE_EMAIL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The shared mailbox KOMBIT writes to, for example "
                                 "oekonomi@kommune.dk."));
  g_signal_connect_object (dialog, "response::accept", G_CALLBACK (address_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_cb (StyrFormDialog *dialog,
        const char     *response,
        StyrRolesPage  *self)
{
  const char *typed = styr_form_dialog_get_text (dialog, 0);
  g_autofree char *iso = styr_date_from_user (typed);
  g_autoptr(GError) error = NULL;
  GDate last;

  g_date_clear (&last, 1);
  if (iso == NULL || !styr_parse_date (iso, &last))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: %s is what the user typed as the last day. */
                 _("The assignment was not ended: “%s” is not a date. Write it day first, e.g. "
                   "31-01-2020."), typed);
  else
    styr_role_end_assignment (self->store, styr_form_dialog_get_target (dialog), &last,
                              styr_ui_author (), &error);
  if (error != NULL)
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
end_assignment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StyrRolesPage *self = STYR_ROLES_PAGE (widget);
  g_autofree char *today_iso = NULL;
  g_autofree char *today_text = NULL;
  StyrFormDialog *dialog;
  GDate today;

  styr_clock_get_today (self->clock, &today);
  today_iso = styr_date_to_iso (&today);
  today_text = styr_date_to_user (today_iso);
  dialog = styr_form_dialog_new (widget, _("End the Assignment"), _("_End"),
                                 g_variant_get_string (parameter, NULL));
  styr_form_dialog_add_field (dialog, _("Last day (day-month-year)"), today_text,
                              styr_ui_check_required_date);
  g_signal_connect_object (dialog, "response::accept", G_CALLBACK (end_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_person_dialog (StyrRolesPage *self,
                    const char    *id)
{
  g_autoptr(StyrRecord) person = id != NULL ? styr_record_read (self->store, id) : NULL;

  if (person != NULL && !STYR_IS_PERSON (person))
    g_clear_object (&person);
  gtk_window_present (GTK_WINDOW (styr_person_dialog_new (GTK_WIDGET (self), self->store,
                                                          person != NULL ? STYR_PERSON (person)
                                                                         : NULL)));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_person_dialog (STYR_ROLES_PAGE (widget), NULL);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_person_dialog (STYR_ROLES_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
add_role_cb (StyrFormDialog *dialog,
             const char     *response,
             StyrRolesPage  *self)
{
  const char *duties[] = { styr_form_dialog_get_text (dialog, 1), NULL };
  g_autoptr(GError) error = NULL;

  if (!styr_role_save_local (self->store, styr_form_dialog_get_text (dialog, 0), NULL,
                             duties[0][0] != '\0' ? duties : NULL, styr_ui_author (), NULL,
                             &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
add_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StyrFormDialog *dialog = styr_form_dialog_new (widget, _("Add Own Role"), _("_Add"), NULL);

  styr_form_dialog_add_field (dialog, _("Name"), NULL, styr_ui_check_required);
  styr_form_dialog_add_field (dialog, _("Responsible for"), NULL, NULL);
  g_signal_connect_object (dialog, "response::accept", G_CALLBACK (add_role_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    StyrRolesPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  {
    g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));

    roles = styr_roles_coverage (self->store, &context->today, &context->thresholds, &error);
  }
  if (roles != NULL)
    {
      styr_roles_export_csv (roles, csv);
      g_file_replace_contents (file, csv->str, csv->len, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                               NULL, &error);
    }
  if (error != NULL)
    styr_ui_show_error (GTK_WIDGET (self), error);
  else
    styr_ui_toast (GTK_WIDGET (self), _("The role overview was exported"), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Role Overview"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("roles.csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
styr_roles_page_constructed (GObject *object)
{
  StyrRolesPage *self = (StyrRolesPage *)object;
  g_autoptr(StyrRuleContext) context = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (styr_roles_page_parent_class)->constructed (object);

  /* Borrowed from StyrPage, which holds them. */
  self->store = styr_page_get_store (STYR_PAGE (self));
  self->clock = styr_page_get_clock (STYR_PAGE (self));
  self->settings = styr_page_get_settings (STYR_PAGE (self));

  context = styr_page_dup_rule_context (STYR_PAGE (self));
  self->roles = styr_role_model_new (self->store, self->clock, &context->thresholds);
  gtk_list_box_bind_model (self->roles_list, G_LIST_MODEL (self->roles), create_role_row, NULL,
                           NULL);
  g_signal_connect_object (self->roles, "items-changed", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->roles, "notify", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  update_summary (self);

  self->people = styr_document_list_new (self->store, "person");
  g_object_get (self->people, "load-error", &error, NULL);
  if (error != NULL)
    styr_ui_show_error (GTK_WIDGET (self), error);
  self->sorted_people = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->people)),
                                                 GTK_SORTER (gtk_custom_sorter_new (compare_people,
                                                                                    NULL, NULL)));
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->sorted_people),
                           create_person_row, NULL, NULL);
  g_signal_connect_object (self->sorted_people, "items-changed", G_CALLBACK (update_people), self,
                           G_CONNECT_SWAPPED);
  update_people (self);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::max-roles-per-person",
                             G_CALLBACK (thresholds_changed_cb), self, G_CONNECT_SWAPPED);
}

/* A role opens with what it is responsible for, and gets the focus. */
static gboolean
styr_roles_page_select_record (StyrPage   *page,
                               const char *id)
{
  StyrRolesPage *self = STYR_ROLES_PAGE (page);
  GtkListBoxRow *row;
  guint position;

  if (styr_role_model_find (self->roles, id, &position) == NULL)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->roles_list, position);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
styr_roles_page_dispose (GObject *object)
{
  StyrRolesPage *self = (StyrRolesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_ROLES_PAGE);

  g_clear_object (&self->roles);
  g_clear_object (&self->sorted_people);
  g_clear_object (&self->people);
  self->store = NULL;
  self->clock = NULL;
  self->settings = NULL;

  G_OBJECT_CLASS (styr_roles_page_parent_class)->dispose (object);
}

static void
styr_roles_page_class_init (StyrRolesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = styr_roles_page_constructed;
  object_class->dispose = styr_roles_page_dispose;
  STYR_PAGE_CLASS (klass)->select_record = styr_roles_page_select_record;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-roles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrRolesPage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, StyrRolesPage, roles_list);
  gtk_widget_class_bind_template_child (widget_class, StyrRolesPage, people_group);
  gtk_widget_class_bind_template_child (widget_class, StyrRolesPage, people_list);

  gtk_widget_class_install_action (widget_class, "roles.assign", "s", assign_action);
  gtk_widget_class_install_action (widget_class, "roles.set-address", "s", set_address_action);
  gtk_widget_class_install_action (widget_class, "roles.end-assignment", "s",
                                   end_assignment_action);
  gtk_widget_class_install_action (widget_class, "roles.add-person", NULL, add_person_action);
  STYR_PAGE_CLASS (klass)->new_action = "roles.add-person";
  gtk_widget_class_install_action (widget_class, "roles.edit-person", "s", edit_person_action);
  gtk_widget_class_install_action (widget_class, "roles.add-role", NULL, add_role_action);
  gtk_widget_class_install_action (widget_class, "roles.export", NULL, export_action);
}

static void
styr_roles_page_init (StyrRolesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
