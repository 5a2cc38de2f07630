/* styr-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "styr-agreement.h"
#include "styr-assignment.h"
#include "styr-checklist.h"
#include "styr-checklist-item.h"
#include "styr-checklist-item-state.h"
#include "styr-meeting.h"
#include "styr-json.h"
#include "styr-meeting-state.h"
#include "styr-municipality.h"
#include "styr-person.h"
#include "styr-record.h"
#include "styr-store.h"
#include "styr-role.h"
#include "styr-service.h"
#include "styr-link.h"
#include "styr-system.h"
#include "styr-task.h"
#include "styr-task-state.h"

typedef struct
{
  char       *id;
  char       *rev;
  JsonObject *body;
  gboolean    conflicted;
  gboolean    pending;
} StyrRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (StyrRecord, styr_record, G_TYPE_OBJECT)

G_DEFINE_QUARK (styr-record-error-quark, styr_record_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_REV,
  PROP_CONFLICTED,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The record types a document can be, by the type name in its id. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
} record_types[] = {
  { "agreement", styr_agreement_get_type },
  { "assignment", styr_assignment_get_type },
  { "checklist", styr_checklist_get_type },
  { "checklist-item", styr_checklist_item_get_type },
  { "checklist-item-state", styr_checklist_item_state_get_type },
  { "link", styr_link_get_type },
  { "meeting", styr_meeting_get_type },
  { "meeting-state", styr_meeting_state_get_type },
  { "municipality", styr_municipality_get_type },
  { "person", styr_person_get_type },
  { "role", styr_role_get_type },
  { "service", styr_service_get_type },
  { "system", styr_system_get_type },
  { "task", styr_task_get_type },
  { "task-state", styr_task_state_get_type },
};

/**
 * styr_parse_date:
 * @text: (nullable): a date as "YYYY-MM-DD"
 * @date: (out) (optional): the parsed date
 *
 * Returns: %TRUE if @text is a valid calendar date in that exact form
 */
/* sscanf would take signs and spaces in "%2u"; dates are digits only. */
static gboolean
digits_at (const char *text,
           const char *pattern)
{
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  return TRUE;
}

