import { describe, expect, it } from '@jest/globals';
import {
  HEALTH_REASON_SEVERITY,
  healthReasonCodeSchema,
  MILESTONE_SLIP_AT_RISK_AFTER_DAYS,
  OFF_TRACK_AT_RISK_REASONS,
  type ReportSections,
} from '@bearing/contracts';
import * as metrics from '@bearing/metrics';
import { classifyReason, isWatermelon } from './health-rules.js';

describe('health rules', () => {
  it('takes the severities and thresholds from @bearing/metrics, mirrored by the contracts', () => {
    expect(HEALTH_REASON_SEVERITY).toEqual(metrics.HEALTH_SIGNAL_SEVERITY);
    expect(Object.keys(metrics.HEALTH_SIGNAL_SEVERITY).sort()).toEqual(
      [...healthReasonCodeSchema.options].sort(),
    );
    expect(MILESTONE_SLIP_AT_RISK_AFTER_DAYS).toBe(metrics.MILESTONE_SLIP_AT_RISK_AFTER_DAYS);
    expect(OFF_TRACK_AT_RISK_REASONS).toBe(metrics.OFF_TRACK_AT_RISK_SIGNALS);
  });

  it("classifies a collector's reason with its severity and section", () => {
    const reason = { code: 'guardrail-warning' as const, message: 'Warning', ref: null };
    expect(classifyReason('guardrails', reason)).toEqual({
      ...reason,
      severity: 'watch',
      section: 'guardrails',
    });
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
