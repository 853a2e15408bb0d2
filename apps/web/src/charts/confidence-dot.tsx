import type { Confidence } from '@bearing/contracts';
import { CONFIDENCE_MARKS } from './confidence-marks';

export interface ConfidenceDotProps {
  cx?: number | undefined;
  cy?: number | undefined;
  confidence: Confidence | undefined;
}

/** A check-in on a chart: circle on track, triangle at risk, square off track. */
export function ConfidenceDot({ cx, cy, confidence }: ConfidenceDotProps) {
  if (cx === undefined || cy === undefined || confidence === undefined) return null;
  const { shape, color } = CONFIDENCE_MARKS[confidence];
  const r = 5.5;
  const common = { fill: color, stroke: 'white', strokeWidth: 1.5 };
  if (shape === 'triangle') {
    return (
      <path
        d={`M${cx} ${cy - r - 1} L${cx + r + 1} ${cy + r} L${cx - r - 1} ${cy + r} Z`}
        {...common}
      />
    );
  }
  if (shape === 'square') {
    return <rect x={cx - r + 1} y={cy - r + 1} width={2 * r - 2} height={2 * r - 2} {...common} />;
  }
  return <circle cx={cx} cy={cy} r={r - 1} {...common} />;
}
