import type {
  ProgramHealth,
  ReportAudience,
  ReportSections,
  StatusReport,
  UnavailableSection,
} from '@bearing/contracts';
import { slipWords } from './collectors/day-words.js';
import { embeddedUserText, userText as user } from './markdown-user-text.js';

/**
 * A status report as Markdown, for one audience — rendered from the report's own frozen fields
 * and snapshot only, so a published report exports the same text forever.
 * - executive: health, a one-paragraph summary and the top three items (asks first, then
 *   lowlights, then highlights);
 * - stakeholder: everything;
 * - team: health, summary, milestones, dependencies, RAID, say/do and asks.
 * Everything users wrote (names, titles, summary, items, reasons…) passes through `user()`:
 * HTML escaped, only http(s) links, no spreadsheet formulas (markdown-user-text.ts).
 */
export function renderReportMarkdown(report: StatusReport, audience: ReportAudience): string {
  const blocks = [...header(report, audience)];
  switch (audience) {
    case 'executive':
      blocks.push(section('Summary', user(firstParagraph(report.summary)) || '_No summary._'));
      blocks.push(section('Top items', bullets(topItems(report)) || '_Nothing to raise._'));
      break;
    case 'stakeholder':
      blocks.push(section('Summary', user(report.summary) || '_No summary._'));
      blocks.push(...words(report, ['highlights', 'lowlights', 'asks']));
      blocks.push(reasons(report));
      blocks.push(...numbers(report.snapshot.sections, 'stakeholder'));
      break;
    case 'team':
      blocks.push(section('Summary', user(report.summary) || '_No summary._'));
      blocks.push(...numbers(report.snapshot.sections, 'team'));
      blocks.push(...words(report, ['asks']));
      break;
  }
  blocks.push(footer(report));
  return `${blocks.filter((block) => block.length > 0).join('\n\n')}\n`;
}

const HEALTH: Record<ProgramHealth, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
};

const TITLES = { highlights: 'Highlights', lowlights: 'Lowlights', asks: 'Asks' } as const;

function header(report: StatusReport, audience: ReportAudience): string[] {
  const { snapshot } = report;
  const state =
    report.state === 'published' && report.publishedAt
      ? `Published ${report.publishedAt.slice(0, 10)}${report.publishedBy ? ` by ${user(report.publishedBy.displayName)}` : ''}`
      : 'Draft — not published';
  const health = [
    `**Health: ${HEALTH[report.health]}**`,
    report.healthOverridden ? ` (the data suggested ${HEALTH[report.suggestedHealth]})` : '',
    report.healthReason ? ` — ${inline(user(report.healthReason))}` : '',
  ].join('');
  return [
    `# ${inline(user(snapshot.program.name))} — status report, week of ${report.week}`,
    `_${state} · ${audienceLabel(audience)} view · week ${snapshot.week.start} to ${snapshot.week.end}_`,
    health,
    report.watermelon
      ? '> **Watermelon warning:** this report says on track while a key result is off track or a guardrail is breached.'
      : '',
  ];
}

function audienceLabel(audience: ReportAudience): string {
  return { executive: 'Executive', stakeholder: 'Stakeholder', team: 'Team' }[audience];
}

function footer(report: StatusReport): string {
  const { snapshot } = report;
  const compared = snapshot.comparedTo
    ? `changes are against the report of the week of ${snapshot.comparedTo.week}`
    : 'there is no earlier published report to compare with';
  return `---\n_Numbers as of ${snapshot.asOf}; ${compared}._`;
}

function topItems(report: StatusReport): string[] {
  return [...report.asks, ...report.lowlights, ...report.highlights].slice(0, 3).map(user);
}

function words(report: StatusReport, keys: (keyof typeof TITLES)[]): string[] {
  return keys.map((key) => section(TITLES[key], bullets(report[key].map(user)) || '_None._'));
}

