import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { dimensionName, parseKtabCsv } from './parse-ktab-csv.ts';

const FIXTURES = join(import.meta.dirname, '../../models/smp/fixtures');

/** The error message parseKtabCsv throws on `text` (file "f.csv"). */
function errorOf(text: string): string {
  try {
    parseKtabCsv(text, 'f.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected an InputError');
}

const HEAD = 'Scen,"A test",2,2,\nActor,Description,Power,P1,S1,P2,S2,\n';

describe('parseKtabCsv reads KTAB’s CSV scenario files', () => {
  it('reads KTAB’s dummyData_3Dim.csv: quoted description, padded numbers, trailing commas, "Power"', () => {
    const d = parseKtabCsv(
      readFileSync(join(FIXTURES, 'dummyData_3Dim.csv'), 'utf8'),
      'dummyData_3Dim.csv',
    );
    expect(d.name).toBe('DummyData_3Dim');
    expect(d.description).toBe('Dummy scenario to test reading format');
    expect(d.dimensions).toEqual(['Dimension 1', 'Dimension 2', 'Dimension 3']);
    expect(d.actors).toHaveLength(7);
    expect(d.actors[0]).toMatchObject({
      name: 'SActor-00',
      description: 'Random Spatial Actor',
      power: 102.543,
      positions: [75.79, 6.37, 70.45],
      saliences: [49.53, 5.91, 28.15],
    });
    expect(d.actors[0]!.at!.power).toEqual({ line: 3, column: 33 });
  });

  it('reads KTAB’s SOE-Pol-Comp.csv: "Influence", named dimensions, semicolons in line 1', () => {
    const d = parseKtabCsv(readFileSync(join(FIXTURES, 'SOE-Pol-Comp.csv'), 'utf8'));
    expect(d.name).toBe('China Policy/Competitive; scen 2');
    expect(d.description).toBe('Scenario-0002;Combined Policy and Competitive');
    expect(d.dimensions).toEqual(['Policy', 'Competitive']);
    expect(d.actors).toHaveLength(13);
    expect(d.actors[4]).toMatchObject({
      name: 'LH',
      description: 'Liu He - Deputy Director of DRC',
      power: 40,
      positions: [50, 65],
    });
  });

  it('accepts CRLF line ends, a BOM, blank lines and no trailing commas', () => {
    const d = parseKtabCsv(
      '\uFEFFS,D,2,1\r\nActor,Description,Power,Pos,Sal\r\n\r\na,x,1,10,50\r\nb,y,2,90,40\r\n',
    );
    expect(d.actors.map((a) => a.positions[0])).toEqual([10, 90]);
  });

  it('names dimensions from their position headers', () => {
    expect(dimensionName('Policy Position', 0)).toBe('Policy');
    expect(dimensionName('Pstn2', 1)).toBe('Dimension 2');
    expect(dimensionName('Trade_pos', 0)).toBe('Trade');
    expect(dimensionName('Coalition', 0)).toBe('Coalition');
  });
});

describe('parseKtabCsv errors name file, line, column and field', () => {
  it('an empty file', () => {
    expect(errorOf('')).toBe(
      'f.csv:1:1: empty file: expected KTAB CSV, line 1 `name,description,nActors,nDims`',
    );
  });
  it('a non-numeric actor count', () => {
    expect(errorOf('Scen,desc,many,2\n')).toBe(
      'f.csv:1:11 nActors: line 1 field 3 must be the number of actors (a positive integer), found "many"; line 1 is name,description,nActors,nDims',
    );
  });
  it('a missing dimension count', () => {
    expect(errorOf('Scen,desc,3\n')).toMatch(
      /^f\.csv:1:11 nDims: line 1 field 4 must be the number of dimensions/,
    );
  });
  it('a header that does not match the dimension count', () => {
    expect(errorOf('Scen,desc,2,3\nActor,Description,Power,P1,S1,P2,S2\n')).toBe(
      'f.csv:1:13 nDims: line 1 says 3 dimensions, so the header needs 9 columns (Actor, Description, Power, then a position and a salience per dimension), but line 2 has 7',
    );
  });
  it('fewer actor rows than line 1 says', () => {
    expect(errorOf(`${HEAD}a,x,1,10,50,20,30\n`)).toBe(
      'f.csv:1:15 nActors: line 1 says 2 actors, but the file has 1 actor row',
    );
  });
  it('more actor rows than line 1 says', () => {
    expect(errorOf(`${HEAD}a,x,1,10,50,20,30\nb,y,1,10,50,20,30\nc,z,1,1,1,1,1\n`)).toBe(
      'f.csv:1:15 nActors: line 1 says 2 actors, but the file has 3 actor rows',
    );
  });
  it('an actor row with missing fields', () => {
    expect(errorOf(`${HEAD}a,x,1,10,50,20\nb,y,1,10,50,20,30\n`)).toBe(
      'f.csv:3:13 actors[0]: actor "a": expected 7 fields (name, description, power, then a position and a salience for each of 2 dimensions), found 6',
    );
  });
  it('a non-numeric value', () => {
    expect(errorOf(`${HEAD}a,x,1,10,50,20,30\nb,y,1,ten,50,20,30\n`)).toBe(
      'f.csv:4:7 actors[1].positions[0]: actor "b": position on "P1" "ten" is not a number',
    );
  });
  it('saliences summing over 100 for an actor', () => {
    expect(errorOf(`${HEAD}a,x,1,10,60,20,50.5\nb,y,1,10,50,20,30\n`)).toBe(
      'f.csv:3:10 actors[0].saliences: actor "a": saliences sum to 110.5 (60 + 50.5); KTAB requires at most 100 per actor',
    );
  });
  it('all-zero saliences', () => {
    expect(errorOf(`${HEAD}a,x,1,10,0,20,0\nb,y,1,10,50,20,30\n`)).toBe(
      'f.csv:3:10 actors[0].saliences: actor "a": every salience is 0; KTAB needs a positive salience on at least one dimension',
    );
  });
  it('zero power (which crashes KTAB)', () => {
    expect(errorOf(`${HEAD}a,x,0,10,50,20,30\nb,y,1,10,50,20,30\n`)).toBe(
      'f.csv:3:5 actors[0].power: actor "a": power 0 must be positive (KTAB crashes on zero or negative power)',
    );
  });
  it('negative power', () => {
    expect(errorOf(`${HEAD}a,x,1,10,50,20,30\nb,y, -5,10,50,20,30\n`)).toBe(
      'f.csv:4:5 actors[1].power: actor "b": power -5 must be positive (KTAB crashes on zero or negative power)',
    );
  });
  it('a position off KTAB’s 0–100 scale', () => {
    expect(errorOf(`${HEAD}a,x,1,10,50,120,30\nb,y,1,10,50,20,30\n`)).toBe(
      'f.csv:3:13 actors[0].positions[1]: actor "a": position 120 on "P2" is outside KTAB\'s scale 0..100',
    );
  });
  it('reports every problem at once', () => {
    const e = errorOf(`${HEAD}a,x,0,10,50,20,30\nb,y,1,10,50,20,x\n`);
    expect(e.split('\n')).toHaveLength(2);
  });
});
