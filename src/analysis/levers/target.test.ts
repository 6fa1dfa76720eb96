import { describe, expect, it } from 'vitest';
import { Scenario } from '../../core/scenario.ts';
import { parseTarget } from './target.ts';

const scenario = Scenario.parse({
  id: 't',
  title: 'T',
  question: 'Q?',
  asOf: '2025-01-01',
  issues: [{ id: 'coalition', name: 'C', scale: { min: 0, max: 100 } }],
  actors: [
    {
      id: 'korea-gov',
      name: 'K',
      kind: 'government',
      capability: 1,
      stances: { coalition: { position: 30, salience: 50 } },
    },
    { id: 'x', name: 'X', kind: 'state', capability: 1, stances: {} },
  ],
});

describe('parseTarget', () => {
  it('reads an issue outcome target and an actor target', () => {
    expect(parseTarget('coalition>=75', scenario)).toEqual({
      text: 'coalition>=75',
      metric: 'outcome',
      issue: 'coalition',
      actor: null,
      members: null,
      op: '>=',
      value: 75,
    });
    expect(parseTarget(' actor:korea-gov:coalition < 40.5 ', scenario)).toMatchObject({
      metric: 'position',
      actor: 'korea-gov',
      op: '<',
      value: 40.5,
      text: 'actor:korea-gov:coalition<40.5',
    });
  });

  it('rejects bad syntax with the expected form', () => {
    expect(() => parseTarget('coalition=>75', scenario)).toThrow(
      '--target: "coalition=>75" is not a target (write >= or <=, not => or =): expected ISSUE>=VALUE or actor:ACTOR:ISSUE>=VALUE (operators >=, >, <=, <), e.g. coalition>=75 or actor:korea-gov:coalition>=50',
    );
    expect(() => parseTarget('coalition', scenario)).toThrow(
      /^--target: "coalition" is not a target: expected ISSUE>=VALUE/,
    );
  });

  it('names unknown issues and actors, a missing stance, and a value off the scale', () => {
    expect(() => parseTarget('coaliton>=75', scenario)).toThrow(
      '--target: unknown issue "coaliton" in "coaliton>=75"; issues: coalition',
    );
    expect(() => parseTarget('actor:japan:coalition>=5', scenario)).toThrow(
      '--target: unknown actor "japan" in "actor:japan:coalition>=5"; actors: korea-gov, x',
    );
    expect(() => parseTarget('actor:x:coalition>=5', scenario)).toThrow(
      '--target: actor "x" has no stance on issue "coalition"',
    );
    expect(() => parseTarget('coalition>=150', scenario)).toThrow(
      '--target: 150 is outside the scale of issue "coalition" (0..100)',
    );
  });
});