function reasons(report: StatusReport): string {
  const list = report.snapshot.healthReasons.map(
    ({ severity, message }) =>
      `${severity === 'at-risk' ? '**At risk:**' : 'Watch:'} ${embeddedUserText(message)}`,
  );
  return section('Why this health', bullets(list) || '_Nothing in the data raises the health._');
}

function numbers(sections: ReportSections, audience: 'stakeholder' | 'team'): string[] {
  const blocks = [milestones(sections.milestones), dependencies(sections.dependencies)];
  blocks.push(raid(sections.raid));
  if (audience === 'stakeholder') {
    blocks.unshift(keyResults(sections.keyResults), guardrails(sections.guardrails));
    blocks.push(checkIns(sections.checkIns));
  }
  blocks.push(sayDo(sections.sayDo));
  return blocks;
}

function keyResults(data: ReportSections['keyResults']): string {
  if (data.status === 'unavailable') return unavailable('Key results', data);
  return section(
    'Key results',
    table(
      ['Objective', 'Key result', 'Current', 'Target', 'Progress', 'Expected', 'Pace', 'Change'],
      data.items.map((item) => [
        user(item.objectiveTitle),
        user(item.title),
        item.current === null ? '—' : `${item.current} ${embeddedUserText(item.unit)}`.trim(),
        `${item.target} ${embeddedUserText(item.unit)}`.trim(),
        percent(item.progress),
        percent(item.expectedProgress),
        item.pace ?? '—',
        signedPercent(item.progressChange),
      ]),
    ) || '_No key results._',
  );
}

function guardrails(data: ReportSections['guardrails']): string {
  if (data.status === 'unavailable') return unavailable('Guardrails', data);
  return section(
    'Guardrails',
    table(
      ['Metric', 'Status', 'At the last report', 'Changes this week'],
      data.items.map((item) => [
        user(item.metricName),
        item.status ?? 'no data',
        item.previousStatus ?? '—',
        item.changesThisWeek.map(({ from, to }) => `${from ?? 'none'} → ${to}`).join(', ') || '—',
      ]),
    ) || '_No guardrails._',
  );
}

function milestones(data: ReportSections['milestones']): string {
  if (data.status === 'unavailable') return unavailable('Milestones', data);
  const timeline = table(
    ['Milestone', 'Baseline', 'Current', 'Completed', 'Against baseline', 'Moved this week'],
    data.items.map((item) => [
      user(item.name),
      item.baselineDate,
      item.currentDate,
      item.completedAt ?? '—',
      slipWords(item.slipDays),
      item.slipDaysChange === null ? '—' : signed(item.slipDaysChange, ' d'),
    ]),
  );
  const moved = bullets(
    data.movedThisWeek.map(
      (item) =>
        `"${user(item.name)}": ${item.dateBeforeWeek} → ${item.moves.at(-1)?.toDate ?? item.currentDate} (baseline ${item.baselineDate}, ${slipWords(item.slipDays)}) — ${item.moves
          .map(
            ({ reason, authorName }) =>
              `${user(reason)}${authorName ? ` (${user(authorName)})` : ''}`,
          )
          .join('; ')}`,
    ),
  );
  const completed = bullets(
    data.completedThisWeek.map(
      (item) =>
        `"${user(item.name)}" on ${item.completedAt ?? item.currentDate} (baseline ${item.baselineDate}, ${slipWords(item.slipDays)})`,
    ),
  );
  return section(
    'Milestones',
    [
      timeline || '_No milestones._',
      `**Moved this week**\n\n${moved || '_None._'}`,
      `**Completed this week**\n\n${completed || '_None._'}`,
    ].join('\n\n'),
  );
}

