/* styr-agreements-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreements-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-agreement-actions.h"
#include "styr-agreement-review.h"
#include "styr-decision-dialog.h"
#include "styr-history-group.h"
#include "styr-trash-window.h"
#include "styr-usage-chart.h"
#include "styr-register-files.h"
#include "styr-agreement-editor.h"
#include "styr-agreements-page.h"
#include "styr-checklist-group.h"
#include "styr-page.h"
#include "styr-ui.h"
#include "styr-assignment.h"
#include "styr-column-sorter.h"
#include "styr-format.h"
#include "styr-json.h"
#include "styr-rules.h"

/* The register of service agreements: a column view over the store's lazy
 * list (search, state filter and sorting happen in the list, so 100 000
 * agreements never become 100 000 objects), and beside it the selected
 * agreement to edit, with its risks as the rules see them today.
 */
struct _StyrAgreementsPage
{
  StyrPage            parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *state_dropdown;
  GtkToggleButton    *needs_action_button;
  GtkDropDown        *supplier_dropdown;
  GtkDropDown        *service_dropdown;
  GtkRevealer        *summary_revealer;
  GtkLabel           *summary_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkStack           *detail_stack;
  GtkBox             *pejlemaerke_box;
  StyrAgreementEditor *editor;

  /* Owned */
  StyrStore          *store;
  StyrClock          *clock;
  StyrDocumentList   *list;
  GtkSingleSelection *selection;
  GHashTable         *service_names;
  GPtrArray          *assignments;
  /* The list is reloading after a store change: a selection it drops is
   * not the user leaving the agreement. */
  gboolean            reloading;
  StyrRegisterFiles  *files;
  char               *supplier_filter;
  char               *service_filter;
  gboolean            updating_filters;
  StyrRuleThresholds  thresholds;
  gint64              total;
  GSettings          *settings;
};

G_DEFINE_FINAL_TYPE (StyrAgreementsPage, styr_agreements_page, STYR_TYPE_PAGE)

/* The state filter's entries, in the order of the drop-down. */
static const char *filter_states[] = {
  NULL, "requested", "approved", "rejected", "expired", "terminated",
};

static void
load_assignments (StyrAgreementsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_ptr_array_set_size (self->assignments, 0);
  ids = styr_store_find_ids (self->store, "assignment", NULL, NULL, NULL, &error);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autofree char *rev = NULL;
      g_autoptr(JsonObject) body = styr_store_get (self->store, g_ptr_array_index (ids, i), &rev,
                                                   NULL);
      StyrRecord *record = body != NULL
                           ? styr_record_load (g_ptr_array_index (ids, i), rev, body) : NULL;

      if (record != NULL)
        g_ptr_array_add (self->assignments, record);
    }
  if (error != NULL)
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static void
load_service_names (StyrAgreementsPage *self)
{
  g_autoptr(GPtrArray) services = styr_store_get_all_of_type (self->store, "service", NULL);

  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      JsonObject *service = g_ptr_array_index (services, i);
      const char *code = json_object_get_string_member_with_default (service, "code", NULL);
      const char *name = json_object_get_string_member_with_default (service, "name", "");

      if (code != NULL)
        g_hash_table_insert (self->service_names, g_strdup (code), g_strdup (name));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static StyrRiskFlags
risks_of (StyrAgreementsPage *self,
          StyrAgreement      *agreement)
{
  GDate today;

  styr_clock_get_today (self->clock, &today);
  return styr_rules_agreement_risks (agreement, self->assignments, &today, &self->thresholds);
}

/* The first entry of the supplier and service drop-downs means any. */
static const char *
dropdown_choice (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;

  return gtk_string_object_get_string (item);
}

/* Needs action: still to decide, or anything the rules flag (expiring,
 * used after the end, overdue for review, a risk). */
static gboolean
needs_action (StyrAgreementsPage *self,
              StyrAgreement      *agreement)
{
  GDate today;

  styr_clock_get_today (self->clock, &today);
  return styr_rules_agreement_needs_action (agreement, self->assignments, &today,
                                            &self->thresholds);
}

static gboolean
agreement_shown (StyrRecord *record,
                 gpointer    user_data)
{
  StyrAgreementsPage *self = user_data;
  StyrAgreement *agreement = STYR_AGREEMENT (record);

  if (self->supplier_filter != NULL &&
      g_strcmp0 (styr_agreement_get_supplier (agreement), self->supplier_filter) != 0)
    return FALSE;

  if (self->service_filter != NULL)
    {
      g_auto(GStrv) services = styr_agreement_dup_services (agreement);

      if (services == NULL || !g_strv_contains ((const char * const *) services,
                                                self->service_filter))
        return FALSE;
    }

  return !gtk_toggle_button_get_active (self->needs_action_button) ||
         needs_action (self, agreement);
}

static void
set_choices (GtkDropDown *dropdown,
             const char  *any,
             GPtrArray   *values,
             const char  *keep)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, any);
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (values, i));
      if (g_strcmp0 (keep, g_ptr_array_index (values, i)) == 0)
        selected = i + 1;
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
}

