/* styr-decision-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-agreement-actions.h"
#include "styr-decision-dialog.h"
#include "styr-record.h"

/* StyrDecisionDialog asks before a step of an agreement's lifecycle and
 * takes it when the user confirms. It says what the step means for the
 * municipality; approving with an incomplete review names what is
 * missing and needs "Approve Anyway". The step is taken against the
 * revision the user saw, so a colleague's change in between is not
 * overwritten. When it is done, ::decided reports the agreement and any
 * error.
 */
struct _StyrDecisionDialog
{
  AdwMessageDialog  parent_instance;

  StyrStore        *store;
  StyrClock        *clock;
  StyrDecision      decision;
  char             *id;
  char             *rev;
  char             *author;
  guint             review_interval_months;
  GtkEditable      *date_entry;
};

G_DEFINE_FINAL_TYPE (StyrDecisionDialog, styr_decision_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
take_step (StyrDecisionDialog  *self,
           GError             **error)
{
  GDate today;

  styr_clock_get_today (self->clock, &today);
  switch (self->decision)
    {
    case STYR_DECISION_APPROVE:
      return styr_agreement_approve (self->store, self->id, self->rev, self->author, &today,
                                     self->author, self->review_interval_months, NULL, error);

    case STYR_DECISION_REJECT:
      return styr_agreement_reject (self->store, self->id, self->rev, self->author, &today,
                                    NULL, error);

    case STYR_DECISION_TERMINATE:
      return styr_agreement_terminate (self->store, self->id, self->rev, self->author, &today,
                                       NULL, error);

    case STYR_DECISION_RENEW:
      {
        const char *text = gtk_editable_get_text (self->date_entry);
        g_autofree char *iso = styr_date_from_user (text);
        GDate valid_to;

        if (iso == NULL || !styr_parse_date (iso, &valid_to))
          {
            g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID,
                         _("“%s” is not a date (expected dd-mm-yyyy)"), text);
            return FALSE;
          }

        return styr_agreement_renew (self->store, self->id, self->rev, self->author, &today,
                                     &valid_to, NULL, error);
      }

    default:
      g_assert_not_reached ();
    }
}

static void
styr_decision_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  StyrDecisionDialog *self = STYR_DECISION_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "confirm"))
    return;

  take_step (self, &error);
  g_signal_emit (self, signals[DECIDED], 0, self->id, error);
}

/* Sets the heading, body and confirm button for @agreement. */
static void
describe (StyrDecisionDialog *self,
          StyrAgreement      *agreement)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  const char *name = styr_agreement_get_using_system (agreement);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *confirm = NULL;
  gboolean destructive = TRUE;

  switch (self->decision)
    {
    case STYR_DECISION_APPROVE:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) questions = styr_agreement_list_questions (self->store, &error);
        g_autoptr(GPtrArray) missing = NULL;
        g_autoptr(GString) list = g_string_new (NULL);

        if (questions == NULL)
          {
            heading = g_strdup_printf (_("Approve “%s”?"), name);
            body = g_strdup_printf (_("The five questions could not be read: %s"),
                                    error->message);
            confirm = _("Approve _Anyway");
            break;
          }
        missing = styr_agreement_review_missing (agreement, questions);
        if (missing->len == 0)
          {
            heading = g_strdup_printf (_("Approve “%s”?"), name);
            body = g_strdup (_("All five questions are answered yes. The system gets access to "
                               "the data, and the municipality pays for the use."));
            confirm = _("_Approve");
            destructive = FALSE;
            break;
          }

        /* Approving without a complete review is allowed, but only when the
         * user has seen exactly what is missing. */
        for (guint i = 0; i < missing->len; i++)
          g_string_append_printf (list, "\n• %s",
                                  styr_checklist_item_get_text (g_ptr_array_index (missing, i)));
        heading = g_strdup_printf (_("Approve “%s” Without a Complete Review?"), name);
        body = g_strdup_printf (_("These questions are not answered yes:%s\n\nApprove only if "
                                  "you have checked them another way."), list->str);
        confirm = _("Approve _Anyway");
      }
      break;

    case STYR_DECISION_REJECT:
      heading = g_strdup_printf (_("Reject “%s”?"), name);
      body = g_strdup (_("The system does not get access to the data."));
      confirm = _("_Reject");
      break;

    case STYR_DECISION_TERMINATE:
      heading = g_strdup_printf (_("Terminate “%s”?"), name);
      body = g_strdup (_("The system loses its access to the data. Terminate the agreement in "
                         "STS Administrationsmodul too."));
      confirm = _("_Terminate");
      break;

    case STYR_DECISION_RENEW:
      {
        GtkWidget *entry = gtk_entry_new ();
        char text[32] = "";
        GDate until;

        heading = g_strdup_printf (_("Renew “%s”"), name);
        body = g_strdup (_("Until which day does the system need the data?"));
        confirm = _("Re_new");
        destructive = FALSE;

        /* A year from the current end, or from today, is the usual renewal. */
        if (!styr_agreement_get_valid_to (agreement, &until))
          styr_clock_get_today (self->clock, &until);
        g_date_add_years (&until, 1);
        g_date_strftime (text, sizeof text, "%d-%m-%Y", &until);

        gtk_editable_set_text (GTK_EDITABLE (entry), text);
        gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("New end date"), -1);
        adw_message_dialog_set_extra_child (dialog, entry);
        self->date_entry = GTK_EDITABLE (entry);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Enter confirms only a step that is easy to take back. */
  adw_message_dialog_set_default_response (dialog, self->decision == STYR_DECISION_RENEW
                                                   ? "confirm" : "cancel");
}

static void
styr_decision_dialog_finalize (GObject *object)
{
  StyrDecisionDialog *self = (StyrDecisionDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_free (self->id);
  g_free (self->rev);
  g_free (self->author);

  G_OBJECT_CLASS (styr_decision_dialog_parent_class)->finalize (object);
}

static void
styr_decision_dialog_class_init (StyrDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = styr_decision_dialog_finalize;
  dialog_class->response = styr_decision_dialog_response;

  /**
   * StyrDecisionDialog::decided:
   * @self: the dialog
   * @id: the agreement
   * @error: (nullable): why the step was not taken, or %NULL
   *
   * The user confirmed, and the step was taken or failed.
   */
  signals[DECIDED] =
    g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
styr_decision_dialog_init (StyrDecisionDialog *self)
{
}

/**
 * styr_decision_dialog_new:
 * @parent: the window to be modal for
 * @store: the store
 * @clock: the clock that says what today is
 * @agreement: the agreement, as the user saw it
 * @decision: the step to ask about
 * @author: who takes it, for the history
 * @review_interval_months: months to the next review after an approval
 *
 * Returns: (transfer none): a new dialog, not yet presented
 */
StyrDecisionDialog *
styr_decision_dialog_new (GtkWindow     *parent,
                          StyrStore     *store,
                          StyrClock     *clock,
                          StyrAgreement *agreement,
                          StyrDecision   decision,
                          const char    *author,
                          guint          review_interval_months)
{
  StyrDecisionDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (STYR_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (STYR_IS_AGREEMENT (agreement), NULL);

  self = g_object_new (STYR_TYPE_DECISION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->decision = decision;
  self->id = g_strdup (styr_record_get_id (STYR_RECORD (agreement)));
  self->rev = g_strdup (styr_record_get_rev (STYR_RECORD (agreement)));
  self->author = g_strdup (author);
  self->review_interval_months = review_interval_months;
  describe (self, agreement);

  return self;
}
