import type { Page } from 'playwright-core';

export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };
/** A screen both ways up: each name with its viewport. */
export const ORIENTATIONS = [
  ['landscape', LANDSCAPE],
  ['portrait', PORTRAIT],
] as const;

/** The few browser types the page scripts use: the tests type-check without the DOM library. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
export interface El {
  tagName: string;
  classList: Iterable<string>;
  textContent: string | null;
  parentElement: El | null;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): Box;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  contains(other: El): boolean;
  matches(selector: string): boolean;
}
export interface TextNode {
  textContent: string | null;
  parentElement: El | null;
}
export interface Style {
  fontSize: string;
  overflow: string;
  overflowX: string;
  overflowY: string;
  visibility: string;
  display: string;
  opacity: string;
  position: string;
}
export interface Browser {
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(el: El): Style;
  document: {
    body: El;
    documentElement: { scrollWidth: number; scrollHeight: number };
    querySelector(selector: string): El | null;
    querySelectorAll(selector: string): Iterable<El>;
    createTreeWalker(root: El, show: number): { nextNode(): TextNode | null };
    createRange(): { selectNodeContents(node: TextNode): void; getBoundingClientRect(): Box };
  };
}

/**
 * What the layout checks measure with, built inside the page: a page script is sent as its
 * source, so it cannot reach this module's scope.
 */
function layoutKit() {
  const g = globalThis as unknown as Browser;
  const r = (el: El): Box => el.getBoundingClientRect();
  const name = (el: El): string =>
    `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent?.trim().slice(0, 30)}"`;
  const overlap = (a: Box, b: Box): boolean =>
    a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const inside = (a: Box, b: Box): boolean =>
    a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  const screen: Box = { left: 0, top: 0, right: g.innerWidth, bottom: g.innerHeight, width: 0, height: 0 };
  /** A wall's regions (W2): each on the screen, none on top of another. */
  const wallRegionProblems = (): string[] => {
    const problems: string[] = [];
    const regions = [...g.document.querySelectorAll('.wall > :is(header, .hero, .tiles, .calls, .dossiers, .notice)')];
    for (const [i, a] of regions.entries()) {
      if (!inside(r(a), screen)) problems.push(`off screen: ${name(a)}`);
      for (const b of regions.slice(i + 1)) if (overlap(r(a), r(b))) problems.push(`overlap: ${name(a)} / ${name(b)}`);
    }
    return problems;
  };
  /**
   * K10 and the screens like it (pairing, procedures, rating): what a full-screen page must never
   * do — scrollbars, something off screen, two of `blocks` on top of each other, text cut sideways.
   * Only what a full-screen message on top holds is seen (K11). Returns the problems and the blocks
   * seen, for checks of the page's own.
   */
  const screenProblems = (blocks: string): { problems: string[]; seen: El[] } => {
    const problems: string[] = [];
    const doc = g.document.documentElement;
    if (doc.scrollWidth > g.innerWidth + 1 || doc.scrollHeight > g.innerHeight + 1) {
      problems.push(`scrollbars: the page is ${doc.scrollWidth}×${doc.scrollHeight}`);
    }
    const shown = (el: El): boolean => {
      const b = r(el);
      return b.width > 0 && b.height > 0 && g.getComputedStyle(el).visibility !== 'hidden';
    };
    let all = [...g.document.querySelectorAll('#app *')].filter(shown);
    const layer = all.filter((el) => g.getComputedStyle(el).position === 'fixed' && inside(screen, r(el))).at(-1);
    if (layer) all = all.filter((el) => layer.contains(el));
    for (const el of all) if (!inside(r(el), screen)) problems.push(`off screen: ${name(el)}`);
    const seen = all.filter((el) => el.matches(blocks));
    for (const [i, a] of seen.entries()) {
      for (const b of seen.slice(i + 1)) {
        if (!a.contains(b) && !b.contains(a) && overlap(r(a), r(b))) problems.push(`overlap: ${name(a)} / ${name(b)}`);
      }
      if (a.scrollWidth > a.clientWidth + 1) problems.push(`text cut: ${name(a)}`);
    }
    return { problems, seen };
  };
  return { g, r, name, overlap, inside, screen, wallRegionProblems, screenProblems };
}
export type LayoutKit = ReturnType<typeof layoutKit>;

/**
 * Runs a layout check in the page with the kit. The check is sent as its source: it may use its
 * argument and nothing else of the test's scope.
 */
export function layoutCheck<T>(page: Page, check: (kit: LayoutKit) => T): Promise<T> {
  return page.evaluate<T>(`(${check.toString()})((${layoutKit.toString()})())`);
}
