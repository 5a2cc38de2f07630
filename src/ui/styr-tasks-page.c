/* styr-tasks-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-checklist-actions.h"
#include "styr-document-list.h"
#include "styr-national-bar.h"
#include "styr-role-actions.h"
#include "styr-rules.h"
#include "styr-meeting-actions.h"
#include "styr-task-actions.h"
#include "styr-task-detail.h"
#include "styr-tasks-page.h"
#include "styr-page.h"
#include "styr-trash-window.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrTasksPage lists the KLIK tasks grouped by project, in a
 * GtkTreeListModel whose roots are the projects and whose children are
 * one lazy StyrDocumentList per project, so thousands of tasks never
 * build thousands of widgets. The filters run as the lists' predicate;
 * a project with nothing to show is left out. The municipality's own
 * status lives in task-state documents, kept here by task id, so a
 * status change redraws the rows on screen without reloading a list.
 */
struct _StyrTasksPage
{
  StyrPage            parent_instance;

  StyrStore          *store;
  StyrClock          *clock;

  GtkStringList      *projects;
  GHashTable         *children;
  GtkCustomFilter    *root_filter;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GHashTable         *states;
  GHashTable         *role_names;
  /* Who holds each role today, by its key; read when roles, people or
   * assignments change, so that no row asks the store. */
  GHashTable         *role_holders;
  /* Checklist item id → whether it is done, for the tasks that wait for
   * one: read once per change, never while a row is drawn. */
  GHashTable         *items_done;
  GHashTable         *bound;
  GPtrArray          *people;
  StyrRuleThresholds  thresholds;

  /* The filters, as the predicate reads them. */
  char               *search;
  char               *project;
  const char         *status;
  const char         *kind;
  guint               due;
  char               *person;
  GDate               today;
  /* The last day of "before the meeting", a meeting's if by_meeting */
  GDate               next_meeting;
  gboolean            by_meeting;

  char               *selected_id;
  char               *pending_select;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *project_dropdown;
  GtkStringList      *project_list;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *due_dropdown;
  GtkDropDown        *person_dropdown;
  GtkStringList      *person_list;
  GtkRevealer        *summary_revealer;
  GtkLabel           *summary_label;
  GtkColumnView      *column_view;
  GtkStack           *detail_stack;
  StyrTaskDetail     *detail;
};

G_DEFINE_FINAL_TYPE (StyrTasksPage, styr_tasks_page, STYR_TYPE_PAGE)

/* The drop-downs' entries, in their order. */
static const char *filter_statuses[] = { NULL, "not-started", "started", "completed" };
static const char *filter_kinds[] = { NULL, "mandatory", "recommended" };
enum { DUE_ANY, DUE_OVERDUE, DUE_SOON, DUE_BEFORE_MEETING };

typedef void (*BindFunc) (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          StyrTasksPage            *self);

static StyrTaskState *
state_of (StyrTasksPage *self,
          StyrTask      *task)
{
  return g_hash_table_lookup (self->states, styr_record_get_id (STYR_RECORD (task)));
}

static const char *
status_of (StyrTasksPage *self,
           StyrTask      *task)
{
  StyrTaskState *state = state_of (self, task);
  const char *status = state != NULL ? styr_task_state_get_status (state) : NULL;

  return status != NULL ? status : "not-started";
}

static const char *
state_field (StyrTasksPage *self,
             StyrTask      *task,
             const char    *field)
{
  StyrTaskState *state = state_of (self, task);

  return state != NULL ? styr_record_get_string (STYR_RECORD (state), field) : NULL;
}

