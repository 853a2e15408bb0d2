import type { ProblemFieldError } from '@bearing/contracts';

/** A point that passed every check; `where` is `line.<n>` (CSV) or the array index (JSON). */
export type ReadPoint = {
  where: string;
  metric: string | undefined;
  timestamp: string;
  value: number;
};

/** The caps of one upload: data rows, and problems listed before reading stops. */
export type PointsReadLimits = { rows: number; problems: number };

/** What reading an upload came to — plain data, as it crosses from a worker thread. */
export type PointsReadOutcome =
  | { outcome: 'read'; points: ReadPoint[] }
  | {
      outcome: 'invalid';
      problems: ProblemFieldError[];
      /** Reading stopped at the problem after the last one listed. */
      truncated: boolean;
    }
  | { outcome: 'too-many-rows'; limit: number };

/** Thrown by a collector to end reading: a cap was reached, or the rest cannot be read. */
export class StopReading extends Error {}

/**
 * Collects what the CSV and JSON readers find, in file order, and ends reading (by throwing
 * `StopReading`) at the first cap reached: row `limits.rows + 1` or problem
 * `limits.problems + 1`. Once a problem was found no point is kept: nothing will be stored.
 */
export class PointsCollector {
  private readonly points: ReadPoint[] = [];
  private readonly problems: ProblemFieldError[] = [];
  private rows = 0;
  private truncated = false;
  private tooManyRows = false;

  constructor(
    private readonly limits: PointsReadLimits,
    /** The workspace's metric keys, when the upload names metrics (`metric` column or field). */
    private readonly knownMetrics?: ReadonlySet<string>,
    /**
     * The latest moment a point may be at (ISO-8601 UTC): a day after the upload arrived. A
     * point is a value measured, so one beyond is a typo (2062 for 2026) or a placeholder such
     * as 9999-12-31 — which, as the metric's latest point, would be the only one its guardrails
     * and its KPI tile ever read.
     */
    private readonly notAfter?: string,
  ) {}

  get rowCount(): number {
    return this.rows;
  }

  get problemCount(): number {
    return this.problems.length;
  }

  /** Counts one data row (a CSV record after the header, a JSON array element). */
  row(): void {
    this.rows++;
    if (this.rows > this.limits.rows) {
      this.tooManyRows = true;
      throw new StopReading();
    }
  }

  problem(problem: ProblemFieldError): void {
    if (this.problems.length >= this.limits.problems) {
      this.truncated = true;
      throw new StopReading();
    }
    this.problems.push(problem);
  }

  /** A problem after which nothing more can be read (a broken header, JSON that is not JSON). */
  fatal(problem: ProblemFieldError): never {
    this.problem(problem);
    throw new StopReading();
  }

  point(point: ReadPoint): void {
    const unknownMetric =
      this.knownMetrics !== undefined && !this.knownMetrics.has(point.metric ?? '');
    if (unknownMetric) {
      this.problem({
        path: `${point.where}.metric`,
        message: `is not a metric of this workspace: "${point.metric ?? ''}"`,
      });
    }
    const tooLate =
      this.notAfter !== undefined && Date.parse(point.timestamp) > Date.parse(this.notAfter);
    if (tooLate) {
      this.problem({
        path: `${point.where}.timestamp`,
        message: `must not be after ${this.notAfter ?? ''} (a day from now): "${point.timestamp}"`,
      });
    }
    if (!unknownMetric && !tooLate && this.problems.length === 0) this.points.push(point);
  }

  outcome(): PointsReadOutcome {
    if (this.tooManyRows) return { outcome: 'too-many-rows', limit: this.limits.rows };
    if (this.problems.length > 0) {
      return { outcome: 'invalid', problems: this.problems, truncated: this.truncated };
    }
    return { outcome: 'read', points: this.points };
  }
}
