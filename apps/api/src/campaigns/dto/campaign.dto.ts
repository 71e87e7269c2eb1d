import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateCampaignDto {
  @ApiProperty({ example: 2024, description: '预算年度' })
  @IsInt()
  year!: number;

  @ApiProperty({ format: 'uuid', description: '主管部门' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({ example: '2024-03-15T18:00:00+08:00', description: '申报截止时间' })
  @IsString()
  @MaxLength(40)
  declarationDeadline!: string;

  @ApiProperty({ example: 5, description: '审核时限（提交后工作日数）' })
  @IsInt()
  reviewWorkingDays!: number;

  @ApiProperty({ example: 5, description: '退回后重新申报时限（工作日数）' })
  @IsInt()
  resubmitWorkingDays!: number;

  @ApiPropertyOptional({ example: '2025-01-01T00:00:00+08:00', description: '年终自评开启时间，默认次年 1 月 1 日' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  selfEvaluationOpensAt?: string;

  @ApiProperty({ example: '2025-04-30T18:00:00+08:00', description: '年终自评截止时间' })
  @IsString()
  @MaxLength(40)
  selfEvaluationDeadline!: string;

  @ApiPropertyOptional({ example: ['P7D', 'P3D', 'P1D'], description: '截止前提醒的提前量（ISO-8601），默认 P7D、P3D、P1D' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  reminderOffsets?: string[];

  @ApiPropertyOptional({ example: 'cz2020-10.v1', description: '评分方案版本，默认为本版本的财预〔2020〕10号方案' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  schemeVersion?: string;
}

export class ListCampaignsQuery {
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() declarationDeadline!: string;
  @ApiProperty() reviewWorkingDays!: number;
  @ApiProperty() resubmitWorkingDays!: number;
  @ApiProperty() selfEvaluationOpensAt!: string;
  @ApiProperty() selfEvaluationDeadline!: string;
  @ApiProperty({ type: [String] }) reminderOffsets!: string[];
  @ApiProperty({ nullable: true, type: String, description: '评分方案版本；null 为默认方案' }) schemeVersion!: string | null;
  @ApiProperty() createdAt!: string;
}
