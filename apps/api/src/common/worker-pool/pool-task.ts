import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Wraps a function as a task of the worker pool that leaves much garbage behind (reading a
 * whole upload): once its result has been handed back, the thread collects that garbage. An
 * idle thread allocates nothing, so V8 would otherwise keep it — 100 MB and more after a big
 * Jira export — until the thread's next task, in every thread of the pool.
 */
export function poolTask<Input, Output>(
  run: (input: Input) => Promise<Output>,
): (input: Input) => Promise<Output> {
  return async (input) => {
    try {
      return await run(input);
    } finally {
      // After the pool has sent the result (a macrotask runs after its microtasks).
      setImmediate(collectGarbage);
    }
  };
}

let gc: (() => void) | undefined;

/** A full collection; `gc` exists once `--expose-gc` is set, in contexts made after that. */
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
