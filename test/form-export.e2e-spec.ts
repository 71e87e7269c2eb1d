import ExcelJS from 'exceljs';
import request from 'supertest';
import { hotlineFormBody } from './fixtures/form-bodies';
import { binaryParser } from './support/binary';
import { drive } from './support/forms';
import { startTestApi, TestApi } from './support/test-api';
import { campaignBody, createWorld, World } from './support/world';

// GET /api/forms/:id/export.xlsx: the 申报表 in the layout of the published forms, checked cell by cell.
describe('form export (e2e)', () => {
  let api: TestApi;
  let w: World;
  let sheet: ExcelJS.Worksheet;
  let headers: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi();
    w = await createWorld(api);
    const campaign = (await request(api.http).post('/api/campaigns').set('Authorization', w.admin).send(campaignBody(w.depts.A))).body.id;
    const form = (await request(api.http).post('/api/forms').set('Authorization', w.tokens.unitA1).send(hotlineFormBody(campaign))).body;
    await drive(api, form.id, [
      [w.tokens.unitA1, 'SUBMIT'],
      [w.tokens.reviewerA, 'START_REVIEW'],
      [w.tokens.reviewerA, 'APPROVE', { approvedAmount: '1800000.00' }],
    ]);
    const res = await request(api.http).get(`/api/forms/${form.id}/export.xlsx`).set('Authorization', w.tokens.reviewerA).buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    headers = res.headers as Record<string, string>;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    sheet = wb.worksheets[0];
  });
  afterAll(() => api.close());

  const text = (address: string) => String(sheet.getCell(address).value ?? '');
  const findRow = (label: string, col = 1) => {
    for (let r = 1; r <= sheet.rowCount; r++) if (String(sheet.getCell(r, col).value) === label) return r;
    throw new Error(`no row with ${label}`);
  };

  it('is an xlsx download named after the project', () => {
    expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(headers['content-disposition'])).toContain('2024年度绩效目标申报表-热线服务保障经费.xlsx');
  });

  it('has the title, year and header block', () => {
    expect(text('A1')).toBe('财政项目支出绩效目标申报表');
    expect(text('A2')).toBe('(2024年度)');
    expect([text('A3'), text('B3'), text('D3'), text('E3')]).toEqual(['项目名称', '热线服务保障经费', '项目性质', '其他经常性项目']);
    expect([text('A4'), text('B4')]).toEqual(['项目类别', '特定目标类']);
    expect([text('A5'), text('B5'), text('D5'), text('E5')]).toEqual(['主管部门', '上海市绿化和市容管理局', '实施单位', '上海市绿化和市容管理局行政服务中心']);
    expect([text('B6'), text('E6')]).toEqual(['2024-01-01', '2024-12-31']);
  });

  it('has the funds block in 元 with the approved amount', () => {
    const total = findRow('年度资金申请总额', 2);
    expect(sheet.getCell(total, 4).value).toBe(1819200);
    expect(sheet.getCell(total, 4).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(findRow('其中：当年财政拨款', 2), 4).value).toBe(1819200);
    expect(sheet.getCell(findRow('上年结转资金', 2), 4).value).toBe(0);
    expect(sheet.getCell(findRow('批复金额', 2), 4).value).toBe(1800000);
    expect(text(`A${total}`)).toBe('项目资金（元）');
  });

  it('has the goals and the indicator table grouped by 一级/二级', () => {
    expect(text(`C${findRow('年度总体目标', 2)}`)).toContain('诉件前端受理');
    const header = findRow('一级指标');
    expect([1, 2, 3, 4, 5].map((c) => String(sheet.getCell(header, c).value))).toEqual(['一级指标', '二级指标', '三级指标', '年度(/项目)指标值', '分值']);
    const rows = hotlineFormBody('').indicators;
    rows.forEach((i, k) => {
      const r = header + 1 + k;
      expect([text(`A${r}`), text(`B${r}`), text(`C${r}`), text(`D${r}`)]).toEqual([i.level1, i.level2, i.name, i.target]);
    });
    // The three 经济成本指标 rows share one merged 一级 cell, as in the printed form.
    expect(sheet.getCell(header + 2, 1).isMerged).toBe(true);
    expect(sheet.getCell(header + 2, 1).master.address).toBe(`A${header + 1}`);
  });
});
