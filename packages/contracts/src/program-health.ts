import { z } from 'zod';
import { programText } from './program-fields.js';

/**
 * A program's (and a status report's) health and the reason given for it. Their own file, so
 * that programs (whose read model carries report-style health reasons) and status reports (whose
 * health is a program health) can both import them without importing each other. Re-exported
 * by `programs.ts`, which is where the package index takes them from.
 */

/** A program's (and a status report's) health. */
export const programHealthSchema = z.enum(['on-track', 'at-risk', 'off-track']);

/** Why the health is what it is; required whenever it is not on-track. */
export const healthReasonField = programText(2000)
  .trim()
  .min(1, { error: 'must not be empty: say why, or send null' });
