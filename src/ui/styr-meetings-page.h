/* styr-meetings-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-page.h"

#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_MEETINGS_PAGE (styr_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (StyrMeetingsPage, styr_meetings_page, STYR, MEETINGS_PAGE, StyrPage)

void styr_meetings_page_import_bytes (StyrMeetingsPage *self,
                                      GBytes           *bytes);

G_END_DECLS
