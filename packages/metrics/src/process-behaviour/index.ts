export { xmr, type XmrChart, type XmrOptions, type XmrRule, type XmrSignal } from './xmr.js';
export {
  xmrWithRecalculation,
  type XmrRecalculatedChart,
  type XmrRecalculationOptions,
  type XmrSegment,
  type XmrShift,
} from './xmr-with-recalculation.js';
export { xmrPointReadings, type XmrPointReading } from './xmr-point-readings.js';
