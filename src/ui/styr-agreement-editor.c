/* styr-agreement-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-agreement-actions.h"
#include "styr-agreement-editor.h"
#include "styr-agreement-questions.h"
#include "styr-format.h"
#include "styr-history-group.h"
#include "styr-json.h"
#include "styr-rules.h"
#include "styr-ui.h"
#include "styr-usage-chart.h"

/* StyrAgreementEditor: one service agreement to edit, in sections — its
 * fields, its state and the steps of its lifecycle (the page's actions),
 * the five questions, its risks and usage as the rules see them today,
 * and its history. It saves as the user types, a moment after the last
 * key, and at once when asked (on leaving the agreement, the page or the
 * window); a new agreement is a draft until it has a using system's name.
 */
struct _StyrAgreementEditor
{
  GtkBox                  parent_instance;

  /* Template widgets */
  AdwEntryRow            *using_system_row;
  AdwEntryRow            *supplier_row;
  AdwEntryRow            *services_row;
  AdwEntryRow            *data_scope_row;
  AdwEntryRow            *reason_row;
  AdwEntryRow            *valid_from_row;
  AdwEntryRow            *valid_to_row;
  AdwEntryRow            *contract_end_row;
  AdwEntryRow            *notes_row;
  AdwActionRow           *state_row;
  StyrAgreementQuestions *questions;
  AdwPreferencesGroup    *risks_group;
  AdwPreferencesGroup    *usage_group;
  StyrUsageChart         *usage_chart;
  GtkLabel               *usage_flagged_label;
  StyrHistoryGroup       *history_group;

  StyrStore              *store;
  StyrClock              *clock;
  /* What the rules judge the risks by, as the page has them. */
  GPtrArray              *assignments;
  StyrRuleThresholds      thresholds;
  GPtrArray              *risk_rows;

  StyrAgreement          *agreement;
  gboolean                draft;
  /* The agreement the form shows, to tell a reload of it from another. */
  char                   *shown_id;
  gboolean                showing;
  guint                   save_id;
};

G_DEFINE_FINAL_TYPE (StyrAgreementEditor, styr_agreement_editor, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_AGREEMENT,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static StyrRiskFlags
risks (StyrAgreementEditor *self)
{
  GDate today;

  styr_clock_get_today (self->clock, &today);
  return styr_rules_agreement_risks (self->agreement, self->assignments, &today,
                                     &self->thresholds);
}

static void
clear_risk_rows (StyrAgreementEditor *self)
{
  for (guint i = 0; i < self->risk_rows->len; i++)
    adw_preferences_group_remove (self->risks_group, g_ptr_array_index (self->risk_rows, i));
  g_ptr_array_set_size (self->risk_rows, 0);
}

static void
show_risks (StyrAgreementEditor *self)
{
  StyrRiskFlags flags = risks (self);

  clear_risk_rows (self);

  for (guint bit = 0; bit < 32; bit++)
    {
      StyrRiskFlags flag = 1u << bit;
      GtkWidget *row;
      GtkWidget *icon;

      if (!(flags & flag))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), styr_rules_risk_describe (flag));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->risks_group, row);
      g_ptr_array_add (self->risk_rows, row);
    }

  adw_preferences_group_set_description (self->risks_group,
                                         flags == STYR_RISK_NONE
                                         ? _("The rules find nothing to act on.") : NULL);
}

static void
show_usage (StyrAgreementEditor *self)
{
  g_autoptr(GArray) months = NULL;
  g_autofree char *flagged = NULL;
  gboolean recorded = FALSE;
  GDate today;

  styr_clock_get_today (self->clock, &today);
  months = styr_rules_agreement_usage_months (self->agreement, risks (self),
                                              &today, &self->thresholds);
  for (guint i = 0; i < months->len && !recorded; i++)
    recorded = g_array_index (months, StyrUsageMonth, i).calls >= 0;

  styr_usage_chart_set_months (self->usage_chart, months);
  gtk_widget_set_visible (GTK_WIDGET (self->usage_chart), recorded);

  flagged = styr_usage_chart_describe (self->usage_chart);
  if (flagged != NULL)
    {
      /* Translators: the months that raised a usage flag, listed after the colon. */
      g_autofree char *text = g_strdup_printf (_("Marked months: %s"), flagged);

      gtk_label_set_label (self->usage_flagged_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->usage_flagged_label), flagged != NULL);

  adw_preferences_group_set_description (self->usage_group,
                                         recorded
                                         ? _("Calls per month from the imported usage reports. "
                                             "Months that raised a risk are marked.")
                                         : _("No usage reported for the last 13 months. Import "
                                             "the usage report from the menu."));
}

