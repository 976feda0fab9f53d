import { describe, expect, it } from 'vitest';
import { pageAt, PAGE_MS } from './use-pages';

describe('paging a list that does not fit (W17)', () => {
  it('W17: nine fields four at a time are three pages, each shown for 8 s in turn, then the first again', () => {
    const at = (s: number) => pageAt(9, 4, s * 1000);
    expect(at(0)).toEqual({ index: 0, pages: 3, from: 0, to: 4 });
    expect(at(7.999)).toMatchObject({ index: 0 });
    expect(at(8)).toEqual({ index: 1, pages: 3, from: 4, to: 8 });
    expect(at(16)).toEqual({ index: 2, pages: 3, from: 8, to: 9 });
    expect(at(24)).toEqual({ index: 0, pages: 3, from: 0, to: 4 });
    expect(PAGE_MS).toBe(8000);
  });

  it('W17: a list that fits is one page that never turns; an empty list is one empty page', () => {
    for (const s of [0, 8, 1e6]) expect(pageAt(4, 4, s * 1000)).toEqual({ index: 0, pages: 1, from: 0, to: 4 });
    expect(pageAt(0, 4, 8000)).toEqual({ index: 0, pages: 1, from: 0, to: 0 });
  });

  it('W17: every item is on exactly one page, whatever the page size', () => {
    for (const count of [1, 5, 9, 23]) {
      for (const perPage of [1, 3, 4, 7, 30]) {
        const { pages } = pageAt(count, perPage, 0);
        const shown = Array.from({ length: pages }, (_, i) => pageAt(count, perPage, i * PAGE_MS)).flatMap((p) =>
          Array.from({ length: p.to - p.from }, (_, k) => p.from + k),
        );
        expect(shown).toEqual(Array.from({ length: count }, (_, k) => k));
      }
    }
  });

  it('W17: a page size below one (no room measured yet) still shows one row a page', () => {
    expect(pageAt(3, 0, 0)).toEqual({ index: 0, pages: 3, from: 0, to: 1 });
  });
});
