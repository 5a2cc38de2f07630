/* styr-import-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * StyrImportRowKind:
 * @STYR_IMPORT_ROW_NEW: the row will be added as a new record
 * @STYR_IMPORT_ROW_CHANGED: the row changes the record it matches
 * @STYR_IMPORT_ROW_UNCHANGED: the record already holds what the row says
 * @STYR_IMPORT_ROW_REFUSED: the row cannot be taken
 * @STYR_IMPORT_ROW_SKIPPED: the row is not a record, such as a total
 *
 * What an import does with one row of a file.
 */
typedef enum
{
  STYR_IMPORT_ROW_NEW,
  STYR_IMPORT_ROW_CHANGED,
  STYR_IMPORT_ROW_UNCHANGED,
  STYR_IMPORT_ROW_REFUSED,
  STYR_IMPORT_ROW_SKIPPED,
} StyrImportRowKind;

#define STYR_TYPE_IMPORT_ROW_KIND (styr_import_row_kind_get_type ())
GType styr_import_row_kind_get_type (void);

/**
 * StyrImportChange:
 * @column: the column's heading as the file writes it
 * @before: the value before, in words
 * @after: the value the file gives, in words
 *
 * One field an import changes.
 */
typedef struct
{
  char *column;
  char *before;
  char *after;
} StyrImportChange;

#define STYR_TYPE_IMPORT_ROW (styr_import_row_get_type ())

G_DECLARE_FINAL_TYPE (StyrImportRow, styr_import_row, STYR, IMPORT_ROW, GObject)

StyrImportRow     *styr_import_row_new          (guint              row,
                                                 StyrImportRowKind  kind,
                                                 const char        *title);
guint              styr_import_row_get_row      (StyrImportRow     *self);
StyrImportRowKind  styr_import_row_get_kind     (StyrImportRow     *self);
void               styr_import_row_set_kind     (StyrImportRow     *self,
                                                 StyrImportRowKind  kind);
const char        *styr_import_row_get_title    (StyrImportRow     *self);
const char        *styr_import_row_get_note     (StyrImportRow     *self);
void               styr_import_row_set_note     (StyrImportRow     *self,
                                                 const char        *note);
GPtrArray         *styr_import_row_get_changes  (StyrImportRow     *self);
void               styr_import_row_add_change   (StyrImportRow     *self,
                                                 const char        *column,
                                                 const char        *before,
                                                 const char        *after);
const char * const *styr_import_row_get_problems (StyrImportRow    *self);
void               styr_import_row_add_problem  (StyrImportRow     *self,
                                                 const char        *problem);
char              *styr_import_row_describe     (StyrImportRow     *self);
char              *styr_import_row_dup_location (StyrImportRow     *self);
char              *styr_import_row_format       (StyrImportRow     *self);

G_END_DECLS
