/* store-fixture.h: a real store in a temporary folder, with the bundled
 * catalogue imported, for the suites that work on the catalogue's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-meeting.h"
#include "styr-store.h"

G_BEGIN_DECLS

typedef struct
{
  char      *dir;
  StyrStore *store;
} Fixture;

void store_fixture_setup    (Fixture       *fixture,
                             gconstpointer  data);
void store_fixture_teardown (Fixture       *fixture,
                             gconstpointer  data);

StyrMeeting *store_fixture_load_meeting (Fixture    *fixture,
                                         const char *id);

G_END_DECLS
