/**
 * Every BullMQ queue and job name of Jixiao, in one place.
 * NEVER RENAME a queue or a job: the names are persisted in Redis with every pending job.
 * Payloads carry ids and plain values only, never entities.
 */
export const QUEUES = {
  /** Diagnostics: proves end to end that a worker is consuming (smoke tests, operations). */
  system: 'system',
  /** The sweep that turns due reminders (rows in PostgreSQL) into notifications. */
  reminders: 'reminders',
  /** Delivery of notifications to the optional channels (webhook, e-mail). */
  deliveries: 'deliveries',
  /** Work that follows state changes: the outbox relay, scoring, opening the year-end. */
  lifecycle: 'lifecycle',
  /** The year-end batch: a flow per campaign, a child per chunk of forms, the report in the parent. */
  reports: 'reports',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job names and payloads per queue. Adding a job here without a handler fails the worker's type check and start. */
export interface JobPayloads {
  system: {
    /** Returns `message`; `holdMs` (≤ 10 s) keeps the job active, for checking graceful shutdown. */
    echo: { message: string; holdMs?: number };
  };
  reminders: {
    /** Twice a second (job scheduler): process the reminders that are due. */
    sweep: Record<string, never>;
    /** Daily at 09:00 Beijing time: warn the admins when next year's holidays are not loaded yet. */
    'calendar-check': Record<string, never>;
  };
  deliveries: {
    /** Twice a second (job scheduler): hand pending deliveries whose time has come to `deliver` jobs. */
    dispatch: Record<string, never>;
    /** One attempt to deliver one notification to one channel (retried with backoff). */
    deliver: { deliveryId: string };
  };
  lifecycle: {
    /** Twice a second: hand the outbox's effects (scoring) to their jobs. */
    'relay-outbox': Record<string, never>;
    /** Score one submitted self-evaluation and store the score (idempotent per form and scheme). */
    'score-form': { formId: string };
    /** Every minute (Beijing time): open the self-evaluation of campaigns whose opening time has come. */
    'open-self-evaluations': Record<string, never>;
  };
  reports: {
    /** Parent of a flow: once the chunks are done (or failed), summarise the campaign into its report. */
    'campaign-report': { reportId: string; campaignId: string; schemeVersion?: string };
    /** Child: score the self-evaluated forms of a chunk that have no current score. */
    'report-chunk': { reportId: string; campaignId: string; formIds: string[]; schemeVersion?: string };
  };
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = JobPayloads[Q][N];

/** The runtime list of job names, checked against the processors' handlers when the worker starts. */
export const JOB_NAMES: { [Q in QueueName]: readonly JobName<Q>[] } = {
  system: ['echo'],
  reminders: ['sweep', 'calendar-check'],
  deliveries: ['dispatch', 'deliver'],
  lifecycle: ['relay-outbox', 'score-form', 'open-self-evaluations'],
  reports: ['campaign-report', 'report-chunk'],
};

/** Ids of the job schedulers (never rename: persisted in Redis). */
export const SCHEDULERS = {
  reminderSweep: 'reminder-sweep',
  deliveryDispatch: 'delivery-dispatch',
  calendarCheck: 'calendar-check',
  outboxRelay: 'outbox-relay',
  openSelfEvaluations: 'open-self-evaluations',
} as const;

export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
