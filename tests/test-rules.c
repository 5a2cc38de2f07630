/* test-rules.c: the rules on both sides of each threshold, and the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "styr-clock.h"
#include "styr-json.h"
#include "styr-record.h"
#include "styr-rules.h"

/* JSON with single quotes for double ones keeps the documents readable. */
G_GNUC_PRINTF (1, 0)
static JsonObject *
parse_object (const char *format,
              va_list     args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = g_strdup_vprintf (format, args);

  g_strdelimit (json, "'", '"');
  node = styr_json_parse (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

G_GNUC_PRINTF (2, 3)
static gpointer
record (const char *id,
        const char *format,
        ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  StyrRecord *result;
  va_list args;

  va_start (args, format);
  body = parse_object (format, args);
  va_end (args);

  result = styr_record_new_from_json (id, NULL, body, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static GDate
day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (styr_parse_date (text, &date));
  return date;
}

static StyrRuleThresholds
defaults (void)
{
  StyrRuleThresholds thresholds;

  styr_rule_thresholds_init (&thresholds);
  return thresholds;
}

static void
test_thresholds_defaults (void)
{
  StyrRuleThresholds t = defaults ();

  g_assert_cmpuint (t.due_soon_days, ==, 14);
  g_assert_cmpuint (t.expiring_days, ==, 60);
  g_assert_cmpuint (t.max_period_months, ==, 36);
  g_assert_cmpuint (t.review_interval_months, ==, 12);
  g_assert_cmpuint (t.no_usage_months, ==, 3);
  g_assert_cmpfloat (t.usage_spike_factor, ==, 3.0);
  g_assert_cmpuint (t.max_roles_per_person, ==, 4);
  g_assert_cmpuint (t.meeting_warning_days, ==, 7);
}

static void
test_days_left (void)
{
  GDate deadline = day ("2020-01-15");
  GDate leap = day ("2020-03-01");
  GDate today;

  today = day ("2020-01-14");
  g_assert_cmpint (styr_rules_days_left (&deadline, &today), ==, 1);
  today = day ("2020-01-15");
  g_assert_cmpint (styr_rules_days_left (&deadline, &today), ==, 0);
  today = day ("2020-01-16");
  g_assert_cmpint (styr_rules_days_left (&deadline, &today), ==, -1);
  today = day ("2019-12-31");
  g_assert_cmpint (styr_rules_days_left (&deadline, &today), ==, 15);
  today = day ("2020-02-28");
  g_assert_cmpint (styr_rules_days_left (&leap, &today), ==, 2);
}

/* --- Tasks ------------------------------------------------------------ */

static StyrTask *
task (const char *lifecycle,
      const char *deadline)
{
  if (deadline == NULL)
    return record ("task:T", "{'type':'task','project':'YR','title':'Map kontoplan',"
                   "'lifecycle':'%s'}", lifecycle);

  return record ("task:T", "{'type':'task','project':'YR','title':'Map kontoplan',"
                 "'lifecycle':'%s','deadline':'%s'}", lifecycle, deadline);
}

static StyrTaskState *
task_state (const char *status)
{
  return record ("task-state:T", "{'type':'task-state','task':'T','status':'%s'}", status);
}

static void
test_task_overdue (void)
{
  g_autoptr(StyrTask) published = task ("published", "2020-01-15");
  g_autoptr(StyrTask) announced = task ("announced", "2020-01-15");
  g_autoptr(StyrTask) withdrawn = task ("withdrawn", "2020-01-15");
  g_autoptr(StyrTask) withdrawing = task ("withdrawal-announced", "2020-01-15");
  g_autoptr(StyrTask) no_deadline = task ("published", NULL);
  g_autoptr(StyrTaskState) not_started = task_state ("not-started");
  g_autoptr(StyrTaskState) started = task_state ("started");
  g_autoptr(StyrTaskState) completed = task_state ("completed");
  GDate before = day ("2020-01-14");
  GDate on = day ("2020-01-15");
  GDate after = day ("2020-01-16");

  g_assert_false (styr_rules_task_overdue (published, NULL, &before));
  g_assert_false (styr_rules_task_overdue (published, NULL, &on));
  g_assert_true (styr_rules_task_overdue (published, NULL, &after));

  g_assert_true (styr_rules_task_overdue (published, not_started, &after));
  g_assert_true (styr_rules_task_overdue (published, started, &after));
  g_assert_false (styr_rules_task_overdue (published, completed, &after));

  g_assert_true (styr_rules_task_overdue (announced, NULL, &after));
  g_assert_false (styr_rules_task_overdue (withdrawn, NULL, &after));
  g_assert_false (styr_rules_task_overdue (withdrawing, started, &after));
  g_assert_false (styr_rules_task_overdue (no_deadline, NULL, &after));
}

static void
test_task_due_soon (void)
{
  g_autoptr(StyrTask) published = task ("published", "2020-01-15");
  g_autoptr(StyrTask) withdrawn = task ("withdrawn", "2020-01-15");
  g_autoptr(StyrTask) no_deadline = task ("published", NULL);
  g_autoptr(StyrTaskState) started = task_state ("started");
  g_autoptr(StyrTaskState) completed = task_state ("completed");
  StyrRuleThresholds t = defaults ();
  GDate today;

  /* The window opens 14 days before the deadline … */
  today = day ("2019-12-31");
  g_assert_false (styr_rules_task_due_soon (published, NULL, &today, &t));
  today = day ("2020-01-01");
  g_assert_true (styr_rules_task_due_soon (published, NULL, &today, &t));
  today = day ("2020-01-02");
  g_assert_true (styr_rules_task_due_soon (published, started, &today, &t));
  g_assert_false (styr_rules_task_due_soon (published, completed, &today, &t));
  g_assert_false (styr_rules_task_due_soon (withdrawn, NULL, &today, &t));
  g_assert_false (styr_rules_task_due_soon (no_deadline, NULL, &today, &t));

  /* … and closes on the deadline, when the task becomes overdue. */
  today = day ("2020-01-14");
  g_assert_true (styr_rules_task_due_soon (published, NULL, &today, &t));
  today = day ("2020-01-15");
  g_assert_true (styr_rules_task_due_soon (published, NULL, &today, &t));
  today = day ("2020-01-16");
  g_assert_false (styr_rules_task_due_soon (published, NULL, &today, &t));

  /* The threshold is the caller's. */
  t.due_soon_days = 15;
  today = day ("2019-12-31");
  g_assert_true (styr_rules_task_due_soon (published, NULL, &today, &t));
}

/* --- Checklist items -------------------------------------------------- */

static StyrChecklistItem *
item (const char *due)
{
  return record ("checklist-item:YR-1", "{'type':'checklist-item','checklist':'CL-OIR-BASIS',"
                 "'text':'Map YR-sortimentet','due':'%s'}", due);
}

static StyrChecklistItemState *
item_state (gboolean done)
{
  return record ("checklist-item-state:YR-1", "{'type':'checklist-item-state','item':'YR-1',"
                 "'done':%s}", done ? "true" : "false");
}

static void
test_checklist_item_overdue (void)
{
  g_autoptr(StyrChecklistItem) mapped = item ("2020-01-10");
  g_autoptr(StyrChecklistItem) undated = NULL;
  g_autoptr(StyrChecklistItemState) done = item_state (TRUE);
  g_autoptr(StyrChecklistItemState) open = item_state (FALSE);
  GDate before = day ("2020-01-09");
  GDate on = day ("2020-01-10");
  GDate after = day ("2020-01-11");

  undated = record ("checklist-item:X", "{'type':'checklist-item','checklist':'C','text':'x'}");

  g_assert_false (styr_rules_checklist_item_overdue (mapped, NULL, &before));
  g_assert_false (styr_rules_checklist_item_overdue (mapped, NULL, &on));
  g_assert_true (styr_rules_checklist_item_overdue (mapped, NULL, &after));
  g_assert_true (styr_rules_checklist_item_overdue (mapped, open, &after));
  g_assert_false (styr_rules_checklist_item_overdue (mapped, done, &after));
  g_assert_false (styr_rules_checklist_item_overdue (undated, NULL, &after));
}

static void
test_checklist_item_due_soon (void)
{
  g_autoptr(StyrChecklistItem) mapped = item ("2020-01-10");
  g_autoptr(StyrChecklistItemState) done = item_state (TRUE);
  g_autoptr(StyrChecklistItemState) open = item_state (FALSE);
  StyrRuleThresholds t = defaults ();
  GDate today;

  today = day ("2019-12-26");
  g_assert_false (styr_rules_checklist_item_due_soon (mapped, NULL, &today, &t));
  today = day ("2019-12-27");
  g_assert_true (styr_rules_checklist_item_due_soon (mapped, NULL, &today, &t));
  today = day ("2019-12-28");
  g_assert_true (styr_rules_checklist_item_due_soon (mapped, open, &today, &t));
  g_assert_false (styr_rules_checklist_item_due_soon (mapped, done, &today, &t));
  today = day ("2020-01-10");
  g_assert_true (styr_rules_checklist_item_due_soon (mapped, NULL, &today, &t));
  today = day ("2020-01-11");
  g_assert_false (styr_rules_checklist_item_due_soon (mapped, NULL, &today, &t));
}

/* --- Blocking --------------------------------------------------------- */

static gboolean
done_in_table (const char *id,
               gpointer    user_data)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (user_data, id));
}

static void
test_blocking (void)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(StyrTask) test = NULL;
  g_auto(GStrv) depends_on = NULL;
  g_auto(GStrv) blocking = NULL;
  g_auto(GStrv) none = NULL;
  const char * const expected[] = { "task:YR-OIR-MAP", "task:GONE", NULL };
  const char * const empty[] = { NULL };

  /* The zero-sum posting test waits for the YR chart-of-accounts mapping. */
  test = record ("task:YR-NULSUM", "{'type':'task','project':'YR','title':'Nul-sums-test',"
                 "'depends_on':['task:YR-OIR-MAP','checklist-item:YR-1','task:YR-OIR-MAP',"
                 "'task:GONE']}");
  depends_on = styr_task_dup_depends_on (test);

  g_hash_table_insert (done, (gpointer) "task:YR-OIR-MAP", GINT_TO_POINTER (FALSE));
  g_hash_table_insert (done, (gpointer) "checklist-item:YR-1", GINT_TO_POINTER (TRUE));

  /* Each open dependency once, in order; an unknown one still blocks. */
  blocking = styr_rules_blocking ((const char * const *) depends_on, done_in_table, done);
  g_assert_cmpstrv (blocking, expected);
  g_clear_pointer (&blocking, g_strfreev);

  g_hash_table_insert (done, (gpointer) "task:YR-OIR-MAP", GINT_TO_POINTER (TRUE));
  g_hash_table_insert (done, (gpointer) "task:GONE", GINT_TO_POINTER (TRUE));
  blocking = styr_rules_blocking ((const char * const *) depends_on, done_in_table, done);
  g_assert_nonnull (blocking);
  g_assert_cmpstrv (blocking, empty);

  none = styr_rules_blocking (NULL, done_in_table, done);
  g_assert_nonnull (none);
  g_assert_cmpstrv (none, empty);
}

