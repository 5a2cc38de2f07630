/* styr-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "styr-sync"

#include "config.h"

#include "styr-replicator.h"
#include "styr-secret.h"
#include "styr-sync.h"

/* StyrSync keeps the store in step with the team's database while the app
 * runs: a worker thread, with a connection of its own to the same file,
 * runs a pass both ways, then waits on a long-polling _changes request
 * until the server has something new or a local edit asks for a push.
 * After an error it tries again after 2, 4, then every 8 seconds, so that
 * what waits goes out soon after the server is back; a refused connection
 * costs nothing. A refused password waits five minutes. When the network
 * comes back, or the user asks, it tries at once. Nothing
 * of this blocks the window: the worker only reports, and the store's own
 * connection then announces what the worker wrote.
 *
 * The worker shares a small refcounted block with the object rather than
 * the object itself, so dropping the object never waits for the network.
 */

#define WAIT_SECONDS 30
#define FIRST_BACKOFF 2
#define MAX_BACKOFF 8
/* A refused password, or no password in the keyring, is not mended by
 * trying again soon: the user is told, and asked again less often. */
#define REFUSED_BACKOFF 300
#define PUSH_DELAY_MS 1500
/* Followed by the server and database: another team's database was never
 * synced just because this one was. */
#define LAST_SYNC_KEY "sync-last-success:"

static char *
last_sync_key (const char *server,
               const char *database)
{
  return g_strconcat (LAST_SYNC_KEY, server, "/", database, NULL);
}

typedef struct
{
  GWeakRef       owner;
  GMainContext  *context;
  char          *path;
  char          *server;
  char          *database;
  char          *user;

  GMutex         lock;
  GCond          cond;
  GCancellable  *stop;
  GCancellable  *wait;
  gboolean       kicked;
} Shared;

struct _StyrSync
{
  GObject         parent_instance;

  StyrStore      *store;
  StyrReplicator *local;
  Shared         *shared;
  GThread        *thread;
  GHashTable     *pending;
  gint64          seen_seq;
  gint64          last_notice;
  gboolean        noticing;
  guint           push_source;

  StyrSyncState   state;
  char           *message;
  GDateTime      *last_sync;
  guint           progress;
  guint           conflicts;
};