static gboolean
contains_folded (const char *text,
                 const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
matches_search (StyrTasksPage *self,
                StyrTask      *task)
{
  g_auto(GStrv) notes = NULL;

  if (self->search == NULL)
    return TRUE;

  if (contains_folded (styr_task_get_title (task), self->search) ||
      contains_folded (styr_record_get_string (STYR_RECORD (task), "code"), self->search) ||
      contains_folded (state_field (self, task, "notes"), self->search))
    return TRUE;

  notes = styr_record_dup_strv (STYR_RECORD (task), "notes");
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    if (contains_folded (notes[i], self->search))
      return TRUE;

  return FALSE;
}

static gboolean
matches_due (StyrTasksPage *self,
             StyrTask      *task)
{
  StyrTaskState *state = state_of (self, task);

  switch (self->due)
    {
    case DUE_OVERDUE:
      return styr_rules_task_overdue (task, state, &self->today);

    case DUE_SOON:
      return styr_rules_task_due_soon (task, state, &self->today, &self->thresholds);

    case DUE_BEFORE_MEETING:
      return styr_rules_task_due_by (task, state, &self->next_meeting);

    case DUE_ANY:
    default:
      return TRUE;
    }
}

static gboolean
task_shown (StyrRecord *record,
            gpointer    user_data)
{
  StyrTasksPage *self = user_data;
  StyrTask *task = STYR_TASK (record);

  if (self->status != NULL && g_strcmp0 (status_of (self, task), self->status) != 0)
    return FALSE;
  if (self->kind != NULL && g_strcmp0 (styr_task_get_kind (task), self->kind) != 0)
    return FALSE;
  if (self->person != NULL &&
      g_strcmp0 (state_field (self, task, "responsible"), self->person) != 0 &&
      g_strcmp0 (state_field (self, task, "doer"), self->person) != 0)
    return FALSE;

  return matches_due (self, task) && matches_search (self, task);
}

/* Mandatory tasks before recommended ones (DOMAIN.md §8), each by
 * deadline, those without one last. */
static int
task_key (StyrRecord *record,
          gpointer    user_data)
{
  StyrTask *task = STYR_TASK (record);
  GDate deadline;
  int key = g_strcmp0 (styr_task_get_kind (task), "recommended") == 0 ? 10000000 : 0;

  return key + (styr_task_get_deadline (task, &deadline)
                ? (int) g_date_get_julian (&deadline) : 9999999);
}

/* Whether the lists must ask each task; the project filter works on the
 * groups instead. */
static gboolean
needs_predicate (StyrTasksPage *self)
{
  return self->search != NULL || self->status != NULL || self->kind != NULL ||
         self->due != DUE_ANY || self->person != NULL;
}

static gboolean
any_filter (StyrTasksPage *self)
{
  return self->search != NULL || self->project != NULL || self->status != NULL ||
         self->kind != NULL || self->due != DUE_ANY || self->person != NULL;
}

static void
update_summary (StyrTasksPage *self)
{
  g_autofree char *text = NULL;
  guint shown = 0;
  gboolean filtering = FALSE;
  GHashTableIter iter;
  gpointer list;

  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    {
      shown += g_list_model_get_n_items (list);
      filtering |= styr_document_list_get_filtering (list);
    }

  if (filtering)
    text = g_strdup (_("Still looking…"));
  else if (shown == 0)
    text = g_strdup (_("No task matches the filters."));
  else if (self->due == DUE_BEFORE_MEETING && self->by_meeting)
    {
      char iso[11];
      g_autofree char *date = NULL;

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &self->next_meeting);
      date = styr_date_to_user (iso);
      /* Translators: %u tasks are due by the next programme-leader meeting on %s. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u task is due by the next programme-leader meeting on %s",
                                           "%u tasks are due by the next programme-leader meeting on %s",
                                           shown), shown, date);
    }
  else
    /* Translators: how many tasks the filters leave. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task matches the filters",
                                         "%u tasks match the filters", shown), shown);

  gtk_label_set_text (self->summary_label, text);
  gtk_revealer_set_reveal_child (self->summary_revealer, any_filter (self));
}

static StyrDocumentList *child_list (StyrTasksPage *self,
                                     const char    *project);

static gboolean
root_shown (gpointer item,
            gpointer user_data)
{
  StyrTasksPage *self = user_data;
  const char *project = gtk_string_object_get_string (item);
  StyrDocumentList *list;

  if (self->project != NULL && g_strcmp0 (project, self->project) != 0)
    return FALSE;

  list = child_list (self, project);
  return (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0 ||
          styr_document_list_get_filtering (list));
}

static void
select_pending (StyrTasksPage *self)
{
  guint n;

  if (self->pending_select == NULL || self->tree == NULL)
    return;

  styr_ui_show_all_rows (gtk_single_selection_get_model (self->selection));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      gpointer item = gtk_tree_list_row_get_item (row);

      if (STYR_IS_TASK (item) &&
          g_strcmp0 (styr_record_get_id (item), self->pending_select) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          g_clear_pointer (&self->pending_select, g_free);
          g_object_unref (item);
          return;
        }
      g_clear_object (&item);
    }
}

static void
child_changed_cb (StyrTasksPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->root_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
  select_pending (self);
}

static StyrDocumentList *
child_list (StyrTasksPage *self,
            const char    *project)
{
  StyrDocumentList *list = g_hash_table_lookup (self->children, project);
  g_autoptr(GError) error = NULL;

  if (list != NULL)
    return list;

  list = g_object_new (STYR_TYPE_DOCUMENT_LIST,
                       "store", self->store,
                       "doc-type", "task",
                       "filter-field", "project",
                       "filter-value", project,
                       NULL);
  g_object_get (list, "load-error", &error, NULL);
  if (error != NULL)
    styr_ui_show_error (GTK_WIDGET (self), error);
  styr_document_list_set_sort_key (list, task_key, FALSE, NULL, NULL);
  if (needs_predicate (self))
    styr_document_list_set_predicate (list, task_shown, self, NULL);
  g_signal_connect_object (list, "items-changed", G_CALLBACK (child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::filtering", G_CALLBACK (child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_insert (self->children, g_strdup (project), list);
  return list;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  StyrTasksPage *self = user_data;

  if (!GTK_IS_STRING_OBJECT (item))
    return NULL;

  return g_object_ref (G_LIST_MODEL (child_list (self, gtk_string_object_get_string (item))));
}

static void
replace_strings (GtkStringList *list,
                 guint          keep,
                 GPtrArray     *strings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, keep, n - keep, (const char * const *) strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
}

static void
load_projects (StyrTasksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->projects));
  gboolean same = TRUE;

  projects = styr_store_get_distinct_values (self->store, "task", "project", &error);
  if (projects == NULL)
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  same = projects->len == n;
  for (guint i = 0; same && i < n; i++)
    same = g_str_equal (g_ptr_array_index (projects, i),
                        gtk_string_list_get_string (self->projects, i));
  if (same)
    return;

  replace_strings (self->projects, 0, projects);
  replace_strings (self->project_list, 1, projects);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
load_people (StyrTasksPage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer state;

  g_hash_table_iter_init (&iter, self->states);
  while (g_hash_table_iter_next (&iter, NULL, &state))
    {
      const char *fields[] = { "responsible", "doer" };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const char *name = styr_record_get_string (state, fields[i]);

          if (name != NULL && name[0] != '\0' && g_hash_table_add (seen, (gpointer) name))
            g_ptr_array_add (people, (gpointer) name);
        }
    }
  g_ptr_array_sort (people, compare_names);

  /* Only when the names changed, so the chosen one stays chosen. */
  if (people->len + 1 == g_list_model_get_n_items (G_LIST_MODEL (self->person_list)))
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < people->len; i++)
        same = g_str_equal (g_ptr_array_index (people, i),
                            gtk_string_list_get_string (self->person_list, i + 1));
      if (same)
        return;
    }
  replace_strings (self->person_list, 1, people);
}

