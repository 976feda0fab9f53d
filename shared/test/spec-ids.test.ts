import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The citation convention of shared/SPEC.md ("How rules are defined and cited"), checked:
 * every rule ID a test title cites is defined there, once.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SPEC_PATH = join(ROOT, 'shared', 'SPEC.md');
const SELF = fileURLToPath(import.meta.url);

/**
 * ID-shaped: one or two capital letters and 1–99 without a leading zero (Q1, PR13), not glued to
 * other letters or digits, so UTF8, H264, A001 and B015 are not IDs. A hyphenated form (Q-N1) is
 * recognised too, only so that it is reported: no rule is defined that way.
 */
const ID = String.raw`(?<![A-Za-z0-9])[A-Z]{1,2}(?:-[A-Z]{1,3})?[1-9][0-9]?(?![A-Za-z0-9])`;
/** IDs in a row: "K1 K4", "W7/W8", "Q1, Q2", "A1–A3" (a range), "D3 and D4". */
const LIST = String.raw`${ID}(?:(?:\s*[–—/,&-]\s*|\s+(?:and\s+)?)${ID})*`;
/** A title cites the IDs it starts with ("Q2: …", "K1 K4: …", "Q1–Q3 property: …")… */
const HEAD = new RegExp(String.raw`^\s*(${LIST})(?=[\s:;,)]|$)`);
/** …and any parenthesis holding nothing but IDs ("… (D3)"). */
const PAREN = new RegExp(String.raw`\(\s*(${LIST})\s*\)`, 'g');
/** A definition: a bullet that starts with a bold ID. */
const DEFINITION = /^\s*[-*]\s+\*\*([^*\s]+)\*\*/;
const DEFINED_ID = /^[A-Z]{1,2}[1-9][0-9]?$/;

/** The IDs of a list, ranges spelled out: "V1–V3" → V1, V2, V3. */
export function expandIds(list: string): string[] {
  const out: string[] = [];
  let prev: { prefix: string; n: number } | null = null;
  let last = 0;
  for (const m of list.matchAll(new RegExp(ID, 'g'))) {
    const id = m[0];
    const sep = list.slice(last, m.index).trim();
    last = m.index + id.length;
    const parts = /^(.*?)([0-9]+)$/.exec(id);
    const cur = parts ? { prefix: parts[1] ?? '', n: Number(parts[2]) } : null;
    if (cur && prev && /^[–—-]$/.test(sep) && prev.prefix === cur.prefix && prev.n < cur.n) {
      for (let n = prev.n + 1; n < cur.n; n++) out.push(`${cur.prefix}${n}`);
    }
    out.push(id);
    prev = cur;
  }
  return out;
}

/** The rule IDs a test title cites (see HEAD and PAREN). */
export function citedIds(title: string): string[] {
  const ids: string[] = [];
  const head = HEAD.exec(title);
  if (head?.[1]) ids.push(...expandIds(head[1]));
  for (const m of title.matchAll(PAREN)) if (m[1]) ids.push(...expandIds(m[1]));
  return ids;
}

/** Index just past the bracket that closes the one at `open` (strings and templates skipped). */
function skipBalanced(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "'" || c === '"' || c === '`') {
      i = readString(src, i)?.end ?? i;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return src.length;
}

/** The string literal starting at `start`: its text (interpolations kept as `${…}`) and the index of its closing quote. */
function readString(src: string, start: number): { text: string; end: number } | null {
  const quote = src[start];
  if (quote !== "'" && quote !== '"' && quote !== '`') return null;
  let text = '';
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      text += src[i + 1] ?? '';
      i++;
    } else if (c === quote) {
      return { text, end: i };
    } else if (quote === '`' && c === '$' && src[i + 1] === '{') {
      const close = skipBalanced(src, i + 1);
      text += '${…}';
      i = close - 1;
    } else if (quote !== '`' && c === '\n') {
      return null;
    } else {
      text += c;
    }
  }
  return null;
}

export interface TestTitle {
  title: string;
  line: number;
}

