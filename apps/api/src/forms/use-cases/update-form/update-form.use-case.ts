import { Injectable } from '@nestjs/common';
import { FormRecord, FormsRepository, NextDeadlineRecord } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { Clock } from '../../../common/clock';
import type { UpdateFormDto } from '../../dto/form-body.dto';
import { prepareContent } from '../../form-content';
import { formScope } from '../../form-scope';
import { saveInPlace } from '../../save-in-place';
import { versionConflict } from '../../form-errors';

// DESIGN §2: "The form content is editable only in draft and returned."
const EDITABLE = new Set(['draft', 'returned']);

/**
 * PUT /api/forms/:id (unit): new content, based on the version the client read; journaled as an
 * UPDATE event, written only if the form is still at that version.
 */
@Injectable()
export class UpdateFormUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, body: UpdateFormDto, caller: Caller): Promise<{ form: FormRecord; nextDeadline: NextDeadlineRecord | null }> {
    const form = await this.forms.findInScope(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    if (caller.role !== 'unit') throw ApiError.forbidden('只有实施单位可以修改申报表');
    if (!EDITABLE.has(form.state)) {
      throw new ApiError(409, 'NOT_EDITABLE', '只有草稿或退回修改状态的申报表可以修改', [{ currentState: form.state }]);
    }
    if (body.version !== form.version) throw versionConflict(form.version);
    const content = prepareContent(body, form.content);
    return saveInPlace(this.forms, form, caller, this.clock.now().toISOString(), 'UPDATE', { content });
  }
}
