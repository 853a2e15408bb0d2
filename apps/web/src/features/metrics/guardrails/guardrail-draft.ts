import {
  createGuardrailRequestSchema,
  type CreateGuardrailRequest,
  type Guardrail,
  updateGuardrailRequestSchema,
  type UpdateGuardrailRequest,
} from '@bearing/contracts';
import { type FieldErrors, fieldErrorsFromIssues } from '../../../components/field-errors';
import { numberText, parseNumberText } from '../../../components/number-input-text';

/**
 * The guardrail form as typed. A relative threshold and the warn level are typed as
 * percentages (10 for 10 %), which is how people say them; the API takes shares (0.1).
 */
export interface GuardrailDraft {
  metricKey: string;
  baseline: string;
  thresholdType: 'absolute' | 'relative';
  thresholdValue: string;
  /** Percent of the margin; '' = the default (80 %). */
  warnAtPercent: string;
}

export function emptyGuardrailDraft(metricKey: string): GuardrailDraft {
  return {
    metricKey,
    baseline: '',
    thresholdType: 'relative',
    thresholdValue: '',
    warnAtPercent: '',
  };
}

/** Percent ↔ share without float noise (0.07 × 100 is 7.000000000000001). */
function percentText(share: number): string {
  return String(Number((share * 100).toPrecision(12)));
}

function shareOf(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

export function guardrailDraftOf(guardrail: Guardrail): GuardrailDraft {
  return {
    metricKey: guardrail.metricKey,
    baseline: numberText(guardrail.baseline),
    thresholdType: guardrail.threshold.type,
    thresholdValue:
      guardrail.threshold.type === 'relative'
        ? percentText(guardrail.threshold.value)
        : numberText(guardrail.threshold.value),
    warnAtPercent: guardrail.warnAt === null ? '' : percentText(guardrail.warnAt),
  };
}

type Check<Request> = { ok: true; request: Request } | { ok: false; errors: FieldErrors };

interface Fields {
  baseline: number;
  threshold: { type: 'absolute' | 'relative'; value: number };
  warnAt: number | null;
}

/** Reads the typed numbers; the field names match the API's error paths (`threshold.value` → `threshold`). */
function readFields(draft: GuardrailDraft): { fields: Fields; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const baseline = parseNumberText(draft.baseline);
  if (baseline === null) errors.baseline = 'Enter the value it starts from';
  if (baseline === undefined) errors.baseline = 'Enter a number, such as 200';
  const threshold = parseNumberText(draft.thresholdValue);
  if (threshold === null) errors.threshold = 'Enter how far it may move';
  if (threshold === undefined) errors.threshold = 'Enter a number, such as 10';
  const warnAt = parseNumberText(draft.warnAtPercent);
  if (warnAt === undefined) errors.warnAt = 'Enter a percentage, such as 80';
  return {
    fields: {
      baseline: baseline ?? Number.NaN,
      threshold: {
        type: draft.thresholdType,
        value:
          threshold === null || threshold === undefined
            ? Number.NaN
            : draft.thresholdType === 'relative'
              ? shareOf(threshold)
              : threshold,
      },
      warnAt: warnAt === null || warnAt === undefined ? null : shareOf(warnAt),
    },
    errors,
  };
}

/** The schemas speak in shares; the form in percentages. */
function explain(errors: FieldErrors, draft: GuardrailDraft): FieldErrors {
  const explained = { ...errors };
  if (explained.warnAt) explained.warnAt = 'Enter a share of the margin from 0 to 100 %';
  if (
    explained.threshold &&
    draft.thresholdType === 'relative' &&
    !explained.threshold.startsWith('Enter')
  ) {
    explained.threshold = 'Must be 0 % or more';
  }
  return explained;
}

export function checkNewGuardrail(draft: GuardrailDraft): Check<CreateGuardrailRequest> {
  const { fields, errors } = readFields(draft);
  const parsed = createGuardrailRequestSchema.safeParse({ metricKey: draft.metricKey, ...fields });
  const all = explain(
    { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...errors },
    draft,
  );
  if (draft.metricKey === '') all.metricKey = 'Pick the metric to guard';
  if (!parsed.success || Object.keys(all).length > 0) return { ok: false, errors: all };
  return { ok: true, request: parsed.data };
}

export function checkEditedGuardrail(
  draft: GuardrailDraft,
  version: number,
): Check<UpdateGuardrailRequest> {
  const { fields, errors } = readFields(draft);
  const parsed = updateGuardrailRequestSchema.safeParse({ ...fields, version });
  const all = explain(
    { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...errors },
    draft,
  );
  if (!parsed.success || Object.keys(all).length > 0) return { ok: false, errors: all };
  return { ok: true, request: parsed.data };
}

/** Error messages from the API, in the form's words. */
export function explainProblemErrors(errors: FieldErrors, draft: GuardrailDraft): FieldErrors {
  return explain(errors, draft);
}
