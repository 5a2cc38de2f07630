/* fuzz-store.c: one real store for a whole fuzzing run, in a temporary
 * folder, with agreements for rows to match by ID, by system, supplier
 * and services, by period, or ambiguously
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-store.h"

static const struct {
  const char *id;
  const char *json;
} agreements[] = {
  { "agreement:a1", "{\"type\":\"agreement\",\"using_system\":\"KMD Sag\",\"supplier\":\"KMD\","
                    "\"services\":[\"SF1520\",\"SF1500\"],\"state\":\"approved\","
                    "\"valid_from\":\"2019-12-01\",\"valid_to\":\"2021-11-30\","
                    "\"usage\":[{\"month\":\"2020-01\",\"service\":\"SF1520\",\"calls\":10}]}" },
  { "agreement:a2", "{\"type\":\"agreement\",\"using_system\":\"Nexus\",\"supplier\":\"S\","
                    "\"services\":[\"SF1520\"],\"state\":\"approved\","
                    "\"valid_from\":\"2019-01-01\",\"valid_to\":\"2020-12-31\"}" },
  { "agreement:a3", "{\"type\":\"agreement\",\"using_system\":\"Nexus\",\"supplier\":\"S\","
                    "\"services\":[\"SF1520\"],\"state\":\"approved\","
                    "\"valid_from\":\"2020-06-01\"}" },
  { "agreement:a4", "{\"type\":\"agreement\",\"using_system\":\"Prisme\","
                    "\"state\":\"requested\",\"review\":{\"answers\":{}}}" },
};

static void
remove_store (void)
{
  g_autofree char *dir = g_strdup (g_getenv ("STYR_FUZZ_DIR"));
  g_autoptr(GDir) listing = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  if (dir != NULL)
    g_rmdir (dir);
}

StyrStore *
fuzz_store (void)
{
  static StyrStore *store;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return store;

  dir = g_dir_make_tmp ("styr-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);
  g_setenv ("STYR_FUZZ_DIR", dir, TRUE);
  atexit (remove_store);

  path = g_build_filename (dir, "styr.db", NULL);
  store = styr_store_new (path, NULL);
  g_assert (store != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (agreements); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (agreements[i].json, NULL);

      g_assert (styr_store_put (store, agreements[i].id, json_node_get_object (node), NULL,
                                "fuzz", NULL, NULL));
    }

  return store;
}
