/* bench-data.h: the agreements and KLIK tasks the benchmarks generate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The projects the tasks belong to, and the systems agreements name. */
extern const char * const bench_systems[8];

JsonObject *bench_make_agreement (guint i);
JsonObject *bench_make_task      (guint i);

G_END_DECLS
