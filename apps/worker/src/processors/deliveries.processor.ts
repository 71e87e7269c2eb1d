import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Database } from '@app/persistence';
import { QUEUES } from '@app/queues';
import { DeliverUseCase, DispatchDeliveriesUseCase } from '../deliveries/deliveries.use-cases';
import { assertHandlersComplete, dispatch, JobHandlers } from './job-handlers';

@Processor(QUEUES.deliveries, { concurrency: 10 })
export class DeliveriesProcessor extends WorkerHost {
  private readonly handlers: JobHandlers<typeof QUEUES.deliveries>;

  constructor(
    private readonly db: Database,
    dispatchDeliveries: DispatchDeliveriesUseCase,
    deliver: DeliverUseCase,
  ) {
    super();
    this.handlers = {
      dispatch: () => dispatchDeliveries.execute(),
      deliver: ({ deliveryId }) => deliver.execute(deliveryId),
    };
    assertHandlersComplete(QUEUES.deliveries, this.handlers);
  }

  process(job: Job): Promise<unknown> {
    return dispatch(QUEUES.deliveries, this.handlers, job, this.db.whenReady());
  }
}
