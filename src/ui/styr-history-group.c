/* styr-history-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-history-group"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "styr-history-group.h"
#include "styr-merge.h"
#include "styr-record.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrHistoryGroup shows a document's audit trail: who changed what, from
 * what to what, and when, the latest first, one row per revision. The
 * page that owns it says how its fields and values read in words.
 */
struct _StyrHistoryGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;
  /* What the rows show: the document and its revisions, latest first. */
  char                *shown_id;
  GStrv                shown_revs;
  StyrFieldLabelFunc   label;
  StyrFieldValueFunc   value;
};

G_DEFINE_FINAL_TYPE (StyrHistoryGroup, styr_history_group, ADW_TYPE_PREFERENCES_GROUP)

/* A value that names another record, as what a task waits for does, is
 * said by that record's name, never by its id. */
static char *
describe_one (StyrHistoryGroup *self,
              StyrStore        *store,
              const char       *field,
              JsonNode         *node)
{
  const char *text = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                     json_node_get_value_type (node) == G_TYPE_STRING
                     ? json_node_get_string (node) : NULL;

  if (text != NULL && strchr (text, ':') != NULL && styr_store_get_status (store, text, NULL,
                                                                          NULL, NULL, NULL))
    return styr_work_title (store, text);
  if (self->value != NULL)
    return self->value (field, node);
  if (node == NULL)
    return g_strdup ("–");

  return json_to_string (node, FALSE);
}

static char *
describe_value (StyrHistoryGroup *self,
                StyrStore        *store,
                const char       *field,
                JsonNode         *node)
{
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                   : NULL;
  g_autoptr(GString) text = NULL;

  if (array == NULL)
    return describe_one (self, store, field, node);

  text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item = describe_one (self, store, field, json_array_get_element (array, i));

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", item);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup ("–");
}

static void
clear_rows (StyrHistoryGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/* The changes in words, "Status: Ikke påbegyndt → Fuldført"; a field the
 * page has no name for is Styr's own bookkeeping and is left out. */
static char *
describe_changes (StyrHistoryGroup *self,
                  StyrStore        *store,
                  StyrRevisionInfo *info)
{
  GString *changes = g_string_new (NULL);

  for (guint c = 0; c < info->changes->len; c++)
    {
      StyrFieldChange *change = g_ptr_array_index (info->changes, c);
      const char *label = self->label != NULL ? self->label (change->field) : change->field;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (self->label != NULL && label == change->field)
        continue;
      before = describe_value (self, store, change->field, change->before);
      after = describe_value (self, store, change->field, change->after);
      if (changes->len > 0)
        g_string_append_c (changes, '\n');
      /* Translators: one changed field in the history, "field: old → new". */
      g_string_append_printf (changes, _("%s: %s → %s"), label, before, after);
    }
  if (info->deleted)
    g_string_append (changes, _("Deleted"));

  return g_string_free (changes, FALSE);
}

static GStrv
revisions_of (GPtrArray *history)
{
  g_autoptr(GStrvBuilder) revs = g_strv_builder_new ();

  for (guint i = 0; i < history->len; i++)
    g_strv_builder_add (revs, ((StyrRevisionInfo *) g_ptr_array_index (history, i))->rev);
  return g_strv_builder_end (revs);
}

static gboolean
same_revisions (StyrHistoryGroup *self,
                GPtrArray        *history)
{
  g_auto(GStrv) revs = revisions_of (history);

  return self->shown_revs != NULL &&
         g_strv_equal ((const char * const *) revs, (const char * const *) self->shown_revs);
}

/**
 * styr_history_group_show:
 * @self: a #StyrHistoryGroup
 * @store: the store
 * @id: the document
 *
 * Shows @id's audit trail, or why it cannot be read.
 */
void
styr_history_group_show (StyrHistoryGroup *self,
                         StyrStore        *store,
                         const char       *id)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STYR_IS_HISTORY_GROUP (self));
  g_return_if_fail (STYR_IS_STORE (store));
  g_return_if_fail (id != NULL);

  history = styr_store_get_history (store, id, &error);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         history == NULL ? error->message : NULL);
  /* A change to another document leaves these rows as they are. */
  if (history != NULL && g_strcmp0 (id, self->shown_id) == 0 && same_revisions (self, history))
    return;
  clear_rows (self);
  g_clear_pointer (&self->shown_revs, g_strfreev);
  g_free (self->shown_id);
  self->shown_id = history != NULL ? g_strdup (id) : NULL;
  if (history == NULL)
    return;
  self->shown_revs = revisions_of (history);

  for (guint i = 0; i < history->len; i++)
    {
      StyrRevisionInfo *info = g_ptr_array_index (history, i);
      g_autofree char *time = styr_datetime_to_user (info->created_at);
      g_autofree char *changes = describe_changes (self, store, info);
      g_autofree char *title = NULL;
      const char *author = info->author != NULL ? info->author : _("Someone");
      GtkWidget *row;

      if (g_strcmp0 (info->author, STYR_AUTHOR_AUTOMATIC_MERGE) == 0)
        author = _("Styr, merging two versions");
      /* Translators: who made a change, and when. */
      title = g_strdup_printf (_("%s, %s"), author, time);
      row = styr_ui_text_row (title, changes);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

/**
 * styr_history_group_set_describers:
 * @self: a #StyrHistoryGroup
 * @label: (nullable): names a field, or %NULL to show field names as
 *   stored
 * @value: (nullable): puts a value in words, or %NULL to show the JSON
 */
void
styr_history_group_set_describers (StyrHistoryGroup   *self,
                                   StyrFieldLabelFunc  label,
                                   StyrFieldValueFunc  value)
{
  g_return_if_fail (STYR_IS_HISTORY_GROUP (self));

  self->label = label;
  self->value = value;
}

static void
styr_history_group_dispose (GObject *object)
{
  StyrHistoryGroup *self = (StyrHistoryGroup *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown_id, g_free);
  g_clear_pointer (&self->shown_revs, g_strfreev);

  G_OBJECT_CLASS (styr_history_group_parent_class)->dispose (object);
}

static void
styr_history_group_class_init (StyrHistoryGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = styr_history_group_dispose;
}

static void
styr_history_group_init (StyrHistoryGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("History"));
}
