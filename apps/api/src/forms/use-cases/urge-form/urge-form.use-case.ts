import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { notificationText } from '@app/domain';
import { FormsRepository, UrgesRepository } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { formatShanghaiTime } from '../../../common/clock';
import { formScope } from '../../form-scope';

// The states in which the unit has something to do (DESIGN §2): only then is 催办 meaningful.
const UNIT_MUST_ACT = new Set(['draft', 'returned', 'selfEvaluation']);
const ONCE_PER_HOURS = 24;

/** POST /api/forms/:id/urge (reviewer of the department, or admin): notifies the unit, once per 24 h. */
@Injectable()
export class UrgeFormUseCase {
  private readonly channels: string[];

  constructor(
    private readonly forms: FormsRepository,
    private readonly urges: UrgesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channels = config.enabledChannels;
  }

  async execute(id: string, caller: Caller, note?: string): Promise<{ notified: number }> {
    const form = await this.forms.findInScope(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    if (caller.role === 'unit') throw ApiError.forbidden('只有主管部门审核人员或管理员可以催办');
    if (!UNIT_MUST_ACT.has(form.state)) {
      throw ApiError.conflict('该申报表当前无需实施单位处理，不能催办', [{ message: '当前状态无需实施单位处理', path: 'state' }]);
    }
    const text = notificationText('URGE', { projectName: form.content.projectName, extra: note?.trim() ?? '' });
    const result = await this.urges.urge(id, caller.id, text, this.channels, ONCE_PER_HOURS);
    if (!result.urged) {
      const next = new Date(result.lastAt!.getTime() + ONCE_PER_HOURS * 3600_000);
      throw new ApiError(429, 'RATE_LIMITED', `该申报表 24 小时内已催办过，请于 ${formatShanghaiTime(next)} 后再催办`);
    }
    return { notified: result.notified };
  }
}
