/* styr-roles-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-person.h"
#include "styr-role-actions.h"
#include "styr-roles-page.h"
#include "styr-page.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrRolesPage: the Rollegalleri with who holds each role today and
 * what is wrong with its coverage, and the people who can hold them.
 * Coverage comes from the core's rules, the same the other pages ask.
 * The page is rebuilt when roles, people or assignments change; there are
 * tens of each, not thousands.
 */
struct _StyrRolesPage
{
  StyrPage             parent_instance;

  StyrStore           *store;
  StyrClock           *clock;
  GSettings           *settings;

  GPtrArray           *rows;
  /* Each role's row, by its id, to open it from the Overview. */
  GHashTable          *role_rows;
  GPtrArray           *people;
  guint                rebuild_source;

  AdwPreferencesGroup *roles_group;
  AdwPreferencesGroup *people_group;
};

G_DEFINE_FINAL_TYPE (StyrRolesPage, styr_roles_page, STYR_TYPE_PAGE)

static GPtrArray *
coverage (StyrRolesPage  *self,
          GError        **error)
{
  g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));

  return styr_roles_coverage (self->store, &context->today, &context->thresholds, error);
}

static void
clear_rows (StyrRolesPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->role_rows);
}

static void
add_role_row (StyrRolesPage    *self,
              StyrRoleCoverage *entry)
{
  GtkWidget *row = adw_expander_row_new ();
  /* A functional mailbox gets an address, not a person. */
  GtkWidget *assign = gtk_button_new_with_mnemonic (entry->mailbox ? _("Set _Address…")
                                                                   : _("_Assign…"));
  g_autoptr(JsonObject) role = NULL;
  g_autofree char *role_id = g_strconcat ("role:", entry->role, NULL);
  g_autofree char *flags = styr_role_coverage_describe (entry);
  g_autofree char *subtitle = NULL;
  g_autofree char *marked = NULL;
  gboolean pending, conflicted;
  const char *version;
  static const struct { const char *member; const char *label; } lists[] = {
    /* Translators: under a role's responsibility, as KOMBIT lists them. */
    { "responsibilities", N_("Responsibility") },
    /* Translators: under what a role's holder should know; KOMBIT's deck
     * heads the list "bør have". */
    { "competences", N_("Should have") },
  };

  if (entry->holder_name != NULL && entry->deputy_name != NULL)
    /* Translators: who holds a role and who stands in; then what is wrong, if anything. */
    subtitle = g_strdup_printf (_("%s, deputy %s%s%s"), entry->holder_name, entry->deputy_name,
                                flags[0] != '\0' ? " · " : "", flags);
  else if (entry->holder_name != NULL)
    subtitle = g_strdup_printf ("%s · %s", entry->holder_name, flags);
  else if (entry->address != NULL)
    /* Translators: the address of a functional mailbox, such as the ØiR funktionspostkasse. */
    subtitle = g_strdup_printf (_("Mailbox %s"), entry->address);
  else
    subtitle = g_strdup (flags);

  styr_work_sync_marks (self->store, role_id, &pending, &conflicted);
  marked = styr_ui_mark_text (pending, conflicted, subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), marked);
  if (entry->flags != STYR_COVERAGE_NONE)
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (warning, entry->flags & STYR_COVERAGE_VACANT ? "error" : "warning");
      styr_ui_set_tooltip (warning, flags);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      flags, -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), warning);
    }

  gtk_widget_set_valign (assign, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (assign),
                                  entry->mailbox ? "roles.set-address" : "roles.assign");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (assign), "s", entry->role);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), assign);

  /* A current holder's assignment can be ended, keeping its history. */
  if (entry->assignment != NULL)
    {
      GtkWidget *end_row = adw_action_row_new ();
      GtkWidget *end = gtk_button_new_with_mnemonic (_("_End…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (end_row), _("End the assignment"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (end_row),
                                   _("The role is vacant from the day after"));
      gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "roles.end-assignment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (end), "s", entry->assignment);
      adw_action_row_add_suffix (ADW_ACTION_ROW (end_row), end);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), end_row);
    }

  role = styr_store_get (self->store, role_id, NULL, NULL);
  version = role != NULL ? json_object_get_string_member_with_default (role,
                                                                      "rollegalleri_version",
                                                                      NULL)
                         : NULL;
  if (version != NULL)
    {
      /* Translators: a role from KOMBIT's Rollegalleri; %s is its version. */
      g_autofree char *text = g_strdup_printf (_("Rollegalleri %s"), version);
      GtkWidget *tag = gtk_label_new (text);

      gtk_widget_add_css_class (tag, "dim-label");
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
    }

  /* What the role is responsible for, and what its holder should know,
   * in KOMBIT's words. */
  for (guint k = 0; role != NULL && k < G_N_ELEMENTS (lists); k++)
    {
      JsonNode *node = json_object_get_member (role, lists[k].member);
      JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                      : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          GtkWidget *line = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line),
                                         json_array_get_string_element (array, i));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), _(lists[k].label));
          adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (line), TRUE);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }
    }

  adw_preferences_group_add (self->roles_group, row);
  g_ptr_array_add (self->rows, row);
  g_hash_table_insert (self->role_rows, g_strdup (role_id), row);
}

