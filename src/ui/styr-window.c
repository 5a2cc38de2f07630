/* styr-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "styr-agreements-page.h"
#include "styr-meetings-page.h"
#include "styr-overview-page.h"
#include "styr-summary-print.h"
#include "styr-sync-button.h"
#include "styr-ui.h"
#include "styr-oir-page.h"
#include "styr-page.h"
#include "styr-roles-page.h"
#include "styr-tasks-page.h"
#include "styr-municipality.h"
#include "styr-municipality-chooser.h"
#include "styr-catalogue-banner.h"
#include "styr-window.h"
#include "styr-undo-stack.h"

struct _StyrWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwBin               *overview_bin;
  AdwBin               *banner_bin;
  AdwToastOverlay      *toast_overlay;
  AdwBin               *agreements_bin;
  AdwBin               *tasks_bin;
  AdwBin               *oir_bin;
  AdwBin               *roles_bin;
  AdwBin               *meetings_bin;

  /* Owned */
  StyrStore            *store;
  StyrClock            *clock;
  StyrSync             *sync;

  /* Every change the user makes in this window, to undo (Ctrl+Z, or the
   * toast's button) and redo (Ctrl+Shift+Z). */
  StyrUndoStack        *undo_stack;
  /* The page on screen, whose editor saves when another is shown. */
  GtkWidget            *shown_page;
  GSettings            *settings;
  GListModel           *municipalities;
};

G_DEFINE_FINAL_TYPE (StyrWindow, styr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_SYNC,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_municipality (StyrWindow *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "municipality");
  StyrMunicipality *municipality = NULL;

  if (self->municipalities != NULL)
    municipality = styr_municipality_list_find (self->municipalities, code);

  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        municipality != NULL
                                        ? styr_municipality_get_name (municipality) : NULL);

  /* The switcher hides the subtitle in a wide window; the window title
   * keeps the municipality visible in the shell's window list. */
  if (municipality != NULL)
    {
      /* Translators: the window title, e.g. "Styr – Gentofte". */
      g_autofree char *title = g_strdup_printf (_("Styr – %s"),
                                                styr_municipality_get_name (municipality));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), "Styr");
}

static void
municipality_changed_cb (StyrWindow *self,
                         const char *key,
                         GSettings  *settings)
{
  update_municipality (self);
}

/* Until the Overview has its own page it shows what the catalogue brought,
 * which is also the user's proof that the first start worked.
 */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StyrWindow *self = STYR_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

/* The page of a view stack child: the StyrPage in its AdwBin. */
static StyrPage *
page_of (GtkWidget *child)
{
  GtkWidget *page = child != NULL && ADW_IS_BIN (child) ? adw_bin_get_child (ADW_BIN (child))
                                                        : NULL;

  return page != NULL && STYR_IS_PAGE (page) ? STYR_PAGE (page) : NULL;
}

/* Opens a record on its page, as the Overview's lines ask: the page its
 * kind belongs on first, then any other that shows it, as the agreements
 * show Pejlemærke 3. */
static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StyrWindow *self = STYR_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  static const struct {
    const char *prefix;
    const char *page;
  } homes[] = {
    { "task:", "tasks" },
    { "project:", "tasks" },
    { "checklist", "oir" },
    { "agreement:", "agreements" },
    { "meeting:", "meetings" },
    { "role:", "roles" },
  };
  static const char *pages[] = { "tasks", "oir", "agreements", "meetings", "roles" };
  const char *home = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (homes) && home == NULL; i++)
    if (g_str_has_prefix (id, homes[i].prefix))
      home = homes[i].page;

  for (guint i = 0; i <= G_N_ELEMENTS (pages); i++)
    {
      const char *name = i == 0 ? home : pages[i - 1];
      GtkWidget *child = name != NULL ? adw_view_stack_get_child_by_name (self->stack, name)
                                      : NULL;
      StyrPage *page = page_of (child);

      if (page == NULL || (i > 0 && g_strcmp0 (name, home) == 0))
        continue;
      adw_view_stack_set_visible_child (self->stack, child);
      if (styr_page_select_record (page, id))
        return;
    }
  if (home != NULL)
    adw_view_stack_set_visible_child_name (self->stack, home);
}

