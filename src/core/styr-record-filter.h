/* styr-record-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "styr-record.h"
#include "styr-search-index.h"

G_BEGIN_DECLS

/**
 * StyrRecordPredicate:
 * @record: a record of the list
 * @user_data: the predicate's data
 *
 * Returns: %TRUE to show @record
 */
typedef gboolean (*StyrRecordPredicate) (StyrRecord *record,
                                         gpointer    user_data);

/**
 * StyrRecordFilterProgress:
 * @old_n: how many rows were visible before the step
 * @done: whether every candidate has now been judged
 * @user_data: the data given to styr_record_filter_new()
 *
 * Called after an idle step of a scan, or styr_record_filter_finish(),
 * when rows may have been appended after @old_n.
 */
typedef void (*StyrRecordFilterProgress) (guint    old_n,
                                          gboolean done,
                                          gpointer user_data);

typedef struct _StyrRecordFilter StyrRecordFilter;

StyrRecordFilter *styr_record_filter_new          (StyrStore                *store,
                                                   StyrRecordFilterProgress  progress,
                                                   gpointer                  user_data);
void              styr_record_filter_free         (StyrRecordFilter         *self);
void              styr_record_filter_set_predicate (StyrRecordFilter        *self,
                                                   StyrRecordPredicate       predicate,
                                                   gpointer                  user_data,
                                                   GDestroyNotify            destroy);
void              styr_record_filter_forget       (StyrRecordFilter         *self,
                                                   GHashTable               *changed);
void              styr_record_filter_start        (StyrRecordFilter         *self,
                                                   GPtrArray                *ids,
                                                   StyrSearchIndex          *index,
                                                   const char               *folded_search,
                                                   GArray                   *within);
GArray           *styr_record_filter_get_visible  (StyrRecordFilter         *self);
GArray           *styr_record_filter_steal_visible (StyrRecordFilter        *self);
gboolean          styr_record_filter_is_running   (StyrRecordFilter         *self);
void              styr_record_filter_finish       (StyrRecordFilter         *self);
void              styr_record_filter_stop         (StyrRecordFilter         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrRecordFilter, styr_record_filter_free)

G_END_DECLS
