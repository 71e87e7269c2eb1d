import { Injectable } from '@nestjs/common';
import { firstBrokenLink, toShanghaiIso } from '@app/domain';
import { FormsRepository } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { formScope } from '../../form-scope';

export interface HistoryView {
  events: {
    seq: number;
    at: string;
    actor: { id: string | null; username: string; role: string };
    type: string;
    from: string | null;
    to: string;
    comment: string | null;
    payload: unknown;
  }[];
  /** False when a row was changed, removed or reordered behind the application's back. */
  chainValid: boolean;
  /** The first event whose hash does not match, when the chain is broken. */
  brokenAtSeq: number | null;
}

/** GET /api/forms/:id/history: the journal, with the hash chain verified on every read. */
@Injectable()
export class GetHistoryUseCase {
  constructor(private readonly forms: FormsRepository) {}

  async execute(id: string, caller: Caller): Promise<HistoryView> {
    const form = await this.forms.findInScope(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    const events = await this.forms.events(id);
    const broken = firstBrokenLink(events);
    return {
      events: events.map((e) => ({
        seq: e.seq,
        at: toShanghaiIso(new Date(e.at)),
        actor: { id: e.actorId, username: e.actorUsername, role: e.actorRole },
        type: e.type,
        from: e.from,
        to: e.to,
        comment: e.comment,
        payload: e.payload,
      })),
      chainValid: broken === null,
      brokenAtSeq: broken,
    };
  }
}
