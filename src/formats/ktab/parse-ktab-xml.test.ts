import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { parseKtabXml } from './parse-ktab-xml.ts';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<Scenario>
  <name>Test</name>
  <desc>Two actors, two dimensions</desc>
  <prngSeed>8734523</prngSeed>
  <ModelParameters>
    <VictoryProbModel>Quartic</VictoryProbModel>
    <ProbCondorcetElection>MarkovIPCM</ProbCondorcetElection>
    <StateTransitions>StochasticSTM</StateTransitions>
    <VotingRule>Proportional</VotingRule>
    <BigRAdjust>Half</BigRAdjust>
    <BigRRange>Max</BigRRange>
    <ThirdPartyCommit>FullCommit</ThirdPartyCommit>
    <InterVecBrgn>S1P1</InterVecBrgn>
    <BargnModel>PWCompInterp</BargnModel>
  </ModelParameters>
  <Dimensions>
    <dName>Tax</dName>
    <dName>Trade</dName>
  </Dimensions>
  <Actors>
    <Actor>
      <name>A</name>
      <description>First</description>
      <capability>50</capability>
      <Position><dCoord>10</dCoord><dCoord>90</dCoord></Position>
      <Salience><dSal>40</dSal><dSal>60</dSal></Salience>
    </Actor>
    <Actor>
      <name>B</name>
      <description>Second</description>
      <capability>20</capability>
      <Position><dCoord>70</dCoord><dCoord>30</dCoord></Position>
      <Salience><dSal>50</dSal><dSal>25</dSal></Salience>
    </Actor>
  </Actors>
  <IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B</referencePos><adjust>0.5</adjust></iaPair></IdealAdjustment>
</Scenario>
`;

function errorOf(text: string): string {
  try {
    parseKtabXml(text, 'f.xml');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('parseKtabXml reads KTAB’s XML scenario files (SMPModel::readXML layout)', () => {
  it('reads the scenario, seed, model parameters (KTAB spellings), dimensions and actors', () => {
    const d = parseKtabXml(XML, 'f.xml');
    expect(d).toMatchObject({
      name: 'Test',
      description: 'Two actors, two dimensions',
      seed: '8734523',
      dimensions: ['Tax', 'Trade'],
      parameters: {
        victoryProb: 'Quartic',
        pce: 'MarkovIncentive',
        transition: 'Stochastic',
        votingRule: 'Prop',
        bigRAdjust: 'Half',
        bigRRange: 'Max',
        thirdPartyCommit: 'FullCommit',
        interVecBrgn: 'S1P1',
        bargainModel: 'PWCompInterp',
      },
    });
    expect(d.actors[1]).toMatchObject({
      name: 'B',
      description: 'Second',
      power: 20,
      positions: [70, 30],
      saliences: [50, 25],
    });
    expect(d.notes).toEqual([
      "<IdealAdjustment> (line 37) is ignored: Entente's SMP uses identity accommodation (ideals follow positions)",
    ]);
  });
  it('matches element names case-insensitively and ignores unknown elements', () => {
    const d = parseKtabXml(
      XML.replace(/<dName>/g, '<DNAME>')
        .replace(/<\/dName>/g, '</DNAME>')
        .replace('<desc>', '<extra/><desc>'),
    );
    expect(d.dimensions).toEqual(['Tax', 'Trade']);
  });
  it('an unknown parameter value is named with the accepted ones', () => {
    expect(errorOf(XML.replace('Quartic', 'Cubic'))).toBe(
      'f.xml:7:5 ModelParameters.VictoryProbModel: unknown VictoryProbModel "Cubic"; expected one of Linear, Square, Quartic, Octic, Binary',
    );
  });
  it('a position count that does not match the dimensions', () => {
    expect(
      errorOf(XML.replace('<dCoord>10</dCoord><dCoord>90</dCoord>', '<dCoord>10</dCoord>')),
    ).toBe(
      'f.xml:26:7 actors[0].positions: actor "A": <Position> has 1 value, but <Dimensions> names 2',
    );
  });
  it('saliences summing over 100, zero power and non-numbers, all at once', () => {
    const bad = XML.replace('<dSal>40</dSal>', '<dSal>80</dSal>').replace(
      '<capability>20</capability>',
      '<capability>0</capability>',
    );
    expect(errorOf(bad).split('\n')).toEqual([
      'f.xml:27:17 actors[0].saliences: actor "A": saliences sum to 140 (80 + 60); KTAB requires at most 100 per actor',
      'f.xml:32:7 actors[1].power: actor "B": power 0 must be positive (KTAB crashes on zero or negative power)',
    ]);
    expect(
      errorOf(XML.replace('<capability>50</capability>', '<capability>lots</capability>')),
    ).toBe('f.xml:25:7 actors[0].capability: actor "A": <capability> "lots" is not a number');
  });
  it('a file that is not a KTAB scenario', () => {
    expect(errorOf('<Model/>')).toBe(
      'f.xml:1:1: expected a KTAB scenario: the root element must be <Scenario>, found <Model>',
    );
    expect(errorOf('<Scenario><Dimensions><dName>x</dName></Dimensions></Scenario>')).toBe(
      'f.xml:1:1 Actors: missing <Actors>',
    );
  });
});
