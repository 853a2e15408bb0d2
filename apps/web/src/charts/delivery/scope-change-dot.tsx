import { DELIVERY_COLORS } from './delivery-colors';

export interface ScopeChangeDotProps {
  cx?: number | null | undefined;
  cy?: number | null | undefined;
  changed: boolean;
  color: string;
}

/**
 * A day on a sprint chart: a small circle, or a larger outlined triangle on a day when scope
 * was added or removed — the shape says it as well as the colour.
 */
export function ScopeChangeDot({ cx, cy, changed, color }: ScopeChangeDotProps) {
  // Days still to come have no value, hence no position.
  if (typeof cx !== 'number' || typeof cy !== 'number') return null;
  if (!changed) return <circle cx={cx} cy={cy} r={2.5} fill={color} />;
  return (
    <path
      d={`M${cx} ${cy - 7} L${cx + 6.5} ${cy + 5} L${cx - 6.5} ${cy + 5} Z`}
      fill={DELIVERY_COLORS.scope}
      stroke="white"
      strokeWidth={1.5}
      data-scope-change="true"
    />
  );
}
