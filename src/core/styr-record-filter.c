/* styr-record-filter.c: which of a list's ids show, for its search and
 * for a predicate on what the records mean, judged in idle steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-record-filter"

#include "config.h"

#include "styr-record-filter.h"

/* Documents asked about the predicate for the first time per scan step:
 * under one frame at about 15 µs each. */
#define SCAN_BUDGET 600

enum { VERDICT_KEEP = 1, VERDICT_DROP = 2 };

struct _StyrRecordFilter
{
  StyrStore  *store;
  StyrRecordFilterProgress progress;
  gpointer    progress_data;

  /* A filter on what a record means rather than on one field (such as
   * "needs action", which asks the rules), and its verdicts so far: id →
   * KEEP or DROP. */
  StyrRecordPredicate predicate;
  gpointer            predicate_data;
  GDestroyNotify      predicate_destroy;
  GHashTable         *verdicts;

  /* The positions in ids of the rows that show; NULL when neither a
   * search nor the predicate filters: all of them. */
  GArray     *visible;

  /* A scan in progress: asking the predicate about 100 000 documents
   * takes seconds, so after the first SCAN_BUDGET the rest are judged in
   * idle steps and the rows they keep are appended as they come. */
  GPtrArray  *ids;
  StyrSearchIndex *index;
  guint       scan_source;
  guint       scan_position;
  GArray     *scan_within;
  GStrv       scan_words;
};

/**
 * styr_record_filter_new:
 * @store: the store the records are read from
 * @progress: called as an idle step appends rows
 * @user_data: data for @progress
 *
 * Returns: (transfer full): a filter that keeps every row
 */
StyrRecordFilter *
styr_record_filter_new (StyrStore                *store,
                        StyrRecordFilterProgress  progress,
                        gpointer                  user_data)
{
  StyrRecordFilter *self = g_new0 (StyrRecordFilter, 1);

  self->store = g_object_ref (store);
  self->progress = progress;
  self->progress_data = user_data;
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
styr_record_filter_free (StyrRecordFilter *self)
{
  if (self == NULL)
    return;

  styr_record_filter_stop (self);
  if (self->predicate_destroy != NULL)
    g_clear_pointer (&self->predicate_data, self->predicate_destroy);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_array_unref);
  g_object_unref (self->store);
  g_free (self);
}

/**
 * styr_record_filter_set_predicate:
 * @self: a #StyrRecordFilter
 * @predicate: (nullable): which records to show, or %NULL for all
 * @user_data: data for @predicate
 * @destroy: (nullable): frees @user_data
 *
 * Takes effect with the next styr_record_filter_start().
 */
void
styr_record_filter_set_predicate (StyrRecordFilter    *self,
                                  StyrRecordPredicate  predicate,
                                  gpointer             user_data,
                                  GDestroyNotify       destroy)
{
  if (self->predicate_destroy != NULL)
    g_clear_pointer (&self->predicate_data, self->predicate_destroy);
  self->predicate = predicate;
  self->predicate_data = user_data;
  self->predicate_destroy = destroy;
  g_hash_table_remove_all (self->verdicts);
}

/**
 * styr_record_filter_forget:
 * @self: a #StyrRecordFilter
 * @changed: (nullable): the ids whose documents changed, as a set; %NULL
 *   for all
 *
 * Drops the verdicts on documents that changed, or on every document when
 * what the predicate depends on did; they are asked again.
 */
void
styr_record_filter_forget (StyrRecordFilter *self,
                           GHashTable       *changed)
{
  GHashTableIter iter;
  gpointer id;

  if (changed == NULL)
    {
      g_hash_table_remove_all (self->verdicts);
      return;
    }

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_remove (self->verdicts, id);
}

/* Asks the predicate once per document; the answer is kept until the
 * document changes or the caller says the predicate's inputs did. */
static gboolean
passes_predicate (StyrRecordFilter *self,
                  const char       *id)
{
  g_autoptr(StyrRecord) record = NULL;
  gpointer verdict = g_hash_table_lookup (self->verdicts, id);
  gboolean keep;

  if (verdict != NULL)
    return GPOINTER_TO_INT (verdict) == VERDICT_KEEP;

  record = styr_record_read (self->store, id);
  keep = record != NULL && self->predicate (record, self->predicate_data);
  g_hash_table_insert (self->verdicts, g_strdup (id),
                       GINT_TO_POINTER (keep ? VERDICT_KEEP : VERDICT_DROP));
  return keep;
}

/* Judges the candidates from where the scan stopped, appending the ones
 * that pass to visible, until @budget documents have been asked about for
 * the first time. Returns %TRUE when every candidate has been judged. */
