import type { AlertRuleTemplate } from '@bearing/contracts';

const DAY = 1440;

/**
 * Ready-made alert rules, each complete (query, schedule, lookback, trigger, severity,
 * suppression, grouping): the rule editor starts from one and the user may change anything
 * before saving. The queries read the catalog's tables (docs/query-language.md, "Rule
 * templates"); a rule's lookback limits every table that has a time column, so each template's
 * lookback is as long as its question needs.
 */
export const ALERT_RULE_TEMPLATES: readonly AlertRuleTemplate[] = [
  {
    id: 'guardrail-breached',
    name: 'Guardrail breached',
    description:
      'Fires for each metric whose guardrail is breached, as the guardrails page shows it; resolves once it is back within its threshold.',
    rule: {
      name: 'Guardrail breached',
      query: [
        'Guardrails',
        '| where status == "breached"',
        '| project metric, status, baseline, thresholdType, thresholdValue',
      ].join('\n'),
      everyMinutes: 15,
      // Guardrails have no time column: the lookback does not narrow them.
      lookbackMinutes: 60,
      trigger: { op: '>', threshold: 0 },
      severity: 'high',
      suppressMinutes: 240,
      groupBy: 'metric',
      enabled: true,
    },
  },
  {
    id: 'kpi-beyond-xmr-limits-two-days',
    name: 'KPI beyond its XmR limits two days running',
    description:
      "Fires for each metric with at least two values in a row beyond its process-behaviour chart's natural process limits (Wheeler's first rule) in the last three days: a real change, not noise.",
    rule: {
      name: 'KPI beyond its XmR limits two days running',
      query: [
        'MetricSignals',
        '| where signal startswith "beyond-limits" and run >= 2',
        '| summarize values = count(), longestRun = max(run), latest = max(timestamp) by metric',
      ].join('\n'),
      everyMinutes: 60,
      // Values of the last three days: a daily KPI's two latest and the one before.
      lookbackMinutes: 3 * DAY,
      trigger: { op: '>', threshold: 0 },
      severity: 'medium',
      suppressMinutes: DAY,
      groupBy: 'metric',
      enabled: true,
    },
  },
  {
    id: 'work-items-ageing-beyond-p85',
    name: "Work items ageing beyond their team's p85 cycle time",
    description:
      "Fires for each team with items in progress older (in the aging chart's days) than 85 % of its finished items took from start to done: the items most likely to be late.",
    rule: {
      name: "Work items ageing beyond their team's p85 cycle time",
      query: [
        'WorkItems',
        '| where isnotnull(ageDays)',
        '| join kind=inner (',
        '    WorkItems',
        '    | where isnotnull(cycleTime)',
        '    | summarize p85 = percentile(cycleTime, 85) by team',
        '  ) on team',
        '| where ageDays > p85',
        '| project team, key, type, status, ageDays, p85',
      ].join('\n'),
      everyMinutes: DAY,
      // Items are placed in time by their creation: a year back keeps old items in progress
      // and gives the percentile a year of finished ones.
      lookbackMinutes: 366 * DAY,
      trigger: { op: '>', threshold: 0 },
      severity: 'medium',
      suppressMinutes: DAY,
      groupBy: 'team',
      enabled: true,
    },
  },
  {
    id: 'check-in-overdue-7-days',
    name: 'Check-in overdue by more than 7 days',
    description:
      'Fires for each objective with a key result whose check-in was due more than seven days ago and has not come (a check-in is due one cadence interval after the last, as the reminders say).',
    rule: {
      name: 'Check-in overdue by more than 7 days',
      query: [
        'KeyResults',
        '| where isnotnull(checkInDueOn) and checkInDueOn < ago(7d)',
        '| join kind=inner (Objectives | project objective = id, objectiveTitle = title) on objective',
        '| project objective = objectiveTitle, keyResult = title, lastCheckIn, checkInDueOn',
      ].join('\n'),
      everyMinutes: DAY,
      lookbackMinutes: DAY,
      trigger: { op: '>', threshold: 0 },
      severity: 'low',
      suppressMinutes: 7 * DAY,
      groupBy: 'objective',
      enabled: true,
    },
  },
  {
    id: 'milestone-slipped-14-days',
    name: 'Milestone slipped more than 14 days',
    description:
      'Fires for each program with an open milestone planned more than 14 days after its baseline date, the slip the program page shows.',
    rule: {
      name: 'Milestone slipped more than 14 days',
      query: [
        'Milestones',
        '| where isnull(completedAt) and slipDays > 14',
        '| project program, name, baselineDate, currentDate, slipDays',
      ].join('\n'),
      everyMinutes: DAY,
      // Milestones have no time column: the lookback does not narrow them.
      lookbackMinutes: DAY,
      trigger: { op: '>', threshold: 0 },
      severity: 'high',
      suppressMinutes: 7 * DAY,
      groupBy: 'program',
      enabled: true,
    },
  },
];