gboolean
styr_parse_date (const char *text,
                 GDate      *date)
{
  guint y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || !digits_at (text, "dddd-dd-dd") ||
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * styr_parse_month:
 * @text: (nullable): a month as "YYYY-MM"
 * @year: (out) (optional): the year
 * @month: (out) (optional): the month, 1 to 12
 *
 * Returns: %TRUE if @text is a month in that exact form
 */
gboolean
styr_parse_month (const char *text,
                  guint      *year,
                  guint      *month)
{
  guint y, m;
  char tail;

  if (text == NULL || strlen (text) != 7 || !digits_at (text, "dddd-dd") ||
      sscanf (text, "%4u-%2u%c", &y, &m, &tail) != 2 || m < 1 || m > 12 || y < 1)
    return FALSE;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  return TRUE;
}

/**
 * styr_parse_datetime:
 * @text: (nullable): an ISO 8601 date and time with a UTC offset
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if @text is not
 *   one
 */
GDateTime *
styr_parse_datetime (const char *text)
{
  const char *time;

  /* Without an offset GLib would read the time in this machine's zone;
   * a meeting time must say which zone it is in. */
  if (text == NULL || strlen (text) < 11 || !digits_at (text, "dddd-dd-ddT") ||
      ((time = strchr (text, 'T')) != NULL && strpbrk (time, "Z+-") == NULL))
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

/**
 * styr_date_from_user:
 * @text: a date as a Danish user writes it (31-12-2020, 31.12.2020,
 *   31/12/2020) or in ISO 8601 (2020-12-31)
 *
 * Returns: (transfer full) (nullable): the date as "YYYY-MM-DD", or %NULL
 *   if @text is not a valid date in one of those forms
 */
char *
styr_date_from_user (const char *text)
{
  guint day, month, year;
  char sep1, sep2, tail;
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (styr_parse_date (trimmed, NULL))
    return g_steal_pointer (&trimmed);

  if (sscanf (trimmed, "%2u%c%2u%c%4u%c", &day, &sep1, &month, &sep2, &year, &tail) != 5 ||
      sep1 != sep2 || strchr ("-./", sep1) == NULL || year < 1000 ||
      !g_ascii_isdigit (trimmed[0]) || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/**
 * styr_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as stored, "YYYY-MM-DD"
 */
char *
styr_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * styr_date_to_user:
 * @iso: (nullable): a date as stored, "YYYY-MM-DD"
 *
 * Returns: (transfer full): the date as the app shows it, day first
 *   ("31-12-2020"), or an empty string if @iso is not a date
 */
char *
styr_date_to_user (const char *iso)
{
  GDate date;
  char buffer[32];

  if (!styr_parse_date (iso, &date))
    return g_strdup ("");

  g_date_strftime (buffer, sizeof buffer, "%d-%m-%Y", &date);
  return g_strdup (buffer);
}

/**
 * styr_datetime_to_user:
 * @iso: (nullable): a time as stored, ISO 8601 with a time zone
 *
 * Returns: (transfer full): the time in the local zone as the app shows
 *   it ("31-12-2020 14:05"), or an empty string if @iso is not a time
 */
char *
styr_datetime_to_user (const char *iso)
{
  g_autoptr(GDateTime) time = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return local != NULL ? g_date_time_format (local, "%d-%m-%Y %H:%M") : g_strdup ("");
}

/* "due-approx" → "due_approx"; fields are short, so a fixed buffer does. */
static const char *
member_for_pspec (GParamSpec *pspec,
                  char        buffer[64])
{
  g_strlcpy (buffer, pspec->name, 64);
  for (char *p = buffer; *p != '\0'; p++)
    if (*p == '-')
      *p = '_';
  return buffer;
}

static void
get_field (StyrRecord *self,
           GParamSpec *pspec,
           GValue     *value)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  char buffer[64];
  const char *member = member_for_pspec (pspec, buffer);
  JsonNode *node = json_object_get_member (priv->body, member);
  GType value_type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_param_value_set_default (pspec, value);
      return;
    }

  if (value_type == G_TYPE_STRING)
    g_value_set_string (value, JSON_NODE_HOLDS_VALUE (node) &&
                               json_node_get_value_type (node) == G_TYPE_STRING
                               ? json_node_get_string (node) : NULL);
  else if (value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node));
  else if (value_type == G_TYPE_INT)
    g_value_set_int (value, JSON_NODE_HOLDS_VALUE (node) ? (int) json_node_get_int (node) : 0);
  else if (value_type == G_TYPE_INT64)
    g_value_set_int64 (value, JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0);
  else if (value_type == G_TYPE_DOUBLE)
    g_value_set_double (value, JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0);
  else if (value_type == G_TYPE_STRV)
    g_value_take_boxed (value, styr_record_dup_strv (self, member));
  else
    g_critical ("%s.%s: fields of type %s are not stored generically",
                G_OBJECT_TYPE_NAME (self), pspec->name, g_type_name (value_type));
}

static void
set_field (StyrRecord   *self,
           GParamSpec   *pspec,
           const GValue *value)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  char buffer[64];
  const char *member = member_for_pspec (pspec, buffer);
  GType value_type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (value_type == G_TYPE_STRING)
    styr_record_set_string (self, member, g_value_get_string (value));
  else if (value_type == G_TYPE_BOOLEAN)
    json_object_set_boolean_member (priv->body, member, g_value_get_boolean (value));
  else if (value_type == G_TYPE_INT)
    json_object_set_int_member (priv->body, member, g_value_get_int (value));
  else if (value_type == G_TYPE_INT64)
    json_object_set_int_member (priv->body, member, g_value_get_int64 (value));
  else if (value_type == G_TYPE_DOUBLE)
    json_object_set_double_member (priv->body, member, g_value_get_double (value));
  else if (value_type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array;

      if (strv == NULL)
        {
          json_object_remove_member (priv->body, member);
          return;
        }

      array = json_array_new ();
      for (guint i = 0; strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      json_object_set_array_member (priv->body, member, array);
    }
  else
    g_critical ("%s.%s: fields of type %s are not stored generically",
                G_OBJECT_TYPE_NAME (self), pspec->name, g_type_name (value_type));
}

static void
styr_record_finalize (GObject *object)
{
  StyrRecord *self = (StyrRecord *)object;
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->rev, g_free);
  g_clear_pointer (&priv->body, json_object_unref);

  G_OBJECT_CLASS (styr_record_parent_class)->finalize (object);
}

