import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toShanghaiIso } from '@app/domain';
import { FormsRepository } from '@app/persistence';
import { ApiError } from '../common/api-error';
import { CurrentCaller } from '../common/caller';
import type { AuthenticatedRequest, Caller } from '../common/caller';
import { FormBodyDto, UpdateFormDto } from './dto/form-body.dto';
import { FormEventDto } from './dto/form-event.dto';
import { ListFormsQuery } from './dto/list-forms.query';
import { formScope } from './form-scope';
import { FormDeadlines, WithNextDeadline } from './form-deadlines';
import { formView, FormView } from './form-view';
import { ApplyEventUseCase } from './use-cases/apply-event/apply-event.use-case';
import { CreateFormUseCase } from './use-cases/create-form/create-form.use-case';
import { ExportFormUseCase } from './use-cases/export-form/export-form.use-case';
import { ImportFormsUseCase, ImportResponse } from './use-cases/import-forms/import-forms.use-case';
import { xlsxToText } from './import/xlsx-text';
import { ImportQuery } from './dto/import.query';
import { GetHistoryUseCase, HistoryView } from './use-cases/get-history/get-history.use-case';
import { UpdateFormUseCase } from './use-cases/update-form/update-form.use-case';
import { UrgeFormUseCase } from './use-cases/urge-form/urge-form.use-case';
import { GetScoreUseCase, ScoreView } from './use-cases/self-evaluation/get-score.use-case';
import { UpdateSelfEvaluationUseCase } from './use-cases/self-evaluation/update-self-evaluation.use-case';
import { ExportSelfEvaluationUseCase } from './use-cases/self-evaluation/export-self-evaluation.use-case';
import { SelfEvaluationDto } from './dto/self-evaluation.dto';
import { UrgeDto } from './dto/urge.dto';
import { PrecheckFormDto, PrecheckResponse } from './dto/precheck.dto';
import { PrecheckFormUseCase } from './use-cases/precheck-form/precheck-form.use-case';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx as a download with its Chinese file name (RFC 5987). */
export function xlsxDownload(res: Response, file: { fileName: string; data: Buffer }): StreamableFile {
  res.setHeader('Content-Disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return new StreamableFile(file.data, { type: XLSX });
}

/** A malformed id is answered like a missing one: 404, same body. */
export const FormId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('申报表不存在') }));

@ApiTags('forms 申报表')
@ApiBearerAuth()
@Controller('forms')
export class FormsController {
  constructor(
    private readonly forms: FormsRepository,
    private readonly createForm: CreateFormUseCase,
    private readonly updateForm: UpdateFormUseCase,
    private readonly applyEvent: ApplyEventUseCase,
    private readonly history: GetHistoryUseCase,
    private readonly exportForm: ExportFormUseCase,
    private readonly importForms: ImportFormsUseCase,
    private readonly urgeForm: UrgeFormUseCase,
    private readonly updateSelfEvaluation: UpdateSelfEvaluationUseCase,
    private readonly getScore: GetScoreUseCase,
    private readonly exportSelfEvaluation: ExportSelfEvaluationUseCase,
    private readonly precheckForm: PrecheckFormUseCase,
    private readonly deadlines: FormDeadlines,
  ) {}

  @Post()
  @ApiOperation({ summary: '新建申报表草稿（实施单位）', description: '提交前才要求的内容问题作为 warnings 返回；年度指标值无法识别时 422' })
  async create(@Body() body: FormBodyDto, @CurrentCaller() caller: Caller): Promise<WithNextDeadline<FormView>> {
    return this.deadlines.attach(formView(await this.createForm.execute(body, caller), caller));
  }

  @Post('precheck')
  @HttpCode(200)
  @ApiOperation({
    summary: '预审（任何已登录角色；不保存）',
    description: '对正在填写的内容解析年度指标值并运行审核要点预审，结果与申报表 warnings 相同；各字段均可省略，金额、日期、分值格式不完整时作为预审结果返回而非 400',
  })
  @ApiOkResponse({ type: PrecheckResponse })
  precheck(@Body() body: PrecheckFormDto, @CurrentCaller() caller: Caller): Promise<PrecheckResponse> {
    return this.precheckForm.execute(body, caller);
  }

