export * from './day.js';
export * from './calendar.js';
export * from './epoch-day.js';
