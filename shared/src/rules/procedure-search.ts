/**
 * R5–R7: searching the procedure catalogue as a citizen types, with or without diacritics, one
 * typo of a letter forgiven. The index is built once per catalogue (at import on the hub, on load
 * on the kiosk) and a query only reads it: a folded token index (the words of the name, the field
 * and the code) where each query word is matched against the distinct words of the catalogue —
 * Vietnamese is written in short syllables, so there are a few thousand of them at most.
 */
import { foldVi } from '../i18n/fold';

/** What the index needs of a procedure. */
export interface SearchableProcedure {
  code: string;
  name: string;
  field: string;
}

/** How a query word matched a word of the catalogue (R6), best first. */
const EXACT = 3;
const PREFIX = 2;
const TYPO = 1;

/** Words shorter than this are matched exactly (or as the prefix being typed), never with a typo. */
export const MIN_TYPO_LENGTH = 3;

/**
 * R5: text as searched: folded (foldVi: no diacritics, "đ" as "d", lower case) and split into words
 * of letters and digits; other characters separate words.
 * @example searchWords('Đăng ký kết hôn (có yếu tố nước ngoài)') // ['dang', 'ky', 'ket', 'hon', 'co', 'yeu', 'to', 'nuoc', 'ngoai']
 */
export function searchWords(text: string): string[] {
  return foldVi(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Whether `a` and `b` differ by at most one letter inserted, removed or replaced (Levenshtein ≤ 1). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Whether `word` begins with `prefix` with at most one letter replaced, inserted or removed. */
function prefixWithinOneEdit(prefix: string, word: string): boolean {
  if (word.startsWith(prefix)) return true;
  // The prefix against each start of the word one letter shorter, as long, or one longer.
  for (let n = prefix.length - 1; n <= prefix.length + 1; n += 1) {
    if (n > 0 && n <= word.length && withinOneEdit(prefix, word.slice(0, n))) return true;
  }
  return false;
}

interface Entry<T> {
  item: T;
  nameWords: readonly string[];
  /** The folded name, words joined by one space (for phrase matches). */
  name: string;
  fieldWords: readonly string[];
  /** The folded code without separators. */
  code: string;
}

export interface ProcedureHit<T> {
  item: T;
  score: number;
}

export interface ProcedureIndex<T extends SearchableProcedure> {
  readonly size: number;
  /** R6, R7: the procedures matching every word of the query, best first; all, by field and name, for an empty one. */
  search(query: string, limit?: number): ProcedureHit<T>[];
}

/**
 * R5–R7: builds the index of a catalogue. Cost: one pass over its words; a query then looks at each
 * distinct word once per query word, and at the procedures that hold a matching word.
 */
export function buildProcedureIndex<T extends SearchableProcedure>(items: readonly T[]): ProcedureIndex<T> {
  const entries: Entry<T>[] = items.map((item) => {
    const nameWords = searchWords(item.name);
    return {
      item,
      nameWords,
      name: nameWords.join(' '),
      fieldWords: searchWords(item.field),
      code: searchWords(item.code).join(''),
    };
  });
  /** Every distinct word → the entries holding it (name or field), by position. */
  const postings = new Map<string, number[]>();
  const add = (word: string, at: number): void => {
    const list = postings.get(word);
    if (list === undefined) postings.set(word, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  /** Every distinct word → the entries whose name holds it. */
  const inNames = new Map<string, Set<number>>();
  entries.forEach((e, at) => {
    for (const w of e.nameWords) {
      add(w, at);
      let set = inNames.get(w);
      if (set === undefined) inNames.set(w, (set = new Set()));
      set.add(at);
    }
    for (const w of e.fieldWords) add(w, at);
  });
  for (const w of postings.keys()) if (!inNames.has(w)) inNames.set(w, new Set());
  const vocabulary = [...postings.keys()];
  /** The catalogue order for an empty query: by field, then name (folded, so "Đ" sorts with "D"). */
  const browseOrder = entries
    .map((e, at) => at)
    .sort((a, b) => {
      const ea = entries[a]!;
      const eb = entries[b]!;
      return (
        ea.fieldWords.join(' ').localeCompare(eb.fieldWords.join(' ')) ||
        ea.name.localeCompare(eb.name) ||
        ea.item.code.localeCompare(eb.item.code)
      );
    });

  const scores = new Float64Array(entries.length);
  const matched = new Uint16Array(entries.length);
  const best = new Float64Array(entries.length);

  /** How well `q` matches `word`: EXACT, PREFIX (only the word being typed), TYPO, or 0. */
  const grade = (q: string, word: string, typing: boolean): number => {
    if (word === q) return EXACT;
    if (typing && word.startsWith(q)) return PREFIX;
    if (q.length < MIN_TYPO_LENGTH) return 0;
    if (withinOneEdit(q, word)) return TYPO;
    if (typing && q.length >= MIN_TYPO_LENGTH + 1 && prefixWithinOneEdit(q, word)) return TYPO;
    return 0;
  };

  return {
    size: entries.length,
    search(query, limit = 50) {
      const words = searchWords(query);
      if (words.length === 0) return browseOrder.slice(0, limit).map((at) => ({ item: entries[at]!.item, score: 0 }));
      const typingLast = !/[\s.,;:!?)\]]$/.test(query);
      // Per query word: the best grade each entry reached through any of its words.
      // Scratch arrays kept between searches (a keystroke allocates little, so the GC seldom pauses it).
      const seen: number[] = [];
      words.forEach((q, qi) => {
        const typing = typingLast && qi === words.length - 1;
        const touched: number[] = [];
        for (const word of vocabulary) {
          const g = grade(q, word, typing);
          if (g === 0) continue;
          const named = inNames.get(word)!;
          const list = postings.get(word)!;
          for (let i = 0; i < list.length; i += 1) {
            const at = list[i]!;
            // Only entries that matched every earlier word can still match them all.
            if (matched[at] !== qi) continue;
            // A word of the name counts more than one of the field.
            const value = g + (named.has(at) ? 0.5 : 0);
            if (best[at] === 0) touched.push(at);
            if (best[at]! < value) best[at] = value;
          }
        }
        for (const at of touched) {
          if (qi === 0) seen.push(at);
          matched[at] = qi + 1;
          scores[at] = scores[at]! + best[at]!;
          best[at] = 0;
        }
      });
      // The whole query as a code (typed with or without dots).
      const asCode = words.join('');
      const phrase = words.join(' ');
      const hits: ProcedureHit<T>[] = [];
      const consider = (at: number, byCode: boolean): void => {
        const e = entries[at]!;
        const all = matched[at] === words.length;
        if (!all && !byCode) return;
        let score = all ? scores[at]! : 0;
        if (byCode) score += 10;
        if (e.name === phrase) score += 6;
        else if (e.name.startsWith(phrase)) score += 4;
        else if (e.name.includes(phrase)) score += 2;
        // R7: of two names that match alike, the one with fewer words besides the query's.
        score += words.length / Math.max(words.length, e.nameWords.length);
        hits.push({ item: e.item, score });
      };
      const codeish = asCode.length >= 3 && /\d/.test(asCode);
      if (codeish) entries.forEach((e, at) => consider(at, e.code.startsWith(asCode)));
      else for (const at of seen) consider(at, false);
      for (const at of seen) {
        matched[at] = 0;
        scores[at] = 0;
      }
      // Plain comparisons: a locale-aware one costs a microsecond, thousands of times per keystroke.
      hits.sort(
        (a, b) =>
          b.score - a.score ||
          a.item.name.length - b.item.name.length ||
          (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0),
      );
      return hits.slice(0, limit);
    },
  };
}