static void
add_person_row (StyrRolesPage *self,
                StyrPerson    *person)
{
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
  styr_work_read_sync_marks (self->store, STYR_RECORD (person));
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

  adw_preferences_group_add (self->people_group, row);
  g_ptr_array_add (self->rows, row);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  StyrPerson *x = *(StyrPerson **) a;
  StyrPerson *y = *(StyrPerson **) b;

  /* Those still here first. */
  if (styr_person_get_active (x) != styr_person_get_active (y))
    return styr_person_get_active (x) ? -1 : 1;
  return g_utf8_collate (styr_person_get_name (x), styr_person_get_name (y));
}

static void
load_people (StyrRolesPage *self)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (self->store, "person", NULL, NULL, NULL, NULL);

  g_ptr_array_set_size (self->people, 0);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *rev = NULL;
      g_autoptr(JsonObject) body = styr_store_get (self->store, id, &rev, NULL);
      StyrRecord *person = body != NULL ? styr_record_load (id, rev, body) : NULL;

      if (person != NULL && STYR_IS_PERSON (person))
        g_ptr_array_add (self->people, person);
      else
        g_clear_object (&person);
    }
  g_ptr_array_sort (self->people, compare_people);
}

static void
rebuild (StyrRolesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = coverage (self, &error);
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *summary = NULL;
  GHashTableIter iter;
  gpointer id, row;
  guint vacant = 0, gaps = 0;

  /* An assignment builds the roles anew: the ones the user opened stay
   * open, and the page stays where it was. */
  g_hash_table_iter_init (&iter, self->role_rows);
  while (g_hash_table_iter_next (&iter, &id, &row))
    if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
      g_hash_table_add (expanded, g_strdup (id));
  styr_ui_keep_scroll (GTK_WIDGET (self));
  clear_rows (self);
  if (roles == NULL)
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; i < roles->len; i++)
    {
      StyrRoleCoverage *entry = g_ptr_array_index (roles, i);

      vacant += (entry->flags & STYR_COVERAGE_VACANT) != 0;
      gaps += entry->flags != STYR_COVERAGE_NONE && !(entry->flags & STYR_COVERAGE_VACANT);
      add_role_row (self, entry);
    }
  g_hash_table_iter_init (&iter, expanded);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if ((row = g_hash_table_lookup (self->role_rows, id)) != NULL)
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  /* Translators: the coverage of the Rollegalleri, e.g. "12 roles: 3 vacant, 2 with gaps". */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role: %u vacant, %u with gaps",
                                          "%u roles: %u vacant, %u with gaps", roles->len),
                             roles->len, vacant, gaps);
  adw_preferences_group_set_description (self->roles_group, summary);

  load_people (self);
  for (guint i = 0; i < self->people->len; i++)
    add_person_row (self, g_ptr_array_index (self->people, i));
}

static gboolean
rebuild_idle (gpointer user_data)
{
  StyrRolesPage *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (StyrRolesPage *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle, self);
}

/* Dialogs */

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

