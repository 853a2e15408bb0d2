/**
 * A scatter point as a bare `<circle>`: thousands of them stay cheap to render, unlike
 * Recharts' default symbol (a path generated per point).
 */
export function lightDot(color: string, radius = 3) {
  return function LightDot({ cx, cy }: { cx?: number | undefined; cy?: number | undefined }) {
    if (cx === undefined || cy === undefined) return <g />;
    return <circle cx={cx} cy={cy} r={radius} fill={color} fillOpacity={0.65} />;
  };
}
