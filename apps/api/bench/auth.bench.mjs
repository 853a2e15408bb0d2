// Authentication benchmark: does an answer's timing tell whether an email has an account? For a
// password-reset request and for a failed sign-in, the median time of a known email over the
// median of an unknown one, measured against the BUILT app in ../dist on an embedded PostgreSQL
// started here. Both paths do one argon2 verification (a decoy hash for unknown emails), which
// dominates; the known path also writes its rows. The ratios are reported, not asserted: what a
// ratio near 1 means depends on the machine's noise, so it is a figure to watch, not a gate.
import { performance } from 'node:perf_hooks';
import { load, startBenchDatabase } from './support/built-app.mjs';

const ROUNDS = Number(process.env.BENCH_AUTH_ROUNDS ?? 40);

const [{ createApp }, { insertUser }, { hashPassword }] = await Promise.all([
  load('create-app.js'),
  load('accounts/user.repository.js'),
  load('common/secrets/password.js'),
]);

const { work, dataSource, stop } = await startBenchDatabase('auth');
let app;
try {
  const config = {
    port: 0,
    databaseUrl: undefined,
    dataDir: work,
    adminEmail: undefined,
    adminPassword: undefined,
    demo: false,
    logLevel: 'silent',
    role: 'web',
    publicUrl: 'http://localhost',
    secretKey: Buffer.alloc(32, 7),
    trustProxy: ['loopback'],
    requireMfa: 'off',
  };
  app = await createApp(config, dataSource);
  await app.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${app.getHttpServer().address().port}`;

  const passwordHash = await hashPassword('quokka lantern fjord 1897');
  const known = [];
  for (let index = 0; index < ROUNDS; index++) {
    const email = `known-${index}@bench.test`;
    await insertUser(dataSource.manager, { email, displayName: `Known ${index}`, passwordHash });
    known.push(email);
  }
  const unknown = known.map((_, index) => `nobody-${index}@bench.test`);

  // Each request comes from its own address (the proxy header is trusted from loopback), so the
  // per-address limits measure nothing here; each email is asked once, so neither do the
  // per-email ones.
  let address = 0;
  const post = async (route, body) => {
    address++;
    const started = performance.now();
    const response = await fetch(`${origin}${route}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: origin,
        'X-Forwarded-For': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
      },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  };

  const cases = [
    ['password reset request', '/api/auth/password-reset', (email) => ({ email }), 202],
    [
      'failed sign-in',
      '/api/auth/sign-in',
      (email) => ({ email, password: 'not the password at all' }),
      401,
    ],
  ];
  console.log(`Authentication: known ÷ unknown email, median of ${ROUNDS} each (interleaved)`);
  for (const [name, route, body, expected] of cases) {
    const times = { known: [], unknown: [] };
    // Warm-up: the decoy hash, the JIT, the connection pool.
    await post(route, body('warm-up@bench.test'));
    for (let index = 0; index < ROUNDS; index++) {
      for (const [kind, emails] of [
        ['known', known],
        ['unknown', unknown],
      ]) {
        const { ms, status } = await post(route, body(emails[index]));
        if (status !== expected) throw new Error(`${name}: answered ${status}, not ${expected}`);
        times[kind].push(ms);
      }
    }
    const knownMs = median(times.known);
    const unknownMs = median(times.unknown);
    console.log(
      `  ${name.padEnd(24)} known ${knownMs.toFixed(1).padStart(7)} ms   unknown ${unknownMs
        .toFixed(1)
        .padStart(7)} ms   ratio ${(knownMs / unknownMs).toFixed(2)}`,
    );
  }
} finally {
  if (app) await app.close();
  await stop();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
