import { Text, Tooltip } from '@mantine/core';
import { formatScore } from '../../components/format';

/** The OKR score (0.0–1.0), labelled so it is not mistaken for progress. */
export function ScoreLabel({ score }: { score: number | null }) {
  return (
    <Tooltip label="Score: progress graded 0.0–1.0, one decimal (0.6–0.7 is a good result for an ambitious goal)">
      <Text size="sm" c={score === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
        Score <strong>{formatScore(score)}</strong>
      </Text>
    </Tooltip>
  );
}
