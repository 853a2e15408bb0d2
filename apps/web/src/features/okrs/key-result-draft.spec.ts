import { describe, expect, it } from '@jest/globals';
import { checkEditedKeyResult, checkNewKeyResult, emptyDraft } from './key-result-draft';

const OBJECTIVE_ID = '00000000-0000-4000-8000-000000000200';
const draft = (fields: Partial<ReturnType<typeof emptyDraft>>) => ({
  ...emptyDraft(OBJECTIVE_ID),
  title: 'Weekly podcast listeners',
  ...fields,
});

describe('checkNewKeyResult', () => {
  it('turns typed numbers into a request the API accepts', () => {
    expect(
      checkNewKeyResult(draft({ baseline: '100', target: '200', weight: '2', unit: 'k' })),
    ).toEqual({
      ok: true,
      request: {
        objectiveId: OBJECTIVE_ID,
        title: 'Weekly podcast listeners',
        kind: 'increase',
        unit: 'k',
        baseline: 100,
        target: 200,
        weight: 2,
        cadence: 'weekly',
        metricKey: null,
      },
    });
  });

  it('applies the rules that tie kind, baseline and target together, per field', () => {
    expect(checkNewKeyResult(draft({ baseline: '100', target: '100' }))).toEqual({
      ok: false,
      errors: { target: 'Must differ from the baseline' },
    });
    expect(checkNewKeyResult(draft({ kind: 'decrease', baseline: '10', target: '20' }))).toEqual({
      ok: false,
      errors: { target: 'Must be below the baseline to decrease' },
    });
    expect(checkNewKeyResult(draft({ kind: 'stay-above', target: '' }))).toEqual({
      ok: false,
      errors: { target: 'Is required for a stay-above key result' },
    });
  });

  it('names each field that is not a number, a missing title and a weight of 0', () => {
    const checked = checkNewKeyResult(
      draft({ title: ' ', baseline: 'ten', target: '20', weight: '0' }),
    );
    expect(checked).toEqual({
      ok: false,
      errors: {
        title: 'Enter a title',
        baseline: 'Enter a number, such as 40 or 0.25',
        weight: 'Must be greater than 0',
      },
    });
  });

  it('lets a stay-above go without a baseline, and a milestone without numbers or metric', () => {
    expect(checkNewKeyResult(draft({ kind: 'stay-above', target: '99.5' })).ok).toBe(true);
    const milestone = checkNewKeyResult(draft({ kind: 'milestone', metricKey: 'ad_fill_rate' }));
    expect(milestone.ok && milestone.request).toMatchObject({ kind: 'milestone', metricKey: null });
    expect(milestone.ok && 'baseline' in milestone.request).toBe(false);
  });
});

describe('checkEditedKeyResult', () => {
  it('sends every field with the version it was based on', () => {
    const checked = checkEditedKeyResult(
      draft({ baseline: '0', target: '50', metricKey: 'ad_fill_rate' }),
      4,
    );
    expect(checked.ok && checked.request).toMatchObject({
      baseline: 0,
      target: 50,
      metricKey: 'ad_fill_rate',
      version: 4,
    });
  });

  it('checks the edited result with the same rules', () => {
    expect(
      checkEditedKeyResult(draft({ kind: 'increase', baseline: '50', target: '10' }), 1),
    ).toEqual({
      ok: false,
      errors: { target: 'Must be above the baseline to increase' },
    });
  });
});
