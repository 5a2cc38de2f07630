/* styr-record-order.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "styr-record.h"

G_BEGIN_DECLS

/**
 * StyrRecordKeyFunc:
 * @record: a record of the list
 * @user_data: the function's data
 *
 * Returns: the record's sort key, 0 or more
 */
typedef int (*StyrRecordKeyFunc) (StyrRecord *record,
                                  gpointer    user_data);

/**
 * StyrRecordOrderReady:
 * @user_data: the data given to styr_record_order_new()
 *
 * Called when an idle pass has worked out every key; the caller then
 * calls styr_record_order_apply().
 */
typedef void (*StyrRecordOrderReady) (gpointer user_data);

typedef struct _StyrRecordOrder StyrRecordOrder;

StyrRecordOrder *styr_record_order_new       (StyrStore            *store,
                                              StyrRecordOrderReady  ready,
                                              gpointer              user_data);
void             styr_record_order_free      (StyrRecordOrder      *self);
void             styr_record_order_set_key   (StyrRecordOrder      *self,
                                              StyrRecordKeyFunc     key_func,
                                              gboolean              descending,
                                              gpointer              user_data,
                                              GDestroyNotify        destroy);
gboolean         styr_record_order_has_key   (StyrRecordOrder      *self);
void             styr_record_order_forget    (StyrRecordOrder      *self,
                                              GHashTable           *changed);
gboolean         styr_record_order_sort      (StyrRecordOrder      *self,
                                              GPtrArray            *ids);
void             styr_record_order_apply     (StyrRecordOrder      *self,
                                              GPtrArray            *ids);
gboolean         styr_record_order_is_running (StyrRecordOrder     *self);
gboolean         styr_record_order_finish    (StyrRecordOrder      *self,
                                              GPtrArray            *ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrRecordOrder, styr_record_order_free)

G_END_DECLS
