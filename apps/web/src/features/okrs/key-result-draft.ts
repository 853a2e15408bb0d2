import {
  type CheckInCadence,
  createKeyResultRequestSchema,
  type CreateKeyResultRequest,
  type KeyResult,
  type KeyResultKind,
  keyResultRuleViolations,
  updateKeyResultRequestSchema,
  type UpdateKeyResultRequest,
} from '@bearing/contracts';
import { type FieldErrors, fieldErrorsFromIssues } from '../../components/field-errors';
import { numberText, parseNumberText } from '../../components/number-input-text';

/** The key result form's fields as typed: numbers are still text. */
export interface KeyResultDraft {
  objectiveId: string;
  title: string;
  kind: KeyResultKind;
  unit: string;
  baseline: string;
  target: string;
  weight: string;
  cadence: CheckInCadence;
  /** '' = follows no metric. */
  metricKey: string;
}

export function emptyDraft(objectiveId: string): KeyResultDraft {
  return {
    objectiveId,
    title: '',
    kind: 'increase',
    unit: '',
    baseline: '',
    target: '',
    weight: '1',
    cadence: 'weekly',
    metricKey: '',
  };
}

export function draftOf(keyResult: KeyResult): KeyResultDraft {
  return {
    objectiveId: keyResult.objectiveId,
    title: keyResult.title,
    kind: keyResult.kind,
    unit: keyResult.unit,
    baseline: numberText(keyResult.baseline),
    target: numberText(keyResult.target),
    weight: numberText(keyResult.weight),
    cadence: keyResult.cadence,
    metricKey: keyResult.metricKey ?? '',
  };
}

export type DraftCheck<Request> =
  { ok: true; request: Request } | { ok: false; errors: FieldErrors };

interface ParsedNumbers {
  baseline: number | null;
  target: number | null;
  weight: number | null;
  errors: FieldErrors;
}

function parseNumbers(draft: KeyResultDraft): ParsedNumbers {
  const errors: FieldErrors = {};
  const read = (field: 'baseline' | 'target' | 'weight') => {
    const value = parseNumberText(draft[field]);
    if (value === undefined) errors[field] = 'Enter a number, such as 40 or 0.25';
    return value ?? null;
  };
  return { baseline: read('baseline'), target: read('target'), weight: read('weight'), errors };
}

/**
 * A milestone goes from 0 to 1 and follows no metric: the form hides those fields, and the
 * request leaves them to the API's defaults.
 */
function isMilestone(draft: KeyResultDraft): boolean {
  return draft.kind === 'milestone';
}

/**
 * Checks a new key result with the schema the API validates with — including the rules that
 * tie kind, baseline and target together — and says what is wrong per field.
 */
export function checkNewKeyResult(draft: KeyResultDraft): DraftCheck<CreateKeyResultRequest> {
  const numbers = parseNumbers(draft);
  const milestone = isMilestone(draft);
  const candidate = {
    objectiveId: draft.objectiveId,
    title: draft.title,
    kind: draft.kind,
    unit: draft.unit,
    ...(milestone ? {} : { baseline: numbers.baseline, target: numbers.target }),
    weight: numbers.weight ?? Number.NaN,
    cadence: draft.cadence,
    metricKey: milestone || draft.metricKey === '' ? null : draft.metricKey,
  };
  const parsed = createKeyResultRequestSchema.safeParse(candidate);
  const errors: FieldErrors = {
    ...ruleErrors(candidate),
    ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)),
    ...(numbers.weight === null ? { weight: 'Enter a weight, such as 1' } : {}),
    ...numbers.errors,
    ...(draft.title.trim() === '' ? { title: 'Enter a title' } : {}),
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}

/** Checks an edit the same way; the request replaces every field, based on `version`. */
export function checkEditedKeyResult(
  draft: KeyResultDraft,
  version: number,
): DraftCheck<UpdateKeyResultRequest> {
  const numbers = parseNumbers(draft);
  const milestone = isMilestone(draft);
  const candidate = {
    objectiveId: draft.objectiveId,
    title: draft.title,
    kind: draft.kind,
    unit: draft.unit,
    baseline: milestone ? 0 : numbers.baseline,
    target: milestone ? 1 : numbers.target,
    weight: numbers.weight ?? Number.NaN,
    cadence: draft.cadence,
    metricKey: milestone || draft.metricKey === '' ? null : draft.metricKey,
    version,
  };
  const parsed = updateKeyResultRequestSchema.safeParse(candidate);
  const errors: FieldErrors = {
    ...ruleErrors(candidate),
    ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)),
    ...(numbers.weight === null ? { weight: 'Enter a weight, such as 1' } : {}),
    ...numbers.errors,
    ...(draft.title.trim() === '' ? { title: 'Enter a title' } : {}),
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}

function ruleErrors(candidate: Parameters<typeof keyResultRuleViolations>[0]): FieldErrors {
  return fieldErrorsFromIssues(
    keyResultRuleViolations(candidate).map(({ path, message }) => ({ path: [path], message })),
  );
}
