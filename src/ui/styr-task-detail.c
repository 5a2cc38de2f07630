/* styr-task-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-checklist-actions.h"
#include "styr-document-list.h"
#include "styr-history-group.h"
#include "styr-national-bar.h"
#include "styr-rules.h"
#include "styr-task-actions.h"
#include "styr-skip-model.h"
#include "styr-task-detail.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrTaskDetail shows one KLIK task: what KOMBIT says about it (never
 * editable for KOMBIT's own tasks), the municipality's status against the
 * 98 municipalities, who is on it, notes and the audit trail. Status
 * changes go through the page's tasks.set-status action, which asks first
 * when the task is blocked; the rest is saved as the user types, a moment
 * after the last key or at once on leaving the task, and only the fields
 * that changed.
 */
struct _StyrTaskDetail
{
  AdwBin            parent_instance;

  StyrStore        *store;
  StyrClock        *clock;
  StyrTask         *task;
  StyrTaskState    *state;
  GPtrArray        *role_keys;
  StyrDocumentList *all_tasks;
  /* Every task but the one shown, which cannot wait for itself, and the
   * one chosen there, stored or not yet. */
  StyrSkipModel    *other_tasks;
  char             *depends_choice;
  /* The list of tasks is changing: what the drop-down says meanwhile is
   * not the user's choice. */
  gboolean          tasks_changing;
  gboolean          updating;
  /* Filling the form, which is not the user's typing. */
  gboolean          showing;
  guint             save_id;
  /* A new own task, made in the store once it has a title. */
  gboolean          draft;

  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *lifecycle_label;
  GtkLabel         *blocked_label;
  GtkToggleButton  *not_started_button;
  GtkToggleButton  *started_button;
  GtkToggleButton  *completed_button;
  GtkWidget        *national_title;
  StyrNationalBar  *national_bar;
  GtkLabel         *national_label;
  AdwPreferencesGroup *catalogue_group;
  AdwActionRow     *project_row;
  AdwActionRow     *kind_row;
  AdwActionRow     *published_row;
  AdwActionRow     *deadline_row;
  AdwActionRow     *kombit_notes_row;
  AdwActionRow     *styr_notes_row;
  AdwPreferencesGroup *local_group;
  AdwEntryRow      *title_row;
  AdwEntryRow      *project_entry;
  AdwEntryRow      *code_entry;
  AdwEntryRow      *deadline_entry;
  AdwComboRow      *kind_combo;
  AdwComboRow      *depends_combo;
  AdwEntryRow      *responsible_row;
  AdwEntryRow      *doer_row;
  AdwComboRow      *role_combo;
  GtkStringList    *role_list;
  GtkTextView      *notes_view;
  GtkWidget        *delete_button;
  StyrHistoryGroup *history_group;
  StyrHistoryGroup *task_history_group;
};

G_DEFINE_FINAL_TYPE (StyrTaskDetail, styr_task_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *kinds[] = { NULL, "mandatory", "recommended" };

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && text[0] != '\0' ? text : "–");
}

static char *
date_field_to_user (StyrRecord *record,
                    const char *field,
                    const char *approx_field)
{
  const char *iso = styr_record_get_string (record, field);

  if (iso != NULL)
    return styr_date_to_user (iso);

  /* KOMBIT sometimes only says "medio februar 2020". */
  return g_strdup (approx_field != NULL ? styr_record_get_string (record, approx_field) : NULL);
}

static const char *
state_string (StyrTaskDetail *self,
              const char     *field)
{
  return self->state != NULL ? styr_record_get_string (STYR_RECORD (self->state), field) : NULL;
}

static void
load_roles (StyrTaskDetail *self)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (self->store, "role", NULL, NULL, "name", NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->role_list));

  g_ptr_array_set_size (self->role_keys, 0);
  g_ptr_array_add (self->role_keys, NULL);
  gtk_string_list_splice (self->role_list, 0, n, NULL);
  gtk_string_list_append (self->role_list, _("No role"));
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonObject) body = styr_store_get (self->store, id, NULL, NULL);

      if (body == NULL)
        continue;
      g_ptr_array_add (self->role_keys, g_strdup (strchr (id, ':') + 1));
      gtk_string_list_append (self->role_list,
                              json_object_get_string_member_with_default (body, "name", id));
    }
}

