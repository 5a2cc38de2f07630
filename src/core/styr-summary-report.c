/* styr-summary-report.c: the meeting summary as a printed document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-summary-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-summary-report.h"

static gboolean
listed_in (GPtrArray       *items,
           StyrSummaryItem *item)
{
  for (guint i = 0; items != NULL && item->id != NULL && i < items->len; i++)
    if (g_strcmp0 (((StyrSummaryItem *) g_ptr_array_index (items, i))->id, item->id) == 0)
      return TRUE;
  return FALSE;
}

/* A table of @items under @heading, leaving out those @elsewhere has. */
static void
add_items_but (StyrReport  *self,
               const char  *heading,
               const char  *what,
               const char  *why,
               GPtrArray   *items,
               GPtrArray   *elsewhere,
               const char  *none)
{
  int header = -1;

  styr_report_add_heading (self, heading);
  for (guint i = 0; i < items->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = NULL;

      if (listed_in (elsewhere, item))
        continue;
      if (header < 0)
        header = styr_report_add_header (self, what, why, NULL);
      title = item->group != NULL ? g_strdup_printf ("%s\n%s", item->title, item->group)
                                  : g_strdup (item->title);

      styr_report_add_row (self, header, item->urgent, title, item->detail, NULL);
    }
  if (header < 0)
    styr_report_add_text (self, none, FALSE);
}

static void
add_items (StyrReport  *self,
           const char  *heading,
           const char  *what,
           const char  *why,
           GPtrArray   *items,
           const char  *none)
{
  add_items_but (self, heading, what, why, items, NULL, none);
}

/**
 * styr_summary_report_new:
 * @summary: what to print
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Lays out the meeting summary for styr_report_write_pdf() or a print
 * operation.
 *
 * Returns: (transfer full): the report
 */
