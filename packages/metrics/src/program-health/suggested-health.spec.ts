import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  HEALTH_SIGNAL_SEVERITY,
  type HealthSignalCode,
  healthSignalSeverity,
  milestoneSlipSignal,
  type ProgramHealth,
  suggestedHealth,
} from '../index.js';

const signals = (...codes: HealthSignalCode[]) => codes.map((code) => ({ code }));
const CODES = Object.keys(HEALTH_SIGNAL_SEVERITY) as HealthSignalCode[];
const AT_RISK = CODES.filter((code) => HEALTH_SIGNAL_SEVERITY[code] === 'at-risk');
const WATCH = CODES.filter((code) => HEALTH_SIGNAL_SEVERITY[code] === 'watch');
const RANK: Record<ProgramHealth, number> = { 'on-track': 0, 'at-risk': 1, 'off-track': 2 };
const anySignals = fc.array(
  fc.constantFrom(...CODES).map((code) => ({ code })),
  { maxLength: 12 },
);

describe('suggestedHealth', () => {
  it('is on-track without at-risk signals, however many watch signals', () => {
    expect(suggestedHealth([])).toBe('on-track');
    expect(
      suggestedHealth(
        signals('guardrail-warning', 'key-result-at-risk', 'milestone-slipped', 'check-in-overdue'),
      ),
    ).toBe('on-track');
  });

  it('is at-risk with one or two at-risk signals', () => {
    expect(suggestedHealth(signals('dependency-overdue'))).toBe('at-risk');
    expect(
      suggestedHealth(
        signals('guardrail-breached', 'risk-high-score-open', 'key-result-off-track'),
      ),
    ).toBe('at-risk');
  });

  it('is off-track with three or more at-risk signals, each occurrence counted', () => {
    expect(
      suggestedHealth(
        signals('dependency-overdue', 'dependency-overdue', 'milestone-slipped-past-threshold'),
      ),
    ).toBe('off-track');
  });

  it('names the signal whose code is unknown', () => {
    expect(() =>
      suggestedHealth([{ code: 'guardrail-breached' }, { code: 'vibes' as HealthSignalCode }]),
    ).toThrow(/signals\[1\]\.code/);
    expect(() => healthSignalSeverity('toString' as HealthSignalCode)).toThrow(RangeError);
  });
});

describe('milestoneSlipSignal', () => {
  it('is nothing on time or early, watched up to two weeks late, at-risk beyond', () => {
    expect(milestoneSlipSignal(-3)).toBeNull();
    expect(milestoneSlipSignal(0)).toBeNull();
    expect(milestoneSlipSignal(1)).toBe('milestone-slipped');
    expect(milestoneSlipSignal(14)).toBe('milestone-slipped');
    expect(milestoneSlipSignal(15)).toBe('milestone-slipped-past-threshold');
    expect(() => milestoneSlipSignal(1.5)).toThrow(/slipDays/);
  });
});

describe('suggestedHealth properties', () => {
  it('no signals → on-track', () => {
    expect(suggestedHealth([])).toBe('on-track');
  });

  it('a breached guardrail → at least at-risk, whatever else is there', () => {
    fc.assert(
      fc.property(anySignals, fc.nat(), (others, position) => {
        const all = [...others];
        all.splice(position % (all.length + 1), 0, { code: 'guardrail-breached' });
        expect(RANK[suggestedHealth(all)]).toBeGreaterThanOrEqual(RANK['at-risk']);
      }),
    );
  });

  it('watch signals alone never raise the health', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WATCH)), (codes) => {
        expect(suggestedHealth(signals(...codes))).toBe('on-track');
      }),
    );
  });

  it('adding a signal never makes the health better, and order does not matter', () => {
    fc.assert(
      fc.property(anySignals, fc.constantFrom(...CODES), (some, extra) => {
        const before = suggestedHealth(some);
        expect(RANK[suggestedHealth([...some, { code: extra }])]).toBeGreaterThanOrEqual(
          RANK[before],
        );
        expect(suggestedHealth([...some].reverse())).toBe(before);
      }),
    );
  });

  it('depends only on the number of at-risk signals', () => {
    fc.assert(
      fc.property(anySignals, (some) => {
        const atRisk = some.filter(({ code }) => AT_RISK.includes(code)).length;
        const expected: ProgramHealth =
          atRisk === 0 ? 'on-track' : atRisk < 3 ? 'at-risk' : 'off-track';
        expect(suggestedHealth(some)).toBe(expected);
      }),
    );
  });
});