static char *
depends_label (GObject *item)
{
  if (STYR_IS_TASK (item))
    return g_strdup (styr_task_get_title (STYR_TASK (item)));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return g_strdup ("");
}

static void        show_depends   (StyrTaskDetail *self,
                                   const char     *id);
static const char *chosen_depends (StyrTaskDetail *self);

/* A change to the list of tasks, a colleague's new task say, must not
 * change what the task shown waits for: a drop-down that lost its item
 * would save "Nothing". */
static void
keep_depends (StyrTaskDetail *self)
{
  gboolean updating = self->updating;

  self->tasks_changing = FALSE;
  if (self->task == NULL)
    return;
  self->updating = TRUE;
  show_depends (self, self->depends_choice);
  self->updating = updating;
}

static void
tasks_changing_cb (StyrTaskDetail *self)
{
  self->tasks_changing = TRUE;
}

/* The user's choice of what the task waits for, kept across list changes. */
static void
depends_chosen_cb (StyrTaskDetail *self)
{
  const char *id;

  if (self->tasks_changing || self->showing || self->updating || self->other_tasks == NULL)
    return;
  id = chosen_depends (self);
  g_free (self->depends_choice);
  self->depends_choice = g_strdup (id);
}

/* "Nothing", then every task by title but the one shown, from a lazy
 * list: the choice stays quick with thousands of tasks. */
static void
setup_depends (StyrTaskDetail *self)
{
  g_autoptr(GtkStringList) nothing = NULL;
  GListStore *parts;
  g_autoptr(GtkFlattenListModel) choices = NULL;
  g_autoptr(GtkExpression) expression = NULL;

  if (self->all_tasks != NULL || self->store == NULL)
    return;

  nothing = gtk_string_list_new (NULL);
  parts = g_list_store_new (G_TYPE_LIST_MODEL);

  self->all_tasks = g_object_new (STYR_TYPE_DOCUMENT_LIST,
                                  "store", self->store,
                                  "doc-type", "task",
                                  "sort-field", "title",
                                  NULL);
  self->other_tasks = styr_skip_model_new (self->all_tasks);
  /* Before the drop-down sees a change, and after it: what was chosen
   * stays chosen. */
  g_signal_connect_object (self->other_tasks, "items-changed", G_CALLBACK (tasks_changing_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->other_tasks, "items-changed", G_CALLBACK (keep_depends), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_string_list_append (nothing, _("Nothing"));
  g_list_store_append (parts, nothing);
  g_list_store_append (parts, self->other_tasks);
  choices = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (depends_label), NULL, NULL);
  adw_combo_row_set_expression (self->depends_combo, expression);
  adw_combo_row_set_model (self->depends_combo, G_LIST_MODEL (choices));
  g_signal_connect_object (self->depends_combo, "notify::selected",
                           G_CALLBACK (depends_chosen_cb), self, G_CONNECT_SWAPPED);
}

static const char *
chosen_depends (StyrTaskDetail *self)
{
  GObject *item = adw_combo_row_get_selected_item (self->depends_combo);

  return STYR_IS_RECORD (item) ? styr_record_get_id (STYR_RECORD (item)) : NULL;
}

static void
show_depends (StyrTaskDetail *self,
              const char     *id)
{
  guint position = self->other_tasks != NULL ? styr_skip_model_find (self->other_tasks, id)
                                             : G_MAXUINT;
  g_autofree char *chosen = g_strdup (id);

  adw_combo_row_set_selected (self->depends_combo, position != G_MAXUINT ? position + 1 : 0);
  g_free (self->depends_choice);
  self->depends_choice = g_steal_pointer (&chosen);
}

static guint
index_of (GPtrArray  *keys,
          const char *key)
{
  for (guint i = 1; key != NULL && i < keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (keys, i), key) == 0)
      return i;
  return 0;
}

