import {
  createMilestoneRequestSchema,
  createProgramDependencyRequestSchema,
  createProgramRequestSchema,
  createRaidItemRequestSchema,
  type ProgramHealth,
  type RaidKind,
  type RaidStatus,
  updateMilestoneRequestSchema,
  updateRaidItemRequestSchema,
} from '@bearing/contracts';
import { addDays } from '@bearing/metrics';
import { DependenciesService } from '../programs/dependencies/dependencies.service.js';
import { MilestonesService } from '../programs/milestones/milestones.service.js';
import { ProgramsService } from '../programs/programs.service.js';
import { RaidService } from '../programs/raid/raid.service.js';
import { checkpoint, type DemoContext, demoStep, validRequest } from './demo-context.js';
import type { SeededTeam } from './seed-teams.js';
import type { ProgramKey } from './seed-okrs.js';

export type SeededProgram = { key: ProgramKey; id: string; name: string };

type MilestonePlan = {
  name: string;
  /** Days from today of the date promised when the plan was baselined. */
  baseline: number;
  /** Later moves of the date, each with the reason given. */
  moves?: { to: number; reason: string }[];
  completed?: number;
};

type RaidPlan = {
  kind: RaidKind;
  title: string;
  probability: number;
  impact: number;
  mitigation: string;
  due?: number;
  /** Where a handled item ended up (ROAM), after starting open. */
  outcome?: RaidStatus;
};

type DependencyPlan = {
  from: string;
  to: string;
  description: string;
  needBy: number;
  status: 'open' | 'committed' | 'blocked' | 'delivered';
};

type ProgramPlan = {
  key: ProgramKey;
  name: string;
  description: string;
  startDaysAgo: number;
  teams: string[];
  guardrails: string[];
  health: ProgramHealth;
  healthReason: string | null;
  milestones: MilestonePlan[];
  raid: RaidPlan[];
  dependencies: DependencyPlan[];
};

