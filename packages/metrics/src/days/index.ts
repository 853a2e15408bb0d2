export * from './day.js';
export * from './calendar.js';
