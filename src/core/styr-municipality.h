/* styr-municipality.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_MUNICIPALITY (styr_municipality_get_type ())

G_DECLARE_FINAL_TYPE (StyrMunicipality, styr_municipality, STYR, MUNICIPALITY, StyrRecord)

const char       *styr_municipality_get_code        (StyrMunicipality  *self);
const char       *styr_municipality_get_name        (StyrMunicipality  *self);
const char       *styr_municipality_get_region      (StyrMunicipality  *self);
const char       *styr_municipality_get_search_text (StyrMunicipality  *self);
GListModel       *styr_municipality_list_load       (StyrStore         *store,
                                                     GError           **error);
char             *styr_municipality_dup_name        (StyrStore         *store,
                                                     const char        *code);
StyrMunicipality *styr_municipality_list_find       (GListModel        *list,
                                                     const char        *code);

G_END_DECLS