const PROGRAMS: readonly ProgramPlan[] = [
  {
    key: 'podcast-ads',
    name: 'Podcast ads expansion',
    description:
      'Dynamic ad insertion in podcasts: fill more slots at better prices in every market, without making playback worse.',
    startDaysAgo: 320,
    teams: ['ads-platform', 'playback'],
    guardrails: ['playback-start-latency-p95', 'crash-free-sessions'],
    health: 'off-track',
    healthReason:
      'Playback start latency p95 is past its guardrail since ad stitching moved to the client.',
    milestones: [
      { name: 'Ad decisioning in all markets', baseline: -120, completed: -118 },
      {
        name: 'Client-side ad stitching',
        baseline: -30,
        moves: [{ to: -16, reason: 'Waited two weeks for the player SDK release.' }],
        completed: -16,
      },
      {
        name: 'Self-serve booking beta',
        baseline: 21,
        moves: [{ to: 35, reason: 'Latency regression work comes first.' }],
      },
      { name: 'Podcast ads generally available', baseline: 80 },
    ],
    raid: [
      {
        kind: 'risk',
        title: 'Ad stitching keeps playback start latency above the guardrail',
        probability: 5,
        impact: 4,
        mitigation:
          'Pre-fetch the first ad with the manifest; roll back client stitching if p95 stays above 950 ms.',
        due: 10,
      },
      {
        kind: 'risk',
        title: 'Advertiser demand in new markets lower than planned',
        probability: 3,
        impact: 4,
        mitigation: 'Sales pipeline review every two weeks; house ads fill the gap.',
      },
      {
        kind: 'issue',
        title: 'Ad server capacity limit during peak hours',
        probability: 4,
        impact: 3,
        mitigation: 'Autoscaling on queue depth.',
        outcome: 'resolved',
      },
      {
        kind: 'assumption',
        title: 'Podcast hosts accept dynamic insertion in back catalogue',
        probability: 2,
        impact: 3,
        mitigation: 'Opt-out per show.',
        outcome: 'accepted',
      },
    ],
    dependencies: [
      {
        from: 'playback',
        to: 'ads-platform',
        description: 'Ad stitching API that returns the first ad with the manifest',
        needBy: -5,
        status: 'committed',
      },
      {
        from: 'ads-platform',
        to: 'catalog',
        description: 'Episode categories for contextual targeting',
        needBy: 30,
        status: 'open',
      },
    ],
  },
  {
    key: 'personalised-home',
    name: 'Personalised home',
    description:
      'A home screen built for each listener: ranked shelves, fresh picks and a better first session.',
    startDaysAgo: 260,
    teams: ['personalization', 'mobile'],
    guardrails: ['skip-rate'],
    health: 'at-risk',
    healthReason: 'Home v2 roll-out waits for the shelf ranking API.',
    milestones: [
      { name: 'Home v2 experiment at 10 %', baseline: -90, completed: -92 },
      { name: 'Home v2 experiment at 50 %', baseline: -20, completed: -18 },
      { name: 'Home v2 for everyone', baseline: 40 },
    ],
    raid: [
      {
        kind: 'risk',
        title: 'Cold-start recommendations disappoint new listeners',
        probability: 3,
        impact: 4,
        mitigation: 'Editorial shelves for the first week of a new account.',
      },
      {
        kind: 'issue',
        title: 'Feature store reads slow down the home screen',
        probability: 4,
        impact: 3,
        mitigation: 'Cache per listener for 10 minutes.',
        outcome: 'mitigated',
      },
      {
        kind: 'risk',
        title: 'Older Android devices render shelves slowly',
        probability: 2,
        impact: 2,
        mitigation: 'Lighter layout below Android 10.',
        outcome: 'owned',
      },
    ],
    dependencies: [
      {
        from: 'mobile',
        to: 'personalization',
        description: 'Shelf ranking API v2 with explanations',
        needBy: 12,
        status: 'open',
      },
    ],
  },
  {
    key: 'catalog',
    name: 'Catalog ingestion rebuild',
    description:
      'Replace the nightly batch ingestion with a streaming pipeline: fresh episodes playable within minutes.',
    startDaysAgo: 200,
    teams: ['catalog'],
    guardrails: ['api-error-rate'],
    health: 'at-risk',
    healthReason: 'Cut-over of all feeds moved twice; the new date holds so far.',
    milestones: [
      {
        name: 'Streaming pipeline in shadow mode',
        baseline: -70,
        moves: [{ to: -56, reason: 'RSS parser rewrite took longer than planned.' }],
        completed: -55,
      },
      {
        name: 'Cut-over of all feeds',
        baseline: -10,
        moves: [
          { to: 7, reason: 'Publisher rate limits found in shadow mode.' },
          { to: 21, reason: 'Backfill of 2 M episodes needs two more weeks.' },
        ],
      },
      {
        name: 'Legacy pipeline switched off',
        baseline: 60,
        moves: [{ to: 90, reason: 'Follows the cut-over slip.' }],
      },
    ],
    raid: [
      {
        kind: 'risk',
        title: 'Large publishers rate-limit our feed polling',
        probability: 4,
        impact: 4,
        mitigation: 'WebSub where offered; polling budget per host.',
        due: 14,
      },
      {
        kind: 'risk',
        title: 'Episodes lost during the cut-over',
        probability: 2,
        impact: 5,
        mitigation: 'Dual-write for two weeks and a reconciliation job.',
        outcome: 'mitigated',
      },
      {
        kind: 'issue',
        title: 'Duplicate episodes after feed URL changes',
        probability: 3,
        impact: 2,
        mitigation: 'Deduplicate on GUID and enclosure hash.',
        outcome: 'resolved',
      },
    ],
    dependencies: [],
  },
];

/**
 * The three programs with their teams, objectives and guardrails; milestones (some slipped
 * against the baseline, with reasons), RAID items (some handled the ROAM way) and
 * cross-team dependencies (one overdue).
 */
