import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ROLES } from '@app/domain';
import type { Role } from '@app/domain';

export class CreateUserDto {
  @ApiProperty({ example: 'lvhua.zhangsan', pattern: '^[A-Za-z0-9_.@-]{3,64}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.@-]{3,64}$/, { message: '用户名为 3–64 位字母、数字或 _ . @ -' })
  username!: string;

  @ApiProperty({ example: 'Lvhua@2026', description: '≥ 8 个字符，含小写、大写、数字、符号中至少 3 类' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'reviewer: 主管部门; unit: 实施单位; admin: 可不填' })
  @IsOptional()
  @IsUUID()
  orgId?: string;

  @ApiPropertyOptional({ example: 'zhangsan@example.gov.cn', description: '电子邮箱（启用邮件通知时使用）' })
  @IsOptional()
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(200)
  email?: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) orgId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email?: string | null;
}

/** A user in the admins' list: never the password hash or the lockout state. */
export class UserListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) orgId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '电子邮箱，未填写时为 null' }) email!: string | null;
  @ApiProperty({ example: '2026-03-02T09:30:00+08:00' }) createdAt!: string;
}

export class UserListResponse {
  @ApiProperty({ type: [UserListItem], description: '按用户名排序' })
  items!: UserListItem[];
}
