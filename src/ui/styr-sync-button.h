/* styr-sync-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-sync.h"

G_BEGIN_DECLS

#define STYR_TYPE_SYNC_BUTTON (styr_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (StyrSyncButton, styr_sync_button, STYR, SYNC_BUTTON, AdwBin)

GtkWidget *styr_sync_button_new (StyrSync *sync);

G_END_DECLS