function raid(data: ReportSections['raid']): string {
  if (data.status === 'unavailable') return unavailable('RAID', data);
  const line = (item: { kind: string; title: string; score: number; status: string }) =>
    `${item.kind} "${user(item.title)}" — score ${item.score}, ${item.status}`;
  const counts = `${plural(data.counts.open, 'open item')}, ${plural(data.counts.openRisks, 'open risk')}, ${data.counts.highScoreOpenRisks} of them high-score${
    data.countsChange
      ? ` (since the last report: ${signed(data.countsChange.open)} open, ${signed(data.countsChange.highScoreOpenRisks)} high-score)`
      : ''
  }.`;
  return section(
    'RAID',
    [
      counts,
      `**New this week**\n\n${bullets(data.newThisWeek.map(line)) || '_None._'}`,
      `**Escalated this week**\n\n${
        bullets(
          data.escalatedThisWeek.map(
            (item) =>
              `${line(item)}${item.reopened ? ' (re-opened)' : ` (was ${item.scoreBeforeWeek})`}`,
          ),
        ) || '_None._'
      }`,
      `**Open high-score risks**\n\n${
        bullets(
          data.highScoreOpenRisks.map(
            (item) =>
              `${line(item)}${item.ownerName ? `, owner ${user(item.ownerName)}` : ''}${item.mitigation ? ` — mitigation: ${user(item.mitigation)}` : ''}`,
          ),
        ) || '_None._'
      }`,
    ].join('\n\n'),
  );
}

function dependencies(data: ReportSections['dependencies']): string {
  if (data.status === 'unavailable') return unavailable('Dependencies', data);
  const change =
    data.overdueCountChange === null
      ? ''
      : ` (${signed(data.overdueCountChange)} since the last report)`;
  return section(
    'Dependencies',
    [
      `${data.overdueCount} overdue${change}.`,
      table(
        ['Needs', 'From', 'What', 'Need by', 'Status', 'Overdue'],
        data.open.map((item) => [
          item.from.name === null ? item.from.kind : user(item.from.name),
          item.to.name === null ? item.to.kind : user(item.to.name),
          user(item.description),
          item.needBy,
          item.status,
          item.overdue ? `${item.daysOverdue} d` : '—',
        ]),
      ) || '_No open dependencies._',
    ].join('\n\n'),
  );
}

function checkIns(data: ReportSections['checkIns']): string {
  if (data.status === 'unavailable') return unavailable('Overdue check-ins', data);
  return section(
    'Overdue check-ins',
    bullets(
      data.overdue.map(
        (item) =>
          `"${user(item.title)}" — due since ${item.dueSince}${item.ownerName ? `, ${user(item.ownerName)}` : ''}`,
      ),
    ) || '_None._',
  );
}

function sayDo(data: ReportSections['sayDo']): string {
  const title = 'Say/do (last closed sprint)';
  if (data.status === 'unavailable') return unavailable(title, data);
  const rows = table(
    ['Team', 'Sprint', 'Ended', 'Committed', 'Completed', 'Done of the commitment', 'Say/do'],
    data.teams.map((team) => [
      user(team.teamName),
      user(team.sprintName),
      team.sprintEnd,
      String(team.committed),
      String(team.completed),
      String(team.completedFromCommitment),
      percent(team.sayDoRatio),
    ]),
  );
  const without = data.teamsWithoutClosedSprint.map(
    ({ teamName }) => `${user(teamName)}: no closed sprint yet`,
  );
  return section(
    title,
    [rows, bullets(without)].filter((block) => block.length > 0).join('\n\n') ||
      '_The program has no teams._',
  );
}

function unavailable(title: string, { reason }: UnavailableSection): string {
  return section(title, `_Not available: ${inline(reason)}_`);
}

function section(title: string, body: string): string {
  return `## ${title}\n\n${body}`;
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${inline(item)}`).join('\n');
}

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One line: Markdown structure in user text must not break the document. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function cell(text: string): string {
  return inline(text).replaceAll('|', '\\|');
}

function firstParagraph(text: string): string {
  return (
    text
      .trim()
      .split(/\n\s*\n/)[0]
      ?.trim() ?? ''
  );
}

function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

function signedPercent(value: number | null): string {
  return value === null ? '—' : `${value > 0 ? '+' : ''}${Math.round(value * 100)} pts`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function signed(value: number, unit = ''): string {
  return `${value > 0 ? '+' : ''}${value}${unit}`;
}