/* Subclasses get these through styr_record_class_install_fields(): their
 * own properties are fields and land in get_field()/set_field(). */
static void
styr_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StyrRecord *self = STYR_RECORD (object);
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  if (pspec->owner_type != STYR_TYPE_RECORD)
    {
      get_field (self, pspec, value);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_KEY:
      g_value_set_string (value, styr_record_get_key (self));
      break;

    case PROP_REV:
      g_value_set_string (value, priv->rev);
      break;

    case PROP_CONFLICTED:
      g_value_set_boolean (value, priv->conflicted);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, priv->pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  StyrRecord *self = STYR_RECORD (object);
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  if (pspec->owner_type != STYR_TYPE_RECORD)
    {
      set_field (self, pspec, value);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    case PROP_REV:
      styr_record_set_rev (self, g_value_get_string (value));
      break;

    case PROP_CONFLICTED:
      styr_record_set_conflicted (self, g_value_get_boolean (value));
      break;

    case PROP_PENDING:
      styr_record_set_pending (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_record_constructed (GObject *object)
{
  StyrRecord *self = (StyrRecord *)object;
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  G_OBJECT_CLASS (styr_record_parent_class)->constructed (object);

  json_object_set_string_member (priv->body, "type", STYR_RECORD_GET_CLASS (self)->type_name);
}

static void
styr_record_class_init (StyrRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = styr_record_constructed;
  object_class->finalize = styr_record_finalize;
  object_class->get_property = styr_record_get_property;
  object_class->set_property = styr_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_string ("rev", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONFLICTED] =
    g_param_spec_boolean ("conflicted", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * StyrRecord:pending:
   *
   * Whether a change made here to the record, or to the municipality's
   * state of it, waits for the team's server; set by whoever loads it
   * from a store (styr_work_read_sync_marks()).
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_record_init (StyrRecord *self)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  priv->body = json_object_new ();
}

/**
 * styr_record_class_install_fields:
 * @klass: a #StyrRecord subclass
 * @n_pspecs: the length of @pspecs
 * @pspecs: (array length=n_pspecs): the fields, as in
 *   g_object_class_install_properties()
 *
 * Installs a subclass's fields. GObject does not let subclasses inherit
 * get_property() and set_property(), so this sets the ones that store
 * fields in the body, unless the subclass set its own first (and chains
 * up to these for its fields).
 */
void
styr_record_class_install_fields (StyrRecordClass  *klass,
                                  guint             n_pspecs,
                                  GParamSpec      **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (STYR_IS_RECORD_CLASS (klass));

  if (object_class->get_property == NULL)
    object_class->get_property = styr_record_get_property;
  if (object_class->set_property == NULL)
    object_class->set_property = styr_record_set_property;

  g_object_class_install_properties (object_class, n_pspecs, pspecs);
}

/**
 * styr_record_type_from_name:
 * @type_name: a document type such as "task"
 *
 * Returns: the record #GType for @type_name, or %G_TYPE_INVALID
 */
GType
styr_record_type_from_name (const char *type_name)
{
  g_return_val_if_fail (type_name != NULL, G_TYPE_INVALID);

  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    if (g_str_equal (record_types[i].name, type_name))
      return record_types[i].get_type ();

  return G_TYPE_INVALID;
}

/**
 * styr_record_new:
 * @type: a #StyrRecord subtype
 * @key: (nullable): the part of the id after the type, or %NULL for a new
 *   random one
 *
 * Makes an empty record of @type. Records a user creates get a random key;
 * records from the catalogue keep the catalogue's.
 *
 * Returns: (transfer full): the record
 */
StyrRecord *
styr_record_new (GType       type,
                 const char *key)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (g_type_is_a (type, STYR_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  if (key == NULL)
    key = uuid = g_uuid_string_random ();
  id = g_strconcat (STYR_RECORD_CLASS (klass)->type_name, ":", key, NULL);

  return g_object_new (type, "id", id, NULL);
}

/**
 * styr_record_load:
 * @id: the document id, "<type>:<key>"
 * @rev: (nullable): its revision
 * @body: the document body
 *
 * Makes the record of the right type for a stored document without
 * checking its fields. Lists use this: a document a colleague's older or
 * newer Styr wrote must still show, and styr_record_validate() says what
 * is wrong with it when it is edited.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL if the type is
 *   unknown or does not match @id
 */
StyrRecord *
styr_record_load (const char *id,
                  const char *rev,
                  JsonObject *body)
{
  StyrRecord *self;
  StyrRecordPrivate *priv;
  const char *type_name;
  g_autoptr(GList) members = NULL;
  GType type;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  type_name = json_object_get_string_member_with_default (body, "type", "");
  type = styr_record_type_from_name (type_name);
  if (type == G_TYPE_INVALID ||
      !g_str_has_prefix (id, type_name) || id[strlen (type_name)] != ':')
    return NULL;

  self = g_object_new (type, "id", id, NULL);
  priv = styr_record_get_instance_private (self);
  priv->rev = g_strdup (rev);

  members = json_object_get_members (body);
  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (priv->body, l->data,
                            json_node_copy (json_object_get_member (body, l->data)));

  return self;
}

/**
 * styr_record_new_from_json:
 * @id: the document id, "<type>:<key>"
 * @rev: (nullable): its revision
 * @body: the document body
 * @error: return location for a #GError
 *
 * Makes the record of the right type for a document and checks it.
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
StyrRecord *
styr_record_new_from_json (const char  *id,
                           const char  *rev,
                           JsonObject  *body,
                           GError     **error)
{
  g_autoptr(StyrRecord) self = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  self = styr_record_load (id, rev, body);
  if (self == NULL)
    {
      g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_UNKNOWN_TYPE,
                   _("%s: the type “%s” is unknown or does not match the id"), id,
                   json_object_get_string_member_with_default (body, "type", ""));
      return NULL;
    }

  if (!styr_record_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * styr_record_to_json:
 * @self: a #StyrRecord
 *
 * Returns: (transfer full): a copy of the body, ready for styr_store_put()
 */
JsonObject *
styr_record_to_json (StyrRecord *self)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  /* A real copy: the form that edits it must not change the record the
   * list shows, nor what it compares against. */
  return styr_json_object_copy (priv->body);
}

/**
 * styr_record_validate:
 * @self: a #StyrRecord
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the record's fields are valid; otherwise @error names
 *   the record, the field and the value
 */
gboolean
styr_record_validate (StyrRecord  *self,
                      GError     **error)
{
  StyrRecordClass *klass;

  g_return_val_if_fail (STYR_IS_RECORD (self), FALSE);

  klass = STYR_RECORD_GET_CLASS (self);
  return klass->validate == NULL || klass->validate (self, error);
}

const char *
styr_record_get_id (StyrRecord *self)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  return priv->id;
}

/**
 * styr_record_get_key:
 * @self: a #StyrRecord
 *
 * Returns: the id without its type, e.g. "OIR-BASIS-02" for
 *   "task:OIR-BASIS-02"
 */
const char *
styr_record_get_key (StyrRecord *self)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  const char *colon;

  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  colon = priv->id != NULL ? strchr (priv->id, ':') : NULL;
  return colon != NULL ? colon + 1 : priv->id;
}

const char *
styr_record_get_type_name (StyrRecord *self)
{
  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  return STYR_RECORD_GET_CLASS (self)->type_name;
}

const char *
styr_record_get_rev (StyrRecord *self)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  return priv->rev;
}

void
styr_record_set_rev (StyrRecord *self,
                     const char *rev)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_if_fail (STYR_IS_RECORD (self));

  if (g_strcmp0 (priv->rev, rev) == 0)
    return;

  g_free (priv->rev);
  priv->rev = g_strdup (rev);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

/**
 * styr_record_same_revision:
 * @a: (nullable): a record
 * @b: (nullable): another
 *
 * Returns: whether @a and @b are the same revision, or both %NULL: what a
 *   list asks before it tells its rows that a record changed
 */
gboolean
styr_record_same_revision (StyrRecord *a,
                           StyrRecord *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (styr_record_get_rev (a), styr_record_get_rev (b)) == 0;
}

gboolean
styr_record_get_conflicted (StyrRecord *self)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_RECORD (self), FALSE);

  return priv->conflicted;
}