static void
show_blocked (StyrTaskDetail *self)
{
  g_auto(GStrv) depends_on = styr_task_dup_depends_on (self->task);
  g_auto(GStrv) blocked = styr_work_blocked_by (self->store, (const char * const *) depends_on);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; blocked != NULL && blocked[i] != NULL; i++)
    {
      g_autofree char *title = styr_work_title (self->store, blocked[i]);

      g_string_append_printf (text, "%s“%s”", i > 0 ? ", " : "", title);
    }

  if (text->len > 0)
    {
      /* Translators: %s lists what must be completed first. */
      g_autofree char *label = g_strdup_printf (_("Blocked: %s must be completed first."),
                                                text->str);

      gtk_label_set_text (self->blocked_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_label), text->len > 0);
}

static void
show_status (StyrTaskDetail *self)
{
  const char *status = state_string (self, "status");
  StyrNationalStatus national;
  gboolean has_national;
  GtkToggleButton *active;
  g_autofree char *described = NULL;

  self->updating = TRUE;
  if (g_strcmp0 (status, "completed") == 0)
    active = self->completed_button;
  else if (g_strcmp0 (status, "started") == 0)
    active = self->started_button;
  else
    active = self->not_started_button;
  gtk_toggle_button_set_active (active, TRUE);
  self->updating = FALSE;

  has_national = styr_task_get_national (self->task, &national);
  styr_national_bar_set (self->national_bar, has_national ? &national : NULL, status);
  described = styr_national_bar_describe (self->national_bar);
  gtk_label_set_text (self->national_label, described);
  gtk_widget_set_visible (self->national_title, has_national);

  show_blocked (self);
}

static void
show_deadline (StyrTaskDetail *self)
{
  StyrRecord *record = STYR_RECORD (self->task);
  g_autofree char *deadline = date_field_to_user (record, "deadline", "deadline_approx");
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  GDate date, today;

  styr_clock_get_today (self->clock, &today);
  if (styr_task_get_deadline (self->task, &date))
    due = styr_work_describe_due (&date, &today,
                                  g_strcmp0 (state_string (self, "status"), "completed") == 0);

  text = due != NULL ? g_strdup_printf ("%s (%s)", deadline, due) : g_strdup (deadline);
  set_subtitle (self->deadline_row, text);
}

/**
 * styr_task_detail_show:
 * @self: a #StyrTaskDetail
 * @task: (nullable): the task to show
 * @state: (nullable): the municipality's state of @task
 *
 * Shows @task, replacing what was shown, unsaved edits included.
 */
