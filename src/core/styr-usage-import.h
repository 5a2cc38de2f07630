/* styr-usage-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-csv.h"
#include "styr-import-row.h"
#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_TYPE_USAGE_IMPORT (styr_usage_import_get_type ())

G_DECLARE_FINAL_TYPE (StyrUsageImport, styr_usage_import, STYR, USAGE_IMPORT, GObject)

StyrUsageImport *styr_usage_import_new                 (StyrCsv          *csv,
                                                        StyrStore        *store,
                                                        GError          **error);
guint            styr_usage_import_count               (StyrUsageImport  *self,
                                                        StyrImportRowKind kind);
guint            styr_usage_import_get_agreement_count (StyrUsageImport  *self);
GListModel      *styr_usage_import_get_rows            (StyrUsageImport  *self);
gboolean         styr_usage_import_commit              (StyrUsageImport  *self,
                                                        StyrStore        *store,
                                                        const char       *author,
                                                        guint            *n_agreements_updated,
                                                        GError          **error);

G_END_DECLS
