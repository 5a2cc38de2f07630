/* styr-catalogue-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-catalogue.h"

G_BEGIN_DECLS

/**
 * StyrCatalogueSourceKind:
 * @STYR_CATALOGUE_SOURCE_FILE: a catalogue file at a web address
 * @STYR_CATALOGUE_SOURCE_DATABASE: a CouchDB database that holds the
 *   catalogue's documents
 *
 * What a catalogue source turned out to be.
 */
typedef enum
{
  STYR_CATALOGUE_SOURCE_FILE,
  STYR_CATALOGUE_SOURCE_DATABASE,
} StyrCatalogueSourceKind;

/* The document of a catalogue database that holds the catalogue's own
 * format, format_version, version, issued and title. */
#define STYR_CATALOGUE_META_ID "catalogue:meta"

/* The member of a document in a catalogue database that holds what a
 * catalogue file has under "_revisions", which CouchDB keeps for itself. */
#define STYR_CATALOGUE_REVISIONS_MEMBER "catalogue_revisions"

StyrCatalogue *styr_catalogue_source_fetch (const char               *source,
                                            const char               *user,
                                            const char               *password,
                                            StyrCatalogueSourceKind  *kind,
                                            GCancellable             *cancellable,
                                            GError                  **error);
void           styr_catalogue_source_fetch_async  (const char           *source,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
StyrCatalogue *styr_catalogue_source_fetch_finish (GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
