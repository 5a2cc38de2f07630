/* styr-migrations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "styr-migrations.h"

/* Each step takes the schema from user_version N to N + 1 and runs in its
 * own transaction (see styr-store.c). Steps are never edited once released:
 * a change to the schema is a new step, with a fixture test that upgrades a
 * database of the previous version.
 */
static const char * const migrations[] = {
  /* 1: the document store. "documents" holds the winning revision of each
   * document, "revisions" the revision tree (CouchDB style, tombstones
   * included), "changes" the local change sequence that sync and models
   * read from.
   */
  "CREATE TABLE documents ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  type TEXT NOT NULL,"
  "  rev TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  conflicted INTEGER NOT NULL DEFAULT 0 CHECK (conflicted IN (0, 1)),"
  "  seq INTEGER NOT NULL,"
  "  body TEXT NOT NULL CHECK (json_valid (body))"
  ") STRICT;"
  "CREATE INDEX documents_by_type ON documents (type, deleted, id);"
  "CREATE INDEX documents_by_seq ON documents (seq);"
  "CREATE TABLE revisions ("
  "  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  rev TEXT NOT NULL,"
  "  parent TEXT,"
  "  generation INTEGER NOT NULL CHECK (generation > 0),"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  leaf INTEGER NOT NULL DEFAULT 1 CHECK (leaf IN (0, 1)),"
  "  body TEXT CHECK (body IS NULL OR json_valid (body)),"
  "  author TEXT,"
  "  created_at TEXT NOT NULL,"
  "  PRIMARY KEY (doc_id, rev)"
  ") STRICT;"
  "CREATE INDEX revisions_leaves ON revisions (doc_id) WHERE leaf = 1;"
  "CREATE TABLE changes ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  doc_id TEXT NOT NULL,"
  "  rev TEXT NOT NULL,"
  "  origin TEXT NOT NULL,"
  "  changed_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX changes_by_doc ON changes (doc_id);"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") STRICT;",

  /* 2: indexes for the lookups the pages make for every row: the
   * municipality's own state of a task, checklist item or meeting, the
   * items of a checklist, and who holds a role. They are partial, so each
   * covers only its own type. */
  "CREATE INDEX documents_task_state_task ON documents (json_extract (body, '$.task')) "
  "  WHERE type = 'task-state';"
  "CREATE INDEX documents_item_state_item ON documents (json_extract (body, '$.item')) "
  "  WHERE type = 'checklist-item-state';"
  "CREATE INDEX documents_meeting_state_meeting ON documents (json_extract (body, '$.meeting')) "
  "  WHERE type = 'meeting-state';"
  "CREATE INDEX documents_checklist_item_checklist "
  "  ON documents (json_extract (body, '$.checklist')) WHERE type = 'checklist-item';"
  "CREATE INDEX documents_assignment_role ON documents (json_extract (body, '$.role')) "
  "  WHERE type = 'assignment';"
  "CREATE INDEX documents_assignment_holder ON documents (json_extract (body, '$.holder')) "
  "  WHERE type = 'assignment';"
  "CREATE INDEX documents_conflicted ON documents (type) WHERE conflicted = 1;",

  /* 3: the agreement register opens sorted by using system and offers its
   * suppliers as a filter. Without these, both read every agreement's
   * body; with 100 000 agreements that held the first frame for 0.7 s. */
  "CREATE INDEX documents_agreement_using_system "
  "  ON documents (json_extract (body, '$.using_system') COLLATE NOCASE, id) "
  "  WHERE type = 'agreement' AND deleted = 0;"
  "CREATE INDEX documents_agreement_supplier ON documents (json_extract (body, '$.supplier')) "
  "  WHERE type = 'agreement' AND deleted = 0 AND json_type (body, '$.supplier') = 'text';",

  /* 4: the KLIK tasks page lists its projects and opens one list per
   * project; without this each of them reads every task's body. */
  ("CREATE INDEX documents_task_project ON documents (json_extract (body, '$.project')) "
   "  WHERE type = 'task' AND deleted = 0;"),
};

const char * const *
_styr_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
