import { type ReportAudience, reportAudienceSchema, type StatusReport } from '@bearing/contracts';
import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { reportMarkdownPath, useReportMarkdown } from '../../../api/status-reports';
import { useSignedIn } from '../../../app/auth/signed-in-context';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { MarkdownView } from './markdown-view';

const AUDIENCE_LABELS: Record<ReportAudience, string> = {
  executive: 'Executive',
  stakeholder: 'Stakeholder',
  team: 'Team',
};

const AUDIENCE_DESCRIPTIONS: Record<ReportAudience, string> = {
  executive: 'Health, a one-paragraph summary and the top three items.',
  stakeholder: 'Everything: words, the reasons for the health and every number.',
  team: 'Health, summary, milestones, dependencies, RAID, say/do and asks.',
};

export interface AudiencePreviewProps {
  workspace: string;
  report: StatusReport;
}

/**
 * The report as each audience gets it — the Markdown export itself, shown as a page — with
 * copy, download and print; it opens on the reader's own audience.
 */
export function AudiencePreview({ workspace, report }: AudiencePreviewProps) {
  // Each reader first sees the rendering of their own audience (the header's switcher).
  const { preferences } = useSignedIn();
  const [audience, setAudience] = useState<ReportAudience>(preferences.audience);
  const markdown = useReportMarkdown(
    workspace,
    report.programId,
    report.id,
    audience,
    report.version,
  );
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    if (!markdown.data) return;
    navigator.clipboard.writeText(markdown.data).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="audience-preview-title"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" data-print="hide">
          <Stack gap={4}>
            <Title order={2} size="h4" id="audience-preview-title">
              Audience preview
            </Title>
            <Text size="sm" c="dimmed">
              {AUDIENCE_DESCRIPTIONS[audience]}
            </Text>
          </Stack>
          <SegmentedControl
            aria-label="Audience"
            value={audience}
            onChange={(value) => {
              setAudience(reportAudienceSchema.parse(value));
              setCopied('idle');
            }}
            data={reportAudienceSchema.options.map((value) => ({
              value,
              label: AUDIENCE_LABELS[value],
            }))}
          />
        </Group>
        <Group gap="xs" data-print="hide">
          <Button variant="default" size="xs" onClick={copy} disabled={!markdown.data}>
            Copy Markdown
          </Button>
          <Button
            variant="default"
            size="xs"
            component="a"
            href={reportMarkdownPath(workspace, report.programId, report.id, audience)}
            download={`status-report-${report.week}-${audience}.md`}
          >
            Download .md
          </Button>
          <Button variant="default" size="xs" onClick={() => window.print()}>
            Print or save as PDF
          </Button>
          <Text size="xs" c={copied === 'failed' ? 'red' : 'dimmed'} role="status">
            {copied === 'copied'
              ? 'Copied to the clipboard.'
              : copied === 'failed'
                ? 'The browser refused the clipboard; use Download .md instead.'
                : ''}
          </Text>
        </Group>
        {markdown.isPending ? (
          <LoadingRows label="Loading the preview" rows={1} height={200} />
        ) : markdown.isError ? (
          <ErrorAlert
            title="The preview could not be loaded"
            error={markdown.error}
            onRetry={() => void markdown.refetch()}
          />
        ) : (
          <div aria-label={`${AUDIENCE_LABELS[audience]} rendering`} role="document">
            <MarkdownView markdown={markdown.data} headingOrder={3} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
