/**
 * A small scenario with a coalition question, for the coalition tests: lead L (x 90), rival R (x 10),
 * candidates near (x 70, public P at 40) and far (x 30), a bystander B (x 50).
 */
import type { MeasureValue, ScenarioInput } from '../core/scenario.ts';

export function coalitionTestScenario(): ScenarioInput {
  const stance = (position: MeasureValue, salience: MeasureValue) => ({
    q: { position, salience },
  });
  return {
    id: 'coalition-test',
    title: 'Coalition test',
    question: 'Who joins L?',
    asOf: '2025-01-01',
    sources: [{ id: 'src', title: 'Source' }],
    evidence: [{ id: 'ev', source: 'src', quote: 'a quote' }],
    issues: [{ id: 'q', name: 'Q', scale: { min: 0, max: 100 }, referencePoint: 30 }],
    actors: [
      { id: 'L', name: 'Lead', kind: 'state', capability: 10, stances: stance(90, 60) },
      { id: 'R', name: 'Rival', kind: 'state', capability: 12, stances: stance(10, 70) },
      {
        id: 'near',
        name: 'Near',
        kind: 'government',
        capability: 3,
        stances: stance({ value: 70, low: 60, high: 80 }, 60),
      },
      { id: 'P', name: 'Near public', kind: 'public', capability: 1, stances: stance(40, 50) },
      { id: 'far', name: 'Far', kind: 'government', capability: 1, stances: stance(30, 40) },
      { id: 'B', name: 'Bystander', kind: 'state', capability: 1, stances: stance(50, 20) },
    ],
    coalition: {
      issue: 'q',
      lead: 'L',
      rival: 'R',
      candidates: ['near', 'far'],
      parties: {
        near: {
          public: 'P',
          tradeWithRival: { value: 20, low: 10, high: 30, evidence: ['ev'] },
          tradeWithLead: 25,
        },
        far: { tradeWithRival: 40, distanceDiscount: 0.5 },
      },
      coefficients: {
        tradeCost: { value: 0.05, low: 0, high: 0.1 },
        publicWeight: 0.4,
        allianceValue: 0.1,
      },
      allianceTies: [{ between: ['L', 'near'], evidence: ['ev'] }],
    },
  };
}
