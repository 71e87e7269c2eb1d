import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ORG_KINDS } from '@app/domain';
import type { OrgKind } from '@app/domain';

export class CreateOrganisationDto {
  @ApiProperty({ example: '上海市绿化和市容管理局', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORG_KINDS, description: 'department 主管部门 / unit 实施单位' })
  @IsIn(ORG_KINDS)
  kind!: OrgKind;

  @ApiPropertyOptional({ format: 'uuid', description: '实施单位的主管部门；主管部门不填' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORG_KINDS }) kind!: OrgKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
}

export class OrganisationListResponse {
  @ApiProperty({ type: [OrganisationView], description: '主管部门在前，再按名称排序' })
  items!: OrganisationView[];
}
