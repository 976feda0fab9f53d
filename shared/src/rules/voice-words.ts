import type { NumberFormat } from '../model/centre';
import {
  AnnouncementTemplate,
  buildShortAnnouncement,
  DEFAULT_ANNOUNCEMENT_TEMPLATE,
  readLabelVi,
} from './announcement';
import { ticketLabel } from './numbering';
import { readNumberVi, type NumberDialect } from './read-number-vi';

/**
 * The words of a phrase as a voice pack matches them (V11): NFC, lower case, punctuation
 * dropped. The hub's voice pack (`phraseWords` in hub-server/src/features/speech/voice-pack.ts)
 * reads phrases the same way.
 */
export function voiceWordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** A phrase as a voice pack keys it: its words joined by single spaces. */
export const voiceKey = (text: string): string => voiceWordsOf(text).join(' ');

/** What decides the words a centre's calls can say (V17). */
export interface VoiceNeedsInput {
  template?: string;
  dialect?: NumberDialect;
  blockSize: number;
  numberFormat: NumberFormat;
  /** The number blocks of the centre's services (Q14). */
  blocks: readonly number[];
  /** The numbers of the centre's counters. */
  counters: readonly number[];
}

/** The order a recorder meets the number words in: digits, then the words that join them. */
const NUMBER_ORDER = [
  'không',
  'một',
  'hai',
  'ba',
  'bốn',
  'năm',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'mươi',
  'trăm',
  'nghìn',
  'ngàn',
  'linh',
  'lẻ',
  'mốt',
  'tư',
  'lăm',
];
const rank = (w: string): number => {
  const i = NUMBER_ORDER.indexOf(w);
  return i === -1 ? NUMBER_ORDER.length : i;
};

/**
 * V17: every word or phrase a recorded voice must have to say all of a centre's calls, in the
 * full form (V10, V14) and the short form (V16): the fixed parts of the template, each one phrase
 * ("mời công dân có số thứ tự", "đến quầy số"; digits in them read as V8 reads them), the short
 * form's own word ("quầy"), the letters' names of the services' blocks (V9), and every number word
 * the centre's ticket labels and counter numbers are read with in its dialect (V1–V7). Derived from
 * `buildAnnouncement`'s template handling, `buildShortAnnouncement`, `readLabelVi` and `readNumberVi`
 * themselves, so a pack holding exactly these says every call (matched as V11 matches). Keys as
 * `voiceKey` makes them; no duplicates; template phrases first, then letters, then number words.
 */
export function voicePhrasesNeeded(input: VoiceNeedsInput): string[] {
  const dialect = input.dialect ?? 'north';
  const template = AnnouncementTemplate.parse(input.template ?? DEFAULT_ANNOUNCEMENT_TEMPLATE);
  const phrases: string[] = [];
  const add = (key: string): void => {
    if (key !== '' && !phrases.includes(key)) phrases.push(key);
  };
  // The template's fixed parts, as buildAnnouncement speaks them: digit runs read as numbers (V8).
  for (const part of template.split(/\{số\}|\{quầy\}/)) {
    add(voiceKey(part.replace(/\d+/g, (run) => readLabelVi(run, dialect))));
  }
  // The short form's fixed words: what it says for an empty label, without the counter's words.
  const short = buildShortAnnouncement('', 1, { dialect }).spoken;
  const counterWords = readNumberVi(1, { dialect });
  add(voiceKey(short.endsWith(counterWords) ? short.slice(0, -counterWords.length) : short));

  const said = new Set<string>();
  const sayAll = (text: string): void => {
    for (const w of voiceWordsOf(text)) said.add(w);
  };
  for (const part of template.split(/\{số\}|\{quầy\}/)) {
    // A template's digits are read with the same number words (counted below with the others).
    for (const run of part.match(/\d+/g) ?? []) sayAll(readLabelVi(run, dialect));
  }
  const letters: string[] = [];
  for (const block of [...new Set(input.blocks)]) {
    if (input.numberFormat === 'letter') {
      const name = readLabelVi(ticketLabel(block * input.blockSize, input.blockSize, 'letter').replace(/\d/g, ''));
      if (name !== '' && !letters.includes(voiceKey(name))) letters.push(voiceKey(name));
    }
    for (let seq = 1; seq < input.blockSize; seq++) {
      const label = ticketLabel(block * input.blockSize + seq, input.blockSize, input.numberFormat);
      // The letter is one phrase (above); what follows it are number words.
      sayAll(readLabelVi(label.replace(/^\D+/, ''), dialect));
    }
  }
  for (const n of new Set(input.counters)) sayAll(readNumberVi(n, { dialect }));
  letters.forEach(add);
  [...said].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'vi')).forEach(add);
  return phrases;
}
