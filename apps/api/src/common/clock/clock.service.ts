import { Injectable } from '@nestjs/common';
import type { Day } from '@bearing/metrics';

/**
 * The one place the API asks what time it is, so behaviour that depends on "today" (expected
 * progress, check-ins due, a check-in's default date) is testable: tests pin it with
 * `jest.spyOn(app.get(ClockService), 'now')`. Days are UTC dates.
 */
@Injectable()
export class ClockService {
  now(): Date {
    return new Date();
  }

  /** Today's date in UTC, `YYYY-MM-DD`. */
  today(): Day {
    return this.now().toISOString().slice(0, 10);
  }
}
