/* styr-ics-private.h: what export and import of calendar files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libical/ical.h>

#include "styr-ics.h"

G_BEGIN_DECLS

#define STYR_ICS_ZONE "Europe/Copenhagen"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

GTimeZone     *_styr_ics_copenhagen      (GError     **error);
icalcomponent *_styr_ics_new_vtimezone   (void);
icaltimezone  *_styr_ics_zone_for_tzid   (const char  *tzid);
char          *_styr_ics_read_text       (GBytes      *file,
                                          GError     **error);

G_END_DECLS
