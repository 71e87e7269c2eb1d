import type { ScoringBaseline, SelfEvaluation } from '@app/domain';

/** A 12-indicator form with a complete self-evaluation; `i` varies the outcomes (met, missed, reasons). */
export function syntheticForm(i: number): { baseline: ScoringBaseline; selfEvaluation: SelfEvaluation } {
  const id = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
  const miss = i % 3 === 0;
  const rows: [string, string, string, string, string, string?, string?][] = [
    ['产出指标', '数量指标', '受理量', '≥31000.00(件)', miss ? '30000件' : '31500件'],
    ['产出指标', '数量指标', '先行联系数量', '≥14480(件)', '15000件'],
    ['产出指标', '数量指标', '培训班次', '=8(次)', '8次'],
    ['产出指标', '质量指标', '合格率', '≥92.00(百分比)', miss ? '90%' : '95%'],
    ['产出指标', '质量指标', '验收通过率', '=100%', '100%'],
    ['产出指标', '时效指标', '完成及时性', '及时', '按时完成', 'achieved', '5.00'],
    ['成本指标', '经济成本指标', '受理成本', '≤77.50(万元)', miss ? '80.00万元' : '76.00万元'],
    ['成本指标', '经济成本指标', '联系成本', '≤57.92(万元)', '57.00万元'],
    ['效益指标', '社会效益指标', '处置率', '≥95(%)', '97%'],
    ['效益指标', '社会效益指标', '有责投诉率', '≤2.00(百分比)', miss ? '2.5%' : '1.5%'],
    ['效益指标', '可持续影响指标', '长效机制', '健全', '已健全', 'achieved', '10.00'],
    ['满意度指标', '服务对象满意度指标', '满意度', '≥90.00(%)', '92%'],
  ];
  const baseline: ScoringBaseline = {
    approvedAmount: '1000000.00',
    indicators: rows.map(([level1, level2, name, target], k) => ({ id: id(k), level1, level2, name, target })),
  };
  const selfEvaluation: SelfEvaluation = {
    budgetExecuted: miss ? '850000.00' : '980000.00',
    executionReason: '部分款项次年支付',
    goalAchievement: '完成年度目标',
    indicators: rows.map(([, , , , actual, tier, points], k) => ({
      indicatorId: id(k),
      actual,
      reason: '原因说明与改进措施',
      ...(tier ? { tier: tier as 'achieved', points } : {}),
    })),
  };
  return { baseline, selfEvaluation };
}
