import { availableParallelism } from 'node:os';
import type { TransferListItem } from 'node:worker_threads';
import { HttpStatus, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { PROBLEM_TYPE_BASE, ProblemException } from '../problem/problem.js';

/**
 * Threads of the pool: the cores left once the HTTP thread has one, at most 4 (CPU-heavy
 * requests are rare; a bigger pool would only hold more memory) — but at least 2, so that a
 * long task (reading a big Jira export takes seconds) never makes a small one, such as a bad
 * CSV to refuse or a forecast, wait behind it. The threads run niced, so on a 2-core machine
 * they still leave the HTTP thread its core.
 */
export const WORKER_THREADS = Math.min(4, Math.max(2, availableParallelism() - 1));

/** Tasks waiting for a thread beyond this are refused with a 503 rather than queued forever. */
export const MAX_QUEUED_TASKS = 32;

/**
 * Worker threads run below the HTTP thread's CPU priority (nice(2), on Linux), so a busy pool
 * slows itself, not the requests.
 */
const NICE_INCREMENT = 10;

/** Idle threads above one are ended after this long, giving back their memory. */
const IDLE_TIMEOUT_MS = 30_000;

/**
 * Heap limits of a thread. A small young generation makes V8 collect the garbage of parsing
 * (a Jira export is parsed issue by issue) early instead of letting a thread's heap swell by
 * hundreds of MB; the old generation holds what a task keeps — the `ImportFile` of the 55 MB
 * export of `bench/import.bench.mjs` is 32 MB, and uploads are capped at 60 MB. A task that
 * needs more fails alone (ERR_WORKER_OUT_OF_MEMORY), and the server lives on.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 384 };

/**
 * When this module runs from its TypeScript sources (under Jest, which compiles them with swc
 * in the main thread only), worker threads run the sources too, through the hooks of
 * `typescript-sources.mjs` — so tests never run a stale build. From `tsc` output (`dist/`) the
 * workers load the compiled `.js` next to this module, as in production.
 */
const RUNS_FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * A function exported by a worker module (`*.worker.ts`), as the pool calls it: one argument of
 * plain data in, plain data (or a promise of it) out — both cross the thread boundary by
 * structured clone, so no class instances, and expected failures are returned as data (a
 * problems list), not thrown.
 */
export type WorkerTask<Input, Output> = {
  readonly filename: string;
  readonly name: string;
  /** Carries the types only. */
  readonly signature?: (input: Input) => Output;
};

/**
 * Names the export `name` of the worker module at `module` (a URL next to the caller:
 * `new URL('./points-parse.worker.js', import.meta.url)`), typed by the function itself:
 * `workerTask<typeof parsePointsUpload>(…)` with a type-only import, so the main thread never
 * loads the worker module.
 */
export function workerTask<Run extends (input: never) => unknown>(
  module: URL,
  name: string,
): WorkerTask<Parameters<Run>[0], Awaited<ReturnType<Run>>> {
  const url = RUNS_FROM_SOURCES ? module.href.replace(/\.js$/, '.ts') : module.href;
  return { filename: url, name };
}

/**
 * The one pool of worker threads (piscina) for CPU-heavy pure work: parsing and checking
 * uploads, Monte Carlo forecasts. The HTTP thread streams an upload to disk and awaits `run`,
 * so a big or hostile file never stalls other requests. Threads start on first use.
 */
@Injectable()
export class WorkerPool implements OnApplicationShutdown {
  private pool: Piscina | undefined;
  private inFlight = 0;

  /** Tasks running or queued now. */
  get tasksInFlight(): number {
    return this.inFlight;
  }

  /**
   * Runs `task` on a worker thread; a full queue is a 503 with `Retry-After`. `transferList`:
   * objects of `input` moved to the thread rather than copied (a `MessagePort` must be).
   */
  async run<Input, Output>(
    task: WorkerTask<Input, Output>,
    input: Input,
    transferList?: TransferListItem[],
  ): Promise<Output> {
    const pool = (this.pool ??= createPool());
    if (pool.queueSize >= MAX_QUEUED_TASKS) throw busy();
    this.inFlight++;
    try {
      return (await pool.run(input, {
        filename: task.filename,
        name: task.name,
        ...(transferList ? { transferList } : {}),
      })) as Output;
    } finally {
      this.inFlight--;
    }
  }

  /** Last in Nest's shutdown, after services (imports) have let their work finish. */
  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}

function createPool(): Piscina {
  return new Piscina({
    minThreads: 1,
    maxThreads: WORKER_THREADS,
    maxQueue: MAX_QUEUED_TASKS,
    idleTimeout: IDLE_TIMEOUT_MS,
    niceIncrement: NICE_INCREMENT,
    resourceLimits: RESOURCE_LIMITS,
    // Tasks read files with streams: a thread waiting for its next task keeps its event loop.
    atomics: 'disabled',
    ...(RUNS_FROM_SOURCES
      ? {
          execArgv: [
            ...process.execArgv,
            '--import',
            new URL('./typescript-sources.mjs', import.meta.url).href,
          ],
        }
      : {}),
  });
}

function busy(): ProblemException {
  return new ProblemException(
    {
      type: `${PROBLEM_TYPE_BASE}busy`,
      title: 'Service Unavailable',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: 'The server is busy reading other uploads; try again in a few seconds.',
    },
    { 'Retry-After': '5' },
  );
}
