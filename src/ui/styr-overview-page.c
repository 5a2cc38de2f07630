/* styr-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "styr-overview-page.h"
#include "styr-overview-row.h"
#include "styr-page.h"
#include "styr-summary.h"
#include "styr-ui.h"

/* StyrOverviewPage: what needs action before the next programme-leader
 * meeting, from the same StyrSummary the printed summary is made of, so
 * the two never disagree. Each line opens its record on its page. The
 * summary is worked out when the page is shown and again after changes,
 * in an idle, so the window's first frame does not wait for it.
 */
struct _StyrOverviewPage
{
  StyrPage            parent_instance;

  StyrStore          *store;
  StyrClock          *clock;
  GSettings          *settings;

  AdwPreferencesPage *preferences_page;
  GtkWidget          *header_buttons;
  GPtrArray          *sections;
  guint               rebuild_source;
  gboolean            shown;
  GCancellable       *cancellable;
  gboolean            building;
  gboolean            stale;
};

G_DEFINE_FINAL_TYPE (StyrOverviewPage, styr_overview_page, STYR_TYPE_PAGE)

/* The Overview's headings, in their order on the page. */
enum
{
  SECTION_MEETING,
  SECTION_ATTENTION,
  SECTION_AGREEMENTS,
  SECTION_ROLES,
  SECTION_PROJECTS,
  SECTION_CHECKLISTS,
  SECTION_COMING,
  SECTION_ANNOUNCED,
  SECTION_LINKS,
  N_SECTIONS
};

/* Long lists are cut here; their page shows the rest. */
#define MAX_ROWS 12

/* One heading of the Overview and the lines under it, which a new
 * summary sets in place: the focus and the scroll stay where they were. */
typedef struct
{
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
} Section;

static Section *
section_new (StyrOverviewPage *self)
{
  Section *section = g_new0 (Section, 1);

  section->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  section->rows = g_ptr_array_new ();
  adw_preferences_page_add (self->preferences_page, section->group);
  return section;
}

static void
section_free (Section *section)
{
  g_ptr_array_unref (section->rows);
  g_free (section);
}

/* The section's line @n, made when it has fewer. */
static StyrOverviewRow *
section_row (Section *section,
             guint    n)
{
  while (section->rows->len <= n)
    {
      GtkWidget *row = styr_overview_row_new ();

      adw_preferences_group_add (section->group, row);
      g_ptr_array_add (section->rows, row);
    }
  return g_ptr_array_index (section->rows, n);
}

/* Drops the lines after the first @n. */
static void
section_keep (Section *section,
              guint    n)
{
  for (guint i = n; i < section->rows->len; i++)
    adw_preferences_group_remove (section->group, g_ptr_array_index (section->rows, i));
  if (section->rows->len > n)
    g_ptr_array_set_size (section->rows, n);
}

static void
section_set (Section    *section,
             const char *title,
             const char *description)
{
  adw_preferences_group_set_title (section->group, title);
  adw_preferences_group_set_description (section->group, description);
  gtk_widget_set_visible (GTK_WIDGET (section->group), TRUE);
}

static void
set_items (Section    *section,
           const char *title,
           GPtrArray  *items,
           const char *page,
           const char *none)
{
  g_autofree char *more = NULL;
  guint n = 0;

  if (items->len > MAX_ROWS)
    /* Translators: under a list on the Overview cut at its first lines. */
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in all; the page lists them all",
                                         "%u in all; the page lists them all", items->len),
                            items->len);
  section_set (section, title, more);
  for (; n < items->len && n < MAX_ROWS; n++)
    {
      StyrSummaryItem *item = g_ptr_array_index (items, n);
      g_autofree char *subtitle = item->group != NULL
                                  ? g_strdup_printf ("%s · %s", item->group, item->detail)
                                  : g_strdup (item->detail);

      styr_overview_row_set (section_row (section, n), item->title, subtitle, item->id,
                             item->page, item->urgent);
    }
  if (items->len == 0)
    styr_overview_row_set (section_row (section, n++), none, NULL, NULL, NULL, FALSE);
  else if (items->len > MAX_ROWS)
    styr_overview_row_set (section_row (section, n++), _("Show All"), NULL, NULL, page, FALSE);
  section_keep (section, n);
}

