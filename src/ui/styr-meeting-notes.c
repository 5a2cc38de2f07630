/* styr-meeting-notes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-meeting-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-meeting-actions.h"
#include "styr-meeting-notes.h"
#include "styr-ui.h"

/* StyrMeetingNotes: the section of a meeting's editor where the
 * municipality keeps its own notes and the questions it will raise. They
 * save as the user types, a moment after the last key, and at once on
 * leaving the meeting, the page or the app: there is no Save to forget.
 * While the user types, or a save is waiting, a change from elsewhere
 * (a colleague's sync) does not replace the text on screen.
 */
struct _StyrMeetingNotes
{
  AdwBin            parent_instance;

  StyrStore        *store;
  StyrMeetingEntry *entry;
  guint             save_id;
  gboolean          loading;

  GtkTextView      *notes_view;
  GtkTextView      *questions_view;
  GtkButton        *export_button;
};

G_DEFINE_FINAL_TYPE (StyrMeetingNotes, styr_meeting_notes, ADW_TYPE_BIN)

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * styr_meeting_notes_save:
 * @self: a #StyrMeetingNotes
 *
 * Writes the notes and questions on screen to their meeting's state now,
 * if they differ from it; a failure is shown in the window.
 *
 * Returns: %TRUE if the store holds what is on screen
 */
gboolean
styr_meeting_notes_save (StyrMeetingNotes *self)
{
  g_autofree char *notes = NULL;
  g_autofree char *questions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STYR_IS_MEETING_NOTES (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->entry == NULL || self->store == NULL)
    return TRUE;

  notes = buffer_text (self->notes_view);
  questions = buffer_text (self->questions_view);
  if (!styr_meeting_save_notes (self->store, styr_meeting_entry_get_meeting (self->entry), notes,
                                questions, styr_ui_author (), NULL, &error))
    {
      styr_ui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  StyrMeetingNotes *self = user_data;

  self->save_id = 0;
  styr_meeting_notes_save (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (StyrMeetingNotes *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (STYR_UI_SAVE_DELAY_MS, save_timeout_cb, self);
}

/**
 * styr_meeting_notes_set_store:
 * @self: a #StyrMeetingNotes
 * @store: the store the notes are written to
 */
void
styr_meeting_notes_set_store (StyrMeetingNotes *self,
                              StyrStore        *store)
{
  g_return_if_fail (STYR_IS_MEETING_NOTES (self));

  g_set_object (&self->store, store);
}

/**
 * styr_meeting_notes_show:
 * @self: a #StyrMeetingNotes
 * @entry: (nullable): the meeting to show
 *
 * Shows the meeting's stored notes and questions. Another meeting's
 * typing is saved first; the same meeting's is kept while the user types
 * in it or a save waits, so a reload never takes away a key pressed.
 */
void
styr_meeting_notes_show (StyrMeetingNotes *self,
                         StyrMeetingEntry *entry)
{
  StyrMeetingState *state;
  GtkRoot *root;
  GtkWidget *focus;
  g_auto(GStrv) questions = NULL;
  g_autofree char *joined = NULL;
  const char *notes;

  g_return_if_fail (STYR_IS_MEETING_NOTES (self));
  g_return_if_fail (entry == NULL || STYR_IS_MEETING_ENTRY (entry));

  if (entry == self->entry && entry != NULL)
    {
      root = gtk_widget_get_root (GTK_WIDGET (self));
      focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      if (self->save_id != 0 || (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
        return;
    }
  else if (self->save_id != 0)
    styr_meeting_notes_save (self);

  g_set_object (&self->entry, entry);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->export_button), "s",
                                    entry != NULL ? styr_meeting_entry_get_id (entry) : "");
  state = entry != NULL ? styr_meeting_entry_get_state (entry) : NULL;
  questions = state != NULL ? styr_record_dup_strv (STYR_RECORD (state), "questions") : NULL;
  joined = questions != NULL ? g_strjoinv ("\n", questions) : g_strdup ("");
  notes = state != NULL ? styr_record_get_string (STYR_RECORD (state), "notes") : NULL;

  self->loading = TRUE;
  styr_ui_set_buffer_text (gtk_text_view_get_buffer (self->notes_view), notes != NULL ? notes : "");
  styr_ui_set_buffer_text (gtk_text_view_get_buffer (self->questions_view), joined);
  self->loading = FALSE;
}

static void
styr_meeting_notes_dispose (GObject *object)
{
  StyrMeetingNotes *self = (StyrMeetingNotes *)object;

  /* What was typed last is kept, also when the window closes at once. */
  if (self->save_id != 0)
    styr_meeting_notes_save (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_MEETING_NOTES);
  g_clear_object (&self->entry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (styr_meeting_notes_parent_class)->dispose (object);
}

static void
styr_meeting_notes_class_init (StyrMeetingNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = styr_meeting_notes_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/styr/Styr/styr-meeting-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingNotes, notes_view);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingNotes, questions_view);
  gtk_widget_class_bind_template_child (widget_class, StyrMeetingNotes, export_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
styr_meeting_notes_init (StyrMeetingNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
