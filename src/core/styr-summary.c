/* styr-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-agreement.h"
#include "styr-agreement-actions.h"
#include "styr-assignment.h"
#include "styr-checklist-actions.h"
#include "styr-checklist-item-state.h"
#include "styr-format.h"
#include "styr-meeting-actions.h"
#include "styr-municipality.h"
#include "styr-role-actions.h"
#include "styr-link.h"
#include "styr-summary.h"
#include "styr-task-actions.h"
#include "styr-work.h"

/* What needs action before the next programme-leader meeting, worked out
 * once from the store and the rules for the Overview page and the printed
 * summary alike, so the two never disagree.
 */

static void
item_free (StyrSummaryItem *item)
{
  g_free (item->id);
  g_free (item->page);
  g_free (item->title);
  g_free (item->detail);
  g_free (item->group);
  g_free (item->address);
  g_free (item);
}

void
styr_summary_free (StyrSummary *summary)
{
  g_free (summary->municipality);
  g_free (summary->attention_title);
  g_free (summary->meeting_id);
  g_free (summary->meeting_title);
  g_free (summary->meeting_when);
  g_free (summary->meeting_state);
  g_clear_pointer (&summary->agenda, g_ptr_array_unref);
  g_free (summary->notes);
  g_strfreev (summary->questions);
  g_clear_pointer (&summary->attention, g_ptr_array_unref);
  g_clear_pointer (&summary->tasks, g_ptr_array_unref);
  g_clear_pointer (&summary->projects, g_ptr_array_unref);
  g_clear_pointer (&summary->checklists, g_ptr_array_unref);
  g_clear_pointer (&summary->agreements, g_ptr_array_unref);
  g_clear_pointer (&summary->roles, g_ptr_array_unref);
  g_clear_pointer (&summary->links, g_ptr_array_unref);
  g_clear_pointer (&summary->coming, g_ptr_array_unref);
  g_clear_pointer (&summary->announced, g_ptr_array_unref);
  g_free (summary);
}

static StyrSummaryItem *
add_item (GPtrArray  *items,
          const char *id,
          const char *page,
          const char *title,
          char       *detail,
          gboolean    urgent)
{
  StyrSummaryItem *item = g_new0 (StyrSummaryItem, 1);

  item->id = g_strdup (id);
  item->page = g_strdup (page);
  item->title = g_strdup (title);
  item->detail = detail;
  item->urgent = urgent;
  g_ptr_array_add (items, item);
  return item;
}

/* A meeting's dates and where the municipality stands, in words: the
 * chosen date or the alternatives, then chosen and registered. */
static void
meeting_words (StyrMeeting      *meeting,
               StyrMeetingState *state,
               char            **when_out,
               char            **state_out)
{
  g_autoptr(GPtrArray) slots = styr_meeting_dup_effective_slots (meeting, state);
  int chosen = state != NULL ? styr_meeting_state_get_chosen_slot (state) : -1;
  gboolean registered = state != NULL && styr_meeting_state_get_registered (state);
  const char *date = styr_record_get_string (STYR_RECORD (meeting), "date");

  *when_out = NULL;
  if (chosen >= 0 && (guint) chosen < slots->len)
    *when_out = styr_format_slot_long (g_ptr_array_index (slots, chosen));
  else if (slots->len > 0)
    {
      g_autoptr(GString) when = g_string_new (NULL);

      for (guint i = 0; i < slots->len; i++)
        {
          StyrSlot *slot = g_ptr_array_index (slots, i);
          g_autofree char *one = styr_format_slot_long (slot);

          g_string_append_printf (when, "%s%s%s", i > 0 ? _(" or ") : "", one,
                                  slot->cancelled ? _(" (cancelled by KOMBIT)") : "");
        }
      *when_out = g_string_free (g_steal_pointer (&when), FALSE);
    }
  else if (date != NULL)
    *when_out = styr_date_to_user (date);

  if (styr_meeting_is_called_off (meeting, state))
    *state_out = g_strdup (_("Cancelled by KOMBIT"));
  else if (slots->len > 1 && chosen < 0)
    *state_out = g_strdup (_("Choose a date"));
  else if (registered)
    {
      g_autofree char *on = styr_date_to_user (styr_record_get_string (STYR_RECORD (state),
                                                                       "registered_on"));

      *state_out = slots->len > 1
                   /* Translators: %s is the date the registration was recorded. */
                   ? g_strdup_printf (_("Date chosen, registered on %s"), on)
                   /* Translators: %s is the date the registration was recorded. */
                   : g_strdup_printf (_("Registered on %s"), on);
    }
  else if (styr_meeting_get_registration_url (meeting) != NULL)
    *state_out = g_strdup (slots->len > 1 ? _("Date chosen, not registered yet")
                                          : _("Not registered yet"));
  else if (slots->len > 1)
    *state_out = g_strdup (_("Date chosen"));
  else
    *state_out = NULL;
}

