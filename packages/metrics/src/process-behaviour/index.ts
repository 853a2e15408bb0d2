export { xmr, type XmrChart, type XmrOptions, type XmrRule, type XmrSignal } from './xmr.js';
