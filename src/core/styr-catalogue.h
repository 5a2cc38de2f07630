/* styr-catalogue.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "styr-store.h"

G_BEGIN_DECLS

#define STYR_CATALOGUE_ERROR (styr_catalogue_error_quark ())

typedef enum
{
  STYR_CATALOGUE_ERROR_INVALID,
  STYR_CATALOGUE_ERROR_UNSUPPORTED,
} StyrCatalogueError;

/**
 * StyrCatalogueImport:
 * @added: documents the store did not have
 * @updated: documents a newer catalogue changed
 * @unchanged: documents the store already held as they are
 * @skipped: %TRUE when the store already holds this or a newer catalogue
 *   version, so nothing was looked at
 *
 * What styr_catalogue_import() did.
 */
typedef struct
{
  guint    added;
  guint    updated;
  guint    unchanged;
  gboolean skipped;
} StyrCatalogueImport;

#define STYR_TYPE_CATALOGUE (styr_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (StyrCatalogue, styr_catalogue, STYR, CATALOGUE, GObject)

GQuark         styr_catalogue_error_quark        (void);
StyrCatalogue *styr_catalogue_new_from_bytes     (GBytes               *bytes,
                                                  const char           *origin,
                                                  GError              **error);
StyrCatalogue *styr_catalogue_new_from_file      (GFile                *file,
                                                  GError              **error);
StyrCatalogue *styr_catalogue_new_bundled        (GError              **error);
const char    *styr_catalogue_get_origin         (StyrCatalogue        *self);
gint64         styr_catalogue_get_version        (StyrCatalogue        *self);
const char    *styr_catalogue_get_issued         (StyrCatalogue        *self);
const char    *styr_catalogue_get_title          (StyrCatalogue        *self);
guint          styr_catalogue_get_n_documents    (StyrCatalogue        *self);
/* KOMBIT announces meetings a few months ahead; a catalogue a quarter
 * old has none of them. */
#define STYR_CATALOGUE_STALE_DAYS 92

gboolean       styr_catalogue_get_store_issued   (StyrStore            *store,
                                                  GDate                *issued);
gboolean       styr_catalogue_is_stale           (const GDate          *issued,
                                                  const GDate          *today);
gint64         styr_catalogue_get_store_version  (StyrStore            *store,
                                                  GError              **error);
gboolean       styr_catalogue_import             (StyrCatalogue        *self,
                                                  StyrStore            *store,
                                                  StyrCatalogueImport  *result,
                                                  GError              **error);

G_END_DECLS
