import { Group, Stack, Text } from '@mantine/core';
import { type HeatMapCell, RATINGS, type ScoreBand } from '../raid-heat-map-cells';
import classes from './raid-heat-map.module.css';

export interface CellFilter {
  probability: number;
  impact: number;
}

export interface RaidHeatMapProps {
  rows: HeatMapCell[][];
  selected: CellFilter | null;
  onSelect: (cell: CellFilter | null) => void;
}

const BAND_LABELS: Record<ScoreBand, string> = { low: 'low', medium: 'medium', high: 'high' };

/**
 * Probability (across) × impact (up), each cell labelled with its count and score and named in
 * words for screen readers; a cell is a toggle that filters the RAID list. Pure.
 */
export function RaidHeatMap({ rows, selected, onSelect }: RaidHeatMapProps) {
  return (
    <Group gap="xs" align="stretch" wrap="nowrap" role="group" aria-label="RAID heat map">
      <Text
        size="xs"
        c="dimmed"
        style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', textAlign: 'center' }}
        aria-hidden="true"
      >
        Impact →
      </Text>
      <Stack gap={4}>
        <div className={classes.grid}>
          {rows.map((row) => [
            <span key={`label-${row[0]?.impact}`} className={classes.axisLabel} aria-hidden="true">
              {row[0]?.impact}
            </span>,
            ...row.map((cell) => {
              const pressed =
                selected?.probability === cell.probability && selected.impact === cell.impact;
              return (
                <button
                  key={`${cell.probability}:${cell.impact}`}
                  type="button"
                  className={classes.cell}
                  data-band={cell.band}
                  data-empty={cell.count === 0 || undefined}
                  aria-pressed={pressed}
                  // Holds the cell's visible words in their order (count, band · score), as a
                  // name must for speech input to find the button by what it shows.
                  aria-label={`Probability ${cell.probability}, impact ${cell.impact}, items: ${
                    cell.count
                  }, ${BAND_LABELS[cell.band]} · ${cell.score}`}
                  onClick={() =>
                    onSelect(
                      pressed ? null : { probability: cell.probability, impact: cell.impact },
                    )
                  }
                >
                  <span className={classes.count}>{cell.count}</span>{' '}
                  <span className={classes.score}>
                    {BAND_LABELS[cell.band]} · {cell.score}
                  </span>
                </button>
              );
            }),
          ])}
          <span />
          {RATINGS.map((probability) => (
            <span key={probability} className={classes.axisLabel} aria-hidden="true">
              {probability}
            </span>
          ))}
        </div>
        <Text size="xs" c="dimmed" ta="center" aria-hidden="true">
          Probability →
        </Text>
      </Stack>
    </Group>
  );
}
