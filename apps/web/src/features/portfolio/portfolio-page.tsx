import { EmptyStatePage } from '../../components/empty-state-page';

export function PortfolioPage() {
  return (
    <EmptyStatePage
      title="Portfolio"
      purpose="Programs × health × trend on one screen: objective scores, KPIs showing a real signal, breached guardrails, top risks and slipping milestones."
      audience="executives"
    />
  );
}
