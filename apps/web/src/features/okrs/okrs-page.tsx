import { EmptyStatePage } from '../../components/empty-state-page';

export function OkrsPage() {
  return (
    <EmptyStatePage
      title="OKRs"
      purpose="Objectives and key results for each period, with scores, progress against the expected pace and the latest check-ins."
      audience="executives, program leads and objective owners"
    />
  );
}
