import { DomainError } from '@luot/shared';
import { getManyValues, none } from 'stream-chain/defs.js';
import Assembler from 'stream-json/assembler.js';
import { jsonParser, type Token } from 'stream-json/parser.js';
import { jsonVerifier, type VerifierError } from 'stream-json/utils/verifier.js';
import { DOSSIER_SCHEMA } from './columns';
import type { ImportItem, ImportReader, ImportSchema } from './import-item';
import { utf8Text } from './utf8-text';

/*
 * A JSON import, `{ "calendar"?: {…}, "dossiers": [ {…}, … ] }` or a bare `[ {…}, … ]`, read as a
 * stream with stream-json: its tokenizer turns the text into tokens, and each element of the
 * dossiers list (and the calendar) is assembled on its own as its tokens arrive; other top-level
 * keys are skipped. The document is never held whole.
 *
 * - The raw tokenizers (no UTF-8 front of their own) read text that utf8Text decoded, so a file that
 *   is not UTF-8 stays IMPORT_ENCODING with its byte range.
 * - stream-json's verifier reads each piece of text before the tokenizer does: on a syntax error it
 *   gives the line and column, and the tokenizer is handed only the text before it, so the detail
 *   also names the element that is broken (D12). The tokenizer alone would lose what it had read
 *   of that piece.
 * - stream-json says it is not made for hostile input. The hub hands it an admin's upload only,
 *   bounded in size (PAYLOAD_TOO_LARGE), in nesting and in element size (below), and stops at the
 *   first fault.
 *
 * Speed, measured on 200,000 dossiers (41 MB, made as bench/dossiers.ts makes its rows), CPU time:
 * this reader alone takes 1.6 s where the hand-written splitter it replaced took 0.57 s (2.9×, same
 * run, median of 5); a whole import (read, validate, stage, merge) 4.7 s instead of 3.75 s (1.26×).
 * Why: the splitter only tracked brackets and quotes and handed each element's text to the native
 * JSON.parse, while stream-json makes a token object per key and value (3.6 million here) and
 * assembles them in JavaScript, about 1.0 s, and its verifier reads the text once more for the
 * error position, about 0.6 s. Kept: at that rate a million dossiers take about 24 s of CPU, inside
 * the 30 s that bench/dossiers.ts holds the CSV path to; the errors now say the line and column; and
 * an element over 64 KB (D12) is refused even when it arrives in one chunk, which the splitter let
 * through.
 */

// One dossier's JSON is a few hundred bytes; anything near 64 KB is not a dossier (D12):
// the schema's maxElementChars. A procedure, with its documents and legal basis, may be longer (R2).
const MAX_CALENDAR_CHARS = 1024 * 1024;
const MAX_DEPTH = 32;
/**
 * Text is tokenized in pieces of at most this many characters. The tokenizer packs a string before
 * it hands it on, so an element's size is also bounded by the pieces it has spanned: junk such as
 * one 100 MB string is refused after 64 KB + one piece, not held whole.
 */
const PIECE_CHARS = 16 * 1024;

const invalid = (detail: string): DomainError => new DomainError('IMPORT_INVALID', detail);

type Phase = 'start' | 'key' | 'value' | 'skip' | 'list' | 'element' | 'calendar' | 'end';

/** Follows the tokens of the document and hands on each dossier and the calendar once whole. */
class JsonImportReader {
  phase: Phase = 'start';
  /** Open objects and arrays around the current token. */
  private depth = 0;
  /** Depth of the dossiers list: 1 for a bare list, 2 inside "dossiers". */
  private listDepth = 0;
  private key = '';
  private sawDossiers = false;
  /** Elements of the dossiers list begun so far: the current one's position, 1-based. */
  elements = 0;
  /** Open objects and arrays of the value being skipped or assembled. */
  private inner = 0;
  /** Characters of the keys, strings and numbers of the value being assembled, plus one per token. */
  private size = 0;
  private readonly asm = new Assembler();

  constructor(private readonly schema: ImportSchema) {}

  /** What a syntax error met in this phase means for the person who sent the file. */
  fault(): string {
    switch (this.phase) {
      case 'start':
        return 'tài liệu JSON phải bắt đầu bằng { hoặc [';
      case 'list':
        return `sau phần tử thứ ${this.elements}, JSON không hợp lệ`;
      case 'element':
        return `phần tử thứ ${this.elements} không phải JSON hợp lệ`;
      case 'calendar':
        return 'lịch làm việc không phải JSON hợp lệ';
      case 'end':
        return 'còn dữ liệu sau khi tài liệu JSON đã kết thúc';
      default:
        return 'tài liệu JSON không hợp lệ';
    }
  }

  tooLarge(): DomainError {
    return invalid(this.phase === 'calendar' ? 'lịch làm việc quá lớn' : `phần tử thứ ${this.elements} quá lớn`);
  }

