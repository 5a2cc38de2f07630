/* bench-data.h: the agreements and KLIK tasks the benchmarks generate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "styr-store.h"

G_BEGIN_DECLS

/* The store every benchmark measures: this many agreements, then tasks. */
#define BENCH_AGREEMENTS 100000
#define BENCH_TASKS 20000

/* The projects the tasks belong to, and the systems agreements name. */
extern const char * const bench_systems[8];

JsonObject *bench_make_agreement (guint i);
JsonObject *bench_make_task      (guint i);
gboolean    bench_fill_store     (StyrStore  *store,
                                  gpointer    user_data,
                                  GError    **error);

G_END_DECLS
