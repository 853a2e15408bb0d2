import { updateTeamRequestSchema, type UpdateTeamRequest } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ApiError } from '../api/api-error';
import { contractRequest, useContractForm } from './use-contract-form';

interface HolidayValues {
  name: string;
  holidays: string[];
}

/** A team's name and holidays, sent as the contract's nested `calendar` with the version seen. */
function useHolidayForm(save: (body: UpdateTeamRequest) => Promise<unknown>) {
  return useContractForm<HolidayValues>({
    initialValues: { name: 'Payments', holidays: ['2026-12-25'] },
    request: contractRequest(
      updateTeamRequestSchema,
      ({ name, holidays }: HolidayValues) => ({
        name,
        calendar: { nonWorkingWeekdays: [0, 6], holidays },
        version: 3,
      }),
      save,
    ),
    validate: ({ name }) => (name.trim() === '' ? { name: 'Enter a name' } : {}),
  });
}

/** A save that the test settles by hand, and the bodies it was given. */
function controlledSave() {
  const bodies: UpdateTeamRequest[] = [];
  let settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const save = (body: UpdateTeamRequest) => {
    bodies.push(body);
    return new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
  };
  return {
    bodies,
    save,
    resolve: () => settle?.resolve(),
    reject: (error: unknown) => settle?.reject(error),
  };
}

function problem(status: number, type: string, errors?: { path: string; message: string }[]) {
  return new ApiError({
    type: `https://bearing.dev/problems/${type}`,
    title: status === 409 ? 'Conflict' : 'Bad request',
    status,
    ...(status === 409 ? { detail: 'The team was changed by someone else.' } : {}),
    ...(errors ? { errors } : {}),
  });
}

describe('useContractForm', () => {
  it('shows a schema complaint on the nested field it names and does not save', () => {
    const saving = controlledSave();
    const { result } = renderHook(() => useHolidayForm(saving.save));
    act(() => result.current.setValue('holidays', ['2026-12-25', 'not a day']));
    act(() => result.current.submit());

    const keys = Object.keys(result.current.errors);
    expect(keys).toEqual(['calendar.holidays.1']);
    expect(result.current.errorAt('calendar.holidays')).toBe(
      result.current.errors['calendar.holidays.1'],
    );
    expect(result.current.errorAt('calendar')).toMatch(/^[A-Z]/);
    expect(result.current.errorAt('name')).toBeUndefined();
    expect(saving.bodies).toHaveLength(0);
    expect(result.current.submitting).toBe(false);
  });

  it("lays the form's own message over the schema's and does not save", () => {
    const saving = controlledSave();
    const { result } = renderHook(() => useHolidayForm(saving.save));
    act(() => result.current.setValue('name', '   '));
    act(() => result.current.submit());

    expect(result.current.errors).toEqual({ name: 'Enter a name' });
    expect(saving.bodies).toHaveLength(0);
  });

  it('sends the parsed body, and is submitting until the save settles', async () => {
    const saving = controlledSave();
    const { result } = renderHook(() => useHolidayForm(saving.save));
    act(() => result.current.setValues({ name: '  Checkout  ' }));
    act(() => result.current.submit());

    // The schema's output is what is sent: the name trimmed.
    expect(saving.bodies).toEqual([
      {
        name: 'Checkout',
        calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2026-12-25'] },
        version: 3,
      },
    ]);
    expect(result.current.submitting).toBe(true);
    act(() => saving.resolve());
    await waitFor(() => expect(result.current.submitting).toBe(false));
    expect(result.current.errors).toEqual({});
    expect(result.current.error).toBeNull();
  });

  it("puts a 400's problems on the exact nested fields they name", async () => {
    const saving = controlledSave();
    const { result } = renderHook(() => useHolidayForm(saving.save));
    act(() => result.current.submit());
    act(() =>
      saving.reject(
        problem(400, 'validation', [
          { path: 'calendar.holidays.0', message: 'is a holiday twice' },
          { path: 'name', message: 'must be unique in the workspace' },
        ]),
      ),
    );

    await waitFor(() => expect(result.current.submitting).toBe(false));
    expect(result.current.errors).toEqual({
      'calendar.holidays.0': 'Is a holiday twice',
      name: 'Must be unique in the workspace',
    });
    expect(result.current.errorAt('calendar')).toBe('Is a holiday twice');
    expect(result.current.stale).toBe(false);
  });

  it('says a 409 is stale, with no field errors, and clears it when the next save starts', async () => {
    const saving = controlledSave();
    const { result } = renderHook(() => useHolidayForm(saving.save));
    act(() => result.current.submit());
    const conflict = problem(409, 'stale-version', [{ path: 'version', message: 'is stale' }]);
    act(() => saving.reject(conflict));

    await waitFor(() => expect(result.current.stale).toBe(true));
    expect(result.current.error).toBe(conflict);
    expect(result.current.errors).toEqual({});

    act(() => result.current.submit());
    expect(result.current.stale).toBe(false);
    expect(result.current.error).toBeNull();
    expect(saving.bodies).toHaveLength(2);
  });
});