/* A combo row of the people still here, optionally led by "Nobody". */
static GtkWidget *
people_combo (StyrRolesPage *self,
              const char    *title,
              gboolean       with_nobody)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (with_nobody)
    gtk_string_list_append (names, _("Nobody"));
  for (guint i = 0; i < self->people->len; i++)
    if (styr_person_get_active (g_ptr_array_index (self->people, i)))
      gtk_string_list_append (names, styr_person_get_name (g_ptr_array_index (self->people, i)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  return row;
}

static const char *
chosen_person (StyrRolesPage *self,
               AdwComboRow   *row,
               gboolean       with_nobody)
{
  guint selected = adw_combo_row_get_selected (row);
  guint seen = 0;

  if (with_nobody && selected == 0)
    return NULL;
  selected -= with_nobody ? 1 : 0;
  for (guint i = 0; i < self->people->len; i++)
    if (styr_person_get_active (g_ptr_array_index (self->people, i)) && seen++ == selected)
      return styr_record_get_id (g_ptr_array_index (self->people, i));
  return NULL;
}

static void
assign_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    StyrRolesPage    *self)
{
  AdwComboRow *holder = g_object_get_data (G_OBJECT (dialog), "styr-holder");
  AdwComboRow *deputy = g_object_get_data (G_OBJECT (dialog), "styr-deputy");
  GtkEditable *since = g_object_get_data (G_OBJECT (dialog), "styr-since");
  const char *role = g_object_get_data (G_OBJECT (dialog), "styr-role");
  const char *holder_id = chosen_person (self, holder, FALSE);
  const char *deputy_id = chosen_person (self, deputy, TRUE);
  g_autofree char *since_iso = styr_date_from_user (gtk_editable_get_text (since));
  g_autoptr(GError) error = NULL;
  GDate from;

  if (!g_str_equal (response, "accept"))
    return;

  g_date_clear (&from, 1);
  if (holder_id == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("The role was not assigned: add the person on this page first."));
  else if (since_iso == NULL || !styr_parse_date (since_iso, &from))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: %s is what the user typed as the first day. */
                 _("The role was not assigned: “%s” is not a date. Write it day first, e.g. "
                   "01-02-2020."), gtk_editable_get_text (since));

  if (error == NULL)
    styr_role_assign (self->store, role, holder_id, deputy_id, &from, styr_ui_author (), NULL,
                      &error);
  if (error != NULL)
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StyrRolesPage *self = STYR_ROLES_PAGE (widget);
  const char *role = g_variant_get_string (parameter, NULL);
  g_autofree char *role_id = g_strconcat ("role:", role, NULL);
  g_autoptr(JsonObject) body = styr_store_get (self->store, role_id, NULL, NULL);
  GtkWidget *holder = people_combo (self, _("Holder"), FALSE);
  GtkWidget *deputy = people_combo (self, _("Deputy"), TRUE);
  g_autofree char *today_iso = NULL;
  g_autofree char *today_text = NULL;
  GtkWidget *since;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwMessageDialog *dialog;
  GDate today;

  styr_clock_get_today (self->clock, &today);
  today_iso = styr_date_to_iso (&today);
  today_text = styr_date_to_user (today_iso);
  since = entry_row (_("From (day-month-year)"), today_text);
  gtk_box_append (GTK_BOX (box), styr_ui_boxed_list (holder, deputy));
  gtk_box_append (GTK_BOX (box), styr_ui_boxed_list (since, NULL));

  dialog = styr_ui_form_dialog (widget,
                                body != NULL
                                ? json_object_get_string_member_with_default (body, "name", role)
                                : role,
                                _("_Assign"), box);
  g_object_set_data (G_OBJECT (dialog), "styr-holder", holder);
  g_object_set_data (G_OBJECT (dialog), "styr-deputy", deputy);
  g_object_set_data (G_OBJECT (dialog), "styr-since", since);
  g_object_set_data_full (G_OBJECT (dialog), "styr-role", g_strdup (role), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (assign_response_cb), self, 0);
  styr_ui_form_check (dialog, ADW_ENTRY_ROW (since), styr_ui_check_required_date);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
