import { Code } from '@mantine/core';
import { useParams } from 'react-router';
import { EmptyStatePage } from '../../components/empty-state-page';

export function ProgramPage() {
  const { id = '' } = useParams();
  return (
    <EmptyStatePage
      title="Program"
      purpose={
        <>
          Program <Code>{id}</Code>: objectives and key results with their pace, milestones against
          their original baseline, the RAID log, cross-team dependencies and status report history.
        </>
      }
      audience="stakeholders and the program's TPM"
    />
  );
}
