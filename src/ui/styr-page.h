/* styr-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-clock.h"
#include "styr-rule-context.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_PAGE (styr_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (StyrPage, styr_page, STYR, PAGE, AdwBin)

struct _StyrPageClass
{
  AdwBinClass parent_class;

  void     (*save_edits)    (StyrPage   *self);
  gboolean (*select_record) (StyrPage   *self,
                             const char *id);

  /*< private >*/
  /* The page's action that makes a new record, for Ctrl+N. */
  const char *new_action;

  gpointer _reserved[1];
};

StyrStore *styr_page_get_store    (StyrPage *self);
StyrClock *styr_page_get_clock    (StyrPage *self);
GSettings *styr_page_get_settings (StyrPage *self);
StyrRuleContext *styr_page_dup_rule_context (StyrPage *self);
void       styr_page_save_edits   (StyrPage *self);
gboolean   styr_page_select_record (StyrPage   *self,
                                    const char *id);
gboolean   styr_page_new_record   (StyrPage   *self);

G_END_DECLS
