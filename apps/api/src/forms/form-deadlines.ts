import { Injectable } from '@nestjs/common';
import { deadlineStatus, DeadlineStatus } from '@app/domain';
import { FormsRepository, NextDeadlineRecord } from '@app/persistence';
import { CalendarService } from '@app/workflow';
import { Clock } from '../common/clock';

/** A form view with its next deadline (see FormDeadlines). */
export type WithNextDeadline<T> = T & { nextDeadline: DeadlineStatus | null };

/**
 * `nextDeadline` of the form views: computed when answering, never stored (working days left and
 * overdue change with the clock, so a replayed response shows the current values too). One instant
 * and one calendar per response; a year without holiday data gives workingDaysLeft null.
 */
@Injectable()
export class FormDeadlines {
  constructor(
    private readonly forms: FormsRepository,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** The status of deadlines read by the list query, all at the same instant. */
  async statusAt(): Promise<(deadline: NextDeadlineRecord | null) => DeadlineStatus | null> {
    const calendar = await this.calendars.current();
    const now = this.clock.now();
    return (deadline) => (deadline === null ? null : deadlineStatus(deadline, now, calendar));
  }

  /**
   * One view with the form's next deadline: the one given (read by the statement that wrote the form)
   * or, when undefined, the current one (one query).
   */
  async attach<T extends { id: string }>(view: T, known?: NextDeadlineRecord | null): Promise<WithNextDeadline<T>> {
    const [deadline, status] = await Promise.all([known === undefined ? this.forms.nextDeadline(view.id) : known, this.statusAt()]);
    return { ...view, nextDeadline: status(deadline) };
  }
}
