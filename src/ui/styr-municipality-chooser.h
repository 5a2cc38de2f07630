/* styr-municipality-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STYR_TYPE_MUNICIPALITY_CHOOSER (styr_municipality_chooser_get_type ())

G_DECLARE_FINAL_TYPE (StyrMunicipalityChooser, styr_municipality_chooser,
                      STYR, MUNICIPALITY_CHOOSER, AdwWindow)

StyrMunicipalityChooser *styr_municipality_chooser_new (GtkWindow  *parent,
                                                        GListModel *municipalities,
                                                        GSettings  *settings);

G_END_DECLS