void
styr_record_set_conflicted (StyrRecord *self,
                            gboolean    conflicted)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_if_fail (STYR_IS_RECORD (self));

  conflicted = !!conflicted;
  if (priv->conflicted == conflicted)
    return;

  priv->conflicted = conflicted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTED]);
}

gboolean
styr_record_get_pending (StyrRecord *self)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_RECORD (self), FALSE);

  return priv->pending;
}

void
styr_record_set_pending (StyrRecord *self,
                         gboolean    pending)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_if_fail (STYR_IS_RECORD (self));

  pending = !!pending;
  if (priv->pending == pending)
    return;

  priv->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/**
 * styr_record_get_body:
 * @self: a #StyrRecord
 *
 * Returns: (transfer none): the record's JSON body, for subclasses that
 *   keep nested fields
 */
JsonObject *
styr_record_get_body (StyrRecord *self)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  return priv->body;
}

/**
 * styr_record_get_string:
 * @self: a #StyrRecord
 * @member: a field of the body
 *
 * Returns: (nullable): the field's text, or %NULL if it is missing or not
 *   a text
 */
const char *
styr_record_get_string (StyrRecord *self,
                        const char *member)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  JsonNode *node;

  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  node = json_object_get_member (priv->body, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * styr_record_set_string:
 * @self: a #StyrRecord
 * @member: a field of the body
 * @value: (nullable): the new text, or %NULL to remove the field
 */
void
styr_record_set_string (StyrRecord *self,
                        const char *member,
                        const char *value)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);

  g_return_if_fail (STYR_IS_RECORD (self));

  if (value == NULL)
    json_object_remove_member (priv->body, member);
  else
    json_object_set_string_member (priv->body, member, value);
}

