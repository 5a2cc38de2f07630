/* styr-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STYR_RECORD_ERROR (styr_record_error_quark ())

typedef enum
{
  STYR_RECORD_ERROR_INVALID,
  STYR_RECORD_ERROR_UNKNOWN_TYPE,
} StyrRecordError;

#define STYR_TYPE_RECORD (styr_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (StyrRecord, styr_record, STYR, RECORD, GObject)

/**
 * StyrRecordClass:
 * @type_name: the document type, the part of an id before the colon
 * @validate: checks the fields beyond what their types guarantee
 *
 * A record is a typed view of one document. Each property a subclass
 * installs is a field of the document, stored in the JSON body under the
 * property's name with dashes turned into underscores ("due-approx" is
 * "due_approx"); strings, booleans, integers, doubles and string lists are
 * converted by this class, so a subclass declares its fields and adds only
 * what is particular to it.
 */
struct _StyrRecordClass
{
  GObjectClass parent_class;

  const char *type_name;

  gboolean (*validate) (StyrRecord  *self,
                        GError     **error);

  /*< private >*/
  gpointer _reserved[8];
};

GQuark       styr_record_error_quark        (void);
void         styr_record_class_install_fields (StyrRecordClass *klass,
                                               guint            n_pspecs,
                                               GParamSpec     **pspecs);
GType        styr_record_type_from_name     (const char   *type_name);
StyrRecord  *styr_record_new                (GType         type,
                                             const char   *key);
StyrRecord  *styr_record_load               (const char   *id,
                                             const char   *rev,
                                             JsonObject   *body);
StyrRecord  *styr_record_new_from_json      (const char   *id,
                                             const char   *rev,
                                             JsonObject   *body,
                                             GError      **error);
JsonObject  *styr_record_to_json            (StyrRecord   *self);
gboolean     styr_record_validate           (StyrRecord   *self,
                                             GError      **error);
const char  *styr_record_get_id             (StyrRecord   *self);
const char  *styr_record_get_key            (StyrRecord   *self);
const char  *styr_record_get_type_name      (StyrRecord   *self);
const char  *styr_record_get_rev            (StyrRecord   *self);
void         styr_record_set_rev            (StyrRecord   *self,
                                             const char   *rev);
gboolean     styr_record_get_conflicted     (StyrRecord   *self);
gboolean     styr_record_same_revision      (StyrRecord   *a,
                                             StyrRecord   *b);
gboolean     styr_record_get_pending        (StyrRecord   *self);
void         styr_record_set_pending        (StyrRecord   *self,
                                             gboolean      pending);
void         styr_record_set_conflicted     (StyrRecord   *self,
                                             gboolean      conflicted);
JsonObject  *styr_record_get_body           (StyrRecord   *self);

/* Field access for subclasses and rules. */
const char  *styr_record_get_string         (StyrRecord   *self,
                                             const char   *member);
void         styr_record_set_string         (StyrRecord   *self,
                                             const char   *member,
                                             const char   *value);
gint64       styr_record_get_int            (StyrRecord   *self,
                                             const char   *member,
                                             gint64        default_value);
gboolean     styr_record_get_boolean        (StyrRecord   *self,
                                             const char   *member,
                                             gboolean      default_value);
char       **styr_record_dup_strv           (StyrRecord   *self,
                                             const char   *member);
JsonArray   *styr_record_get_array          (StyrRecord   *self,
                                             const char   *member);
JsonObject  *styr_record_get_object         (StyrRecord   *self,
                                             const char   *member);
gboolean     styr_record_get_date           (StyrRecord   *self,
                                             const char   *member,
                                             GDate        *date);

/* Validation helpers: each sets an error that names the record, the field
 * and the value. */
gboolean     styr_record_check_required     (StyrRecord   *self,
                                             const char   *member,
                                             GError      **error);
gboolean     styr_record_check_date         (StyrRecord   *self,
                                             const char   *member,
                                             GError      **error);
gboolean     styr_record_check_month        (StyrRecord   *self,
                                             const char   *member,
                                             GError      **error);
gboolean     styr_record_check_choice       (StyrRecord   *self,
                                             const char   *member,
                                             const char * const *choices,
                                             GError      **error);
gboolean     styr_record_check_strv         (StyrRecord   *self,
                                             const char   *member,
                                             GError      **error);
gboolean     styr_record_check_https        (StyrRecord   *self,
                                             const char   *member,
                                             GError      **error);
gboolean     styr_record_check_date_order   (StyrRecord   *self,
                                             const char   *first,
                                             const char   *second,
                                             GError      **error);
gboolean     styr_record_invalid            (StyrRecord   *self,
                                             GError      **error,
                                             const char   *format,
                                             ...) G_GNUC_PRINTF (3, 4);

/* Plain parsing helpers shared with the catalogue and the rules. */
gboolean     styr_parse_date                (const char   *text,
                                             GDate        *date);
gboolean     styr_parse_month               (const char   *text,
                                             guint        *year,
                                             guint        *month);
GDateTime   *styr_parse_datetime            (const char   *text);
char        *styr_date_from_user            (const char   *text);
char        *styr_date_to_iso               (const GDate  *date);
char        *styr_date_to_user              (const char   *iso);
char        *styr_datetime_to_user          (const char   *iso);

/* Declared here rather than in styr-store.h, which records build on. */
typedef struct _StyrStore StyrStore;
StyrRecord  *styr_record_read               (StyrStore    *store,
                                             const char   *id);
GPtrArray   *styr_record_load_all           (StyrStore    *store,
                                             const char   *type,
                                             const char   *sort_field,
                                             GError      **error);

G_END_DECLS
