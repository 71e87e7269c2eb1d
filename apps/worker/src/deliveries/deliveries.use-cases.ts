import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue, UnrecoverableError } from 'bullmq';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { createChannels, DeliveryError, isRetryable, NotificationChannel } from '@app/notifications';
import { DeliveriesRepository } from '@app/persistence';
import { QUEUES } from '@app/queues';

/**
 * Moves deliveries whose time has come from PostgreSQL into `deliver` jobs. Each is leased long
 * enough to cover the job's own retries; a job lost with Redis is handed over again when the lease
 * runs out, and the job id (delivery-<id>) keeps a delivery from being queued twice meanwhile.
 */
@Injectable()
export class DispatchDeliveriesUseCase {
  private readonly leaseMs: number;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    @InjectQueue(QUEUES.deliveries) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { attempts, backoffMs } = config.delivery;
    // Exponential backoff: the retries of one job take backoff × (2^attempts − 1) at most.
    this.leaseMs = Math.max(60_000, backoffMs * (2 ** attempts - 1) + 60_000);
  }

  async execute(): Promise<number> {
    const ids = await this.deliveries.claimDue(500, this.leaseMs);
    if (!ids.length) return 0;
    const { attempts, backoffMs } = this.config.delivery;
    await this.queue.addBulk(
      ids.map((deliveryId) => ({
        name: 'deliver',
        data: { deliveryId },
        opts: {
          jobId: `delivery-${deliveryId}`,
          attempts,
          backoff: { type: 'exponential', delay: backoffMs },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
    return ids.length;
  }
}

/** One attempt to deliver one notification to one channel; the outcome is recorded in PostgreSQL. */
@Injectable()
export class DeliverUseCase implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliverUseCase.name);
  private readonly channels: Map<string, NotificationChannel>;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channels = new Map(createChannels(config.channels).map((c) => [c.name, c]));
  }

  async execute(deliveryId: string): Promise<'sent' | 'skipped'> {
    const d = await this.deliveries.forSending(deliveryId);
    if (!d || d.status !== 'pending') return 'skipped';
    const retryAfterMs = this.config.delivery.retryAfterSeconds * 1000;
    const channel = this.channels.get(d.channel);
    if (!channel) {
      await this.deliveries.markAttemptFailed(d.id, `渠道 ${d.channel} 未配置`, false, retryAfterMs);
      return 'skipped';
    }
    try {
      await channel.send({
        id: d.notification.id,
        kind: d.notification.kind,
        title: d.notification.title,
        body: d.notification.body,
        formId: d.notification.formId,
        campaignId: d.notification.campaignId,
        createdAt: d.notification.createdAt.toISOString(),
        recipient: d.recipient,
      });
    } catch (err) {
      const retryable = isRetryable(err);
      const message = err instanceof DeliveryError ? err.message : `unexpected: ${(err as Error).message}`;
      await this.deliveries.markAttemptFailed(d.id, message, retryable, retryAfterMs);
      this.logger.warn(`Delivery ${d.id} (${d.channel}) failed${retryable ? ', will retry' : ''}: ${message}`);
      if (!retryable) throw new UnrecoverableError(message);
      throw err;
    }
    await this.deliveries.markSent(d.id);
    return 'sent';
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.channels.values()].map((c) => c.close()));
  }
}
