/* styr-agreement-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-agreement.h"

G_BEGIN_DECLS

#define STYR_AGREEMENT_EXPORT_ERROR (styr_agreement_export_error_quark ())

typedef enum
{
  STYR_AGREEMENT_EXPORT_ERROR_WRITE,
} StyrAgreementExportError;

GQuark   styr_agreement_export_error_quark (void);
void     styr_agreement_export_csv         (GPtrArray   *agreements,
                                            GString     *out);
gboolean styr_agreement_export_xlsx        (GPtrArray   *agreements,
                                            const char  *path,
                                            GError     **error);
gboolean styr_agreement_export_file        (GPtrArray   *agreements,
                                            const char  *path,
                                            GError     **error);

G_END_DECLS