/* --- Agreements ------------------------------------------------------- */

#define TODAY "2020-03-10"

/* An approved agreement with nothing wrong as of TODAY: 36 months from
 * valid_from exactly, reviewed within a year, an approver who holds the
 * role, and steady usage in the months before. */
static const char *clean_agreement =
  "{'type':'agreement','using_system':'KMD Sag','supplier':'KMD','state':'approved',"
  "'services':['SF1500'],'scope_breadth':'limited','reason':'Sagsbehandling',"
  "'requested':'2018-12-01','approved':'2018-12-15','valid_from':'2019-01-01',"
  "'valid_to':'2021-12-31','approver':'person:p1','contract_end':'2022-06-30',"
  "'review':{'date':'2019-06-01'},"
  "'usage':[{'month':'2019-11','calls':100},{'month':'2019-12','calls':100},"
  "{'month':'2020-01','calls':100},{'month':'2020-02','calls':100}]}";

/* The clean agreement with the members of @patch set, or removed where
 * @patch has null. */
G_GNUC_PRINTF (1, 2)
static StyrAgreement *
agreement (const char *patch,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *base = g_strdup (clean_agreement);
  g_autoptr(JsonNode) node = NULL;
  StyrRecord *result;
  va_list args;

  g_strdelimit (base, "'", '"');
  node = styr_json_parse (base, -1, &error);
  g_assert_no_error (error);
  body = json_object_ref (json_node_get_object (node));

  va_start (args, patch);
  changes = parse_object (patch, args);
  va_end (args);

  members = json_object_get_members (changes);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (changes, l->data);

      if (JSON_NODE_HOLDS_NULL (value))
        json_object_remove_member (body, l->data);
      else
        json_object_set_member (body, l->data, json_node_copy (value));
    }

  result = styr_record_new_from_json ("agreement:a1", NULL, body, &error);
  g_assert_no_error (error);
  return STYR_AGREEMENT (result);
}

static StyrAssignment *
assignment (const char *key,
            const char *role,
            const char *holder,
            const char *since,
            const char *until)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strconcat ("assignment:", key, NULL);
  StyrRecord *result;

  json_object_set_string_member (body, "type", "assignment");
  json_object_set_string_member (body, "role", role);
  json_object_set_string_member (body, "holder", holder);
  if (since != NULL)
    json_object_set_string_member (body, "since", since);
  if (until != NULL)
    json_object_set_string_member (body, "until", until);

  result = styr_record_new_from_json (id, NULL, body, &error);
  g_assert_no_error (error);
  return STYR_ASSIGNMENT (result);
}

/* p1 holds the aftalegodkender role from 2019 on. */
static GPtrArray *
approver_assignments (void)
{
  GPtrArray *assignments = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (assignments, assignment ("x1", STYR_ROLE_AGREEMENT_APPROVER, "person:p1",
                                            "2019-01-01", NULL));
  return assignments;
}

/* The flags of the clean agreement with @patch applied, as of @today. */
G_GNUC_PRINTF (2, 3)
static StyrRiskFlags
risks_on (const char *today,
          const char *patch,
          ...)
{
  g_autoptr(StyrAgreement) subject = NULL;
  g_autoptr(GPtrArray) assignments = approver_assignments ();
  g_autofree char *text = NULL;
  StyrRuleThresholds t = defaults ();
  GDate date = day (today);
  va_list args;

  va_start (args, patch);
  text = g_strdup_vprintf (patch, args);
  va_end (args);

  subject = agreement ("%s", text);
  return styr_rules_agreement_risks (subject, assignments, &date, &t);
}