/* Reads the states of @ids ("task-state:KEY"), keeping each under its
 * task's id; a state that is gone is forgotten. */
static void
load_state_ids (StyrTasksPage      *self,
                const char * const *ids,
                guint               n_ids)
{
  for (guint i = 0; i < n_ids; i++)
    {
      const char *id = ids[i];
      const char *colon = strchr (id, ':');
      g_autofree char *rev = NULL;
      g_autoptr(JsonObject) body = styr_store_get (self->store, id, &rev, NULL);
      StyrRecord *state = body != NULL ? styr_record_load (id, rev, body) : NULL;

      if (colon == NULL)
        continue;
      if (state != NULL && STYR_IS_TASK_STATE (state))
        g_hash_table_insert (self->states, g_strconcat ("task", colon, NULL), state);
      else
        {
          g_autofree char *task_id = g_strconcat ("task", colon, NULL);

          g_hash_table_remove (self->states, task_id);
          g_clear_object (&state);
        }
    }
}

static void
load_states (StyrTasksPage *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->states);
  ids = styr_store_find_ids (self->store, "task-state", NULL, NULL, NULL, &error);
  if (ids == NULL)
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  load_state_ids (self, (const char * const *) ids->pdata, ids->len);
}

/* Which checklist items are done, by the one rule the ØiR page uses: an
 * item that is one step with a KLIK task is done when the task is. */
static void
load_items_done (StyrTasksPage *self)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (self->store, "checklist-item", NULL, NULL, NULL,
                                                  NULL);

  g_hash_table_remove_all (self->items_done);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (styr_work_is_done (self->store, g_ptr_array_index (ids, i)))
      g_hash_table_insert (self->items_done, g_strdup (g_ptr_array_index (ids, i)),
                           GINT_TO_POINTER (TRUE));
}

static void
load_roles (StyrTasksPage *self)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (self->store, "role", NULL, NULL, NULL, NULL);

  g_hash_table_remove_all (self->role_names);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = styr_store_get (self->store, id, NULL, NULL);

      if (body != NULL)
        g_hash_table_insert (self->role_names, g_strdup (strchr (id, ':') + 1),
                             g_strdup (json_object_get_string_member_with_default (body, "name",
                                                                                   id)));
    }
}

/* Who holds each role today, as the Roles page has it. */
static void
load_role_holders (StyrTasksPage *self)
{
  g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->role_holders);
  coverage = styr_roles_coverage (self->store, &self->today, &context->thresholds, &error);
  if (coverage == NULL)
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < coverage->len; i++)
    {
      StyrRoleCoverage *role = g_ptr_array_index (coverage, i);

      if (role->holder_name != NULL)
        g_hash_table_insert (self->role_holders, g_strdup (role->role),
                             g_strdup (role->holder_name));
    }
}

/* Today, the thresholds and the next meeting, as every page has them. */
static void
load_context (StyrTasksPage *self)
{
  g_autoptr(StyrRuleContext) context = styr_page_dup_rule_context (STYR_PAGE (self));

  self->today = context->today;
  self->thresholds = context->thresholds;
  self->by_meeting = styr_meeting_due_by (self->store, context, &self->next_meeting, NULL);
}