/* The suppliers come from the agreements, the services from the
 * catalogue and the agreements both. */
static void
load_choices (StyrAgreementsPage *self)
{
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) services = g_ptr_array_new ();
  g_autofree char *supplier = g_strdup (self->supplier_filter);
  g_autofree char *service = g_strdup (self->service_filter);
  GHashTableIter iter;
  gpointer code;

  suppliers = styr_store_get_distinct_values (self->store, "agreement", "supplier", NULL);
  g_hash_table_iter_init (&iter, self->service_names);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    g_ptr_array_add (services, code);
  g_ptr_array_sort (services, (GCompareFunc) compare_strings);

  self->updating_filters = TRUE;
  set_choices (self->supplier_dropdown, _("All suppliers"), suppliers, supplier);
  set_choices (self->service_dropdown, _("All services"), services, service);
  self->updating_filters = FALSE;
}

static void
update_summary (StyrAgreementsPage *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gint64 total = self->total;
  gboolean needs = gtk_toggle_button_get_active (self->needs_action_button);
  gboolean filtering = styr_document_list_get_filtering (self->list) ||
                       styr_document_list_get_search_pending (self->list);
  gboolean filtered = selected > 0 || search[0] != '\0' || needs ||
                      styr_document_list_get_sorting (self->list) ||
                      self->supplier_filter != NULL || self->service_filter != NULL;

  g_string_append_printf (summary,
                          /* Translators: how many agreements the filters show, of all. */
                          ngettext ("Showing %u of %d agreement", "Showing %u of %d agreements",
                                    (gulong) total),
                          shown, (int) total);
  if (selected > 0)
    /* Translators: the state filter in the summary line, e.g. " · State: Approved". */
    g_string_append_printf (summary, _(" · State: %s"), styr_agreement_state_label (filter_states[selected]));
  if (search[0] != '\0')
    g_string_append_printf (summary, _(" · Search: “%s”"), search);
  if (needs)
    g_string_append (summary, _(" · Needs action"));
  if (filtering)
    /* Translators: while the filters are still going through the agreements. */
    g_string_append (summary, _(" · Still looking…"));
  if (styr_document_list_get_sorting (self->list))
    /* Translators: while the register works out the order by risk. */
    g_string_append (summary, _(" · Sorting by risk…"));
  if (self->supplier_filter != NULL)
    /* Translators: the supplier filter in the summary line. */
    g_string_append_printf (summary, _(" · Supplier: %s"), self->supplier_filter);
  if (self->service_filter != NULL)
    /* Translators: the service filter in the summary line. */
    g_string_append_printf (summary, _(" · Service: %s"), self->service_filter);

  gtk_label_set_label (self->summary_label, summary->str);
  gtk_revealer_set_reveal_child (self->summary_revealer, filtered);

  if (shown > 0 || filtering)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, filtered ? "no-results" : "empty");
}

