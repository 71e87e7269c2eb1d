import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEVEL1 } from '@app/domain';
import type { Level1, ScoringCategory } from '@app/domain';

export class CatalogueLevel1View {
  @ApiProperty({ enum: LEVEL1, example: '产出指标', description: '一级指标' })
  name!: Level1;

  @ApiProperty({ type: [String], example: ['产出'], description: '导入和预审时也认作该一级指标的写法' })
  aliases!: string[];

  @ApiProperty({ enum: ['产出指标', '效益指标', '满意度指标'], description: '年终评分时计入的类别（成本指标计入产出指标）' })
  scoringCategory!: ScoringCategory;

  @ApiPropertyOptional({ description: '说明（如成本指标在 2021 年前后的位置）' })
  note?: string;

  @ApiProperty({ type: [String], example: ['数量指标', '质量指标', '时效指标', '成本指标'], description: '标准二级指标' })
  level2!: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { 数量指标: ['数量'] },
    description: '各二级指标的其他写法',
  })
  level2Aliases!: Record<string, string[]>;
}

export class CatalogueResponse {
  @ApiProperty({ type: [CatalogueLevel1View] })
  level1!: CatalogueLevel1View[];
}