#define RISKS(...) risks_on (TODAY, __VA_ARGS__)

static void
test_agreement_clean (void)
{
  g_assert_cmpuint (RISKS ("{}"), ==, STYR_RISK_NONE);
}

static void
test_agreement_no_end_date (void)
{
  g_assert_cmpuint (RISKS ("{'valid_to':null}"), ==, STYR_RISK_NO_END_DATE);
  g_assert_cmpuint (RISKS ("{'state':'requested','valid_to':null}") & STYR_RISK_NO_END_DATE,
                    !=, 0);
}

static void
test_agreement_period_too_long (void)
{
  /* 36 months after 2019-01-01 is 2022-01-01. */
  g_assert_false (RISKS ("{'valid_to':'2021-12-31'}") & STYR_RISK_PERIOD_TOO_LONG);
  g_assert_false (RISKS ("{'valid_to':'2022-01-01'}") & STYR_RISK_PERIOD_TOO_LONG);
  g_assert_cmpuint (RISKS ("{'valid_to':'2022-01-02'}"), ==, STYR_RISK_PERIOD_TOO_LONG);

  /* Without valid_from, the period starts on the approval date … */
  g_assert_false (RISKS ("{'valid_from':null,'valid_to':'2021-12-15'}") &
                  STYR_RISK_PERIOD_TOO_LONG);
  g_assert_true (RISKS ("{'valid_from':null,'valid_to':'2021-12-16'}") &
                 STYR_RISK_PERIOD_TOO_LONG);

  /* … and for a request without either, today. */
  g_assert_false (RISKS ("{'state':'requested','valid_from':null,'approved':null,"
                         "'valid_to':'2023-03-10'}") & STYR_RISK_PERIOD_TOO_LONG);
  g_assert_true (RISKS ("{'state':'requested','valid_from':null,'approved':null,"
                        "'valid_to':'2023-03-11'}") & STYR_RISK_PERIOD_TOO_LONG);
}

static void
test_agreement_scope_too_wide (void)
{
  g_assert_false (RISKS ("{'scope_breadth':null}") & STYR_RISK_SCOPE_TOO_WIDE);
  g_assert_cmpuint (RISKS ("{'scope_breadth':'whole-municipality'}"), ==,
                    STYR_RISK_SCOPE_TOO_WIDE);
  g_assert_cmpuint (RISKS ("{'scope_breadth':'all-persons'}"), ==, STYR_RISK_SCOPE_TOO_WIDE);
}

static void
test_agreement_person_data (void)
{
  const char *cpr[] = { "SF1520", "SF1525", "SF1320_A", "SF6002" };

  for (guint i = 0; i < G_N_ELEMENTS (cpr); i++)
    g_assert_cmpuint (RISKS ("{'services':['SF1500','%s']}", cpr[i]), ==, STYR_RISK_PERSON_DATA);

  g_assert_false (RISKS ("{'services':['SF1530','SF15200','SF1320_B']}") & STYR_RISK_PERSON_DATA);
  g_assert_false (RISKS ("{'services':null}") & STYR_RISK_PERSON_DATA);
}

static void
test_agreement_no_reason (void)
{
  g_assert_cmpuint (RISKS ("{'reason':null}"), ==, STYR_RISK_NO_REASON);
  g_assert_cmpuint (RISKS ("{'reason':''}"), ==, STYR_RISK_NO_REASON);
  g_assert_cmpuint (RISKS ("{'reason':' \\t'}"), ==, STYR_RISK_NO_REASON);
  g_assert_cmpuint (RISKS ("{'reason':'Borgerservice'}"), ==, STYR_RISK_NONE);
}

static void
test_agreement_expiring (void)
{
  /* TODAY + 60 days is 2020-05-09. */
  g_assert_cmpuint (RISKS ("{'valid_to':'2020-05-10'}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'valid_to':'2020-05-09'}"), ==, STYR_RISK_EXPIRING);
  g_assert_cmpuint (RISKS ("{'valid_to':'2020-05-08'}"), ==, STYR_RISK_EXPIRING);
  g_assert_cmpuint (RISKS ("{'valid_to':'" TODAY "'}"), ==, STYR_RISK_EXPIRING);
  g_assert_false (RISKS ("{'valid_to':'2020-03-09'}") & STYR_RISK_EXPIRING);

  /* A request is not in force, so it cannot expire. */
  g_assert_false (RISKS ("{'state':'requested','valid_to':'2020-05-09'}") & STYR_RISK_EXPIRING);
}

static void
test_agreement_used_after_end (void)
{
  /* Usage runs to February; a valid_to in January leaves February after it. */
  g_assert_cmpuint (RISKS ("{'valid_to':'2020-01-31'}"), ==, STYR_RISK_USED_AFTER_END);
  g_assert_cmpuint (RISKS ("{'valid_to':'2020-02-01'}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'valid_to':'2020-02-29'}"), ==, STYR_RISK_NONE);

  /* Calls in the current month count once valid_to has passed. */
  g_assert_cmpuint (RISKS ("{'valid_to':'2020-02-29','usage':[{'month':'2020-03','calls':5}]}"),
                    ==, STYR_RISK_USED_AFTER_END);
  g_assert_false (RISKS ("{'valid_to':'2020-03-01','usage':[{'month':'2020-03','calls':5}]}") &
                  STYR_RISK_USED_AFTER_END);
  g_assert_false (RISKS ("{'valid_to':'" TODAY "','usage':[{'month':'2020-04','calls':5}]}") &
                  STYR_RISK_USED_AFTER_END);

  /* Zero calls after the end is no use. */
  g_assert_cmpuint (RISKS ("{'valid_to':'2020-01-31','usage':[{'month':'2019-12','calls':100},"
                           "{'month':'2020-01','calls':100},{'month':'2020-02','calls':0}]}"),
                    ==, STYR_RISK_NONE);

  /* Expired with a known end; its other problems no longer matter. */
  g_assert_cmpuint (RISKS ("{'state':'expired','valid_to':'2019-12-31','reason':null}"), ==,
                    STYR_RISK_USED_AFTER_END);
  g_assert_cmpuint (RISKS ("{'state':'expired','valid_to':'2020-02-29','reason':null}"), ==,
                    STYR_RISK_NONE);

  /* Ended by state on an unknown day: the last full month counts, the one
   * before it does not. */
  g_assert_cmpuint (RISKS ("{'state':'terminated','valid_to':null}"), ==,
                    STYR_RISK_USED_AFTER_END);
  g_assert_cmpuint (RISKS ("{'state':'terminated','valid_to':null,'usage':"
                           "[{'month':'2020-01','calls':100}]}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'state':'terminated'}"), ==, STYR_RISK_USED_AFTER_END);
  g_assert_cmpuint (RISKS ("{'state':'expired','valid_to':null,'usage':"
                           "[{'month':'2020-03','calls':1}]}"), ==, STYR_RISK_USED_AFTER_END);
}

