/* styr-calendar-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-calendar-files"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "styr-calendar-files.h"
#include "styr-ics.h"
#include "styr-rule-context.h"
#include "styr-ui.h"

/* StyrCalendarFiles moves meetings in and out of calendar files for the
 * meetings page: "Add to Calendar" hands a meeting's file to the user's
 * calendar application (through the OpenURI portal in the Flatpak) and
 * offers to save it where there is none; all meetings are saved to a file;
 * and KOMBIT's invitations are imported after a preview of what they
 * change, with the import kept for Undo.
 */
struct _StyrCalendarFiles
{
  GObject     parent_instance;

  /* Weak: the page, which owns this; a launch may end after it is gone */
  GtkWidget  *owner;

  /* Owned */
  StyrStore  *store;
  GSettings  *settings;
  StyrClock  *clock;
};

G_DEFINE_FINAL_TYPE (StyrCalendarFiles, styr_calendar_files, G_TYPE_OBJECT)

static GtkWindow *
window_of (StyrCalendarFiles *self)
{
  return self->owner != NULL ? GTK_WINDOW (gtk_widget_get_root (self->owner)) : NULL;
}

/* What went wrong with a file, in a dialog: the messages say where and
 * why, more than a toast can hold. */
static void
show_file_error (StyrCalendarFiles *self,
                 const char        *heading,
                 const GError      *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
export_text (StyrCalendarFiles  *self,
             const char         *meeting_id,
             char              **left_out,
             GError            **error)
{
  g_autoptr(StyrRuleContext) context = styr_rule_context_new_from_settings (self->settings,
                                                                           self->clock);

  return styr_ics_export (self->store, meeting_id, context, left_out, error);
}

static void
save_response_cb (GtkNativeDialog   *chooser,
                  int                response,
                  StyrCalendarFiles *self)
{
  const char *id = g_object_get_data (G_OBJECT (chooser), "styr-meeting");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *left_out = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->owner != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      text = export_text (self, id, &left_out, &error);
      if (text != NULL)
        g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                 NULL, &error);
      if (error != NULL)
        show_file_error (self, _("The Calendar File Was Not Written"), error);
      else
        styr_ui_toast (self->owner, left_out != NULL ? left_out
                                                     : _("The calendar file was written"), FALSE);
    }
  g_object_unref (chooser);
}

/**
 * styr_calendar_files_save:
 * @self: a #StyrCalendarFiles
 * @meeting_id: (nullable): the meeting, %NULL for all of them
 *
 * Asks where to save the calendar file, suggesting the meeting's name and
 * date, and writes it there.
 */
void
styr_calendar_files_save (StyrCalendarFiles *self,
                          const char        *meeting_id)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (STYR_IS_CALENDAR_FILES (self));

  name = styr_ics_file_name (self->store, meeting_id);
  chooser = gtk_file_chooser_native_new (_("Save Calendar File"), window_of (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "styr-meeting", g_strdup (meeting_id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  StyrCalendarFiles *self;
  char              *meeting_id;
  char              *left_out;
} Launch;

static void
launch_free (Launch *launch)
{
  g_object_unref (launch->self);
  g_free (launch->meeting_id);
  g_free (launch->left_out);
  g_free (launch);
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Launch *launch = user_data;
  g_autoptr(GError) error = NULL;
  gboolean launched = g_app_info_launch_default_for_uri_finish (result, &error);

  /* The page closed meanwhile, or the user dismissed the portal's choice
   * of application: nothing more to say or ask. */
  if (launch->self->owner == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      launch_free (launch);
      return;
    }

  if (launched)
    styr_ui_toast (launch->self->owner,
                   launch->left_out != NULL ? launch->left_out
                                            : _("The meeting was handed to your calendar"),
                   FALSE);
  else
    {
      /* No calendar application, or none that would take the file: the
       * user saves it and adds it by hand. */
      g_debug ("No calendar application took the file: %s", error->message);
      styr_calendar_files_save (launch->self, launch->meeting_id);
    }
  launch_free (launch);
}

/* Under the user's cache, where the calendar application (or the portal,
 * from the Flatpak) can read it. */
static GFile *
write_for_calendar (StyrCalendarFiles  *self,
                    const char         *meeting_id,
                    const char         *text,
                    GError            **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "styr", "calendar", NULL);
  g_autofree char *name = styr_ics_file_name (self->store, meeting_id);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: the folder, then why it could not be made. */
                   _("The folder “%s” for the calendar file could not be made: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }
  if (!g_file_set_contents (path, text, -1, error))
    return NULL;
  return g_file_new_for_path (path);
}

/**
 * styr_calendar_files_add:
 * @self: a #StyrCalendarFiles
 * @meeting_id: the meeting
 *
 * Opens the meeting's calendar file in the user's calendar application,
 * or, where there is none, offers to save it.
 */
void
styr_calendar_files_add (StyrCalendarFiles *self,
                         const char        *meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  Launch *launch;

  g_return_if_fail (STYR_IS_CALENDAR_FILES (self));
  g_return_if_fail (meeting_id != NULL);

  text = export_text (self, meeting_id, &left_out, &error);
  if (text != NULL)
    file = write_for_calendar (self, meeting_id, text, &error);
  if (file == NULL)
    {
      show_file_error (self, _("The Meeting Was Not Added to the Calendar"), error);
      return;
    }

  launch = g_new0 (Launch, 1);
  launch->self = g_object_ref (self);
  launch->meeting_id = g_strdup (meeting_id);
  launch->left_out = g_steal_pointer (&left_out);
  uri = g_file_get_uri (file);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (self->owner));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launched_cb, launch);
}