StyrReport *
styr_summary_report_new (StyrSummary *summary,
                         double       width,
                         double       height)
{
  StyrReport *self = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *generated = g_date_time_format (now, "%d-%m-%Y %H:%M");
  g_autofree char *title = NULL;
  g_autofree char *today = styr_format_day (&summary->today);
  g_autofree char *meeting_line = NULL;
  const char *project = NULL;
  int header = -1;

  title = summary->meeting_title != NULL
          /* Translators: the report's title; %s is the meeting. */
          ? g_strdup_printf (_("Summary for %s"), summary->meeting_title)
          : g_strdup (_("Summary for the next programme-leader meeting"));
  self = styr_report_new (width, height, title, summary->municipality);
  styr_report_add_title (self, title);
  styr_report_add_subtitle (self, summary->municipality, FALSE);
  if (summary->meeting_when != NULL)
    {
      /* Translators: the meeting's date in the report, then its state. */
      meeting_line = g_strdup_printf (_("Meeting: %s · %s"), summary->meeting_when,
                                      summary->meeting_state);
      styr_report_add_subtitle (self, meeting_line, summary->meeting_needs_action);
    }
  /* Translators: when the report was made; %s is a date written out. */
  g_free (title);
  title = g_strdup_printf (_("As of %s · made %s"), today, generated);
  styr_report_add_subtitle (self, title, FALSE);

  if (summary->agenda->len > 0)
    {
      styr_report_add_heading (self, _("Agenda"));
      header = styr_report_add_header (self, _("Time"), _("Item"), _("Presenters"), NULL);
      for (guint i = 0; i < summary->agenda->len; i++)
        {
          StyrAgendaItem *item = g_ptr_array_index (summary->agenda, i);
          g_autofree char *time = item->start != NULL
                                  ? g_strdup_printf ("%s–%s", item->start,
                                                     item->end != NULL ? item->end : "")
                                  : g_strdup ("");
          g_autofree char *presenters = item->presenters != NULL
                                        ? g_strjoinv (", ", item->presenters) : g_strdup ("");

          styr_report_add_row (self, header, FALSE, time, item->title, presenters, NULL);
        }
    }

  /* Each thing once: a KLIK task due or overdue is marked where the status
   * table lists it, with the national counts. */
  add_items_but (self, summary->attention_title, _("Checklist item or own task"), _("Due"),
                 summary->attention, summary->tasks,
                 _("No checklist item or own task is due by then, and none is overdue."));
  for (guint i = 0; i < summary->attention->len; i++)
    if (listed_in (summary->tasks, g_ptr_array_index (summary->attention, i)))
      {
        styr_report_add_text (self, _("KLIK tasks due by then or overdue are marked in the "
                                      "table of KLIK tasks below."), FALSE);
        break;
      }

  styr_report_add_heading (self, _("KLIK Tasks by Project"));
  header = styr_report_add_header (self, _("Task"), _("Deadline, own status, nationally"), NULL);
  for (guint i = 0; i < summary->tasks->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (summary->tasks, i);

      if (g_strcmp0 (project, item->group) != 0)
        {
          g_autofree char *group = NULL;

          project = item->group;
          for (guint p = 0; p < summary->projects->len; p++)
            {
              StyrSummaryItem *progress = g_ptr_array_index (summary->projects, p);

              if (g_strcmp0 (progress->title, project) == 0)
                group = g_strdup_printf ("%s — %s", project, progress->detail);
            }
          styr_report_add_group (self, header, group != NULL ? group : project);
        }
      styr_report_add_row (self, header, item->urgent, item->title, item->detail, NULL);
    }

  add_items (self, _("Announced and Withdrawn by KOMBIT"), _("Task"), _("What KOMBIT says"),
             summary->announced, _("KOMBIT has announced or withdrawn no task."));

  add_items (self, _("ØiR Checklists"), _("Checklist"), _("Progress"), summary->checklists,
             _("There are no checklists."));
  add_items (self, _("Service Agreements Needing Action"), _("Agreement"), _("State and flags"),
             summary->agreements, _("No agreement needs action."));
  if (summary->agreements_total > summary->agreements->len)
    {
      g_autofree char *more = NULL;
      guint rest = summary->agreements_total - summary->agreements->len;

      /* Translators: after the first agreements needing action in the report. */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "… and %u more agreement; the Service Agreements page lists them all.",
                                           "… and %u more agreements; the Service Agreements page lists them all.",
                                           rest), rest);
      styr_report_add_text (self, more, FALSE);
    }
  add_items (self, _("Role Gaps"), _("Role"), _("Gap"), summary->roles,
             _("Every role is held, with a deputy."));

  /* Each once, in their order; a registration link is clickable. */
  add_items (self, _("Coming Meetings and Days"), _("Meeting"), _("When, and where you stand"),
             summary->coming, _("No meeting or day lies ahead in the catalogue."));
  for (guint i = 0; i < summary->coming->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (summary->coming, i);
      g_autofree char *text = NULL;

      if (item->address == NULL)
        continue;
      /* Translators: a meeting's registration link in the PDF; %s is the meeting. */
      text = g_strdup_printf (_("Register for %s: %s"), item->title, item->address);
      styr_report_add_link (self, text, item->address);
    }

  /* Clickable in the PDF; the address is printed too, for paper. */
  styr_report_add_heading (self, _("KOMBIT’s Links and Addresses"));
  for (guint i = 0; i < summary->links->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (summary->links, i);
      const char *shown = g_str_has_prefix (item->address, "mailto:")
                          ? item->address + strlen ("mailto:") : item->address;
      g_autofree char *text = g_strcmp0 (item->title, shown) == 0
                              ? g_strdup_printf ("%s — %s", item->title, item->detail)
                              : g_strdup_printf ("%s — %s", item->title, shown);

      styr_report_add_link (self, text, item->address);
    }

  styr_report_add_heading (self, _("Own Notes and Questions"));
  /* A line per block, so long notes break across pages. */
  if (summary->notes != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (summary->notes, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        styr_report_add_text (self, lines[i], FALSE);
    }
  for (guint i = 0; summary->questions != NULL && summary->questions[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", summary->questions[i]);

      styr_report_add_text (self, line, FALSE);
    }
  if (summary->notes == NULL && (summary->questions == NULL || summary->questions[0] == NULL))
    styr_report_add_text (self, _("None written yet."), FALSE);

  return self;
}
