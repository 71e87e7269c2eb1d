import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserView } from './user.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'Jixiao@2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
  @ApiProperty({ type: UserView }) user!: UserView;
}

export class MeResponse extends UserView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: '所在（或所属）主管部门' })
  departmentId!: string | null;

  @ApiProperty({ type: [String], description: '可见的实施单位（实施单位用户为本单位，审核人员为本部门下属单位）' })
  unitIds!: string[];
}
