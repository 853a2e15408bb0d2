import { describe, expect, it } from '@jest/globals';
import { guardrail } from '../../../test-utils/okr-fixtures';
import {
  checkEditedGuardrail,
  checkNewGuardrail,
  emptyGuardrailDraft,
  guardrailDraftOf,
} from './guardrail-draft';

describe('guardrail drafts', () => {
  it('sends a relative threshold and the warn level typed as percentages as shares', () => {
    const checked = checkNewGuardrail({
      ...emptyGuardrailDraft('playback.start_latency_p95'),
      baseline: '200',
      thresholdValue: '7',
      warnAtPercent: '90',
    });
    expect(checked).toEqual({
      ok: true,
      request: {
        metricKey: 'playback.start_latency_p95',
        baseline: 200,
        threshold: { type: 'relative', value: 0.07 },
        warnAt: 0.9,
      },
    });
  });

  it('keeps an absolute threshold in the metric’s unit, and an empty warn level as the default', () => {
    const checked = checkNewGuardrail({
      ...emptyGuardrailDraft('crash_free'),
      baseline: '99.5',
      thresholdType: 'absolute',
      thresholdValue: '0.3',
    });
    expect(checked.ok && checked.request).toMatchObject({
      threshold: { type: 'absolute', value: 0.3 },
      warnAt: null,
    });
  });

  it('reads a stored guardrail back as percentages, without float noise', () => {
    expect(
      guardrailDraftOf(guardrail({ threshold: { type: 'relative', value: 0.07 }, warnAt: 0.85 })),
    ).toMatchObject({
      thresholdValue: '7',
      warnAtPercent: '85',
    });
  });

  it('explains problems in the form’s own terms', () => {
    const checked = checkEditedGuardrail(
      {
        ...guardrailDraftOf(guardrail()),
        baseline: 'abc',
        thresholdValue: '-5',
        warnAtPercent: '150',
      },
      1,
    );
    expect(checked).toEqual({
      ok: false,
      errors: {
        baseline: 'Enter a number, such as 200',
        threshold: 'Must be 0 % or more',
        warnAt: 'Enter a share of the margin from 0 to 100 %',
      },
    });
  });
});
