import { z } from 'zod';
import { boundedIsoDay } from './days.js';
import { text, untrimmedText } from './text.js';

/**
 * Field schemas shared by the program, milestone, RAID, dependency and status-report contracts.
 * Kept out of the package index: each public schema that uses them is exported from its own
 * file, so these helper names never clash with other features' exports.
 */

const requiredOr = (message: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : message;

/** A calendar date `YYYY-MM-DD` that exists, from 0001-01-01 to 9999-12-31 (as `isoDaySchema`). */
export const programDay = boundedIsoDay(requiredOr('must be a calendar date YYYY-MM-DD'));

export const programInstant = z.iso.datetime({ offset: true });

/** Names and titles: trimmed, 1–200 characters. */
export const programName = text({ error: requiredOr('must be text') })
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'must be at most 200 characters' });

/** Longer free text (descriptions, mitigations, summaries), kept as typed: not trimmed. */
export const programText = (max: number) =>
  untrimmedText().max(max, { error: `must be at most ${max} characters` });

/** Ids of linked records: at most 50, none repeated. */
export const linkedIds = z
  .array(z.uuid({ error: 'must be a UUID' }))
  .max(50, { error: 'must list at most 50 ids' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must not repeat an id' });

/** Optimistic concurrency: the `version` the caller last saw; a stale one is a 409. */
export const versionField = z
  .number({ error: requiredOr('must be a number') })
  .int()
  .min(1);

/** A user as responses name them. */
export const personSchema = z.object({ id: z.uuid(), displayName: z.string() });
