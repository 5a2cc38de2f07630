/* styr-skip-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-document-list.h"

G_BEGIN_DECLS

#define STYR_TYPE_SKIP_MODEL (styr_skip_model_get_type ())

G_DECLARE_FINAL_TYPE (StyrSkipModel, styr_skip_model, STYR, SKIP_MODEL, GObject)

StyrSkipModel *styr_skip_model_new      (StyrDocumentList *documents);
void           styr_skip_model_set_skip (StyrSkipModel    *self,
                                         const char       *id);
guint          styr_skip_model_find     (StyrSkipModel    *self,
                                         const char       *id);

G_END_DECLS
