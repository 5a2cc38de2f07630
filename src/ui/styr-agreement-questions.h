/* styr-agreement-questions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-agreement.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_AGREEMENT_QUESTIONS (styr_agreement_questions_get_type ())

G_DECLARE_FINAL_TYPE (StyrAgreementQuestions, styr_agreement_questions, STYR, AGREEMENT_QUESTIONS,
                      AdwPreferencesGroup)

void     styr_agreement_questions_load (StyrAgreementQuestions *self,
                                     StyrStore           *store);
void     styr_agreement_questions_show (StyrAgreementQuestions *self,
                                     StyrAgreement       *agreement);
gboolean styr_agreement_questions_read (StyrAgreementQuestions *self,
                                     StyrAgreement       *agreement);

G_END_DECLS
