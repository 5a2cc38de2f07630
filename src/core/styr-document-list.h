/* styr-document-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-record.h"
#include "styr-record-filter.h"
#include "styr-record-order.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_DOCUMENT_LIST (styr_document_list_get_type ())

G_DECLARE_FINAL_TYPE (StyrDocumentList, styr_document_list, STYR, DOCUMENT_LIST, GObject)

StyrDocumentList *styr_document_list_new            (StyrStore        *store,
                                                     const char       *type);
StyrStore        *styr_document_list_get_store      (StyrDocumentList *self);
const char       *styr_document_list_get_doc_type   (StyrDocumentList *self);
gboolean          styr_document_list_set_filter     (StyrDocumentList *self,
                                                     const char       *field,
                                                     const char       *value,
                                                     GError          **error);
gboolean          styr_document_list_set_sort_field (StyrDocumentList *self,
                                                     const char       *field,
                                                     GError          **error);
gboolean          styr_document_list_set_search     (StyrDocumentList *self,
                                                     const char       *search,
                                                     GError          **error);
const char       *styr_document_list_get_search     (StyrDocumentList *self);
void              styr_document_list_prefetch_search (StyrDocumentList *self);
void              styr_document_list_request_search (StyrDocumentList *self,
                                                     const char       *search);
gboolean          styr_document_list_get_search_pending (StyrDocumentList *self);
void              styr_document_list_set_predicate  (StyrDocumentList    *self,
                                                     StyrRecordPredicate  predicate,
                                                     gpointer             user_data,
                                                     GDestroyNotify       destroy);
void              styr_document_list_refilter       (StyrDocumentList *self);
void              styr_document_list_set_sort_key   (StyrDocumentList  *self,
                                                     StyrRecordKeyFunc  key_func,
                                                     gboolean           descending,
                                                     gpointer           user_data,
                                                     GDestroyNotify     destroy);
gboolean          styr_document_list_get_sorting    (StyrDocumentList *self);
gboolean          styr_document_list_get_filtering  (StyrDocumentList *self);
void              styr_document_list_finish_filtering (StyrDocumentList *self);
const char       *styr_document_list_get_id         (StyrDocumentList *self,
                                                     guint             position);
guint             styr_document_list_find           (StyrDocumentList *self,
                                                     const char       *id);
guint             styr_document_list_get_n_loaded   (StyrDocumentList *self);
gboolean          styr_document_list_reload         (StyrDocumentList *self,
                                                     GError          **error);

G_END_DECLS