/* The steps the agreement on screen can take, as its state allows. */
static void
update_actions (StyrAgreementsPage *self)
{
  StyrAgreement *current = styr_agreement_editor_get_agreement (self->editor);
  const char *state = current != NULL ? styr_agreement_get_state (current) : NULL;
  gboolean requested = g_strcmp0 (state, "requested") == 0;
  gboolean approved = g_strcmp0 (state, "approved") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.save", current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.delete", current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.approve", requested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.export-review",
                                 current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.reject", requested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.terminate", approved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreements.renew",
                                 approved || g_strcmp0 (state, "expired") == 0);
}

/* The detail pane shows the editor while it has an agreement. */
static void
show_detail (StyrAgreementsPage *self)
{
  gboolean editing = styr_agreement_editor_get_agreement (self->editor) != NULL;

  if (editing || g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack),
                            "agreement") == 0)
    gtk_stack_set_visible_child_name (self->detail_stack, editing ? "agreement" : "none");
  update_actions (self);
}

static void
selection_changed_cb (StyrAgreementsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  /* Dropped by a reload: the form stays, focus, cursor and all, until the
   * agreement is selected again. */
  if (item == NULL && self->reloading && styr_agreement_editor_get_stored (self->editor) != NULL)
    return;

  /* What was typed into the agreement being left goes with it. */
  styr_agreement_editor_show (self->editor, item != NULL ? STYR_AGREEMENT (item) : NULL);
  show_detail (self);
  if (item != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
select_id (StyrAgreementsPage *self,
           const char         *id)
{
  guint position = styr_document_list_find (self->list, id);

  styr_ui_show_all_rows (gtk_single_selection_get_model (self->selection));
  if (position != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, position);
}

/* The Risk column's sort key, as the cell shows it. */
static int
risk_count (StyrRecord *record,
            gpointer    user_data)
{
  return styr_risk_flags_count (risks_of (user_data, STYR_AGREEMENT (record)));
}

static void
sorter_changed_cb (StyrAgreementsPage *self)
{
  g_autofree char *field = NULL;
  g_autoptr(GError) error = NULL;
  gboolean by_risk;

  /* Disposing the view removes its columns, which changes its sorter. */
  if (self->column_view == NULL || self->list == NULL)
    return;

  field = styr_column_sorter_sort_field (gtk_column_view_get_sorter (self->column_view));
  by_risk = field != NULL && g_str_equal (field + (field[0] == '-'), "risk");

  /* Risk depends on today, so the store cannot sort by it; the list
   * orders by the count of flags, by using system within each count. */
  if (!by_risk)
    styr_document_list_set_sort_key (self->list, NULL, FALSE, NULL, NULL);
  if (!styr_document_list_set_sort_field (self->list,
                                          field != NULL && !by_risk ? field : "using_system",
                                          &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
  if (by_risk)
    styr_document_list_set_sort_key (self->list, risk_count, field[0] == '-', self, NULL);
}

/* The first search reads every agreement's texts; that starts in the
 * background as soon as the search field has the focus, and a search
 * typed before they are in waits for them, not the window. */
static void
search_focus_cb (StyrAgreementsPage *self)
{
  styr_document_list_prefetch_search (self->list);
}

static void
search_changed_cb (StyrAgreementsPage *self)
{
  styr_document_list_request_search (self->list,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_summary (self);
}

static void
state_changed_cb (StyrAgreementsPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);
  const char *state = selected < G_N_ELEMENTS (filter_states) ? filter_states[selected] : NULL;

  if (!styr_document_list_set_filter (self->list, state != NULL ? "state" : NULL, state, &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
  update_summary (self);
}

static void
filters_changed_cb (StyrAgreementsPage *self)
{
  gboolean any;

  if (self->updating_filters || self->list == NULL)
    return;

  g_free (self->supplier_filter);
  g_free (self->service_filter);
  self->supplier_filter = g_strdup (dropdown_choice (self->supplier_dropdown));
  self->service_filter = g_strdup (dropdown_choice (self->service_dropdown));

  /* Without these filters the list need not look at any record. */
  any = gtk_toggle_button_get_active (self->needs_action_button) ||
        self->supplier_filter != NULL || self->service_filter != NULL;
  styr_document_list_set_predicate (self->list, any ? agreement_shown : NULL, self, NULL);
  update_summary (self);
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                StyrAgreementsPage       *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
set_cell (GtkListItem *item,
          const char  *text)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static StyrAgreement *
item_agreement (GtkListItem *item)
{
  return STYR_AGREEMENT (gtk_list_item_get_item (item));
}

static void
using_system_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      StyrAgreementsPage       *self)
{
  set_cell (item, styr_agreement_get_using_system (item_agreement (item)));
}

static void
supplier_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  StyrAgreementsPage       *self)
{
  set_cell (item, styr_agreement_get_supplier (item_agreement (item)));
}

static void
services_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  StyrAgreementsPage       *self)
{
  g_auto(GStrv) services = styr_agreement_dup_services (item_agreement (item));
  g_autofree char *text = services != NULL ? g_strjoinv (", ", services) : NULL;
  g_autoptr(GString) tooltip = g_string_new (NULL);

  /* The SF codes are what KOMBIT shows; their names come on hover. */
  for (guint i = 0; services != NULL && services[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (self->service_names, services[i]);

      if (tooltip->len > 0)
        g_string_append_c (tooltip, '\n');
      g_string_append_printf (tooltip, "%s %s", services[i], name != NULL ? name : "");
    }

  set_cell (item, text);
  styr_ui_set_tooltip (gtk_list_item_get_child (item), tooltip->str);
}

static void
data_scope_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    StyrAgreementsPage       *self)
{
  set_cell (item, styr_record_get_string (STYR_RECORD (item_agreement (item)), "data_scope"));
}

static void
period_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                StyrAgreementsPage       *self)
{
  StyrRecord *record = STYR_RECORD (item_agreement (item));
  g_autofree char *from = styr_date_to_user (styr_record_get_string (record, "valid_from"));
  g_autofree char *to = styr_date_to_user (styr_record_get_string (record, "valid_to"));
  g_autofree char *text = NULL;

  /* Translators: an agreement's period, "from – to". */
  text = g_strdup_printf (_("%s – %s"), from, to[0] != '\0' ? to : _("open-ended"));
  set_cell (item, text);
}

static void
show_state (GtkListItem   *item,
            StyrAgreement *agreement)
{
  g_autofree char *text = NULL;

  text = styr_ui_mark_sync (STYR_RECORD (agreement),
                            styr_agreement_state_label (styr_agreement_get_state (agreement)));
  set_cell (item, text);
}

/* The server confirmed the agreement, or sync left two versions: the
 * cell says so, while it still shows that agreement. */
static void
marks_changed_cb (StyrAgreement *agreement,
                  GParamSpec    *pspec,
                  GtkListItem   *item)
{
  if (item_agreement (item) != agreement)
    {
      g_signal_handlers_disconnect_by_func (agreement, marks_changed_cb, item);
      return;
    }
  show_state (item, agreement);
}

static void
state_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               StyrAgreementsPage       *self)
{
  StyrAgreement *agreement = item_agreement (item);

  show_state (item, agreement);
  g_signal_handlers_disconnect_by_func (agreement, marks_changed_cb, item);
  g_signal_connect_object (agreement, "notify::pending", G_CALLBACK (marks_changed_cb), item, 0);
  g_signal_connect_object (agreement, "notify::conflicted", G_CALLBACK (marks_changed_cb), item, 0);
}

static void
next_review_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     StyrAgreementsPage       *self)
{
  g_autofree char *text = styr_date_to_user (styr_record_get_string (STYR_RECORD (item_agreement (item)),
                                                               "next_review"));
  set_cell (item, text);
}

static void
risk_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               StyrAgreementsPage       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risks"), -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
risk_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StyrAgreementsPage       *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  guint count = risk_count (STYR_RECORD (item_agreement (item)), self);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  /* The number beside the icon says it without colour. */
  text = count > 0 ? g_strdup_printf ("%u", count) : NULL;
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (icon, count > 0);
  tooltip = count > 0 ? g_strdup_printf (ngettext ("%u risk flag", "%u risk flags", count), count)
                      : NULL;
  styr_ui_set_tooltip (box, tooltip);
}

