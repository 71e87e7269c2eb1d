import { BullBoardModule } from '@bull-board/nestjs';
import { ExpressAdapter } from '@bull-board/express';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { QUEUES } from '@app/queues';
import { AdminOnlyMiddleware } from './admin-only.middleware';
import { DeliveriesController } from './deliveries.controller';
import { MetricsController } from './metrics.controller';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/** Operations: Prometheus /metrics and the BullMQ dashboard at /admin/queues (admins only). */
@Module({
  imports: [
    BullBoardModule.forRoot({ route: QUEUE_DASHBOARD_ROUTE, adapter: ExpressAdapter, middleware: AdminOnlyMiddleware }),
    ...Object.values(QUEUES).map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ],
  controllers: [DeliveriesController, MetricsController],
  providers: [AdminOnlyMiddleware],
})
export class OperationsModule implements NestModule {
  configure(_consumer: MiddlewareConsumer): void {
    // The dashboard's routes are registered by BullBoardModule with AdminOnlyMiddleware in front.
  }
}
