/* styr-link.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_LINK (styr_link_get_type ())

G_DECLARE_FINAL_TYPE (StyrLink, styr_link, STYR, LINK, StyrRecord)

const char * styr_link_get_title   (StyrLink   *self);
const char * styr_link_get_address (StyrLink   *self);
gboolean     styr_link_is_mail     (StyrLink   *self);
GPtrArray  * styr_link_list        (StyrStore  *store,
                                    GError    **error);

G_END_DECLS
