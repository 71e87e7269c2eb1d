import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import type { Finding, ParsedTarget } from '@app/domain';

// POST /api/forms/precheck checks content while the user types: every field may be missing and a
// half-typed amount, date or 分值 ("12.", "2024-0") is a finding of the pre-checks, not a 400. Types,
// unknown fields and sizes are still refused (400), with the limits of the form body.

export class PrecheckFundsDto {
  @ApiPropertyOptional({ example: '1819200.00', description: '年度资金申请总额（元）' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  total?: string;

  @ApiPropertyOptional({ example: '1819200.00', description: '当年财政拨款（元）' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  currentYear?: string;

  @ApiPropertyOptional({ example: '0.00', description: '上年结转资金（元）' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  carryOver?: string;

  @ApiPropertyOptional({ example: '0.00', description: '其他资金（元）' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  other?: string;
}

export class PrecheckIndicatorDto {
  @ApiPropertyOptional({ format: 'uuid', description: '已有指标的 id（不影响预审）' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ example: '产出指标', description: '一级指标' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  level1?: string;

  @ApiPropertyOptional({ example: '数量指标', description: '二级指标' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  level2?: string;

  @ApiPropertyOptional({ example: '前端诉件受理量', description: '三级指标' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  name?: string;

  @ApiPropertyOptional({ example: '≥31000.00(件)', description: '年度指标值' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  target?: string;

  @ApiPropertyOptional({ example: '10', description: '分值' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  weight?: string;
}

/** The form body of API.md with every field optional (see above); nothing is stored. */
export class PrecheckFormDto {
  @ApiPropertyOptional({ format: 'uuid', description: '申报批次：预算年度取自该批次（须在本人可见范围内，否则 404）；不填时取当前年度' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ example: 3, description: '可以原样发送修改时的请求体；版本号不影响预审' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: '热线服务保障经费', description: '项目名称' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  projectName?: string;

  @ApiPropertyOptional({ example: '其他经常性项目', description: '项目性质' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nature?: string;

  @ApiPropertyOptional({ example: '特定目标类', description: '项目类别' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ example: '2024-01-01', description: '计划开始日期' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  plannedStart?: string;

  @ApiPropertyOptional({ example: '2024-12-31', description: '计划完成日期' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  plannedEnd?: string;

  @ApiPropertyOptional({ type: PrecheckFundsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrecheckFundsDto)
  funds?: PrecheckFundsDto;

  @ApiPropertyOptional({ description: '项目总目标' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  overallGoal?: string;

  @ApiPropertyOptional({ description: '年度总体目标' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  annualGoal?: string;

  @ApiPropertyOptional({ type: [PrecheckIndicatorDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => PrecheckIndicatorDto)
  indicators?: PrecheckIndicatorDto[];
}

export class PrecheckIndicatorView {
  @ApiProperty({ example: 0, description: '指标在请求中的序号（从 0 开始）' })
  index!: number;

  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: '识别出的年度指标值；无法识别时为 null' })
  parsedTarget!: ParsedTarget | null;

  @ApiPropertyOptional({ description: '无法识别时的原因' })
  targetError?: string;
}

export class PrecheckFindingView {
  @ApiProperty({ example: 'funds.total' }) path!: string;
  @ApiProperty({ example: 'funds.sum' }) rule!: string;
  @ApiProperty({ enum: ['error', 'warning'] }) severity!: Finding['severity'];
  @ApiProperty() message!: string;
}

export class PrecheckResponse {
  @ApiProperty({ type: [PrecheckIndicatorView] }) indicators!: PrecheckIndicatorView[];
  @ApiProperty({ type: [PrecheckFindingView], description: '与申报表 warnings 相同：error 阻止申报，warning 提示审核' })
  findings!: PrecheckFindingView[];
}
