import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Money on the wire: a decimal string in 元, non-negative, at most 2 decimals (API.md). */
export const MONEY_PATTERN = /^\d{1,14}(\.\d{1,2})?$/;
/** A draft may leave an amount blank (""), like its dates: the pre-checks refuse it at submission. */
const MONEY_OR_BLANK = /^(\d{1,14}(\.\d{1,2})?)?$/;
const MONEY_MESSAGE = '金额应为字符串形式的非负数，最多两位小数，如 "937980.00"（草稿可暂为空字符串）';
const DATE_PATTERN = /^(\d{4}-\d{2}-\d{2})?$/;

export class FundsDto {
  @ApiProperty({ example: '1819200.00', description: '年度资金申请总额（元）' })
  @IsString({ message: MONEY_MESSAGE })
  @Matches(MONEY_OR_BLANK, { message: MONEY_MESSAGE })
  total!: string;

  @ApiProperty({ example: '1819200.00', description: '当年财政拨款（元）' })
  @IsString({ message: MONEY_MESSAGE })
  @Matches(MONEY_OR_BLANK, { message: MONEY_MESSAGE })
  currentYear!: string;

  @ApiProperty({ example: '0.00', description: '上年结转资金（元）' })
  @IsString({ message: MONEY_MESSAGE })
  @Matches(MONEY_OR_BLANK, { message: MONEY_MESSAGE })
  carryOver!: string;

  @ApiProperty({ example: '0.00', description: '其他资金（元）' })
  @IsString({ message: MONEY_MESSAGE })
  @Matches(MONEY_OR_BLANK, { message: MONEY_MESSAGE })
  other!: string;
}

export class IndicatorDto {
  @ApiPropertyOptional({ format: 'uuid', description: '已有指标的 id（修改时保留）' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: '产出指标', description: '一级指标' })
  @IsString()
  @MaxLength(50)
  level1!: string;

  @ApiProperty({ example: '数量指标', description: '二级指标' })
  @IsString()
  @MaxLength(50)
  level2!: string;

  @ApiProperty({ example: '前端诉件受理量', description: '三级指标' })
  @IsString()
  @MaxLength(500)
  name!: string;

  @ApiProperty({ example: '≥31000.00(件)', description: '年度指标值' })
  @IsString()
  @MaxLength(500)
  target!: string;

  @ApiPropertyOptional({ example: '10', description: '分值' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: '分值应为字符串形式的非负数，最多两位小数' })
  weight?: string;
}

/** The form body of API.md (create). Drafts may be incomplete: completeness is checked at submission. */
export class FormBodyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  campaignId!: string;

  @ApiProperty({ example: '热线服务保障经费', description: '项目名称' })
  @IsString()
  @MaxLength(200)
  projectName!: string;

  @ApiProperty({ example: '其他经常性项目', description: '项目性质' })
  @IsString()
  @MaxLength(100)
  nature!: string;

  @ApiProperty({ example: '特定目标类', description: '项目类别' })
  @IsString()
  @MaxLength(100)
  category!: string;

  @ApiProperty({ example: '2024-01-01', description: '计划开始日期（可暂为空）' })
  @IsString()
  @Matches(DATE_PATTERN, { message: '日期格式应为 YYYY-MM-DD' })
  plannedStart!: string;

  @ApiProperty({ example: '2024-12-31', description: '计划完成日期（可暂为空）' })
  @IsString()
  @Matches(DATE_PATTERN, { message: '日期格式应为 YYYY-MM-DD' })
  plannedEnd!: string;

  @ApiProperty({ type: FundsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FundsDto)
  funds!: FundsDto;

  @ApiProperty({ description: '项目总目标' })
  @IsString()
  @MaxLength(5000)
  overallGoal!: string;

  @ApiProperty({ description: '年度总体目标' })
  @IsString()
  @MaxLength(5000)
  annualGoal!: string;

  @ApiProperty({ type: [IndicatorDto] })
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators!: IndicatorDto[];
}

/** PUT /api/forms/:id: the form body (campaign fixed) plus the version it was based on. */
export class UpdateFormDto extends OmitType(FormBodyDto, ['campaignId'] as const) {
  @ApiProperty({ example: 3, description: '所基于的版本号（乐观锁）' })
  @IsInt()
  @Min(1)
  version!: number;
}
