import { EmptyStatePage } from '../../components/empty-state-page';

export function ProgramsPage() {
  return (
    <EmptyStatePage
      title="Programs"
      purpose="Every program in this workspace with its owner, dates, health and the reason for it."
      audience="TPMs, program leads and stakeholders"
    />
  );
}
