/* fuzz-sync.c: libFuzzer target for the replicator's reading of a
 * server's answers. A server of the target's own on 127.0.0.1 answers
 * _changes, _bulk_get, _revs_diff and _bulk_docs with the parts of the
 * input (split at "\n--\n"), and a real pass both ways runs against it:
 * whatever the answers, the pass ends with a result or an error, and
 * nothing crashes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "couch-helpers.h"
#include "fuzz-store.h"
#include "styr-replicator.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

enum { CHANGES, BULK_GET, REVS_DIFF, BULK_DOCS, N_ANSWERS };

static GMutex lock;
static GBytes *answers[N_ANSWERS];

static void
answer (SoupServerMessage *message,
        GBytes            *bytes)
{
  gsize length = 0;
  const char *text = bytes != NULL ? g_bytes_get_data (bytes, &length) : "{}";

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, text,
                                    bytes != NULL ? length : 2);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  int which = -1;

  if (g_str_has_suffix (path, "/_changes"))
    which = CHANGES;
  else if (g_str_has_suffix (path, "/_bulk_get"))
    which = BULK_GET;
  else if (g_str_has_suffix (path, "/_revs_diff"))
    which = REVS_DIFF;
  else if (g_str_has_suffix (path, "/_bulk_docs"))
    which = BULK_DOCS;
  else if (strstr (path, "/_local/") != NULL)
    {
      /* No checkpoints yet; a checkpoint written is taken. */
      if (soup_server_message_get_method (message) == SOUP_METHOD_PUT)
        answer (message, g_bytes_new_static ("{\"ok\":true,\"rev\":\"0-1\"}", 23));
      else
        soup_server_message_set_status (message, 404, NULL);
      return;
    }
  else
    {
      answer (message, g_bytes_new_static ("{\"db_name\":\"team\",\"update_seq\":\"1\"}", 36));
      return;
    }

  g_mutex_lock (&lock);
  bytes = answers[which] != NULL ? g_bytes_ref (answers[which]) : NULL;
  g_mutex_unlock (&lock);
  answer (message, bytes);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static LocalServer *local;
  StyrStore *store = fuzz_store ();
  g_autoptr(StyrReplicator) replicator = NULL;
  g_autoptr(GError) error = NULL;
  StyrSyncResult result = { 0 };
  const char *start = (const char *) data;
  const char *end = start + size;

  if (local == NULL)
    local = local_server_start (server_cb, NULL);

  g_mutex_lock (&lock);
  for (guint i = 0; i < N_ANSWERS; i++)
    {
      const char *next = start < end ? g_strstr_len (start, end - start, "\n--\n") : NULL;
      const char *stop = next != NULL ? next : end;

      g_clear_pointer (&answers[i], g_bytes_unref);
      if (start < end)
        answers[i] = g_bytes_new (start, stop - start);
      start = next != NULL ? next + 4 : end;
    }
  g_mutex_unlock (&lock);

  replicator = styr_replicator_new (store, local->url, "team", NULL, NULL, &error);
  g_assert (replicator != NULL);
  styr_replicator_set_timeout (replicator, 5);
  if (!styr_replicator_sync (replicator, &result, NULL, &error))
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));

  return 0;
}