address_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     StyrRolesPage    *self)
{
  GtkEditable *address = g_object_get_data (G_OBJECT (dialog), "styr-address");
  const char *role = g_object_get_data (G_OBJECT (dialog), "styr-role");
  g_autoptr(GError) error = NULL;
  GDate today;

  if (!g_str_equal (response, "accept"))
    return;
  styr_clock_get_today (self->clock, &today);
  if (!styr_role_set_address (self->store, role, gtk_editable_get_text (address), &today,
                              styr_ui_author (), &error))
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
  g_autoptr(GPtrArray) held = coverage (self, NULL);
  const char *name = role;
  const char *current = NULL;
  GtkWidget *address;
  AdwMessageDialog *dialog;

  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      StyrRoleCoverage *entry = g_ptr_array_index (held, i);

      if (g_str_equal (entry->role, role))
        {
          name = entry->name;
          current = entry->address;
        }
    }

  address = entry_row (_("Mail address"), current);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (address), GTK_INPUT_PURPOSE_EMAIL);
  dialog = styr_ui_form_dialog (widget, name, _("_Save"), styr_ui_boxed_list (address, NULL));
  adw_message_dialog_set_body (dialog, _("The shared mailbox KOMBIT writes to, for example "
                                         "oekonomi@kommune.dk."));
  g_object_set_data (G_OBJECT (dialog), "styr-address", address);
  g_object_set_data_full (G_OBJECT (dialog), "styr-role", g_strdup (role), g_free);
  styr_ui_form_check (dialog, ADW_ENTRY_ROW (address), check_address);
  g_signal_connect_object (dialog, "response", G_CALLBACK (address_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 StyrRolesPage    *self)
{
  GtkEditable *until = g_object_get_data (G_OBJECT (dialog), "styr-until");
  const char *assignment = g_object_get_data (G_OBJECT (dialog), "styr-assignment");
  g_autofree char *iso = styr_date_from_user (gtk_editable_get_text (until));
  g_autoptr(GError) error = NULL;
  GDate last;

  if (!g_str_equal (response, "accept"))
    return;

  g_date_clear (&last, 1);
  if (iso == NULL || !styr_parse_date (iso, &last))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: %s is what the user typed as the last day. */
                 _("The assignment was not ended: “%s” is not a date. Write it day first, e.g. "
                   "31-01-2020."), gtk_editable_get_text (until));
  else
    styr_role_end_assignment (self->store, assignment, &last, styr_ui_author (), &error);
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
  GtkWidget *until;
  AdwMessageDialog *dialog;
  GDate today;

  styr_clock_get_today (self->clock, &today);
  today_iso = styr_date_to_iso (&today);
  today_text = styr_date_to_user (today_iso);
  until = entry_row (_("Last day (day-month-year)"), today_text);
  dialog = styr_ui_form_dialog (widget, _("End the Assignment"), _("_End"),
                                styr_ui_boxed_list (until, NULL));
  g_object_set_data (G_OBJECT (dialog), "styr-until", until);
  g_object_set_data_full (G_OBJECT (dialog), "styr-assignment",
                          g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self, 0);
  styr_ui_form_check (dialog, ADW_ENTRY_ROW (until), styr_ui_check_required_date);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
person_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    StyrRolesPage    *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "styr-person");
  const char *rev = g_object_get_data (G_OBJECT (dialog), "styr-rev");
  const char *fields[] = { "name", "email", "phone", "unit" };
  GtkSwitch *left = g_object_get_data (G_OBJECT (dialog), "styr-left");
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), fields[i]);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

      if (text[0] != '\0')
        json_object_set_string_member (changes, fields[i], text);
      else if (!g_str_equal (fields[i], "name"))
        json_object_set_null_member (changes, fields[i]);
      else
        json_object_set_string_member (changes, fields[i], "");
    }
  json_object_set_boolean_member (changes, "active", !gtk_switch_get_active (left));

  if (!styr_person_save (self->store, id, rev, changes, styr_ui_author (), NULL, &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
show_person_dialog (StyrRolesPage *self,
                    const char    *id)
{
  g_autofree char *rev = NULL;
  g_autoptr(JsonObject) body = id != NULL ? styr_store_get (self->store, id, &rev, NULL) : NULL;
  const char *fields[] = { "name", "email", "phone", "unit" };
  const char *titles[] = { _("Name"), _("E-mail"), _("Phone"), _("Department") };
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *left_row = adw_action_row_new ();
  GtkWidget *left = gtk_switch_new ();
  AdwMessageDialog *dialog;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  dialog = styr_ui_form_dialog (GTK_WIDGET (self),
                                id != NULL ? _("Edit Person") : _("Add Person"),
                                id != NULL ? _("_Save") : _("_Add"), list);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = entry_row (titles[i],
                                  body != NULL
                                  ? json_object_get_string_member_with_default (body, fields[i], NULL)
                                  : NULL);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_object_set_data (G_OBJECT (dialog), fields[i], row);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (left_row), _("Has left"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (left_row),
                               _("The person’s roles show as vacant; the history keeps the name."));
  gtk_widget_set_valign (left, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (left), body != NULL &&
                               !json_object_get_boolean_member_with_default (body, "active", TRUE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (left_row), left);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (left_row), left);
  gtk_list_box_append (GTK_LIST_BOX (list), left_row);

  g_object_set_data (G_OBJECT (dialog), "styr-left", left);
  g_object_set_data_full (G_OBJECT (dialog), "styr-person", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "styr-rev", g_steal_pointer (&rev), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (person_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
add_role_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      StyrRolesPage    *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "styr-name");
  GtkEditable *duty = g_object_get_data (G_OBJECT (dialog), "styr-duty");
  const char *duties[] = { gtk_editable_get_text (duty), NULL };
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "accept") &&
      !styr_role_save_local (self->store, gtk_editable_get_text (name), NULL,
                             duties[0][0] != '\0' ? duties : NULL, styr_ui_author (), NULL,
                             &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
add_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StyrRolesPage *self = STYR_ROLES_PAGE (widget);
  GtkWidget *name = entry_row (_("Name"), NULL);
  GtkWidget *duty = entry_row (_("Responsible for"), NULL);
  AdwMessageDialog *dialog;

  dialog = styr_ui_form_dialog (widget, _("Add Own Role"), _("_Add"),
                                styr_ui_boxed_list (name, duty));
  g_object_set_data (G_OBJECT (dialog), "styr-name", name);
  g_object_set_data (G_OBJECT (dialog), "styr-duty", duty);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_role_response_cb), self, 0);
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

  roles = coverage (self, &error);
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
  const char *types[] = { "role", "person", "assignment" };

  G_OBJECT_CLASS (styr_roles_page_parent_class)->constructed (object);

  /* Borrowed from StyrPage, which holds them. */
  self->store = styr_page_get_store (STYR_PAGE (self));
  self->clock = styr_page_get_clock (STYR_PAGE (self));
  self->settings = styr_page_get_settings (STYR_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", types[i], NULL);

      g_signal_connect_object (self->store, signal, G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->store, "sync-marks-changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::max-roles-per-person",
                             G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/* A role opens with what it is responsible for, and gets the focus. */
static gboolean
styr_roles_page_select_record (StyrPage   *page,
                               const char *id)
{
  StyrRolesPage *self = STYR_ROLES_PAGE (page);
  GtkWidget *row;

  if (self->rebuild_source != 0)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild (self);
    }
  row = g_hash_table_lookup (self->role_rows, id);
  if (row == NULL)
    return FALSE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
  return TRUE;
}

static void
styr_roles_page_dispose (GObject *object)
{
  StyrRolesPage *self = (StyrRolesPage *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_ROLES_PAGE);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->role_rows, g_hash_table_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, StyrRolesPage, people_group);

  gtk_widget_class_install_action (widget_class, "roles.assign", "s", assign_action);
  gtk_widget_class_install_action (widget_class, "roles.set-address", "s", set_address_action);
  gtk_widget_class_install_action (widget_class, "roles.end-assignment", "s",
                                   end_assignment_action);
  gtk_widget_class_install_action (widget_class, "roles.add-person", NULL, add_person_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "roles.add-person", NULL);
  gtk_widget_class_install_action (widget_class, "roles.edit-person", "s", edit_person_action);
  gtk_widget_class_install_action (widget_class, "roles.add-role", NULL, add_role_action);
  gtk_widget_class_install_action (widget_class, "roles.export", NULL, export_action);
}

static void
styr_roles_page_init (StyrRolesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->role_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
}
