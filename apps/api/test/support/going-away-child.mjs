// A process that holds a pg client with no 'error' listener — as pg-boss leaves its LISTEN
// client while ending it — under the built server's guard (`dist/`, as `npm start` runs it).
// Prints the client's backend pid; once told "check" on stdin, proves it is still alive by
// querying on a new connection, prints "alive" and exits 0.
import { createInterface } from 'node:readline';
import pg from 'pg';
import { surviveServerGoingAway } from '../../dist/database/server-going-away.js';

surviveServerGoingAway((message) => process.stdout.write(`${message}\n`));
const url = process.env.GOING_AWAY_DATABASE_URL;
const bare = new pg.Client({ connectionString: url });
await bare.connect();
const { rows } = await bare.query('SELECT pg_backend_pid() AS pid');
bare.removeAllListeners('error');
process.stdout.write(`pid ${rows[0].pid}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'check') continue;
  const fresh = new pg.Client({ connectionString: url });
  await fresh.connect();
  await fresh.query('SELECT 1');
  await fresh.end();
  process.stdout.write('alive\n');
  process.exit(0);
}