static void
test_agreement_no_recent_review (void)
{
  /* 12 months after the review must not be before today. */
  g_assert_cmpuint (RISKS ("{'review':{'date':'2019-03-11'}}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'review':{'date':'2019-03-10'}}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'review':{'date':'2019-03-09'}}"), ==, STYR_RISK_NO_RECENT_REVIEW);
  g_assert_cmpuint (RISKS ("{'review':null}"), ==, STYR_RISK_NO_RECENT_REVIEW);
  g_assert_cmpuint (RISKS ("{'review':{'answers':{}}}"), ==, STYR_RISK_NO_RECENT_REVIEW);

  /* Only approved agreements are reviewed. */
  g_assert_cmpuint (RISKS ("{'state':'requested','review':null}"), ==, STYR_RISK_NONE);
}

static StyrRiskFlags
approver_risks (GPtrArray  *assignments,
                const char *today)
{
  g_autoptr(StyrAgreement) subject = agreement ("{}");
  StyrRuleThresholds t = defaults ();
  GDate date = day (today);

  return styr_rules_agreement_risks (subject, assignments, &date, &t) &
         STYR_RISK_APPROVER_WITHOUT_ROLE;
}

static void
test_agreement_approver_without_role (void)
{
  g_autoptr(GPtrArray) until = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) since = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) deputy = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) other_role = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StyrAgreement) unapproved = agreement ("{'approver':null}");
  g_autoptr(StyrAssignment) as_deputy = NULL;
  StyrRuleThresholds t = defaults ();
  GDate today = day (TODAY);

  /* The role ends on 2020-03-10: held that day, not the day after. */
  g_ptr_array_add (until, assignment ("u", STYR_ROLE_AGREEMENT_APPROVER, "person:p1",
                                      "2019-01-01", "2020-03-10"));
  g_assert_false (approver_risks (until, "2020-03-09"));
  g_assert_false (approver_risks (until, "2020-03-10"));
  g_assert_true (approver_risks (until, "2020-03-11"));

  /* The role starts on 2020-03-10. */
  g_ptr_array_add (since, assignment ("s", STYR_ROLE_AGREEMENT_APPROVER, "person:p1",
                                      "2020-03-10", NULL));
  g_assert_true (approver_risks (since, "2020-03-09"));
  g_assert_false (approver_risks (since, "2020-03-10"));

  /* A deputy may approve too. */
  as_deputy = record ("assignment:d", "{'type':'assignment','role':'%s','holder':'person:p2',"
                      "'deputy':'person:p1'}", STYR_ROLE_AGREEMENT_APPROVER);
  g_ptr_array_add (deputy, g_object_ref (as_deputy));
  g_assert_false (approver_risks (deputy, TODAY));

  g_ptr_array_add (other_role, assignment ("o", "KOMBIT-PROGRAMLEDER", "person:p1", NULL, NULL));
  g_assert_true (approver_risks (other_role, TODAY));
  g_assert_true (approver_risks (empty, TODAY));

  /* Without an approver there is nobody to check, nor with a name that
   * is no person record. */
  g_assert_cmpuint (styr_rules_agreement_risks (unapproved, empty, &today, &t), ==,
                    STYR_RISK_NONE);
  {
    g_autoptr(StyrAgreement) by_name = agreement ("{'approver':'Anne Jensen'}");

    g_assert_cmpuint (styr_rules_agreement_risks (by_name, empty, &today, &t), ==,
                      STYR_RISK_NONE);
  }
}

static void
test_agreement_contract_ended (void)
{
  g_assert_cmpuint (RISKS ("{'contract_end':'2020-03-11'}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'contract_end':'" TODAY "'}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'contract_end':'2020-03-09'}"), ==, STYR_RISK_CONTRACT_ENDED);
  g_assert_cmpuint (RISKS ("{'contract_end':null}"), ==, STYR_RISK_NONE);
  g_assert_false (RISKS ("{'state':'requested','contract_end':'2020-03-09'}") &
                  STYR_RISK_CONTRACT_ENDED);
}

static void
test_agreement_no_usage (void)
{
  StyrRuleThresholds t = defaults ();
  g_autoptr(StyrAgreement) recent = NULL;
  g_autoptr(GPtrArray) assignments = approver_assignments ();
  GDate today = day (TODAY);

  /* The last three full months before TODAY are December to February. */
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2019-12','calls':0},{'month':'2020-01',"
                           "'calls':0},{'month':'2020-02','calls':0}]}"), ==,
                    STYR_RISK_NO_USAGE);
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2019-12','calls':1},{'month':'2020-01',"
                           "'calls':0},{'month':'2020-02','calls':0}]}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2019-12','calls':0},{'month':'2020-01',"
                           "'calls':0},{'month':'2020-02','calls':1}]}"), ==, STYR_RISK_NONE);

  /* Calls in November or in the current month are outside the window. */
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2019-11','calls':50},{'month':'2020-02',"
                           "'calls':0},{'month':'2020-03','calls':50}]}"), ==,
                    STYR_RISK_NO_USAGE);

  /* Without any usage recorded in the window there is nothing to say. */
  g_assert_false (RISKS ("{'usage':null}") & STYR_RISK_NO_USAGE);
  g_assert_false (RISKS ("{'usage':[{'month':'2019-11','calls':0}]}") & STYR_RISK_NO_USAGE);

  /* In force from the first day of the window, or not. */
  g_assert_true (RISKS ("{'valid_from':'2019-11-30','usage':[{'month':'2020-02','calls':0}]}") &
                 STYR_RISK_NO_USAGE);
  g_assert_true (RISKS ("{'valid_from':'2019-12-01','usage':[{'month':'2020-02','calls':0}]}") &
                 STYR_RISK_NO_USAGE);
  g_assert_false (RISKS ("{'valid_from':'2019-12-02','usage':[{'month':'2020-02','calls':0}]}") &
                  STYR_RISK_NO_USAGE);

  /* Two months without calls are enough when the threshold says so. */
  recent = agreement ("{'usage':[{'month':'2019-12','calls':9},{'month':'2020-01','calls':0},"
                      "{'month':'2020-02','calls':0}]}");
  g_assert_false (styr_rules_agreement_risks (recent, assignments, &today, &t) &
                  STYR_RISK_NO_USAGE);
  t.no_usage_months = 2;
  g_assert_true (styr_rules_agreement_risks (recent, assignments, &today, &t) &
                 STYR_RISK_NO_USAGE);
  t.no_usage_months = 0;
  g_assert_false (styr_rules_agreement_risks (recent, assignments, &today, &t) &
                  STYR_RISK_NO_USAGE);
}

/* The chart's months for the clean agreement with @patch, as of TODAY,
 * flagged with the agreement's own risks (or @risks if not -1). */
static GArray *
usage_months (const char *patch,
              gint64      risks)
{
  g_autoptr(StyrAgreement) subject = agreement ("%s", patch);
  g_autoptr(GPtrArray) assignments = approver_assignments ();
  StyrRuleThresholds t = defaults ();
  GDate date = day (TODAY);
  StyrRiskFlags flags;

  flags = risks >= 0 ? (StyrRiskFlags) risks
                     : styr_rules_agreement_risks (subject, assignments, &date, &t);
  return styr_rules_agreement_usage_months (subject, flags, &date, &t);
}