static gboolean
add_meeting (StyrSummary              *summary,
             StyrStore                *store,
             const char               *meeting_id,
             const StyrRuleThresholds *thresholds,
             GError                  **error)
{
  g_autofree char *next_id = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(StyrRecord) record = NULL;
  g_autoptr(StyrMeetingState) state = NULL;
  GDate next;

  if (meeting_id == NULL)
    {
      if (!styr_next_programme_meeting (store, &summary->today, &next, &next_id, error))
        return error == NULL || *error == NULL;
      meeting_id = next_id;
    }

  body = styr_store_get (store, meeting_id, NULL, NULL);
  record = body != NULL ? styr_record_load (meeting_id, NULL, body) : NULL;
  if (record == NULL || !STYR_IS_MEETING (record))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is what was given as the meeting. */
                   _("There is no meeting “%s”. Meetings are named like meeting:PLM-2020-01."),
                   meeting_id);
      return FALSE;
    }

  state = styr_meeting_load_state (store, meeting_id);
  summary->meeting_id = g_strdup (meeting_id);
  summary->meeting_title = g_strdup (styr_meeting_get_title (STYR_MEETING (record)));
  summary->agenda = styr_meeting_dup_agenda (STYR_MEETING (record));
  summary->meeting_needs_action = styr_rules_meeting_needs_action (STYR_MEETING (record), state,
                                                                   &summary->today, thresholds);
  meeting_words (STYR_MEETING (record), state, &summary->meeting_when, &summary->meeting_state);
  if (summary->meeting_state == NULL)
    summary->meeting_state = g_strdup ("");

  if (state != NULL)
    {
      summary->notes = g_strdup (styr_record_get_string (STYR_RECORD (state), "notes"));
      summary->questions = styr_record_dup_strv (STYR_RECORD (state), "questions");
    }
  return TRUE;
}

static char *
task_detail (StyrStore     *store,
             StyrTask      *task,
             StyrTaskState *state,
             const GDate   *today,
             gboolean       national_share)
{
  const char *status = state != NULL ? styr_task_state_get_status (state) : NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  StyrNationalStatus national;
  GDate deadline;

  if (styr_task_get_deadline (task, &deadline))
    {
      g_autofree char *date = styr_date_to_user (styr_record_get_string (STYR_RECORD (task),
                                                                         "deadline"));
      g_autofree char *left = styr_work_describe_due (&deadline, today,
                                                      g_strcmp0 (status, "completed") == 0);

      g_string_append (detail, date);
      if (left != NULL)
        g_string_append_printf (detail, " (%s)", left);
    }
  g_string_append_printf (detail, "%s%s", detail->len > 0 ? " · " : "",
                          styr_task_status_label (status));
  if (national_share && styr_task_get_national (task, &national))
    /* Translators: KOMBIT's count of municipalities that completed a task. */
    g_string_append_printf (detail, _(" · nationally %d of %d completed"), national.completed,
                            STYR_N_MUNICIPALITIES);
  return g_string_free (g_steal_pointer (&detail), FALSE);
}

/* A task's line in the status table, as the deck's status slides have
 * it: deadline and own status; its type and when it was published; the
 * national counts in full; what it waits for. */