static void
refilter (StyrTasksPage *self)
{
  GHashTableIter iter;
  gpointer list;
  GDate before = self->today;

  load_context (self);

  if (self->tree == NULL)
    return;
  /* Who holds a role depends on the day. */
  if (!g_date_valid (&before) || g_date_compare (&before, &self->today) != 0)
    load_role_holders (self);

  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    if (needs_predicate (self))
      styr_document_list_set_predicate (list, task_shown, self, NULL);
    else
      styr_document_list_set_predicate (list, NULL, NULL, NULL);
  gtk_filter_changed (GTK_FILTER (self->root_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static char *
dropdown_string (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL && gtk_drop_down_get_selected (dropdown) > 0
         ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

static void
filters_changed_cb (StyrTasksPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->store == NULL)
    return;

  g_clear_pointer (&self->search, g_free);
  if (search[0] != '\0')
    self->search = g_utf8_casefold (search, -1);
  g_free (self->project);
  self->project = dropdown_string (self->project_dropdown);
  g_free (self->person);
  self->person = dropdown_string (self->person_dropdown);
  self->status = status < G_N_ELEMENTS (filter_statuses) ? filter_statuses[status] : NULL;
  self->kind = kind < G_N_ELEMENTS (filter_kinds) ? filter_kinds[kind] : NULL;
  self->due = gtk_drop_down_get_selected (self->due_dropdown);

  refilter (self);
}

static void
show_selected (StyrTasksPage *self)
{
  g_autoptr(StyrRecord) task = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *rev = NULL;

  if (self->selected_id != NULL)
    body = styr_store_get (self->store, self->selected_id, &rev, NULL);
  if (body != NULL)
    task = styr_record_load (self->selected_id, rev, body);

  /* A draft stays on screen through other changes until it is made. */
  if (task == NULL && self->selected_id == NULL && styr_task_detail_is_draft (self->detail))
    return;
  if (task == NULL || !STYR_IS_TASK (task))
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      styr_task_detail_show (self->detail, NULL, NULL);
      return;
    }

  styr_task_detail_show (self->detail, STYR_TASK (task), state_of (self, STYR_TASK (task)));
  gtk_stack_set_visible_child_name (self->detail_stack, "task");
}

/* The task lost its row in a reload: select it again, or, when it is
 * gone, say that nothing is selected. */
static gboolean
select_pending_idle (gpointer user_data)
{
  StyrTasksPage *self = user_data;

  select_pending (self);
  if (self->pending_select != NULL &&
      gtk_single_selection_get_selected_item (self->selection) == NULL)
    {
      g_clear_pointer (&self->pending_select, g_free);
      g_clear_pointer (&self->selected_id, g_free);
      show_selected (self);
    }
  return G_SOURCE_REMOVE;
}

static void
selection_changed_cb (StyrTasksPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  /* An edit that moves the task in its list drops the selection; find
   * it again once the list has settled. Meanwhile the detail goes on
   * showing it, so the focus, the cursor and the typing stay. */
  if (row == NULL && self->selected_id != NULL)
    {
      g_free (self->pending_select);
      self->pending_select = g_strdup (self->selected_id);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, select_pending_idle, g_object_ref (self),
                       g_object_unref);
      return;
    }

  g_clear_pointer (&self->selected_id, g_free);
  if (item != NULL && STYR_IS_TASK (item))
    self->selected_id = g_strdup (styr_record_get_id (STYR_RECORD (item)));

  show_selected (self);
  /* On a narrow window the detail replaces the list. */
  if (self->selected_id != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self))),
                          ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.delete",
                                 item != NULL && STYR_IS_TASK (item) &&
                                 styr_work_record_is_own (STYR_RECORD (item)));
}

/* The cells */

static gpointer
cell_item (GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
remember_bound (StyrTasksPage *self,
                GtkListItem   *item,
                BindFunc       bind)
{
  g_object_set_data (G_OBJECT (item), "styr-bind", bind);
  g_hash_table_add (self->bound, item);
}

/* The server confirmed a task, or sync left two versions: the cells
 * that show it say so. */
static void
marks_changed_cb (StyrRecord    *record,
                  GParamSpec    *pspec,
                  StyrTasksPage *self)
{
  g_autoptr(GList) items = g_hash_table_get_keys (self->bound);

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GObject) shown = cell_item (l->data);
      BindFunc bind = g_object_get_data (l->data, "styr-bind");

      if (shown == G_OBJECT (record) && bind != NULL)
        bind (NULL, l->data, self);
    }
}

/* Follows @record's marks while any cell shows it, once however many do. */
static void
follow_marks (StyrTasksPage *self,
              StyrRecord    *record)
{
  g_signal_handlers_disconnect_by_func (record, marks_changed_cb, self);
  g_signal_connect_object (record, "notify::pending", G_CALLBACK (marks_changed_cb), self, 0);
  g_signal_connect_object (record, "notify::conflicted", G_CALLBACK (marks_changed_cb), self, 0);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                StyrTasksPage            *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                StyrTasksPage            *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_list_item_set_child (item, label);
}

static void
set_label (GtkWidget  *label,
           const char *text,
           const char *css_class)
{
  static const char *classes[] = { "dim-label", "heading", "error", "warning" };

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], css_class) == 0)
      gtk_widget_add_css_class (label, classes[i]);
    else
      gtk_widget_remove_css_class (label, classes[i]);
}

static void
task_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               StyrTasksPage            *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 26);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

/* Whether a task's dependency is done, from the states the page holds. */
static gboolean
dependency_done (const char *id,
                 gpointer    user_data)
{
  StyrTasksPage *self = user_data;
  StyrRecord *state;

  if (!g_str_has_prefix (id, "task:"))
    return GPOINTER_TO_INT (g_hash_table_lookup (self->items_done, id));
  state = g_hash_table_lookup (self->states, id);
  return styr_work_state_says_done (id, state != NULL ? styr_record_get_body (state) : NULL);
}

