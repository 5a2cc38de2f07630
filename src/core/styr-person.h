/* styr-person.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "styr-record.h"

G_BEGIN_DECLS

#define STYR_TYPE_PERSON (styr_person_get_type ())

G_DECLARE_FINAL_TYPE (StyrPerson, styr_person, STYR, PERSON, StyrRecord)

const char * styr_person_get_name   (StyrPerson *self);
const char * styr_person_get_email  (StyrPerson *self);
const char * styr_person_get_unit   (StyrPerson *self);
gboolean     styr_person_get_active (StyrPerson *self);

G_END_DECLS
