import type { NotificationEventRow } from './notification-event.entity.js';

/**
 * How an event reads in each channel. Plain text only: titles and bodies are user-visible text
 * the producers wrote, escaped for HTML and for Slack's mrkdwn. The health colour is always
 * written as a word ("Health: red"), never shown as colour alone.
 */
export type RenderedEvent = { title: string; body: string; url: string; health?: string };

export function renderEvent(
  event: NotificationEventRow,
  publicUrl: string,
  audience?: 'executive' | 'stakeholder' | 'team',
): RenderedEvent {
  const body = (audience && event.bodies[audience]) || event.body;
  const health = healthOf(event.data);
  return {
    title: event.title,
    body,
    url: linkTo(publicUrl, event.path),
    ...(health ? { health } : {}),
  };
}

export function linkTo(publicUrl: string, path: string): string {
  return `${publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A health or status word the producer put in `data` (`health`, or `to` of a change). */
function healthOf(data: Record<string, unknown>): string | undefined {
  for (const key of ['health', 'status', 'to']) {
    const value = data[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 40) return value;
  }
  return undefined;
}

export function emailMessage(
  rendered: RenderedEvent,
  unsubscribeUrl: string | undefined,
): { subject: string; text: string; html: string } {
  const lines = [
    rendered.body,
    ...(rendered.health ? ['', `Health: ${rendered.health}`] : []),
    '',
    `Open in Bearing: ${rendered.url}`,
    ...(unsubscribeUrl ? ['', `Stop these emails: ${unsubscribeUrl}`] : []),
  ];
  const html = [
    `<p>${escapeHtml(rendered.body).replace(/\n/g, '<br>')}</p>`,
    rendered.health ? `<p><strong>Health: ${escapeHtml(rendered.health)}</strong></p>` : '',
    `<p><a href="${escapeHtml(rendered.url)}">Open in Bearing</a></p>`,
    unsubscribeUrl
      ? `<p style="font-size:12px"><a href="${escapeHtml(unsubscribeUrl)}">Stop these emails</a></p>`
      : '',
  ].join('');
  return { subject: rendered.title, text: lines.join('\n'), html };
}

/** A Slack incoming-webhook message in blocks, with `text` as the notification fallback. */
export function slackMessage(rendered: RenderedEvent): unknown {
  const fields = rendered.health ? [`*Health:* ${escapeSlack(rendered.health)}`] : [];
  return {
    text: rendered.title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: rendered.title.slice(0, 150) } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: escapeSlack(rendered.body).slice(0, 3000) },
      },
      ...(fields.length > 0
        ? [{ type: 'context', elements: fields.map((text) => ({ type: 'mrkdwn', text })) }]
        : []),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Open in Bearing' },
            url: rendered.url,
          },
        ],
      },
    ],
  };
}

/** A Microsoft Teams Workflows webhook message: one Adaptive Card. */
export function teamsMessage(rendered: RenderedEvent): unknown {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: rendered.title,
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
            },
            { type: 'TextBlock', text: rendered.body, wrap: true },
            ...(rendered.health
              ? [{ type: 'FactSet', facts: [{ title: 'Health', value: rendered.health }] }]
              : []),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open in Bearing', url: rendered.url }],
        },
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack's mrkdwn needs only these three escaped; links and mentions then stay plain text. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export { escapeHtml };
