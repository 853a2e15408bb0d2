import { EmptyStatePage } from '../../components/empty-state-page';

export function ReviewsPage() {
  return (
    <EmptyStatePage
      title="Reviews"
      purpose="Weekly status reviews: what changed since last week, the generated draft report to edit and publish, and the history of published reports."
      audience="TPMs and program leads"
    />
  );
}