gint64
styr_record_get_int (StyrRecord *self,
                     const char *member,
                     gint64      default_value)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  JsonNode *node;

  g_return_val_if_fail (STYR_IS_RECORD (self), default_value);

  node = json_object_get_member (priv->body, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return default_value;

  return json_node_get_int (node);
}

gboolean
styr_record_get_boolean (StyrRecord *self,
                         const char *member,
                         gboolean    default_value)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  JsonNode *node;

  g_return_val_if_fail (STYR_IS_RECORD (self), default_value);

  node = json_object_get_member (priv->body, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return default_value;

  return json_node_get_boolean (node);
}

/**
 * styr_record_dup_strv:
 * @self: a #StyrRecord
 * @member: a field holding a list of texts
 *
 * Returns: (transfer full) (nullable): the texts, or %NULL if the field is
 *   missing
 */
char **
styr_record_dup_strv (StyrRecord *self,
                      const char *member)
{
  JsonArray *array = styr_record_get_array (self, member);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/**
 * styr_record_get_array:
 * @self: a #StyrRecord
 * @member: a field holding a list
 *
 * Returns: (transfer none) (nullable): the list, or %NULL
 */
JsonArray *
styr_record_get_array (StyrRecord *self,
                       const char *member)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  JsonNode *node;

  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  node = json_object_get_member (priv->body, member);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/**
 * styr_record_get_object:
 * @self: a #StyrRecord
 * @member: a field holding an object
 *
 * Returns: (transfer none) (nullable): the object, or %NULL
 */
JsonObject *
styr_record_get_object (StyrRecord *self,
                        const char *member)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  JsonNode *node;

  g_return_val_if_fail (STYR_IS_RECORD (self), NULL);

  node = json_object_get_member (priv->body, member);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * styr_record_get_date:
 * @self: a #StyrRecord
 * @member: a field holding a date
 * @date: (out): the date
 *
 * Returns: %TRUE if the field holds a valid date
 */
gboolean
styr_record_get_date (StyrRecord *self,
                      const char *member,
                      GDate      *date)
{
  return styr_parse_date (styr_record_get_string (self, member), date);
}

/**
 * styr_record_invalid:
 * @self: the record that is wrong
 * @error: return location for a #GError
 * @format: what is wrong, printf style
 *
 * Sets @error to "<type> <key>: <what is wrong>".
 *
 * Returns: %FALSE, to return from a validate function
 */
gboolean
styr_record_invalid (StyrRecord  *self,
                     GError     **error,
                     const char  *format,
                     ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "<record type> <record key>: <problem>", e.g. "task OIR-BASIS-02: …". */
  g_set_error (error, STYR_RECORD_ERROR, STYR_RECORD_ERROR_INVALID, _("%s %s: %s"),
               styr_record_get_type_name (self), styr_record_get_key (self), problem);
  return FALSE;
}

static const char *
value_text (StyrRecord *self,
            const char *member,
            char       *buffer,
            gsize       size)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  JsonNode *node = json_object_get_member (priv->body, member);
  g_autofree char *text = NULL;

  if (node == NULL)
    return "";
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  text = json_to_string (node, FALSE);
  g_strlcpy (buffer, text, size);
  return buffer;
}