static char *
task_status (StyrStore     *store,
             StyrTask      *task,
             StyrTaskState *state,
             const GDate   *today)
{
  g_autofree char *first = task_detail (store, task, state, today, FALSE);
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *published = styr_record_get_string (STYR_RECORD (task), "published");
  const char *approx = styr_record_get_string (STYR_RECORD (task), "published_approx");
  g_auto(GStrv) depends_on = styr_task_dup_depends_on (task);
  StyrNationalStatus national;

  g_string_append (detail, first);
  if (styr_task_get_kind (task) != NULL || published != NULL || approx != NULL)
    {
      g_autofree char *date = published != NULL ? styr_date_to_user (published) : g_strdup (approx);

      g_string_append_c (detail, '\n');
      if (styr_task_get_kind (task) != NULL)
        g_string_append (detail, styr_task_kind_label (styr_task_get_kind (task)));
      if (styr_task_get_kind (task) != NULL && date != NULL)
        g_string_append (detail, " · ");
      if (date != NULL)
        /* Translators: when KOMBIT published a KLIK task, e.g. "published 09-12-2019". */
        g_string_append_printf (detail, _("published %s"), date);
    }
  if (styr_task_get_national (task, &national))
    {
      g_string_append_c (detail, '\n');
      /* Translators: KOMBIT's counts for a KLIK task, as its status slides give them. */
      g_string_append_printf (detail, _("Nationally: %d completed, %d started, %d not started "
                                        "of %d"),
                              national.completed, national.started, national.not_started,
                              STYR_N_MUNICIPALITIES);
    }
  for (guint i = 0; depends_on != NULL && depends_on[i] != NULL; i++)
    {
      g_autofree char *before = styr_work_title (store, depends_on[i]);

      g_string_append_c (detail, '\n');
      /* Translators: %s is a task that must be completed first. */
      g_string_append_printf (detail, _("After “%s”"), before);
    }
  return g_string_free (g_steal_pointer (&detail), FALSE);
}

typedef struct
{
  guint own_completed;
  guint own_total;
  guint national_completed;
  guint national_counted;
} Progress;

/* The status table lists a project's tasks in KOMBIT's code order
 * ("00", "01", … "REL 3.4 … 01"), numbers compared as numbers; tasks
 * without a code follow. @user_data maps an item's id to its code's key. */
static int
compare_by_code (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const StyrSummaryItem *x = *(StyrSummaryItem **) a;
  const StyrSummaryItem *y = *(StyrSummaryItem **) b;
  const char *kx = g_hash_table_lookup (user_data, x->id);
  const char *ky = g_hash_table_lookup (user_data, y->id);
  int by_project = g_utf8_collate (x->group, y->group);

  if (by_project != 0)
    return by_project;
  if ((kx == NULL) != (ky == NULL))
    return kx == NULL ? 1 : -1;
  if (kx != NULL && strcmp (kx, ky) != 0)
    return strcmp (kx, ky);
  return g_utf8_collate (x->title, y->title);
}

