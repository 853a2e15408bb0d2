import type { CheckIn as CheckInResponse } from '@bearing/contracts';
import type { CheckIn } from './check-in.entity.js';

/** For a check-in loaded with its author. */
export function toCheckInResponse(checkIn: CheckIn): CheckInResponse {
  if (!checkIn.author) throw new Error('check-in loaded without its author');
  return {
    id: checkIn.id,
    keyResultId: checkIn.keyResultId,
    value: checkIn.value,
    confidence: checkIn.confidence,
    note: checkIn.note,
    date: checkIn.date,
    author: {
      id: checkIn.author.id,
      email: checkIn.author.email,
      displayName: checkIn.author.displayName,
    },
    createdAt: checkIn.createdAt.toISOString(),
  };
}
