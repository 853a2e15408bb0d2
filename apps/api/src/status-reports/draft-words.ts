import type { ProgramHealth, ReportSnapshot } from '@bearing/contracts';
import { dayInWords, slipWords } from './collectors/day-words.js';
import { joinSentences, sentence, withoutFullStop } from './sentences.js';

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
 * dependencies as lowlights. Asks are the TPM's own. Written for people — the summary becomes the
 * program's line on the portfolio: days as the app writes them ("Mar 30, 2026"), and sentences
 * joined so that none ends twice, whatever the reasons people typed end with.
 */
export function draftWords(snapshot: ReportSnapshot): DraftWords {
  const { sections, healthReasons, suggestedHealth } = snapshot;
  const atRisk = healthReasons.filter(({ severity }) => severity === 'at-risk');
  const watch = healthReasons.length - atRisk.length;
  const suggestion = `The data suggests ${snapshot.program.name} is ${HEALTH_LABEL[suggestedHealth]}`;
  const summary = joinSentences([
    atRisk.length === 0 ? `${suggestion}: nothing in it raises the health` : suggestion,
    ...atRisk.map(({ message }) => message),
    watch > 0 ? `${watch} more ${watch === 1 ? 'item' : 'items'} to watch` : '',
  ]);

  const highlights: string[] = [];
  const lowlights: string[] = [];
  if (sections.milestones.status === 'available') {
    for (const milestone of sections.milestones.completedThisWeek) {
      highlights.push(
        sentence(
          `Completed "${milestone.name}" on ${dayInWords(milestone.completedAt ?? milestone.currentDate)}: ${slipWords(milestone.slipDays)} against its baseline of ${dayInWords(milestone.baselineDate)}`,
        ),
      );
    }
    for (const milestone of sections.milestones.movedThisWeek) {
      const reasons = milestone.moves.map(({ reason }) => withoutFullStop(reason)).join('; ');
      // Where the week's moves left it (a later move is not this week's).
      const dateAfterWeek = milestone.moves.at(-1)?.toDate ?? milestone.currentDate;
      lowlights.push(
        sentence(
          `"${milestone.name}" moved from ${dayInWords(milestone.dateBeforeWeek)} to ${dayInWords(dateAfterWeek)} (${slipWords(milestone.slipDays)} against its baseline of ${dayInWords(milestone.baselineDate)}): ${reasons}`,
        ),
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
      lowlights.push(sentence(reason.message));
    }
  }
  return { summary, highlights, lowlights, asks: [] };
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
