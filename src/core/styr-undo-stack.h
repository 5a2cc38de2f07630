/* styr-undo-stack.h: what a user changed, to undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_UNDO_STACK (styr_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (StyrUndoStack, styr_undo_stack, STYR, UNDO_STACK, GObject)

/* How many changes a window keeps to undo. */
#define STYR_UNDO_STACK_DEPTH 100

StyrUndoStack *styr_undo_stack_new            (StyrStore     *store);
void           styr_undo_stack_notice         (StyrUndoStack *self);
void           styr_undo_stack_skip           (StyrUndoStack *self);
guint          styr_undo_stack_seal           (StyrUndoStack *self,
                                               const char    *label);
gboolean       styr_undo_stack_undo           (StyrUndoStack *self,
                                               guint          serial,
                                               const char    *author,
                                               char         **label,
                                               GError       **error);
gboolean       styr_undo_stack_redo           (StyrUndoStack *self,
                                               const char    *author,
                                               char         **label,
                                               GError       **error);
gboolean       styr_undo_stack_get_can_undo   (StyrUndoStack *self);
gboolean       styr_undo_stack_get_can_redo   (StyrUndoStack *self);
guint          styr_undo_stack_get_top        (StyrUndoStack *self);

G_END_DECLS