static void
add_tasks (StyrSummary              *summary,
           StyrStore                *store,
           GPtrArray                *tasks)
{
  g_autoptr(GHashTable) code_keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) progress = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < tasks->len; i++)
    {
      StyrTask *task = g_ptr_array_index (tasks, i);
      const char *id = styr_record_get_id (STYR_RECORD (task));
      g_autofree char *state_id = styr_work_state_id (id);
      g_autofree char *rev = NULL;
      g_autoptr(JsonObject) state_body = styr_store_get (store, state_id, &rev, NULL);
      g_autoptr(StyrRecord) state = state_body != NULL
                                    ? styr_record_load (state_id, rev, state_body) : NULL;
      StyrTaskState *task_state = state != NULL && STYR_IS_TASK_STATE (state)
                                  ? STYR_TASK_STATE (state) : NULL;
      const char *project = styr_task_get_project (task);
      const char *code = styr_record_get_string (STYR_RECORD (task), "code");
      const char *plain = styr_task_get_title (task);
      g_autofree char *title = code != NULL && plain != NULL && !g_str_has_prefix (plain, code)
                               ? g_strdup_printf ("%s %s", code, plain) : g_strdup (plain);
      gboolean overdue = styr_rules_task_overdue (task, task_state, &summary->today);
      gboolean due = styr_rules_task_due_by (task, task_state, &summary->due_by);
      gboolean done = task_state != NULL &&
                      g_strcmp0 (styr_task_state_get_status (task_state), "completed") == 0;
      Progress *counts = g_hash_table_lookup (progress, project);
      StyrNationalStatus national;
      StyrSummaryItem *item;

      /* Withdrawn tasks are not work to do, but what KOMBIT deletes or has
       * announced is news for the meeting; one that came without a title
       * (a damaged record from elsewhere) has nowhere to go. */
      if (plain == NULL)
        continue;
      if (g_strcmp0 (styr_task_get_lifecycle (task), "published") != 0)
        {
          g_auto(GStrv) notes = styr_record_dup_strv (STYR_RECORD (task), "notes");
          const char *label = styr_task_lifecycle_label (styr_task_get_lifecycle (task));

          item = add_item (summary->announced, id, "tasks", title,
                           notes != NULL && notes[0] != NULL
                           ? g_strdup_printf ("%s · %s", label, notes[0])
                           : g_strdup (label),
                           FALSE);
          item->group = g_strdup (project);
          /* Listed once, here: not yet or no longer work to count. */
          continue;
        }
      if (project == NULL)
        continue;

      item = add_item (summary->tasks, id, "tasks", title,
                       task_status (store, task, task_state, &summary->today), overdue);
      item->group = g_strdup (project);
      if (code != NULL)
        g_hash_table_insert (code_keys, item->id, g_utf8_collate_key_for_filename (code, -1));
      if (overdue || due)
        {
          item = add_item (summary->attention, id, "tasks", title,
                           task_detail (store, task, task_state, &summary->today, TRUE), overdue);
          item->group = g_strdup (project);
        }

      if (counts == NULL)
        {
          counts = g_new0 (Progress, 1);
          g_hash_table_insert (progress, (gpointer) project, counts);
          g_ptr_array_add (order, (gpointer) project);
        }
      counts->own_total++;
      counts->own_completed += done;
      if (styr_task_get_national (task, &national))
        {
          counts->national_completed += national.completed;
          counts->national_counted += STYR_N_MUNICIPALITIES;
        }
    }

  g_ptr_array_sort_with_data (summary->tasks, compare_by_code, code_keys);

  for (guint i = 0; i < order->len; i++)
    {
      const char *project = g_ptr_array_index (order, i);
      Progress *counts = g_hash_table_lookup (progress, project);
      g_autoptr(GString) detail = g_string_new (NULL);

      /* Translators: a project's own progress. */
      g_string_append_printf (detail, _("%u of %u completed here"), counts->own_completed,
                              counts->own_total);
      if (counts->national_counted > 0)
        /* Translators: after the own progress; KOMBIT's share, in per cent. */
        g_string_append_printf (detail, _(" · %u %% nationally"),
                                100 * counts->national_completed / counts->national_counted);
      g_autofree char *id = g_strconcat ("project:", project, NULL);

      add_item (summary->projects, id, "tasks", project,
                g_string_free (g_steal_pointer (&detail), FALSE), FALSE);
    }
}

static int
compare_tasks (gconstpointer a,
               gconstpointer b)
{
  StyrTask *x = *(StyrTask **) a;
  StyrTask *y = *(StyrTask **) b;
  const char *px = styr_task_get_project (x);
  const char *py = styr_task_get_project (y);
  int by_project = px != NULL && py != NULL ? g_utf8_collate (px, py) : g_strcmp0 (px, py);
  GDate dx, dy;
  gboolean hx, hy;

  if (by_project != 0)
    return by_project;
  hx = styr_task_get_deadline (x, &dx);
  hy = styr_task_get_deadline (y, &dy);
  if (hx != hy)
    return hx ? -1 : 1;
  if (hx && g_date_compare (&dx, &dy) != 0)
    return g_date_compare (&dx, &dy);
  return g_strcmp0 (styr_task_get_title (x), styr_task_get_title (y));
}