/* Pejlemærke 3 is about the whole register, so it has the detail pane to
 * itself until an agreement is chosen. */
static void
show_pejlemaerke_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (widget);

  /* Unselected, so that any agreement, the last one too, opens again. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->detail_stack, "pejlemaerke");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  styr_agreement_editor_show_draft (self->editor);
  show_detail (self);
}

/* Whether @id is Pejlemærke 3 or one of its items, which stand here. */
static gboolean
is_shown_here (StyrAgreementsPage *self,
               const char         *id)
{
  g_autoptr(JsonObject) body = styr_store_get (self->store, id, NULL, NULL);
  g_autofree char *checklist_id = NULL;
  g_autoptr(JsonObject) checklist = NULL;

  if (body == NULL)
    return FALSE;
  if (g_str_has_prefix (id, "checklist:"))
    return g_strcmp0 (styr_json_get_string (body, "styr_shown_with", NULL), "agreements") == 0;
  if (!g_str_has_prefix (id, "checklist-item:"))
    return FALSE;
  checklist_id = g_strconcat ("checklist:", styr_json_get_string (body, "checklist", ""), NULL);
  checklist = styr_store_get (self->store, checklist_id, NULL, NULL);
  return checklist != NULL &&
         g_strcmp0 (styr_json_get_string (checklist, "styr_shown_with", NULL), "agreements") == 0;
}

