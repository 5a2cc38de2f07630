/* styr-oir-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-page.h"

#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_OIR_PAGE (styr_oir_page_get_type ())

G_DECLARE_FINAL_TYPE (StyrOirPage, styr_oir_page, STYR, OIR_PAGE, StyrPage)

G_END_DECLS