/* Which months carry @flag, as "2019-12 2020-01". */
static char *
flagged_months (GArray        *months,
                StyrRiskFlags  flag)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < months->len; i++)
    {
      StyrUsageMonth *month = &g_array_index (months, StyrUsageMonth, i);

      if (month->flags & flag)
        g_string_append_printf (text, "%s%04u-%02u", text->len > 0 ? " " : "",
                                month->year, month->month);
    }

  return g_string_free (text, FALSE);
}

static void
test_agreement_usage_months (void)
{
  g_autoptr(GArray) clean = usage_months ("{}", -1);
  g_autoptr(GArray) spike = NULL;
  g_autoptr(GArray) unused = NULL;
  g_autoptr(GArray) after_end = NULL;
  g_autoptr(GArray) unflagged = NULL;
  g_autofree char *text = NULL;
  StyrUsageMonth *first, *last;

  /* The twelve months before the last full one, that one, and this one. */
  g_assert_cmpuint (clean->len, ==, 14);
  first = &g_array_index (clean, StyrUsageMonth, 0);
  last = &g_array_index (clean, StyrUsageMonth, clean->len - 1);
  g_assert_cmpuint (first->year, ==, 2019);
  g_assert_cmpuint (first->month, ==, 2);
  g_assert_cmpint (first->calls, ==, -1);
  g_assert_cmpuint (last->year, ==, 2020);
  g_assert_cmpuint (last->month, ==, 3);
  g_assert_cmpint (g_array_index (clean, StyrUsageMonth, 9).calls, ==, 100);
  for (guint i = 0; i < clean->len; i++)
    g_assert_cmpuint (g_array_index (clean, StyrUsageMonth, i).flags, ==, STYR_RISK_NONE);

  spike = usage_months ("{'usage':[{'month':'2019-11','calls':100},{'month':'2019-12',"
                        "'calls':100},{'month':'2020-01','calls':100},"
                        "{'month':'2020-02','calls':400}]}", -1);
  text = flagged_months (spike, STYR_RISK_USAGE_SPIKE);
  g_assert_cmpstr (text, ==, "2020-02");
  g_clear_pointer (&text, g_free);

  unused = usage_months ("{'usage':[{'month':'2019-11','calls':100},{'month':'2019-12',"
                         "'calls':0},{'month':'2020-01','calls':0},"
                         "{'month':'2020-02','calls':0}]}", -1);
  text = flagged_months (unused, STYR_RISK_NO_USAGE);
  g_assert_cmpstr (text, ==, "2019-12 2020-01 2020-02");
  g_clear_pointer (&text, g_free);

  /* Only the months after the end that have calls. */
  after_end = usage_months ("{'state':'terminated','valid_to':'2020-01-31','usage':["
                            "{'month':'2020-01','calls':100},{'month':'2020-02','calls':5},"
                            "{'month':'2020-03','calls':7}]}", -1);
  text = flagged_months (after_end, STYR_RISK_USED_AFTER_END);
  g_assert_cmpstr (text, ==, "2020-02 2020-03");
  g_clear_pointer (&text, g_free);

  /* Months are marked only for the flags the agreement has. */
  unflagged = usage_months ("{'usage':[{'month':'2019-11','calls':100},{'month':'2019-12',"
                            "'calls':100},{'month':'2020-01','calls':100},"
                            "{'month':'2020-02','calls':400}]}", STYR_RISK_NONE);
  text = flagged_months (unflagged, STYR_RISK_USAGE_SPIKE | STYR_RISK_NO_USAGE |
                                    STYR_RISK_USED_AFTER_END);
  g_assert_cmpstr (text, ==, "");
}

static void
test_agreement_usage_spike (void)
{
  /* Three months of 100 calls: 300 in February is no spike, 301 is. */
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2019-11','calls':100},{'month':'2019-12',"
                           "'calls':100},{'month':'2020-01','calls':100},{'month':'2020-02',"
                           "'calls':300}]}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2019-11','calls':100},{'month':'2019-12',"
                           "'calls':100},{'month':'2020-01','calls':100},{'month':'2020-02',"
                           "'calls':301}]}"), ==, STYR_RISK_USAGE_SPIKE);

  /* The median, not the mean: an earlier spike in October does not hide
   * this one (the mean of the four months would be 25 075). */
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2019-10','calls':100000},{'month':'2019-11',"
                           "'calls':100},{'month':'2019-12','calls':100},{'month':'2020-01',"
                           "'calls':100},{'month':'2020-02','calls':301}]}"), ==,
                    STYR_RISK_USAGE_SPIKE);

  /* Only the twelve months before count: history from over a year ago is
   * no history. */
  g_assert_false (RISKS ("{'usage':[{'month':'2019-01','calls':100},{'month':'2020-02',"
                         "'calls':5000}]}") & STYR_RISK_USAGE_SPIKE);
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2019-02','calls':100},{'month':'2020-02',"
                           "'calls':5000}]}"), ==, STYR_RISK_USAGE_SPIKE);

  /* One month of history is enough; none is not. */
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2020-01','calls':100},{'month':'2020-02',"
                           "'calls':301}]}"), ==, STYR_RISK_USAGE_SPIKE);
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2020-01','calls':100},{'month':'2020-02',"
                           "'calls':300}]}"), ==, STYR_RISK_NONE);
  g_assert_false (RISKS ("{'usage':[{'month':'2020-02','calls':5000}]}") &
                  STYR_RISK_USAGE_SPIKE);

  /* After idle months the median counts as one call: 3 calls are no
   * spike, 4 are. */
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2020-01','calls':0},{'month':'2020-02',"
                           "'calls':3}]}"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS ("{'usage':[{'month':'2020-01','calls':0},{'month':'2020-02',"
                           "'calls':4}]}"), ==, STYR_RISK_USAGE_SPIKE);

  /* The last full month must itself be recorded. */
  g_assert_false (RISKS ("{'usage':[{'month':'2019-12','calls':1},{'month':'2020-01',"
                         "'calls':1},{'month':'2020-03','calls':5000}]}") &
                  STYR_RISK_USAGE_SPIKE);
}

