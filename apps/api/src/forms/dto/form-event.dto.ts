import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { LIFECYCLE_EVENT_TYPES } from '@app/domain';
import type { LifecycleEventType } from '@app/domain';
import { MONEY_PATTERN } from './form-body.dto';

export class FormEventDto {
  @ApiProperty({ enum: LIFECYCLE_EVENT_TYPES, example: 'SUBMIT' })
  @IsIn(LIFECYCLE_EVENT_TYPES)
  type!: LifecycleEventType;

  @ApiProperty({ example: 3, description: '所基于的版本号（乐观锁）' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ example: '请补充满意度指标', description: '意见（退回时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ example: '900000.00', description: '批复金额（批复时必填，元）' })
  @IsOptional()
  @IsString({ message: '金额应为字符串形式的非负数，最多两位小数' })
  @Matches(MONEY_PATTERN, { message: '金额应为字符串形式的非负数，最多两位小数' })
  approvedAmount?: string;
}
