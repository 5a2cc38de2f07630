/* styr-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "styr-history.h"
#include "styr-json.h"
#include "styr-text.h"

void
styr_field_change_free (StyrFieldChange *change)
{
  g_free (change->field);
  g_clear_pointer (&change->before, json_node_unref);
  g_clear_pointer (&change->after, json_node_unref);
  g_free (change);
}

void
styr_revision_info_free (StyrRevisionInfo *info)
{
  g_free (info->rev);
  g_free (info->author);
  g_free (info->created_at);
  g_clear_pointer (&info->changes, g_ptr_array_unref);
  g_free (info);
}

void
styr_deleted_document_free (StyrDeletedDocument *deleted)
{
  g_free (deleted->id);
  g_free (deleted->rev);
  g_free (deleted->author);
  g_free (deleted->deleted_at);
  g_clear_pointer (&deleted->body, json_object_unref);
  g_free (deleted);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  g_autofree char *text_a = styr_json_to_canonical_string (a);
  g_autofree char *text_b = styr_json_to_canonical_string (b);

  return g_str_equal (text_a, text_b);
}

/**
 * styr_history_diff:
 * @before: (nullable): the fields before, %NULL for a new document
 * @after: (nullable): the fields after, %NULL for a deleted one
 *
 * Compares two versions of a document field by field, in field order.
 *
 * Returns: (transfer full) (element-type StyrFieldChange): the changes
 */
GPtrArray *
styr_history_diff (JsonObject *before,
                   JsonObject *after)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GList) before_members = before != NULL ? json_object_get_members (before) : NULL;
  g_autoptr(GList) after_members = after != NULL ? json_object_get_members (after) : NULL;
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) styr_field_change_free);

  for (const GList *l = before_members; l != NULL; l = l->next)
    g_ptr_array_add (fields, l->data);
  for (const GList *l = after_members; l != NULL; l = l->next)
    if (before == NULL || !json_object_has_member (before, l->data))
      g_ptr_array_add (fields, l->data);
  g_ptr_array_sort (fields, styr_text_compare_ptrs);

  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);
      JsonNode *old_node = before != NULL ? json_object_get_member (before, field) : NULL;
      JsonNode *new_node = after != NULL ? json_object_get_member (after, field) : NULL;
      StyrFieldChange *change;

      /* The type of a document never changes; it is not news. */
      if (g_str_equal (field, "type"))
        continue;
      if (old_node != NULL && new_node != NULL && nodes_equal (old_node, new_node))
        continue;

      change = g_new0 (StyrFieldChange, 1);
      change->field = g_strdup (field);
      change->before = old_node != NULL ? json_node_copy (old_node) : NULL;
      change->after = new_node != NULL ? json_node_copy (new_node) : NULL;
      g_ptr_array_add (changes, change);
    }

  return changes;
}