static void
test_agreement_states (void)
{
#define everything_wrong \
  "{'state':'%s','valid_to':null,'scope_breadth':'all-persons','services':['SF1520']," \
  "'reason':null,'review':null,'approver':'person:nobody','contract_end':'2020-01-01'," \
  "'usage':[{'month':'2019-12','calls':0},{'month':'2020-01','calls':0}," \
  "{'month':'2020-02','calls':0}]}"
  const StyrRiskFlags content = STYR_RISK_NO_END_DATE | STYR_RISK_SCOPE_TOO_WIDE |
                                STYR_RISK_PERSON_DATA | STYR_RISK_NO_REASON;

  g_assert_cmpuint (RISKS (everything_wrong, "approved"), ==,
                    content | STYR_RISK_NO_RECENT_REVIEW | STYR_RISK_APPROVER_WITHOUT_ROLE |
                    STYR_RISK_CONTRACT_ENDED | STYR_RISK_NO_USAGE);
  g_assert_cmpuint (RISKS (everything_wrong, "requested"), ==, content);
  g_assert_cmpuint (RISKS (everything_wrong, "rejected"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS (everything_wrong, "expired"), ==, STYR_RISK_NONE);
  g_assert_cmpuint (RISKS (everything_wrong, "terminated"), ==, STYR_RISK_NONE);

  /* A rejected request never gave access, whatever its usage says. */
  g_assert_cmpuint (RISKS ("{'state':'rejected','valid_to':'2019-12-31'}"), ==, STYR_RISK_NONE);
#undef everything_wrong
}

static void
test_agreement_describe (void)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (STYR_TYPE_RISK_FLAGS);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (guint i = 0; i < klass->n_values; i++)
    {
      StyrRiskFlags flag = klass->values[i].value;
      const char *text;

      if (flag == STYR_RISK_NONE)
        continue;

      text = styr_rules_risk_describe (flag);
      g_assert_nonnull (text);
      g_assert_true (g_str_has_suffix (text, "."));
      /* Two sentences: why, then what to do. */
      g_assert_nonnull (strstr (text, ". "));
      g_assert_false (g_hash_table_contains (seen, text));
      g_hash_table_add (seen, (gpointer) text);
      n++;
    }

  g_assert_cmpuint (n, ==, 12);
  g_assert_cmpuint (klass->mask, ==, (1u << 12) - 1);
  g_assert_cmpstr (g_flags_get_first_value (klass, STYR_RISK_USED_AFTER_END)->value_nick, ==,
                   "used-after-end");
  g_assert_cmpstr (styr_rules_risk_describe (STYR_RISK_NO_END_DATE), ==,
                   "The agreement has no end date. Set the period the system really needs.");
}

/* --- Roles ------------------------------------------------------------ */

static void
test_assignment_current (void)
{
  g_autoptr(StyrAssignment) bounded = assignment ("b", "R", "person:p1", "2020-03-10",
                                                  "2020-03-12");
  g_autoptr(StyrAssignment) open = assignment ("o", "R", "person:p1", NULL, NULL);
  GDate today;

  today = day ("2020-03-09");
  g_assert_false (styr_rules_assignment_current (bounded, &today));
  g_assert_true (styr_rules_assignment_current (open, &today));
  today = day ("2020-03-10");
  g_assert_true (styr_rules_assignment_current (bounded, &today));
  today = day ("2020-03-11");
  g_assert_true (styr_rules_assignment_current (bounded, &today));
  today = day ("2020-03-12");
  g_assert_true (styr_rules_assignment_current (bounded, &today));
  today = day ("2020-03-13");
  g_assert_false (styr_rules_assignment_current (bounded, &today));
}

static StyrCoverageFlags
coverage (const char *role,
          GPtrArray  *assignments,
          GPtrArray  *persons,
          const char *on)
{
  GDate today = day (on);
  StyrRuleThresholds t = defaults ();

  return styr_rules_role_coverage (role, assignments, persons, &today, &t, NULL);
}

static void
test_role_vacant (void)
{
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_ptr_array_add (persons, record ("person:p1", "{'type':'person','name':'Mette'}"));
  g_ptr_array_add (persons, record ("person:p2", "{'type':'person','name':'Jens'}"));
  g_ptr_array_add (assignments, assignment ("a", "OIR-SYSEJER-FINANS", "person:p1",
                                            "2019-12-01", "2020-03-10"));
  g_ptr_array_add (assignments, assignment ("b", "OIR-SYSEJER-DEBITOR", "person:p2",
                                            NULL, NULL));

  /* Held from the first day to the last, both included. */
  g_assert_false (coverage ("OIR-SYSEJER-FINANS", assignments, persons, "2020-03-09") &
                  STYR_COVERAGE_VACANT);
  g_assert_false (coverage ("OIR-SYSEJER-FINANS", assignments, persons, "2020-03-10") &
                  STYR_COVERAGE_VACANT);
  g_assert_cmpint (coverage ("OIR-SYSEJER-FINANS", assignments, persons, "2020-03-11"), ==,
                   STYR_COVERAGE_VACANT);
  g_assert_false (coverage ("OIR-SYSEJER-DEBITOR", assignments, persons, "2020-03-11") &
                  STYR_COVERAGE_VACANT);
  g_assert_cmpint (coverage ("OIR-SYSEJER-FINANS", assignments, persons, "2019-11-30"), ==,
                   STYR_COVERAGE_VACANT);
  g_assert_false (coverage ("OIR-SYSEJER-FINANS", assignments, persons, "2019-12-01") &
                  STYR_COVERAGE_VACANT);

  /* No deputy is said; nobody at all is vacant. */
  g_assert_cmpint (coverage ("OIR-SYSEJER-DEBITOR", assignments, persons, "2020-03-11"), ==,
                   STYR_COVERAGE_NO_DEPUTY);
  g_assert_cmpint (coverage (STYR_ROLE_AGREEMENT_APPROVER, assignments, persons, "2019-12-01"),
                   ==, STYR_COVERAGE_VACANT);
  g_assert_cmpint (coverage ("OIR-SYSEJER-FINANS", none, persons, "2019-12-01"), ==,
                   STYR_COVERAGE_VACANT);
}

static void
test_role_holder_inactive (void)
{
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (persons, record ("person:p1", "{'type':'person','name':'Mette',"
                                    "'active':false}"));
  g_ptr_array_add (persons, record ("person:p2", "{'type':'person','name':'Jens',"
                                    "'active':true}"));
  g_ptr_array_add (persons, record ("person:p3", "{'type':'person','name':'Anne'}"));

  /* p1 left, but holds R1 until 2020-03-10. */
  g_ptr_array_add (assignments, assignment ("a", "R1", "person:p1", NULL, "2020-03-10"));
  g_ptr_array_add (assignments, assignment ("b", "R2", "person:p2", NULL, NULL));
  g_ptr_array_add (assignments, assignment ("c", "R3", "person:p3", NULL, NULL));
  g_ptr_array_add (assignments, assignment ("d", "R4", "person:unknown", NULL, NULL));
  g_ptr_array_add (assignments, record ("assignment:e", "{'type':'assignment','role':'R5',"
                                        "'holder':'person:p2','deputy':'person:p1'}"));

  /* Held only by someone who left: vacant, and said so. */
  g_assert_cmpint (coverage ("R1", assignments, persons, "2020-03-10"), ==,
                   STYR_COVERAGE_VACANT | STYR_COVERAGE_HOLDER_LEFT);
  g_assert_cmpint (coverage ("R1", assignments, persons, "2020-03-11"), ==, STYR_COVERAGE_VACANT);
  g_assert_false (coverage ("R2", assignments, persons, "2020-03-11") & STYR_COVERAGE_VACANT);
  /* Active is the default. */
  g_assert_false (coverage ("R3", assignments, persons, "2020-03-11") & STYR_COVERAGE_VACANT);
  /* Someone Styr does not know holds nothing it can rely on. */
  g_assert_cmpint (coverage ("R4", assignments, persons, "2020-03-11"), ==,
                   STYR_COVERAGE_VACANT | STYR_COVERAGE_HOLDER_LEFT);
  /* A deputy who left is no deputy. */
  g_assert_cmpint (coverage ("R5", assignments, persons, "2020-03-11"), ==,
                   STYR_COVERAGE_NO_DEPUTY);
}

