import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class UrgeDto {
  @ApiPropertyOptional({ example: '请于本周五前提交', description: '附言' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
