import { afterAll, describe, expect, it } from '@jest/globals';
import { monteCarloWhen } from '@bearing/metrics';
import type { forecastWhen } from '../../delivery/forecast.worker.js';
import { WorkerPool, workerTask } from './worker-pool.js';

const whenTask = workerTask<typeof forecastWhen>(
  new URL('../../delivery/forecast.worker.js', import.meta.url),
  'forecastWhen',
);

describe('WorkerPool', () => {
  const pool = new WorkerPool();
  afterAll(() => pool.onApplicationShutdown());

  it('runs a worker module from the TypeScript sources under Jest, with plain data back', async () => {
    const options = { samples: [0, 1, 2, 3], remaining: 20, trials: 2000, seed: 7 };
    const result = await pool.run(whenTask, options);
    expect(result).toEqual(monteCarloWhen(options));
  });

  it('rejects with the error a task throws', async () => {
    await expect(pool.run(whenTask, { samples: [0], remaining: 1, seed: 1 })).rejects.toThrow(
      'samples are all zero',
    );
  });
});
