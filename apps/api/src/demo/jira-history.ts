import { addDays, dayToEpochDay, mondayOnOrBefore } from '@bearing/metrics';
import { CLOSED_SPRINTS, type DemoTeamPlan } from './demo-plan.js';
import type { Prng } from './prng.js';

/**
 * A team's two years of Jira history, generated as the pages of Jira Cloud's issue search
 * (`/rest/api/3/search/jql?expand=changelog,names`), so it goes through the Jira importer
 * exactly as a user's export would.
 *
 * Time runs in "work days" from the first sprint's start: work day w is the (floor w)-th
 * weekday, and its fraction spans 08:00–17:00 UTC. A two-week sprint k covers [10k, 10k + 10).
 * The whole life of every item is simulated first — planning, start, review (sometimes sent
 * back), done or carried over, scope added and removed mid-sprint, re-estimates — and then
 * cut where today begins (UTC), so the active sprint shows work in progress.
 */

const STATUS_IDS: Record<JiraStatus, string> = {
  'To Do': '10000',
  'In Progress': '3',
  'In Review': '10002',
  Done: '10001',
};
type JiraStatus = 'To Do' | 'In Progress' | 'In Review' | 'Done';

const POINTS_FIELD = 'customfield_10016';
const SPRINT_FIELD = 'customfield_10020';
const PAGE_SIZE = 100;
const FIBONACCI = [1, 2, 3, 5, 8, 13] as const;
const VERBS = [
  'Add',
  'Improve',
  'Refactor',
  'Instrument',
  'Speed up',
  'Harden',
  'Migrate',
  'Test',
  'Clean up',
  'Document',
];
const BUGS = [
  'fails after retry',
  'times out under load',
  'shows stale data',
  'crashes on resume',
  'drops events',
  'double-counts',
];

export type GeneratedSprint = {
  /** Jira's sprint id. */
  id: string;
  name: string;
  startDay: string;
  endDay: string;
  state: 'closed' | 'active' | 'future';
};

export type GeneratedHistory = { pages: object[]; sprints: GeneratedSprint[]; items: number };

type Change =
  | { w: number; kind: 'status'; from: JiraStatus; to: JiraStatus }
  | { w: number; kind: 'sprint'; from: number[]; to: number[] }
  | { w: number; kind: 'points'; from: number; to: number };

type Item = {
  number: number;
  type: 'Story' | 'Bug' | 'Task';
  title: string;
  createdW: number;
  points: number;
  sprints: number[];
  changes: Change[];
  /** Planned life once committed; cleared when the item is taken out of a sprint. */
  life?: { startW: number; doneW: number };
};

/** Where sprint k's work days begin. */
const sprintStartW = (k: number) => 10 * k;
/** Sprint k closes on its second Friday at 16:30 UTC. */
const sprintCloseW = (k: number) => 10 * k + 9 + 8.5 / 9;