static void
task_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StyrTasksPage            *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_last_child (box);
  g_autoptr(GObject) object = cell_item (item);
  g_autoptr(GString) details = g_string_new (NULL);

  remember_bound (self, item, task_bind_cb);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (item));

  if (GTK_IS_STRING_OBJECT (object))
    {
      const char *project = gtk_string_object_get_string (GTK_STRING_OBJECT (object));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (child_list (self, project)));
      g_autofree char *count = NULL;

      /* Translators: under a project's name in the task list. */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n), n);
      set_label (title, project, "heading");
      set_label (subtitle, count, "dim-label");
      return;
    }

  if (STYR_IS_TASK (object))
    {
      StyrTask *task = STYR_TASK (object);
      const char *code = styr_record_get_string (STYR_RECORD (task), "code");
      const char *lifecycle = styr_task_get_lifecycle (task);
      g_auto(GStrv) depends_on = styr_task_dup_depends_on (task);
      g_auto(GStrv) blocked = styr_rules_blocking ((const char * const *) depends_on,
                                                   dependency_done, self);
      const char *published = styr_record_get_string (STYR_RECORD (task), "published");
      g_autofree char *marked = NULL;

      if (code != NULL)
        g_string_append (details, code);
      if (published != NULL)
        {
          g_autofree char *date = styr_date_to_user (published);

          /* Translators: when KOMBIT published a task, under its title. */
          g_string_append_printf (details, "%s", details->len > 0 ? " · " : "");
          g_string_append_printf (details, _("published %s"), date);
        }
      if (!g_str_equal (lifecycle, "published"))
        g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "",
                                styr_task_lifecycle_label (lifecycle));
      if (blocked != NULL && blocked[0] != NULL)
        g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", _("Blocked"));
      if (styr_work_record_is_own (STYR_RECORD (task)))
        g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", _("Own task"));

      marked = styr_ui_mark_sync (STYR_RECORD (task), details->str);
      follow_marks (self, STYR_RECORD (task));
      set_label (title, styr_task_get_title (task),
                 g_str_has_prefix (lifecycle, "withdraw") ? "dim-label" : NULL);
      set_label (subtitle, marked, "dim-label");
      styr_ui_set_tooltip (title, styr_task_get_title (task));
    }
}

static void
kind_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StyrTasksPage            *self)
{
  g_autoptr(GObject) object = cell_item (item);
  const char *kind = STYR_IS_TASK (object) ? styr_task_get_kind (STYR_TASK (object)) : NULL;

  remember_bound (self, item, kind_bind_cb);
  /* Mandatory tasks stand out; the word says it, not only the weight. */
  set_label (gtk_list_item_get_child (item), styr_task_kind_label (kind),
             g_strcmp0 (kind, "mandatory") == 0 ? "heading" : "dim-label");
}

static void
deadline_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   StyrTasksPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *left = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_label_set_xalign (GTK_LABEL (left), 0);
  gtk_widget_add_css_class (left, "caption");
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), left);
  gtk_list_item_set_child (item, box);
}

static void
deadline_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  StyrTasksPage            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autoptr(GObject) object = cell_item (item);
  g_autofree char *date = NULL;
  g_autofree char *due = NULL;
  const char *css = "dim-label";
  GDate deadline;

  remember_bound (self, item, deadline_bind_cb);
  if (STYR_IS_TASK (object))
    {
      StyrTask *task = STYR_TASK (object);
      StyrTaskState *state = state_of (self, task);
      const char *iso = styr_record_get_string (STYR_RECORD (task), "deadline");

      date = iso != NULL ? styr_date_to_user (iso)
                         : g_strdup (styr_record_get_string (STYR_RECORD (task),
                                                             "deadline_approx"));
      if (styr_task_get_deadline (task, &deadline))
        due = styr_work_describe_due (&deadline, &self->today,
                                      g_strcmp0 (status_of (self, task), "completed") == 0);
      if (styr_rules_task_overdue (task, state, &self->today))
        css = "error";
      else if (styr_rules_task_due_soon (task, state, &self->today, &self->thresholds))
        css = "warning";
    }

  set_label (gtk_widget_get_first_child (box), date, NULL);
  set_label (gtk_widget_get_last_child (box), due, css);
}

static void
status_clicked_cb (GtkButton     *button,
                   StyrTasksPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "styr-task");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "tasks.cycle-status", "s", id);
}

static void
status_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 StyrTasksPage            *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (status_clicked_cb), self);
  gtk_list_item_set_child (item, button);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                StyrTasksPage            *self)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *icon = gtk_widget_get_first_child (box);
  g_autoptr(GObject) object = cell_item (item);
  const char *status;
  g_autofree char *tooltip = NULL;

  remember_bound (self, item, status_bind_cb);
  gtk_widget_set_visible (button, STYR_IS_TASK (object));
  if (!STYR_IS_TASK (object))
    return;

  /* The word says the status; the icon only helps the eye. */
  status = status_of (self, STYR_TASK (object));
  g_object_set_data_full (G_OBJECT (button), "styr-task",
                          g_strdup (styr_record_get_id (STYR_RECORD (object))), g_free);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)),
                       styr_task_status_label (status));
  gtk_image_set_from_icon_name (GTK_IMAGE (icon),
                                g_str_equal (status, "completed") ? "emblem-ok-symbolic"
                                                                  : "media-playback-start-symbolic");
  gtk_widget_set_visible (icon, !g_str_equal (status, "not-started"));

  /* Translators: the tooltip of the status button in the task list. */
  tooltip = g_strdup_printf (_("Change to “%s”"),
                             styr_task_status_label (styr_task_next_status (status)));
  styr_ui_set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  styr_task_status_label (status),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
}

static void
national_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   StyrTasksPage            *self)
{
  GtkWidget *bar = styr_national_bar_new ();

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, bar);
}

