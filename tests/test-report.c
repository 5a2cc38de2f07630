/* test-report.c: the meeting summary as a real PDF, read back with
 * pdftotext: what the bundled catalogue says as of 16 December 2019, and a
 * 1 000-task store whose every task survives the page breaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "store-fixture.h"
#include "styr-agreement-actions.h"
#include "styr-agreement-review.h"
#include "styr-checklist-actions.h"
#include "styr-work.h"
#include "styr-summary-report.h"
#include "styr-summary.h"
#include "styr-task-actions.h"

/* As of 16 December 2019, for Gentofte (157), with the default
 * thresholds. */
static StyrRuleContext *
own_context (void)
{
  StyrRuleContext *context;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 16, G_DATE_DECEMBER, 2019);
  context = styr_rule_context_new (&today);
  context->municipality = g_strdup ("157");
  return context;
}

static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Wrapped lines join with a space, as a reader reads them. */
  {
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

    return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
  }
}

static guint
write_summary (Fixture    *fixture,
               const char *name,
               char      **text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrSummary) summary = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(StyrRuleContext) context = own_context ();
  g_autoptr(StyrReport) document = NULL;
  guint pages = 0;

  summary = styr_summary_build (fixture->store, context, NULL, NULL, &error);
  g_assert_no_error (error);
  document = styr_summary_report_new (summary, STYR_REPORT_A4_WIDTH, STYR_REPORT_A4_HEIGHT);
  g_assert_true (styr_report_write_pdf (document, pdf, &pages, &error));
  g_assert_no_error (error);
  *text = pdf_text (pdf);
  return pages;
}

