/* styr-commands.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-ics.h"

#include "styr-store.h"

G_BEGIN_DECLS

gboolean styr_command_import_catalogue (const char  *database,
                                        const char  *path,
                                        char       **report,
                                        GError     **error);
gboolean styr_command_pull_catalogue   (const char  *database,
                                        const char  *source,
                                        const char  *user,
                                        const char  *password,
                                        char       **report,
                                        GError     **error);
gboolean styr_command_backup           (const char  *database,
                                        const char  *path,
                                        char       **report,
                                        GError     **error);
gboolean styr_command_restore          (const char  *database,
                                        const char  *path,
                                        char       **report,
                                        GError     **error);

gboolean styr_command_export_ics        (const char            *database,
                                        const char            *path,
                                        const char            *meeting,
                                        const StyrRuleContext *context,
                                        char                 **report,
                                        GError               **error);
gboolean styr_command_import_invitation (const char  *database,
                                        const char  *path,
                                        const char  *author,
                                        gboolean     dry_run,
                                        char       **report,
                                        GError     **error);

gboolean styr_command_export_pdf        (const char            *database,
                                        const char            *path,
                                        const char            *meeting,
                                        const StyrRuleContext *context,
                                        char                 **report,
                                        GError               **error);

gboolean styr_command_export_review     (const char            *database,
                                        const char            *path,
                                        const char            *agreement_id,
                                        const StyrRuleContext *context,
                                        char                 **report,
                                        GError               **error);

gboolean styr_command_sync              (const char  *database,
                                        const char  *server,
                                        const char  *name,
                                        const char  *user,
                                        const char  *password,
                                        char       **report,
                                        GError     **error);

gboolean styr_command_export_agreements (const char  *database,
                                        const char  *path,
                                        char       **report,
                                        GError     **error);
gboolean styr_command_import_agreements (const char  *database,
                                        const char  *path,
                                        const char  *author,
                                        gboolean     dry_run,
                                        char       **report,
                                        GError     **error);
gboolean styr_command_import_usage      (const char  *database,
                                        const char  *path,
                                        const char  *author,
                                        gboolean     dry_run,
                                        char       **report,
                                        GError     **error);

G_END_DECLS
