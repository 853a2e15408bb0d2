/**
 * The V8 heap budget of the server process, passed to Node by every production start-up
 * (`npm start`, the Docker image's command, `npm run dev`) and by the benchmarks, which measure
 * the server as it runs (bench/support/built-app.mjs):
 * `node --max-heap-size=1024 apps/api/dist/main.js`.
 *
 * Without it V8 sizes its heap from the host's memory, not from what Bearing needs: on a 24 GB
 * host a 4.2 GB limit, 64 MB semi-spaces (a young generation of 128 MB, resident once used) and
 * an old generation left to grow to about 4.6 times what the last full collection kept before
 * it collects again. Most of a 20,000-issue Jira sync's peak RSS (560–610 MB) was that: garbage
 * V8 had no reason to collect yet. Within 1 GB, V8 sizes itself as in a small container: 32 MB
 * semi-spaces, and full collections once the old generation reaches about 1.6 times its live
 * size (the same sync peaks at about 350 MB, as fast). The server's live heap stays far below
 * the budget (about 80 MB after syncing 40,000 issues); the worker threads have limits of their
 * own (common/worker-pool).
 */
export const HEAP_BUDGET_FLAGS: readonly string[] = ['--max-heap-size=1024'];

/**
 * glibc malloc settings of the server process, in the environment every production start-up
 * gives it (the same launchers as `HEAP_BUDGET_FLAGS`; glibc reads them when the process
 * starts, so they cannot be set from inside it). Memory outside V8's heap — upload chunks,
 * compression buffers, the structured clone that carries a read Jira export from its worker
 * thread — is malloc'd. By default glibc raises its mmap threshold each time such a large
 * block is freed (up to 32 MB), so later large blocks come from heaps that keep freed memory
 * instead of going back to the system: RSS ratcheted up 30–60 MB with each 20,000-issue import
 * run right after another. A fixed 128 kB threshold (the default's starting value) keeps every
 * large block mapped on its own and returned when freed: `bench/import.bench.mjs` peaked at
 * 480–487 MB through a re-import instead of 516–555 MB, with import times within noise.
 * Ignored where the C library is not glibc.
 */
export const MALLOC_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '131072',
};
