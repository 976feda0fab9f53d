import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, path = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${path}${k}`, v]] : leaves(v, `${path}${k}.`)));

describe('message catalogue', () => {
  it('I1: English has exactly the keys of Vietnamese', () => {
    expect(leaves(en as Tree).map(([k]) => k)).toEqual(leaves(vi as Tree).map(([k]) => k));
  });
  it('I2: no message uses vue-i18n syntax it does not mean ({ } only around a placeholder name, no @ or |)', () => {
    for (const [key, text] of [...leaves(vi), ...leaves(en)]) {
      const stripped = text.replace(/\{[A-Za-zÀ-ỹ_]+\}/g, '');
      expect(stripped, key).not.toMatch(/[{}@|]/);
    }
  });
});
