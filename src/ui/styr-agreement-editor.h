/* styr-agreement-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-agreement.h"
#include "styr-clock.h"
#include "styr-rules.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_AGREEMENT_EDITOR (styr_agreement_editor_get_type ())

G_DECLARE_FINAL_TYPE (StyrAgreementEditor, styr_agreement_editor, STYR, AGREEMENT_EDITOR, GtkBox)

void           styr_agreement_editor_setup         (StyrAgreementEditor      *self,
                                                    StyrStore                *store,
                                                    StyrClock                *clock);
void           styr_agreement_editor_set_rules     (StyrAgreementEditor      *self,
                                                    GPtrArray                *assignments,
                                                    const StyrRuleThresholds *thresholds);
void           styr_agreement_editor_show          (StyrAgreementEditor      *self,
                                                    StyrAgreement            *agreement);
void           styr_agreement_editor_show_draft    (StyrAgreementEditor      *self);
void           styr_agreement_editor_refresh       (StyrAgreementEditor      *self);
StyrAgreement *styr_agreement_editor_get_agreement (StyrAgreementEditor      *self);
StyrAgreement *styr_agreement_editor_get_stored    (StyrAgreementEditor      *self);
gboolean       styr_agreement_editor_is_draft      (StyrAgreementEditor      *self);
const char    *styr_agreement_editor_get_shown_id  (StyrAgreementEditor      *self);
gboolean       styr_agreement_editor_save          (StyrAgreementEditor      *self,
                                                    gboolean                  leaving);

G_END_DECLS
