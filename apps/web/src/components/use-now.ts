import { useEffect, useState } from 'react';

const MINUTE = 60_000;

/** The current time, moved on every minute, so "synced 4 min ago" or "fired 3 min ago" does not go stale on screen. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}
