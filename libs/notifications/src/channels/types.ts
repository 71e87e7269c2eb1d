/** One notification on its way out of the inbox to an optional channel (webhook, e-mail). */
export interface OutgoingMessage {
  /** The inbox row's id: receivers de-duplicate by it, so every retry of a delivery carries the same id. */
  id: string;
  kind: string;
  title: string;
  body: string;
  formId?: string | null;
  campaignId?: string | null;
  /** ISO-8601 instant. */
  createdAt: string;
  recipient: { userId: string; username: string; email?: string | null };
  /** Absolute URL of the page to act on, if the deployment knows its public address. */
  link?: string | null;
}

export type ChannelName = 'webhook' | 'email';

/** What the delivery jobs call; a channel makes exactly one attempt per send (retries live in the job). */
export interface NotificationChannel {
  readonly name: ChannelName;
  /** Resolves once the receiver accepted the message; rejects with a DeliveryError otherwise. */
  send(message: OutgoingMessage): Promise<void>;
  close(): Promise<void>;
}

export interface DeliveryErrorDetails {
  /** Whether the same message may succeed later (network, timeout, 5xx, 429, rate limits). */
  retryable: boolean;
  /** HTTP status of the webhook, or the SMTP reply code. */
  status?: number;
  /** errcode of a DingTalk / WeCom robot answer. */
  errcode?: number;
}

/**
 * A failed delivery. The message is safe to store and show to an administrator: it never carries
 * the webhook secret, the robot token in the URL, or the SMTP password.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly retryable: boolean;
  readonly status?: number;
  readonly errcode?: number;

  constructor(message: string, details: DeliveryErrorDetails) {
    super(message);
    this.retryable = details.retryable;
    if (details.status !== undefined) this.status = details.status;
    if (details.errcode !== undefined) this.errcode = details.errcode;
  }
}

/** For the job: anything that is not a DeliveryError is unexpected, and is retried rather than dropped. */
export function isRetryable(err: unknown): boolean {
  return err instanceof DeliveryError ? err.retryable : true;
}

/** HTTP statuses worth another attempt: the receiver is down, overloaded or asked us to slow down. */
export function isRetryableHttpStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}