static StyrOverviewPage *
overview_page (StyrWindow *self)
{
  return STYR_OVERVIEW_PAGE (adw_bin_get_child (self->overview_bin));
}

/* Printing and exporting wait for the summary, which is worked out in the
 * background; meanwhile they cannot be asked for twice. */
typedef struct
{
  StyrWindow *window;
  char       *path;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_object_unref (job->window);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

static void
set_printing (StyrWindow *self,
              gboolean    printing)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", !printing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", !printing);
}

static void
summary_for_print_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PrintJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrSummary) summary = NULL;
  GtkPrintOperationResult printed = GTK_PRINT_OPERATION_RESULT_ERROR;

  set_printing (job->window, FALSE);
  summary = styr_overview_page_build_summary_finish (STYR_OVERVIEW_PAGE (source), result, &error);
  if (summary != NULL)
    printed = styr_summary_print (GTK_WINDOW (job->window), summary, job->path, &error);

  if (printed == GTK_PRINT_OPERATION_RESULT_ERROR)
    styr_ui_show_error (GTK_WIDGET (job->window), error);
  else if (job->path != NULL)
    {
      g_autofree char *where = g_filename_display_name (job->path);
      g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);
      /* Translators: %s is the PDF file the summary was written to. */
      g_autofree char *title = g_strdup_printf (_("The summary was saved as PDF in “%s”"), where);
      AdwToast *toast = styr_ui_toast_new (title);

      if (uri != NULL)
        {
          adw_toast_set_button_label (toast, _("_Open"));
          adw_toast_set_action_name (toast, "win.open-link");
          adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
        }
      styr_window_add_toast (job->window, toast);
    }
}

/* Prints the summary, or with @path exports it as PDF there. */
static void
print_summary (StyrWindow *self,
               const char *path)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->window = g_object_ref (self);
  job->path = g_strdup (path);
  set_printing (self, TRUE);
  styr_overview_page_build_summary_async (overview_page (self), NULL, summary_for_print_cb, job);
}

/* Ctrl+N: a new record of the page shown, wherever the focus is. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GtkWidget *page = adw_view_stack_get_visible_child (STYR_WINDOW (widget)->stack);

  if (STYR_IS_PAGE (page))
    styr_page_new_record (STYR_PAGE (page));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  print_summary (STYR_WINDOW (widget), NULL);
}

static void
export_pdf_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        StyrWindow      *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("The summary can only be exported to a local file."));

      styr_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  print_summary (self, path);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Summary as PDF"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("summary.pdf"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_pdf_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_municipality_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  StyrWindow *self = STYR_WINDOW (widget);
  StyrMunicipalityChooser *chooser;

  if (self->municipalities == NULL)
    return;

  chooser = styr_municipality_chooser_new (GTK_WINDOW (self), self->municipalities,
                                           self->settings);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* Whether this window's user wrote what the store just announced: its
 * own, or one of its dialogs, is the active window. */
static gboolean
is_acting (StyrWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *active = application != NULL ? gtk_application_get_active_window (application)
                                          : NULL;

  for (GtkWindow *window = active; window != NULL; window = gtk_window_get_transient_for (window))
    if (window == GTK_WINDOW (self))
      return TRUE;
  return active == NULL;
}

static void
documents_changed_cb (StyrWindow *self)
{
  if (is_acting (self))
    styr_undo_stack_notice (self->undo_stack);
  else
    styr_undo_stack_skip (self->undo_stack);
}

static void
update_undo_actions (StyrWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 styr_undo_stack_get_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 styr_undo_stack_get_can_redo (self->undo_stack));
}