static void
national_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  StyrTasksPage            *self)
{
  g_autoptr(GObject) object = cell_item (item);
  StyrNationalStatus national;
  gboolean known;

  remember_bound (self, item, national_bind_cb);
  known = STYR_IS_TASK (object) && styr_task_get_national (STYR_TASK (object), &national);
  styr_national_bar_set (STYR_NATIONAL_BAR (gtk_list_item_get_child (item)),
                         known ? &national : NULL,
                         STYR_IS_TASK (object) ? status_of (self, STYR_TASK (object)) : NULL);
}

static void
people_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                StyrTasksPage            *self)
{
  g_autoptr(GObject) object = cell_item (item);
  g_autofree char *text = NULL;

  remember_bound (self, item, people_bind_cb);
  if (STYR_IS_TASK (object))
    {
      const char *responsible = state_field (self, STYR_TASK (object), "responsible");
      const char *doer = state_field (self, STYR_TASK (object), "doer");

      if (responsible != NULL && doer != NULL && g_strcmp0 (responsible, doer) != 0)
        text = g_strdup_printf ("%s / %s", responsible, doer);
      else
        text = g_strdup (responsible != NULL ? responsible : doer);
    }
  set_label (gtk_list_item_get_child (item), text, NULL);
}

static void
role_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StyrTasksPage            *self)
{
  g_autoptr(GObject) object = cell_item (item);
  g_autofree char *text = NULL;
  g_autofree char *holder = NULL;
  const char *key = NULL;

  remember_bound (self, item, role_bind_cb);
  if (STYR_IS_TASK (object))
    key = state_field (self, STYR_TASK (object), "role");
  if (key == NULL)
    {
      set_label (gtk_list_item_get_child (item), NULL, NULL);
      return;
    }

  /* The role as the Roles page covers it: a vacant one says so. */
  holder = g_strdup (g_hash_table_lookup (self->role_holders, key));
  text = g_strdup_printf (holder != NULL ? "%s (%s)" : _("%s (vacant)"),
                          g_hash_table_contains (self->role_names, key)
                          ? (const char *) g_hash_table_lookup (self->role_names, key) : key,
                          holder);
  set_label (gtk_list_item_get_child (item), text, holder == NULL ? "warning" : NULL);
}

/* Redraws the rows on screen, for a change that does not move them. */
static void
rebind_all (StyrTasksPage *self)
{
  g_autoptr(GList) items = g_hash_table_get_keys (self->bound);

  for (GList *l = items; l != NULL; l = l->next)
    {
      BindFunc bind = g_object_get_data (l->data, "styr-bind");

      if (bind != NULL)
        bind (NULL, l->data, self);
    }
}

/* Actions */

typedef struct
{
  StyrTasksPage *page;
  char          *id;
  char          *status;
} StatusChange;

static void
status_change_free (StatusChange *change)
{
  g_object_unref (change->page);
  g_free (change->id);
  g_free (change->status);
  g_free (change);
}

static void
write_status (StyrTasksPage *self,
              const char    *id,
              const char    *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrRecord) task = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *rev = NULL;
  StyrTaskState *state;

  body = styr_store_get (self->store, id, &rev, &error);
  if (body != NULL)
    task = styr_record_load (id, rev, body);
  if (task == NULL || !STYR_IS_TASK (task))
    {
      if (error != NULL)
        styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }

  state = state_of (self, STYR_TASK (task));
  if (!styr_task_set_status (self->store, STYR_TASK (task),
                             state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                             status, styr_ui_author (), &self->today, NULL, &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      show_selected (self);
    }
}

static void
blocked_confirmed_cb (gboolean  confirmed,
                      gpointer  user_data)
{
  StatusChange *change = user_data;

  if (confirmed)
    write_status (change->page, change->id, change->status);
  else
    show_selected (change->page);
}

static void
set_status (StyrTasksPage *self,
            const char    *id,
            const char    *status)
{
  g_autoptr(StyrRecord) task = NULL;
  g_autoptr(JsonObject) body = styr_store_get (self->store, id, NULL, NULL);
  g_auto(GStrv) depends_on = NULL;
  g_auto(GStrv) blocked = NULL;
  StatusChange *change;

  task = body != NULL ? styr_record_load (id, NULL, body) : NULL;
  if (task == NULL || !STYR_IS_TASK (task))
    return;

  /* Notes typed a moment ago go first, so the status writes over them. */
  styr_task_detail_save (self->detail);
  depends_on = styr_task_dup_depends_on (STYR_TASK (task));
  blocked = styr_work_blocked_by (self->store, (const char * const *) depends_on);
  if (!g_str_equal (status, "completed") || blocked == NULL || blocked[0] == NULL)
    {
      write_status (self, id, status);
      return;
    }

  change = g_new0 (StatusChange, 1);
  change->page = g_object_ref (self);
  change->id = g_strdup (id);
  change->status = g_strdup (status);
  styr_ui_confirm_blocked (GTK_WIDGET (self), self->store, styr_task_get_title (STYR_TASK (task)),
                           (const char * const *) blocked, blocked_confirmed_cb, change,
                           (GDestroyNotify) status_change_free);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *id;
  const char *status;

  g_variant_get (parameter, "(&s&s)", &id, &status);
  set_status (STYR_TASKS_PAGE (widget), id, status);
}

static void
cycle_status_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StyrTasksPage *self = STYR_TASKS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  StyrTaskState *state = g_hash_table_lookup (self->states, id);

  set_status (self, id,
              styr_task_next_status (state != NULL ? styr_task_state_get_status (state) : NULL));
}

