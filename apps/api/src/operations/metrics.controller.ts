import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { Request } from 'express';
import { Gauge, Registry } from 'prom-client';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { Database } from '@app/persistence';
import { QUEUES } from '@app/queues';
import { ApiError } from '../common/api-error';
import { Public } from '../common/caller';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

/**
 * Prometheus metrics, read fresh on each scrape: BullMQ job counts per queue and state, reminders by
 * status, notifications sent from reminders, reminder lateness over the last hour, deliveries. Open
 * by default like /health; with METRICS_TOKEN set, a bearer token is required.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();
  private readonly jobs = new Gauge({ name: 'jixiao_queue_jobs', help: 'BullMQ jobs per queue and state', labelNames: ['queue', 'state'], registers: [this.registry] });
  private readonly reminders = new Gauge({ name: 'jixiao_reminders', help: 'Reminders by status', labelNames: ['status'], registers: [this.registry] });
  private readonly sent = new Gauge({ name: 'jixiao_reminder_notifications_total', help: 'Notifications created from reminders', registers: [this.registry] });
  private readonly lateness = new Gauge({
    name: 'jixiao_reminder_lateness_seconds',
    help: 'Seconds between a reminder being due and its notifications, last hour',
    labelNames: ['quantile'],
    registers: [this.registry],
  });
  private readonly deliveries = new Gauge({ name: 'jixiao_deliveries', help: 'Deliveries by channel and status', labelNames: ['channel', 'status'], registers: [this.registry] });
  private readonly queues: Queue[];

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.system) system: Queue,
    @InjectQueue(QUEUES.reminders) reminders: Queue,
    @InjectQueue(QUEUES.deliveries) deliveries: Queue,
    @InjectQueue(QUEUES.lifecycle) lifecycle: Queue,
    @InjectQueue(QUEUES.reports) reports: Queue,
  ) {
    this.queues = [system, reminders, deliveries, lifecycle, reports];
  }

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(@Req() req: Request): Promise<string> {
    if (this.config.metricsToken && req.headers.authorization !== `Bearer ${this.config.metricsToken}`) {
      throw ApiError.unauthenticated('需要 METRICS_TOKEN');
    }
    this.registry.resetMetrics();
    await Promise.all([this.queueMetrics(), this.databaseMetrics()]);
    return this.registry.metrics();
  }

  private async queueMetrics(): Promise<void> {
    await Promise.all(
      this.queues.map(async (q) => {
        const counts = await q.getJobCounts(...STATES);
        for (const state of STATES) this.jobs.set({ queue: q.name, state }, counts[state] ?? 0);
      }),
    );
  }

  private async databaseMetrics(): Promise<void> {
    const source = this.db.source;
    const [statuses, sent, late, deliveries] = await Promise.all([
      source.query(`SELECT status, count(*)::int AS n FROM reminders GROUP BY status`) as Promise<{ status: string; n: number }[]>,
      source.query(`SELECT count(*)::int AS n FROM notifications WHERE reminder_id IS NOT NULL`) as Promise<{ n: number }[]>,
      source.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY s) AS p99, max(s) AS max
           FROM (SELECT extract(epoch FROM r.processed_at - r.fire_at) AS s FROM reminders r
                  WHERE r.status = 'done' AND r.processed_at > now() - interval '1 hour') x`,
      ) as Promise<{ p50: number | null; p99: number | null; max: number | null }[]>,
      source.query(`SELECT channel, status, count(*)::int AS n FROM deliveries GROUP BY channel, status`) as Promise<{ channel: string; status: string; n: number }[]>,
    ]);
    for (const s of ['pending', 'done', 'cancelled']) this.reminders.set({ status: s }, statuses.find((r) => r.status === s)?.n ?? 0);
    this.sent.set(sent[0].n);
    for (const [q, v] of [['0.5', late[0].p50], ['0.99', late[0].p99], ['1', late[0].max]] as const) this.lateness.set({ quantile: q }, Number(v ?? 0));
    for (const d of deliveries) this.deliveries.set({ channel: d.channel, status: d.status }, d.n);
  }
}