static void
test_person_overloaded (void)
{
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func (g_object_unref);
  StyrRuleThresholds t = defaults ();
  GDate today = day (TODAY);
  GDate tomorrow = day ("2020-03-11");

  /* Four roles, one of them twice, plus one as deputy: not too many. */
  g_ptr_array_add (assignments, assignment ("1", "R1", "person:p1", NULL, NULL));
  g_ptr_array_add (assignments, assignment ("2", "R2", "person:p1", NULL, NULL));
  g_ptr_array_add (assignments, assignment ("3", "R3", "person:p1", NULL, NULL));
  g_ptr_array_add (assignments, assignment ("4", "R4", "person:p1", NULL, NULL));
  g_ptr_array_add (assignments, assignment ("4b", "R4", "person:p1", NULL, NULL));
  g_ptr_array_add (assignments, record ("assignment:5d", "{'type':'assignment','role':'R5',"
                                        "'holder':'person:p2','deputy':'person:p1'}"));
  g_assert_false (styr_rules_person_overloaded ("person:p1", assignments, &today, &t));

  /* A fifth role held until today is one too many today, not tomorrow. */
  g_ptr_array_add (assignments, assignment ("6", "R6", "person:p1", NULL, TODAY));
  g_assert_true (styr_rules_person_overloaded ("person:p1", assignments, &today, &t));
  g_assert_false (styr_rules_person_overloaded ("person:p1", assignments, &tomorrow, &t));
  g_assert_false (styr_rules_person_overloaded ("person:p2", assignments, &today, &t));

  t.max_roles_per_person = 5;
  g_assert_false (styr_rules_person_overloaded ("person:p1", assignments, &today, &t));
}

/* --- Meetings --------------------------------------------------------- */

/* December 2019: 16 or 17 December, 10:00-11:00. */
static StyrMeeting *
programme_leader_meeting (void)
{
  return record ("meeting:PLM-2019-12", "{'type':'meeting','kind':'programme-leader',"
                 "'title':'Programledermøde december 2019','month':'2019-12','slots':["
                 "{'start':'2019-12-16T10:00:00+01:00','end':'2019-12-16T11:00:00+01:00'},"
                 "{'start':'2019-12-17T10:00:00+01:00','end':'2019-12-17T11:00:00+01:00'}]}");
}

static StyrMeetingState *
meeting_state (int      chosen,
               gboolean registered)
{
  return record ("meeting-state:PLM-2019-12", "{'type':'meeting-state',"
                 "'meeting':'PLM-2019-12','chosen_slot':%d,'registered':%s}",
                 chosen, registered ? "true" : "false");
}

static void
test_meeting_needs_slot (void)
{
  g_autoptr(StyrMeeting) meeting = programme_leader_meeting ();
  g_autoptr(StyrMeeting) erp = NULL;
  g_autoptr(StyrMeeting) early = NULL;
  g_autoptr(StyrMeetingState) none_chosen = meeting_state (-1, FALSE);
  g_autoptr(StyrMeetingState) first_chosen = meeting_state (0, FALSE);
  StyrRuleThresholds t = defaults ();
  GDate today;

  erp = record ("meeting:ERP", "{'type':'meeting','kind':'erp-vendor','title':'KMD OPUS',"
                "'slots':[{'start':'2019-12-16T13:00:00+01:00',"
                "'end':'2019-12-16T15:00:00+01:00'}]}");
  /* 00:30 Danish time is the day before in UTC; the slot's own day counts. */
  early = record ("meeting:PLM-EARLY", "{'type':'meeting','kind':'programme-leader',"
                  "'title':'Tidligt','slots':["
                  "{'start':'2019-12-16T00:30:00+01:00','end':'2019-12-16T01:00:00+01:00'},"
                  "{'start':'2019-12-17T00:30:00+01:00','end':'2019-12-17T01:00:00+01:00'}]}");

  /* From seven days before the first slot up to the day of the last. */
  today = day ("2019-12-08");
  g_assert_false (styr_rules_meeting_needs_slot (meeting, NULL, &today, &t));
  today = day ("2019-12-09");
  g_assert_true (styr_rules_meeting_needs_slot (meeting, NULL, &today, &t));
  today = day ("2019-12-10");
  g_assert_true (styr_rules_meeting_needs_slot (meeting, NULL, &today, &t));
  g_assert_true (styr_rules_meeting_needs_slot (meeting, none_chosen, &today, &t));
  g_assert_false (styr_rules_meeting_needs_slot (meeting, first_chosen, &today, &t));
  g_assert_false (styr_rules_meeting_needs_slot (erp, NULL, &today, &t));
  today = day ("2019-12-15");
  g_assert_true (styr_rules_meeting_needs_slot (meeting, NULL, &today, &t));
  today = day ("2019-12-16");
  g_assert_true (styr_rules_meeting_needs_slot (meeting, NULL, &today, &t));
  g_assert_true (styr_rules_meeting_needs_slot (early, NULL, &today, &t));
  /* Once the first date has passed, the second is the last chance. */
  today = day ("2019-12-17");
  g_assert_true (styr_rules_meeting_needs_slot (meeting, NULL, &today, &t));
  g_assert_true (styr_rules_meeting_needs_slot (early, NULL, &today, &t));
  g_assert_false (styr_rules_meeting_needs_slot (meeting, first_chosen, &today, &t));
  today = day ("2019-12-18");
  g_assert_false (styr_rules_meeting_needs_slot (meeting, NULL, &today, &t));
  g_assert_false (styr_rules_meeting_needs_slot (early, NULL, &today, &t));
}