static gboolean
styr_agreements_page_select_record (StyrPage   *page,
                                    const char *id)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (page);

  if (g_str_has_prefix (id, "agreement:"))
    {
      /* One the filters hide is shown: the user asked for it. */
      if (styr_document_list_find (self->list, id) == G_MAXUINT)
        gtk_widget_activate_action (GTK_WIDGET (self), "agreements.clear-filters", NULL);
      select_id (self, id);
      return TRUE;
    }
  if (!is_shown_here (self, id))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "agreements.show-pejlemaerke", NULL);
  return TRUE;
}

static void
styr_agreements_page_save_edits (StyrPage *page)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (page);

  styr_agreement_editor_save (self->editor, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  styr_agreement_editor_save (STYR_AGREEMENTS_PAGE (widget)->editor, FALSE);
}

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (widget);
  StyrTrashWindow *trash;

  trash = styr_trash_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                 "agreement", styr_ui_author ());
  gtk_window_set_title (GTK_WINDOW (trash), _("Deleted Agreements"));
  gtk_window_present (GTK_WINDOW (trash));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;

  StyrAgreement *current;

  /* Undo brings back what was typed last, too. */
  styr_page_save_edits (STYR_PAGE (self));
  if ((current = styr_agreement_editor_get_stored (self->editor)) == NULL)
    return;

  /* The write reaches the list at once and clears the selection, so take
   * what the toast needs first. A deletion keeps the history and can be
   * undone from the toast. */
  id = g_strdup (styr_record_get_id (STYR_RECORD (current)));
  /* Translators: a toast after deleting, with the using system's name. */
  title = g_strdup_printf (_("“%s” was deleted"), styr_agreement_get_using_system (current));
  if (!styr_store_delete (self->store, id, styr_record_get_rev (STYR_RECORD (current)),
                          styr_ui_author (), NULL, &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  styr_ui_toast (GTK_WIDGET (self), title, TRUE);
}

static void
decided_cb (StyrAgreementsPage *self,
            const char         *id,
            const GError       *error)
{
  if (error != NULL)
    styr_ui_show_error (GTK_WIDGET (self), error);
  select_id (self, id);
}

/* Asks before a step of the lifecycle of the agreement on screen. */
static void
ask (StyrAgreementsPage *self,
     StyrDecision        decision)
{
  StyrDecisionDialog *dialog;
  StyrAgreement *current;

  /* The decision counts the answers on screen, saved or not. */
  styr_page_save_edits (STYR_PAGE (self));
  if ((current = styr_agreement_editor_get_stored (self->editor)) == NULL)
    return;

  dialog = styr_decision_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     self->store, self->clock, current, decision,
                                     styr_ui_author (), self->thresholds.review_interval_months);
  g_signal_connect_object (dialog, "decided", G_CALLBACK (decided_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  StyrAgreementsPage *self;
  char               *id;
} ReviewExport;

static void
review_export_free (gpointer data,
                    GClosure *closure)
{
  ReviewExport *export = data;

  g_object_unref (export->self);
  g_free (export->id);
  g_free (export);
}

static void
review_saved_cb (GtkNativeDialog *chooser,
                 int              response,
                 ReviewExport    *export)
{
  StyrAgreementsPage *self = export->self;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrRecord) agreement = NULL;
  g_autoptr(StyrRuleContext) context = NULL;
  g_autoptr(StyrReport) report = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || self->store == NULL)
    return;

  path = g_file_get_path (file);
  agreement = styr_record_read (self->store, export->id);
  context = styr_page_dup_rule_context (STYR_PAGE (self));
  if (agreement == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The agreement was deleted before its review was saved."));
  else if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("The review can only be saved to a folder on this computer."));
  else
    report = styr_agreement_review_report_new (self->store, STYR_AGREEMENT (agreement), context,
                                               STYR_REPORT_A4_WIDTH, STYR_REPORT_A4_HEIGHT,
                                               &error);
  if (report == NULL || !styr_report_write_pdf (report, path, NULL, &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: %s is the PDF file's name. */
    g_autofree char *message = g_strdup_printf (_("The review was saved as “%s”"), name);

    styr_ui_toast (GTK_WIDGET (self), message, FALSE);
  }
}

/* Saves the review of the selected agreement as a PDF, for the approver
 * to file what was asked and answered. */
static void
export_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  ReviewExport *export;
  StyrAgreement *current;

  styr_page_save_edits (STYR_PAGE (self));
  if ((current = styr_agreement_editor_get_stored (self->editor)) == NULL)
    return;

  /* Translators: the suggested file name of an agreement's review; %s is
   * its using system. */
  name = g_strdup_printf (_("Review of %s.pdf"),
                          styr_agreement_get_using_system (current));
  g_strdelimit (name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Export Review as PDF"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  export = g_new0 (ReviewExport, 1);
  export->self = g_object_ref (self);
  export->id = g_strdup (styr_record_get_id (STYR_RECORD (current)));
  g_signal_connect_data (chooser, "response", G_CALLBACK (review_saved_cb), export,
                         review_export_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask (STYR_AGREEMENTS_PAGE (widget), STYR_DECISION_APPROVE);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ask (STYR_AGREEMENTS_PAGE (widget), STYR_DECISION_REJECT);
}

static void
terminate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ask (STYR_AGREEMENTS_PAGE (widget), STYR_DECISION_TERMINATE);
}

static void
renew_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ask (STYR_AGREEMENTS_PAGE (widget), STYR_DECISION_RENEW);
}

