import { jest } from '@jest/globals';

// Each browser test also runs axe on every page it visits (a few seconds a page on a small,
// shared machine), on top of starting a real API and driving Chromium: more than the global
// 60 s that the other projects keep. Tests never assert durations.
jest.setTimeout(180_000);
