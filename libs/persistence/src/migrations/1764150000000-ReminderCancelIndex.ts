import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cancelling a deadline cancels its pending reminders (the event statement's `rc` part). The only
 * index that matched `status = 'pending'` was reminders_due_idx (by fire_at), and a plan made while
 * the table had no statistics (a new database, or the first minutes after a deployment) scanned every
 * pending reminder — and every dead entry that cancelled ones leave in that index until vacuum —
 * for each cancelling event. With an index on exactly the rows and key that cancelling looks up, the
 * planner takes it with or without statistics.
 */
export class ReminderCancelIndex1764150000000 implements MigrationInterface {
  name = 'ReminderCancelIndex1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX reminders_pending_deadline_idx ON reminders (deadline_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reminders_pending_deadline_idx`);
  }
}
