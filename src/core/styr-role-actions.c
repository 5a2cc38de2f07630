/* styr-role-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-role-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-assignment.h"
#include "styr-csv.h"
#include "styr-person.h"
#include "styr-role-actions.h"

/* Who holds which role from KOMBIT's Rollegalleri. An assignment says
 * role → holder (and deputy) from a date until a date; a person who
 * leaves stays on record, inactive, so the history keeps their name while
 * their roles show as vacant. Coverage is worked out from these records
 * and today's date by the rules, and the other pages ask it too.
 */

#define UTF8_BOM "\xef\xbb\xbf"

void
styr_role_coverage_free (StyrRoleCoverage *coverage)
{
  g_free (coverage->role);
  g_free (coverage->name);
  g_free (coverage->holder);
  g_free (coverage->holder_name);
  g_free (coverage->deputy_name);
  g_free (coverage->assignment);
  g_free (coverage->address);
  g_free (coverage);
}

static StyrPerson *
find_person (GPtrArray  *persons,
             const char *id)
{
  for (guint i = 0; id != NULL && i < persons->len; i++)
    if (g_str_equal (styr_record_get_id (g_ptr_array_index (persons, i)), id))
      return g_ptr_array_index (persons, i);
  return NULL;
}

static int
compare_coverage (gconstpointer a,
                  gconstpointer b)
{
  const StyrRoleCoverage *x = *(StyrRoleCoverage **) a;
  const StyrRoleCoverage *y = *(StyrRoleCoverage **) b;

  return g_utf8_collate (x->name, y->name);
}

/* The assignment of @role today whose holder has left. */
static StyrAssignment *
left_assignment (const char  *role,
                 GPtrArray   *assignments,
                 const GDate *today)
{
  for (guint i = 0; i < assignments->len; i++)
    {
      StyrAssignment *assignment = g_ptr_array_index (assignments, i);
      const char *holder = styr_assignment_get_holder (assignment);

      if (g_strcmp0 (styr_assignment_get_role (assignment), role) == 0 &&
          holder != NULL && holder[0] != '\0' && styr_rules_assignment_current (assignment, today))
        return assignment;
    }
  return NULL;
}

/**
 * styr_roles_coverage:
 * @store: the store
 * @today: a valid date
 * @thresholds: the thresholds (the most roles one person should hold)
 * @error: return location for a #GError
 *
 * Works out for every role who holds it today and what is wrong: vacant,
 * held only by someone who has left, no deputy, a holder with too many
 * roles.
 *
 * Returns: (transfer full) (element-type StyrRoleCoverage): one entry
 *   per role, by name, or %NULL with @error set
 */
GPtrArray *
styr_roles_coverage (StyrStore                *store,
                     const GDate              *today,
                     const StyrRuleThresholds *thresholds,
                     GError                  **error)
{
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  GPtrArray *result;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if ((roles = styr_record_load_all (store, "role", NULL, error)) == NULL ||
      (assignments = styr_record_load_all (store, "assignment", NULL, error)) == NULL ||
      (persons = styr_record_load_all (store, "person", NULL, error)) == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_role_coverage_free);
  for (guint i = 0; i < roles->len; i++)
    {
      StyrRecord *role = g_ptr_array_index (roles, i);
      StyrRoleCoverage *coverage = g_new0 (StyrRoleCoverage, 1);
      StyrAssignment *current = NULL;
      StyrPerson *holder;
      StyrPerson *deputy;

      coverage->role = g_strdup (styr_record_get_key (role));
      coverage->name = g_strdup (styr_record_get_string (role, "name"));
      if (coverage->name == NULL)
        coverage->name = g_strdup (coverage->role);

      coverage->flags = styr_rules_role_coverage (coverage->role, assignments, persons, today,
                                                  thresholds, &current);
      /* Held only by someone who has left: still say by whom, and the
       * deputy who stands in meanwhile. */
      if (current == NULL && (coverage->flags & STYR_COVERAGE_HOLDER_LEFT))
        current = left_assignment (coverage->role, assignments, today);
      coverage->mailbox = g_strcmp0 (styr_record_get_string (role, "kind"), "mailbox") == 0;
      if (current != NULL && styr_assignment_get_address (current) != NULL)
        {
          coverage->assignment = g_strdup (styr_record_get_id (STYR_RECORD (current)));
          coverage->address = g_strdup (styr_assignment_get_address (current));
        }
      else if (current != NULL)
        {
          holder = find_person (persons, styr_assignment_get_holder (current));
          deputy = find_person (persons, styr_assignment_get_deputy (current));
          coverage->assignment = g_strdup (styr_record_get_id (STYR_RECORD (current)));
          if (holder != NULL)
            {
              coverage->holder = g_strdup (styr_record_get_id (STYR_RECORD (holder)));
              coverage->holder_name = g_strdup (styr_person_get_name (holder));
            }
          if ((coverage->flags & STYR_COVERAGE_NO_DEPUTY) == 0 && deputy != NULL &&
              styr_person_get_active (deputy))
            coverage->deputy_name = g_strdup (styr_person_get_name (deputy));
        }

      g_ptr_array_add (result, coverage);
    }

  g_ptr_array_sort (result, compare_coverage);
  return result;
}

