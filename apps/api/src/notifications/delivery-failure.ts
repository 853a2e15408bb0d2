/**
 * Why a send failed, and what to do about it: `retry` (webhook 429/5xx, SMTP 4xx, network),
 * `give-up` (the other side refused for good), or `broken` (webhook 404/410: the channel is
 * gone; its admins are told). The message never contains a webhook URL or an address.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly outcome: 'retry' | 'give-up' | 'broken',
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}