/* Says what was undone or redone, or why not. */
static void
reverted (StyrWindow   *self,
          gboolean      ok,
          gboolean      undone,
          const char   *label,
          const GError *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!ok)
    {
      styr_window_show_error (self, error);
      return;
    }
  if (label != NULL)
    /* Translators: %s is the change, as its toast said it, e.g. "Agreement deleted". */
    title = g_strdup_printf (undone ? _("Undone: %s") : _("Redone: %s"), label);
  toast = styr_ui_toast_new (title != NULL ? title
                             : undone ? _("Change undone") : _("Change redone"));
  if (undone)
    {
      adw_toast_set_button_label (toast, _("_Redo"));
      adw_toast_set_action_name (toast, "win.redo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* win.undo and win.undo-change(serial) undo, win.redo redoes. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StyrWindow *self = STYR_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");
  gboolean ok;

  /* Typing not saved yet is the newest change: Ctrl+Z in a field undoes
   * it, and undoing an older one never overwrites it. */
  if (page_of (self->shown_page) != NULL)
    styr_page_save_edits (page_of (self->shown_page));
  if (redo)
    ok = styr_undo_stack_redo (self->undo_stack, styr_ui_author (), &label, &error);
  else
    ok = styr_undo_stack_undo (self->undo_stack,
                               parameter != NULL ? g_variant_get_uint32 (parameter) : 0,
                               styr_ui_author (), &label, &error);
  reverted (self, ok, !redo, label, error);
}

/**
 * styr_window_offer_undo:
 * @self: a #StyrWindow
 * @title: what happened
 *
 * Says what happened in a toast whose Undo button undoes that very
 * change, even when others came after it; Ctrl+Z undoes the newest.
 */
void
styr_window_offer_undo (StyrWindow *self,
                        const char *title)
{
  AdwToast *toast;
  guint serial;

  g_return_if_fail (STYR_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  serial = styr_undo_stack_seal (self->undo_stack, title);
  toast = styr_ui_toast_new (title);
  if (serial != 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-change");
      adw_toast_set_action_target_value (toast, g_variant_new_uint32 (serial));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Leaving a page keeps what was typed into it, also where the page stays
 * mapped, as in a window not on screen. */
static void
visible_page_cb (StyrWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);

  if (self->shown_page != NULL && self->shown_page != child && page_of (self->shown_page) != NULL)
    styr_page_save_edits (page_of (self->shown_page));
  g_set_weak_pointer (&self->shown_page, child);
}

static gboolean
styr_window_close_request (GtkWindow *window)
{
  StyrWindow *self = STYR_WINDOW (window);

  if (page_of (self->shown_page) != NULL)
    styr_page_save_edits (page_of (self->shown_page));
  return GTK_WINDOW_CLASS (styr_window_parent_class)->close_request (window);
}

static void
styr_window_constructed (GObject *object)
{
  StyrWindow *self = (StyrWindow *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (styr_window_parent_class)->constructed (object);

  self->undo_stack = styr_undo_stack_new (self->store);
  g_signal_connect_object (self->undo_stack, "notify", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "documents-changed", G_CALLBACK (documents_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_undo_actions (self);

  self->municipalities = styr_municipality_list_load (self->store, &error);
  if (self->municipalities == NULL)
    styr_window_show_error (self, error);

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-page", self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::municipality",
                           G_CALLBACK (municipality_changed_cb), self, G_CONNECT_SWAPPED);

  adw_bin_set_child (self->banner_bin,
                     styr_catalogue_banner_new (self->store, self->clock, self->settings));

  /* The pages need the store and the clock, which the template does not
   * have when it builds them. */
  adw_bin_set_child (self->agreements_bin,
                     g_object_new (STYR_TYPE_AGREEMENTS_PAGE,
                                   "store", self->store,
                                   "clock", self->clock,
                                   "settings", self->settings,
                                   NULL));
  adw_bin_set_child (self->overview_bin,
                     g_object_new (STYR_TYPE_OVERVIEW_PAGE,
                                   "store", self->store,
                                   "clock", self->clock,
                                   "settings", self->settings,
                                   NULL));
  adw_bin_set_child (self->meetings_bin,
                     g_object_new (STYR_TYPE_MEETINGS_PAGE,
                                   "store", self->store,
                                   "clock", self->clock,
                                   "settings", self->settings,
                                   NULL));
  adw_bin_set_child (self->roles_bin,
                     g_object_new (STYR_TYPE_ROLES_PAGE,
                                   "store", self->store,
                                   "clock", self->clock,
                                   "settings", self->settings,
                                   NULL));
  adw_bin_set_child (self->oir_bin,
                     g_object_new (STYR_TYPE_OIR_PAGE,
                                   "store", self->store,
                                   "clock", self->clock,
                                   "settings", self->settings,
                                   NULL));
  adw_bin_set_child (self->tasks_bin,
                     g_object_new (STYR_TYPE_TASKS_PAGE,
                                   "store", self->store,
                                   "clock", self->clock,
                                   NULL));

  if (self->sync != NULL)
    adw_header_bar_pack_start (self->header_bar, styr_sync_button_new (self->sync));

  update_municipality (self);
  visible_page_cb (self);
}

static void
styr_window_dispose (GObject *object)
{
  StyrWindow *self = (StyrWindow *)object;

  /* The pages go with the template; none is shown or saved any more. */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_weak_pointer (&self->shown_page);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYR_TYPE_WINDOW);

  g_clear_object (&self->municipalities);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->sync);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (styr_window_parent_class)->dispose (object);
}

static void
styr_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  StyrWindow *self = STYR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  StyrWindow *self = STYR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_SYNC:
      self->sync = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
link_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    styr_ui_show_error (GTK_WIDGET (source), error);
}

/* Opens a web page or writes a mail, through the portal where there is
 * one so that it works in the Flatpak. Only those two: the addresses
 * come from a catalogue or a colleague's record. */
static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *address = g_variant_get_string (parameter, NULL);

  if (!g_str_has_prefix (address, "https://") && !g_str_has_prefix (address, "http://") &&
      !g_str_has_prefix (address, "mailto:"))
    {
      g_warning ("Refused to open “%s”: not a web page or a mail address", address);
      return;
    }
  gtk_show_uri_full (GTK_WINDOW (widget), address, GDK_CURRENT_TIME, NULL, link_shown_cb, NULL);
}