static void
show_summary (StyrOverviewPage *self,
              StyrSummary      *summary,
              const GError     *error)
{
  Section *meeting = g_ptr_array_index (self->sections, SECTION_MEETING);
  Section *agreements = g_ptr_array_index (self->sections, SECTION_AGREEMENTS);
  Section *links = g_ptr_array_index (self->sections, SECTION_LINKS);
  struct {
    guint       section;
    const char *title;
    GPtrArray  *items;
    const char *page;
    const char *none;
  } lists[] = {
    { SECTION_ATTENTION, summary != NULL ? summary->attention_title : NULL,
      summary != NULL ? summary->attention : NULL, "tasks",
      _("Nothing is due by then, and nothing is overdue.") },
    { SECTION_AGREEMENTS, _("Service Agreements Needing Action"),
      summary != NULL ? summary->agreements : NULL, "agreements", _("No agreement needs action.") },
    { SECTION_ROLES, _("Role Gaps"), summary != NULL ? summary->roles : NULL, "roles",
      _("Every role is held, with a deputy.") },
    { SECTION_PROJECTS, _("Progress per Project"), summary != NULL ? summary->projects : NULL,
      "tasks", _("No KLIK tasks.") },
    { SECTION_CHECKLISTS, _("ØiR Checklists"), summary != NULL ? summary->checklists : NULL,
      "oir", _("There are no checklists.") },
    { SECTION_COMING, _("Coming Meetings and Days"), summary != NULL ? summary->coming : NULL,
      "meetings", _("No meeting or day lies ahead in the catalogue.") },
    { SECTION_ANNOUNCED, _("Announced and Withdrawn by KOMBIT"),
      summary != NULL ? summary->announced : NULL, "tasks",
      _("KOMBIT has announced or withdrawn no task.") },
  };

  if (summary == NULL)
    {
      /* Only the first heading stays, to say why there is no overview. */
      for (guint i = 0; i < self->sections->len; i++)
        gtk_widget_set_visible (GTK_WIDGET (((Section *) g_ptr_array_index (self->sections,
                                                                            i))->group), FALSE);
      section_set (meeting, _("Overview"), error->message);
      section_keep (meeting, 0);
      gtk_widget_set_visible (self->header_buttons, FALSE);
      return;
    }

  gtk_widget_set_visible (self->header_buttons, TRUE);
  section_set (meeting, _("Next Programme-Leader Meeting"), summary->municipality);
  if (summary->meeting_id != NULL)
    {
      g_autofree char *when = g_strdup_printf ("%s\n%s", summary->meeting_when,
                                               summary->meeting_state);

      styr_overview_row_set (section_row (meeting, 0), summary->meeting_title, when,
                             summary->meeting_id, "meetings", summary->meeting_needs_action);
    }
  else
    styr_overview_row_set (section_row (meeting, 0), _("No programme-leader meeting ahead"), NULL,
                           NULL, "meetings", FALSE);
  section_keep (meeting, 1);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    set_items (g_ptr_array_index (self->sections, lists[i].section), lists[i].title,
               lists[i].items, lists[i].page, lists[i].none);
  if (summary->agreements_total > summary->agreements->len)
    {
      g_autofree char *all = NULL;

      /* Translators: under the first agreements needing action on the Overview. */
      all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement needs action in all",
                                          "%u agreements need action in all",
                                          summary->agreements_total),
                             summary->agreements_total);
      adw_preferences_group_set_description (agreements->group, all);
    }

  section_set (links, _("KOMBIT’s Links and Addresses"), NULL);
  for (guint i = 0; i < summary->links->len; i++)
    {
      StyrSummaryItem *item = g_ptr_array_index (summary->links, i);

      styr_overview_row_set_link (section_row (links, i), item->title, item->detail,
                                  item->address);
    }
  section_keep (links, summary->links->len);
}

/* The summary is worked out in a thread, on a connection of its own to
 * the same database (SQLite's WAL lets it read while the window writes),
 * so 100 000 agreements do not freeze the window. */
typedef struct
{
  char            *path;
  StyrRuleContext *context;
} Request;

static void
request_free (Request *request)
{
  g_free (request->path);
  g_clear_pointer (&request->context, styr_rule_context_unref);
  g_free (request);
}

static void
build_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrStore) store = styr_store_new (request->path, &error);
  StyrSummary *summary = NULL;

  if (store != NULL)
    summary = styr_summary_build (store, request->context, NULL, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) styr_summary_free);
}