static void
files_changed_cb (StyrAgreementsPage *self)
{
  styr_agreement_editor_refresh (self->editor);
}

/* The file flows are StyrRegisterFiles's; the page holds the actions. */
static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (widget);

  if (g_str_equal (action_name, "agreements.import"))
    styr_register_files_import (self->files);
  else if (g_str_equal (action_name, "agreements.import-usage"))
    styr_register_files_import_usage (self->files);
  else
    styr_register_files_export (self->files);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_toggle_button_set_active (self->needs_action_button, FALSE);
  gtk_drop_down_set_selected (self->supplier_dropdown, 0);
  gtk_drop_down_set_selected (self->service_dropdown, 0);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StyrAgreementsPage *self = STYR_AGREEMENTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
load_thresholds (StyrAgreementsPage *self)
{
  g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));

  self->thresholds = context->thresholds;
}

/* A threshold changed in Preferences: the flags, the "needs action"
 * filter and the open agreement are measured again. */
static void
settings_changed_cb (StyrAgreementsPage *self,
                     const char         *key)
{
  if (!g_str_has_prefix (key, "agreement-"))
    return;

  load_thresholds (self);
  styr_document_list_refilter (self->list);
  styr_agreement_editor_set_rules (self->editor, self->assignments, &self->thresholds);
}