static void
test_meeting_needs_registration (void)
{
  g_autoptr(StyrMeeting) no_link = programme_leader_meeting ();
  g_autoptr(StyrMeeting) meeting = NULL;
  g_autoptr(StyrMeeting) erp = NULL;
  g_autoptr(StyrMeeting) event = NULL;
  g_autoptr(StyrMeetingState) none_chosen = meeting_state (-1, FALSE);
  g_autoptr(StyrMeetingState) first = meeting_state (0, FALSE);
  g_autoptr(StyrMeetingState) second = meeting_state (1, FALSE);
  g_autoptr(StyrMeetingState) registered = meeting_state (1, TRUE);
  g_autoptr(StyrMeetingState) only = NULL;
  StyrRuleThresholds t = defaults ();
  GDate today;

  erp = record ("meeting:ERP", "{'type':'meeting','kind':'erp-vendor','title':'KMD OPUS',"
                "'slots':[{'start':'2019-12-16T13:00:00+01:00',"
                "'end':'2019-12-16T15:00:00+01:00'}]}");
  event = record ("meeting:EVENT", "{'type':'meeting','kind':'event','title':'Temadag',"
                  "'registration_url':'https://example.org/r','slots':["
                  "{'start':'2019-12-16T09:00:00+01:00','end':'2019-12-16T15:00:00+01:00'}]}");
  only = record ("meeting-state:ERP", "{'type':'meeting-state','meeting':'ERP',"
                 "'chosen_slot':0}");
  meeting = record ("meeting:PLM-2019-12", "{'type':'meeting','kind':'programme-leader',"
                    "'title':'Programledermøde december 2019','month':'2019-12',"
                    "'registration_url':'https://www.conferencemanager.dk/programleder',"
                    "'slots':[{'start':'2019-12-16T10:00:00+01:00',"
                    "'end':'2019-12-16T11:00:00+01:00'},"
                    "{'start':'2019-12-17T10:00:00+01:00','end':'2019-12-17T11:00:00+01:00'}]}");

  /* A meeting without a registration page has nothing to register for,
   * as KOMBIT's December 2019 meeting. */
  today = day ("2019-12-12");
  g_assert_false (styr_rules_meeting_needs_registration (no_link, second, &today, &t));

  /* The second slot, 17 December: from the 10th to the 17th. */
  today = day ("2019-12-09");
  g_assert_false (styr_rules_meeting_needs_registration (meeting, second, &today, &t));
  g_assert_true (styr_rules_meeting_needs_registration (meeting, first, &today, &t));
  today = day ("2019-12-10");
  g_assert_true (styr_rules_meeting_needs_registration (meeting, second, &today, &t));
  g_assert_false (styr_rules_meeting_needs_registration (meeting, registered, &today, &t));
  g_assert_false (styr_rules_meeting_needs_registration (meeting, none_chosen, &today, &t));
  g_assert_false (styr_rules_meeting_needs_registration (meeting, NULL, &today, &t));
  today = day ("2019-12-17");
  g_assert_true (styr_rules_meeting_needs_registration (meeting, second, &today, &t));
  g_assert_false (styr_rules_meeting_needs_registration (meeting, first, &today, &t));
  today = day ("2019-12-18");
  g_assert_false (styr_rules_meeting_needs_registration (meeting, second, &today, &t));

  /* Other meetings only when they have a registration. */
  today = day ("2019-12-12");
  g_assert_false (styr_rules_meeting_needs_registration (erp, only, &today, &t));
  g_assert_true (styr_rules_meeting_needs_registration (event, only, &today, &t));
  /* A chosen slot the meeting does not have is no reminder. */
  g_assert_false (styr_rules_meeting_needs_registration (event, second, &today, &t));
}

/* --- Clock ------------------------------------------------------------ */

static void
test_clock_fixed (void)
{
  GDate expected = day ("2019-12-16");
  g_autoptr(StyrClock) fixed = styr_clock_new_fixed (&expected);
  g_autoptr(StyrClock) parsed = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  styr_clock_get_today (fixed, &today);
  g_assert_cmpint (g_date_compare (&today, &expected), ==, 0);
  g_assert_true (styr_clock_is_fixed (fixed));

  parsed = styr_clock_new_for_string ("2020-02-29", &error);
  g_assert_no_error (error);
  g_assert_true (styr_clock_is_fixed (parsed));
  styr_clock_get_today (parsed, &today);
  expected = day ("2020-02-29");
  g_assert_cmpint (g_date_compare (&today, &expected), ==, 0);
}

static void
test_clock_system (void)
{
  g_autoptr(StyrClock) clock = styr_clock_new_system ();
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *before_text = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *after_text = NULL;
  char today_text[16];
  GDate today;

  styr_clock_get_today (clock, &today);
  after = g_date_time_new_now_local ();
  after_text = g_date_time_format (after, "%Y-%m-%d");
  g_date_strftime (today_text, sizeof today_text, "%Y-%m-%d", &today);

  g_assert_false (styr_clock_is_fixed (clock));
  /* Midnight may pass between the calls. */
  if (g_strcmp0 (today_text, before_text) != 0)
    g_assert_cmpstr (today_text, ==, after_text);
}

static void
test_clock_bad_strings (void)
{
  const char *bad[] = {
    "2019-13-01", "2019-02-29", "2019-12-32", "16-12-2019", "2019-12-16x", "2019-1-1",
    "2019/12/16", "", "today",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrClock) clock = styr_clock_new_for_string (bad[i], &error);
      g_autofree char *expected = g_strdup_printf ("“%s” is not a date (expected YYYY-MM-DD)",
                                                   bad[i]);

      g_assert_null (clock);
      g_assert_error (error, STYR_CLOCK_ERROR, STYR_CLOCK_ERROR_INVALID_DATE);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_risk_flags_count (void)
{
  g_assert_cmpuint (styr_risk_flags_count (STYR_RISK_NONE), ==, 0);
  g_assert_cmpuint (styr_risk_flags_count (STYR_RISK_NO_END_DATE), ==, 1);
  g_assert_cmpuint (styr_risk_flags_count (STYR_RISK_NO_END_DATE | STYR_RISK_USAGE_SPIKE |
                                           STYR_RISK_PERSON_DATA), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/thresholds/defaults", test_thresholds_defaults);
  g_test_add_func ("/rules/days-left", test_days_left);
  g_test_add_func ("/rules/task/overdue", test_task_overdue);
  g_test_add_func ("/rules/task/due-soon", test_task_due_soon);
  g_test_add_func ("/rules/checklist-item/overdue", test_checklist_item_overdue);
  g_test_add_func ("/rules/checklist-item/due-soon", test_checklist_item_due_soon);
  g_test_add_func ("/rules/blocking", test_blocking);
  g_test_add_func ("/rules/agreement/clean", test_agreement_clean);
  g_test_add_func ("/rules/agreement/no-end-date", test_agreement_no_end_date);
  g_test_add_func ("/rules/agreement/period-too-long", test_agreement_period_too_long);
  g_test_add_func ("/rules/agreement/scope-too-wide", test_agreement_scope_too_wide);
  g_test_add_func ("/rules/agreement/person-data", test_agreement_person_data);
  g_test_add_func ("/rules/agreement/no-reason", test_agreement_no_reason);
  g_test_add_func ("/rules/agreement/expiring", test_agreement_expiring);
  g_test_add_func ("/rules/agreement/used-after-end", test_agreement_used_after_end);
  g_test_add_func ("/rules/agreement/no-recent-review", test_agreement_no_recent_review);
  g_test_add_func ("/rules/agreement/approver-without-role",
                   test_agreement_approver_without_role);
  g_test_add_func ("/rules/agreement/contract-ended", test_agreement_contract_ended);
  g_test_add_func ("/rules/agreement/no-usage", test_agreement_no_usage);
  g_test_add_func ("/rules/agreement/usage-spike", test_agreement_usage_spike);
  g_test_add_func ("/rules/agreement/usage-months", test_agreement_usage_months);
  g_test_add_func ("/rules/agreement/risk-flags-count", test_risk_flags_count);
  g_test_add_func ("/rules/agreement/states", test_agreement_states);
  g_test_add_func ("/rules/agreement/describe", test_agreement_describe);
  g_test_add_func ("/rules/role/assignment-current", test_assignment_current);
  g_test_add_func ("/rules/role/coverage", test_role_vacant);
  g_test_add_func ("/rules/role/holder-left", test_role_holder_inactive);
  g_test_add_func ("/rules/role/person-overloaded", test_person_overloaded);
  g_test_add_func ("/rules/meeting/needs-slot", test_meeting_needs_slot);
  g_test_add_func ("/rules/meeting/needs-registration", test_meeting_needs_registration);
  g_test_add_func ("/rules/clock/fixed", test_clock_fixed);
  g_test_add_func ("/rules/clock/system", test_clock_system);
  g_test_add_func ("/rules/clock/bad-strings", test_clock_bad_strings);

  return g_test_run ();
}
