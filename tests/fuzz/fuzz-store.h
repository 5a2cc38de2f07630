/* fuzz-store.h: the store the fuzz targets read files against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-store.h"

StyrStore *fuzz_store (void);
