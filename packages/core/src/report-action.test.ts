import { describe, expect, it } from 'vitest';
import { reportGates } from './report-action.js';

describe('the report action', () => {
  it("writes ml-cicd.yaml's gates as value gates of the action", () => {
    const gates = [
      { metric: 'accuracy', min: 0.9 },
      { metric: 'loss', max: 0.3 },
      { metric: 'eval.f1', min: 0.5, max: 1 },
    ];
    expect(reportGates(gates)).toBe(
      'accuracy: "value >= 0.9"\nloss: "value <= 0.3"\neval.f1: "value >= 0.5, value <= 1"\n',
    );
  });
});
