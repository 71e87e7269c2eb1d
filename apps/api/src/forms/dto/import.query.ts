import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class ImportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '申报批次（dryRun=false 时必填）' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'true：只解析；false：创建草稿' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: string;
}