/** The literal titles given to it / test / describe (with .skip, .each(…) and the like) in a source file. */
export function testTitles(source: string): TestTitle[] {
  const titles: TestTitle[] = [];
  const call = /(?<![\w$.])(?:it|test|describe|suite|bench)((?:\.[A-Za-z]+)*)\s*\(/g;
  for (let m = call.exec(source); m; m = call.exec(source)) {
    let at = m.index + m[0].length - 1;
    if (/\.(?:each|for)\b/.test(m[1] ?? '')) {
      // it.each(table)('title', …): the title is in the second call.
      at = skipBalanced(source, at);
      const next = /^\s*\(/.exec(source.slice(at));
      if (!next) continue;
      at += next[0].length - 1;
    }
    const lead = /^\s*/.exec(source.slice(at + 1))?.[0].length ?? 0;
    const str = readString(source, at + 1 + lead);
    if (!str) continue;
    titles.push({ title: str.text, line: source.slice(0, m.index).split('\n').length });
  }
  return titles;
}

export interface SpecIndex {
  /** Every well-formed ID defined, with the line(s) of its definition. */
  defined: Map<string, number[]>;
  /** IDs defined more than once. */
  duplicates: string[];
  /** Bold ID-shaped words opening a bullet that are not in the ID grammar (e.g. "Q-N1", "Q01"). */
  malformed: string[];
  /** IDs the text refers to outside code spans and definitions, with their lines. */
  references: { id: string; line: number }[];
}

export function indexSpec(text: string): SpecIndex {
  const defined = new Map<string, number[]>();
  const malformed: string[] = [];
  const references: { id: string; line: number }[] = [];
  const idShaped = new RegExp(`^${ID}$`);
  text.split('\n').forEach((raw, i) => {
    let line = raw;
    const def = DEFINITION.exec(line);
    if (def?.[1] && (idShaped.test(def[1]) || /^[A-Z]{1,2}-?[A-Z]*[0-9]+$/.test(def[1]))) {
      if (DEFINED_ID.test(def[1])) defined.set(def[1], [...(defined.get(def[1]) ?? []), i + 1]);
      else malformed.push(def[1]);
      line = line.slice(def[0].length);
    }
    const prose = line.replace(/`[^`]*`/g, ' ');
    for (const m of prose.matchAll(new RegExp(LIST, 'g'))) {
      for (const id of expandIds(m[0])) references.push({ id, line: i + 1 });
    }
  });
  const duplicates = [...defined].filter(([, lines]) => lines.length > 1).map(([id]) => id);
  return { defined, duplicates, malformed, references };
}

export interface Citation {
  id: string;
  file: string;
  line: number;
  title: string;
}

/** Every citation in the titles of the given files whose ID `defined` lacks. */
export function undefinedCitations(
  files: { path: string; source: string }[],
  defined: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): Citation[] {
  const out: Citation[] = [];
  for (const f of files) {
    for (const t of testTitles(f.source)) {
      for (const id of citedIds(t.title))
        if (!defined.has(id)) out.push({ id, file: f.path, line: t.line, title: t.title });
    }
  }
  return out;
}

/** Test files and contract suites of the repository, outside node_modules, dist and hidden folders. */
function testFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'dist') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) testFiles(path, out);
    else if (/\.test\.ts$|[.-]contract\.ts$/.test(e.name) && path !== SELF) out.push(path);
  }
  return out;
}

const format = (c: Citation): string => `${c.id} in ${c.file}:${c.line} "${c.title}"`;

describe('rule IDs', () => {
  const spec = indexSpec(readFileSync(SPEC_PATH, 'utf8'));

  it('every ID a test title cites is defined in shared/SPEC.md', () => {
    const files = testFiles(ROOT).map((p) => ({ path: relative(ROOT, p), source: readFileSync(p, 'utf8') }));
    const cited = files.flatMap((f) => testTitles(f.source).flatMap((t) => citedIds(t.title)));
    // The scan must see the suite, or it would pass on nothing.
    expect(files.length).toBeGreaterThan(30);
    expect(cited.length).toBeGreaterThan(200);
    expect(undefinedCitations(files, spec.defined).map(format)).toEqual([]);
  });

  it('shared/SPEC.md defines each ID once, in the ID grammar, and refers only to IDs it defines', () => {
    expect(spec.defined.size).toBeGreaterThan(90);
    expect(spec.duplicates).toEqual([]);
    expect(spec.malformed).toEqual([]);
    expect(spec.references.filter((r) => !spec.defined.has(r.id)).map((r) => `${r.id} on line ${r.line}`)).toEqual([]);
  });

  it('the checker reports a title citing an undefined ID, and ignores what is not a citation', () => {
    const fixture = [
      "describe('ZZ9: a rule nobody wrote', () => {",
      "  it('Q1: defined', () => {});",
      "  it.each([1, 2] as const)('Q1–Q4 property: a range reaches Q4 (%i)', () => {});",
      '  it(`K1/ZY4: a template ${name} title`, () => {});',
      "  it.skip('K4: cites more in parentheses (ZX7)', () => {});",
      "  test('Q-N1: a hyphenated ID is not a defined one', () => {});",
      "  it('ticket A001, UTF8, H264, P90 and (the F1 key) are words here, not IDs', async () => {",
      "    await press('F1');",
      "    expect(label).toBe('ZQ5');",
      '  });',
      '});',
    ].join('\n');
    const defined = indexSpec(
      ['- **Q1** one', '- **Q2** two', '- **Q3** three', '- **K1** kiosk', '- **K4** paper'].join('\n'),
    ).defined;
    expect(
      undefinedCitations([{ path: 'fixture.test.ts', source: fixture }], defined).map((c) => `${c.id}@${c.line}`),
    ).toEqual(['ZZ9@1', 'Q4@3', 'ZY4@4', 'ZX7@5', 'Q-N1@6']);
  });

  it('the checker reports an ID defined twice and one outside the grammar', () => {
    const bad = indexSpec(
      ['- **Q1** one', '- **Q2** two', '- **Q1** one again', '- **Q-N1** hyphenated', '- **Defining.** prose'].join(
        '\n',
      ),
    );
    expect(bad.duplicates).toEqual(['Q1']);
    expect(bad.malformed).toEqual(['Q-N1']);
    expect([...bad.defined.keys()]).toEqual(['Q1', 'Q2']);
  });
});
