/* styr-agreements-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-page.h"

#include "styr-clock.h"
#include "styr-document-list.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_AGREEMENTS_PAGE (styr_agreements_page_get_type ())

G_DECLARE_FINAL_TYPE (StyrAgreementsPage, styr_agreements_page, STYR, AGREEMENTS_PAGE, StyrPage)

StyrDocumentList *styr_agreements_page_get_list (StyrAgreementsPage *self);

G_END_DECLS
