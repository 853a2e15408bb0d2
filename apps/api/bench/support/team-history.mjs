// Generated teams for the benchmarks that read delivery data (the flow endpoints, the query
// language): a workspace with a read token, teams with a five-stage workflow, and each team's
// items with Jira-like changelogs written straight into the tables an import fills.
import { randomUUID } from 'node:crypto';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Items written per statement. */
const BATCH = 5_000;

export const BENCH_WORKFLOW = {
  stages: [
    { name: 'Backlog', statuses: ['To Do'] },
    { name: 'Ready', statuses: ['Selected'] },
    { name: 'In Progress', statuses: ['In Progress'] },
    { name: 'Review', statuses: ['In Review'] },
    { name: 'Done', statuses: ['Done'] },
  ],
  committedStage: 'In Progress',
  doneStage: 'Done',
};

/** A deterministic pseudo-random sequence (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A workspace `bench` with an admin and a read token for it; `secrets` is the build's
 * common/secrets/secret-token.js (newSecret, hashSecret), so the token is made as the app makes one.
 */
export async function createBenchWorkspace(dataSource, { newSecret, hashSecret }) {
  const [user] = await dataSource.query(
    `INSERT INTO "user" (email, display_name, password_hash) VALUES ('bench@example.com', 'Bench', 'not a password hash')
     RETURNING id`,
  );
  const [workspace] = await dataSource.query(
    `INSERT INTO workspace (slug, name, version) VALUES ('bench', 'Bench', 1) RETURNING id`,
  );
  await dataSource.query(
    `INSERT INTO membership (workspace_id, user_id, role, version) VALUES ($1, $2, 'admin', 1)`,
    [workspace.id, user.id],
  );
  const secret = newSecret('brg_');
  await dataSource.query(
    `INSERT INTO api_token (user_id, workspace_id, name, scope, token_hash, token_prefix, expires_at)
     VALUES ($1, $2, 'bench', 'read', $3, $4, now() + interval '1 day')`,
    [user.id, workspace.id, hashSecret(secret), secret.slice(0, 10)],
  );
  return { workspaceId: workspace.id, token: secret };
}

/** A team with the benchmark's workflow, Mondays to Fridays working. Answers its id. */
export async function createBenchTeam(dataSource, { workspaceId, name, slug, timeZone }) {
  const [team] = await dataSource.query(
    `INSERT INTO team (workspace_id, name, slug, time_zone, calendar, workflow, version)
     VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
    [
      workspaceId,
      name,
      slug,
      timeZone,
      JSON.stringify({ nonWorkingWeekdays: [0, 6], holidays: [] }),
      JSON.stringify(BENCH_WORKFLOW),
    ],
  );
  return team.id;
}

/**
 * `size` items created evenly over the last `years` years before `now`, each with a Jira-like
 * changelog: To Do → Selected → In Progress → In Review (a quarter go back to In Progress once)
 * → Done, 3 % abandoned, recent items still on their way; with `reopenShare`, that share of the
 * finished items reopened and finished again. Waits are exponential with the given means times
 * `pace`, so teams with different paces have different cycle times. Keys are `${keyPrefix}-n`.
 * Answers the number of status changes and the first item's creation instant (epoch ms).
 */
export async function generateTeamHistory(
  dataSource,
  { workspaceId, teamId, size, now, years, seed, pace = 1, reopenShare = 0, keyPrefix, teamName },
) {
  const next = random(seed);
  const start = now - years * 365 * DAY_MS;
  const hours = (mean) => Math.max(1, Math.round(-Math.log(1 - next()) * mean * pace)) * HOUR_MS;
  let changes = 0;
  let firstCreated = Infinity;
  for (let offset = 0; offset < size; offset += BATCH) {
    const items = [];
    const history = { ids: [], seqs: [], ats: [], froms: [], tos: [] };
    for (let index = offset; index < Math.min(size, offset + BATCH); index++) {
      const id = randomUUID();
      const created = start + Math.floor(((now - start - 2 * DAY_MS) * index) / size);
      firstCreated = Math.min(firstCreated, created);
      let at = created;
      let status = 'To Do';
      let seq = 0;
      const move = (to, wait) => {
        if (at + wait >= now) return false;
        at += wait;
        history.ids.push(id);
        history.seqs.push(seq++);
        history.ats.push(new Date(at).toISOString());
        history.froms.push(status);
        history.tos.push(to);
        status = to;
        return true;
      };
      const abandoned = next() < 0.03;
      // The three waits are drawn whether or not the item gets that far, so every item takes
      // the same draws and an item's history does not depend on how far `now` let the last go.
      const waits = [
        ['Selected', hours(96)],
        ['In Progress', hours(72)],
        ['In Review', hours(60)],
      ];
      let going = true;
      for (const [to, wait] of waits) going = going && move(to, wait);
      if (going && next() < 0.25)
        going = move('In Progress', hours(12)) && move('In Review', hours(30));
      if (going && !abandoned) going = move('Done', hours(20));
      // Reopened, then finished again (if there was time before now).
      if (reopenShare > 0 && going && status === 'Done' && next() < reopenShare) {
        if (move('In Progress', hours(100))) move('Done', hours(40));
      }
      items.push({
        id,
        key: `${keyPrefix}-${index + 1}`,
        title: `Generated work item number ${index + 1} of ${teamName}`,
        created: new Date(created).toISOString(),
        status,
        resolved: status === 'Done' ? new Date(at).toISOString() : null,
      });
    }
    await dataSource.query(
      `INSERT INTO work_item (id, workspace_id, team_id, source, key, type, title, created_at,
          status, initial_status, resolved_at, has_history, fields_digest, history_digest)
       SELECT u.id, $1, $2, 'jira', u.key, 'Story', u.title, u.created_at, u.status, 'To Do',
              u.resolved_at, true, 'bench', 'bench'
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::text[],
                     $8::timestamptz[]) AS u(id, key, title, created_at, status, resolved_at)`,
      [
        workspaceId,
        teamId,
        items.map((item) => item.id),
        items.map((item) => item.key),
        items.map((item) => item.title),
        items.map((item) => item.created),
        items.map((item) => item.status),
        items.map((item) => item.resolved),
      ],
    );
    await dataSource.query(
      `INSERT INTO work_item_status_change (work_item_id, seq, at, from_status, to_status)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::text[])`,
      [history.ids, history.seqs, history.ats, history.froms, history.tos],
    );
    changes += history.ids.length;
  }
  return { changes, firstCreated };
}
