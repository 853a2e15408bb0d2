import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { type FormEvent, useState } from 'react';
import { renderWithProviders } from '../test-utils/render';
import { DayInput, parseTypedDay } from './day-input';

/** A form as the app's forms use the input: state holds the ISO day, submit sends it. */
function DueDateForm({ initial, onSubmit }: { initial: string; onSubmit: (day: string) => void }) {
  const [day, setDay] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(day);
  };
  return (
    <form onSubmit={submit}>
      <DayInput
        label="Due date"
        value={day}
        onChange={(event) => setDay(event.currentTarget.value)}
      />
      <button type="submit">Save</button>
    </form>
  );
}

describe('DayInput', () => {
  it('shows an ISO day as the app writes days, and submits ISO', async () => {
    const sent: string[] = [];
    renderWithProviders(<DueDateForm initial="2026-11-30" onSubmit={(day) => sent.push(day)} />);
    const input = screen.getByLabelText<HTMLInputElement>('Due date');
    expect(input.value).toBe('Nov 30, 2026');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent).toEqual(['2026-11-30']);

    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Dec 24, 2026' } });
    fireEvent.blur(input);
    await waitFor(() => expect(input.value).toBe('Dec 24, 2026'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent.at(-1)).toBe('2026-12-24');
  });

  it('takes a typed ISO day too, and shows it the app’s way once left', async () => {
    const sent: string[] = [];
    renderWithProviders(<DueDateForm initial="" onSubmit={(day) => sent.push(day)} />);
    const input = screen.getByLabelText<HTMLInputElement>('Due date');
    expect(input.value).toBe('');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2027-01-05' } });
    fireEvent.blur(input);
    await waitFor(() => expect(input.value).toBe('Jan 5, 2027'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent).toEqual(['2027-01-05']);
  });

  it('keeps the last day when what was typed is not one', async () => {
    const sent: string[] = [];
    renderWithProviders(<DueDateForm initial="2026-11-30" onSubmit={(day) => sent.push(day)} />);
    const input = screen.getByLabelText<HTMLInputElement>('Due date');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2026-02-30' } });
    fireEvent.blur(input);
    await waitFor(() => expect(input.value).toBe('Nov 30, 2026'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent).toEqual(['2026-11-30']);
  });
});

describe('DayInput calendar', () => {
  it('opens on a click, and a picked day closes it and is sent as ISO', async () => {
    const sent: string[] = [];
    renderWithProviders(<DueDateForm initial="2026-11-30" onSubmit={(day) => sent.push(day)} />);
    const input = screen.getByLabelText<HTMLInputElement>('Due date');
    fireEvent.focus(input);
    // Focus alone (a tab, a typed day) leaves the buttons below uncovered.
    expect(screen.queryByRole('button', { name: 'November 2026' })).toBeNull();
    fireEvent.click(input);
    expect(await screen.findByRole('button', { name: 'November 2026' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '3 December 2026' }));
    await waitFor(() => expect(input.value).toBe('Dec 3, 2026'));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'November 2026' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sent).toEqual(['2026-12-03']);
  });
});

describe('parseTypedDay', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['Nov 30, 2026', '2026-11-30'],
    ['November 30, 2026', '2026-11-30'],
    ['30 Nov 2026', '2026-11-30'],
    ['  Nov 30, 2026 ', '2026-11-30'],
    ['2026-02-30', null],
    ['Feb 30, 2026', null],
    ['11/30/2026', null],
    ['Nov 30', null],
    ['', null],
  ])('reads %p as %p', (typed, day) => {
    expect(parseTypedDay(typed)).toBe(day);
  });
});
