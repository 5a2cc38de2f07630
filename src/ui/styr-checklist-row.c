/* styr-checklist-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-checklist-row"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-checklist-row.h"
#include "styr-format.h"
#include "styr-ui.h"
#include "styr-work.h"

/* StyrChecklistRow: one checklist item to tick, bound to its
 * StyrChecklistEntry. Everything it says comes from the entry's
 * properties, and it redraws itself when they change, so a tick — here or
 * a colleague's — leaves the focus on the check and the page where it
 * was. Ticking goes through the model, asking first when the item waits
 * for something not done.
 */
struct _StyrChecklistRow
{
  AdwActionRow           parent_instance;

  StyrChecklistModel    *model;
  StyrChecklistEntry    *entry;
  StyrChecklistRowStyle  style;
  char                  *erp;
  gboolean               updating;

  GtkCheckButton        *check;
  GtkWidget             *warning;
  AdwBin                *tag;
  GtkWidget             *edit;
};

G_DEFINE_FINAL_TYPE (StyrChecklistRow, styr_checklist_row, ADW_TYPE_ACTION_ROW)

static char *
integration_title (StyrChecklistItem *item)
{
  JsonObject *integration = styr_checklist_item_get_integration (item);
  const char *name = json_object_get_string_member_with_default (integration, "name", NULL);
  const char *version = json_object_get_string_member_with_default (integration, "version", NULL);
  GString *title = g_string_new (NULL);

  g_string_append_printf (title, "%s: %s",
                          json_object_get_string_member_with_default (integration, "system", ""),
                          json_object_get_string_member_with_default (integration, "service", ""));
  if (name != NULL)
    g_string_append_printf (title, " %s", name);
  if (version != NULL)
    g_string_append_printf (title, " v%s", version);
  return g_string_free (title, FALSE);
}

static char *
done_by (StyrChecklistEntry *entry)
{
  StyrRecord *state = STYR_RECORD (styr_checklist_entry_get_state (entry));
  const char *by;
  g_autofree char *on = NULL;

  if (!styr_checklist_entry_get_done (entry) || state == NULL)
    return NULL;
  by = styr_record_get_string (state, "done_by");
  on = styr_date_to_user (styr_record_get_string (state, "done_on"));
  /* Translators: who ticked a checklist item and when. */
  return g_strdup_printf (_("Done by %s on %s"), by != NULL ? by : "–", on);
}

/* The meeting of the municipality's ERP vendor, for the item that offers
 * one per vendor. */
static char *
erp_meeting (StyrChecklistRow *self)
{
  JsonArray *options = styr_record_get_array (STYR_RECORD (styr_checklist_entry_get_item (self->entry)),
                                              "options");

  for (guint i = 0; options != NULL && i < json_array_get_length (options); i++)
    {
      JsonObject *option = json_array_get_object_element (options, i);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *when = NULL;

      if (option == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (option, "erp", NULL),
                     self->erp != NULL ? self->erp : "") != 0)
        continue;
      start = styr_parse_datetime (json_object_get_string_member_with_default (option, "start",
                                                                               NULL));
      end = styr_parse_datetime (json_object_get_string_member_with_default (option, "end", NULL));
      if (start == NULL)
        continue;
      when = end != NULL ? styr_format_slot (&(StyrSlot) { start, end, FALSE })
                         : styr_format_moment (start);
      /* Translators: %s is the meeting's time. */
      return g_strdup_printf (_("Your meeting: %s"), when);
    }
  return NULL;
}

