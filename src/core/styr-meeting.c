/* styr-meeting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "styr-meeting.h"

/* StyrMeeting: a programme-leader meeting with its two alternative slots,
 * agenda and attendee lists, or a side meeting such as the ERP-vendor
 * meetings. The chosen slot and registration live in a StyrMeetingState.
 */
struct _StyrMeeting
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrMeeting, styr_meeting, STYR_TYPE_RECORD)
G_DEFINE_BOXED_TYPE (StyrSlot, styr_slot, styr_slot_copy, styr_slot_free)
G_DEFINE_BOXED_TYPE (StyrAgendaItem, styr_agenda_item, styr_agenda_item_copy,
                     styr_agenda_item_free)
G_DEFINE_BOXED_TYPE (StyrAttendance, styr_attendance, styr_attendance_copy,
                     styr_attendance_free)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_MONTH,
  PROP_DATE,
  PROP_FORMAT,
  PROP_AUDIENCE,
  PROP_REGISTRATION_URL,
  PROP_CONTACT,
  PROP_KOMBIT_STAFF,
  PROP_AGENDA_STATUS,
  PROP_PLANNED_TOPICS,
  PROP_ERP,
  PROP_LOCATION,
  PROP_STATUS,
  PROP_NOTES,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = {
  "programme-leader", "erp-vendor", "kick-off", "event", NULL
};

StyrSlot *
styr_slot_copy (const StyrSlot *slot)
{
  StyrSlot *copy = g_new0 (StyrSlot, 1);

  copy->start = g_date_time_ref (slot->start);
  copy->end = g_date_time_ref (slot->end);
  copy->cancelled = slot->cancelled;
  return copy;
}

/**
 * styr_slot_get_day:
 * @slot: a slot
 * @day: (out caller-allocates): the day it starts on, in Copenhagen
 *
 * The day of a meeting is the Danish one, whatever this desktop's time
 * zone: a meeting at 00:30 in Copenhagen is on that day.
 */