export function generateJiraHistory(
  team: DemoTeamPlan,
  teamIndex: number,
  today: string,
  rng: Prng,
): GeneratedHistory {
  // Teams start their sprints on alternate Mondays, like real organisations do.
  let activeStart = mondayOnOrBefore(today);
  if (Math.floor(dayToEpochDay(activeStart) / 7) % 2 !== teamIndex % 2) {
    activeStart = addDays(activeStart, -7);
  }
  const firstDay = addDays(activeStart, -14 * CLOSED_SPRINTS);
  const instant = (w: number) => instantOf(firstDay, w);
  // The history ends as today begins (UTC): never in the future, whatever the hour of seeding.
  const now = Date.parse(`${today}T00:00:00.000Z`);
  const sprintCount = CLOSED_SPRINTS + 2;
  const sprintIdOf = (k: number) => (teamIndex + 1) * 1000 + k + 1;
  const sprints: GeneratedSprint[] = Array.from({ length: sprintCount }, (_, k) => ({
    id: String(sprintIdOf(k)),
    name: `${team.name} Sprint ${k + 1}`,
    startDay: addDays(firstDay, 14 * k),
    endDay: addDays(firstDay, 14 * k + 11),
    state: k < CLOSED_SPRINTS ? 'closed' : k === CLOSED_SPRINTS ? 'active' : 'future',
  }));

  const items: Item[] = [];
  const newItem = (createdW: number, type?: Item['type']): Item => {
    const kind = type ?? (rng.chance(0.2) ? 'Bug' : rng.chance(0.25) ? 'Task' : 'Story');
    const subject = rng.pick(team.subjects);
    const item: Item = {
      number: items.length + 1,
      type: kind,
      title:
        kind === 'Bug'
          ? `${capitalise(subject)} ${rng.pick(BUGS)}`
          : `${rng.pick(VERBS)} ${subject}`,
      createdW,
      points: rng.pick(kind === 'Bug' ? [1, 2, 3, 5] : FIBONACCI.slice(0, rng.chance(0.1) ? 6 : 5)),
      sprints: [],
      changes: [],
    };
    items.push(item);
    return item;
  };
  const moveSprints = (item: Item, w: number, to: number[]) => {
    item.changes.push({ w, kind: 'sprint', from: item.sprints, to });
    item.sprints = to;
  };
  const plan = (item: Item, earliestStartW: number) => {
    const startW = earliestStartW + rng.next() * 6;
    // Cycle time in work days: log-normal, longer for bigger items.
    const cycle = Math.exp(Math.log(1.2 + item.points * 0.55) + 0.45 * rng.normal());
    item.life = { startW, doneW: startW + Math.max(0.3, cycle) };
    const reviewW = startW + (item.life.doneW - startW) * 0.65;
    item.changes.push({ w: startW, kind: 'status', from: 'To Do', to: 'In Progress' });
    item.changes.push({ w: reviewW, kind: 'status', from: 'In Progress', to: 'In Review' });
    let doneFrom: JiraStatus = 'In Review';
    if (rng.chance(0.15)) {
      // Review sends it back: a backward move, then a second review.
      const backW = reviewW + (item.life.doneW - reviewW) * 0.3;
      const againW = reviewW + (item.life.doneW - reviewW) * 0.75;
      item.changes.push({ w: backW, kind: 'status', from: 'In Review', to: 'In Progress' });
      item.changes.push({ w: againW, kind: 'status', from: 'In Progress', to: 'In Review' });
    }
    item.changes.push({ w: item.life.doneW, kind: 'status', from: doneFrom, to: 'Done' });
    if (rng.chance(0.03)) {
      // Reopened after release, fixed again a day later.
      doneFrom = 'In Progress';
      const reopenW = item.life.doneW + 0.6;
      item.changes.push({ w: reopenW, kind: 'status', from: 'Done', to: 'In Progress' });
      item.life.doneW = reopenW + 1;
      item.changes.push({ w: item.life.doneW, kind: 'status', from: doneFrom, to: 'Done' });
    }
  };

  let carried: Item[] = [];
  const returned: Item[] = [];
  for (let k = 0; k < sprintCount; k++) {
    const id = sprintIdOf(k);
    const startW = sprintStartW(k);
    const future = k === CLOSED_SPRINTS + 1;
    // The next sprint is filled at the refinement before the active one starts, so it exists
    // on every day of the cycle — the active sprint's first Monday included.
    const planningW = future ? sprintStartW(CLOSED_SPRINTS) - 0.5 : startW - 0.1;
    const slowdown = isHolidaySprint(sprints[k] as GeneratedSprint) ? 0.6 : 1;
    const target = team.velocity * slowdown * (1.1 + 0.12 * rng.normal());
    const committed: Item[] = [];
    let points = 0;
    // Unfinished work moves on when its sprint is closed; the active sprint is not closed yet,
    // so the next sprint holds only what was planned for it.
    for (const item of future ? [] : carried) {
      moveSprints(item, sprintCloseW(k - 1) + 0.001, [...item.sprints, id]);
      committed.push(item);
      points += item.points;
    }
    while (points < target) {
      // Work taken out of an earlier sprint comes first, then fresh backlog items. The next
      // sprint is planned before the active one's removals happen, so it takes fresh items.
      const item =
        (future ? undefined : returned.shift()) ?? newItem(planningW - 1 - rng.next() * 25);
      moveSprints(item, planningW, [...item.sprints, id]);
      if (!future) plan(item, startW);
      committed.push(item);
      points += item.points;
    }
    if (future) break;

    // Unplanned work arrives mid-sprint.
    const added = rng.chance(0.55) ? rng.int(1, 2) : 0;
    for (let index = 0; index < added; index++) {
      const arrivedW = startW + 1 + rng.next() * 5;
      const item = newItem(arrivedW - 0.2, rng.chance(0.6) ? 'Bug' : undefined);
      moveSprints(item, arrivedW, [...item.sprints, id]);
      plan(item, arrivedW);
      committed.push(item);
    }
    // Something not yet started is taken out again, back to the backlog: at random, and in
    // every third sprint counted back from the active one, so any recent window shows it.
    const removalPlanned = (CLOSED_SPRINTS - k) % 3 === 0;
    if (removalPlanned || rng.chance(0.35)) {
      const removedW = startW + 2 + rng.next() * 4;
      let candidate = committed.find((item) => item.life && item.life.startW > removedW + 0.5);
      if (!candidate && removalPlanned) {
        // Nothing waits that long: a stretch item planned to start late is the one dropped.
        candidate = newItem(planningW - 1 - rng.next() * 25);
        moveSprints(candidate, planningW, [...candidate.sprints, id]);
        plan(candidate, removedW + 1);
        committed.push(candidate);
      }
      if (candidate) {
        candidate.changes = candidate.changes.filter(
          (change) => change.kind !== 'status' || change.w < removedW,
        );
        delete candidate.life;
        moveSprints(
          candidate,
          removedW,
          candidate.sprints.filter((sprint) => sprint !== id),
        );
        returned.push(candidate);
      }
    }
    // A re-estimate once the work is understood better.
    if (rng.chance(0.3)) {
      const item = rng.pick(committed);
      const index = FIBONACCI.indexOf(item.points as (typeof FIBONACCI)[number]);
      const next =
        FIBONACCI[
          Math.min(FIBONACCI.length - 1, Math.max(0, index + (rng.chance(0.7) ? 1 : -1)))
        ] ?? item.points;
      if (next !== item.points) {
        item.changes.push({
          w: startW + 0.5 + rng.next() * 3,
          kind: 'points',
          from: item.points,
          to: next,
        });
        item.points = next;
      }
    }
    carried = committed.filter(
      (item) => item.life && item.life.doneW > sprintCloseW(k) && item.sprints.includes(id),
    );
  }

  const issues = items
    .filter((item) => Date.parse(instant(item.createdW)) <= now)
    .map((item) => toIssue(team, item, sprints, instant, now));
  return { pages: toPages(issues), sprints, items: issues.length };
}

