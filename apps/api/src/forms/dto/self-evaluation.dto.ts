import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { MONEY_PATTERN } from './form-body.dto';

export class IndicatorEvaluationDto {
  @ApiProperty({ format: 'uuid', description: '批复版本中的指标 id' })
  @IsUUID()
  indicatorId!: string;

  @ApiPropertyOptional({ example: '100%', description: '实际完成值（写法同年度指标值）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  actual?: string;

  @ApiPropertyOptional({ enum: ['achieved', 'partial', 'notAchieved'], description: '定性指标：达成 / 部分达成 / 未达成' })
  @IsOptional()
  @IsIn(['achieved', 'partial', 'notAchieved'])
  tier?: 'achieved' | 'partial' | 'notAchieved';

  @ApiPropertyOptional({ example: '18.5', description: '定性指标的自评得分' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: '得分应为字符串形式的非负数，最多两位小数' })
  points?: string;

  @ApiPropertyOptional({ description: '偏差原因分析及改进措施' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** PUT /api/forms/:id/self-evaluation (API.md "Self-evaluation and scores"). */
export class SelfEvaluationDto {
  @ApiProperty({ example: 7, description: '所基于的版本号（乐观锁）' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: '215457.60', description: '全年执行数（元）' })
  @IsString({ message: '金额应为字符串形式的非负数，最多两位小数' })
  @Matches(MONEY_PATTERN, { message: '金额应为字符串形式的非负数，最多两位小数' })
  budgetExecuted!: string;

  @ApiPropertyOptional({ description: '执行率偏低的原因（执行率 < 90% 时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  executionReason?: string;

  @ApiProperty({ type: [IndicatorEvaluationDto] })
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => IndicatorEvaluationDto)
  indicators!: IndicatorEvaluationDto[];

  @ApiPropertyOptional({ description: '年度总体目标完成情况' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  goalAchievement?: string;
}