static void
assignments_changed_cb (StyrAgreementsPage *self)
{
  load_assignments (self);
  styr_document_list_refilter (self->list);
}

static void
agreements_changed_cb (StyrAgreementsPage *self)
{
  /* Once per change, not per items-changed (a filter emits one per step);
   * connected before the list, so the count is new when it reloads. */
  self->total = styr_store_count_of_type (self->store, "agreement", NULL);
  load_choices (self);
  self->reloading = TRUE;
}

/* A change made elsewhere, by undo, sync or an import, reloads the list
 * and drops its selection; the agreement the form showed comes back, with
 * its new content, unless it is gone. */
static void
keep_selection_cb (StyrAgreementsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);
  const char *shown = styr_agreement_editor_get_shown_id (self->editor);

  self->reloading = FALSE;
  if (styr_agreement_editor_is_draft (self->editor) || shown == NULL ||
      (item != NULL && g_strcmp0 (styr_record_get_id (STYR_RECORD (item)), shown) == 0))
    return;
  if (styr_document_list_find (self->list, shown) != G_MAXUINT)
    select_id (self, shown);
  else if (item == NULL && styr_agreement_editor_get_agreement (self->editor) != NULL)
    {
      /* Gone, deleted here or by a colleague: the form says so. */
      styr_agreement_editor_show (self->editor, NULL);
      show_detail (self);
    }
}

static void
list_error_cb (StyrAgreementsPage *self)
{
  GError *error = NULL;

  g_object_get (self->list, "load-error", &error, NULL);
  if (error != NULL)
    styr_ui_show_error (GTK_WIDGET (self), error);
  g_clear_error (&error);
}

/* The view gets its rows when the page is first shown: on another page,
 * making and measuring a screenful of hidden rows would hold up the
 * window's first frame. */