function toIssue(
  team: DemoTeamPlan,
  item: Item,
  sprints: GeneratedSprint[],
  instant: (w: number) => string,
  now: number,
) {
  const happened = item.changes
    .map((change) => ({ change, at: instant(change.w) }))
    .filter(({ at }) => Date.parse(at) <= now)
    .sort((first, second) => first.change.w - second.change.w);
  let status: JiraStatus = 'To Do';
  let resolvedAt: string | null = null;
  let memberOf: number[] = [];
  let points = firstPoints(item);
  const histories = happened.map(({ change, at }, index) => {
    let entry: object;
    if (change.kind === 'status') {
      status = change.to;
      resolvedAt = change.to === 'Done' ? at : null;
      entry = {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: STATUS_IDS[change.from],
        fromString: change.from,
        to: STATUS_IDS[change.to],
        toString: change.to,
      };
    } else if (change.kind === 'sprint') {
      memberOf = change.to;
      entry = {
        field: 'Sprint',
        fieldtype: 'custom',
        fieldId: SPRINT_FIELD,
        from: change.from.join(', '),
        fromString: change.from.map((id) => sprintNamed(sprints, id).name).join(', '),
        to: change.to.join(', '),
        toString: change.to.map((id) => sprintNamed(sprints, id).name).join(', '),
      };
    } else {
      points = change.to;
      entry = {
        field: 'Story Points',
        fieldtype: 'custom',
        fieldId: POINTS_FIELD,
        from: null,
        fromString: String(change.from),
        to: null,
        toString: String(change.to),
      };
    }
    return { id: String(item.number * 100 + index), created: jiraTime(at), items: [entry] };
  });
  const key = `${team.project}-${item.number}`;
  const updated = happened.at(-1)?.at ?? instant(item.createdW);
  return {
    expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
    id: String(10000 + item.number),
    key,
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
    fields: {
      summary: item.title,
      issuetype: { name: item.type, subtask: false },
      status: { name: status, id: STATUS_IDS[status] },
      created: jiraTime(instant(item.createdW)),
      updated: jiraTime(updated),
      resolutiondate: resolvedAt === null ? null : jiraTime(resolvedAt),
      resolution: resolvedAt === null ? null : { name: 'Done' },
      labels: [team.slug],
      [POINTS_FIELD]: points,
      [SPRINT_FIELD]: memberOf.map((id) => sprintField(sprintNamed(sprints, id))),
    },
  };
}

