import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LIFECYCLE_STATES } from '@app/domain';

/** `state=declared,reviewing` (or a repeated `state=`) as a list; anything else is left for the validators. */
function stateList({ value }: { value: unknown }): unknown {
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((p) => typeof p === 'string')) return value;
  return (parts as string[]).flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== '');
}

export const FORM_SORTS = ['updated', 'due'] as const;

export class ListFormsQuery {
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({
    type: String,
    example: 'declared,reviewing',
    description: `状态，可用逗号分隔多个（任一匹配）：${LIFECYCLE_STATES.join(', ')}`,
  })
  @IsOptional()
  @Transform(stateList)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(LIFECYCLE_STATES.length)
  @IsIn(LIFECYCLE_STATES, { each: true })
  state?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({
    enum: FORM_SORTS,
    default: 'updated',
    description: 'updated：最近修改在前；due：下一截止时间最早的在前，无截止时间的在后（审核待办）',
  })
  @IsOptional()
  @IsIn(FORM_SORTS)
  sort?: (typeof FORM_SORTS)[number];

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