void
styr_task_detail_show (StyrTaskDetail *self,
                       StyrTask       *task,
                       StyrTaskState  *state)
{
  StyrRecord *record;
  const char *lifecycle;
  const char *code;
  gboolean local;
  g_auto(GStrv) notes = NULL;
  g_autofree char *published = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *state_id = NULL;
  g_auto(GStrv) depends_on = NULL;

  g_return_if_fail (STYR_IS_TASK_DETAIL (self));

  /* What was typed into the task being left goes with it. */
  styr_task_detail_save (self);
  if (task == NULL || g_strcmp0 (styr_record_get_id (STYR_RECORD (task)), STYR_TASK_DRAFT_ID) != 0)
    self->draft = FALSE;
  g_set_object (&self->task, task);
  g_set_object (&self->state, state);
  if (task == NULL)
    return;

  self->showing = TRUE;

  record = STYR_RECORD (task);
  local = styr_work_record_is_own (STYR_RECORD (task));
  code = styr_record_get_string (record, "code");

  gtk_label_set_text (self->title_label, self->draft ? _("New Own Task")
                                                     : styr_task_get_title (task));
  subtitle = code != NULL ? g_strdup_printf ("%s · %s", styr_task_get_project (task), code)
                          : g_strdup (styr_task_get_project (task));
  gtk_label_set_text (self->subtitle_label, subtitle);

  lifecycle = styr_task_get_lifecycle (task);
  if (g_str_equal (lifecycle, "withdrawn"))
    gtk_label_set_text (self->lifecycle_label,
                        _("KOMBIT has withdrawn this task. It is kept here with its status and notes."));
  else if (g_str_equal (lifecycle, "withdrawal-announced"))
    gtk_label_set_text (self->lifecycle_label,
                        _("KOMBIT has announced that this task will be withdrawn."));
  else if (g_str_equal (lifecycle, "announced"))
    gtk_label_set_text (self->lifecycle_label,
                        _("KOMBIT has announced this task; it is not published in KLIK yet."));
  gtk_widget_set_visible (GTK_WIDGET (self->lifecycle_label), !g_str_equal (lifecycle, "published"));

  show_status (self);
  /* A status is the municipality's for a task that exists. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->not_started_button), !self->draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->started_button), !self->draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->completed_button), !self->draft);

  /* What KOMBIT says, read-only; an own task is edited below instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->catalogue_group), !local);
  gtk_widget_set_visible (GTK_WIDGET (self->local_group), local);
  gtk_widget_set_visible (self->delete_button, local && !self->draft);
  set_subtitle (self->project_row, styr_task_get_project (task));
  set_subtitle (self->kind_row, styr_task_kind_label (styr_task_get_kind (task)));
  published = date_field_to_user (record, "published", "published_approx");
  set_subtitle (self->published_row, published);
  show_deadline (self);
  notes = styr_record_dup_strv (record, "notes");
  joined = notes != NULL ? g_strjoinv ("\n", notes) : NULL;
  set_subtitle (self->kombit_notes_row, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->kombit_notes_row), joined != NULL && joined[0] != '\0');
  /* What Styr adds to KOMBIT's words (a date the deck leaves out, a typing
   * error in it) is never shown as KOMBIT's. */
  g_strfreev (notes);
  g_free (joined);
  notes = styr_record_dup_strv (record, "styr_notes");
  joined = notes != NULL ? g_strjoinv ("\n", notes) : NULL;
  set_subtitle (self->styr_notes_row, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->styr_notes_row), joined != NULL && joined[0] != '\0');

  if (local)
    {
      g_autofree char *deadline = styr_date_to_user (styr_record_get_string (record, "deadline"));
      guint kind = 0;

      styr_ui_set_text (GTK_EDITABLE (self->title_row), styr_task_get_title (task));
      styr_ui_set_text (GTK_EDITABLE (self->project_entry), styr_task_get_project (task));
      styr_ui_set_text (GTK_EDITABLE (self->code_entry), code);
      /* A deadline marked as no date stays for the user to put right. */
      if (!gtk_widget_has_css_class (GTK_WIDGET (self->deadline_entry), "error"))
        {
          g_autofree char *shown = styr_date_from_user (gtk_editable_get_text (
                                                          GTK_EDITABLE (self->deadline_entry)));

          if (g_strcmp0 (shown, styr_record_get_string (record, "deadline")) != 0)
            gtk_editable_set_text (GTK_EDITABLE (self->deadline_entry), deadline);
        }
      for (guint i = 1; i < G_N_ELEMENTS (kinds); i++)
        if (g_strcmp0 (kinds[i], styr_task_get_kind (task)) == 0)
          kind = i;
      adw_combo_row_set_selected (self->kind_combo, kind);
      setup_depends (self);
      if (self->other_tasks != NULL)
        styr_skip_model_set_skip (self->other_tasks, styr_record_get_id (record));
      depends_on = styr_task_dup_depends_on (task);
      show_depends (self, depends_on != NULL ? depends_on[0] : NULL);
      if (!self->draft)
        styr_history_group_show (self->task_history_group, self->store,
                                 styr_record_get_id (record));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->task_history_group), local && !self->draft);

  styr_ui_set_text (GTK_EDITABLE (self->responsible_row), state_string (self, "responsible"));
  styr_ui_set_text (GTK_EDITABLE (self->doer_row), state_string (self, "doer"));
  load_roles (self);
  adw_combo_row_set_selected (self->role_combo,
                              index_of (self->role_keys, state_string (self, "role")));
  if (state_string (self, "role") != NULL)
    {
      g_autofree char *holder = NULL;
      GDate today;

      /* Who holds the role, from the Roles page; a vacant one says so. */
      styr_clock_get_today (self->clock, &today);
      holder = styr_role_holder_name (self->store, state_string (self, "role"), &today);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_combo),
                                   holder != NULL ? holder
                                                  : _("Vacant: assign it on the Roles page"));
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_combo), NULL);
  styr_ui_set_buffer_text (gtk_text_view_get_buffer (self->notes_view),
                           state_string (self, "notes"));

  /* The audit trail of the municipality's part: status, people, notes. */
  state_id = styr_work_state_id (styr_record_get_id (record));
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), state != NULL);
  if (state != NULL)
    styr_history_group_show (self->history_group, self->store, state_id);
  self->showing = FALSE;
}

