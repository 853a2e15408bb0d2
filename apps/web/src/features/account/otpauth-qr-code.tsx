import { Skeleton } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * The enrolment link as a QR code for the authenticator app to scan, drawn as SVG in the
 * browser: the secret never goes to a third-party QR service. The library loads with the step.
 */
export function OtpauthQrCode({ url, size = 192 }: { url: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void import('qrcode').then(({ toString }) =>
      toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((drawn) => {
        if (current) setSvg(drawn);
      }),
    );
    return () => {
      current = false;
    };
  }, [url]);
  if (svg === null) return <Skeleton width={size} height={size} aria-label="Drawing the QR code" />;
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      width={size}
      height={size}
      alt="QR code to scan with your authenticator app"
    />
  );
}
