import { describe, expect, it } from '@jest/globals';
import {
  type MilestoneTimelineRow,
  monthTickLabel,
  timelineAxis,
  wrapLabel,
} from './milestone-timeline-data';

const day = (text: string) => Date.parse(`${text}T00:00:00.000Z`);
const days = (ticks: number[]) => ticks.map((tick) => new Date(tick).toISOString().slice(0, 10));

function row(baseline: string, current: string, moves: string[] = []): MilestoneTimelineRow {
  return {
    row: 0,
    id: 'm',
    name: 'M',
    baseline: day(baseline),
    current: day(current),
    completed: false,
    slipDays: 0,
    moves: moves.map(day),
  };
}

describe('timelineAxis', () => {
  it('ticks on the first of every month from the earliest date to after the latest', () => {
    const axis = timelineAxis([row('2026-08-08', '2026-08-10')], '2026-09-15', '2026-12-31');
    expect(days(axis.ticks)).toEqual([
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
    expect(days(axis.domain)).toEqual(['2026-08-01', '2027-01-01']);
    expect(axis.today).toBe(day('2026-09-15'));
    expect(axis.programEnd).toBe(day('2026-12-31'));
  });

  it('holds today and the program end even when every milestone is elsewhere', () => {
    const axis = timelineAxis([row('2027-03-02', '2027-03-20')], '2026-12-07', null);
    expect(days(axis.domain)).toEqual(['2026-12-01', '2027-04-01']);
    expect(axis.programEnd).toBeNull();
  });

  it('labels at most about twelve months over a long program', () => {
    const axis = timelineAxis([row('2026-01-10', '2028-06-01')], '2026-12-07', '2028-12-31');
    expect(axis.ticks.length).toBeLessThanOrEqual(13);
    expect(days(axis.ticks).every((tick) => tick.endsWith('-01'))).toBe(true);
  });

  it('writes the year on the first tick and on January', () => {
    expect(monthTickLabel(day('2026-11-01'), 0)).toMatch(/Nov.*2026/);
    expect(monthTickLabel(day('2026-12-01'), 1)).toBe('Dec');
    expect(monthTickLabel(day('2027-01-01'), 2)).toMatch(/Jan.*2027/);
  });
});

describe('wrapLabel', () => {
  it('keeps a short name on one line', () => {
    expect(wrapLabel('Schema freeze')).toEqual(['Schema freeze']);
  });

  it('breaks a long name between words, never inside one', () => {
    const lines = wrapLabel('Partner API certification with the payment network');
    expect(lines).toEqual(['Partner API certification', 'with the payment network']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(28);
  });

  it('ends a name too long for two lines after a whole word, with an ellipsis', () => {
    const name = 'Regulatory sign-off of the new onboarding flow in all three launch markets';
    const lines = wrapLabel(name);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith(' …')).toBe(true);
    const shown = lines.join(' ').replace(/ …$/, '').split(' ');
    // Every word shown is a whole word of the name, in order.
    expect(name.split(' ').slice(0, shown.length)).toEqual(shown);
  });
});
