import type { ProgramHealth, ReportSnapshot } from '@bearing/contracts';
import { slipWords } from './collectors/day-words.js';

export type DraftWords = {
  summary: string;
  highlights: string[];
  lowlights: string[];
  asks: string[];
};

export const HEALTH_LABEL: Record<ProgramHealth, string> = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
};

/**
 * The words of a new draft, written from its snapshot for the TPM to fix: a summary stating the
 * suggested health and why, completed milestones as highlights, moves, escalations and overdue
 * dependencies as lowlights. Asks are the TPM's own.
 */
export function draftWords(snapshot: ReportSnapshot): DraftWords {
  const { sections, healthReasons, suggestedHealth } = snapshot;
  const atRisk = healthReasons.filter(({ severity }) => severity === 'at-risk');
  const watch = healthReasons.length - atRisk.length;
  const suggestion = `The data suggests ${snapshot.program.name} is ${HEALTH_LABEL[suggestedHealth]}`;
  const summary = [
    atRisk.length === 0
      ? `${suggestion}: nothing in it raises the health.`
      : `${suggestion}. ${atRisk.map(({ message }) => message).join(' ')}`,
    watch > 0 ? `${watch} more ${watch === 1 ? 'item' : 'items'} to watch.` : '',
  ]
    .filter((sentence) => sentence.length > 0)
    .join(' ');

  const highlights: string[] = [];
  const lowlights: string[] = [];
  if (sections.milestones.status === 'available') {
    for (const milestone of sections.milestones.completedThisWeek) {
      highlights.push(
        `Completed "${milestone.name}" on ${milestone.completedAt ?? milestone.currentDate} (${slipWords(milestone.slipDays)} against its baseline ${milestone.baselineDate}).`,
      );
    }
    for (const milestone of sections.milestones.movedThisWeek) {
      const reasons = milestone.moves.map(({ reason }) => reason).join('; ');
      lowlights.push(
        `"${milestone.name}" moved from ${milestone.dateBeforeWeek} to ${milestone.currentDate}, ${slipWords(milestone.slipDays)} against its baseline ${milestone.baselineDate}: ${reasons}.`,
      );
    }
  }
  if (sections.raid.status === 'available') {
    for (const item of sections.raid.escalatedThisWeek) {
      lowlights.push(
        item.reopened
          ? `${capitalised(item.kind)} "${item.title}" was re-opened (score ${item.score}).`
          : `${capitalised(item.kind)} "${item.title}" escalated: score ${item.scoreBeforeWeek} → ${item.score}.`,
      );
    }
    for (const item of sections.raid.newThisWeek) {
      lowlights.push(`New ${item.kind} "${item.title}" (score ${item.score}).`);
    }
  }
  if (sections.dependencies.status === 'available') {
    for (const reason of healthReasons.filter(({ code }) => code === 'dependency-overdue')) {
      lowlights.push(reason.message);
    }
  }
  return { summary, highlights, lowlights, asks: [] };
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
