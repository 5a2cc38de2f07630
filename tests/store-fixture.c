/* store-fixture.c: a real store in a temporary folder, with the bundled
 * catalogue imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "store-fixture.h"
#include "styr-catalogue.h"

void
store_fixture_setup (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrCatalogue) catalogue = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("styr-test-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "styr.db", NULL);
  fixture->store = styr_store_new (path, &error);
  g_assert_no_error (error);
  catalogue = styr_catalogue_new_bundled (&error);
  g_assert_no_error (error);
  g_assert_true (styr_catalogue_import (catalogue, fixture->store, NULL, &error));
  g_assert_no_error (error);
}

void
store_fixture_teardown (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* A meeting of the catalogue, which the test knows is there. */
StyrMeeting *
store_fixture_load_meeting (Fixture    *fixture,
                            const char *id)
{
  g_autoptr(JsonObject) body = styr_store_get (fixture->store, id, NULL, NULL);

  g_assert_nonnull (body);
  return STYR_MEETING (styr_record_load (id, NULL, body));
}