/* The checklists of one page: the ØiR page's, or Pejlemærke 3 with the
 * service agreements. */
static gboolean
add_checklists (StyrSummary  *summary,
                StyrStore    *store,
                const char   *shown_with,
                GError      **error)
{
  g_autoptr(GPtrArray) checklists = styr_checklist_list_ticked (store, shown_with, error);
  const char *page = shown_with != NULL ? shown_with : "oir";

  if (checklists == NULL)
    return FALSE;

  for (guint i = 0; i < checklists->len; i++)
    {
      StyrRecord *checklist = g_ptr_array_index (checklists, i);
      g_autoptr(GPtrArray) items = styr_checklist_list_items (store, styr_record_get_key (checklist),
                                                              NULL);
      g_autoptr(GString) waits = g_string_new (NULL);
      g_autofree char *progress = NULL;
      guint done = 0;

      if (items == NULL)
        continue;

      for (guint j = 0; j < items->len; j++)
        {
          StyrChecklistItem *item = g_ptr_array_index (items, j);
          const char *id = styr_record_get_id (STYR_RECORD (item));
          g_autoptr(StyrChecklistItemState) item_state = styr_checklist_item_load_state (store, id);
          gboolean overdue = styr_rules_checklist_item_overdue (item, item_state, &summary->today);
          g_autofree char *task_id = styr_work_same_task (store,
                                                          styr_record_get_body (STYR_RECORD (item)));
          GDate due;

          if (styr_work_is_done (store, id))
            done++;
          else
            {
              g_auto(GStrv) depends_on = styr_checklist_item_dup_depends_on (item);
              g_auto(GStrv) blocked = styr_work_blocked_by (store, (const char * const *) depends_on);

              /* What must be done first, as the deck says the YR mapping
               * must before the nul-sums-posteringstest. */
              for (guint k = 0; blocked != NULL && blocked[k] != NULL; k++)
                {
                  g_autofree char *first = styr_work_title (store, blocked[k]);

                  g_string_append_c (waits, '\n');
                  /* Translators: a checklist item, then the one it waits for. */
                  g_string_append_printf (waits, _("“%s” waits for “%s”"),
                                          styr_checklist_item_get_text (item), first);
                }
            }
          /* An item that is the same step as a KLIK task is listed once, as
           * the task. */
          if (task_id == NULL &&
              (overdue || styr_rules_checklist_item_due_by (item, item_state, &summary->due_by)) &&
              styr_checklist_item_get_due (item, &due))
            {
              g_autofree char *date = styr_date_to_user (styr_record_get_string (STYR_RECORD (item),
                                                                                 "due"));
              g_autofree char *left = styr_work_describe_due (&due, &summary->today, FALSE);
              StyrSummaryItem *line;

              line = add_item (summary->attention, id, page, styr_checklist_item_get_text (item),
                               g_strdup_printf ("%s (%s)", date, left), overdue);
              line->group = g_strdup (styr_record_get_string (checklist, "title"));
            }
        }

      add_item (summary->checklists, styr_record_get_id (checklist), page,
                styr_record_get_string (checklist, "title"),
                /* Translators: a checklist's progress in the summary. */
                g_strdup_printf ("%s%s",
                                 progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                          "%u of %u item done",
                                                                          "%u of %u items done",
                                                                          items->len),
                                                             done, items->len),
                                 waits->str),
                FALSE);
    }

  return TRUE;
}

typedef struct
{
  GDate            day;
  StyrSummaryItem *item;
} Coming;

static int
compare_coming (gconstpointer a,
                gconstpointer b)
{
  const Coming *x = a;
  const Coming *y = b;

  return g_date_compare (&x->day, &y->day);
}

/* What lies ahead, as the deck's last slides list it: the programme-leader
 * meetings with their registration links, the ERP-vendor meeting of the
 * municipality's ERP system (all three while none is chosen), the YR
 * kick-off and the other days. The meeting the summary is for stands at
 * its top, not here again. */
