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
};

const char * const *
_styr_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
