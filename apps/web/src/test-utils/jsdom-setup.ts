// Browser APIs that jsdom does not implement but the app's libraries use at load or render time.
import { afterEach, beforeEach, jest } from '@jest/globals';
import { configure } from '@testing-library/react';
import { format, TextDecoder, TextEncoder } from 'node:util';

// React Router encodes URLs with TextEncoder when its module loads.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// `findBy…` waits 1 s by default; a page that renders after two mocked requests (and loads its
// lazy page module) can take far longer when every project runs at once on a small, shared
// machine — 5 s was seen to fail. Waiting longer costs nothing when the state arrives sooner.
configure({ asyncUtilTimeout: 20_000 });

// Mantine (see mantine.dev/guides/jest):

// The tests run as someone who prefers reduced motion: the theme then opens and closes dialogs
// and popovers at once, so no transition timer updates the page after a test's last act().
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: query.includes('prefers-reduced-motion: reduce'),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = NoopResizeObserver;

// jsdom does not implement getComputedStyle's pseudo-element argument and reports an error; drop it.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);
window.HTMLElement.prototype.scrollIntoView = () => {};

// Mantine's autosizing Textarea re-measures when web fonts finish loading; jsdom has no FontFaceSet.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

// The end-to-end test fails on any console error; fail here first, where the cause is easier to find
// (React key and act warnings, Mantine prop warnings, ...).
const consoleComplaints: string[] = [];
beforeEach(() => {
  consoleComplaints.length = 0;
  for (const level of ['error', 'warn'] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleComplaints.push(`console.${level}: ${format(...args)}`);
    });
  }
});
afterEach(() => {
  jest.restoreAllMocks();
  if (consoleComplaints.length > 0) {
    throw new Error(`The test wrote to the console:\n${consoleComplaints.join('\n')}`);
  }
});