/**
 * styr_coverage_describe:
 * @flags: what is wrong with a role
 *
 * Returns: (transfer full): the flags in words, "" when the role is
 *   covered
 */
char *
styr_coverage_describe (StyrCoverageFlags flags)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (flags & STYR_COVERAGE_HOLDER_LEFT)
    g_strv_builder_add (parts, _("held only by someone who has left"));
  else if (flags & STYR_COVERAGE_VACANT)
    g_strv_builder_add (parts, _("vacant"));
  if (flags & STYR_COVERAGE_NO_DEPUTY)
    g_strv_builder_add (parts, _("no deputy"));
  if (flags & STYR_COVERAGE_OVERLOADED)
    g_strv_builder_add (parts, _("the holder has too many roles"));

  strv = g_strv_builder_end (parts);
  return g_strjoinv (", ", strv);
}

typedef struct
{
  const char  *role;
  const char  *holder;
  const char  *deputy;
  const char  *address;
  const GDate *since;
  const char  *author;
  char        *new_id;
} Assign;

static gboolean
assign_in_transaction (StyrStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  Assign *assign = user_data;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(StyrRecord) record = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("assignment:", uuid, NULL);
  g_autofree char *since = styr_date_to_iso (assign->since);
  GDate until = *assign->since;

  /* The holder until now steps down the day before; the history keeps
   * who held the role when. */
  g_date_subtract_days (&until, 1);
  ids = styr_store_find_ids (store, "assignment", "role", assign->role, NULL, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      const char *old_id = g_ptr_array_index (ids, i);
      g_autofree char *rev = NULL;
      g_autoptr(JsonObject) old = styr_store_get (store, old_id, &rev, error);
      g_autoptr(StyrRecord) assignment = NULL;
      g_autofree char *until_text = NULL;
      GDate start;

      if (old == NULL)
        return FALSE;
      assignment = styr_record_load (old_id, rev, old);
      if (assignment == NULL || !STYR_IS_ASSIGNMENT (assignment) ||
          !styr_rules_assignment_current (STYR_ASSIGNMENT (assignment), assign->since))
        continue;

      /* One that would start that same day is replaced; the history
       * keeps it. */
      if (!styr_record_get_date (assignment, "since", &start) ||
          g_date_compare (&start, assign->since) < 0)
        {
          json_object_set_string_member (old, "until", (until_text = styr_date_to_iso (&until)));
          if (!styr_store_put (store, old_id, old, rev, assign->author, NULL, error))
            return FALSE;
        }
      else if (!styr_store_delete (store, old_id, rev, assign->author, NULL, error))
        return FALSE;
    }

  json_object_set_string_member (body, "type", "assignment");
  json_object_set_string_member (body, "role", assign->role);
  if (assign->address != NULL)
    json_object_set_string_member (body, "address", assign->address);
  else
    json_object_set_string_member (body, "holder", assign->holder);
  if (assign->deputy != NULL)
    json_object_set_string_member (body, "deputy", assign->deputy);
  json_object_set_string_member (body, "since", since);

  record = styr_record_new_from_json (id, NULL, body, error);
  if (record == NULL || !styr_store_put (store, id, body, NULL, assign->author, NULL, error))
    return FALSE;

  assign->new_id = g_steal_pointer (&id);
  return TRUE;
}