static void
status_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StyrTasksPage *self = STYR_TASKS_PAGE (widget);

  if (self->selected_id != NULL)
    set_status (self, self->selected_id, g_variant_get_string (parameter, NULL));
}

/* "New" fills in a draft; the task is made once it has a title. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  StyrTasksPage *self = STYR_TASKS_PAGE (widget);

  /* Unselected on purpose, not by an edit that moved the task. */
  styr_task_detail_save (self->detail);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->pending_select, g_free);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  styr_task_detail_show_draft (self->detail,
                               self->project != NULL ? self->project : _("Own tasks"));
  gtk_stack_set_visible_child_name (self->detail_stack, "task");
  adw_leaflet_navigate (ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self))),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The draft is a task now: the detail goes on showing it, focus and all,
 * and the list selects it once it has it. */
static void
draft_created_cb (StyrTasksPage *self,
                  const char    *id)
{
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  styr_tasks_page_select (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StyrTasksPage *self = STYR_TASKS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = g_strdup (self->selected_id);

  /* Undo brings back what was typed last, too. */
  styr_task_detail_save (self->detail);
  if (id == NULL || (body = styr_store_get (self->store, id, &rev, &error)) == NULL)
    return;

  /* Translators: a toast after deleting an own task. */
  title = g_strdup_printf (_("“%s” was deleted"),
                           json_object_get_string_member_with_default (body, "title", id));
  if (!styr_task_delete_local (self->store, id, rev, styr_ui_author (), NULL, &error))
    {
      styr_ui_show_error (widget, error);
      return;
    }

  styr_ui_toast (widget, title, TRUE);
}

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StyrTasksPage *self = STYR_TASKS_PAGE (widget);
  StyrTrashWindow *trash;

  trash = styr_trash_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, "task",
                                 styr_ui_author ());
  gtk_window_set_title (GTK_WINDOW (trash), _("Deleted Own Tasks"));
  gtk_window_present (GTK_WINDOW (trash));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StyrTasksPage *self = STYR_TASKS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->project_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->due_dropdown, 0);
  gtk_drop_down_set_selected (self->person_dropdown, 0);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (STYR_TASKS_PAGE (widget)->search_entry));
}

/* Store changes */

static void
states_changed_cb (StyrTasksPage      *self,
                   const char         *type,
                   const char * const *ids)
{
  /* Only the states that changed are read again: one click must not
   * read the states of 20 000 tasks. */
  load_state_ids (self, ids, g_strv_length ((char **) ids));
  load_items_done (self);
  load_people (self);
  /* Filters that read the status must look again; otherwise redrawing
   * the rows on screen is enough. */
  if (self->status != NULL || self->due != DUE_ANY || self->person != NULL ||
      self->search != NULL)
    refilter (self);
  rebind_all (self);
  show_selected (self);
}

static void
items_changed_cb (StyrTasksPage *self)
{
  load_items_done (self);
  rebind_all (self);
  show_selected (self);
}

static void
tasks_changed_cb (StyrTasksPage *self)
{
  load_projects (self);
  rebind_all (self);
  show_selected (self);
}

static void
roles_changed_cb (StyrTasksPage *self)
{
  load_roles (self);
  load_role_holders (self);
  rebind_all (self);
}

/* A new holder, or one who left: the Role column says so. */
static void
holders_changed_cb (StyrTasksPage *self)
{
  load_role_holders (self);
  rebind_all (self);
}

/* Every project shows its tasks. The tree expands the projects only, not
 * with autoexpand, which asks each of 20 000 tasks whether it has rows
 * under it and so reads them all before the first frame. */
static void
expand_projects (StyrTasksPage *self,
                 guint          position,
                 guint          removed,
                 guint          added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, i);

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

/* The lists are opened when the page is first shown, so that thousands
 * of tasks do not hold up the window's first frame on another page. */
static void
ensure_model (StyrTasksPage *self)
{
  GtkFilterListModel *roots;

  if (self->tree != NULL)
    return;

  load_states (self);
  load_items_done (self);
  load_roles (self);
  load_role_holders (self);
  load_people (self);
  load_projects (self);

  g_signal_connect_object (self->store, "documents-changed::task-state",
                           G_CALLBACK (states_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed::task",
                           G_CALLBACK (tasks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed::role",
                           G_CALLBACK (roles_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed::assignment",
                           G_CALLBACK (holders_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed::person",
                           G_CALLBACK (holders_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed::meeting-state",
                           G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed::checklist-item",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed::checklist-item-state",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

  self->root_filter = gtk_custom_filter_new (root_shown, self, NULL);
  roots = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->projects)),
                                     g_object_ref (GTK_FILTER (self->root_filter)));
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, FALSE, create_children,
                                        self, NULL);
  g_signal_connect_object (roots, "items-changed", G_CALLBACK (expand_projects), self,
                           G_CONNECT_SWAPPED);
  expand_projects (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (roots)));
  self->selection = gtk_single_selection_new (styr_ui_first_rows (GTK_WIDGET (self->column_view),
                                                                  g_object_ref (G_LIST_MODEL (self->tree))));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  selection_changed_cb (self);
  update_summary (self);
  select_pending (self);
}

static void
styr_tasks_page_constructed (GObject *object)
{
  StyrTasksPage *self = (StyrTasksPage *)object;

  G_OBJECT_CLASS (styr_tasks_page_parent_class)->constructed (object);

  /* Borrowed from StyrPage, which holds them. */
  self->store = styr_page_get_store (STYR_PAGE (self));
  self->clock = styr_page_get_clock (STYR_PAGE (self));

  g_object_set (self->detail, "store", self->store, "clock", self->clock, NULL);
  g_signal_connect_object (self->detail, "created", G_CALLBACK (draft_created_cb), self,
                           G_CONNECT_SWAPPED);
  load_context (self);
  g_signal_connect (self, "map", G_CALLBACK (ensure_model), NULL);
}

static void
styr_tasks_page_dispose (GObject *object)
{
  StyrTasksPage *self = (StyrTasksPage *)object;

  /* The lists' predicate reads this page; it must not outlive it. */
  if (self->children != NULL)
    {
      GHashTableIter iter;
      gpointer list;

      g_hash_table_iter_init (&iter, self->children);
      while (g_hash_table_iter_next (&iter, NULL, &list))
        {
          g_signal_handlers_disconnect_by_data (list, self);
          styr_document_list_set_predicate (list, NULL, NULL, NULL);
        }
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_TASKS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->root_filter);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_object (&self->projects);
  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->role_names, g_hash_table_unref);
  g_clear_pointer (&self->role_holders, g_hash_table_unref);
  g_clear_pointer (&self->items_done, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  self->store = NULL;
  self->clock = NULL;
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->project, g_free);
  g_clear_pointer (&self->person, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->pending_select, g_free);

  G_OBJECT_CLASS (styr_tasks_page_parent_class)->dispose (object);
}