gboolean
styr_record_check_required (StyrRecord  *self,
                            const char  *member,
                            GError     **error)
{
  const char *value = styr_record_get_string (self, member);

  if (value == NULL || value[0] == '\0')
    return styr_record_invalid (self, error, _("%s is missing (expected a text)"),
                                member);

  return TRUE;
}

gboolean
styr_record_check_date (StyrRecord  *self,
                        const char  *member,
                        GError     **error)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  char buffer[64];

  if (!json_object_has_member (priv->body, member) ||
      styr_parse_date (styr_record_get_string (self, member), NULL))
    return TRUE;

  return styr_record_invalid (self, error, _("%s “%s” is not a date (expected YYYY-MM-DD)"),
                              member, value_text (self, member, buffer, sizeof buffer));
}

gboolean
styr_record_check_month (StyrRecord  *self,
                         const char  *member,
                         GError     **error)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  char buffer[64];

  if (!json_object_has_member (priv->body, member) ||
      styr_parse_month (styr_record_get_string (self, member), NULL, NULL))
    return TRUE;

  return styr_record_invalid (self, error, _("%s “%s” is not a month (expected YYYY-MM)"),
                              member, value_text (self, member, buffer, sizeof buffer));
}

gboolean
styr_record_check_choice (StyrRecord          *self,
                          const char          *member,
                          const char * const  *choices,
                          GError             **error)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  const char *value = styr_record_get_string (self, member);
  char buffer[64];

  g_autofree char *expected = NULL;

  if (!json_object_has_member (priv->body, member) ||
      (value != NULL && g_strv_contains (choices, value)))
    return TRUE;

  expected = g_strjoinv (", ", (char **) choices);
  return styr_record_invalid (self, error, _("%s “%s” is not one of: %s"),
                              member, value_text (self, member, buffer, sizeof buffer), expected);
}