G_DEFINE_FINAL_TYPE (StyrSync, styr_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_N_PENDING,
  PROP_LAST_SYNC,
  PROP_PROGRESS,
  PROP_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shared_clear (Shared *shared)
{
  g_weak_ref_clear (&shared->owner);
  g_main_context_unref (shared->context);
  g_free (shared->path);
  g_free (shared->server);
  g_free (shared->database);
  g_free (shared->user);
  g_mutex_clear (&shared->lock);
  g_cond_clear (&shared->cond);
  g_clear_object (&shared->stop);
  g_clear_object (&shared->wait);
}

static void
shared_unref (Shared *shared)
{
  g_atomic_rc_box_release_full (shared, (GDestroyNotify) shared_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Shared, shared_unref)

/* What the worker tells the object, in the object's thread. */
typedef enum
{
  POST_RUNNING,
  POST_PROGRESS,
  POST_DONE,
  POST_FAILED,
} PostKind;

typedef struct
{
  Shared   *shared;
  PostKind  kind;
  guint     number;
  char     *message;
} Post;

static void
post_free (Post *post)
{
  shared_unref (post->shared);
  g_free (post->message);
  g_free (post);
}

static void
set_state (StyrSync      *self,
           StyrSyncState  state,
           const char    *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
refresh_pending (StyrSync *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) conflicted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) flipped = NULL;
  g_autoptr(GHashTable) now = NULL;
  g_auto(GStrv) marks = NULL;
  GHashTableIter iter;
  gpointer id;

  if (self->local == NULL)
    return;
  ids = styr_replicator_list_pending (self->local, &error);
  if (ids == NULL)
    {
      g_warning ("Could not count the changes waiting: %s", error->message);
      return;
    }

  /* What the server confirmed, or what waits anew, loses or gets its
   * mark in the lists. */
  flipped = g_strv_builder_new ();
  now = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ids->len; i++)
    {
      g_hash_table_add (now, g_ptr_array_index (ids, i));
      if (!g_hash_table_contains (self->pending, g_ptr_array_index (ids, i)))
        g_strv_builder_add (flipped, g_ptr_array_index (ids, i));
    }
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (now, id))
      g_strv_builder_add (flipped, id);
  marks = g_strv_builder_end (flipped);

  g_hash_table_remove_all (self->pending);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->pending, g_strdup (g_ptr_array_index (ids, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  styr_store_announce_sync_marks (self->store, (const char * const *) marks);

  /* A conflict resolved here ends before the next pass confirms it. */
  conflicted = styr_store_list_conflicted (self->store, NULL, NULL);
  if (conflicted != NULL && conflicted->len != self->conflicts)
    {
      self->conflicts = conflicted->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
    }
}

/* Lets the window's lists see what the worker wrote. */
static void
notice (StyrSync *self)
{
  g_autoptr(GError) error = NULL;
  gint64 seen;

  self->noticing = TRUE;
  seen = styr_store_notice_changes (self->store, self->seen_seq, &error);
  self->noticing = FALSE;
  if (seen < 0)
    g_warning ("Could not read what sync changed: %s", error->message);
  else
    self->seen_seq = seen;
  self->last_notice = g_get_monotonic_time ();
}

static gboolean
apply_post (gpointer user_data)
{
  Post *post = user_data;
  g_autoptr(StyrSync) self = g_weak_ref_get (&post->shared->owner);

  /* A report from a worker that has been replaced is stale. */
  if (self == NULL || self->shared != post->shared)
    return G_SOURCE_REMOVE;

  switch (post->kind)
    {
    case POST_RUNNING:
      self->progress = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
      set_state (self, STYR_SYNC_RUNNING, self->message);
      break;

    case POST_PROGRESS:
      self->progress = post->number;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
      /* A long pull shows up in the lists as it goes, but reloading them
       * for every batch would cost more than the pull. */
      if (g_get_monotonic_time () - self->last_notice > G_USEC_PER_SEC)
        notice (self);
      break;

    case POST_DONE:
      g_clear_pointer (&self->last_sync, g_date_time_unref);
      self->last_sync = g_date_time_new_now_local ();
      self->conflicts = post->number;
      /* The lists redraw on the notice, by then without the marks of what
       * the server confirmed. */
      refresh_pending (self);
      notice (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
      set_state (self, STYR_SYNC_IDLE, post->message);
      break;

    case POST_FAILED:
      refresh_pending (self);
      notice (self);
      set_state (self, STYR_SYNC_FAILED, post->message);
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

static void
post (Shared     *shared,
      PostKind    kind,
      guint       number,
      const char *message)
{
  Post *post = g_new0 (Post, 1);
  g_autoptr(GSource) source = NULL;

  post->shared = g_atomic_rc_box_acquire (shared);
  post->kind = kind;
  post->number = number;
  post->message = g_strdup (message);
  /* Always through the owner's main loop: g_main_context_invoke() would
   * run it here, in the worker, whenever that loop is not running, and the
   * owner's store connection is not this thread's to use. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, apply_post, post, (GDestroyNotify) post_free);
  g_source_attach (source, shared->context);
}

static void
progress_cb (StyrReplicator *replicator,
             const char     *direction,
             guint           done,
             Shared         *shared)
{
  post (shared, POST_PROGRESS, done, NULL);
}

/* Sleeps until @seconds pass, a local change or "Sync Now" wakes it, or
 * sync stops. */
static void
sleep_for (Shared *shared,
           guint   seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  g_mutex_lock (&shared->lock);
  while (!shared->kicked && !g_cancellable_is_cancelled (shared->stop))
    if (!g_cond_wait_until (&shared->cond, &shared->lock, end))
      break;
  shared->kicked = FALSE;
  g_mutex_unlock (&shared->lock);
}

/* Waits for the server's next change; a local change cuts it short. A
 * long poll that times out with nothing new is simply asked again. */
static gboolean
wait_for_server (Shared          *shared,
                 StyrReplicator  *replicator,
                 GError         **error)
{
  for (;;)
    {
      g_autoptr(GCancellable) wait = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean changed = FALSE;
      gboolean kicked;

      g_mutex_lock (&shared->lock);
      if (shared->kicked || g_cancellable_is_cancelled (shared->stop))
        {
          shared->kicked = FALSE;
          g_mutex_unlock (&shared->lock);
          return TRUE;
        }
      wait = g_cancellable_new ();
      g_set_object (&shared->wait, wait);
      g_mutex_unlock (&shared->lock);

      styr_replicator_wait_for_changes (replicator, WAIT_SECONDS, &changed, wait, &local_error);

      g_mutex_lock (&shared->lock);
      g_clear_object (&shared->wait);
      kicked = shared->kicked;
      shared->kicked = FALSE;
      g_mutex_unlock (&shared->lock);

      if (local_error != NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (changed || kicked || local_error != NULL)
        return TRUE;
    }
}

/* What the button names after a pass that completed: the documents from
 * the server that could not be stored, and a change the server refused. */
static char *
pass_problems (StyrReplicator *replicator,
               StyrSyncResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (result->skipped > 0)
    {
      g_autofree char *names =
        g_strjoinv ("\n", (char **) styr_replicator_get_skipped (replicator));

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u document from the server could not be stored "
                                           "here; it stays on the server:\n%s",
                                           "%u documents from the server could not be stored "
                                           "here; they stay on the server:\n%s",
                                           result->skipped),
                              result->skipped, names);
    }
  if (result->refused > 0)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                            styr_replicator_get_refusal (replicator));

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static gpointer
worker (gpointer data)
{
  g_autoptr(Shared) shared = data;
  g_autoptr(StyrStore) store = NULL;
  g_autoptr(StyrReplicator) replicator = NULL;
  g_autoptr(GError) error = NULL;
  guint backoff = 0;

  while (replicator == NULL && !g_cancellable_is_cancelled (shared->stop))
    {
      g_autofree char *password = NULL;

      if (store == NULL)
        store = styr_store_new (shared->path, &error);
      if (store != NULL && shared->user[0] != '\0')
        password = styr_secret_lookup (shared->server, shared->user, shared->stop, &error);
      if (store != NULL && error == NULL)
        replicator = styr_replicator_new (store, shared->server, shared->database,
                                          shared->user[0] != '\0' ? shared->user : NULL,
                                          password, &error);
      if (replicator == NULL)
        {
          if (g_cancellable_is_cancelled (shared->stop))
            break;
          post (shared, POST_FAILED, 0, error != NULL ? error->message : NULL);
          g_clear_error (&error);
          sleep_for (shared, REFUSED_BACKOFF);
        }
    }

  if (replicator != NULL)
    g_signal_connect (replicator, "progress", G_CALLBACK (progress_cb), shared);

  while (replicator != NULL && !g_cancellable_is_cancelled (shared->stop))
    {
      StyrSyncResult result = { 0 };

      post (shared, POST_RUNNING, 0, NULL);
      if (styr_replicator_sync (replicator, &result, shared->stop, &error))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autofree char *iso = g_date_time_format_iso8601 (now);

          g_autofree char *key = last_sync_key (shared->server, shared->database);

          styr_store_set_setting (store, key, iso, NULL);
          g_autofree char *problems = pass_problems (replicator, &result);

          styr_replicator_confirm_pending (replicator, NULL);
          post (shared, POST_DONE, result.conflicts, problems);
          backoff = 0;
          if (wait_for_server (shared, replicator, &error))
            continue;
        }

      if (g_cancellable_is_cancelled (shared->stop))
        break;
      /* Whatever went out before the failure is confirmed all the same. */
      styr_replicator_confirm_pending (replicator, NULL);
      post (shared, POST_FAILED, 0, error->message);
      backoff = g_error_matches (error, STYR_REPLICATOR_ERROR, STYR_REPLICATOR_ERROR_UNAUTHORIZED)
                ? REFUSED_BACKOFF : CLAMP (backoff * 2, FIRST_BACKOFF, MAX_BACKOFF);
      g_clear_error (&error);
      sleep_for (shared, backoff);
    }

  return NULL;
}

static void
documents_changed_cb (StyrSync   *self,
                      const char *type,
                      GStrv       ids,
                      StyrStore  *store);

static gboolean
push_soon_cb (gpointer user_data)
{
  StyrSync *self = user_data;

  self->push_source = 0;
  styr_sync_now (self);
  return G_SOURCE_REMOVE;
}

/* A local edit is pending at once, and pushed once the user pauses. */
static void
documents_changed_cb (StyrSync   *self,
                      const char *type,
                      GStrv       ids,
                      StyrStore  *store)
{
  if (self->noticing || self->local == NULL)
    return;

  refresh_pending (self);
  g_clear_handle_id (&self->push_source, g_source_remove);
  self->push_source = g_timeout_add (PUSH_DELAY_MS, push_soon_cb, self);
}

static void
stop_worker (StyrSync *self,
             gboolean  join)
{
  g_clear_handle_id (&self->push_source, g_source_remove);
  if (self->shared != NULL)
    {
      g_mutex_lock (&self->shared->lock);
      g_cancellable_cancel (self->shared->stop);
      if (self->shared->wait != NULL)
        g_cancellable_cancel (self->shared->wait);
      g_cond_broadcast (&self->shared->cond);
      g_mutex_unlock (&self->shared->lock);
      g_clear_pointer (&self->shared, shared_unref);
    }
  /* Every request of the worker is cancelled now, so joining it takes
   * no longer than the batch it may be writing. When settings change it
   * is left to end on its own: it holds its own reference to what it
   * shares, and the window should not wait for it. */
  if (join && self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->thread, g_thread_unref);
  g_clear_object (&self->local);
}

/**
 * styr_sync_stop:
 * @self: a #StyrSync
 *
 * Stops syncing and waits for the worker to end, as on quitting: a pass
 * under way ends between two requests, and what it completed is kept,
 * its checkpoints on both sides included.
 */
void
styr_sync_stop (StyrSync *self)
{
  g_return_if_fail (STYR_IS_SYNC (self));

  stop_worker (self, TRUE);
}

/* Back online: what waits goes out now, not at the next try. */
static void
network_changed_cb (StyrSync *self,
                    gboolean  available)
{
  if (available)
    styr_sync_now (self);
}

static void
styr_sync_dispose (GObject *object)
{
  StyrSync *self = (StyrSync *)object;

  styr_sync_stop (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, documents_changed_cb, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (styr_sync_parent_class)->dispose (object);
}

static void
styr_sync_finalize (GObject *object)
{
  StyrSync *self = (StyrSync *)object;

  g_hash_table_unref (self->pending);
  g_free (self->message);
  g_clear_pointer (&self->last_sync, g_date_time_unref);

  G_OBJECT_CLASS (styr_sync_parent_class)->finalize (object);
}

static void
styr_sync_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  StyrSync *self = STYR_SYNC (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, g_hash_table_size (self->pending));
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_PROGRESS:
      g_value_set_uint (value, self->progress);
      break;
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
styr_sync_class_init (StyrSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = styr_sync_dispose;
  object_class->finalize = styr_sync_finalize;
  object_class->get_property = styr_sync_get_property;

  /* A plain int rather than an enum type: the UI only compares it. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, STYR_SYNC_OFF, STYR_SYNC_FAILED, STYR_SYNC_OFF,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_uint ("progress", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
styr_sync_init (StyrSync *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* When this database last completed a pass with @server's @database. */
static void
load_last_sync (StyrSync   *self,
                const char *server,
                const char *database)
{
  g_autofree char *key = last_sync_key (server, database);
  g_autofree char *last = styr_store_get_setting (self->store, key, NULL);
  g_autoptr(GDateTime) utc = last != NULL ? g_date_time_new_from_iso8601 (last, NULL) : NULL;

  g_clear_pointer (&self->last_sync, g_date_time_unref);
  self->last_sync = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
}

/**
 * styr_sync_new:
 * @store: the store the window works on
 *
 * Returns: (transfer full): a sync that is off until configured
 */
StyrSync *
styr_sync_new (StyrStore *store)
{
  StyrSync *self;

  g_return_val_if_fail (STYR_IS_STORE (store), NULL);

  self = g_object_new (STYR_TYPE_SYNC, NULL);
  self->store = g_object_ref (store);
  self->seen_seq = styr_store_get_update_seq (store, NULL);
  g_signal_connect_object (store, "documents-changed", G_CALLBACK (documents_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * styr_sync_configure:
 * @self: a #StyrSync
 * @server: (nullable): the server's URL; %NULL or "" turns sync off
 * @database: (nullable): the database on it
 * @user: (nullable): the user name; the password comes from the keyring
 *
 * Starts continuous sync with the server, or restarts it after a change
 * of settings.
 */
void
styr_sync_configure (StyrSync   *self,
                     const char *server,
                     const char *database,
                     const char *user)
{
  g_autoptr(GError) error = NULL;
  Shared *shared;

  g_return_if_fail (STYR_IS_SYNC (self));

  stop_worker (self, FALSE);
  if (server == NULL || server[0] == '\0' || database == NULL || database[0] == '\0')
    {
      g_autofree GStrv waited = (GStrv) g_hash_table_get_keys_as_array (self->pending, NULL);

      /* Without sync, nothing waits for a server. */
      styr_store_set_setting (self->store, STYR_STORE_CONFIRMED_KEY, "", NULL);
      styr_store_announce_sync_marks (self->store, (const char * const *) waited);
      g_hash_table_remove_all (self->pending);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
      set_state (self, STYR_SYNC_OFF, NULL);
      return;
    }

  load_last_sync (self, server, database);

  /* Settings that cannot work are said at once, without a thread. */
  self->local = styr_replicator_new (self->store, server, database, NULL, NULL, &error);
  if (self->local == NULL)
    {
      set_state (self, STYR_SYNC_FAILED, error->message);
      return;
    }
  styr_replicator_confirm_pending (self->local, NULL);
  refresh_pending (self);

  shared = g_atomic_rc_box_new0 (Shared);
  g_weak_ref_init (&shared->owner, self);
  shared->context = g_main_context_ref_thread_default ();
  shared->path = g_strdup (styr_store_get_path (self->store));
  shared->server = g_strdup (server);
  shared->database = g_strdup (database);
  shared->user = g_strdup (user != NULL ? user : "");
  g_mutex_init (&shared->lock);
  g_cond_init (&shared->cond);
  shared->stop = g_cancellable_new ();

  self->shared = shared;
  self->thread = g_thread_new ("styr-sync", worker, g_atomic_rc_box_acquire (shared));
  set_state (self, STYR_SYNC_RUNNING, NULL);
}

/**
 * styr_sync_now:
 * @self: a #StyrSync
 *
 * Starts a pass at once: after a local change, or when the user asks.
 */
void
styr_sync_now (StyrSync *self)
{
  g_return_if_fail (STYR_IS_SYNC (self));

  if (self->shared == NULL)
    return;
  g_mutex_lock (&self->shared->lock);
  self->shared->kicked = TRUE;
  if (self->shared->wait != NULL)
    g_cancellable_cancel (self->shared->wait);
  g_cond_broadcast (&self->shared->cond);
  g_mutex_unlock (&self->shared->lock);
}

StyrSyncState
styr_sync_get_state (StyrSync *self)
{
  g_return_val_if_fail (STYR_IS_SYNC (self), STYR_SYNC_OFF);

  return self->state;
}

/**
 * styr_sync_get_message:
 * @self: a #StyrSync
 *
 * Returns: (nullable): why the last pass failed, or, after one that
 *   succeeded, what the server would not take
 */
const char *
styr_sync_get_message (StyrSync *self)
{
  g_return_val_if_fail (STYR_IS_SYNC (self), NULL);

  return self->message;
}

/**
 * styr_sync_get_n_pending:
 * @self: a #StyrSync
 *
 * Returns: how many documents changed here wait for the server
 */
guint
styr_sync_get_n_pending (StyrSync *self)
{
  g_return_val_if_fail (STYR_IS_SYNC (self), 0);

  return g_hash_table_size (self->pending);
}

/**
 * styr_sync_is_pending:
 * @self: a #StyrSync
 * @id: a document id
 *
 * Returns: whether a change to @id here waits for the server
 */
gboolean
styr_sync_is_pending (StyrSync   *self,
                      const char *id)
{
  g_return_val_if_fail (STYR_IS_SYNC (self), FALSE);

  return g_hash_table_contains (self->pending, id);
}

/**
 * styr_sync_get_last_sync:
 * @self: a #StyrSync
 *
 * Returns: (nullable) (transfer none): when a pass last completed
 */
GDateTime *
styr_sync_get_last_sync (StyrSync *self)
{
  g_return_val_if_fail (STYR_IS_SYNC (self), NULL);

  return self->last_sync;
}

/**
 * styr_sync_get_progress:
 * @self: a #StyrSync
 *
 * Returns: revisions moved so far by the pass under way
 */
guint
styr_sync_get_progress (StyrSync *self)
{
  g_return_val_if_fail (STYR_IS_SYNC (self), 0);

  return self->progress;
}

/**
 * styr_sync_get_conflicts:
 * @self: a #StyrSync
 *
 * Returns: documents in conflict after the last pass
 */
guint
styr_sync_get_conflicts (StyrSync *self)
{
  g_return_val_if_fail (STYR_IS_SYNC (self), 0);

  return self->conflicts;
}