static void start_build (StyrOverviewPage *self);

static void
built_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrSummary) summary = g_task_propagate_pointer (G_TASK (result), &error);
  StyrOverviewPage *self = STYR_OVERVIEW_PAGE (source);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->building = FALSE;
  show_summary (self, summary, error);
  if (self->stale)
    start_build (self);
}

/* Works the summary out as of today, with the user's thresholds and
 * municipality, in a worker with its own connection. */
static void
run_build (StyrOverviewPage    *self,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->path = g_strdup (styr_store_get_path (self->store));
  request->context = styr_page_dup_rule_context (STYR_PAGE (self));

  g_task_set_source_tag (task, run_build);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, build_in_thread);
}

static void
start_build (StyrOverviewPage *self)
{
  if (self->building)
    {
      self->stale = TRUE;
      return;
    }

  self->building = TRUE;
  self->stale = FALSE;
  run_build (self, self->cancellable, built_cb, NULL);
}

/**
 * styr_overview_page_build_summary_async:
 * @self: a #StyrOverviewPage
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the summary
 * @user_data: its data
 *
 * Works the summary out as of today, with the user's thresholds and
 * municipality, in the background: with 100 000 agreements that takes
 * longer than the window may stand still, as for printing.
 */
void
styr_overview_page_build_summary_async (StyrOverviewPage    *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (STYR_IS_OVERVIEW_PAGE (self));

  run_build (self, cancellable, callback, user_data);
}

/**
 * styr_overview_page_build_summary_finish:
 * @self: a #StyrOverviewPage
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
StyrSummary *
styr_overview_page_build_summary_finish (StyrOverviewPage  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  StyrOverviewPage *self = user_data;

  self->rebuild_source = 0;
  start_build (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (StyrOverviewPage *self)
{
  if (self->shown && self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle, self);
}

static void
map_cb (StyrOverviewPage *self)
{
  self->shown = TRUE;
  changed_cb (self);
}

/**
 * styr_overview_page_refresh:
 * @self: a #StyrOverviewPage
 *
 * Works the summary out again, in the background.
 */
void
styr_overview_page_refresh (StyrOverviewPage *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  start_build (self);
}

static void
styr_overview_page_constructed (GObject *object)
{
  StyrOverviewPage *self = (StyrOverviewPage *)object;
  const char *types[] = {
    "task", "task-state", "checklist", "checklist-item", "checklist-item-state", "meeting",
    "meeting-state", "agreement", "role", "person", "assignment",
  };

  G_OBJECT_CLASS (styr_overview_page_parent_class)->constructed (object);

  /* Borrowed from StyrPage, which holds them. */
  self->store = styr_page_get_store (STYR_PAGE (self));
  self->clock = styr_page_get_clock (STYR_PAGE (self));
  self->settings = styr_page_get_settings (STYR_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *signal = g_strconcat ("documents-changed::", types[i], NULL);

      g_signal_connect_object (self->store, signal, G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

static void
styr_overview_page_dispose (GObject *object)
{
  StyrOverviewPage *self = (StyrOverviewPage *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->store = NULL;
  self->clock = NULL;
  self->settings = NULL;

  G_OBJECT_CLASS (styr_overview_page_parent_class)->dispose (object);
}

static void
styr_overview_page_class_init (StyrOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = styr_overview_page_constructed;
  object_class->dispose = styr_overview_page_dispose;

}

static void
styr_overview_page_init (StyrOverviewPage *self)
{
  GtkWidget *print;
  GtkWidget *export;

  self->preferences_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->preferences_page));
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      Section *section = section_new (self);

      /* Hidden until the first summary is in. */
      gtk_widget_set_visible (GTK_WIDGET (section->group), FALSE);
      g_ptr_array_add (self->sections, section);
    }

  self->header_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  print = gtk_button_new_with_mnemonic (_("_Print…"));
  export = gtk_button_new_with_mnemonic (_("Export as _PDF…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "win.print");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "win.export-pdf");
  gtk_box_append (GTK_BOX (self->header_buttons), export);
  gtk_box_append (GTK_BOX (self->header_buttons), print);
  adw_preferences_group_set_header_suffix (((Section *) g_ptr_array_index (self->sections,
                                                                           SECTION_MEETING))->group,
                                           self->header_buttons);
  self->cancellable = g_cancellable_new ();
}
