import { describe, expect, it } from '@jest/globals';
import { type RestartPolicy, superviseCluster } from './cluster-supervisor.js';
import type { ClusterExit, RunningCluster } from './postgres-cluster.js';

/** A stand-in for a postgres process: `die()` ends it as a crash would. */
type FakeCluster = RunningCluster & { die(exit?: ClusterExit): void; stopped: boolean };

let nextPid = 100;
function fakeCluster(): FakeCluster {
  let end: (exit: ClusterExit) => void = () => undefined;
  const exited = new Promise<ClusterExit>((resolve) => (end = resolve));
  const cluster: FakeCluster = {
    pid: nextPid++,
    exited,
    stopped: false,
    die: (exit = { code: null, signal: 'SIGKILL' }) => end(exit),
    stop: () => {
      cluster.stopped = true;
      end({ code: 0, signal: null });
      return Promise.resolve();
    },
  };
  return cluster;
}

const FAST: RestartPolicy = { firstDelayMs: 5, maxRestarts: 5, windowMs: 60_000 };

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function setUp(restart: () => Promise<RunningCluster>, policy = FAST, now?: () => number) {
  const lines: string[] = [];
  const giveUps: string[] = [];
  const first = fakeCluster();
  const supervisor = superviseCluster({
    cluster: first,
    restart,
    log: (line) => lines.push(line),
    onGiveUp: (line) => giveUps.push(line),
    policy,
    ...(now ? { now } : {}),
  });
  return { first, supervisor, lines, giveUps };
}

describe('superviseCluster', () => {
  it('restarts a server that died, logging the death and the restart in one line each', async () => {
    const restarted = fakeCluster();
    const { first, supervisor, lines } = setUp(() => Promise.resolve(restarted));
    first.die();
    await until(() => supervisor.state === 'running' && lines.length === 2);
    expect(lines[0]).toMatch(/\(pid \d+\) was killed by SIGKILL; restarting it in 5 ms\.$/);
    expect(lines[1]).toMatch(new RegExp(`restarted \\(pid ${restarted.pid}\\)`));
    await supervisor.stop();
    expect(restarted.stopped).toBe(true);
  });

  it('does not restart a server that stop() ended', async () => {
    let restarts = 0;
    const { first, supervisor, lines } = setUp(() => {
      restarts++;
      return Promise.resolve(fakeCluster());
    });
    await supervisor.stop();
    expect(first.stopped).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(restarts).toBe(0);
    expect(lines).toEqual([]);
    expect(supervisor.state).toBe('stopped');
  });

  it('doubles the delay after each failed attempt and gives up after five within the window', async () => {
    let attempts = 0;
    const { first, supervisor, lines, giveUps } = setUp(() => {
      attempts++;
      return Promise.reject(new Error('FATAL: data directory\nhas invalid permissions'));
    });
    first.die({ code: 1, signal: null });
    await until(() => supervisor.state === 'failed');
    expect(attempts).toBe(5);
    expect(lines.map((line) => /in (\d+) ms/.exec(line)?.[1])).toEqual([
      '5',
      '10',
      '20',
      '40',
      '80',
    ]);
    expect(lines[0]).toMatch(/exited with code 1/);
    expect(lines[1]).toMatch(/did not restart \(FATAL: data directory has invalid permissions\)/);
    expect(giveUps).toHaveLength(1);
    expect(giveUps[0]).toMatch(/needed 5 restarts within 1 minutes/);
    expect(giveUps[0]).not.toContain('\n');
  });

  it('forgets restarts older than the window', async () => {
    let clock = 0;
    const clusters: FakeCluster[] = [];
    const { first, supervisor, giveUps } = setUp(
      () => {
        const cluster = fakeCluster();
        clusters.push(cluster);
        return Promise.resolve(cluster);
      },
      FAST,
      () => clock,
    );
    // Seven deaths, each a window apart: every one is the first in its window.
    let dying: FakeCluster = first;
    for (let death = 1; death <= 7; death++) {
      dying.die();
      await until(() => clusters.length === death && supervisor.state === 'running');
      dying = clusters[death - 1] as FakeCluster;
      clock += FAST.windowMs;
    }
    expect(giveUps).toEqual([]);
    await supervisor.stop();
  });

  it('stops a server whose restart was under way when stop() was called', async () => {
    let finishStart: (cluster: RunningCluster) => void = () => undefined;
    const late = fakeCluster();
    const { first, supervisor } = setUp(
      () => new Promise<RunningCluster>((resolve) => (finishStart = resolve)),
    );
    first.die();
    await until(() => supervisor.state === 'restarting');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopping = supervisor.stop();
    finishStart(late);
    await stopping;
    expect(late.stopped).toBe(true);
  });
});