/* What the row says under the item's text: due, who, done, what blocks it. */
static char *
describe (StyrChecklistRow *self)
{
  StyrChecklistEntry *entry = self->entry;
  StyrRecord *record = STYR_RECORD (styr_checklist_entry_get_item (entry));
  StyrRecord *state = STYR_RECORD (styr_checklist_entry_get_state (entry));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *approx = styr_record_get_string (record, "due_approx");
  const char *note = state != NULL ? styr_record_get_string (state, "note") : NULL;
  const char *role = styr_checklist_entry_get_role_name (entry);
  const char *holder = styr_checklist_entry_get_role_holder (entry);
  const char *same_task = styr_checklist_entry_get_same_task (entry);
  const char * const *waits_for = styr_checklist_entry_get_waits_for (entry);
  char *meeting;
  GDate due;

  if (styr_checklist_item_get_due (STYR_CHECKLIST_ITEM (record), &due))
    {
      g_autofree char *date = styr_date_to_user (styr_record_get_string (record, "due"));
      g_autofree char *left = NULL;
      GDate today;

      styr_checklist_model_get_today (self->model, &today);
      left = styr_work_describe_due (&due, &today, styr_checklist_entry_get_done (entry));
      /* Translators: a checklist item's due date, then e.g. "(3 days left)". */
      g_ptr_array_add (parts, left != NULL ? g_strdup_printf (_("Due %s (%s)"), date, left)
                                           : g_strdup_printf (_("Due %s"), date));
    }
  else if (approx != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), approx));

  if (styr_record_get_string (record, "date") != NULL)
    {
      g_autofree char *date = styr_date_to_user (styr_record_get_string (record, "date"));

      /* Translators: the day a checklist item (such as a kick-off) takes place. */
      g_ptr_array_add (parts, g_strdup_printf (_("On %s"), date));
    }

  if (role != NULL)
    /* Translators: the role responsible for a checklist item and who holds it. */
    g_ptr_array_add (parts, holder != NULL ? g_strdup_printf (_("Responsible: %s (%s)"), role, holder)
                                           : g_strdup_printf (_("Responsible: %s (vacant)"), role));

  if ((meeting = erp_meeting (self)) != NULL)
    g_ptr_array_add (parts, meeting);

  if (same_task != NULL)
    /* Translators: an ØiR item that is the same step as a KLIK task; %s is the task. */
    g_ptr_array_add (parts, g_strdup_printf (_("One step with the KLIK task “%s”: ticking "
                                               "one completes the other"), same_task));
  else if (styr_checklist_entry_get_done (entry))
    g_ptr_array_add (parts, done_by (entry));

  for (guint i = 0; waits_for != NULL && waits_for[i] != NULL; i++)
    /* Translators: %s is what must be done before a checklist item. */
    g_ptr_array_add (parts, g_strdup_printf (_("Waits for “%s”"), waits_for[i]));

  if (note != NULL && note[0] != '\0')
    /* Translators: the municipality's own note on a checklist item. */
    g_ptr_array_add (parts, g_strdup_printf (_("Note: %s"), note));

  g_ptr_array_remove_fast (parts, NULL);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static void
update (StyrChecklistRow *self)
{
  StyrChecklistItem *item = styr_checklist_entry_get_item (self->entry);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;

  switch (self->style)
    {
    case STYR_CHECKLIST_ROW_INTEGRATION:
      {
        JsonObject *integration = styr_checklist_item_get_integration (item);
        const char *transport = json_object_get_string_member_with_default (integration,
                                                                            "transport", "");
        StyrRecord *state = STYR_RECORD (styr_checklist_entry_get_state (self->entry));

        title = integration_title (item);
        if (styr_checklist_entry_get_done (self->entry) && state != NULL)
          {
            g_autofree char *on = styr_date_to_user (styr_record_get_string (state, "done_on"));
            const char *by = styr_record_get_string (state, "done_by");

            /* Translators: an integration's transport, then who ticked it and when. */
            text = g_strdup_printf (_("%s · done by %s on %s"), transport,
                                    by != NULL ? by : "–", on);
          }
        else
          text = g_strdup (transport);
      }
      break;

    case STYR_CHECKLIST_ROW_BRIEF:
      title = g_strdup (styr_checklist_item_get_text (item));
      text = done_by (self->entry);
      break;

    case STYR_CHECKLIST_ROW_ITEM:
    default:
      title = g_strdup (styr_checklist_item_get_text (item));
      text = describe (self);
      break;
    }

  subtitle = styr_ui_mark_entry (STYR_LIST_ENTRY (self->entry), text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  gtk_widget_set_visible (self->warning, styr_checklist_entry_get_overdue (self->entry));

  self->updating = TRUE;
  gtk_check_button_set_active (self->check, styr_checklist_entry_get_done (self->entry));
  self->updating = FALSE;
}

static void
item_changed_cb (StyrChecklistRow *self)
{
  adw_bin_set_child (self->tag,
                     styr_ui_provenance_tag (STYR_RECORD (styr_checklist_entry_get_item (self->entry))));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit), "s",
                                    styr_checklist_entry_get_id (self->entry));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit),
                                  self->style != STYR_CHECKLIST_ROW_BRIEF ? "oir.edit-item" : NULL);
  update (self);
}

static void
write_tick (StyrChecklistRow *self,
            gboolean          done)
{
  g_autoptr(GError) error = NULL;

  if (!styr_checklist_model_set_done (self->model, self->entry, done, styr_ui_author (), &error))
    styr_ui_show_error (GTK_WIDGET (self), error);
  /* Written or not, the check shows what the store has. */
  update (self);
}