/* As set_row(), for a date: "1-2-2020" already says 01-02-2020. A date
 * marked as no date stays for the user to put right, while the form
 * shows the same agreement. */
static void
set_date_row (AdwEntryRow *row,
              const char  *iso,
              gboolean     same_agreement)
{
  g_autofree char *shown = styr_date_from_user (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *text = styr_date_to_user (iso);

  if (same_agreement && gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (g_strcmp0 (shown, iso) != 0 ||
      (shown == NULL && gtk_editable_get_text (GTK_EDITABLE (row))[0] != '\0'))
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
show_agreement (StyrAgreementEditor *self)
{
  g_auto(GStrv) services = NULL;
  g_autofree char *services_text = NULL;
  StyrRecord *record = STYR_RECORD (self->agreement);
  gboolean same;

  if (self->agreement == NULL)
    return;

  /* Filling the form is not the user's typing. */
  self->showing = TRUE;
  services = styr_agreement_dup_services (self->agreement);
  services_text = services != NULL ? g_strjoinv (", ", services) : NULL;

  styr_ui_set_row_text (self->using_system_row, styr_agreement_get_using_system (self->agreement));
  styr_ui_set_row_text (self->supplier_row, styr_agreement_get_supplier (self->agreement));
  styr_ui_set_row_text (self->services_row, services_text);
  styr_ui_set_row_text (self->data_scope_row, styr_record_get_string (record, "data_scope"));
  styr_ui_set_row_text (self->reason_row, styr_agreement_get_reason (self->agreement));
  same = g_strcmp0 (self->shown_id, styr_record_get_id (record)) == 0;
  g_free (self->shown_id);
  self->shown_id = g_strdup (styr_record_get_id (record));
  set_date_row (self->valid_from_row, styr_record_get_string (record, "valid_from"), same);
  set_date_row (self->valid_to_row, styr_record_get_string (record, "valid_to"), same);
  set_date_row (self->contract_end_row, styr_record_get_string (record, "contract_end"), same);
  styr_ui_set_row_text (self->notes_row, styr_record_get_string (record, "notes"));

  {
    g_autofree char *approved = styr_date_to_user (styr_record_get_string (record, "approved"));
    g_autofree char *terminated = styr_date_to_user (styr_record_get_string (record, "terminated"));
    g_autofree char *subtitle = NULL;

    if (terminated[0] != '\0')
      /* Translators: an agreement's state and the day it was terminated. */
      subtitle = g_strdup_printf (_("%s on %s"),
                                  styr_agreement_state_label (styr_agreement_get_state (self->agreement)),
                                  terminated);
    else if (approved[0] != '\0')
      /* Translators: an agreement's state, the approval day and the approver. */
      subtitle = g_strdup_printf (_("%s on %s by %s"),
                                  styr_agreement_state_label (styr_agreement_get_state (self->agreement)),
                                  approved, styr_agreement_get_approver (self->agreement) != NULL
                                            ? styr_agreement_get_approver (self->agreement) : "–");
    else
      subtitle = g_strdup (styr_agreement_state_label (styr_agreement_get_state (self->agreement)));
    adw_action_row_set_subtitle (self->state_row, subtitle);
  }

  styr_agreement_questions_show (self->questions, self->agreement);
  show_risks (self);
  show_usage (self);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), !self->draft);
  if (!self->draft)
    styr_history_group_show (self->history_group, self->store,
                             styr_record_get_id (STYR_RECORD (self->agreement)));
  self->showing = FALSE;
}

/* A date row holds a date or nothing; anything else is marked, and the
 * field keeps what it had. */
static gboolean
read_date_row (StyrAgreement  *agreement,
               AdwEntryRow    *row,
               const char     *property,
               GError        **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *iso = NULL;

  if (text[0] != '\0' && (iso = styr_date_from_user (text)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID,
                   _("%s: “%s” is not a date (expected dd-mm-yyyy)"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_object_set (agreement, property, iso, NULL);
  return TRUE;
}

/* A text row's words, trimmed; empty is none. */
static void
read_text_row (StyrAgreement *agreement,
               AdwEntryRow   *row,
               const char    *property)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_object_set (agreement, property, text[0] != '\0' ? text : NULL, NULL);
}

/* The SF codes as typed, "sf1520, SF1530;SF1590", as the register has
 * them. */
static void
read_services_row (StyrAgreement *agreement,
                   AdwEntryRow   *row)
{
  g_auto(GStrv) typed = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (row)), ",; ", -1);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) services = NULL;

  for (guint i = 0; typed[i] != NULL; i++)
    {
      g_autofree char *code = g_ascii_strup (g_strstrip (typed[i]), -1);

      if (code[0] != '\0')
        g_strv_builder_add (codes, code);
    }
  services = g_strv_builder_end (codes);
  g_object_set (agreement, "services", services, NULL);
}