/** The estimate before any re-estimate. */
function firstPoints(item: Item): number {
  const first = item.changes.find((change) => change.kind === 'points');
  return first?.kind === 'points' ? first.from : item.points;
}

function sprintNamed(sprints: GeneratedSprint[], id: number): GeneratedSprint {
  const sprint = sprints.find((candidate) => candidate.id === String(id));
  if (!sprint) throw new Error(`demo: sprint ${id} was never generated`);
  return sprint;
}

function sprintField(sprint: GeneratedSprint) {
  return {
    id: Number(sprint.id),
    name: sprint.name,
    state: sprint.state,
    boardId: 1,
    goal: '',
    startDate: `${sprint.startDay}T08:00:00.000Z`,
    endDate: `${sprint.endDay}T16:00:00.000Z`,
    ...(sprint.state === 'closed' ? { completeDate: `${sprint.endDay}T16:30:00.000Z` } : {}),
  };
}

/** Search pages of 100 issues, the last one saying so. */
function toPages(issues: object[]): object[] {
  const pages: object[] = [];
  for (let start = 0; start < issues.length || start === 0; start += PAGE_SIZE) {
    const isLast = start + PAGE_SIZE >= issues.length;
    pages.push({
      ...(start === 0
        ? { names: { [POINTS_FIELD]: 'Story Points', [SPRINT_FIELD]: 'Sprint' } }
        : {}),
      issues: issues.slice(start, start + PAGE_SIZE),
      isLast,
      ...(isLast ? {} : { nextPageToken: `page-${start / PAGE_SIZE + 2}` }),
    });
  }
  return pages;
}

/** Work day `w` (fraction = share of 08:00–17:00 UTC) as an ISO instant. */
function instantOf(firstDay: string, w: number): string {
  const whole = Math.floor(w);
  const weeks = Math.floor(whole / 5);
  const day = addDays(firstDay, weeks * 7 + (whole - weeks * 5));
  const minutes = Math.round((w - whole) * 9 * 60);
  const time = new Date(Date.parse(`${day}T08:00:00.000Z`) + minutes * 60_000);
  return time.toISOString();
}

/** Jira's own timestamp form, `2024-03-04T09:30:00.000+0000`. */
function jiraTime(instant: string): string {
  return instant.replace('Z', '+0000');
}

/** Sprints over Christmas or the Swedish-style July holidays: a lighter plan. */
function isHolidaySprint(sprint: GeneratedSprint): boolean {
  const month = sprint.startDay.slice(5, 7);
  const day = Number(sprint.startDay.slice(8, 10));
  return (month === '12' && day >= 15) || month === '07';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