static char *
pdf_info (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", pdf, NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* As strstr(), over a PDF's bytes, NULs and all. */
static gboolean
bytes_contain (const char *data,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* How often @needle is in @text. */
static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

static gboolean
comes_before (const char *text,
              const char *first,
              const char *then)
{
  const char *a = strstr (text, first);
  const char *b = strstr (text, then);

  g_test_message ("“%s” before “%s”", first, then);
  return a != NULL && b != NULL && a < b;
}

/* The summary reads like the deck's status slides: each KLIK task with
 * its type, published date and the national counts in full, in code
 * order; what KOMBIT announced or deletes; the coming meetings with their
 * registration links; the YR mapping before the nul-sums-posteringstest;
 * each thing once. */
static void
test_catalogue_summary (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *info = NULL;
  gsize length = 0;
  guint pages = write_summary (fixture, "summary.pdf", &text);
  static const char *expected[] = {
    "Programledermøde december 2019",
    "Gentofte",
    "Monday 16 December 2019, 10:00–11:00",
    "Tuesday 17 December 2019, 10:00–11:00",
    "Choose a date",
    "Styr på serviceaftalerne",
    "Organiser jer i relation til ØiR",
    "12-12-2019 (4 days overdue)",
    "15-01-2020 (30 days left)",
    /* The deck's counts, of all 98, and each task's type and date. */
    "Nationally: 49 completed, 15 started, 34 not started of 98",
    "Nationally: 15 completed, 17 started, 66 not started of 98",
    "Mandatory · published 17-12-2019",
    "Recommended · published 09-12-2019",
    "ØiR basisimplementering — 0 of 3 completed here",
    "ØiR basisimplementering",
    "0 of 7 items done",
    "ØiR/Ydelsesrefusion",
    "0 of 4 items done",
    "“Gennemfør nul-sums-posteringstesten” waits for “Map YR-sortimentet",
    "Pejlemærke 3: Styr på anvendelsen af data",
    "0 of 5 items done",
    "Kommunens aftalegodkender i STS Administrationsmodul",
    "vacant",
    /* What KOMBIT deletes or has announced. */
    "Announced and Withdrawn by KOMBIT",
    "Kvalitetstjek og ajourfør brugertyper",
    "To be withdrawn · Hænger sammen med lanceringen af den nye rettighedsmodel",
    "(varslet) ØiR-relaterede KLIK-opgaver for KSD",
    /* What lies ahead, as the deck's last slides. */
    "Coming Meetings and Days",
    "Programledermøde januar 2020",
    "Thursday 30 January 2020, 10:00–11:30 or Friday 31 January 2020, 12:00–13:30",
    "KSD Skype-møde om ØiR-relaterede KLIK-opgaver — KMD/OPUS-kommuner",
    "Ydelsesrefusion kick-off",
    "Kommunernes data- og infrastrukturdag",
    "Register for Programledermøde januar 2020:",
  };

  g_assert_cmpuint (pages, >=, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("the summary lacks “%s”:\n%s", expected[i], text);
  g_assert_nonnull (strstr (text, "Page 1 of"));

  /* Tasks in KOMBIT's code order, numbers as numbers. */
  g_assert_true (comes_before (text, "00 Afhold kick-off", "01 Oplys ØiR-kontaktpersoner"));
  g_assert_true (comes_before (text, "01 Oplys ØiR-kontaktpersoner", "02 Organiser jer"));
  g_assert_true (comes_before (text, "Fordelingskomponenten 01", "Fordelingskomponenten 02"));
  g_assert_true (comes_before (text, "Fordelingskomponenten 02", "Fordelingskomponenten 03"));
  /* The coming ones by their day: January's meeting after the KSD
   * meetings of mid-January and the YR kick-off of the 29th. */
  g_assert_true (comes_before (text, "KMD/OPUS-kommuner", "Ydelsesrefusion kick-off"));
  g_assert_true (comes_before (text, "Ydelsesrefusion kick-off", "Programledermøde januar 2020"));
  g_assert_true (comes_before (text, "Programledermøde maj 2020", "Kommunernes data- og"));

  /* Each thing once: the overdue task is in the status table only, the
   * announced ones only among KOMBIT's news, the meeting itself only at
   * the top, and no past event ahead. */
  g_assert_cmpuint (count_of (text, "Afhold kick-off med tovholder"), ==, 1);
  g_assert_cmpuint (count_of (text, "(varslet) ØiR-relaterede KLIK-opgaver for KSD"), ==, 1);
  g_assert_cmpuint (count_of (text, "Etabler brugeradministration på KLIK"), ==, 1);
  g_assert_cmpuint (count_of (text, "Programledermøde december 2019"), ==, 1);
  g_assert_null (strstr (text, "Aabenraa"));
  g_assert_null (strstr (text, "nationally 49 of 98"));

  /* The catalogue's links and addresses are printed, and a click in the
   * PDF opens them, a registration link too: a link annotation for each. */
  g_assert_nonnull (strstr (text, "KOMBIT’s Links and Addresses"));
  g_assert_nonnull (strstr (text, "kdi@kombit.dk — Forbrugsrapporter for serviceaftaler"));
  g_assert_true (g_file_get_contents (pdf, &raw, &length, NULL));
  g_assert_true (bytes_contain (raw, length, "/URI (mailto:implementering@kombit.dk)"));
  g_assert_true (bytes_contain (raw, length, "/URI (https://serviceplatformen.dk/administration/)"));
  g_assert_true (bytes_contain (raw, length,
                                "/URI (https://www.conferencemanager.dk/programlederjanuar2020)"));
  /* An outline of its sections, and who made it. */
  g_assert_true (bytes_contain (raw, length, "/Title (Coming Meetings and Days)"));
  g_assert_true (bytes_contain (raw, length, "/Title (KLIK Tasks by Project)"));
  info = pdf_info (pdf);
  g_assert_nonnull (strstr (info, "Title:           Summary for Programledermøde december 2019\n"));
  g_assert_nonnull (strstr (info, "Author:          Gentofte\n"));
  g_assert_nonnull (strstr (info, "Creator:         Styr "));
}

/* With the municipality's ERP system chosen, only its KSD meeting is
 * ahead, not the other systems'. */
static void
test_coming_own_erp (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(StyrRuleContext) context = own_context ();
  g_autoptr(StyrSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  guint ksd = 0;

  context->erp_system = g_strdup ("KMD OPUS");
  summary = styr_summary_build (fixture->store, context, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < summary->coming->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (summary->coming, i);

      g_assert_cmpstr (item->id, !=, summary->meeting_id);
      if (strstr (item->title, "KSD") != NULL)
        {
          g_assert_nonnull (strstr (item->title, "KMD/OPUS"));
          ksd++;
        }
    }
  g_assert_cmpuint (ksd, ==, 1);
}

static void
add_tasks (Fixture *fixture,
           guint    from,
           guint    to)
{
  for (guint i = from; i < to; i++)
    {
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Opgave T%04u: forbered integrationen og aftal "
                                                "testdato med økonomi og leverandøren", i);
      g_autofree char *project = g_strdup_printf ("Projekt %u", i % 12);
      g_autofree char *deadline = g_strdup_printf ("2020-%02u-%02u", 1 + i % 12, 1 + i % 28);

      json_object_set_string_member (fields, "title", title);
      json_object_set_string_member (fields, "project", project);
      json_object_set_string_member (fields, "deadline", deadline);
      g_assert_true (styr_task_save_local (fixture->store, NULL, NULL, fields, "test", NULL,
                                           &error));
      g_assert_no_error (error);
    }
}

/* Nothing is lost or clipped at the page breaks: every one of 1 000
 * tasks is in the text, and the pages grow with the tasks. */
static void
test_thousand_tasks (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *small_text = NULL;
  g_autofree char *text = NULL;
  guint small_pages, pages;

  add_tasks (fixture, 0, 100);
  small_pages = write_summary (fixture, "small.pdf", &small_text);
  add_tasks (fixture, 100, 1000);
  pages = write_summary (fixture, "large.pdf", &text);

  g_assert_cmpuint (pages, >, small_pages * 5);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *token = g_strdup_printf ("T%04u", i);

      if (strstr (text, token) == NULL)
        g_error ("task %s is missing from the PDF", token);
    }
  g_assert_nonnull (strstr (text, "Task"));
}

/* A summary nobody waits for any more, as when the window closes while
 * the Overview works it out, stops with "cancelled" and no summary. */
static gboolean
has_item (GPtrArray  *items,
          const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((StyrSummaryItem *) g_ptr_array_index (items, i))->id, id))
      return TRUE;
  return FALSE;
}

