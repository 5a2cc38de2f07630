/* styr-trash-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-trash-window"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-record.h"
#include "styr-trash-model.h"
#include "styr-trash-window.h"
#include "styr-ui.h"

/* StyrTrashWindow lists the deleted documents of one type, bound to a
 * StyrTrashModel, and restores them. A deletion is a tombstone in the store, which sync passes on, so
 * the trash is never emptied; restoring undoes the deletion and makes a
 * new revision that colleagues receive like any other edit.
 */
struct _StyrTrashWindow
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;

  /* Owned */
  StyrStore       *store;
  char            *doc_type;
  char            *author;
  StyrTrashModel  *trash;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (StyrTrashWindow, styr_trash_window, ADW_TYPE_WINDOW)

/* What the user knows the document by: an agreement's using system, a
 * task's title, or else its id. */
static const char *
entry_title (const StyrDeletedDocument *entry)
{
  static const char * const names[] = { "using_system", "title", "name" };

  for (guint i = 0; entry->body != NULL && i < G_N_ELEMENTS (names); i++)
    {
      const char *name = json_object_get_string_member_with_default (entry->body, names[i],
                                                                     NULL);

      if (name != NULL && name[0] != '\0')
        return name;
    }

  return entry->id;
}

static char *
entry_subtitle (const StyrDeletedDocument *entry)
{
  static const char * const details[] = { "supplier", "data_scope" };
  g_autofree char *time = styr_datetime_to_user (entry->deleted_at);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* What tells two deleted agreements of one system apart. */
  for (guint i = 0; entry->body != NULL && i < G_N_ELEMENTS (details); i++)
    {
      const char *detail = json_object_get_string_member_with_default (entry->body, details[i],
                                                                       NULL);

      if (detail != NULL && detail[0] != '\0')
        g_string_append_printf (subtitle, "%s · ", detail);
    }

  if (entry->author != NULL)
    /* Translators: when and by whom something was deleted. */
    g_string_append_printf (subtitle, _("Deleted %s by %s"), time, entry->author);
  else
    /* Translators: when something was deleted, by a colleague (it came by sync). */
    g_string_append_printf (subtitle, _("Deleted %s by a colleague"), time);

  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const StyrDeletedDocument *entry = styr_trash_entry_get_document (item);
  g_autofree char *subtitle = entry_subtitle (entry);
  GtkWidget *row = styr_ui_text_row (entry_title (entry), subtitle);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", entry->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "trash.restore");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
update_stack (StyrTrashWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->trash)) > 0
                                    ? "list" : "empty");
}

static void
reload (StyrTrashWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!styr_trash_model_reload (self->trash, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, styr_ui_toast_new (error->message));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StyrTrashWindow *self = STYR_TRASH_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  StyrTrashEntry *found = styr_trash_model_find (self->trash, id);
  const StyrDeletedDocument *entry = found != NULL ? styr_trash_entry_get_document (found) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (entry == NULL)
    return;

  /* The row goes away with the reload the store's signal causes. */
  title = g_strdup (entry_title (entry));
  if (!styr_store_undo (self->store, entry->id, entry->rev, self->author, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, styr_ui_toast_new (error->message));
      reload (self);
      return;
    }

  /* Translators: a toast after restoring an item from the trash. */
  message = g_strdup_printf (_("“%s” restored"), title);
  adw_toast_overlay_add_toast (self->toast_overlay, styr_ui_toast_new (message));
}

static void
styr_trash_window_dispose (GObject *object)
{
  StyrTrashWindow *self = (StyrTrashWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_TRASH_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->trash);

  G_OBJECT_CLASS (styr_trash_window_parent_class)->dispose (object);
}

static void
styr_trash_window_finalize (GObject *object)
{
  StyrTrashWindow *self = (StyrTrashWindow *)object;

  g_free (self->doc_type);
  g_free (self->author);

  G_OBJECT_CLASS (styr_trash_window_parent_class)->finalize (object);
}

static void
styr_trash_window_class_init (StyrTrashWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_trash_window_dispose;
  object_class->finalize = styr_trash_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/styr-trash-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrTrashWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StyrTrashWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StyrTrashWindow, list);

  gtk_widget_class_install_action (widget_class, "trash.restore", "s", restore_action);
}

static void
styr_trash_window_init (StyrTrashWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * styr_trash_window_new:
 * @parent: the window it belongs to
 * @store: the store
 * @doc_type: the type of documents it lists, e.g. "agreement"
 * @author: who restores, for the history
 *
 * Returns: (transfer none): a new trash window
 */
StyrTrashWindow *
styr_trash_window_new (GtkWindow  *parent,
                       StyrStore  *store,
                       const char *doc_type,
                       const char *author)
{
  StyrTrashWindow *self;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (doc_type != NULL, NULL);

  self = g_object_new (STYR_TYPE_TRASH_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->doc_type = g_strdup (doc_type);
  self->author = g_strdup (author);
  self->trash = styr_trash_model_new (store, doc_type);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->trash), create_row, NULL, NULL);
  g_signal_connect_object (self->trash, "items-changed", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);

  signal = g_strconcat ("documents-changed::", doc_type, NULL);
  g_signal_connect_object (store, signal, G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  update_stack (self);

  return self;
}

/**
 * styr_trash_window_get_count:
 * @self: a #StyrTrashWindow
 *
 * Returns: how many deleted documents it lists
 */
guint
styr_trash_window_get_count (StyrTrashWindow *self)
{
  g_return_val_if_fail (STYR_IS_TRASH_WINDOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->trash));
}
