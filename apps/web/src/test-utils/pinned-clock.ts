import { jest } from '@jest/globals';

/**
 * Pins the clock (`Date`) at `now` and nothing else, for pages that say "synced 4 min ago" or
 * count a team's today; `jest.useRealTimers()` in an afterEach undoes it. Every other timer API
 * stays real: React Query and Mantine schedule their work with them, and a test waits on the
 * page's state, never on time.
 */
export function pinClock(now: string | Date): void {
  jest.useFakeTimers({
    now: new Date(now),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
