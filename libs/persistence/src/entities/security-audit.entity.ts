import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the security audit log records. Stored as text: never rename a value once written. */
export const SECURITY_EVENTS = [
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'ACCOUNT_LOCKED',
  'LOGIN_REJECTED_LOCKED',
  'PERMISSION_DENIED',
  'ADMIN_BOOTSTRAPPED',
  'ORG_CREATED',
  'USER_CREATED',
] as const;
export type SecurityEvent = (typeof SECURITY_EVENTS)[number];

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE (see the Foundation migration). */
@Entity('security_audit_log')
export class SecurityAuditEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @Column('text')
  event!: SecurityEvent;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('text', { nullable: true })
  username!: string | null;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('text', { name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column('jsonb', { default: () => "'{}'::jsonb" })
  details!: Record<string, unknown>;
}
