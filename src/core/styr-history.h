/* styr-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * StyrFieldChange:
 * @field: the field that changed
 * @before: (nullable): its value before, %NULL if it was not there
 * @after: (nullable): its value after, %NULL if it was removed
 *
 * One field of one change in a document's audit trail.
 */
typedef struct
{
  char     *field;
  JsonNode *before;
  JsonNode *after;
} StyrFieldChange;

/**
 * StyrRevisionInfo:
 * @rev: the revision
 * @author: (nullable): who made it, if it was made here
 * @created_at: (nullable): when it was stored here, ISO 8601 in UTC
 * @deleted: whether the revision deleted the document
 * @changes: (element-type StyrFieldChange): what it changed from its
 *   parent; empty when the parent's content is not known here
 *
 * One entry of a document's audit trail.
 */
typedef struct
{
  char      *rev;
  char      *author;
  char      *created_at;
  gboolean   deleted;
  GPtrArray *changes;
} StyrRevisionInfo;

void styr_field_change_free   (StyrFieldChange  *change);
/**
 * StyrDeletedDocument:
 * @id: the document id
 * @rev: its tombstone, the revision a restore undoes
 * @author: (nullable): who deleted it, if it was deleted here
 * @deleted_at: (nullable): when, ISO 8601 in UTC
 * @body: (nullable): the content it had before, if known here
 *
 * One entry of the trash.
 */
typedef struct
{
  char       *id;
  char       *rev;
  char       *author;
  char       *deleted_at;
  JsonObject *body;
} StyrDeletedDocument;

void styr_revision_info_free  (StyrRevisionInfo *info);
void styr_deleted_document_free (StyrDeletedDocument *deleted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrFieldChange, styr_field_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrRevisionInfo, styr_revision_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrDeletedDocument, styr_deleted_document_free)

GPtrArray *styr_history_diff (JsonObject *before,
                              JsonObject *after);

G_END_DECLS
