/* styr-agreement-questions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-questions"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-agreement-actions.h"
#include "styr-agreement-questions.h"
#include "styr-format.h"
#include "styr-ui.h"

/* StyrAgreementQuestions: the agreement editor's section with the five
 * important questions before approval, each in KOMBIT's words with its
 * answer and a note. It says "changed" when the user answers, so the
 * editor saves as they go; the answers on screen are what Approve counts.
 */
struct _StyrAgreementQuestions
{
  AdwPreferencesGroup  parent_instance;

  /* The questions, from the catalogue, and per question its answer's
   * drop-down and its note row (borrowed from the group). */
  GPtrArray           *questions;
  GPtrArray           *answer_dropdowns;
  GPtrArray           *note_rows;
  char                *questions_reference;
  gboolean             showing;
};

G_DEFINE_FINAL_TYPE (StyrAgreementQuestions, styr_agreement_questions, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The answers in the order of the drop-downs. */
static const char *answers[] = { NULL, "yes", "no", "unsure" };

/* The user answered; showing an agreement is not the user's doing. */
static void
changed_cb (StyrAgreementQuestions *self)
{
  if (!self->showing)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * styr_agreement_questions_load:
 * @self: the section
 * @store: the store, with KOMBIT's questions from the catalogue
 *
 * Builds a drop-down and a note per question, in the catalogue's order.
 */
void
styr_agreement_questions_load (StyrAgreementQuestions *self,
                            StyrStore           *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STYR_IS_AGREEMENT_QUESTIONS (self));
  g_return_if_fail (self->questions == NULL);

  self->questions = styr_agreement_list_questions (store, &error);
  if (self->questions == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The questions could not be read: %s"),
                                                  error->message);

      self->questions = g_ptr_array_new_with_free_func (g_object_unref);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), message);
      return;
    }

  for (guint i = 0; i < self->questions->len; i++)
    {
      StyrChecklistItem *question = g_ptr_array_index (self->questions, i);
      const char *choices[] = { styr_agreement_answer_label (answers[0]),
                                styr_agreement_answer_label (answers[1]),
                                styr_agreement_answer_label (answers[2]),
                                styr_agreement_answer_label (answers[3]), NULL };
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dropdown = gtk_drop_down_new_from_strings (choices);
      GtkWidget *note = adw_entry_row_new ();
      g_autofree char *note_title = NULL;
      /* KOMBIT's words, the label and the whole question, as the deck has
       * them; they are not translated. */
      const char *text = styr_checklist_item_get_text (question);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

      /* Translators: the note field under one of the five questions; %u is
       * its number. */
      note_title = g_strdup_printf (_("Note on Question %u"), i + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (note), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), note_title);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), note);

      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (note, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->answer_dropdowns, dropdown);
      g_ptr_array_add (self->note_rows, note);
    }

  self->questions_reference = styr_agreement_questions_reference (store);
}

/**
 * styr_agreement_questions_show:
 * @self: the section
 * @agreement: the agreement on screen
 *
 * Shows @agreement's answers and notes, and who last gave them.
 */
void
styr_agreement_questions_show (StyrAgreementQuestions *self,
                            StyrAgreement       *agreement)
{
  const char *reviewer = styr_agreement_get_reviewer (agreement);
  g_autoptr(GString) description = g_string_new (NULL);
  GDate date;

  self->showing = TRUE;
  for (guint i = 0; i < self->questions->len; i++)
    {
      const char *qid = styr_agreement_question_id (g_ptr_array_index (self->questions, i));
      const char *note = NULL;
      const char *answer = styr_agreement_get_answer (agreement, qid, &note);
      guint selected = 0;

      for (guint a = 1; a < G_N_ELEMENTS (answers); a++)
        if (g_strcmp0 (answer, answers[a]) == 0)
          selected = a;

      gtk_drop_down_set_selected (g_ptr_array_index (self->answer_dropdowns, i), selected);
      styr_ui_set_row_text (g_ptr_array_index (self->note_rows, i), note);
    }

  if (self->questions_reference != NULL)
    /* Translators: %s is where KOMBIT asks the questions, as its catalogue
     * names it, such as a section of a user guide. */
    g_string_append_printf (description, _("KOMBIT’s questions, from %s. "),
                            self->questions_reference);
  if (reviewer != NULL && styr_agreement_get_review_date (agreement, &date))
    {
      g_autofree char *day = styr_format_date (&date);

      /* Translators: who last answered the five questions, and when. */
      g_string_append_printf (description, _("Last reviewed by %s on %s."), reviewer, day);
    }
  else
    g_string_append (description, _("Ask them before approving, and again at every review."));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description->str);
  self->showing = FALSE;
}

/**
 * styr_agreement_questions_read:
 * @self: the section
 * @record: an agreement to write the answers into
 *
 * Returns: %TRUE if any answer or note on screen differs from @record's
 */
gboolean
styr_agreement_questions_read (StyrAgreementQuestions *self,
                            StyrAgreement       *record)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->questions->len; i++)
    {
      const char *qid = styr_agreement_question_id (g_ptr_array_index (self->questions, i));
      guint selected = gtk_drop_down_get_selected (g_ptr_array_index (self->answer_dropdowns, i));
      const char *answer = selected < G_N_ELEMENTS (answers) ? answers[selected] : NULL;
      const char *note = gtk_editable_get_text (g_ptr_array_index (self->note_rows, i));
      const char *old_note = NULL;
      const char *old = styr_agreement_get_answer (record, qid, &old_note);

      if (g_strcmp0 (old, answer) == 0 && g_strcmp0 (old_note != NULL ? old_note : "", note) == 0)
        continue;

      styr_agreement_set_answer (record, qid, answer, note[0] != '\0' ? note : NULL);
      changed = TRUE;
    }

  return changed;
}

static void
styr_agreement_questions_finalize (GObject *object)
{
  StyrAgreementQuestions *self = (StyrAgreementQuestions *)object;

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->answer_dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);
  g_clear_pointer (&self->questions_reference, g_free);

  G_OBJECT_CLASS (styr_agreement_questions_parent_class)->finalize (object);
}

static void
styr_agreement_questions_class_init (StyrAgreementQuestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = styr_agreement_questions_finalize;

  /**
   * StyrAgreementQuestions::changed:
   *
   * The user changed an answer or a note.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-agreement-questions.ui");
}

static void
styr_agreement_questions_init (StyrAgreementQuestions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->answer_dropdowns = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();
}
