/* styr-catalogue-banner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-clock.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_CATALOGUE_BANNER (styr_catalogue_banner_get_type ())

G_DECLARE_FINAL_TYPE (StyrCatalogueBanner, styr_catalogue_banner, STYR, CATALOGUE_BANNER, AdwBin)

GtkWidget *styr_catalogue_banner_new (StyrStore *store,
                                      StyrClock *clock,
                                      GSettings *settings);

G_END_DECLS
