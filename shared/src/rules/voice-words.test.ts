import { describe, expect, it } from 'vitest';
import { buildAnnouncement, buildShortAnnouncement } from './announcement';
import { ticketLabel } from './numbering';
import { voiceKey, voicePhrasesNeeded, voiceWordsOf, type VoiceNeedsInput } from './voice-words';

/** V11's matching: the longest recorded phrase first, then word by word; the words left unsaid. */
function unsaid(text: string, keys: readonly string[]): string[] {
  const has = new Set(keys);
  const longest = Math.max(...keys.map((k) => k.split(' ').length));
  const words = voiceWordsOf(text);
  const missing: string[] = [];
  for (let i = 0; i < words.length;) {
    let n = Math.min(longest, words.length - i);
    while (n > 0 && !has.has(words.slice(i, i + n).join(' '))) n--;
    if (n === 0) missing.push(words[i]!);
    i += Math.max(n, 1);
  }
  return missing;
}

/** Every call the centre can make, full and short: all its labels at some of its counters. */
function everyCall(input: VoiceNeedsInput): string[] {
  const options = { template: input.template, dialect: input.dialect };
  const out: string[] = [];
  for (const block of input.blocks) {
    for (let seq = 1; seq < input.blockSize; seq++) {
      const label = ticketLabel(block * input.blockSize + seq, input.blockSize, input.numberFormat);
      const counter = input.counters[seq % input.counters.length]!;
      out.push(
        buildAnnouncement(label, counter, options).spoken,
        buildShortAnnouncement(label, counter, options).spoken,
      );
    }
  }
  return out;
}

const DEMO: VoiceNeedsInput = { blockSize: 1000, numberFormat: 'numeric', blocks: [1, 2, 3], counters: [1, 2, 3, 4] };

describe('voicePhrasesNeeded', () => {
  it('V17: the default template, northern: its two phrases, "quầy", then the number words', () => {
    expect(voicePhrasesNeeded(DEMO)).toEqual([
      'mời công dân có số thứ tự',
      'đến quầy số',
      'quầy',
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
      'linh',
      'mốt',
      'tư',
      'lăm',
    ]);
  });

  it('V17 (V4 V5 V7): the southern dialect needs ngàn and lẻ, and no tư', () => {
    const words = voicePhrasesNeeded({ ...DEMO, dialect: 'south' });
    expect(words).toEqual(expect.arrayContaining(['ngàn', 'lẻ', 'mốt', 'lăm']));
    expect(words).not.toContain('nghìn');
    expect(words).not.toContain('linh');
    expect(words).not.toContain('tư');
  });

  it('V17 (V9): letter labels of 1000-blocks need the letters and no thousands', () => {
    const words = voicePhrasesNeeded({ ...DEMO, numberFormat: 'letter', blocks: [1, 12, 13] });
    expect(words.slice(3, 6)).toEqual(['a', 'e lờ', 'em mờ']);
    expect(words).not.toContain('nghìn');
    expect(words).not.toContain('không');
  });

  it('V17 (V8): a template with its own digits and punctuation: the fixed parts in words, one phrase each', () => {
    const words = voicePhrasesNeeded({ ...DEMO, template: 'Xin mời số {số}, đến quầy {quầy} tầng 2.' });
    expect(words.slice(0, 4)).toEqual(['xin mời số', 'đến quầy', 'tầng hai', 'quầy']);
  });

  it('V17: every call of the centre, full and short, is said whole by exactly these phrases', () => {
    const centres: VoiceNeedsInput[] = [
      DEMO,
      { ...DEMO, dialect: 'south', counters: [1, 5, 10, 11, 21, 24, 105] },
      { ...DEMO, numberFormat: 'letter', blocks: [1, 2, 12, 26], counters: [3, 14] },
      {
        blockSize: 10000,
        numberFormat: 'numeric',
        blocks: [4],
        counters: [1, 2],
        template: 'Số {số} mời đến quầy {quầy}',
      },
      { blockSize: 10000, numberFormat: 'letter', blocks: [2], counters: [7], template: '{quầy} 15 {số}' },
    ];
    for (const centre of centres) {
      const keys = voicePhrasesNeeded(centre);
      expect(new Set(keys).size).toBe(keys.length);
      const used = new Set<string>();
      for (const call of everyCall(centre)) {
        expect(unsaid(call, keys), call).toEqual([]);
        for (const w of voiceWordsOf(call)) used.add(w);
      }
      // Nothing extra: each key's words are said in some call.
      for (const key of keys) for (const w of key.split(' ')) expect(used.has(w), key).toBe(true);
    }
    // Every label of five centres, two of them with 10,000-blocks: seconds on a busy machine.
  }, 30_000);

  it('V11: a phrase is keyed NFC, lower case, punctuation and spacing aside', () => {
    expect(voiceKey('  Mời công dân,  có so\u0302\u0301 ')).toBe('mời công dân có số');
    expect(voiceKey('Đến QUẦY số!')).toBe('đến quầy số');
  });
});
