import { describe, expect, it } from '@jest/globals';
import type { ReportSections } from '@bearing/contracts';
import { isWatermelon, milestoneSlipReasonCode, suggestHealth } from './health-rules.js';

const atRisk = { severity: 'at-risk' } as const;
const watch = { severity: 'watch' } as const;

describe('suggestHealth', () => {
  it('is on-track without at-risk reasons, however many watch reasons', () => {
    expect(suggestHealth([])).toBe('on-track');
    expect(suggestHealth([watch, watch, watch, watch])).toBe('on-track');
  });

  it('is at-risk with one or two at-risk reasons', () => {
    expect(suggestHealth([atRisk])).toBe('at-risk');
    expect(suggestHealth([atRisk, watch, atRisk])).toBe('at-risk');
  });

  it('is off-track with three or more at-risk reasons', () => {
    expect(suggestHealth([atRisk, atRisk, atRisk])).toBe('off-track');
  });
});

describe('milestoneSlipReasonCode', () => {
  it('is nothing on time or early, watch up to two weeks late, at-risk beyond', () => {
    expect(milestoneSlipReasonCode(-3)).toBeNull();
    expect(milestoneSlipReasonCode(0)).toBeNull();
    expect(milestoneSlipReasonCode(1)).toBe('milestone-slipped');
    expect(milestoneSlipReasonCode(14)).toBe('milestone-slipped');
    expect(milestoneSlipReasonCode(15)).toBe('milestone-slipped-past-threshold');
  });
});

describe('isWatermelon', () => {
  const keyResult = (pace: 'on-track' | 'at-risk' | 'off-track') => ({
    keyResultId: '6f1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
    objectiveId: '7a1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
    objectiveTitle: 'Grow podcast ad revenue',
    title: 'Fill rate',
    unit: '%',
    current: 40,
    target: 80,
    progress: 0.2,
    expectedProgress: 0.6,
    pace,
    progressChange: null,
  });
  const guardrail = (status: 'ok' | 'warning' | 'breached') => ({
    guardrailId: '8b1c2d4e-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
    metricKey: 'playback-start-p95',
    metricName: 'Playback start p95',
    status,
    previousStatus: 'ok' as const,
    changesThisWeek: [],
  });
  const sections = (
    keyResults: ReportSections['keyResults'],
    guardrails: ReportSections['guardrails'],
  ) => ({ keyResults, guardrails });
  const none = { status: 'available' as const, items: [] };
  const unavailable = { status: 'unavailable' as const, reason: 'not connected' };

  it('flags on-track over an off-track key result or a breached guardrail', () => {
    expect(
      isWatermelon(
        'on-track',
        sections({ status: 'available', items: [keyResult('off-track')] }, none),
      ),
    ).toBe(true);
    expect(
      isWatermelon(
        'on-track',
        sections(none, { status: 'available', items: [guardrail('breached')] }),
      ),
    ).toBe(true);
  });

  it('does not flag an honest health, nor what merely warns', () => {
    expect(
      isWatermelon(
        'at-risk',
        sections({ status: 'available', items: [keyResult('off-track')] }, none),
      ),
    ).toBe(false);
    expect(
      isWatermelon(
        'on-track',
        sections(
          { status: 'available', items: [keyResult('at-risk')] },
          { status: 'available', items: [guardrail('warning')] },
        ),
      ),
    ).toBe(false);
  });

  it('cannot judge sections that are unavailable', () => {
    expect(isWatermelon('on-track', sections(unavailable, unavailable))).toBe(false);
  });
});