static gboolean
scan_some (StyrRecordFilter *self,
           guint             budget)
{
  guint n = self->scan_within != NULL ? self->scan_within->len : self->ids->len;
  guint asked = 0;

  while (self->scan_position < n && asked < budget)
    {
      guint k = self->scan_position++;
      guint i = self->scan_within != NULL ? g_array_index (self->scan_within, guint, k) : k;
      const char *id = g_ptr_array_index (self->ids, i);

      if (self->scan_words != NULL && !styr_search_index_matches (self->index, i, self->scan_words))
        continue;

      if (self->predicate != NULL)
        {
          if (!g_hash_table_contains (self->verdicts, id))
            asked++;
          if (!passes_predicate (self, id))
            continue;
        }

      g_array_append_val (self->visible, i);
    }

  return self->scan_position >= n;
}

/**
 * styr_record_filter_stop:
 * @self: a #StyrRecordFilter
 *
 * Stops a scan in progress; the rows found so far stay.
 */
void
styr_record_filter_stop (StyrRecordFilter *self)
{
  g_clear_handle_id (&self->scan_source, g_source_remove);
  g_clear_pointer (&self->scan_within, g_array_unref);
  g_clear_pointer (&self->scan_words, g_strfreev);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  self->index = NULL;
  self->scan_position = 0;
}

static gboolean
scan_step_cb (gpointer user_data)
{
  StyrRecordFilter *self = user_data;
  guint old_n = self->visible->len;
  gboolean done = scan_some (self, SCAN_BUDGET);

  if (done)
    {
      self->scan_source = 0;
      styr_record_filter_stop (self);
    }
  self->progress (old_n, done, self->progress_data);

  return done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/**
 * styr_record_filter_start:
 * @self: a #StyrRecordFilter
 * @ids: (element-type utf8): the list's ids, in its order
 * @index: the list's search index, aligned to @ids
 * @folded_search: (nullable): the casefolded search, or %NULL for none
 * @within: (nullable): the positions to look at, when a new search can
 *   only keep fewer rows than the last; %NULL to look at all
 *
 * Sets the visible rows anew. The first documents are judged at once and
 * the rest in idle steps of the default main context; the caller tells
 * the views what changed now, and the progress function what later steps
 * append.
 */
void
styr_record_filter_start (StyrRecordFilter *self,
                          GPtrArray        *ids,
                          StyrSearchIndex  *index,
                          const char       *folded_search,
                          GArray           *within)
{
  gboolean searching = folded_search != NULL && styr_search_index_is_loaded (index);

  styr_record_filter_stop (self);
  g_clear_pointer (&self->visible, g_array_unref);

  if (!searching && self->predicate == NULL)
    return;

  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->ids = g_ptr_array_ref (ids);
  self->index = index;
  self->scan_within = within != NULL ? g_array_ref (within) : NULL;
  self->scan_words = searching ? g_strsplit_set (folded_search, " \t", -1) : NULL;

  if (!scan_some (self, SCAN_BUDGET))
    self->scan_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scan_step_cb, self, NULL);
  else
    styr_record_filter_stop (self);
}

/**
 * styr_record_filter_get_visible:
 * @self: a #StyrRecordFilter
 *
 * Returns: (transfer none) (nullable): the positions in the ids of the
 *   rows that show, or %NULL when all of them do
 */
GArray *
styr_record_filter_get_visible (StyrRecordFilter *self)
{
  return self->visible;
}

/**
 * styr_record_filter_steal_visible:
 * @self: a #StyrRecordFilter
 *
 * Returns: (transfer full) (nullable): as styr_record_filter_get_visible(),
 *   leaving the filter with none until the next start
 */
GArray *
styr_record_filter_steal_visible (StyrRecordFilter *self)
{
  styr_record_filter_stop (self);
  return g_steal_pointer (&self->visible);
}

/**
 * styr_record_filter_is_running:
 * @self: a #StyrRecordFilter
 *
 * Returns: whether rows are still being judged
 */
gboolean
styr_record_filter_is_running (StyrRecordFilter *self)
{
  return self->scan_source != 0;
}

/**
 * styr_record_filter_finish:
 * @self: a #StyrRecordFilter
 *
 * Judges the rest of the documents now, for a caller that needs the
 * whole list at once, such as an export.
 */
void
styr_record_filter_finish (StyrRecordFilter *self)
{
  guint old_n;

  if (self->scan_source == 0)
    return;

  old_n = self->visible->len;
  scan_some (self, G_MAXUINT);
  styr_record_filter_stop (self);
  self->progress (old_n, TRUE, self->progress_data);
}
