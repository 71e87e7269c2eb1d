import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Database } from '@app/persistence';
import { QUEUES } from '@app/queues';
import { CampaignReportUseCase, ScoreChunkUseCase } from '../reports/reports.use-cases';
import { assertHandlersComplete, dispatch, JobHandlers } from './job-handlers';

// Chunks are scored side by side; PostgreSQL does most of the work.
@Processor(QUEUES.reports, { concurrency: 4 })
export class ReportsProcessor extends WorkerHost {
  private readonly handlers: JobHandlers<typeof QUEUES.reports>;

  constructor(
    private readonly db: Database,
    report: CampaignReportUseCase,
    chunk: ScoreChunkUseCase,
  ) {
    super();
    this.handlers = {
      'campaign-report': ({ reportId, campaignId, schemeVersion }, job) => report.execute(reportId, campaignId, job, schemeVersion),
      'report-chunk': ({ campaignId, formIds, schemeVersion }) => chunk.execute(campaignId, formIds, schemeVersion),
    };
    assertHandlersComplete(QUEUES.reports, this.handlers);
  }

  process(job: Job): Promise<unknown> {
    return dispatch(QUEUES.reports, this.handlers, job, this.db.whenReady());
  }
}