/* Writes the form into the store. A date that is no date is marked and
 * left as it was, the rest saved; @leaving says so too, since what stays
 * marked is not kept once the user moves on. A new agreement is saved
 * once it has a using system's name. */
static gboolean
save_form (StyrAgreementEditor *self,
           gboolean             leaving)
{
  g_autoptr(StyrRecord) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;
  AdwEntryRow *dates[] = { self->valid_from_row, self->valid_to_row, self->contract_end_row };
  const char *date_properties[] = { "valid-from", "valid-to", "contract-end" };

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->agreement == NULL)
    return TRUE;

  /* The form is read into a copy; the agreement on screen stays as it was
   * stored until the store has the copy. */
  id = g_strdup (styr_record_get_id (STYR_RECORD (self->agreement)));
  {
    g_autoptr(JsonObject) body = styr_record_to_json (STYR_RECORD (self->agreement));

    edited = styr_record_load (id, NULL, body);
    was = styr_json_object_to_canonical (body);
  }
  read_text_row (STYR_AGREEMENT (edited), self->using_system_row, "using-system");
  read_text_row (STYR_AGREEMENT (edited), self->supplier_row, "supplier");
  read_text_row (STYR_AGREEMENT (edited), self->data_scope_row, "data-scope");
  read_text_row (STYR_AGREEMENT (edited), self->reason_row, "reason");
  read_text_row (STYR_AGREEMENT (edited), self->notes_row, "notes");
  read_services_row (STYR_AGREEMENT (edited), self->services_row);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) one = NULL;

      if (!read_date_row (STYR_AGREEMENT (edited), dates[i], date_properties[i], &one) &&
          date_error == NULL)
        date_error = g_steal_pointer (&one);
    }

  /* Answers to the five questions are signed with who gave them, today. */
  if (styr_agreement_questions_read (self->questions, STYR_AGREEMENT (edited)))
    {
      GDate today;

      styr_clock_get_today (self->clock, &today);
      styr_agreement_set_review (STYR_AGREEMENT (edited), styr_ui_author (), &today);
    }

  if (date_error != NULL && leaving)
    styr_ui_show_error (GTK_WIDGET (self), date_error);

  /* A draft waits for its name; left without one, it was never made. */
  if (self->draft && styr_agreement_get_using_system (STYR_AGREEMENT (edited)) == NULL)
    return TRUE;
  {
    g_autoptr(JsonObject) body = styr_record_to_json (edited);

    now = styr_json_object_to_canonical (body);
  }
  if (!self->draft && g_str_equal (was, now))
    return TRUE;

  if (!styr_agreement_save (self->store, STYR_AGREEMENT (edited),
                            self->draft ? NULL : styr_record_get_rev (STYR_RECORD (self->agreement)),
                            styr_ui_author (), &rev, &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  /* The form goes on with what it saved, whatever the list does. */
  self->draft = FALSE;
  styr_record_set_rev (edited, rev);
  g_set_object (&self->agreement, STYR_AGREEMENT (edited));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
  if (!leaving)
    g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  StyrAgreementEditor *self = user_data;

  self->save_id = 0;
  save_form (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The user typed or chose: save a moment after the last change. */
static void
form_changed_cb (StyrAgreementEditor *self)
{
  if (self->showing || self->agreement == NULL)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (STYR_UI_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
styr_agreement_editor_dispose (GObject *object)
{
  StyrAgreementEditor *self = (StyrAgreementEditor *)object;

  g_clear_handle_id (&self->save_id, g_source_remove);
  /* Tearing the widgets down emits their signals; the form must not save
   * any more. */
  self->showing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_AGREEMENT_EDITOR);
  g_clear_object (&self->agreement);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_pointer (&self->risk_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown_id, g_free);

  G_OBJECT_CLASS (styr_agreement_editor_parent_class)->dispose (object);
}

static void
styr_agreement_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StyrAgreementEditor *self = STYR_AGREEMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_agreement_editor_class_init (StyrAgreementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_agreement_editor_dispose;
  object_class->get_property = styr_agreement_editor_get_property;

  /**
   * StyrAgreementEditor:agreement:
   *
   * The agreement on screen, as last stored, or the draft; %NULL for none.
   */
  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL, STYR_TYPE_AGREEMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StyrAgreementEditor::saved:
   * @id: the agreement's id
   *
   * The user's typing was stored, while they stay on the agreement: the
   * list selects it, a new one too.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (STYR_TYPE_AGREEMENT_QUESTIONS);
  g_type_ensure (STYR_TYPE_USAGE_CHART);
  g_type_ensure (STYR_TYPE_HISTORY_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-agreement-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, StyrAgreementEditor, name)
  CHILD (using_system_row);
  CHILD (supplier_row);
  CHILD (services_row);
  CHILD (data_scope_row);
  CHILD (reason_row);
  CHILD (valid_from_row);
  CHILD (valid_to_row);
  CHILD (contract_end_row);
  CHILD (notes_row);
  CHILD (state_row);
  CHILD (questions);
  CHILD (risks_group);
  CHILD (usage_group);
  CHILD (usage_chart);
  CHILD (usage_flagged_label);
  CHILD (history_group);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
}

static void
styr_agreement_editor_init (StyrAgreementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->risk_rows = g_ptr_array_new ();
  self->assignments = g_ptr_array_new ();
  styr_rule_thresholds_init (&self->thresholds);
  styr_history_group_set_describers (self->history_group, styr_agreement_field_label,
                                     styr_agreement_describe_value);
}

/**
 * styr_agreement_editor_setup:
 * @self: the editor
 * @store: the store it saves to
 * @clock: the clock, for risks and the day answers are signed
 */
void
styr_agreement_editor_setup (StyrAgreementEditor *self,
                             StyrStore           *store,
                             StyrClock           *clock)
{
  g_return_if_fail (STYR_IS_AGREEMENT_EDITOR (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  styr_agreement_questions_load (self->questions, store);
  g_signal_connect_object (self->questions, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * styr_agreement_editor_set_rules:
 * @self: the editor
 * @assignments: (element-type StyrAssignment): who holds the roles
 * @thresholds: the thresholds in Preferences
 *
 * What the risks are judged by; the agreement on screen is judged again.
 */
void
styr_agreement_editor_set_rules (StyrAgreementEditor      *self,
                                 GPtrArray                *assignments,
                                 const StyrRuleThresholds *thresholds)
{
  g_return_if_fail (STYR_IS_AGREEMENT_EDITOR (self));

  g_ptr_array_unref (self->assignments);
  self->assignments = g_ptr_array_ref (assignments);
  self->thresholds = *thresholds;
  styr_agreement_editor_refresh (self);
}

/**
 * styr_agreement_editor_show:
 * @self: the editor
 * @agreement: (nullable): the agreement to edit, as stored, or %NULL
 *
 * Shows @agreement; what was typed into the one before is saved first.
 */
void
styr_agreement_editor_show (StyrAgreementEditor *self,
                            StyrAgreement       *agreement)
{
  g_return_if_fail (STYR_IS_AGREEMENT_EDITOR (self));

  if (self->agreement != NULL && agreement != self->agreement)
    styr_agreement_editor_save (self, TRUE);
  self->draft = FALSE;
  if (agreement == NULL)
    g_clear_pointer (&self->shown_id, g_free);
  if (g_set_object (&self->agreement, agreement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
  show_agreement (self);
}

/**
 * styr_agreement_editor_show_draft:
 * @self: the editor
 *
 * Starts a new agreement. It is a draft in the form, made in the store
 * only once it has a using system's name, so an abandoned one leaves
 * nothing.
 */
void
styr_agreement_editor_show_draft (StyrAgreementEditor *self)
{
  g_autoptr(StyrRecord) record = styr_record_new (STYR_TYPE_AGREEMENT, NULL);

  g_return_if_fail (STYR_IS_AGREEMENT_EDITOR (self));

  if (self->agreement != NULL)
    styr_agreement_editor_save (self, TRUE);
  styr_record_set_string (record, "state", "requested");
  g_set_object (&self->agreement, STYR_AGREEMENT (record));
  self->draft = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
  show_agreement (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->using_system_row));
}

/**
 * styr_agreement_editor_refresh:
 * @self: the editor
 *
 * Shows the agreement again: its risks after a change of the rules, or
 * its usage after an import. The user's typing stays.
 */
void
styr_agreement_editor_refresh (StyrAgreementEditor *self)
{
  g_return_if_fail (STYR_IS_AGREEMENT_EDITOR (self));

  if (self->agreement != NULL)
    show_agreement (self);
}

/**
 * styr_agreement_editor_get_agreement:
 * @self: the editor
 *
 * Returns: (transfer none) (nullable): see #StyrAgreementEditor:agreement
 */
StyrAgreement *
styr_agreement_editor_get_agreement (StyrAgreementEditor *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_EDITOR (self), NULL);

  return self->agreement;
}

/**
 * styr_agreement_editor_get_stored:
 * @self: the editor
 *
 * Returns: (transfer none) (nullable): the agreement on screen if it is
 *   in the store, %NULL for none or a draft
 */
StyrAgreement *
styr_agreement_editor_get_stored (StyrAgreementEditor *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_EDITOR (self), NULL);

  return self->draft ? NULL : self->agreement;
}

gboolean
styr_agreement_editor_is_draft (StyrAgreementEditor *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_EDITOR (self), FALSE);

  return self->draft;
}

/**
 * styr_agreement_editor_get_shown_id:
 * @self: the editor
 *
 * Returns: (nullable): the id of the agreement the form shows, kept while
 *   a reload of the list drops it for a moment
 */
const char *
styr_agreement_editor_get_shown_id (StyrAgreementEditor *self)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_EDITOR (self), NULL);

  return self->shown_id;
}

/**
 * styr_agreement_editor_save:
 * @self: the editor
 * @leaving: whether the user leaves the agreement: a date the form
 *   refuses is then said in a toast, since it is not kept
 *
 * Saves what was typed now, if anything was.
 *
 * Returns: %FALSE if the store refused it; the error is shown
 */
gboolean
styr_agreement_editor_save (StyrAgreementEditor *self,
                            gboolean             leaving)
{
  g_return_val_if_fail (STYR_IS_AGREEMENT_EDITOR (self), FALSE);

  if (leaving && self->save_id == 0 && !self->draft)
    return TRUE;
  return save_form (self, leaving);
}
