import { Injectable } from '@nestjs/common';
import { Database } from '../database.service';
import type { SecurityEvent } from '../entities/security-audit.entity';

export interface SecurityAuditEntry {
  event: SecurityEvent;
  userId?: string | null;
  username?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the security audit log; the table itself refuses updates and deletes. */
@Injectable()
export class SecurityAuditRepository {
  constructor(private readonly db: Database) {}

  async append(entry: SecurityAuditEntry): Promise<void> {
    await this.db.source.query(
      `INSERT INTO security_audit_log (event, user_id, username, ip, request_id, details)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [
        entry.event,
        entry.userId ?? null,
        entry.username ?? null,
        entry.ip ?? null,
        entry.requestId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }
}
