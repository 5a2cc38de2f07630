/* styr-service.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_SERVICE (styr_service_get_type ())

G_DECLARE_FINAL_TYPE (StyrService, styr_service, STYR, SERVICE, StyrRecord)

const char * styr_service_get_code (StyrService *self);
const char * styr_service_get_name (StyrService *self);

G_END_DECLS
