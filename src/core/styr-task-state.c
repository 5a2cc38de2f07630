/* styr-task-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-task-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "styr-task-state.h"

/* StyrTaskState: What the municipality owns of a KLIK task: its own status,
 * who is responsible, who does it, and notes. Kept apart from the
 * catalogue’s task so that a catalogue update and a colleague’s status
 * change never touch the same document. Its fields are properties backed by
 * the document (see StyrRecord).
 */
struct _StyrTaskState
{
  StyrRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrTaskState, styr_task_state, STYR_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TASK,
  PROP_STATUS,
  PROP_RESPONSIBLE,
  PROP_DOER,
  PROP_ROLE,
  PROP_NOTES,
  PROP_COMPLETED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const statuses[] = { "not-started", "started", "completed", NULL };

static gboolean
styr_task_state_validate (StyrRecord  *record,
                          GError     **error)
{
  return styr_record_check_required (record, "task", error) &&
         styr_record_check_choice (record, "status", statuses, error) &&
         styr_record_check_date (record, "completed_on", error);
}

static void
styr_task_state_class_init (StyrTaskStateClass *klass)
{
  StyrRecordClass *record_class = STYR_RECORD_CLASS (klass);

  record_class->type_name = "task-state";
  record_class->validate = styr_task_state_validate;

  properties[PROP_TASK] =
    g_param_spec_string ("task", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESPONSIBLE] =
    g_param_spec_string ("responsible", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOER] =
    g_param_spec_string ("doer", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMPLETED_ON] =
    g_param_spec_string ("completed-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  styr_record_class_install_fields (record_class, N_PROPS, properties);
}

static void
styr_task_state_init (StyrTaskState *self)
{
}

const char *
styr_task_state_get_task (StyrTaskState *self)
{
  g_return_val_if_fail (STYR_IS_TASK_STATE (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "task");
}

const char *
styr_task_state_get_status (StyrTaskState *self)
{
  g_return_val_if_fail (STYR_IS_TASK_STATE (self), NULL);

  return styr_record_get_string (STYR_RECORD (self), "status");
}