void
styr_slot_get_day (const StyrSlot *slot,
                   GDate          *day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Copenhagen");
  g_autoptr(GDateTime) local = zone != NULL ? g_date_time_to_timezone (slot->start, zone)
                                            : g_date_time_ref (slot->start);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

void
styr_slot_free (StyrSlot *slot)
{
  g_clear_pointer (&slot->start, g_date_time_unref);
  g_clear_pointer (&slot->end, g_date_time_unref);
  g_free (slot);
}

StyrAgendaItem *
styr_agenda_item_copy (const StyrAgendaItem *item)
{
  StyrAgendaItem *copy = g_new0 (StyrAgendaItem, 1);

  copy->start = g_strdup (item->start);
  copy->end = g_strdup (item->end);
  copy->title = g_strdup (item->title);
  copy->presenters = g_strdupv (item->presenters);
  copy->subitems = g_strdupv (item->subitems);
  return copy;
}

void
styr_agenda_item_free (StyrAgendaItem *item)
{
  g_free (item->start);
  g_free (item->end);
  g_free (item->title);
  g_strfreev (item->presenters);
  g_strfreev (item->subitems);
  g_free (item);
}

StyrAttendance *
styr_attendance_copy (const StyrAttendance *attendance)
{
  StyrAttendance *copy = g_new0 (StyrAttendance, 1);

  copy->date = g_strdup (attendance->date);
  copy->code = g_strdup (attendance->code);
  copy->count = attendance->count;
  return copy;
}

void
styr_attendance_free (StyrAttendance *attendance)
{
  g_free (attendance->date);
  g_free (attendance->code);
  g_free (attendance);
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
object_element (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
check_slots (StyrRecord  *record,
             GError     **error)
{
  JsonObject *body = styr_record_get_body (record);
  JsonArray *slots = styr_record_get_array (record, "slots");
  g_autoptr(GDateTime) previous = NULL;
  guint n;

  if (json_object_has_member (body, "slots") && slots == NULL)
    return styr_record_invalid (record, error, _("slots is not a list"));

  n = slots != NULL ? json_array_get_length (slots) : 0;
  if (g_strcmp0 (styr_record_get_string (record, "kind"), "programme-leader") == 0 && n != 2)
    return styr_record_invalid (record, error,
                                _("a programme-leader meeting needs two alternative slots, "
                                  "not %u"), n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *slot = object_element (slots, i);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      if (slot == NULL)
        return styr_record_invalid (record, error, _("slot %u is not an object"), i + 1);

      start = styr_parse_datetime (string_member (slot, "start"));
      end = styr_parse_datetime (string_member (slot, "end"));
      if (start == NULL)
        return styr_record_invalid (record, error,
                                    _("slot %u: start “%s” is not a date and time with UTC "
                                      "offset"), i + 1, string_member (slot, "start"));
      if (end == NULL)
        return styr_record_invalid (record, error,
                                    _("slot %u: end “%s” is not a date and time with UTC "
                                      "offset"), i + 1, string_member (slot, "end"));
      if (g_date_time_compare (end, start) <= 0)
        return styr_record_invalid (record, error, _("slot %u ends before it starts"), i + 1);
      if (previous != NULL && g_date_time_compare (start, previous) <= 0)
        return styr_record_invalid (record, error,
                                    _("slot %u starts before slot %u; slots must be in order"),
                                    i + 1, i);

      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_steal_pointer (&start);
    }

  return TRUE;
}

static gboolean
check_agenda (StyrRecord  *record,
              GError     **error)
{
  JsonObject *body = styr_record_get_body (record);
  JsonArray *agenda = styr_record_get_array (record, "agenda");

  if (json_object_has_member (body, "agenda") && agenda == NULL)
    return styr_record_invalid (record, error, _("agenda is not a list"));

  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    {
      JsonObject *item = object_element (agenda, i);

      if (item == NULL || string_member (item, "title") == NULL)
        return styr_record_invalid (record, error, _("agenda item %u has no title"), i + 1);
    }

  return TRUE;
}

static gboolean
check_attendees (StyrRecord  *record,
                 GError     **error)
{
  JsonObject *body = styr_record_get_body (record);
  JsonArray *attendees = styr_record_get_array (record, "attendees");

  if (json_object_has_member (body, "attendees") && attendees == NULL)
    return styr_record_invalid (record, error, _("attendees is not a list"));

  for (guint i = 0; attendees != NULL && i < json_array_get_length (attendees); i++)
    {
      JsonObject *day = object_element (attendees, i);
      JsonNode *list = day != NULL ? json_object_get_member (day, "municipalities") : NULL;

      if (day == NULL || !styr_parse_date (string_member (day, "date"), NULL))
        return styr_record_invalid (record, error,
                                    _("attendee list %u has no valid date"), i + 1);
      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        return styr_record_invalid (record, error,
                                    _("attendee list %u has no list of municipalities"), i + 1);

      for (guint j = 0; j < json_array_get_length (json_node_get_array (list)); j++)
        {
          JsonObject *entry = object_element (json_node_get_array (list), j);
          const char *code = entry != NULL ? string_member (entry, "code") : NULL;
          JsonNode *count = entry != NULL ? json_object_get_member (entry, "count") : NULL;

          if (code == NULL || strlen (code) != 3 || count == NULL ||
              json_node_get_value_type (count) != G_TYPE_INT64 || json_node_get_int (count) < 1)
            return styr_record_invalid (record, error,
                                        _("attendee list %u, entry %u needs a municipality code "
                                          "and a count of at least 1"), i + 1, j + 1);
        }
    }

  return TRUE;
}

static gboolean
styr_meeting_validate (StyrRecord  *record,
                       GError     **error)
{
  return styr_record_check_required (record, "kind", error) &&
         styr_record_check_choice (record, "kind", kinds, error) &&
         styr_record_check_required (record, "title", error) &&
         styr_record_check_month (record, "month", error) &&
         styr_record_check_date (record, "date", error) &&
         styr_record_check_https (record, "registration_url", error) &&
         styr_record_check_strv (record, "kombit_staff", error) &&
         styr_record_check_strv (record, "planned_topics", error) &&
         styr_record_check_strv (record, "notes", error) &&
         styr_record_check_strv (record, "styr_notes", error) &&
         check_slots (record, error) &&
         check_agenda (record, error) &&
         check_attendees (record, error);
}

static void
styr_meeting_class_init (StyrMeetingClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  record_class->type_name = "meeting";
  record_class->validate = styr_meeting_validate;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_MONTH] = g_param_spec_string ("month", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_FORMAT] = g_param_spec_string ("format", NULL, NULL, NULL, flags);
  properties[PROP_AUDIENCE] = g_param_spec_string ("audience", NULL, NULL, NULL, flags);
  properties[PROP_REGISTRATION_URL] =
    g_param_spec_string ("registration-url", NULL, NULL, NULL, flags);
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, NULL, flags);
  properties[PROP_KOMBIT_STAFF] =
    g_param_spec_boxed ("kombit-staff", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_AGENDA_STATUS] =
    g_param_spec_string ("agenda-status", NULL, NULL, NULL, flags);
  properties[PROP_PLANNED_TOPICS] =
    g_param_spec_boxed ("planned-topics", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ERP] = g_param_spec_string ("erp", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_boxed ("notes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_meeting_init (StyrMeeting *self)
{
}

/**
 * styr_meeting_get_kind:
 * @self: a #StyrMeeting
 *
 * Returns: "programme-leader", "erp-vendor", "kick-off" or "event"
 */
const char *
styr_meeting_get_kind (StyrMeeting *self)
{
  g_return_val_if_fail (STYR_IS_MEETING (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "kind");
}

const char *
styr_meeting_get_title (StyrMeeting *self)
{
  g_return_val_if_fail (STYR_IS_MEETING (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "title");
}

const char *
styr_meeting_get_registration_url (StyrMeeting *self)
{
  g_return_val_if_fail (STYR_IS_MEETING (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "registration_url");
}

/**
 * styr_meeting_dup_slots:
 * @self: a #StyrMeeting
 *
 * Returns: (transfer full) (element-type StyrSlot): the slots in order
 */
GPtrArray *
styr_meeting_dup_slots (StyrMeeting *self)
{
  JsonArray *slots;
  GPtrArray *result;

  g_return_val_if_fail (STYR_IS_MEETING (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_slot_free);
  slots = styr_record_get_array (STYR_RECORD (self), "slots");
  for (guint i = 0; slots != NULL && i < json_array_get_length (slots); i++)
    {
      JsonObject *object = object_element (slots, i);
      StyrSlot slot = { 0 };

      if (object == NULL)
        continue;
      slot.start = styr_parse_datetime (string_member (object, "start"));
      slot.end = styr_parse_datetime (string_member (object, "end"));
      if (slot.start != NULL && slot.end != NULL)
        g_ptr_array_add (result, g_memdup2 (&slot, sizeof slot));
      else
        {
          g_clear_pointer (&slot.start, g_date_time_unref);
          g_clear_pointer (&slot.end, g_date_time_unref);
        }
    }

  return result;
}

static char **
dup_strv_member (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *element = json_array_get_element (json_node_get_array (node), i);

        if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_node_get_string (element));
      }

  return g_strv_builder_end (builder);
}

/**
 * styr_meeting_dup_agenda:
 * @self: a #StyrMeeting
 *
 * Returns: (transfer full) (element-type StyrAgendaItem): the agenda
 */
GPtrArray *
styr_meeting_dup_agenda (StyrMeeting *self)
{
  JsonArray *agenda;
  GPtrArray *result;

  g_return_val_if_fail (STYR_IS_MEETING (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_agenda_item_free);
  agenda = styr_record_get_array (STYR_RECORD (self), "agenda");
  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    {
      JsonObject *object = object_element (agenda, i);
      StyrAgendaItem *item;

      if (object == NULL || string_member (object, "title") == NULL)
        continue;

      item = g_new0 (StyrAgendaItem, 1);
      item->start = g_strdup (string_member (object, "start"));
      item->end = g_strdup (string_member (object, "end"));
      item->title = g_strdup (string_member (object, "title"));
      item->presenters = dup_strv_member (object, "presenters");
      item->subitems = dup_strv_member (object, "subitems");
      g_ptr_array_add (result, item);
    }

  return result;
}

/**
 * styr_meeting_dup_attendance:
 * @self: a #StyrMeeting
 *
 * Returns: (transfer full) (element-type StyrAttendance): one entry per
 *   municipality and day
 */
GPtrArray *
styr_meeting_dup_attendance (StyrMeeting *self)
{
  JsonArray *attendees;
  GPtrArray *result;

  g_return_val_if_fail (STYR_IS_MEETING (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_attendance_free);
  attendees = styr_record_get_array (STYR_RECORD (self), "attendees");
  for (guint i = 0; attendees != NULL && i < json_array_get_length (attendees); i++)
    {
      JsonObject *day = object_element (attendees, i);
      JsonNode *list = day != NULL ? json_object_get_member (day, "municipalities") : NULL;

      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        continue;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (list)); j++)
        {
          JsonObject *entry = object_element (json_node_get_array (list), j);
          StyrAttendance *attendance;

          if (entry == NULL)
            continue;

          attendance = g_new0 (StyrAttendance, 1);
          attendance->date = g_strdup (string_member (day, "date"));
          attendance->code = g_strdup (string_member (entry, "code"));
          attendance->count = json_object_get_int_member_with_default (entry, "count", 1);
          g_ptr_array_add (result, attendance);
        }
    }

  return result;
}
