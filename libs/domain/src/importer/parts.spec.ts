import { resolveChoice } from './choices';
import { divideRun, type Fragment } from './fragments';
import { isoDate } from './header-fields';
import { LevelTracker } from './levels';
import { splitForms } from './split-forms';
import { joinPieces, stripMarkup, toLines, verticalHeaderAt } from './text';
import type { RawIndicator } from './types';

const fragment = (text: string, line: number, strong = false): Fragment => ({ text, line, strong });
const raw = (name: string, line: number): RawIndicator => ({ level1: '', level2: '', name, target: 'x', line, inherited: false });

describe('importer pieces', () => {
  it('strips <p> markup and keeps the paragraphs', () => {
    expect(stripMarkup('<p>产出目标：完成</p> <p>效果目标：提高&nbsp;水平</p>')).toBe('产出目标：完成\n效果目标：提高 水平');
    expect(stripMarkup('第一行<br/>第二行')).toBe('第一行\n第二行');
    expect(stripMarkup('没有标记')).toBe('没有标记');
  });

  it('joins pieces of a cell split by a page break directly, after a sentence end as a new paragraph', () => {
    expect(joinPieces(['建成至少 10', '0 个示范性'])).toBe('建成至少 100 个示范性');
    expect(joinPieces(['第一句。', '第二句'])).toBe('第一句。\n第二句');
  });

  it('recognises vertical headers but not a lone character of a wrapped name', () => {
    const lines = toLines('绩\n效\n指\n标\n\n一级指标');
    expect(verticalHeaderAt(lines, 0)).toEqual({ text: '绩效指标', end: 4 });
    expect(verticalHeaderAt(toLines('知晓\n度\n\n提升'), 1)).toBeNull();
    expect(verticalHeaderAt(toLines('\n\n'), 0)).toBeNull();
  });

  it.each([
    ['2024-01-01', '2024-01-01'],
    ['2024/1/1', '2024-01-01'],
    ['2024.12.31', '2024-12-31'],
    ['2024年3月5日', '2024-03-05'],
    ['2023-02-30', null],
    ['全年', null],
  ])('reads the date %s as %s', (printed, iso) => {
    expect(isoDate(printed)).toBe(iso);
  });

  it('reads check boxes', () => {
    expect(resolveChoice('特定目标类')).toEqual({ value: '特定目标类', ticked: [] });
    expect(resolveChoice('☑特定目标类 □其他人员类')?.value).toBe('特定目标类');
    expect(resolveChoice('□特定目标类 □其他人员类')).toBeNull();
  });

  it('splits a text into forms at each title, the year from the line after it', () => {
    const { chunks } = splitForms(toLines('汇总表\n财政项目支出绩效目标申报表\n\n(2024年度)\n项目名称\tA\n 财政项目支出绩效目标申报表\n（2022年度）\n项目名称 B'));
    expect(chunks.map((c) => [c.title?.no, c.year, c.yearLine])).toEqual([
      [2, 2024, 4],
      [6, 2022, 7],
    ]);
    expect(splitForms(toLines('项目名称\t财政项目支出绩效目标申报表')).chunks[0].title).toBeNull();
  });

  describe('divideRun (one-cell-per-line names and targets)', () => {
    it('joins a wrapped name and takes the quantity as its target', () => {
      const pieces = divideRun([fragment('示范性“美丽街区”建设完', 63), fragment('成率', 64), fragment('=100%', 66, true)], 24);
      expect(pieces).toEqual([{ kind: 'indicator', name: [fragment('示范性“美丽街区”建设完', 63), fragment('成率', 64)], target: fragment('=100%', 66, true) }]);
    });

    it('ends a wrapped name at its short last line; the next line is the qualitative target', () => {
      const pieces = divideRun([fragment('热线平台信息员热线工单派', 464), fragment('单及时率', 466), fragment('当天派单', 467)], 24);
      expect(pieces.map((p) => p.kind === 'indicator' && [p.name.map((f) => f.text).join(''), p.target.text])).toEqual([['热线平台信息员热线工单派单及时率', '当天派单']]);
    });

    it('reads short name/target pairs as separate indicators', () => {
      const run = [fragment('案件发现', 1), fragment('提升', 2), fragment('处置水平', 3), fragment('提高', 4)];
      expect(divideRun(run, 24).map((p) => p.kind === 'indicator' && p.target.text)).toEqual(['提升', '提高']);
    });

    it('leaves a lone quantity and a lone name to the caller', () => {
      expect(divideRun([fragment('=100%', 1, true)], 24)).toEqual([{ kind: 'orphanTarget', target: fragment('=100%', 1, true) }]);
      expect(divideRun([fragment('热线数据共享率', 1)], 24)).toEqual([{ kind: 'nameOnly', name: [fragment('热线数据共享率', 1)] }]);
    });
  });

  describe('LevelTracker', () => {
    it('inherits labels, reads 成本指标 as a 二级 under 产出 and as a 一级 before a 成本 二级', () => {
      const t = new LevelTracker();
      const a = raw('a', 1);
      const b = raw('b', 2);
      const c = raw('c', 3);
      const d = raw('d', 4);
      t.addLabels([{ text: '产出指标', line: 1 }, { text: '数量指标', line: 1 }]);
      t.assign(a, 'indicators[0]');
      t.assign(b, 'indicators[1]');
      t.addLabels([{ text: '成本指标', line: 3 }]);
      t.assign(c, 'indicators[2]');
      t.addLabels([{ text: '成本指标', line: 4 }, { text: '经济成本指标', line: 4 }]);
      t.assign(d, 'indicators[3]');
      t.finish();
      expect([a, b, c, d].map((x) => [x.level1, x.level2, x.inherited])).toEqual([
        ['产出指标', '数量指标', false],
        ['产出指标', '数量指标', true],
        ['产出指标', '成本指标', false],
        ['成本指标', '经济成本指标', false],
      ]);
      expect(t.notes).toEqual([]);
    });

    it('reads 满意度指标 then 服务对象满意度指标 as 一级 and 二级, and a lone 服务对象满意度指标 as a 二级', () => {
      const t = new LevelTracker();
      const a = raw('a', 1);
      const b = raw('b', 2);
      t.addLabels([{ text: '效益指标', line: 1 }, { text: '社会效益指标', line: 1 }]);
      t.assign(raw('x', 1), 'indicators[0]');
      t.addLabels([{ text: '满意度指标', line: 2 }, { text: '服务对象满意度指标', line: 2 }]);
      t.assign(a, 'indicators[1]');
      t.addLabels([{ text: '服务对象满意度指标', line: 3 }]);
      t.assign(b, 'indicators[2]');
      expect([a.level1, a.level2, b.level1, b.level2]).toEqual(['满意度指标', '服务对象满意度指标', '满意度指标', '服务对象满意度指标']);
      expect(t.notes).toEqual([]);
    });

    it('says so when a 一级 has no 二级 to inherit, and when labels are left over', () => {
      const t = new LevelTracker();
      const a = raw('a', 5);
      t.addLabels([{ text: '效益指标', line: 5 }]);
      t.assign(a, 'indicators[0]');
      t.addLabels([{ text: '满意度指标', line: 9 }]);
      t.finish();
      expect([a.level1, a.level2]).toEqual(['效益指标', '']);
      expect(t.notes.map((n) => [n.path, n.line])).toEqual([
        ['indicators[0].level2', 5],
        ['indicators', 9],
      ]);
    });
  });
});
