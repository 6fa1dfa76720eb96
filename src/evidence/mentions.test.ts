import { describe, expect, it } from 'vitest';
import { defaultGazetteer, extendGazetteer } from './gazetteer/gazetteer.ts';
import { findMentions } from './mentions.ts';
import { tokenize } from './tokens.ts';

const found = (text: string, g = defaultGazetteer()) =>
  findMentions(tokenize(text), g, text).map(
    (m) => `${m.text}→${m.entity.id}${m.isPublic ? ' (public)' : ''}`,
  );

describe('findMentions(tokens, gazetteer)', () => {
  it('finds states by name, capital and metonym, and leaders', () => {
    expect(
      found(
        'Washington and Seoul disagree; the Kremlin and President Donald Trump watch Tokyo, Canberra and Manila.',
      ),
    ).toEqual([
      'Washington→usa',
      'Seoul→south-korea',
      'Kremlin→russia',
      'Donald Trump→usa',
      'Tokyo→japan',
      'Canberra→australia',
      'Manila→philippines',
    ]);
  });
  it('takes the longest name: "South Korea", not "Korea"; "the Philippines"; "North Korea"', () => {
    expect(found('South Korea, North Korea and the Philippines')).toEqual([
      'South Korea→south-korea',
      'North Korea→north-korea',
      'Philippines→philippines',
    ]);
  });
  it('reads a demonym as the state before an official noun and as the public before a public noun', () => {
    expect(
      found('South Korean officials met Japanese public opinion and a senior Egyptian official.'),
    ).toEqual(['South Korean→south-korea', 'Japanese→japan (public)', 'Egyptian→egypt']);
  });
  it('ignores adjectival demonyms: "American think tank", "Korean soil", "Saudi-Israeli"', () => {
    expect(
      found('The American think tank spoke of Korean soil and a Saudi-Israeli agreement.'),
    ).toEqual([]);
  });
  it('reads plural peoples and "public opinion in X" as publics', () => {
    expect(found('South Koreans and public opinion in Australia')).toEqual([
      'South Koreans→south-korea (public)',
      'Australia→australia (public)',
    ]);
  });
  it('lets places shadow the states in their names: "South China Sea", "Korean Peninsula", "Taiwan Strait"', () => {
    expect(
      found('Patrols in the South China Sea, the Taiwan Strait and the Korean Peninsula'),
    ).toEqual([]);
  });
  it('reads a capital after "in/at/to" as a place, not a government, except "the government in X"', () => {
    expect(found('Talks in Cairo; the government in Honiara; close to Washington’s view')).toEqual([
      'Honiara→solomon-islands',
      'Washington→usa',
    ]);
  });
  it('finds sources (think tanks, media) as sources', () => {
    const g = defaultGazetteer();
    const ms = findMentions(tokenize('According to Isna, the Quincy Institute and Reuters'), g, '');
    expect(ms.map((m) => [m.entity.id, m.entity.role])).toEqual([
      ['isna', 'source'],
      ['quincy-institute', 'source'],
      ['reuters', 'source'],
    ]);
  });
  it('learns a scenario’s own actors and aliases', () => {
    const g = extendGazetteer([
      {
        id: 'korea-gov',
        name: "South Korea's government",
        kind: 'government',
        group: 'South Korea',
        aliases: ['ROK government'],
      },
      {
        id: 'korea-public',
        name: "South Korea's public",
        kind: 'public',
        aliases: ['Korean voters'],
      },
    ]);
    expect(found('The ROK government and Korean voters', g)).toEqual([
      'ROK government→korea-gov',
      'Korean voters→korea-public (public)',
    ]);
  });
});
