import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLanguage } from './language.ts';

const REFERENCE = join(
  import.meta.dirname,
  '../../test/fixtures/evidence/us-asia-coalition-rco-news-2025.txt',
);

describe('checkLanguage(text)', () => {
  it('accepts English news prose', () => {
    const c = checkLanguage(readFileSync(REFERENCE, 'utf8'));
    expect(c.english).toBe(true);
    expect(c.englishShare).toBeGreaterThan(0.3);
  });
  it('refuses French and names it', () => {
    const fr =
      "Le gouvernement français a refusé de signer l'accord avec le Mercosur. Les agriculteurs ont bloqué les autoroutes pendant une semaine et le président a déclaré que la France ne signerait pas cet accord dans sa forme actuelle, malgré la pression de l'Allemagne et de la Commission.";
    const c = checkLanguage(fr);
    expect(c.english).toBe(false);
    expect(c.guess).toBe('French');
  });
  it('refuses text in another script and names the script', () => {
    const c = checkLanguage(
      'Правительство Южной Кореи осторожно относится к коалиции против Китая и не хочет выбирать между Вашингтоном и Пекином.',
    );
    expect(c).toMatchObject({ english: false, guess: 'Cyrillic script' });
  });
  it('accepts short texts it cannot judge by function words', () => {
    expect(checkLanguage('Seoul hedges.').english).toBe(true);
  });
});