static gboolean
add_coming (StyrSummary           *summary,
            StyrStore             *store,
            const StyrRuleContext *context,
            GError               **error)
{
  g_autoptr(GPtrArray) meetings = styr_record_load_all (store, "meeting", NULL, error);
  g_autoptr(GArray) coming = g_array_new (FALSE, FALSE, sizeof (Coming));
  const char *erp = context->erp_system != NULL && context->erp_system[0] != '\0'
                    ? context->erp_system : NULL;

  if (meetings == NULL)
    return FALSE;

  for (guint i = 0; i < meetings->len; i++)
    {
      StyrMeeting *meeting = g_ptr_array_index (meetings, i);
      const char *id = styr_record_get_id (STYR_RECORD (meeting));
      const char *meeting_erp = styr_record_get_string (STYR_RECORD (meeting), "erp");
      g_autoptr(StyrMeetingState) state = NULL;
      g_autofree char *when = NULL;
      g_autofree char *where = NULL;
      Coming entry;

      if (g_strcmp0 (id, summary->meeting_id) == 0 ||
          (erp != NULL && meeting_erp != NULL && g_strcmp0 (erp, meeting_erp) != 0))
        continue;
      state = styr_meeting_load_state (store, id);
      if (styr_meeting_is_past (meeting, state, &summary->today) ||
          !styr_meeting_get_filing_day (meeting, state, &summary->today, &entry.day))
        continue;

      meeting_words (meeting, state, &when, &where);
      entry.item = g_new0 (StyrSummaryItem, 1);
      entry.item->id = g_strdup (id);
      entry.item->page = g_strdup ("meetings");
      entry.item->title = g_strdup (styr_meeting_get_title (meeting));
      entry.item->detail = where != NULL && when != NULL ? g_strdup_printf ("%s · %s", when, where)
                                                         : g_strdup (when != NULL ? when : "");
      entry.item->group = g_strdup (styr_meeting_kind_label (styr_meeting_get_kind (meeting)));
      entry.item->address = g_strdup (styr_meeting_get_registration_url (meeting));
      entry.item->urgent = styr_rules_meeting_needs_action (meeting, state, &summary->today,
                                                            &context->thresholds);
      g_array_append_val (coming, entry);
    }

  g_array_sort (coming, compare_coming);
  for (guint i = 0; i < coming->len; i++)
    g_ptr_array_add (summary->coming, g_array_index (coming, Coming, i).item);
  return TRUE;
}

/* A mail address shows as itself; a page says what it is for, when
 * Styr knows. */
static gboolean
add_links (StyrSummary  *summary,
           StyrStore    *store,
           GError      **error)
{
  g_autoptr(GPtrArray) links = styr_link_list (store, error);

  if (links == NULL)
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      StyrLink *link = g_ptr_array_index (links, i);
      const char *address = styr_link_get_address (link);
      const char *about = styr_record_get_string (STYR_RECORD (link), "styr_about");
      StyrSummaryItem *line;

      line = add_item (summary->links, styr_record_get_id (STYR_RECORD (link)), NULL,
                       styr_link_get_title (link),
                       g_strdup (about != NULL ? about
                                 : styr_link_is_mail (link) ? _("Mail address")
                                 : _("Web page")),
                       FALSE);
      line->address = g_strdup (address);
    }
  return TRUE;
}

static gboolean
add_agreements (StyrSummary              *summary,
                StyrStore                *store,
                const StyrRuleThresholds *thresholds,
                GCancellable             *cancellable,
                GError                  **error)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) assignments = NULL;

  if ((agreements = styr_record_load_all (store, "agreement", "using_system", error)) == NULL ||
      (assignments = styr_record_load_all (store, "assignment", NULL, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < agreements->len; i++)
    {
      StyrAgreement *agreement = g_ptr_array_index (agreements, i);
      StyrRiskFlags risks;
      g_autoptr(GString) detail = NULL;
      g_autofree char *title = NULL;

      /* Asking the rules of 100 000 agreements takes a while; a closed
       * window should not wait for it. */
      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!styr_rules_agreement_needs_action (agreement, assignments, &summary->today, thresholds))
        continue;
      if (summary->agreements_total++ >= STYR_SUMMARY_MAX_AGREEMENTS)
        continue;

      risks = styr_rules_agreement_risks (agreement, assignments, &summary->today, thresholds);
      detail = g_string_new (styr_agreement_state_label (styr_agreement_get_state (agreement)));
      for (guint bit = 0; bit < 32; bit++)
        if (risks & (1u << bit))
          g_string_append_printf (detail, " · %s", styr_rules_risk_describe (1u << bit));
      title = g_strdup_printf ("%s (%s)", styr_agreement_get_using_system (agreement),
                               styr_agreement_get_supplier (agreement) != NULL
                               ? styr_agreement_get_supplier (agreement) : "–");
      add_item (summary->agreements, styr_record_get_id (STYR_RECORD (agreement)), "agreements",
                title, g_string_free (g_steal_pointer (&detail), FALSE),
                (risks & STYR_RISK_USED_AFTER_END) != 0);
    }

  return TRUE;
}