  @Post('import')
  @ApiOperation({
    summary: '导入公开的申报表文本（text/plain）或 xlsx',
    description: 'dryRun=true 只解析并返回警告；dryRun=false 在本单位创建草稿（全部成功或全部不创建）',
  })
  @ApiConsumes('text/plain', XLSX)
  async import(
    @Query() q: ImportQuery,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResponse> {
    let text: string;
    if (typeof body === 'string' && contentType?.startsWith('text/plain')) text = body;
    else if (Buffer.isBuffer(body) && contentType?.startsWith(XLSX)) text = await xlsxToText(body);
    else throw new ApiError(415, 'BAD_REQUEST', `请以 text/plain（申报表文本）或 ${XLSX} 提交`);
    const dryRun = q.dryRun !== 'false';
    const result = await this.importForms.execute({ text, campaignId: q.campaignId, dryRun, caller });
    res.status(dryRun ? 200 : 201);
    return result;
  }

  @Get()
  @ApiOperation({
    summary: '申报表列表（仅本人可见范围）',
    description: 'state 可用逗号分隔多个；sort=due 按下一截止时间升序（无截止时间的在后），即审核待办',
  })
  async list(@Query() q: ListFormsQuery, @CurrentCaller() caller: Caller) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const filter = { year: q.year, state: q.state, unitId: q.unitId, campaignId: q.campaignId };
    const [{ items, total }, status] = await Promise.all([
      this.forms.list(formScope(caller), filter, page, pageSize, q.sort ?? 'updated'),
      this.deadlines.statusAt(),
    ]);
    return {
      items: items.map(({ nextDeadline, ...form }) => ({ ...formView(form, caller), nextDeadline: status(nextDeadline) })),
      total,
      page,
      pageSize,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: '申报表详情' })
  async get(@FormId() id: string, @CurrentCaller() caller: Caller): Promise<WithNextDeadline<FormView>> {
    const form = await this.forms.findInScope(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    return this.deadlines.attach(formView(form, caller));
  }

  @Put(':id')
  @ApiOperation({ summary: '修改申报表（实施单位；草稿或退回修改状态）', description: '版本号过期 409 VERSION_CONFLICT' })
  async update(@FormId() id: string, @Body() body: UpdateFormDto, @CurrentCaller() caller: Caller): Promise<WithNextDeadline<FormView>> {
    const { form, nextDeadline } = await this.updateForm.execute(id, body, caller);
    return this.deadlines.attach(formView(form, caller), nextDeadline);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: '状态流转：申报、撤回、审核、批复、退回、年终自评…', description: '不允许 409（列出允许的事件）；无权 403；条件不满足 422' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重复的键返回第一次的响应' })
  async events(
    @FormId() id: string,
    @Body() body: FormEventDto,
    @CurrentCaller() caller: Caller,
    @Req() req: AuthenticatedRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<WithNextDeadline<FormView>> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw ApiError.badRequest('Idempotency-Key 应为 1–200 个可见 ASCII 字符');
    }
    // The stored (idempotent) response is the form view; its next deadline is always the current one.
    const { view, nextDeadline } = await this.applyEvent.execute({ formId: id, body, caller, idempotencyKey, path: req.path });
    return this.deadlines.attach(view, nextDeadline);
  }

  @Put(':id/self-evaluation')
  @ApiOperation({ summary: '填报年终自评（实施单位；年终自评状态）', description: '返回暂定得分；单位不一致等无法评分的内容 422' })
  async selfEvaluation(@FormId() id: string, @Body() body: SelfEvaluationDto, @CurrentCaller() caller: Caller) {
    const { view, nextDeadline } = await this.updateSelfEvaluation.execute(id, body, caller);
    return this.deadlines.attach(view, nextDeadline);
  }

  @Get(':id/score')
  @ApiOperation({ summary: '得分及逐项说明（已评分的结果，或暂定得分）' })
  score(@FormId() id: string, @CurrentCaller() caller: Caller): Promise<ScoreView> {
    return this.getScore.execute(id, caller);
  }

  @Post(':id/urge')
  @HttpCode(200)
  @ApiOperation({ summary: '催办（主管部门审核人员或管理员）', description: '通知实施单位；同一申报表 24 小时内至多一次（否则 429）' })
  urge(@FormId() id: string, @Body() body: UrgeDto, @CurrentCaller() caller: Caller): Promise<{ notified: number }> {
    return this.urgeForm.execute(id, caller, body.note);
  }

  @Get(':id/history')
  @ApiOperation({ summary: '流转记录（含哈希链校验 chainValid）' })
  getHistory(@FormId() id: string, @CurrentCaller() caller: Caller): Promise<HistoryView> {
    return this.history.execute(id, caller);
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: '冻结的版本（每次申报与批复时）；批复版本为自评基线' })
  async revisions(@FormId() id: string, @CurrentCaller() caller: Caller) {
    const form = await this.forms.findInScope(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    const rows = await this.forms.revisions(id);
    // The baseline for self-evaluation is the latest approved revision (DESIGN §2).
    const baseline = rows.filter((r) => r.reason === 'approved').at(-1)?.revision ?? null;
    return {
      revisions: rows.map((r) => ({ ...r, baseline: r.revision === baseline, createdAt: toShanghaiIso(r.createdAt) })),
    };
  }

  @Get(':id/export.xlsx')
  @ApiOperation({ summary: '导出申报表（xlsx，版式同公开的申报表）' })
  async export(@FormId() id: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.exportForm.execute(id, caller));
  }

  @Get(':id/self-evaluation/export.xlsx')
  @ApiOperation({ summary: '导出项目支出绩效自评表（xlsx）' })
  async exportSelf(@FormId() id: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.exportSelfEvaluation.execute(id, caller));
  }
}
