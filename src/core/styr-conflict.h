/* styr-conflict.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"

G_BEGIN_DECLS

/**
 * StyrConflict:
 * @id: the document
 * @revs: (array zero-terminated=1): the live versions, the winner first
 * @versions: (element-type JsonObject): their content, in the same order
 * @fields: (element-type utf8): the fields the versions disagree on,
 *   sorted
 *
 * The versions of a document in conflict, as a person compares them.
 */
typedef struct
{
  char       *id;
  char      **revs;
  GPtrArray  *versions;
  GPtrArray  *fields;
} StyrConflict;

void          styr_conflict_free    (StyrConflict  *conflict);
StyrConflict *styr_conflict_load    (StyrStore     *store,
                                     const char    *id,
                                     GError       **error);
JsonObject   *styr_conflict_combine (StyrConflict  *conflict,
                                     const guint   *choices);
gboolean      styr_conflict_resolve (StyrConflict  *conflict,
                                     StyrStore     *store,
                                     JsonObject    *body,
                                     const char    *author,
                                     GError       **error);
const char   *styr_conflict_field_label (const char *type,
                                         const char *field);
char         *styr_conflict_describe_value (const char *type,
                                            const char *field,
                                            JsonNode   *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrConflict, styr_conflict_free)

G_END_DECLS
