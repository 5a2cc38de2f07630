/* styr-agreement-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-agreement.h"

G_BEGIN_DECLS

void styr_agreement_export_csv (GPtrArray *agreements,
                                GString   *out);

G_END_DECLS
