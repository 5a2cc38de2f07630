/* styr-list-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "styr-list-diff.h"

/**
 * styr_list_diff_replace:
 * @model: the list model whose items @items are
 * @items: (inout) (transfer full): its items, replaced by @replacement
 * @replacement: (transfer full): the items anew, the objects of those
 *   still there kept
 *
 * Swaps the items of a list model kept in an array and tells its views
 * with one items-changed, from the first to the last object that differs:
 * one added or removed item is one row in or out, and the rows around it
 * stay, with their focus and selection.
 */
void
styr_list_diff_replace (GListModel  *model,
                        GPtrArray  **items,
                        GPtrArray   *replacement)
{
  g_autoptr(GPtrArray) old = *items;
  guint prefix = 0, suffix = 0, old_n = old->len, new_n = replacement->len;

  *items = replacement;
  while (prefix < old_n && prefix < new_n &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (replacement, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_ptr_array_index (old, old_n - 1 - suffix) ==
         g_ptr_array_index (replacement, new_n - 1 - suffix))
    suffix++;
  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (model, prefix, old_n - prefix - suffix, new_n - prefix - suffix);
}