gboolean
styr_record_check_strv (StyrRecord  *self,
                        const char  *member,
                        GError     **error)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  JsonNode *node = json_object_get_member (priv->body, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return styr_record_invalid (self, error, _("%s is not a list of texts"), member);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return styr_record_invalid (self, error, _("%s is not a list of texts"), member);
    }

  return TRUE;
}

/**
 * styr_record_check_date_order:
 * @self: a #StyrRecord
 * @first: the field that must not come later
 * @second: the field that must not come earlier
 * @error: return location for a #GError
 *
 * Returns: %TRUE unless both fields hold dates and @second is before @first
 */
/**
 * styr_record_check_https:
 * @self: a #StyrRecord
 * @member: a field that holds a web address, if any
 * @error: return location for a #GError
 *
 * A link Styr opens in the browser must be a web page over https: not a
 * file, a program or plain http.
 *
 * Returns: %TRUE if @member is absent or an https address
 */
gboolean
styr_record_check_https (StyrRecord  *self,
                         const char  *member,
                         GError     **error)
{
  StyrRecordPrivate *priv = styr_record_get_instance_private (self);
  const char *value = styr_record_get_string (self, member);
  g_autoptr(GUri) uri = NULL;

  if (!json_object_has_member (priv->body, member))
    return TRUE;

  if (value != NULL)
    uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 &&
      g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0')
    return TRUE;

  return styr_record_invalid (self, error, _("%s “%s” is not a web address over https"),
                              member, value != NULL ? value : "");
}

gboolean
styr_record_check_date_order (StyrRecord  *self,
                              const char  *first,
                              const char  *second,
                              GError     **error)
{
  GDate a, b;

  if (!styr_record_get_date (self, first, &a) || !styr_record_get_date (self, second, &b) ||
      g_date_compare (&a, &b) <= 0)
    return TRUE;

  return styr_record_invalid (self, error, _("%s “%s” is before %s “%s”"),
                              second, styr_record_get_string (self, second),
                              first, styr_record_get_string (self, first));
}

/**
 * styr_record_read:
 * @store: the store
 * @id: a document id
 *
 * Returns: (transfer full) (nullable): the record of the live document
 *   @id, or %NULL if there is none or it is not a record Styr knows
 */
StyrRecord *
styr_record_read (StyrStore  *store,
                  const char *id)
{
  g_autofree char *rev = NULL;
  g_autoptr(JsonObject) body = styr_store_get (store, id, &rev, NULL);

  return body != NULL ? styr_record_load (id, rev, body) : NULL;
}

/**
 * styr_record_load_all:
 * @store: the store
 * @type: the document type
 * @sort_field: (nullable): the field to order by, as styr_store_find_ids()
 * @error: return location for a #GError
 *
 * For the few dozen roles, people or checklists a page shows at once,
 * not for lists that can grow to thousands.
 *
 * Returns: (transfer full) (element-type StyrRecord): every live record of
 *   @type, or %NULL with @error set
 */
GPtrArray *
styr_record_load_all (StyrStore   *store,
                      const char  *type,
                      const char  *sort_field,
                      GError     **error)
{
  g_autoptr(GPtrArray) ids = styr_store_find_ids (store, type, NULL, NULL, sort_field, error);
  GPtrArray *records;

  if (ids == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      StyrRecord *record = styr_record_read (store, g_ptr_array_index (ids, i));

      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  return records;
}