  token(t: Token, out: ImportItem[]): void {
    if (t.name === 'startObject' || t.name === 'startArray') {
      if (++this.depth > MAX_DEPTH) throw invalid('JSON lồng quá sâu');
    } else if (t.name === 'endObject' || t.name === 'endArray') this.depth -= 1;

    switch (this.phase) {
      case 'start':
        if (t.name === 'startObject') this.phase = 'key';
        else if (t.name === 'startArray') this.startList();
        else throw invalid('tài liệu JSON phải bắt đầu bằng { hoặc [');
        return;
      case 'key':
        if (t.name === 'keyValue') {
          this.key = t.value;
          this.phase = 'value';
        } else if (t.name === 'endObject') this.phase = 'end';
        return;
      case 'value':
        if (this.key === this.schema.listKey) {
          if (t.name !== 'startArray') throw invalid(`"${this.schema.listKey}" phải là một danh sách`);
          return this.startList();
        }
        this.inner = 0;
        this.size = 0;
        this.phase = this.key === this.schema.calendarKey ? 'calendar' : 'skip';
        return this.phase === 'calendar' ? this.assemble(t, out) : this.skip(t);
      case 'skip':
        return this.skip(t);
      case 'list':
        if (t.name === 'endArray') {
          this.phase = this.listDepth === 1 ? 'end' : 'key';
          return;
        }
        this.elements += 1;
        this.inner = 0;
        this.size = 0;
        this.phase = 'element';
        return this.assemble(t, out);
      case 'element':
      case 'calendar':
        return this.assemble(t, out);
      case 'end':
        throw invalid('còn dữ liệu sau khi tài liệu JSON đã kết thúc');
    }
  }

  end(): void {
    if (this.phase !== 'end') throw invalid('tài liệu JSON bị cắt cụt');
    if (!this.sawDossiers) throw invalid(`thiếu danh sách "${this.schema.listKey}"`);
  }

  private startList(): void {
    this.listDepth = this.depth;
    this.sawDossiers = true;
    this.phase = 'list';
  }

  /** Follows a value nobody asked for (another top-level key) to its end. */
  private skip(t: Token): void {
    if (this.ended(t)) this.phase = 'key';
  }

  /** One token of the element or the calendar being assembled; hands the value on once it is whole. */
  private assemble(t: Token, out: ImportItem[]): void {
    this.size += t.name === 'stringValue' || t.name === 'keyValue' || t.name === 'numberValue' ? t.value.length + 1 : 1;
    if (this.size > (this.phase === 'calendar' ? MAX_CALENDAR_CHARS : this.schema.maxElementChars))
      throw this.tooLarge();
    this.asm.consume(t);
    if (!this.ended(t)) return;
    if (this.phase === 'calendar') {
      out.push({ kind: 'calendar', value: this.asm.current });
      this.phase = 'key';
    } else {
      out.push({ kind: 'row', row: this.elements, values: this.asm.current });
      this.phase = 'list';
    }
  }

  /** Whether the value begun with `inner` at 0 is whole after this token. */
  private ended(t: Token): boolean {
    switch (t.name) {
      case 'startObject':
      case 'startArray':
        this.inner += 1;
        return false;
      case 'endObject':
      case 'endArray':
        return --this.inner === 0;
      case 'keyValue':
        return false;
      default:
        // a string, a number, true, false or null
        return this.inner === 0;
    }
  }
}

export const jsonItems: ImportReader = async function* (chunks, opts) {
  const schema = opts.schema ?? DOSSIER_SCHEMA;
  const reader = new JsonImportReader(schema);
  const verify = jsonVerifier();
  // Packed keys, strings and numbers only: one token per value, which is all the Assembler reads.
  const parse = jsonParser({ packValues: true, streamValues: false });
  let seen = false;
  /** Characters of the document checked so far: where the next piece begins. */
  let verified = 0;
  /** The element (or calendar) still open after the last piece, and the characters it may span. */
  let open = { phase: 'start' as Phase, element: 0, spanned: 0 };

  /** Checks a piece of text (or the end: `none`), then tokenizes what is valid of it. */
  const feed = (text: string, out: ImportItem[]): void => {
    const last = (text as unknown) === none;
    let fault: VerifierError | null = null;
    let valid = text;
    try {
      // Flushables: `none` says the text has ended.
      verify(text);
    } catch (e) {
      fault = e as VerifierError;
      // The verifier counts characters from the start of the document; `verified` is where this piece began.
      valid = last ? text : text.slice(0, Math.max(0, fault.offset - verified));
    }
    if (!last) verified += text.length;
    try {
      const tokens = parse(valid);
      if (tokens !== none) for (const t of getManyValues(tokens)) reader.token(t, out);
    } catch (e) {
      if (e instanceof DomainError) throw e;
      fault ??= e as VerifierError;
    }
    if (fault) {
      const where = typeof fault.line === 'number' ? ` (dòng ${fault.line}, cột ${fault.pos})` : '';
      throw invalid(`${last ? 'tài liệu JSON bị cắt cụt' : reader.fault()}${where}`);
    }
    if (reader.phase === 'element' || reader.phase === 'calendar') {
      const same = open.phase === reader.phase && open.element === reader.elements;
      open = { phase: reader.phase, element: reader.elements, spanned: (same ? open.spanned : 0) + text.length };
      if (open.spanned > (reader.phase === 'calendar' ? MAX_CALENDAR_CHARS : schema.maxElementChars) + PIECE_CHARS)
        throw reader.tooLarge();
    } else open = { phase: reader.phase, element: 0, spanned: 0 };
  };

  for await (const text of utf8Text(chunks)) {
    seen ||= text.trim() !== '';
    const out: ImportItem[] = [];
    for (let at = 0; at < text.length; at += PIECE_CHARS) feed(text.slice(at, at + PIECE_CHARS), out);
    if (out.length > 0) yield out;
  }
  if (!seen) throw new DomainError('IMPORT_EMPTY');
  const out: ImportItem[] = [];
  feed(none as unknown as string, out);
  if (out.length > 0) yield out;
  reader.end();
};
