import { EmptyStatePage } from '../../components/empty-state-page';

export function MetricsPage() {
  return (
    <EmptyStatePage
      title="Metrics"
      purpose="KPI tiles with process-behaviour (XmR) limits, so a red tile means a real change rather than noise, and the status of every guardrail."
      audience="executives and program leads"
    />
  );
}
