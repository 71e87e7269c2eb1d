import { Injectable, Logger } from '@nestjs/common';
import { FormsRepository } from '@app/persistence';
import { FormTransitions, JournalActor } from './form-transitions.service';

const BATCH = 200;

/** The year-end job as the machine sees it (DESIGN §2: OPEN_SELF_EVALUATION by the system or an admin). */
export const SYSTEM_ACTOR: JournalActor = { id: null, username: 'system', role: 'system', orgId: null };

/**
 * Opens the self-evaluation of every approved form of a campaign, through the machine (each form gets
 * its OPEN_SELF_EVALUATION event, its self-evaluation deadline with reminders, and the unit its
 * SELF_EVALUATION_OPENED notification). Idempotent: forms already opened are no longer 'approved'.
 */
@Injectable()
export class OpenSelfEvaluationService {
  private readonly logger = new Logger(OpenSelfEvaluationService.name);

  constructor(
    private readonly forms: FormsRepository,
    private readonly transitions: FormTransitions,
  ) {}

  async openCampaign(campaignId: string, at: Date, actor: JournalActor = SYSTEM_ACTOR): Promise<{ opened: number; skipped: number }> {
    let opened = 0;
    let skipped = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.forms.idsInState(campaignId, 'approved', BATCH, after);
      if (!ids.length) break;
      after = ids[ids.length - 1];
      for (const id of ids) {
        const form = await this.forms.findForEvent(id, { kind: 'all' });
        if (!form || form.state !== 'approved') {
          skipped++;
          continue;
        }
        const result = await this.transitions.apply({
          form,
          event: { type: 'OPEN_SELF_EVALUATION', actor: { userId: actor.id ?? 'system', role: actor.role as 'system', orgId: actor.orgId }, at: at.toISOString() },
          actor,
          comment: null,
        });
        // A refusal or a lost race means someone else moved the form on; it is not this job's to force.
        if (result.ok && result.applied) opened++;
        else skipped++;
      }
    }
    if (opened) this.logger.log(`Opened the self-evaluation of ${opened} form(s) of campaign ${campaignId}`);
    return { opened, skipped };
  }
}
