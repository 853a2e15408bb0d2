import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { renderWithProviders } from '../../../test-utils/render';
import { heatMapRows } from '../raid-heat-map-cells';
import { type CellFilter, RaidHeatMap } from './raid-heat-map';

const ROWS = heatMapRows([
  { probability: 4, impact: 5 },
  { probability: 4, impact: 5 },
  { probability: 2, impact: 3 },
]);

describe('RaidHeatMap', () => {
  it('names every cell with its count, score and band, in words', () => {
    renderWithProviders(<RaidHeatMap rows={ROWS} selected={null} onSelect={() => undefined} />);
    expect(screen.getAllByRole('button')).toHaveLength(25);
    expect(
      screen.getByRole('button', { name: 'Probability 4, impact 5, items: 2, high · 20' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Probability 2, impact 3, items: 1, medium · 6' }),
    ).toBeTruthy();
  });

  it('filters by a clicked cell and clears the filter when the pressed cell is clicked again', () => {
    const onSelect = jest.fn<(cell: CellFilter | null) => void>();
    function Stateful() {
      const [selected, setSelected] = useState<CellFilter | null>(null);
      return (
        <RaidHeatMap
          rows={ROWS}
          selected={selected}
          onSelect={(cell) => {
            onSelect(cell);
            setSelected(cell);
          }}
        />
      );
    }
    renderWithProviders(<Stateful />);
    const cell = () => screen.getByRole('button', { name: /^Probability 4, impact 5,/ });
    expect(cell().getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(cell());
    expect(onSelect).toHaveBeenLastCalledWith({ probability: 4, impact: 5 });
    expect(cell().getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(cell());
    expect(onSelect).toHaveBeenLastCalledWith(null);
    expect(cell().getAttribute('aria-pressed')).toBe('false');
  });
});
