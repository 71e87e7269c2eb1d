import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { canonicalJson, checkScheme, ScoringScheme } from '@app/domain';
import { ScoringRepository } from '@app/persistence';
import { ApiError } from '../common/api-error';
import { Roles } from '../common/caller';

const DECIMAL = /^\d{1,3}(\.\d{1,4})?$/;

export class TierBandDto {
  @IsIn(['achieved', 'partial', 'notAchieved']) tier!: 'achieved' | 'partial' | 'notAchieved';
  @IsString() @MaxLength(50) label!: string;
  @Matches(DECIMAL) min!: string;
  @Matches(DECIMAL) max!: string;
  @IsIn([true, false]) maxInclusive!: boolean;
}

export class GradeBandDto {
  @IsIn(['优', '良', '中', '差']) grade!: '优' | '良' | '中' | '差';
  @Matches(DECIMAL) min!: string;
}

/** A scoring scheme as data (DESIGN §4): another province's weights, bands or formula is configuration. */
export class SchemeDto {
  @ApiProperty({ example: 'province-x.2025' }) @IsString() @Matches(/^[A-Za-z0-9._-]{1,64}$/) version!: string;
  @ApiProperty() @IsString() @MaxLength(200) name!: string;
  @ApiProperty({ example: '10' }) @Matches(DECIMAL) executionWeight!: string;
  @ApiProperty({ example: { 产出指标: '50', 效益指标: '30', 满意度指标: '10' } }) @IsObject() categoryWeights!: Record<'产出指标' | '效益指标' | '满意度指标', string>;
  @ApiProperty({ enum: ['ratio', 'linear'] }) @IsIn(['ratio', 'linear']) reverseFormula!: 'ratio' | 'linear';
  @ApiProperty({ type: [TierBandDto] }) @IsArray() @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => TierBandDto) qualitativeTiers!: TierBandDto[];
  @ApiProperty({ type: [GradeBandDto] }) @IsArray() @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => GradeBandDto) grades!: GradeBandDto[];
  @ApiProperty({ example: '1.3' }) @Matches(DECIMAL) explainAboveRatio!: string;
  @ApiProperty({ example: '0.9' }) @Matches(DECIMAL) executionReasonBelow!: string;
}

@ApiTags('scoring 评分方案')
@ApiBearerAuth()
@Controller('scoring-schemes')
export class SchemesController {
  constructor(private readonly scoring: ScoringRepository) {}

  @Get()
  @ApiOperation({ summary: '已登记的评分方案（版本化，登记后不可修改）' })
  async list() {
    return { items: (await this.scoring.schemes()).map((s) => s.scheme) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '登记新的评分方案版本（管理员）', description: '权重、定性档次、等级、反向指标公式均为配置；同一版本号不可重复登记' })
  async create(@Body() body: SchemeDto): Promise<ScoringScheme> {
    const scheme: ScoringScheme = { ...body, qualitativeTiers: body.qualitativeTiers.map((t) => ({ ...t })), grades: body.grades.map((g) => ({ ...g })) };
    const problems = checkScheme(scheme);
    if (problems.length) throw ApiError.validation(problems.map((p) => ({ path: p.path, rule: p.rule, message: p.message })), '评分方案不成立');
    const existing = await this.scoring.scheme(scheme.version);
    if (existing && canonicalJson(existing) !== canonicalJson(scheme)) throw ApiError.conflict(`评分方案版本“${scheme.version}”已存在，内容不同；请使用新的版本号`);
    await this.scoring.registerScheme(scheme.version, scheme);
    return scheme;
  }
}
