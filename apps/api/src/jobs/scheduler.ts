import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ClockService } from '../common/clock/clock.service.js';
import { JobQueue } from './job-queue.service.js';

/** Work a feature wants done when it is due: decides from `now` what to enqueue, idempotently. */
export type DueWork = (now: Date) => Promise<void>;

export const SCHEDULER_TICK = 'scheduler.tick';

/**
 * One library cron enqueues `scheduler.tick` every minute, once per cluster; its handler asks
 * every registered due-work function what is due at the clock's now. Schedules never run on
 * timers of their own, so tests pin the clock and run a tick (`tick`) instead of waiting.
 */
@Injectable()
export class Scheduler implements OnModuleInit {
  private readonly logger = new Logger(Scheduler.name);
  private readonly dueWork = new Map<string, DueWork>();

  constructor(
    private readonly queue: JobQueue,
    private readonly clock: ClockService,
  ) {}

  onModuleInit(): void {
    this.queue.register(SCHEDULER_TICK, () => this.tick(), {
      cron: '* * * * *',
      // A missed tick is made good by the next one: no retries piling up behind it.
      retries: 0,
      timeoutSeconds: 55,
    });
  }

  /** Registers a feature's due work under a name (for logs); call from `onModuleInit`. */
  register(name: string, work: DueWork): void {
    if (this.dueWork.has(name)) throw new Error(`due work ${name} is registered twice`);
    this.dueWork.set(name, work);
  }

  /** Runs every due-work function once at the clock's now; one failing does not stop the rest. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    const failures: string[] = [];
    for (const [name, work] of this.dueWork) {
      try {
        await work(now);
      } catch (error) {
        failures.push(name);
        this.logger.error(`due work ${name} failed: ${String(error)}`);
      }
    }
    if (failures.length > 0) throw new Error(`due work failed: ${failures.join(', ')}`);
  }
}
