/* styr-checklist.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-checklist.h"

/* StyrChecklist: A checklist template, such as the ØiR basic implementation.
 * Its fields are properties backed by the document (see StyrRecord).
 */
struct _StyrChecklist
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrChecklist, styr_checklist, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TEMPLATE_VERSION,
  PROP_REFERENCE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
styr_checklist_validate (StyrRecord  *record,
                         GError     **error)
{
  return styr_record_check_required (record, "title", error);
}

static void
styr_checklist_class_init (StyrChecklistClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "checklist";
  record_class->validate = styr_checklist_validate;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEMPLATE_VERSION] =
    g_param_spec_int ("template-version", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_checklist_init (StyrChecklist *self)
{
}

const char *
styr_checklist_get_title (StyrChecklist *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "title");
}
