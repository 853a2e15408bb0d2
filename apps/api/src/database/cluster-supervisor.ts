import type { ClusterExit, RunningCluster } from './postgres-cluster.js';

/**
 * When to restart a PostgreSQL that died on its own, and when to stop trying: the first restart
 * waits `firstDelayMs`, each further one within the window twice as long as the one before
 * (0.5 s, 1 s, 2 s, 4 s, 8 s); a server that needs more than `maxRestarts` restarts within
 * `windowMs` is beyond repair from inside the process.
 */
export type RestartPolicy = { firstDelayMs: number; maxRestarts: number; windowMs: number };

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 500,
  maxRestarts: 5,
  windowMs: 5 * 60_000,
};

/**
 * `running`: the server is up. `restarting`: it died and a restart is pending or under way.
 * `failed`: the policy gave up. `stopped`: `stop()` was called; nothing is restarted any more.
 */
export type SupervisorState = 'running' | 'restarting' | 'failed' | 'stopped';

export type ClusterSupervisor = {
  readonly state: SupervisorState;
  /** Stops the server (also one still starting) and any restart still to come. */
  stop(): Promise<void>;
};

export type SuperviseOptions = {
  cluster: RunningCluster;
  /** Starts the same cluster again (same data directory, port and password). */
  restart: () => Promise<RunningCluster>;
  /** One line per death, failed attempt and successful restart. */
  log: (message: string) => void;
  /** Called once, with a one-line reason, when the policy gives up. */
  onGiveUp: (message: string) => void;
  policy?: RestartPolicy;
  now?: () => number;
};

/**
 * Keeps an embedded PostgreSQL running: an exit that `stop()` did not ask for (a crash, the OOM
 * killer, a `kill -9`) is followed by a restart after a growing delay. While it is down,
 * requests fail with connection errors that the problem filter answers with 503.
 */
export function superviseCluster(options: SuperviseOptions): ClusterSupervisor {
  const { restart, log, onGiveUp } = options;
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const now = options.now ?? Date.now;
  let state: SupervisorState = 'running';
  let current: RunningCluster | undefined;
  let pendingRestart: NodeJS.Timeout | undefined;
  let starting: Promise<void> | undefined;
  let downSince = 0;
  /** When each restart within the window began, oldest first. */
  const attempts: number[] = [];

  const watch = (cluster: RunningCluster) => {
    current = cluster;
    void cluster.exited.then((exit) => {
      if (current !== cluster || state === 'stopped') return;
      current = undefined;
      downSince = now();
      scheduleRestart(`Embedded PostgreSQL (pid ${cluster.pid}) ${describeExit(exit)}`);
    });
  };

  const scheduleRestart = (what: string) => {
    const at = now();
    while (attempts.length > 0 && at - (attempts[0] ?? at) >= policy.windowMs) attempts.shift();
    if (attempts.length >= policy.maxRestarts) {
      state = 'failed';
      const minutes = Math.round(policy.windowMs / 60_000);
      onGiveUp(
        `${what}; it needed ${attempts.length} restarts within ${minutes} minutes, so Bearing ` +
          'gives up and exits for its supervisor to restart it.',
      );
      return;
    }
    state = 'restarting';
    const delay = policy.firstDelayMs * 2 ** attempts.length;
    log(`${what}; restarting it in ${delay} ms.`);
    pendingRestart = setTimeout(attemptRestart, delay);
  };

  const attemptRestart = () => {
    pendingRestart = undefined;
    attempts.push(now());
    starting = restart().then(
      async (cluster) => {
        starting = undefined;
        if (state === 'stopped') return cluster.stop();
        state = 'running';
        log(
          `Embedded PostgreSQL restarted (pid ${cluster.pid}), ${now() - downSince} ms after it died.`,
        );
        watch(cluster);
      },
      (error: unknown) => {
        starting = undefined;
        if (state === 'stopped') return;
        scheduleRestart(`Embedded PostgreSQL did not restart (${oneLine(error)})`);
      },
    );
  };

  watch(options.cluster);
  return {
    get state() {
      return state;
    },
    async stop() {
      state = 'stopped';
      clearTimeout(pendingRestart);
      await starting;
      await current?.stop();
    },
  };
}

function describeExit({ code, signal }: ClusterExit): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}
