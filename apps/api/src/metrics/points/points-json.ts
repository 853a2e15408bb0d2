import type { z } from 'zod';
import { fieldErrorsOf } from '../../common/validation/field-errors.js';
import { type PointsCollector, StopReading } from './points-reading.js';

/**
 * Reads a JSON array of points from `source`, element by element, into `collector`: each
 * element is parsed on its own and checked with `schema` (`metricPointSchema` or
 * `multiMetricPointSchema`), its problems reported as `<index>.<field>` in array order, until the
 * collector's caps end reading. The upload is never held as one string.
 */
export async function readPointsJson(
  source: AsyncIterable<string>,
  schema: z.ZodType<{ metric?: string; timestamp: string; value: number }>,
  collector: PointsCollector,
): Promise<void> {
  const splitter = new JsonArraySplitter();
  let index = 0;
  const element = (text: string) => {
    collector.row();
    const where = String(index++);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      collector.fatal({ path: where, message: `is not valid JSON (${syntaxMessage(error)})` });
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const problem of fieldErrorsOf(result.error)) {
        collector.problem({
          path: problem.path === '' ? where : `${where}.${problem.path}`,
          message: problem.message,
        });
      }
      return;
    }
    const { metric, timestamp, value: number } = result.data;
    collector.point({ where, metric, timestamp, value: number });
  };
  try {
    try {
      for await (const chunk of source) {
        for (const text of splitter.write(chunk)) element(text);
      }
      splitter.end();
    } catch (error) {
      if (!(error instanceof JsonArrayError)) throw error;
      collector.fatal({ path: '', message: error.message });
    }
    if (index === 0) collector.fatal({ path: '', message: 'must hold at least one point' });
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
}

/** The upload is not one JSON array. */
class JsonArrayError extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xfeff]);

/**
 * Cuts one JSON array, arriving in chunks, into the text of each of its elements. It follows
 * only strings, brackets and the commas between elements; `JSON.parse` checks each element, so
 * anything that is not JSON is refused there or here.
 */
export class JsonArraySplitter {
  private state: 'before' | 'elements' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The current element's text from earlier chunks. */
  private pending = '';
  private elements = 0;

  /** The elements completed within `chunk`, in order. */
  write(chunk: string): string[] {
    const done: string[] = [];
    let start = 0;
    for (let index = 0; index < chunk.length; index++) {
      const code = chunk.charCodeAt(index);
      if (this.state !== 'elements') {
        if (WHITESPACE.has(code)) continue;
        if (this.state === 'before' && code === OPEN_BRACKET) {
          this.state = 'elements';
          start = index + 1;
          continue;
        }
        throw new JsonArrayError(
          this.state === 'before'
            ? 'must be a JSON array of points'
            : 'is not valid JSON (more follows the array)',
        );
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.inString = false;
      } else if (code === QUOTE) {
        this.inString = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        this.depth++;
      } else if (this.depth > 0 && (code === CLOSE_BRACE || code === CLOSE_BRACKET)) {
        this.depth--;
      } else if (this.depth === 0 && (code === COMMA || code === CLOSE_BRACKET)) {
        const text = this.pending + chunk.slice(start, index);
        this.pending = '';
        start = index + 1;
        if (code === CLOSE_BRACKET) {
          this.state = 'after';
          // `[]` (or `[ ]`) has no element; `[1,]` has an empty one, which JSON.parse refuses.
          if (this.elements === 0 && text.trim() === '') continue;
        }
        this.elements++;
        done.push(text);
      } else if (code === CLOSE_BRACE) {
        throw new JsonArrayError('is not valid JSON (a "}" closes nothing)');
      }
    }
    if (this.state === 'elements') this.pending += chunk.slice(start);
    return done;
  }

  end(): void {
    if (this.state === 'before') throw new JsonArrayError('must be a JSON array of points');
    if (this.state === 'elements') {
      throw new JsonArrayError('is not valid JSON (it ends in the middle of the array)');
    }
  }
}

function syntaxMessage(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'parse error';
}
