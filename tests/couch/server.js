// A CouchDB-compatible server for Styr's sync tests: PouchDB in memory
// behind express-pouchdb, on 127.0.0.1 and the port in STYR_COUCH_PORT
// (0 picks a free one), with HTTP Basic authentication when
// STYR_COUCH_USER and STYR_COUCH_PASSWORD are set. It prints the port it
// listens on as "listening <port>" once it is ready.
//
// SPDX-License-Identifier: GPL-3.0-or-later

'use strict';

const express = require('express');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication'));

const Memory = PouchDB.defaults({ adapter: 'memory' });
const app = express();
const user = process.env.STYR_COUCH_USER;
const password = process.env.STYR_COUCH_PASSWORD;

if (user) {
  const expected = 'Basic ' + Buffer.from(`${user}:${password || ''}`).toString('base64');

  app.use((request, response, next) => {
    if (request.headers.authorization === expected)
      return next();
    response.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
  });
}

app.use('/', require('express-pouchdb')(Memory, { mode: 'minimumForPouchDB', logPath: '/dev/null' }));

// The test that started the server holds its stdin; when that closes,
// the test is over, however it ended.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

const server = app.listen(Number(process.env.STYR_COUCH_PORT || 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
