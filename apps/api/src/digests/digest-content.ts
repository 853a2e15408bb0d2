import type { Audience, Portfolio, PortfolioProgram, ProgramHealth } from '@bearing/contracts';
import { mondayOnOrBefore } from '@bearing/metrics';

/** A team's delivery in a week, from the same services as its dashboard (never per person). */
export type TeamSummary = {
  teamId: string;
  name: string;
  lastSprint: {
    name: string;
    committed: number;
    completed: number;
    sayDoRatio: number | null;
  } | null;
  /** Items finished in the last seven days (`throughput`). */
  finishedThisWeek: number;
  /** Items in progress today (`agingWip`'s total). */
  inProgress: number;
};

/** What one workspace's digests this week are made of, read once for all its recipients. */
export type WorkspaceDigestFacts = {
  workspaceSlug: string;
  workspaceName: string;
  /** The first day "since last week" counts from (seven days before today). */
  since: string;
  portfolio: Portfolio;
  teams: ReadonlyMap<string, TeamSummary>;
};

/** What a recipient's digest is about. */
export type DigestReader = {
  audience: Audience;
  followedProgramIds: readonly string[];
  followedTeamIds: readonly string[];
};

export type RenderedDigest = { title: string; body: string; path: string };

const HEALTH: Record<ProgramHealth, string> = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
};

const TOP_RISKS = 3;

/**
 * One recipient's weekly digest, plain text, for their audience — executive: portfolio health,
 * what changed since last week, breached guardrails, top risks; stakeholder: the programs they
 * follow; team: the sprint and flow of the teams they follow. It speaks of programs, teams and
 * metrics only, never of a person's delivery. Every figure is one the pages show (the portfolio
 * service, the teams' sprint and flow read models); this only words them.
 */
export function renderDigest(facts: WorkspaceDigestFacts, reader: DigestReader): RenderedDigest {
  const base = `/w/${encodeURIComponent(facts.workspaceSlug)}`;
  const title = `Your weekly digest of ${facts.workspaceName}`;
  switch (reader.audience) {
    case 'executive':
      return { title, body: executive(facts), path: `${base}/portfolio` };
    case 'stakeholder':
      return { title, body: stakeholder(facts, reader), path: `${base}/programs` };
    case 'team':
      return { title, body: team(facts, reader), path: `${base}/teams` };
  }
}

function executive({ portfolio, since }: WorkspaceDigestFacts): string {
  const changes = [
    ...portfolio.programs.flatMap((program) => healthChange(program, since)),
    ...portfolio.guardrails.flatMap((guardrail) =>
      guardrail.history
        .filter(({ changedAt }) => changedAt.slice(0, 10) >= since)
        .slice(0, 1)
        .map(
          ({ from, to }) => `Guardrail on ${guardrail.metric.name}: ${from ?? 'no status'} → ${to}`,
        ),
    ),
  ];
  const breached = portfolio.guardrails.filter(({ status }) => status === 'breached');
  return [
    `Portfolio health: ${healthCounts(portfolio.programs)}.`,
    ...section('What changed since last week', changes, 'Nothing changed health or status.'),
    ...section(
      'Breached guardrails',
      breached.map(
        ({ metric, evaluation }) =>
          `${metric.name}${evaluation ? ` at ${evaluation.value}${metric.unit ? ` ${metric.unit}` : ''}` : ''}`,
      ),
      'None.',
    ),
    ...section(
      'Top risks',
      portfolio.topRisks
        .slice(0, TOP_RISKS)
        .map(({ programName, title, score }) => `${programName}: ${title} (score ${score})`),
      'No open risks.',
    ),
  ].join('\n');
}

function stakeholder({ portfolio }: WorkspaceDigestFacts, reader: DigestReader): string {
  const followed = new Set(reader.followedProgramIds);
  const programs = portfolio.programs.filter(({ id }) => followed.has(id));
  if (programs.length === 0) {
    return 'You follow no programs here yet: follow one from its page to find it in this digest.';
  }
  return section('Programs you follow', programs.map(programLine), '').join('\n');
}

function team({ teams }: WorkspaceDigestFacts, reader: DigestReader): string {
  const summaries = reader.followedTeamIds.flatMap((id) => {
    const summary = teams.get(id);
    return summary ? [summary] : [];
  });
  if (summaries.length === 0) {
    return 'You follow no teams here yet: follow one from its page to find it in this digest.';
  }
  return section('Teams you follow', summaries.map(teamLine), '').join('\n');
}

function healthCounts(programs: readonly PortfolioProgram[]): string {
  const count = (health: ProgramHealth) => programs.filter((each) => each.health === health).length;
  return `${plural(programs.length, 'program')} — ${count('on-track')} on track, ${count('at-risk')} at risk, ${count('off-track')} off track`;
}

/** A program whose latest published report this week changed its health from the one before. */
function healthChange(program: PortfolioProgram, since: string): string[] {
  const [before, latest] = program.trend.slice(-2);
  if (!before || !latest || before.health === latest.health) return [];
  // A report is named by its Monday: this week's (or last week's, read on a Monday) counts.
  if (latest.week < mondayOnOrBefore(since)) return [];
  return [`${program.name}: ${HEALTH[before.health]} → ${HEALTH[latest.health]}`];
}

function programLine(program: PortfolioProgram): string {
  const facts = [
    `${HEALTH[program.health]}${program.healthReason ? ` (${program.healthReason})` : ''}`,
    program.slippingMilestones.length > 0
      ? `${plural(program.slippingMilestones.length, 'milestone')} slipping`
      : '',
    program.openRiskCount > 0 ? `${plural(program.openRiskCount, 'open risk')}` : '',
    program.overdueDependencyCount > 0
      ? `${plural(program.overdueDependencyCount, 'overdue dependency', 'overdue dependencies')}`
      : '',
  ].filter((fact) => fact.length > 0);
  return `${program.name}: ${facts.join(' · ')}`;
}

function teamLine(summary: TeamSummary): string {
  const sprint = summary.lastSprint
    ? `last sprint "${summary.lastSprint.name}" completed ${summary.lastSprint.completed} of ${summary.lastSprint.committed} points committed${
        summary.lastSprint.sayDoRatio === null
          ? ''
          : ` (say/do ${Math.round(summary.lastSprint.sayDoRatio * 100)} %)`
      }`
    : 'no closed sprint yet';
  return `${summary.name}: ${sprint}; ${plural(summary.finishedThisWeek, 'item')} finished in the last 7 days; ${summary.inProgress} in progress`;
}

function section(title: string, lines: readonly string[], empty: string): string[] {
  if (lines.length === 0) return empty ? [`${title}: ${empty}`] : [];
  return [`${title}:`, ...lines.map((line) => `- ${line}`)];
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
