import { describe, expect, it } from '@jest/globals';
import type { ReportSnapshot, StatusReport } from '@bearing/contracts';
import { renderReportMarkdown } from './report-markdown.js';

const PROGRAM_ID = '1b1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f';
const REPORT_ID = '2b1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f';
const unavailable = { status: 'unavailable', reason: 'not connected' } as const;

function report(overrides: Partial<StatusReport> = {}): StatusReport {
  const snapshot: ReportSnapshot = {
    schemaVersion: 1,
    generatedAt: '2026-03-11T10:00:00.000Z',
    asOf: '2026-03-11',
    week: { start: '2026-03-09', end: '2026-03-15' },
    program: { id: PROGRAM_ID, name: 'Podcast ads', start: '2026-01-05', end: null },
    comparedTo: { reportId: REPORT_ID, week: '2026-03-02', health: 'on-track' },
    suggestedHealth: 'at-risk',
    healthReasons: [],
    sections: {
      keyResults: {
        status: 'available',
        items: [
          {
            keyResultId: '3b1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
            objectiveId: '4b1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
            objectiveTitle: 'Grow ad revenue',
            title: 'Fill rate',
            unit: '%',
            current: 40,
            target: 80,
            progress: 0.25,
            expectedProgress: 0.6,
            pace: 'off-track',
            progressChange: 0.05,
          },
        ],
      },
      guardrails: unavailable,
      milestones: unavailable,
      raid: unavailable,
      dependencies: unavailable,
      checkIns: unavailable,
      sayDo: unavailable,
    },
  };
  return {
    id: REPORT_ID,
    programId: PROGRAM_ID,
    week: '2026-03-09',
    weekEnd: '2026-03-15',
    state: 'draft',
    health: 'on-track',
    healthReason: 'The vendor confirmed\nthe new date',
    suggestedHealth: 'at-risk',
    healthOverridden: true,
    watermelon: true,
    generatedAt: '2026-03-11T10:00:00.000Z',
    publishedAt: null,
    publishedBy: null,
    createdAt: '2026-03-11T10:00:00.000Z',
    updatedAt: '2026-03-11T10:00:00.000Z',
    version: 1,
    summary: '',
    highlights: [],
    lowlights: [],
    asks: [],
    snapshot,
    ...overrides,
  };
}

describe('renderReportMarkdown', () => {
  it('warns of a watermelon and shows an overridden health with its reason on one line', () => {
    const text = renderReportMarkdown(report(), 'executive');
    expect(text).toContain(
      '**Health: On track** (the data suggested At risk) — The vendor confirmed the new date',
    );
    expect(text).toContain('> **Watermelon warning:**');
    expect(text).toContain('_Nothing to raise._');
  });

  it('renders key results with pace and the change since the compared report', () => {
    const text = renderReportMarkdown(report(), 'stakeholder');
    expect(text).toContain(
      '| Grow ad revenue | Fill rate | 40 % | 80 % | 25 % | 60 % | off-track | +5 pts |',
    );
    expect(text).toContain('changes are against the report of the week of 2026-03-02');
    expect(text).toContain('## Guardrails\n\n_Not available: not connected_');
  });

  it("renders each team's say/do and names a team without a closed sprint", () => {
    const base = report();
    const text = renderReportMarkdown(
      {
        ...base,
        snapshot: {
          ...base.snapshot,
          sections: {
            ...base.snapshot.sections,
            sayDo: {
              status: 'available',
              teams: [
                {
                  teamId: '5b1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
                  teamName: 'Payments',
                  sprintId: '6b1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
                  sprintName: 'PAY Sprint 7',
                  sprintEnd: '2026-03-06',
                  committed: 8,
                  completed: 7,
                  completedFromCommitment: 5,
                  sayDoRatio: 0.625,
                },
              ],
              teamsWithoutClosedSprint: [
                { teamId: '7b1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f', teamName: 'Search' },
              ],
            },
          },
        },
      },
      'team',
    );
    expect(text).toContain('| Payments | PAY Sprint 7 | 2026-03-06 | 8 | 7 | 5 | 63 % |');
    expect(text).toContain('- Search: no closed sprint yet');
  });

  it('ends with a single newline and no empty blocks', () => {
    const text = renderReportMarkdown(report({ watermelon: false }), 'team');
    expect(text.endsWith('_\n')).toBe(true);
    expect(text).not.toMatch(/\n{3,}/);
  });

  it("escapes user text — HTML, non-http(s) links, formulas — but not the export's own figures", () => {
    const hostile = report({
      summary: '<script>alert(1)</script>\n\n=HYPERLINK("http://evil")',
      healthReason: '[call us](javascript:alert(1))',
      highlights: ['@SUM(A1)', 'shipped <b>v2</b>'],
      lowlights: ['-5 % churn'],
      asks: ['+1 engineer', 'read [the plan](https://example.com/plan)'],
    });
    const stakeholder = renderReportMarkdown(hostile, 'stakeholder');
    expect(stakeholder).toContain(
      "## Summary\n\n&lt;script&gt;alert(1)&lt;/script&gt;\n\n'=HYPERLINK(",
    );
    expect(stakeholder).not.toContain('<script>');
    expect(stakeholder).toContain(' — \\[call us\\](javascript:alert(1))');
    expect(stakeholder).toContain("## Highlights\n\n- '@SUM(A1)\n- shipped &lt;b&gt;v2&lt;/b&gt;");
    expect(stakeholder).toContain("## Lowlights\n\n- '-5 % churn");
    expect(stakeholder).toContain(
      "## Asks\n\n- '+1 engineer\n- read [the plan](https://example.com/plan)",
    );
    // The export's own signed figure is left alone.
    expect(stakeholder).toContain('| +5 pts |');
    expect(renderReportMarkdown(hostile, 'executive')).toContain(
      "## Top items\n\n- '+1 engineer\n- read [the plan](https://example.com/plan)\n- '-5 % churn",
    );
  });

  it('escapes names in tables, milestones and say/do', () => {
    const base = report();
    const text = renderReportMarkdown(
      report({
        snapshot: {
          ...base.snapshot,
          program: { ...base.snapshot.program, name: '=cmd|<i>x</i>' },
          sections: {
            ...base.snapshot.sections,
            keyResults: {
              status: 'available',
              items:
                base.snapshot.sections.keyResults.status === 'available'
                  ? base.snapshot.sections.keyResults.items.map((item) => ({
                      ...item,
                      title: '-Fill <u>rate</u>',
                    }))
                  : [],
            },
          },
        },
      }),
      'stakeholder',
    );
    expect(text).toContain("# '=cmd|&lt;i&gt;x&lt;/i&gt; — status report");
    expect(text).toContain("| Grow ad revenue | '-Fill &lt;u&gt;rate&lt;/u&gt; | 40 % |");
  });
});
