import type { Audience } from '@bearing/contracts';

export interface AudienceOption {
  value: Audience;
  label: string;
  /** The workspace area this audience lands on (a segment below `/w/:workspace`). */
  landing: string;
  description: string;
}

/**
 * The three audiences of product.md: executives read the portfolio, stakeholders a program,
 * teams their own sprint and flow. The choice picks the page the app opens on (the start page);
 * every page shows the same to everyone.
 */
export const audienceOptions: readonly AudienceOption[] = [
  {
    value: 'executive',
    label: 'Executive',
    landing: 'portfolio',
    description: 'Start page: Portfolio — every program’s health, objectives, KPIs and top risks',
  },
  {
    value: 'stakeholder',
    label: 'Stakeholder',
    landing: 'programs',
    description: 'Start page: Programs — milestones, RAID, dependencies and status reports',
  },
  {
    value: 'team',
    label: 'Team',
    landing: 'teams',
    description: 'Start page: Teams — sprints, flow, capacity and forecasts',
  },
];

export function landingSegmentOf(audience: Audience): string {
  return audienceOptions.find((option) => option.value === audience)?.landing ?? 'portfolio';
}