export async function seedPrograms(
  context: DemoContext,
  ownerId: string,
  teams: SeededTeam[],
  objectivesByProgram: Map<ProgramKey, string[]>,
  guardrailIds: Map<string, string>,
): Promise<SeededProgram[]> {
  const teamId = (slug: string) => {
    const team = teams.find((candidate) => candidate.slug === slug);
    if (!team) throw new Error(`demo: no team ${slug}`);
    return team.id;
  };
  const day = (offset: number) => addDays(context.today, offset);
  const seeded: SeededProgram[] = [];
  for (const plan of PROGRAMS) {
    checkpoint(context);
    const program = await demoStep(`program ${plan.name}`, () =>
      context.app.get(ProgramsService).create(
        context.workspaceId,
        context.actor,
        validRequest(
          createProgramRequestSchema,
          {
            name: plan.name,
            description: plan.description,
            ownerId,
            start: day(-plan.startDaysAgo),
            end: day(150),
            teamIds: plan.teams.map(teamId),
            objectiveIds: objectivesByProgram.get(plan.key) ?? [],
            guardrailIds: plan.guardrails.flatMap((key) => guardrailIds.get(key) ?? []),
            health: plan.health,
            healthReason: plan.healthReason,
          },
          `program ${plan.name}`,
        ),
      ),
    );
    const scope = { workspaceId: context.workspaceId, programId: program.id };
    for (const milestone of plan.milestones) {
      const milestones = context.app.get(MilestonesService);
      let created = await demoStep(`milestone ${milestone.name}`, () =>
        milestones.create(
          scope,
          context.actor,
          validRequest(
            createMilestoneRequestSchema,
            { name: milestone.name, baselineDate: day(milestone.baseline) },
            `milestone ${milestone.name}`,
          ),
        ),
      );
      for (const move of milestone.moves ?? []) {
        const version = created.version;
        created = await demoStep(`moving ${milestone.name}`, () =>
          milestones.update(
            scope,
            context.actor,
            created.id,
            validRequest(
              updateMilestoneRequestSchema,
              { currentDate: day(move.to), reason: move.reason, version },
              `moving ${milestone.name}`,
            ),
          ),
        );
      }
      if (milestone.completed !== undefined) {
        const version = created.version;
        const completedAt = day(milestone.completed);
        created = await demoStep(`completing ${milestone.name}`, () =>
          milestones.update(
            scope,
            context.actor,
            created.id,
            validRequest(
              updateMilestoneRequestSchema,
              { completedAt, version },
              `completing ${milestone.name}`,
            ),
          ),
        );
      }
    }
    for (const item of plan.raid) {
      const raid = context.app.get(RaidService);
      const created = await demoStep(`RAID item ${item.title}`, () =>
        raid.create(
          scope,
          context.actor,
          validRequest(
            createRaidItemRequestSchema,
            {
              kind: item.kind,
              title: item.title,
              probability: item.probability,
              impact: item.impact,
              ownerId,
              mitigation: item.mitigation,
              dueDate: item.due === undefined ? null : day(item.due),
            },
            `RAID item ${item.title}`,
          ),
        ),
      );
      if (item.outcome) {
        const body = { status: item.outcome, version: created.version };
        await demoStep(`handling ${item.title}`, () =>
          raid.update(
            scope,
            context.actor,
            created.id,
            validRequest(updateRaidItemRequestSchema, body, 'RAID update'),
          ),
        );
      }
    }
    for (const dependency of plan.dependencies) {
      await demoStep(`dependency ${dependency.description}`, () =>
        context.app.get(DependenciesService).create(
          scope,
          context.actor,
          validRequest(
            createProgramDependencyRequestSchema,
            {
              from: { kind: 'team', id: teamId(dependency.from) },
              to: { kind: 'team', id: teamId(dependency.to) },
              description: dependency.description,
              needBy: day(dependency.needBy),
              status: dependency.status,
            },
            `dependency ${dependency.description}`,
          ),
        ),
      );
    }
    seeded.push({ key: plan.key, id: program.id, name: program.name });
  }
  return seeded;
}
