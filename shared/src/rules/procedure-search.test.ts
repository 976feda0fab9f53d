import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVi } from '../i18n/fold';
import { buildProcedureIndex, searchWords, withinOneEdit, type SearchableProcedure } from './procedure-search';

const CATALOGUE: SearchableProcedure[] = [
  { code: '1.000894.000.00.00.H12', name: 'Đăng ký kết hôn', field: 'Hộ tịch' },
  { code: '1.001695.000.00.00.H12', name: 'Đăng ký kết hôn có yếu tố nước ngoài', field: 'Hộ tịch' },
  { code: '1.001193.000.00.00.H12', name: 'Đăng ký khai sinh', field: 'Hộ tịch' },
  { code: '2.000986.000.00.00.H12', name: 'Đăng ký khai tử', field: 'Hộ tịch' },
  { code: '1.004227.000.00.00.H12', name: 'Cấp bản sao trích lục hộ tịch', field: 'Hộ tịch' },
  { code: '2.001019.000.00.00.H12', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực' },
  { code: '1.003003.000.00.00.H12', name: 'Đăng ký biến động quyền sử dụng đất', field: 'Đất đai' },
  {
    code: '2.001233.000.00.00.H12',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
  },
  { code: '1.000656.000.00.00.H12', name: 'Xác nhận tình trạng hôn nhân', field: 'Hộ tịch' },
];
const index = buildProcedureIndex(CATALOGUE);
const names = (q: string): string[] => index.search(q).map((h) => h.item.name);

describe('procedure search', () => {
  it('R5: words are folded: no diacritics, "đ" as "d", lower case, punctuation separates', () => {
    expect(searchWords('Đăng ký KẾT HÔN (có yếu tố nước ngoài)')).toEqual([
      'dang',
      'ky',
      'ket',
      'hon',
      'co',
      'yeu',
      'to',
      'nuoc',
      'ngoai',
    ]);
    expect(searchWords('  1.000894  ')).toEqual(['1', '000894']);
  });

  it('R6 R7: "dang ky ket hon" and "đăng ký kết hôn" both find "Đăng ký kết hôn" first', () => {
    expect(names('dang ky ket hon')[0]).toBe('Đăng ký kết hôn');
    expect(names('đăng ký kết hôn')[0]).toBe('Đăng ký kết hôn');
    expect(names('ĐĂNG KÝ KẾT HÔN')[0]).toBe('Đăng ký kết hôn');
    expect(names('dang ky ket hon')).toEqual(['Đăng ký kết hôn', 'Đăng ký kết hôn có yếu tố nước ngoài']);
  });

  it('R6: one letter wrong, missing or extra in a word of three letters or more is forgiven', () => {
    expect(names('dang ky ket hom')[0]).toBe('Đăng ký kết hôn'); // replaced
    expect(names('dag ky ket hon')[0]).toBe('Đăng ký kết hôn'); // missing
    expect(names('dang ky kett hon')[0]).toBe('Đăng ký kết hôn'); // extra
    expect(names('khai sinhh')).toEqual(['Đăng ký khai sinh']);
    // Two wrong letters in one word are not forgiven.
    expect(names('khai sonhh')).toEqual([]);
  });

  it('R6: the word being typed matches as a prefix; a finished word (followed by a space) does not', () => {
    expect(names('dang ky kh').sort()).toEqual(['Đăng ký khai sinh', 'Đăng ký khai tử']);
    expect(names('ket h')).toContain('Đăng ký kết hôn');
    expect(names('chung th ')).toEqual([]);
  });

  it('R6: every word of the query must match (a word of the name or of the field)', () => {
    expect(names('ket hon khai sinh')).toEqual([]);
    expect(names('ho tich trich luc')).toEqual(['Cấp bản sao trích lục hộ tịch']);
    expect(names('dat dai bien dong')).toEqual(['Đăng ký biến động quyền sử dụng đất']);
  });

  it('R6: a procedure is found by its code, typed with or without dots', () => {
    expect(names('1.000894')[0]).toBe('Đăng ký kết hôn');
    expect(names('1000894')[0]).toBe('Đăng ký kết hôn');
  });

  it('R7: an empty query lists every procedure by field, then name', () => {
    const all = index.search('', 100);
    expect(all).toHaveLength(CATALOGUE.length);
    const fields = all.map((h) => foldVi(h.item.field));
    expect(fields).toEqual([...fields].sort((a, b) => a.localeCompare(b)));
  });

  it('R6: withinOneEdit is Levenshtein distance ≤ 1', () => {
    expect(withinOneEdit('hon', 'hon')).toBe(true);
    expect(withinOneEdit('hon', 'hom')).toBe(true);
    expect(withinOneEdit('hon', 'ho')).toBe(true);
    expect(withinOneEdit('hon', 'hoan')).toBe(true);
    expect(withinOneEdit('hon', 'nho')).toBe(false);
    expect(withinOneEdit('hon', 'h')).toBe(false);
  });
});

/** Levenshtein distance, the plain way, as the reference. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1)
    for (let j = 1; j <= b.length; j += 1)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

const syllable = fc.stringMatching(/^[a-zđăâêôơư]{1,6}$/);
/** A letter with the diacritics a Vietnamese keyboard may put on it, to strip by folding. */
const ACCENTED: Record<string, string[]> = {
  a: ['á', 'à', 'ả', 'ã', 'ạ', 'ă', 'ắ', 'â', 'ấ', 'ậ'],
  e: ['é', 'è', 'ê', 'ế', 'ệ'],
  o: ['ó', 'ò', 'ô', 'ố', 'ơ', 'ớ', 'ợ'],
  u: ['ú', 'ù', 'ư', 'ứ', 'ữ'],
  i: ['í', 'ì', 'ị'],
  y: ['ý', 'ỳ'],
  d: ['đ'],
};

describe('procedure search properties', () => {
  it('R6 property: withinOneEdit agrees with the Levenshtein distance', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-c]{0,6}$/), fc.stringMatching(/^[a-c]{0,6}$/), (a, b) => {
        expect(withinOneEdit(a, b)).toBe(distance(a, b) <= 1);
      }),
    );
  });

  it('R5 R6 property: a name is found by its own words, with or without diacritics, in any case', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(syllable, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.boolean(),
        (nameWords, pick, upper) => {
          const items = nameWords.map((w, i) => ({ code: `X.${i}`, name: w.join(' '), field: 'Lĩnh vực' }));
          const target = items[pick % items.length]!;
          const idx = buildProcedureIndex(items);
          const plain = foldVi(target.name);
          const query = upper ? target.name.toUpperCase() : plain;
          expect(idx.search(query, items.length).map((h) => h.item.code)).toContain(target.code);
          expect(idx.search(plain, items.length).map((h) => h.item.code)).toContain(target.code);
        },
      ),
    );
  });

  it('R6 property: one letter changed in a word of 3+ letters still finds the procedure', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{3,7}$/), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('a', 'x', 'q'),
        fc.constantFrom('replace', 'insert', 'delete'),
        (words, wi, ci, letter, how) => {
          const item = { code: 'T.1', name: words.join(' '), field: 'Khác' };
          const idx = buildProcedureIndex([item]);
          const w = words[wi % words.length]!;
          const at = ci % w.length;
          const typo =
            how === 'replace'
              ? w.slice(0, at) + letter + w.slice(at + 1)
              : how === 'insert'
                ? w.slice(0, at) + letter + w.slice(at)
                : w.slice(0, at) + w.slice(at + 1);
          if (typo.length < 3) return;
          const query = words.map((x, i) => (i === wi % words.length ? typo : x)).join(' ') + ' ';
          expect(idx.search(query)).toHaveLength(1);
        },
      ),
    );
  });

  it('R7 property: the exact name (accents stripped or not) comes before any longer name that contains it', () => {
    fc.assert(
      fc.property(
        fc.array(syllable, { minLength: 1, maxLength: 4 }),
        fc.array(syllable, { minLength: 1, maxLength: 4 }),
        (base, extra) => {
          const name = base.join(' ');
          const longer = `${name} ${extra.join(' ')}`;
          const idx = buildProcedureIndex([
            { code: 'B', name: longer, field: 'F' },
            { code: 'A', name, field: 'F' },
          ]);
          const accented = name.replace(/[aeouiyd]/g, (c) => ACCENTED[c]![0]!);
          expect(idx.search(name)[0]?.item.code).toBe('A');
          expect(idx.search(accented)[0]?.item.code).toBe('A');
        },
      ),
    );
  });
});
