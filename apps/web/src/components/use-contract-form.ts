import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { FieldErrors } from './field-errors';
import { type PathErrors, pathErrorsFromIssues, pathErrorsFromProblem } from './path-errors';

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** What the hook needs of a zod schema: its `safeParse` (the web app does not depend on zod). */
export interface RequestSchema<Output> {
  safeParse(
    input: unknown,
  ): { success: true; data: Output } | { success: false; error: { issues: readonly Issue[] } };
}

/**
 * One request a form can send: from the form's values, either what is wrong with them (keyed by
 * field path) or the save to run. `contractRequest` builds one from a contract's schema; a form
 * whose checks live in a draft module (rules across fields) can build its own.
 */
export interface ContractRequest<Values> {
  parse(values: Values): { errors: PathErrors } | { save: () => Promise<unknown> };
}

/**
 * The contract's schema, the body built from the form's values, and what to do with the body
 * once it passes — kept together so the body `save` gets is typed by the schema that checked
 * it (a create-or-edit form picks one of two).
 */
export function contractRequest<Values, Output>(
  schema: RequestSchema<Output>,
  body: (values: Values) => unknown,
  save: (data: Output) => Promise<unknown>,
): ContractRequest<Values> {
  return {
    parse(values) {
      const parsed = schema.safeParse(body(values));
      if (!parsed.success) return { errors: pathErrorsFromIssues(parsed.error.issues) };
      const data = parsed.data;
      return { save: () => save(data) };
    },
  };
}

export interface ContractFormOptions<Values> {
  initialValues: Values | (() => Values);
  request: ContractRequest<Values>;
  /**
   * The form's own checks (plainer words for a blank field, rules the schema cannot see), laid
   * over the schema's messages; any of them stops the save too.
   */
  validate?: (values: Values) => FieldErrors;
  /**
   * What a 409 says on the fields, for a form where a conflict is about one (a taken slug). A
   * stale version names none: without this a 409 clears the field errors and `stale` is true.
   */
  conflictErrors?: (error: ApiError, values: Values) => FieldErrors;
  /**
   * The field errors of any other failed save, from the values that were sent; by default a
   * 400's problems, each on the field path it names.
   */
  serverErrors?: (error: unknown, values: Values) => PathErrors;
}

export interface ContractForm<Values> {
  values: Values;
  setValue: <Key extends keyof Values>(field: Key, value: Values[Key]) => void;
  setValues: (change: Partial<Values>) => void;
  /** Messages keyed by the field's dotted path in the request body (`workflow.stages.1.name`). */
  errors: PathErrors;
  /** The first message at `path` or below it, in the order the schema or the server gave them. */
  errorAt: (path: string) => string | undefined;
  /** True while the save runs. */
  submitting: boolean;
  /** The last save's failure (cleared when the next save starts), for `FormErrorAlert`. */
  error: Error | null;
  /**
   * The last save was refused with 409: most often someone changed the record since the form was
   * filled (a stale version), so the form offers a reload instead of field errors.
   */
  stale: boolean;
  submit: (event?: FormEvent<HTMLFormElement>) => void;
}

/**
 * The sequence every contract form repeats: check the body with the contract's zod schema (the
 * same one the API validates with, so the form says what the server would), show each complaint
 * on its field, save only when nothing is wrong, then show a 400's problems on the fields they
 * name. A 409 names no field: the form shows its own "changed by someone else" message.
 */
export function useContractForm<Values>({
  initialValues,
  request,
  validate,
  conflictErrors,
  serverErrors = pathErrorsFromProblem,
}: ContractFormOptions<Values>): ContractForm<Values> {
  const [values, setAll] = useState<Values>(initialValues);
  const [errors, setErrors] = useState<PathErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const parsed = request.parse(values);
    const found = {
      ...('errors' in parsed ? parsed.errors : {}),
      ...validate?.(values),
    };
    setErrors(found);
    if ('errors' in parsed || Object.keys(found).length > 0) return;
    setSubmitting(true);
    setError(null);
    parsed.save().then(
      () => setSubmitting(false),
      (failure: unknown) => {
        setSubmitting(false);
        // The API client throws only Errors; anything else is worded as an unreachable server.
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        if (!isConflict(failure)) setErrors(serverErrors(failure, values));
        else setErrors(conflictErrors?.(failure, values) ?? {});
      },
    );
  };

  return {
    values,
    setValue: (field, value) => setAll((current) => ({ ...current, [field]: value })),
    setValues: (change) => setAll((current) => ({ ...current, ...change })),
    errors,
    errorAt: (path) => firstAtOrBelow(errors, path),
    submitting,
    error,
    stale: isConflict(error),
    submit,
  };
}

function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409;
}

function firstAtOrBelow(errors: PathErrors, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
  return key === undefined ? undefined : errors[key];
}
