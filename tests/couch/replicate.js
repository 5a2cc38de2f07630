// PouchDB's own replicator pulling a database, for Styr's sync benchmark
// to measure itself against: `node replicate.js http://127.0.0.1:PORT/db`
// replicates that database into a fresh in-memory PouchDB and prints
// {"ms": <replication only>, "docs": <documents written>, "doc_count": <in the copy>}.
//
// SPDX-License-Identifier: GPL-3.0-or-later

'use strict';

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-replication'));

async function main() {
  const source = process.argv[2];

  if (!source) {
    process.stderr.write('usage: node replicate.js http://127.0.0.1:PORT/DATABASE\n');
    process.exit(2);
  }

  const remote = new PouchDB(source);
  const local = new PouchDB(`bench-${process.pid}`, { adapter: 'memory' });

  // Only the replication is timed, not starting node or opening the
  // databases; the default batch size, as an application would use it.
  const start = process.hrtime.bigint();
  const result = await PouchDB.replicate(remote, local);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const info = await local.info();

  process.stdout.write(JSON.stringify({ ms, docs: result.docs_written, doc_count: info.doc_count }) + '\n');
}

main().catch(error => {
  process.stderr.write(`replication failed: ${error.stack || error}\n`);
  process.exit(1);
});
