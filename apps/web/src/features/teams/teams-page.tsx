import { EmptyStatePage } from '../../components/empty-state-page';

export function TeamsPage() {
  return (
    <EmptyStatePage
      title="Teams"
      purpose="Each team with its current sprint, predictability (say/do) and flow; never a comparison of raw points between teams."
      audience="engineering managers and TPMs"
    />
  );
}
