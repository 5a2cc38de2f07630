/* styr-ui.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "styr-list-entry.h"
#include "styr-provenance.h"
#include "styr-rules.h"
#include "styr-store.h"

G_BEGIN_DECLS

/* How long after the last key an editor saves what was typed: long enough
 * not to write every keystroke, short enough that a crash loses little. */
#define STYR_UI_SAVE_DELAY_MS 700

/**
 * StyrUiConfirmedFunc:
 * @confirmed: whether the user said yes
 * @user_data: the closure's data
 */
typedef void (*StyrUiConfirmedFunc) (gboolean confirmed,
                                     gpointer user_data);

/**
 * StyrUiCheckFunc:
 * @text: what the user typed into a field
 *
 * Returns: (transfer full) (nullable): what is wrong with @text, in the
 *   user's words, or %NULL when it is right
 */
typedef char *(*StyrUiCheckFunc) (const char *text);

const char *styr_ui_author     (void);
/* Long enough to read two lines twice. */
#define STYR_UI_ERROR_TOAST_SECONDS 15

AdwToast   *styr_ui_toast_new  (const char   *text);
AdwToast   *styr_ui_error_toast_new (const char *message);
void        styr_ui_show_error (GtkWidget    *widget,
                                const GError *error);
void        styr_ui_toast      (GtkWidget    *widget,
                                const char   *title,
                                gboolean      undoable);

char       *styr_ui_check_date      (const char    *text);
char       *styr_ui_check_required  (const char    *text);
char       *styr_ui_check_required_date (const char *text);
void        styr_ui_keep_scroll     (GtkWidget     *widget);
double      styr_ui_get_scroll      (GtkWidget     *widget);
void        styr_ui_set_scroll      (GtkWidget     *widget,
                                     double         value);
void        styr_ui_set_text        (GtkEditable   *editable,
                                     const char    *text);
void        styr_ui_set_buffer_text (GtkTextBuffer *buffer,
                                     const char    *text);

GtkWidget  *styr_ui_provenance_tag (StyrRecord *record);
void        styr_ui_set_tooltip (GtkWidget  *widget,
                                 const char *text);
const char *styr_ui_get_tooltip (GtkWidget  *widget);

GListModel *styr_ui_first_rows     (GtkWidget  *view,
                                   GListModel *model);
void        styr_ui_show_all_rows  (GListModel *first_rows);

void        styr_ui_lookup_color (GtkWidget  *widget,
                                  const char *name,
                                  GdkRGBA    *color,
                                  const char *fallback);

void        styr_ui_confirm_blocked (GtkWidget           *widget,
                                     StyrStore           *store,
                                     const char          *title,
                                     const char * const  *blocked,
                                     StyrUiConfirmedFunc  func,
                                     gpointer             data,
                                     GDestroyNotify       destroy);

GtkWidget        *styr_ui_text_row    (const char *title,
                                       const char *subtitle);

void              styr_ui_set_row_text (AdwEntryRow *row,
                                       const char  *text);
char             *styr_ui_mark_text (gboolean    pending,
                                    gboolean    conflicted,
                                    const char *text);
char             *styr_ui_mark_entry (StyrListEntry *entry,
                                     const char    *text);
char             *styr_ui_mark_sync (StyrRecord *record,
                                    const char *text);

G_END_DECLS
