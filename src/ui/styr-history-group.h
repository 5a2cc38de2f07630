/* styr-history-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrFieldLabelFunc:
 * @field: a field of a document
 *
 * Returns: the field's name for the user
 */
typedef const char *(*StyrFieldLabelFunc) (const char *field);

/**
 * StyrFieldValueFunc:
 * @field: a field of a document
 * @value: (nullable): its value, %NULL when it is not there
 *
 * Returns: (transfer full): the value in words
 */
typedef char *(*StyrFieldValueFunc) (const char *field,
                                     JsonNode   *value);

#define STYR_TYPE_HISTORY_GROUP (styr_history_group_get_type ())

G_DECLARE_FINAL_TYPE (StyrHistoryGroup, styr_history_group, STYR, HISTORY_GROUP,
                      AdwPreferencesGroup)

void styr_history_group_set_describers (StyrHistoryGroup   *self,
                                        StyrFieldLabelFunc  label,
                                        StyrFieldValueFunc  value);
void styr_history_group_show           (StyrHistoryGroup   *self,
                                        StyrStore          *store,
                                        const char         *id);

G_END_DECLS
