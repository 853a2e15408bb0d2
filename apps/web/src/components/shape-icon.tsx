/**
 * Small shapes that go with a colour wherever status is shown, so the status reads without
 * colour too: a circle is fine, a triangle a warning, a square a failure, a diamond a signal; for
 * documents, a ring is nothing yet, a half-filled circle a draft and a circle published.
 */
export type Shape = 'circle' | 'triangle' | 'square' | 'diamond' | 'ring' | 'half';

export interface ShapeIconProps {
  shape: Shape;
  size?: number;
  /** Any CSS colour; defaults to the surrounding text colour. */
  color?: string;
}

export function ShapeIcon({ shape, size = 10, color = 'currentColor' }: ShapeIconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      {shape === 'circle' && <circle cx="5" cy="5" r="4.5" fill={color} />}
      {shape === 'ring' && (
        <circle cx="5" cy="5" r="3.75" fill="none" stroke={color} strokeWidth="1.5" />
      )}
      {shape === 'half' && (
        <>
          <circle cx="5" cy="5" r="3.75" fill="none" stroke={color} strokeWidth="1.5" />
          <path d="M5 1.25 A3.75 3.75 0 0 0 5 8.75 Z" fill={color} />
        </>
      )}
      {shape === 'triangle' && <path d="M5 0.5 L9.6 9.3 L0.4 9.3 Z" fill={color} />}
      {shape === 'square' && <rect x="1" y="1" width="8" height="8" fill={color} />}
      {shape === 'diamond' && <path d="M5 0 L10 5 L5 10 L0 5 Z" fill={color} />}
    </svg>
  );
}
