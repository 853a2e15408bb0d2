import type { Team } from '@bearing/contracts';

export interface TeamDashboardProps {
  workspace: string;
  team: Team;
}

/** The team's delivery view: sprint, flow, capacity and forecast charts. */
export function TeamDashboard({ team }: TeamDashboardProps) {
  return <p>Delivery charts for {team.name}.</p>;
}