/**
 * styr_role_assign:
 * @store: the store
 * @role: the role's key
 * @holder: the person id of the new holder
 * @deputy: (nullable): the person id of the deputy
 * @since: the first day the new holder holds the role
 * @author: who records it
 * @new_id: (out) (optional): the new assignment's id
 * @error: return location for a #GError
 *
 * Gives a role to a person from @since on. Whoever held it until then
 * holds it until the day before, so the history shows both.
 *
 * Returns: %TRUE if it was written; on failure nothing is
 */
gboolean
styr_role_assign (StyrStore    *store,
                  const char   *role,
                  const char   *holder,
                  const char   *deputy,
                  const GDate  *since,
                  const char   *author,
                  char        **new_id,
                  GError      **error)
{
  Assign assign = { role, holder, deputy, NULL, since, author, NULL };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (role != NULL && holder != NULL, FALSE);
  g_return_val_if_fail (since != NULL && g_date_valid (since), FALSE);

  if (!styr_assignment_people_differ (holder, deputy))
    {
      g_set_error_literal (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID,
                           _("The role was not assigned: the deputy must be someone else than "
                             "the holder."));
      return FALSE;
    }

  ok = styr_store_transaction (store, assign_in_transaction, &assign, error);
  if (ok && new_id != NULL)
    *new_id = g_steal_pointer (&assign.new_id);
  g_free (assign.new_id);
  return ok;
}

/**
 * styr_role_set_address:
 * @store: the store
 * @role: the key of a mailbox role, e.g. "OIR-FUNKTIONSPOSTKASSE"
 * @address: the mailbox's address, e.g. "oekonomi@kommune.dk"
 * @since: the first day it holds
 * @author: who records it
 * @error: return location for a #GError
 *
 * Gives a functional mailbox its address from @since on; an address
 * until then holds until the day before, so the history shows both.
 *
 * Returns: %TRUE if it was written; on failure nothing is
 */
gboolean
styr_role_set_address (StyrStore   *store,
                       const char  *role,
                       const char  *address,
                       const GDate *since,
                       const char  *author,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (address != NULL ? address : ""));
  Assign assign = { role, NULL, NULL, trimmed, since, author, NULL };
  gboolean ok;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);
  g_return_val_if_fail (since != NULL && g_date_valid (since), FALSE);

  if (!styr_assignment_address_valid (trimmed))
    {
      g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("The address was not saved: “%s” is not a mail address such as "
                     "oekonomi@kommune.dk."), trimmed);
      return FALSE;
    }

  ok = styr_store_transaction (store, assign_in_transaction, &assign, error);
  g_free (assign.new_id);
  return ok;
}

/**
 * styr_role_coverage_describe:
 * @coverage: how a role is held
 *
 * Returns: (transfer full): what is wrong in words, "" when the role is
 *   covered; a mailbox without an address says so
 */
char *
styr_role_coverage_describe (const StyrRoleCoverage *coverage)
{
  if (coverage->mailbox && (coverage->flags & STYR_COVERAGE_VACANT))
    return g_strdup (_("no address given"));
  return styr_coverage_describe (coverage->flags);
}

/**
 * styr_role_end_assignment:
 * @store: the store
 * @assignment: the assignment's id
 * @until: the last day it holds
 * @author: who records it
 * @error: return location for a #GError
 *
 * Ends an assignment on @until; from the day after, the role is vacant
 * unless someone else holds it. The assignment stays in the history.
 *
 * Returns: %TRUE if it was written
 */
gboolean
styr_role_end_assignment (StyrStore    *store,
                          const char   *assignment,
                          const GDate  *until,
                          const char   *author,
                          GError      **error)
{
  g_autofree char *rev = NULL;
  g_autofree char *until_text = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(StyrRecord) record = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (until != NULL && g_date_valid (until), FALSE);

  body = styr_store_get (store, assignment, &rev, error);
  if (body == NULL)
    return FALSE;

  json_object_set_string_member (body, "until", (until_text = styr_date_to_iso (until)));
  record = styr_record_new_from_json (assignment, rev, body, error);
  return record != NULL && styr_store_put (store, assignment, body, rev, author, NULL, error);
}

/**
 * styr_person_save:
 * @store: the store
 * @id: (nullable): the person to change, or %NULL to add one
 * @seen_rev: (nullable): the revision of @id the user saw
 * @fields: name, email, phone, unit, active; a null member removes one
 * @author: who saves
 * @new_id: (out) (optional): the person's id
 * @error: return location for a #GError
 *
 * Adds or changes a person. Someone who leaves is kept with active set to
 * false, never deleted, so the roles they held keep their history.
 *
 * Returns: %TRUE if it was written
 */