static void
styr_window_class_init (StyrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = styr_window_constructed;
  object_class->dispose = styr_window_dispose;
  object_class->get_property = styr_window_get_property;
  object_class->set_property = styr_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = styr_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STYR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         STYR_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL,
                         STYR_TYPE_SYNC,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/styr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, overview_bin);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, banner_bin);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, agreements_bin);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, tasks_bin);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, oir_bin);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, roles_bin);
  gtk_widget_class_bind_template_child (widget_class, StyrWindow, meetings_bin);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "s", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-change", "u", undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.choose-municipality", NULL,
                                   choose_municipality_action);
}

static void
styr_window_init (StyrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

StyrWindow *
styr_window_new (StyrApplication *application,
                 StyrStore       *store,
                 GSettings       *settings)
{
  g_return_val_if_fail (STYR_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (STYR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (STYR_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "clock", styr_application_get_clock (application),
                       "sync", styr_application_get_sync (application),
                       "settings", settings,
                       NULL);
}

/**
 * styr_window_get_municipalities:
 * @self: a #StyrWindow
 *
 * Returns: (transfer none) (nullable): the 98 municipalities
 */
GListModel *
styr_window_get_municipalities (StyrWindow *self)
{
  g_return_val_if_fail (STYR_IS_WINDOW (self), NULL);

  return self->municipalities;
}

/**
 * styr_window_show_error:
 * @self: a #StyrWindow
 * @error: what went wrong
 *
 * Tells the user about a failure that leaves the window usable. The toast
 * stays until it is dismissed, since the message may need reading twice.
 */
void
styr_window_show_error (StyrWindow   *self,
                        const GError *error)
{
  AdwToast *toast;

  g_return_if_fail (STYR_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  toast = styr_ui_error_toast_new (error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * styr_window_add_toast:
 * @self: a #StyrWindow
 * @toast: (transfer full): what to say
 */
void
styr_window_add_toast (StyrWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (STYR_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
