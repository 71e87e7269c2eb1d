import { Module } from '@nestjs/common';
import { CampaignsController } from './campaigns.controller';
import { CreateCampaignUseCase } from './use-cases/create-campaign/create-campaign.use-case';

@Module({ controllers: [CampaignsController], providers: [CreateCampaignUseCase] })
export class CampaignsModule {}
