import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { RunReportUseCase } from './run-report.use-case';

@Module({ controllers: [ReportsController], providers: [RunReportUseCase] })
export class ReportsModule {}
