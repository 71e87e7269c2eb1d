import { Module } from '@nestjs/common';
import { FormDeadlines } from './form-deadlines';
import { FormsController } from './forms.controller';
import { PrecheckFormUseCase } from './use-cases/precheck-form/precheck-form.use-case';
import { ApplyEventUseCase } from './use-cases/apply-event/apply-event.use-case';
import { CreateFormUseCase } from './use-cases/create-form/create-form.use-case';
import { ExportFormUseCase } from './use-cases/export-form/export-form.use-case';
import { GetHistoryUseCase } from './use-cases/get-history/get-history.use-case';
import { ImportFormsUseCase } from './use-cases/import-forms/import-forms.use-case';
import { UpdateFormUseCase } from './use-cases/update-form/update-form.use-case';
import { UrgeFormUseCase } from './use-cases/urge-form/urge-form.use-case';
import { GetScoreUseCase } from './use-cases/self-evaluation/get-score.use-case';
import { SelfEvaluationChecks } from './use-cases/self-evaluation/self-evaluation-checks';
import { UpdateSelfEvaluationUseCase } from './use-cases/self-evaluation/update-self-evaluation.use-case';
import { ExportSelfEvaluationUseCase } from './use-cases/self-evaluation/export-self-evaluation.use-case';

@Module({
  controllers: [FormsController],
  providers: [ApplyEventUseCase, CreateFormUseCase, ExportFormUseCase, GetHistoryUseCase, ImportFormsUseCase, UpdateFormUseCase, UrgeFormUseCase,
    ExportSelfEvaluationUseCase, FormDeadlines, GetScoreUseCase, PrecheckFormUseCase, SelfEvaluationChecks, UpdateSelfEvaluationUseCase],
})
export class FormsModule {}