static void
tick_confirmed_cb (gboolean confirmed,
                   gpointer user_data)
{
  StyrChecklistRow *self = user_data;

  if (confirmed)
    write_tick (self, TRUE);
  else
    update (self);
}

static void
check_toggled_cb (StyrChecklistRow *self)
{
  gboolean active = gtk_check_button_get_active (self->check);
  const char * const *blocked = styr_checklist_entry_get_blocked_by (self->entry);

  if (self->updating || active == styr_checklist_entry_get_done (self->entry))
    return;

  if (!active || blocked == NULL || blocked[0] == NULL)
    {
      write_tick (self, active);
      return;
    }

  styr_ui_confirm_blocked (GTK_WIDGET (self), styr_checklist_model_get_store (self->model),
                           styr_checklist_item_get_text (styr_checklist_entry_get_item (self->entry)),
                           blocked, tick_confirmed_cb, g_object_ref (self), g_object_unref);
}

static void
styr_checklist_row_dispose (GObject *object)
{
  StyrChecklistRow *self = (StyrChecklistRow *)object;

  g_clear_object (&self->model);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (styr_checklist_row_parent_class)->dispose (object);
}

static void
styr_checklist_row_finalize (GObject *object)
{
  StyrChecklistRow *self = (StyrChecklistRow *)object;

  g_clear_pointer (&self->erp, g_free);

  G_OBJECT_CLASS (styr_checklist_row_parent_class)->finalize (object);
}

static void
styr_checklist_row_class_init (StyrChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_checklist_row_dispose;
  object_class->finalize = styr_checklist_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-checklist-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrChecklistRow, check);
  gtk_widget_class_bind_template_child (widget_class, StyrChecklistRow, warning);
  gtk_widget_class_bind_template_child (widget_class, StyrChecklistRow, tag);
  gtk_widget_class_bind_template_child (widget_class, StyrChecklistRow, edit);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
}

static void
styr_checklist_row_init (StyrChecklistRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * styr_checklist_row_new:
 * @model: the list @entry is from, which writes the ticks
 * @entry: the item's entry
 * @style: what the row says
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
styr_checklist_row_new (StyrChecklistModel    *model,
                        StyrChecklistEntry    *entry,
                        StyrChecklistRowStyle  style)
{
  StyrChecklistRow *self;

  g_return_val_if_fail (STYR_IS_CHECKLIST_MODEL (model), NULL);
  g_return_val_if_fail (STYR_IS_CHECKLIST_ENTRY (entry), NULL);

  self = g_object_new (STYR_TYPE_CHECKLIST_ROW, NULL);
  self->model = g_object_ref (model);
  self->entry = g_object_ref (entry);
  self->style = style;
  /* On the ØiR page an item has its Note and Details, in its checklist
   * and among the integrations alike. */
  gtk_widget_set_visible (self->edit, style != STYR_CHECKLIST_ROW_BRIEF);
  g_signal_connect_object (entry, "notify::item", G_CALLBACK (item_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  item_changed_cb (self);
  return GTK_WIDGET (self);
}

StyrChecklistEntry *
styr_checklist_row_get_entry (StyrChecklistRow *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ROW (self), NULL);

  return self->entry;
}

GtkCheckButton *
styr_checklist_row_get_check (StyrChecklistRow *self)
{
  g_return_val_if_fail (STYR_IS_CHECKLIST_ROW (self), NULL);

  return self->check;
}

/**
 * styr_checklist_row_set_erp:
 * @self: a row
 * @erp: (nullable): the municipality's ERP system, for the item that
 *   offers one meeting per vendor
 */
void
styr_checklist_row_set_erp (StyrChecklistRow *self,
                            const char       *erp)
{
  g_return_if_fail (STYR_IS_CHECKLIST_ROW (self));

  if (g_strcmp0 (self->erp, erp) == 0)
    return;
  g_free (self->erp);
  self->erp = g_strdup (erp);
  update (self);
}

/**
 * styr_checklist_row_find:
 * @list: a list box of checklist rows
 * @item_id: an item's id
 *
 * Returns: (transfer none) (nullable): the row of @item_id
 */
GtkWidget *
styr_checklist_row_find (GtkWidget  *list,
                         const char *item_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (STYR_IS_CHECKLIST_ROW (child) &&
        g_strcmp0 (styr_checklist_entry_get_id (STYR_CHECKLIST_ROW (child)->entry), item_id) == 0)
      return child;
  return NULL;
}
