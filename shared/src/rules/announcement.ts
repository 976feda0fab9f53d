import { z } from 'zod';
import { READ_NUMBER_MAX, readNumberVi, type NumberDialect } from './read-number-vi';

export const DEFAULT_ANNOUNCEMENT_TEMPLATE = 'Mời công dân có số thứ tự {số} đến quầy số {quầy}';

const NUMBER_SLOT = '{số}';
const COUNTER_SLOT = '{quầy}';

/** A centre's wording (V10): both placeholders exactly once, no other braces, one line. */
export const AnnouncementTemplate = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\r\n]*$/)
      .refine((s) => s.split(NUMBER_SLOT).length === 2 && s.split(COUNTER_SLOT).length === 2, {
        message: `needs ${NUMBER_SLOT} and ${COUNTER_SLOT} exactly once`,
      })
      .refine((s) => !/[{}]/.test(s.replace(NUMBER_SLOT, '').replace(COUNTER_SLOT, '')), {
        message: 'unknown placeholder',
      }),
  );

export interface AnnouncementOptions {
  template?: string;
  dialect?: NumberDialect;
}

export interface Announcement {
  /** What the screen shows: the label and counter as digits. */
  text: string;
  /** What is spoken: every number in words, letters by their Vietnamese names. */
  spoken: string;
}

/** V9: letters by the names taught in Vietnamese schools, so both eSpeak and a voice pack say them alike. */
const LETTER_NAMES: Record<string, string> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  E: 'e',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e lờ',
  M: 'em mờ',
  N: 'en nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích xì',
  Y: 'i dài',
  Z: 'dét',
};

/**
 * A run of digits in words (V8): as a number when it fits, leading zeros dropped ("001" → một);
 * longer runs digit by digit, so no input makes the reader throw.
 */
function readDigits(run: string, dialect: NumberDialect): string {
  const n = Number(run);
  if (run.length <= String(READ_NUMBER_MAX).length && n <= READ_NUMBER_MAX) return readNumberVi(n, { dialect });
  return [...run].map((d) => readNumberVi(Number(d))).join(' ');
}

/**
 * A ticket label in words (V8, V9): "1005" → một nghìn không trăm linh năm; "A001" → a một.
 * Letters are named one by one, digit runs read as numbers, anything else is a pause.
 */
export function readLabelVi(label: string, dialect: NumberDialect = 'north'): string {
  const parts = label.toUpperCase().match(/[A-Z]|\d+/g) ?? [];
  return parts.map((p) => LETTER_NAMES[p] ?? readDigits(p, dialect)).join(' ');
}

/**
 * Digits inside free template text ("tầng 2") are read too, so nothing reaches the voice as digits;
 * a slash between words ("Ông/Bà", I5) is a pause, not a word.
 */
const speakDigits = (text: string, dialect: NumberDialect): string =>
  text.replace(/\d+/g, (run) => readDigits(run, dialect)).replace(/\s*\/\s*/g, ' ');

/**
 * Builds the announcement of a call from the centre's template (SPEC V8–V10).
 *
 * @example
 * buildAnnouncement('1005', 3).spoken
 * // 'Mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba'
 */
export function buildAnnouncement(
  label: string,
  counterNumber: number,
  options: AnnouncementOptions = {},
): Announcement {
  const template = AnnouncementTemplate.parse(options.template ?? DEFAULT_ANNOUNCEMENT_TEMPLATE);
  const dialect = options.dialect ?? 'north';
  const fill = (number: string, counter: string, free: (s: string) => string): string =>
    template
      .split(NUMBER_SLOT)
      .map((part) => part.split(COUNTER_SLOT).map(free).join(counter))
      .join(number);
  return {
    text: fill(label, String(counterNumber), (s) => s),
    spoken: fill(readLabelVi(label, dialect), readNumberVi(counterNumber, { dialect }), (s) => speakDigits(s, dialect)),
  };
}

/** V16: how a call is said: in the centre's words after the chime, or briefly in a backlog (A7). */
export type AnnouncementForm = 'full' | 'short';

/**
 * The short form of a call (V16): the label and the counter only, "1003, quầy 2", read as
 * V8, V9 and V7 read them. The centre's template is not used: this is what a backlog sounds like.
 *
 * @example
 * buildShortAnnouncement('1003', 2).spoken // 'một nghìn không trăm linh ba, quầy hai'
 */
export function buildShortAnnouncement(
  label: string,
  counterNumber: number,
  options: AnnouncementOptions = {},
): Announcement {
  const dialect = options.dialect ?? 'north';
  return {
    text: `${label}, quầy ${counterNumber}`,
    spoken: `${readLabelVi(label, dialect)}, quầy ${readNumberVi(counterNumber, { dialect })}`,
  };
}