gboolean
styr_person_save (StyrStore   *store,
                  const char  *id,
                  const char  *seen_rev,
                  JsonObject  *fields,
                  const char  *author,
                  char       **new_id,
                  GError     **error)
{
  static const char * const allowed[] = { "name", "email", "phone", "unit", "active" };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(StyrRecord) record = NULL;
  g_autofree char *person_id = NULL;

  g_return_val_if_fail (STYR_IS_STORE (store), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (id != NULL)
    {
      body = styr_store_get (store, id, NULL, error);
      if (body == NULL)
        return FALSE;
      person_id = g_strdup (id);
    }
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      body = json_object_new ();
      json_object_set_string_member (body, "type", "person");
      json_object_set_boolean_member (body, "active", TRUE);
      person_id = g_strconcat ("person:", uuid, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      JsonNode *value = json_object_get_member (fields, allowed[i]);

      if (value == NULL)
        continue;
      if (JSON_NODE_HOLDS_NULL (value))
        json_object_remove_member (body, allowed[i]);
      else
        json_object_set_member (body, allowed[i], json_node_copy (value));
    }

  record = styr_record_new_from_json (person_id, NULL, body, error);
  if (record == NULL ||
      !styr_store_put (store, person_id, body, id != NULL ? seen_rev : NULL, author, NULL, error))
    return FALSE;

  if (new_id != NULL)
    *new_id = g_steal_pointer (&person_id);
  return TRUE;
}

/**
 * styr_role_save_local:
 * @store: the store
 * @name: the role's name
 * @area: (nullable): its area
 * @responsibilities: (nullable) (array zero-terminated=1): what it is
 *   responsible for
 * @author: who adds it
 * @new_id: (out) (optional): the role's id
 * @error: return location for a #GError
 *
 * Adds a role of the municipality's own beside the Rollegalleri.
 *
 * Returns: %TRUE if it was written
 */
gboolean
styr_role_save_local (StyrStore           *store,
                      const char          *name,
                      const char          *area,
                      const char * const  *responsibilities,
                      const char          *author,
                      char               **new_id,
                      GError             **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(StyrRecord) record = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("role:", uuid, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  JsonArray *list = json_array_new ();

  json_object_set_string_member (body, "type", "role");
  json_object_set_string_member (body, "name", stripped);
  json_object_set_string_member (body, "origin", "local");
  if (area != NULL && area[0] != '\0')
    json_object_set_string_member (body, "area", area);
  for (guint i = 0; responsibilities != NULL && responsibilities[i] != NULL; i++)
    json_array_add_string_element (list, responsibilities[i]);
  json_object_set_array_member (body, "responsibilities", list);

  record = styr_record_new_from_json (id, NULL, body, error);
  if (record == NULL || !styr_store_put (store, id, body, NULL, author, NULL, error))
    return FALSE;

  if (new_id != NULL)
    *new_id = g_steal_pointer (&id);
  return TRUE;
}

/**
 * styr_roles_export_csv:
 * @coverage: (element-type StyrRoleCoverage): from styr_roles_coverage()
 * @out: where to append the CSV
 *
 * The role overview as CSV, escaped and laid out like the agreements
 * export: UTF-8 with a byte order mark, semicolons, for Excel.
 */
void
styr_roles_export_csv (GPtrArray *coverage,
                       GString   *out)
{
  const char *header[] = {
    _("Role"), _("Holder"), _("Deputy"), _("Coverage"), NULL
  };

  g_return_if_fail (coverage != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, UTF8_BOM);
  styr_csv_append_row (out, header, ';');
  for (guint i = 0; i < coverage->len; i++)
    {
      StyrRoleCoverage *entry = g_ptr_array_index (coverage, i);
      g_autofree char *flags = styr_role_coverage_describe (entry);
      /* A mailbox's address stands where a holder's name would. */
      const char *held_by = entry->holder_name != NULL ? entry->holder_name : entry->address;
      const char *row[] = {
        entry->name,
        held_by != NULL ? held_by : "",
        entry->deputy_name != NULL ? entry->deputy_name : "",
        flags,
        NULL
      };

      styr_csv_append_row (out, row, ';');
    }
}
