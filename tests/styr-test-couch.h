/* styr-test-couch.h: the CouchDB-compatible server of tests/couch, for
 * the sync tests and the sync benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSubprocess *styr_test_couch_start (const char  *user,
                                    const char  *password,
                                    char       **url);
guint        styr_test_couch_http  (const char  *url,
                                    const char  *method,
                                    const char  *body,
                                    char       **answer_text);
void         styr_test_remove_dir  (const char  *dir);

G_END_DECLS
