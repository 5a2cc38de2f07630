/* styr-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-clock.h"
#include "styr-store.h"
#include "styr-sync.h"

G_BEGIN_DECLS

#define STYR_TYPE_APPLICATION (styr_application_get_type ())

G_DECLARE_FINAL_TYPE (StyrApplication, styr_application, STYR, APPLICATION, AdwApplication)

StyrApplication *styr_application_new       (void);
StyrStore       *styr_application_get_store (StyrApplication *self);
StyrClock       *styr_application_get_clock (StyrApplication *self);
StyrSync        *styr_application_get_sync  (StyrApplication *self);

G_END_DECLS
