/* styr-agreement-review.c: the review of one service agreement as a
 * printed document, for the approver to file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-agreement-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-agreement-actions.h"
#include "styr-agreement-columns.h"
#include "styr-agreement-review.h"
#include "styr-format.h"
#include "styr-municipality.h"
#include "styr-rules.h"

/**
 * styr_agreement_review_report_new:
 * @store: the store
 * @agreement: the agreement under review
 * @context: the day and the thresholds its risks are judged by
 * @width: the page's width in points
 * @height: the page's height in points
 * @error: return location for a #GError
 *
 * Lays out one agreement's review: its fields as the register has them,
 * each of KOMBIT's questions word for word with the answer and note given,
 * who answered them and when, and the risks Styr sees, through the same
 * renderer as the meeting summary.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
StyrReport *
styr_agreement_review_report_new (StyrStore             *store,
                                  StyrAgreement         *agreement,
                                  const StyrRuleContext *context,
                                  double                 width,
                                  double                 height,
                                  GError               **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(StyrReport) self = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *generated = g_date_time_format (now, "%d-%m-%Y %H:%M");
  g_autofree char *municipality = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = styr_format_day (&context->today);
  g_autofree char *as_of = NULL;
  g_autofree char *reference = NULL;
  const char *reviewer = styr_agreement_get_reviewer (agreement);
  const StyrAgreementColumn *columns;
  StyrRiskFlags risks;
  guint n_columns;
  GDate reviewed;
  int header;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (STYR_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  if ((questions = styr_agreement_list_questions (store, error)) == NULL ||
      (assignments = styr_record_load_all (store, "assignment", NULL, error)) == NULL)
    return NULL;

  municipality = styr_municipality_dup_name (store, context->municipality);
  /* Translators: the title of one agreement's printed review; %s is its
   * using system. */
  title = g_strdup_printf (_("Review of the Service Agreement for %s"),
                           styr_agreement_get_using_system (agreement));
  self = styr_report_new (width, height, title, municipality);
  styr_report_add_title (self, title);
  styr_report_add_subtitle (self, municipality, FALSE);
  /* Translators: when the report was made; %s is a date written out. */
  as_of = g_strdup_printf (_("As of %s · made %s"), today, generated);
  styr_report_add_subtitle (self, as_of, FALSE);

  styr_report_add_heading (self, _("The Agreement"));
  header = styr_report_add_header (self, _("Field"), _("Value"), NULL);
  columns = styr_agreement_columns (&n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *value = styr_agreement_column_format (&columns[i], agreement);

      styr_report_add_row (self, header, FALSE, styr_agreement_column_heading (&columns[i]),
                           value != NULL && value[0] != '\0' ? value : "–", NULL);
    }

  styr_report_add_heading (self, _("The Five Important Questions"));
  reference = styr_agreement_questions_reference (store);
  if (reference != NULL)
    {
      /* Translators: %s is where KOMBIT asks the questions, as its
       * catalogue names it. */
      g_autofree char *source = g_strdup_printf (_("KOMBIT’s questions, word for word, from %s."),
                                                 reference);

      styr_report_add_text (self, source, FALSE);
    }
  header = styr_report_add_header (self, _("Question"), _("Answer and note"), NULL);
  for (guint i = 0; i < questions->len; i++)
    {
      StyrChecklistItem *question = g_ptr_array_index (questions, i);
      const char *note = NULL;
      const char *answer = styr_agreement_get_answer (agreement,
                                                      styr_agreement_question_id (question),
                                                      &note);
      const char *label = styr_agreement_answer_label (answer);
      g_autofree char *cell = note != NULL ? g_strdup_printf ("%s\n%s", label, note)
                                           : g_strdup (label);

      styr_report_add_row (self, header, g_strcmp0 (answer, "yes") != 0,
                           styr_checklist_item_get_text (question), cell, NULL);
    }
  if (reviewer != NULL && styr_agreement_get_review_date (agreement, &reviewed))
    {
      g_autofree char *day = styr_format_date (&reviewed);
      /* Translators: who last answered the five questions, and when. */
      g_autofree char *line = g_strdup_printf (_("Last reviewed by %s on %s."), reviewer, day);

      styr_report_add_text (self, line, FALSE);
    }
  else
    styr_report_add_text (self, _("The questions have not been answered and signed yet."), TRUE);

  styr_report_add_heading (self, _("Risks"));
  risks = styr_rules_agreement_risks (agreement, assignments, &context->today,
                                      &context->thresholds);
  if (risks == STYR_RISK_NONE)
    styr_report_add_text (self, _("Styr sees no risk."), FALSE);
  for (guint bit = 0; bit < 32; bit++)
    if (risks & (1u << bit))
      {
        g_autofree char *line = g_strdup_printf ("• %s", styr_rules_risk_describe (1u << bit));

        styr_report_add_text (self, line, TRUE);
      }

  return g_steal_pointer (&self);
}