/* A task is selected; a project, "project:" and its name, is shown on
 * its own, as its filter does. */
static gboolean
styr_tasks_page_select_record (StyrPage   *page,
                               const char *id)
{
  StyrTasksPage *self = STYR_TASKS_PAGE (page);

  if (g_str_has_prefix (id, "project:"))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->project_list));

      for (guint i = 1; i < n; i++)
        if (g_str_equal (gtk_string_list_get_string (self->project_list, i), id + 8))
          {
            gtk_drop_down_set_selected (self->project_dropdown, i);
            return TRUE;
          }
      return FALSE;
    }
  if (!g_str_has_prefix (id, "task:"))
    return FALSE;
  styr_tasks_page_select (self, id);
  return TRUE;
}

static void
styr_tasks_page_save_edits (StyrPage *page)
{
  styr_task_detail_save (STYR_TASKS_PAGE (page)->detail);
}

static void
styr_tasks_page_class_init (StyrTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = styr_tasks_page_constructed;
  object_class->dispose = styr_tasks_page_dispose;
  STYR_PAGE_CLASS (klass)->save_edits = styr_tasks_page_save_edits;
  STYR_PAGE_CLASS (klass)->select_record = styr_tasks_page_select_record;

  g_type_ensure (STYR_TYPE_TASK_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-tasks-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, StyrTasksPage, name)
  CHILD (search_entry);
  CHILD (project_dropdown);
  CHILD (project_list);
  CHILD (status_dropdown);
  CHILD (kind_dropdown);
  CHILD (due_dropdown);
  CHILD (person_dropdown);
  CHILD (person_list);
  CHILD (summary_revealer);
  CHILD (summary_label);
  CHILD (column_view);
  CHILD (detail_stack);
  CHILD (detail);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, task_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, task_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, deadline_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, deadline_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, national_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, national_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, people_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_bind_cb);

  gtk_widget_class_install_action (widget_class, "tasks.set-status", "(ss)", set_status_action);
  gtk_widget_class_install_action (widget_class, "tasks.cycle-status", "s", cycle_status_action);
  gtk_widget_class_install_action (widget_class, "tasks.status-selected", "s",
                                   status_selected_action);
  gtk_widget_class_install_action (widget_class, "tasks.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "tasks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "tasks.show-trash", NULL, show_trash_action);
  gtk_widget_class_install_action (widget_class, "tasks.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "tasks.focus-search", NULL, focus_search_action);

  STYR_PAGE_CLASS (klass)->new_action = "tasks.new";
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "tasks.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "tasks.status-selected", "s", "not-started");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "tasks.status-selected", "s", "started");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "tasks.status-selected", "s", "completed");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "tasks.delete", NULL);
}

static void
styr_tasks_page_init (StyrTasksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->projects = gtk_string_list_new (NULL);
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->role_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->role_holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->items_done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound = g_hash_table_new (NULL, NULL);
  gtk_string_list_append (self->project_list, _("All projects"));
  gtk_string_list_append (self->person_list, _("Everyone"));
}

/**
 * styr_tasks_page_get_selected_id:
 * @self: a #StyrTasksPage
 *
 * Returns: (nullable): the id of the task shown in the detail pane
 */
const char *
styr_tasks_page_get_selected_id (StyrTasksPage *self)
{
  g_return_val_if_fail (STYR_IS_TASKS_PAGE (self), NULL);

  return self->selected_id;
}

/**
 * styr_tasks_page_select:
 * @self: a #StyrTasksPage
 * @id: a task's id
 *
 * Shows the task, as soon as its list has it.
 */
void
styr_tasks_page_select (StyrTasksPage *self,
                        const char    *id)
{
  g_return_if_fail (STYR_IS_TASKS_PAGE (self));

  g_free (self->pending_select);
  self->pending_select = g_strdup (id);
  select_pending (self);
}
