import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { DeliveryFailure } from './delivery-failure.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { publicOnlyLookup, RefusedAddressError, refusedWebhookUrl } from './webhook-address.js';

const TIMEOUT_MS = 10_000;

/**
 * Posts JSON to a Slack or Teams webhook, connecting only to public addresses (checked after
 * DNS). Answers the status on 2xx; otherwise throws a `DeliveryFailure` that says whether to
 * retry (429, 5xx, network), give up, or mark the channel broken (404, 410).
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions) {}

  async post(url: string, body: unknown): Promise<number> {
    const refused = refusedWebhookUrl(url, this.options.webhookAllowLoopback);
    if (refused) throw new DeliveryFailure(`the webhook URL ${refused}`, 'give-up');
    const status = await this.send(new URL(url), JSON.stringify(body));
    if (status >= 200 && status < 300) return status;
    if (status === 404 || status === 410) {
      throw new DeliveryFailure(`webhook answered ${status}: the channel is gone`, 'broken');
    }
    if (status === 429 || status >= 500) {
      throw new DeliveryFailure(`webhook answered ${status}`, 'retry');
    }
    throw new DeliveryFailure(`webhook answered ${status}`, 'give-up');
  }

  private send(url: URL, payload: string): Promise<number> {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'user-agent': 'Bearing',
          },
          lookup: publicOnlyLookup(this.options.webhookAllowLoopback),
          timeout: TIMEOUT_MS,
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', (error) => {
        reject(
          error instanceof RefusedAddressError
            ? new DeliveryFailure(error.message, 'give-up')
            : new DeliveryFailure(`webhook unreachable: ${networkReason(error)}`, 'retry'),
        );
      });
      outgoing.end(payload);
    });
  }
}

/** The error's code or message, without the URL Node sometimes puts into messages. */
function networkReason(error: Error & { code?: string }): string {
  return error.code ?? error.message.replace(/https?:\/\/\S+/g, '<url>');
}
