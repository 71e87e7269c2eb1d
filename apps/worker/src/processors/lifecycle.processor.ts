import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Database } from '@app/persistence';
import { QUEUES } from '@app/queues';
import { OpenDueSelfEvaluationsUseCase, RelayOutboxUseCase, ScoreFormUseCase } from '../lifecycle/lifecycle.use-cases';
import { assertHandlersComplete, dispatch, JobHandlers } from './job-handlers';

@Processor(QUEUES.lifecycle, { concurrency: 4 })
export class LifecycleProcessor extends WorkerHost {
  private readonly handlers: JobHandlers<typeof QUEUES.lifecycle>;

  constructor(
    private readonly db: Database,
    relay: RelayOutboxUseCase,
    score: ScoreFormUseCase,
    open: OpenDueSelfEvaluationsUseCase,
  ) {
    super();
    this.handlers = {
      'relay-outbox': () => relay.execute(),
      'score-form': ({ formId }) => score.execute(formId),
      'open-self-evaluations': () => open.execute(new Date()),
    };
    assertHandlersComplete(QUEUES.lifecycle, this.handlers);
  }

  process(job: Job): Promise<unknown> {
    return dispatch(QUEUES.lifecycle, this.handlers, job, this.db.whenReady());
  }
}