static void
show_rows (StyrAgreementsPage *self)
{
  if (gtk_column_view_get_model (self->column_view) == NULL)
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

static void
styr_agreements_page_constructed (GObject *object)
{
  StyrAgreementsPage *self = (StyrAgreementsPage *)object;

  G_OBJECT_CLASS (styr_agreements_page_parent_class)->constructed (object);

  /* Borrowed from StyrPage, which holds them. */
  self->store = styr_page_get_store (STYR_PAGE (self));
  self->clock = styr_page_get_clock (STYR_PAGE (self));
  self->settings = styr_page_get_settings (STYR_PAGE (self));

  load_thresholds (self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                             G_CONNECT_SWAPPED);
  load_service_names (self);
  load_assignments (self);
  styr_agreement_editor_setup (self->editor, self->store, self->clock);
  styr_agreement_editor_set_rules (self->editor, self->assignments, &self->thresholds);
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (select_id), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::agreement", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  /* Pejlemærke 3 is about the agreements, so it stands beside them. */
  gtk_box_append (self->pejlemaerke_box, styr_checklist_group_new (self->store, self->clock, "agreements"));
  g_signal_connect_object (self->store, "documents-changed::assignment",
                           G_CALLBACK (assignments_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed::agreement",
                           G_CALLBACK (agreements_changed_cb), self, G_CONNECT_SWAPPED);

  self->list = g_object_new (STYR_TYPE_DOCUMENT_LIST,
                             "store", self->store,
                             "doc-type", "agreement",
                             "sort-field", "using_system",
                             NULL);
  /* After the list has reloaded: the agreement on screen stays selected. */
  g_signal_connect_object (self->store, "documents-changed::agreement",
                           G_CALLBACK (keep_selection_cb), self, G_CONNECT_SWAPPED);
  self->files = styr_register_files_new (GTK_WIDGET (self), self->store, self->list);
  g_signal_connect_object (self->files, "changed", G_CALLBACK (files_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Unfiltered yet, the list holds every agreement: no need to count
   * 100 000 of them again. */
  self->total = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  list_error_cb (self);
  g_signal_connect_object (self->list, "notify::load-error", G_CALLBACK (list_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::filtering", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::sorting", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (styr_ui_first_rows (GTK_WIDGET (self->column_view),
                                                                  g_object_ref (G_LIST_MODEL (self->list))));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (show_rows), NULL);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  load_choices (self);
  selection_changed_cb (self);
  update_summary (self);
}

static void
styr_agreements_page_dispose (GObject *object)
{
  StyrAgreementsPage *self = (StyrAgreementsPage *)object;

  /* Tearing the widgets down emits their signals; the filters and the
   * form must not react any more. */
  self->updating_filters = TRUE;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* The leaflet is both a template child and the bin's child: let the bin
   * drop it first, so it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_AGREEMENTS_PAGE);

  g_clear_object (&self->selection);
  if (self->list != NULL)
    styr_document_list_set_predicate (self->list, NULL, NULL, NULL);
  g_clear_object (&self->list);
  self->clock = NULL;
  self->settings = NULL;
  self->store = NULL;
  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_object (&self->files);
  g_clear_pointer (&self->supplier_filter, g_free);
  g_clear_pointer (&self->service_filter, g_free);

  G_OBJECT_CLASS (styr_agreements_page_parent_class)->dispose (object);
}

static void
styr_agreements_page_class_init (StyrAgreementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = styr_agreements_page_constructed;
  object_class->dispose = styr_agreements_page_dispose;
  STYR_PAGE_CLASS (klass)->save_edits = styr_agreements_page_save_edits;
  STYR_PAGE_CLASS (klass)->select_record = styr_agreements_page_select_record;

  /* Where the thresholds come from; without it the rules use their defaults. */
  g_type_ensure (STYR_TYPE_COLUMN_SORTER);
  g_type_ensure (STYR_TYPE_USAGE_CHART);
  g_type_ensure (STYR_TYPE_HISTORY_GROUP);
  g_type_ensure (STYR_TYPE_AGREEMENT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-agreements-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, StyrAgreementsPage, name)
  CHILD (leaflet);
  CHILD (search_entry);
  CHILD (state_dropdown);
  CHILD (needs_action_button);
  CHILD (supplier_dropdown);
  CHILD (service_dropdown);
  CHILD (summary_revealer);
  CHILD (summary_label);
  CHILD (list_stack);
  CHILD (column_view);
  CHILD (detail_stack);
  CHILD (pejlemaerke_box);
  CHILD (editor);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_focus_cb);
  gtk_widget_class_bind_template_callback (widget_class, state_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, using_system_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, supplier_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, services_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, data_scope_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, state_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_review_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, risk_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, risk_bind_cb);

  gtk_widget_class_install_action (widget_class, "agreements.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "agreements.show-pejlemaerke", NULL,
                                   show_pejlemaerke_action);
  gtk_widget_class_install_action (widget_class, "agreements.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "agreements.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "agreements.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "agreements.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "agreements.export-review", NULL,
                                   export_review_action);
  gtk_widget_class_install_action (widget_class, "agreements.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "agreements.terminate", NULL, terminate_action);
  gtk_widget_class_install_action (widget_class, "agreements.renew", NULL, renew_action);
  gtk_widget_class_install_action (widget_class, "agreements.import", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "agreements.import-usage", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "agreements.export", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "agreements.show-trash", NULL,
                                   show_trash_action);
  gtk_widget_class_install_action (widget_class, "agreements.focus-search", NULL,
                                   focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "agreements.delete", NULL);
  STYR_PAGE_CLASS (klass)->new_action = "agreements.new";
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "agreements.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "agreements.save", NULL);
}

static void
styr_agreements_page_init (StyrAgreementsPage *self)
{
  self->service_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->assignments = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * styr_agreements_page_get_list:
 * @self: a #StyrAgreementsPage
 *
 * Returns: (transfer none): the list the page shows
 */
StyrDocumentList *
styr_agreements_page_get_list (StyrAgreementsPage *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENTS_PAGE (self), NULL);

  return self->list;
}