static void
status_toggled_cb (StyrTaskDetail  *self,
                   GtkToggleButton *button)
{
  const char *status;

  if (self->updating || self->task == NULL || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->completed_button)
    status = "completed";
  else if (button == self->started_button)
    status = "started";
  else
    status = "not-started";

  gtk_widget_activate_action (GTK_WIDGET (self), "tasks.set-status", "(ss)",
                              styr_record_get_id (STYR_RECORD (self->task)), status);
}

/* Sets @field in @changes when @value differs from what is stored, to a
 * null member when it became empty. */
static void
change_text (JsonObject *changes,
             const char *field,
             const char *stored,
             const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (g_strcmp0 (stripped, stored != NULL ? stored : "") == 0)
    return;

  if (stripped[0] == '\0')
    json_object_set_null_member (changes, field);
  else
    json_object_set_string_member (changes, field, stripped);
}

static gboolean
read_local (StyrTaskDetail  *self,
            JsonObject      *changes,
            GError         **error)
{
  StyrRecord *record = STYR_RECORD (self->task);
  const char *deadline_text = gtk_editable_get_text (GTK_EDITABLE (self->deadline_entry));
  g_autofree char *deadline = NULL;
  const char *kind = kinds[MIN (adw_combo_row_get_selected (self->kind_combo),
                                G_N_ELEMENTS (kinds) - 1)];
  const char *depends_id = chosen_depends (self);
  g_auto(GStrv) depends_on = styr_task_dup_depends_on (self->task);

  gboolean ok = TRUE;

  /* What is refused is marked and left as stored; the rest is saved. */
  deadline = styr_date_from_user (deadline_text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_entry), "error");
  if (deadline == NULL && deadline_text[0] != '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_entry), "error");
      g_set_error (error, STYR_TASK_ACTION_ERROR, STYR_TASK_ACTION_ERROR_INVALID,
                   /* Translators: %s is what the user typed as the deadline. */
                   _("The deadline “%s” is not a date. Write it day first, e.g. 31-01-2020."),
                   deadline_text);
      deadline = g_strdup (styr_record_get_string (record, "deadline"));
      ok = FALSE;
    }

  if (g_strcmp0 (depends_id, styr_record_get_id (record)) == 0)
    {
      if (ok)
        g_set_error_literal (error, STYR_TASK_ACTION_ERROR, STYR_TASK_ACTION_ERROR_INVALID,
                             _("A task cannot wait for itself. Choose another task it must "
                               "come after, or “Nothing”."));
      depends_id = depends_on != NULL ? depends_on[0] : NULL;
      ok = FALSE;
    }

  change_text (changes, "title", styr_task_get_title (self->task),
               gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  change_text (changes, "project", styr_task_get_project (self->task),
               gtk_editable_get_text (GTK_EDITABLE (self->project_entry)));
  change_text (changes, "code", styr_record_get_string (record, "code"),
               gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
  change_text (changes, "deadline", styr_record_get_string (record, "deadline"), deadline);
  change_text (changes, "kind", styr_task_get_kind (self->task), kind);
  if (g_strcmp0 (depends_id, depends_on != NULL ? depends_on[0] : NULL) != 0)
    {
      JsonArray *array = json_array_new ();

      if (depends_id != NULL)
        json_array_add_string_element (array, depends_id);
      json_object_set_array_member (changes, "depends_on", array);
    }

  return ok;
}

static void
read_state (StyrTaskDetail *self,
            JsonObject     *changes)
{
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  guint role = adw_combo_row_get_selected (self->role_combo);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  change_text (changes, "responsible", state_string (self, "responsible"),
               gtk_editable_get_text (GTK_EDITABLE (self->responsible_row)));
  change_text (changes, "doer", state_string (self, "doer"),
               gtk_editable_get_text (GTK_EDITABLE (self->doer_row)));
  change_text (changes, "role", state_string (self, "role"),
               role < self->role_keys->len ? g_ptr_array_index (self->role_keys, role) : NULL);
  change_text (changes, "notes", state_string (self, "notes"), notes);
}

/* Everything is read from the form before anything is written: the first
 * write reaches the page at once, which shows the task afresh. A refused
 * field is said only when the user leaves it behind, @leaving. */
static void
save_form (StyrTaskDetail *self,
           gboolean        leaving)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  g_autoptr(JsonObject) task_changes = json_object_new ();
  g_autoptr(JsonObject) state_changes = json_object_new ();
  g_autoptr(StyrTask) task = NULL;
  g_autoptr(StyrTaskState) state = NULL;
  g_autofree char *state_id = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->task == NULL)
    return;

  task = g_object_ref (self->task);
  state = self->state != NULL ? g_object_ref (self->state) : NULL;
  if (styr_work_record_is_own (STYR_RECORD (task)) &&
      !read_local (self, task_changes, &refused) && leaving)
    styr_ui_show_error (GTK_WIDGET (self), refused);
  read_state (self, state_changes);

  /* A draft waits for its title; left without one, it was never made. */
  if (self->draft)
    {
      g_autofree char *id = NULL;

      if (!json_object_has_member (task_changes, "title") ||
          JSON_NODE_HOLDS_NULL (json_object_get_member (task_changes, "title")))
        return;
      json_object_set_string_member (task_changes, "project", styr_task_get_project (task));
      if (!styr_task_save_local (self->store, NULL, NULL, task_changes, styr_ui_author (), &id,
                                 &error) ||
          (json_object_get_size (state_changes) > 0 &&
           !styr_work_update_state (self->store, (state_id = styr_work_state_id (id)), NULL,
                                    state_changes, styr_ui_author (), NULL, &error)))
        {
          styr_ui_show_error (GTK_WIDGET (self), error);
          return;
        }
      self->draft = FALSE;
      g_signal_emit (self, signals[CREATED], 0, id);
      return;
    }

  state_id = styr_work_state_id (styr_record_get_id (STYR_RECORD (task)));

  if ((json_object_get_size (task_changes) > 0 &&
       !styr_task_save_local (self->store, styr_record_get_id (STYR_RECORD (task)),
                              styr_record_get_rev (STYR_RECORD (task)), task_changes,
                              styr_ui_author (), NULL, &error)) ||
      (json_object_get_size (state_changes) > 0 &&
       !styr_work_update_state (self->store, state_id,
                                state != NULL ? styr_record_get_rev (STYR_RECORD (state)) : NULL,
                                state_changes, styr_ui_author (), NULL, &error)))
    styr_ui_show_error (GTK_WIDGET (self), error);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  StyrTaskDetail *self = user_data;

  self->save_id = 0;
  save_form (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The user typed or chose: save a moment after the last change. */
static void
form_changed_cb (StyrTaskDetail *self)
{
  if (self->showing || self->updating || self->tasks_changing || self->task == NULL)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (STYR_UI_SAVE_DELAY_MS, save_timeout_cb, self);
}

/**
 * styr_task_detail_save:
 * @self: a #StyrTaskDetail
 *
 * Saves what was typed and is not saved yet, as on leaving the task.
 */
void
styr_task_detail_save (StyrTaskDetail *self)
{
  g_return_if_fail (STYR_IS_TASK_DETAIL (self));

  if (self->save_id != 0)
    save_form (self, TRUE);
}

/**
 * styr_task_detail_show_draft:
 * @self: a #StyrTaskDetail
 * @project: the project the new task goes in
 *
 * Shows an empty own task to fill in. It is made in the store once it has
 * a title, and #StyrTaskDetail::created says so; an abandoned draft leaves
 * nothing behind.
 */
void
styr_task_detail_show_draft (StyrTaskDetail *self,
                             const char     *project)
{
  g_autoptr(StyrTask) draft = NULL;

  g_return_if_fail (STYR_IS_TASK_DETAIL (self));
  g_return_if_fail (project != NULL);

  draft = styr_task_new_draft (project);
  styr_task_detail_save (self);
  self->draft = TRUE;
  styr_task_detail_show (self, draft, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * styr_task_detail_is_draft:
 * @self: a #StyrTaskDetail
 *
 * Returns: whether it shows a new task not made yet
 */
gboolean
styr_task_detail_is_draft (StyrTaskDetail *self)
{
  g_return_val_if_fail (STYR_IS_TASK_DETAIL (self), FALSE);

  return self->draft;
}

static void
styr_task_detail_dispose (GObject *object)
{
  StyrTaskDetail *self = (StyrTaskDetail *)object;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->showing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_TASK_DETAIL);

  g_clear_object (&self->task);
  g_clear_object (&self->state);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->role_keys, g_ptr_array_unref);
  g_clear_object (&self->other_tasks);
  g_clear_pointer (&self->depends_choice, g_free);
  g_clear_object (&self->all_tasks);

  G_OBJECT_CLASS (styr_task_detail_parent_class)->dispose (object);
}

static void
styr_task_detail_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StyrTaskDetail *self = STYR_TASK_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    case PROP_CLOCK:
      g_set_object (&self->clock, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_task_detail_class_init (StyrTaskDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_task_detail_dispose;
  object_class->set_property = styr_task_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STYR_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, STYR_TYPE_CLOCK,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STYR_TYPE_HISTORY_GROUP);
  g_type_ensure (STYR_TYPE_NATIONAL_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-task-detail.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, StyrTaskDetail, name)
  CHILD (title_label);
  CHILD (subtitle_label);
  CHILD (lifecycle_label);
  CHILD (blocked_label);
  CHILD (not_started_button);
  CHILD (started_button);
  CHILD (completed_button);
  CHILD (national_title);
  CHILD (national_bar);
  CHILD (national_label);
  CHILD (catalogue_group);
  CHILD (project_row);
  CHILD (kind_row);
  CHILD (published_row);
  CHILD (deadline_row);
  CHILD (kombit_notes_row);
  CHILD (styr_notes_row);
  CHILD (local_group);
  CHILD (title_row);
  CHILD (project_entry);
  CHILD (code_entry);
  CHILD (deadline_entry);
  CHILD (kind_combo);
  CHILD (depends_combo);
  CHILD (responsible_row);
  CHILD (doer_row);
  CHILD (role_combo);
  CHILD (role_list);
  CHILD (notes_view);
  CHILD (delete_button);
  CHILD (history_group);
  CHILD (task_history_group);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, status_toggled_cb);

  /**
   * StyrTaskDetail::created:
   * @self: the detail
   * @id: the new task's id
   *
   * A draft was saved as a new own task.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
styr_task_detail_init (StyrTaskDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role_keys = g_ptr_array_new_with_free_func (g_free);
  styr_history_group_set_describers (self->history_group, styr_work_field_label,
                                     styr_work_describe_value);
  styr_history_group_set_describers (self->task_history_group, styr_work_field_label,
                                     styr_work_describe_value);

  {
    GtkEditable *entries[] = { GTK_EDITABLE (self->title_row), GTK_EDITABLE (self->project_entry),
                               GTK_EDITABLE (self->code_entry), GTK_EDITABLE (self->deadline_entry),
                               GTK_EDITABLE (self->responsible_row),
                               GTK_EDITABLE (self->doer_row) };
    GObject *choices[] = { G_OBJECT (self->kind_combo), G_OBJECT (self->depends_combo),
                           G_OBJECT (self->role_combo) };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (form_changed_cb), self);
    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      g_signal_connect_swapped (choices[i], "notify::selected", G_CALLBACK (form_changed_cb), self);
    g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                              G_CALLBACK (form_changed_cb), self);
  }
}
