import type { Period as PeriodResponse } from '@bearing/contracts';
import type { Period } from './period.entity.js';

export function toPeriodResponse(period: Period): PeriodResponse {
  return {
    id: period.id,
    name: period.name,
    start: period.start,
    end: period.end,
    version: period.version,
    createdAt: period.createdAt.toISOString(),
    updatedAt: period.updatedAt.toISOString(),
  };
}
