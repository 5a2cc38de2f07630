/* styr-provenance.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

/**
 * StyrProvenance:
 * @STYR_PROVENANCE_MUNICIPALITY: the municipality's own record
 * @STYR_PROVENANCE_KOMBIT: KOMBIT's, from one of its documents
 * @STYR_PROVENANCE_STYR: a suggestion of Styr's own
 * @STYR_PROVENANCE_PUBLISHED: from a public page the catalogue names
 *
 * Whose words a record is.
 */
typedef enum {
  STYR_PROVENANCE_MUNICIPALITY,
  STYR_PROVENANCE_KOMBIT,
  STYR_PROVENANCE_STYR,
  STYR_PROVENANCE_PUBLISHED,
} StyrProvenance;

StyrProvenance  styr_provenance_of       (StyrRecord *record);
const char     *styr_provenance_label    (StyrProvenance provenance);
char           *styr_provenance_describe (StyrRecord *record);

G_END_DECLS
