import type { ProgramHealth, ReportAudience, StatusReport } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { publishEvent } from '../notifications/outbox.repository.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';

const HEALTH: Record<ProgramHealth, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
};

/**
 * Publishes `report.published` in the publishing transaction: to the program's followers and its
 * owner, each rendered for their audience (plain text, from the frozen report only). The
 * report's id is the dedupe key: a report is published once, so it is announced once.
 */
export async function publishReportPublished(
  manager: EntityManager,
  workspaceId: string,
  report: StatusReport,
  ownerUserId: string,
): Promise<void> {
  const name = report.snapshot.program.name;
  const bodies = {
    executive: reportBody(report, 'executive'),
    stakeholder: reportBody(report, 'stakeholder'),
    team: reportBody(report, 'team'),
  };
  await publishEvent(manager, {
    workspaceId,
    event: 'report.published',
    subject: { type: 'report', id: report.id },
    title: `${name}: status report for the week of ${report.week} — ${HEALTH[report.health]}`,
    body: bodies.stakeholder,
    bodies,
    path: await workspaceWebPath(
      manager,
      workspaceId,
      `programs/${report.programId}/reports/${report.id}`,
    ),
    audience: {
      users: [ownerUserId],
      followersOf: [{ type: 'program', id: report.programId }],
    },
    dedupeKey: `report.published:${report.id}`,
    data: { programId: report.programId, week: report.week, health: report.health },
  });
}

/**
 * A published report in a few plain-text lines for one audience, as its Markdown export picks
 * them (report-markdown.ts): executive — health, the summary's first paragraph and the top three
 * items; stakeholder — health and why, the summary, highlights, lowlights and asks; team —
 * health, the summary, what moved in the plan, and the asks.
 */
export function reportBody(report: StatusReport, audience: ReportAudience): string {
  const health = `Health: ${HEALTH[report.health]}${report.healthReason ? ` — ${report.healthReason}` : ''}`;
  const lines = [health];
  switch (audience) {
    case 'executive':
      lines.push(firstParagraph(report.summary) || 'No summary.');
      lines.push(
        ...list('Top items', [...report.asks, ...report.lowlights, ...report.highlights], 3),
      );
      break;
    case 'stakeholder':
      lines.push(report.summary || 'No summary.');
      lines.push(...list('Highlights', report.highlights));
      lines.push(...list('Lowlights', report.lowlights));
      lines.push(...list('Asks', report.asks));
      lines.push(
        ...list(
          'Why this health',
          report.snapshot.healthReasons.map(({ message }) => message),
        ),
      );
      break;
    case 'team':
      lines.push(report.summary || 'No summary.');
      lines.push(...teamLines(report));
      lines.push(...list('Asks', report.asks));
      break;
  }
  return lines.join('\n');
}

function teamLines({ snapshot: { sections } }: StatusReport): string[] {
  const lines: string[] = [];
  if (sections.milestones.status === 'available') {
    lines.push(
      `Milestones moved this week: ${sections.milestones.movedThisWeek.length}; completed: ${sections.milestones.completedThisWeek.length}.`,
    );
  }
  if (sections.dependencies.status === 'available') {
    lines.push(
      `Open dependencies: ${sections.dependencies.open.length}, ${sections.dependencies.overdueCount} overdue.`,
    );
  }
  if (sections.raid.status === 'available') {
    lines.push(
      `RAID: ${sections.raid.counts.open} open, ${sections.raid.counts.highScoreOpenRisks} high-score risks.`,
    );
  }
  return lines;
}

function list(title: string, items: readonly string[], limit = items.length): string[] {
  const shown = items.slice(0, limit);
  return shown.length === 0 ? [] : [`${title}:`, ...shown.map((item) => `- ${item}`)];
}

function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0]?.trim() ?? '';
}
