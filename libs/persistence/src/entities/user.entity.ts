import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@app/domain';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  username!: string;

  /** argon2id PHC string. */
  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  @Column('text')
  role!: Role;

  @Column('uuid', { name: 'org_id', nullable: true })
  orgId!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('integer', { name: 'failed_login_count', default: 0 })
  failedLoginCount!: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