/* "Before the meeting" is everything due by the next meeting's day, the
 * overdue included, and its heading says so: as of 18 December 2019 the
 * next is January's, on the 30th. */
static void
test_due_by_meeting (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(StyrRuleContext) context = own_context ();
  g_autoptr(StyrSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_date_set_dmy (&context->today, 18, G_DATE_DECEMBER, 2019);
  summary = styr_summary_build (fixture->store, context, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->meeting_id, ==, "meeting:PLM-2020-01");
  g_assert_cmpstr (summary->attention_title, ==, "Due by the Meeting on 30-01-2020, or Overdue");
  g_assert_true (has_item (summary->attention, "task:YR-OIR-MAP"));
  g_assert_true (has_item (summary->attention, "task:OIR-BASIS-02"));
  g_assert_true (has_item (summary->attention, "task:OIR-BASIS-00"));
  g_clear_pointer (&summary, styr_summary_free);

  /* With no meeting ahead, the due-soon days. */
  g_date_set_dmy (&context->today, 1, G_DATE_JANUARY, 2021);
  summary = styr_summary_build (fixture->store, context, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (summary->meeting_id);
  g_assert_cmpstr (summary->attention_title, ==, "Due Within 14 Days, or Overdue");
}

/* KLIK task 00 and the ØiR item that repeats it are one step: ticking the
 * item completes the task, and the summary lists the step once. */
static void
test_one_step (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(StyrRuleContext) context = own_context ();
  g_autoptr(StyrSummary) before = NULL;
  g_autoptr(StyrSummary) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = styr_store_get (fixture->store, "checklist-item:OIR-1", NULL, NULL);
  g_autoptr(StyrRecord) item = styr_record_load ("checklist-item:OIR-1", NULL, body);
  guint twice = 0;

  before = styr_summary_build (fixture->store, context, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_item (before->attention, "task:OIR-BASIS-00"));
  g_assert_false (has_item (before->attention, "checklist-item:OIR-1"));
  for (guint i = 0; i < before->attention->len; i++)
    twice += strstr (((StyrSummaryItem *) g_ptr_array_index (before->attention, i))->title,
                     "Afhold kick-off") != NULL;
  g_assert_cmpuint (twice, ==, 1);

  g_assert_true (styr_checklist_item_set_done (fixture->store, STYR_CHECKLIST_ITEM (item), NULL,
                                               TRUE, "mette", &context->today, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (styr_work_is_done (fixture->store, "task:OIR-BASIS-00"));
  g_assert_true (styr_work_is_done (fixture->store, "checklist-item:OIR-1"));
  after = styr_summary_build (fixture->store, context, NULL, NULL, &error);
  g_assert_false (has_item (after->attention, "task:OIR-BASIS-00"));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(StyrSummary) summary = NULL;
  g_autoptr(StyrRuleContext) context = own_context ();

  summary = styr_summary_build (fixture->store, context, NULL, cancellable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_clear_pointer (&summary, styr_summary_free);

  g_cancellable_cancel (cancellable);
  summary = styr_summary_build (fixture->store, context, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (summary);
}

/* The review of one agreement, for the approver to file: each of KOMBIT's
 * questions word for word beside the answer and note given, through the
 * same renderer as the summary, with the PDF's title, author and outline. */
static void
test_agreement_review (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const deck[] = {
    "Begrundelse: Er det klart, hvem der får adgang til data, hvor længe og hvorfor?",
    "Services: Skal anvendersystemet bruge adgang til netop de services?",
    "Dataafgrænsning: Er den korrekt udfyldt, eller gives der adgang til for meget data?",
    "Periode: Skal anvendersystemet have adgang til data i hele perioden?",
    "Vil aftalen give mening for en kollega på et senere tidspunkt?",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrRuleContext) context = own_context ();
  g_autoptr(JsonNode) node = json_from_string ("{\"type\":\"agreement\","
                                               "\"using_system\":\"Fagsystem Ø\","
                                               "\"supplier\":\"Leverandør A/S\","
                                               "\"services\":[\"SF1520\"],"
                                               "\"state\":\"requested\"}", NULL);
  g_autoptr(StyrRecord) agreement = styr_record_load ("agreement:r1", NULL,
                                                      json_node_get_object (node));
  g_autoptr(StyrReport) report = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  gsize length = 0;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 13, G_DATE_DECEMBER, 2019);
  styr_agreement_set_answer (STYR_AGREEMENT (agreement), "Q1", "yes", "Borgerservice, 2 år");
  styr_agreement_set_answer (STYR_AGREEMENT (agreement), "Q3", "no", "Hele kommunen er for meget");
  styr_agreement_set_review (STYR_AGREEMENT (agreement), "Karen Holm", &day);

  report = styr_agreement_review_report_new (fixture->store, STYR_AGREEMENT (agreement), context,
                                             STYR_REPORT_A4_WIDTH, STYR_REPORT_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_true (styr_report_write_pdf (report, pdf, NULL, &error));
  g_assert_no_error (error);

  /* Made as any new file is, not private: a review is filed and handed on. */
  {
    GStatBuf st;
    mode_t mask = umask (0);

    umask (mask);
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
  }

  text = pdf_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (deck); i++)
    if (strstr (text, deck[i]) == NULL)
      g_error ("the review lacks “%s”:\n%s", deck[i], text);
  g_assert_nonnull (strstr (text, "Review of the Service Agreement for Fagsystem Ø"));
  g_assert_nonnull (strstr (text, "Gentofte"));
  g_assert_nonnull (strstr (text, "Yes Borgerservice, 2 år"));
  g_assert_nonnull (strstr (text, "No Hele kommunen er for meget"));
  g_assert_nonnull (strstr (text, "Last reviewed by Karen Holm on 13-12-2019."));
  g_assert_nonnull (strstr (text, "Brugervejledning til Administrationsmodulerne for "
                                  "Myndigheder, afsnit 7.5"));
  g_assert_nonnull (strstr (text, "Leverandør A/S"));

  info = pdf_info (pdf);
  g_assert_nonnull (strstr (info, "Title:           Review of the Service Agreement for "
                                  "Fagsystem Ø\n"));
  g_assert_nonnull (strstr (info, "Author:          Gentofte\n"));
  g_assert_nonnull (strstr (info, "Creator:         Styr "));

  /* The outline names the sections; cairo writes ASCII titles as they are. */
  g_assert_true (g_file_get_contents (pdf, &raw, &length, NULL));
  g_assert_true (bytes_contain (raw, length, "/Title (The Agreement)"));
  g_assert_true (bytes_contain (raw, length, "/Title (The Five Important Questions)"));
  g_assert_true (bytes_contain (raw, length, "/Title (Risks)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/report/" name, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("catalogue-summary", test_catalogue_summary);
  ADD ("coming-own-erp", test_coming_own_erp);
  ADD ("thousand-tasks", test_thousand_tasks);
  ADD ("cancelled", test_cancelled);
  ADD ("due-by-meeting", test_due_by_meeting);
  ADD ("one-step", test_one_step);
  ADD ("agreement-review", test_agreement_review);

  return g_test_run ();
}