/**
 * styr_summary_build:
 * @store: the store
 * @context: the day, the own municipality and the thresholds
 * @meeting_id: (nullable): the meeting to prepare for, or %NULL for the
 *   next programme-leader meeting
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the summary, or %NULL with @error set, such as
 *   for an unknown meeting or when @cancellable was cancelled
 */
StyrSummary *
styr_summary_build (StyrStore              *store,
                    const StyrRuleContext  *context,
                    const char             *meeting_id,
                    GCancellable           *cancellable,
                    GError                **error)
{
  const GDate *today = &context->today;
  const StyrRuleThresholds *thresholds = &context->thresholds;
  const char *municipality = context->municipality;
  g_autoptr(StyrSummary) summary = g_new0 (StyrSummary, 1);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) coverage = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (g_date_valid (today), NULL);

  summary->today = *today;
  summary->attention = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  summary->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  summary->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  summary->checklists = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  summary->agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  summary->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  summary->links = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  summary->coming = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  summary->announced = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  summary->municipality = styr_municipality_dup_name (store, municipality);

  if (!add_meeting (summary, store, meeting_id, thresholds, error))
    return NULL;

  /* "Before the meeting" is the same days on the Overview, in the PDF and
   * in the KLIK tasks' filter. */
  {
    g_autoptr(GError) local_error = NULL;
    char date[16];

    if (styr_meeting_due_by (store, context, &summary->due_by, &local_error))
      {
        g_date_strftime (date, sizeof date, "%d-%m-%Y", &summary->due_by);
        /* Translators: a heading; %s is the next meeting's day. */
        summary->attention_title = g_strdup_printf (_("Due by the Meeting on %s, or Overdue"),
                                                    date);
      }
    else if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
    else
      /* Translators: a heading, with no meeting ahead; %u is a number of days. */
      summary->attention_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Due Within %u Day, or Overdue",
                                                               "Due Within %u Days, or Overdue",
                                                               thresholds->due_soon_days),
                                                  thresholds->due_soon_days);
  }
  if (summary->agenda == NULL)
    summary->agenda = g_ptr_array_new ();

  tasks = styr_record_load_all (store, "task", NULL, error);
  if (tasks == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  g_ptr_array_sort (tasks, compare_tasks);
  add_tasks (summary, store, tasks);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !add_checklists (summary, store, NULL, error) ||
      !add_checklists (summary, store, "agreements", error) ||
      !add_links (summary, store, error) ||
      !add_coming (summary, store, context, error) ||
      !add_agreements (summary, store, thresholds, cancellable, error))
    return NULL;

  coverage = styr_roles_coverage (store, today, thresholds, error);
  if (coverage == NULL)
    return NULL;
  for (guint i = 0; i < coverage->len; i++)
    {
      StyrRoleCoverage *entry = g_ptr_array_index (coverage, i);
      g_autofree char *role_id = g_strconcat ("role:", entry->role, NULL);

      if (entry->flags != STYR_COVERAGE_NONE)
        add_item (summary->roles, role_id, "roles", entry->name,
                  styr_role_coverage_describe (entry),
                  (entry->flags & STYR_COVERAGE_VACANT) != 0);
    }

  return g_steal_pointer (&summary);
}
