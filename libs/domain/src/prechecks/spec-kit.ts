// Test support for the pre-check specs (not exported from the package).
import type { FormContent, IndicatorInput } from '../forms';
import { runPrechecks } from './run-prechecks';
import type { Finding, PrecheckResult } from './types';

export const row = (level1: string, level2: string, name: string, target: string, weight?: string): IndicatorInput =>
  weight === undefined ? { level1, level2, name, target } : { level1, level2, name, target, weight };

/** A small 2024 form that passes every pre-check; specs change one thing at a time. */
export function cleanForm(): FormContent {
  return {
    projectName: '绿化市容行政服务工作',
    nature: '经常性专项业务费',
    category: '特定目标类',
    plannedStart: '2024-01-01',
    plannedEnd: '2024-12-31',
    funds: { total: '910000.00', currentYear: '900000.00', carryOver: '10000.00', other: '0.00' },
    overallGoal: '优化营商环境。',
    annualGoal: '辅助局机关做好行政审批受理等综合服务保障工作。',
    indicators: [
      row('成本指标', '经济成本指标', '窗口辅助工作成本', '≤65.00(万元)'),
      row('成本指标', '经济成本指标', '诉求辅助保障工作成本', '≤26.00(万元)'),
      row('产出指标', '数量指标', '申请材料受理数量', '≥8000.00(件)'),
      row('产出指标', '质量指标', '材料受理后的预审准确率', '=100.00(百分比)'),
      row('产出指标', '时效指标', '受理及时性', '及时'),
      row('效益指标', '社会效益指标', '一次性告知覆盖率', '≥90.00(百分比)'),
      row('效益指标', '可持续影响指标', '长效管理机制健全性', '健全'),
      row('满意度指标', '服务对象满意度指标', '市民满意度', '≥90.00(%)'),
    ],
  };
}

export function check(content: FormContent, year = 2024): PrecheckResult {
  return runPrechecks({ year, content });
}

/** Findings of one rule, errors and warnings together. */
export function findingsOf(result: PrecheckResult, rule: string): Finding[] {
  return [...result.errors, ...result.warnings].filter((f) => f.rule === rule);
}

/** The distinct rule ids in a result, sorted. */
export function rulesOf(result: PrecheckResult): string[] {
  return [...new Set([...result.errors, ...result.warnings].map((f) => f.rule))].sort();
}

/** A copy of the clean form with its indicators replaced. */
export function withIndicators(indicators: IndicatorInput[]): FormContent {
  return { ...cleanForm(), indicators };
}