/* Import */

static void
import_confirm_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   StyrCalendarFiles *self)
{
  GPtrArray *updates = g_object_get_data (G_OBJECT (dialog), "styr-updates");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "import") || self->owner == NULL)
    return;

  if (!styr_ics_apply_import (self->store, updates, styr_ui_author (), &error))
    {
      show_file_error (self, _("The Invitation Was Not Imported"), error);
      return;
    }

  styr_ui_toast (self->owner, _("The invitation was imported"), TRUE);
}

/**
 * styr_calendar_files_import_bytes:
 * @self: a #StyrCalendarFiles
 * @bytes: an iCalendar file, such as KOMBIT's invitation
 *
 * Matches the invitation to its meeting and shows what it changes, to be
 * confirmed; a file that does not fit says why.
 */
void
styr_calendar_files_import_bytes (StyrCalendarFiles *self,
                                  GBytes            *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  gboolean cancels = FALSE;
  AdwMessageDialog *dialog;
  guint changes;

  g_return_if_fail (STYR_IS_CALENDAR_FILES (self));

  updates = styr_ics_plan_import (self->store, bytes, &error);
  if (updates == NULL)
    {
      show_file_error (self, _("The Invitation Was Not Imported"), error);
      return;
    }

  for (guint i = 0; i < updates->len; i++)
    {
      StyrIcsUpdate *update = g_ptr_array_index (updates, i);
      g_autofree char *line = styr_ics_format_update (update);

      cancels |= update->change == STYR_ICS_CHANGE_CANCEL;
      g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", line);
    }

  changes = styr_ics_count_changes (updates);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (self),
                                                       changes == 0
                                                       ? _("Invitation Already Imported")
                                                       : cancels
                                                       ? _("Mark the Meeting as Cancelled?")
                                                       : _("Update from the Invitation?"),
                                                       body->str));
  if (changes == 0)
    adw_message_dialog_add_response (dialog, "close", _("_Close"));
  else
    {
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                        "import", cancels ? _("_Mark as Cancelled")
                                                          : _("_Update"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "import",
                                                  cancels ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "import");
      adw_message_dialog_set_close_response (dialog, "cancel");
    }
  g_object_set_data_full (G_OBJECT (dialog), "styr-updates", g_steal_pointer (&updates),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_confirm_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    StyrCalendarFiles *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->owner != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  bytes = styr_ics_load (file, name, &error);
  if (bytes == NULL)
    show_file_error (self, _("The Invitation Was Not Imported"), error);
  else
    styr_calendar_files_import_bytes (self, bytes);
}

/**
 * styr_calendar_files_import:
 * @self: a #StyrCalendarFiles
 *
 * Asks for an invitation to import, and previews it.
 */
void
styr_calendar_files_import (StyrCalendarFiles *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (STYR_IS_CALENDAR_FILES (self));

  chooser = gtk_file_chooser_native_new (_("Import Invitation"), window_of (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
styr_calendar_files_finalize (GObject *object)
{
  StyrCalendarFiles *self = (StyrCalendarFiles *) object;

  if (self->owner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->owner), (gpointer *) &self->owner);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (styr_calendar_files_parent_class)->finalize (object);
}

static void
styr_calendar_files_class_init (StyrCalendarFilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styr_calendar_files_finalize;
}

static void
styr_calendar_files_init (StyrCalendarFiles *self)
{
}

/**
 * styr_calendar_files_new:
 * @owner: the widget the dialogs and toasts belong to
 * @store: the store
 * @settings: the settings, for the ERP system and the reminder
 * @clock: the clock
 *
 * Returns: (transfer full): a new #StyrCalendarFiles
 */
StyrCalendarFiles *
styr_calendar_files_new (GtkWidget *owner,
                         StyrStore *store,
                         GSettings *settings,
                         StyrClock *clock)
{
  StyrCalendarFiles *self = g_object_new (STYR_TYPE_CALENDAR_FILES, NULL);

  self->owner = owner;
  g_object_add_weak_pointer (G_OBJECT (owner), (gpointer *) &self->owner);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->clock = g_object_ref (clock);
  return self;
}
