import { Module } from '@nestjs/common';
import { SchemesController } from './schemes.controller';

@Module({ controllers: [SchemesController] })
export class ScoringModule {}
