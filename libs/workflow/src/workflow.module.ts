import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { CampaignReports } from './campaign-reports.service';
import { FormTransitions } from './form-transitions.service';
import { OpenSelfEvaluationService } from './open-self-evaluation.service';
import { SchemesService } from './schemes.service';

/** Application services shared by the API and the worker (Nest-side; rules stay in libs/domain). */
@Global()
@Module({
  providers: [CalendarService, CampaignReports, FormTransitions, OpenSelfEvaluationService, SchemesService],
  exports: [CalendarService, CampaignReports, FormTransitions, OpenSelfEvaluationService, SchemesService],
})
export class WorkflowModule {}
