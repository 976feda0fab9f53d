import { DomainError } from '@luot/shared';
import type { ImportItem, ImportReader } from './import-item';
import { utf8Text } from './utf8-text';

/** One dossier's JSON is a few hundred bytes; anything near this is not a dossier. */
const MAX_ELEMENT_CHARS = 64 * 1024;
const MAX_CALENDAR_CHARS = 1024 * 1024;
const MAX_DEPTH = 32;

const invalid = (detail: string): DomainError => new DomainError('IMPORT_INVALID', detail);

type Phase = 'start' | 'key' | 'colon' | 'value' | 'inValue' | 'list' | 'next' | 'end';

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Streams `{ "calendar"?: {…}, "dossiers": [ {…}, … ] }` (or a bare `[ {…}, … ]`) without holding
 * the document: it follows nesting and strings character by character and hands each element of
 * the dossiers list, and the calendar, to JSON.parse on its own. Other top-level keys are skipped.
 */
class JsonImportSplitter {
  private phase: Phase = 'start';
  /** Closing character expected for each open bracket. */
  private stack: number[] = [];
  private inString = false;
  private escaped = false;
  private key = '';
  private firstKey = true;
  private sawDossiers = false;
  /** Depth at which dossier elements are separated: 1 for a bare list, 2 inside "dossiers". */
  private listDepth = 0;
  private elements = 0;
  private capturing: 'key' | 'element' | 'calendar' | null = null;
  private captured = '';
  private captureFrom = 0;

  push(text: string, out: ImportItem[]): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.phase === 'key') {
            this.key = this.endCapture(text, i);
            this.phase = 'colon';
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      switch (this.phase) {
        case 'start':
          if (c === OPEN_BRACE) {
            this.open(c);
            this.phase = 'key';
          } else if (c === OPEN_BRACKET) this.startList(c, i);
          else throw invalid('tài liệu JSON phải bắt đầu bằng { hoặc [');
          break;
        case 'key':
          if (c === QUOTE) {
            this.inString = true;
            this.startCapture('key', i + 1);
          } else if (c === CLOSE_BRACE && this.firstKey) this.close();
          else throw invalid('cần tên thuộc tính trong tài liệu JSON');
          break;
        case 'colon':
          if (c !== COLON) throw invalid(`thiếu dấu ":" sau "${this.key}"`);
          this.phase = 'value';
          break;
        case 'value':
          if (this.key === 'dossiers') {
            if (c !== OPEN_BRACKET) throw invalid('"dossiers" phải là một danh sách');
            this.startList(c, i);
            break;
          }
          if (this.key === 'calendar') this.startCapture('calendar', i);
          this.phase = 'inValue';
          i -= 1; // the value's first character is read as part of it
          break;
        case 'inValue':
          if (this.stack.length === 1 && (c === COMMA || c === CLOSE_BRACE)) {
            if (this.capturing === 'calendar') {
              out.push({ kind: 'calendar', value: this.parse(this.endCapture(text, i), 'lịch làm việc') });
            }
            this.nextMember(c);
          } else this.nested(c);
          break;
        case 'list':
          if (this.stack.length === this.listDepth && (c === COMMA || c === CLOSE_BRACKET)) {
            this.endElement(text, i, out, c === CLOSE_BRACKET);
            if (c === COMMA) this.startCapture('element', i + 1);
            else {
              this.stack.pop();
              if (this.listDepth === 1) this.phase = 'end';
              else this.phase = 'next';
            }
          } else this.nested(c);
          break;
        case 'next':
          if (c !== COMMA && c !== CLOSE_BRACE) throw invalid('thiếu dấu "," giữa các thuộc tính JSON');
          this.nextMember(c);
          break;
        case 'end':
          throw invalid('còn dữ liệu sau khi tài liệu JSON đã kết thúc');
      }
    }
    if (this.capturing) {
      this.captured += text.slice(this.captureFrom);
      this.captureFrom = 0;
      const max = this.capturing === 'calendar' ? MAX_CALENDAR_CHARS : MAX_ELEMENT_CHARS;
      if (this.captured.length > max) throw invalid(`phần tử thứ ${this.elements + 1} quá lớn`);
    }
  }

  end(): void {
    if (this.phase !== 'end') throw invalid('tài liệu JSON bị cắt cụt');
    if (!this.sawDossiers) throw invalid('thiếu danh sách "dossiers"');
  }

  /** Brackets and strings inside a value or an element. */
  private nested(c: number): void {
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.open(c);
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && this.stack.pop() !== c) {
      throw invalid('dấu ngoặc JSON không khớp');
    }
  }

  private open(c: number): void {
    if (this.stack.length >= MAX_DEPTH) throw invalid('JSON lồng quá sâu');
    this.stack.push(c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
  }

  private close(): void {
    this.stack.pop();
    this.phase = 'end';
  }

  private nextMember(c: number): void {
    if (c === CLOSE_BRACE) return this.close();
    this.phase = 'key';
    this.firstKey = false;
  }

  private startList(c: number, i: number): void {
    this.open(c);
    this.listDepth = this.stack.length;
    this.sawDossiers = true;
    this.phase = 'list';
    this.startCapture('element', i + 1);
  }

  private startCapture(kind: 'key' | 'element' | 'calendar', from: number): void {
    this.capturing = kind;
    this.captured = '';
    this.captureFrom = from;
  }

  private endCapture(text: string, end: number): string {
    const s = this.captured + text.slice(this.captureFrom, end);
    this.capturing = null;
    this.captured = '';
    return s;
  }

  private endElement(text: string, i: number, out: ImportItem[], last: boolean): void {
    const raw = this.endCapture(text, i).trim();
    if (raw === '' && last && this.elements === 0) return;
    if (raw === '') throw invalid(`phần tử thứ ${this.elements + 1} của danh sách rỗng`);
    this.elements += 1;
    out.push({ kind: 'row', row: this.elements, values: this.parse(raw, `phần tử thứ ${this.elements}`) });
  }

  private parse(raw: string, what: string): unknown {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw invalid(`${what} không phải JSON hợp lệ`);
    }
  }
}

export const jsonItems: ImportReader = async function* (chunks) {
  const splitter = new JsonImportSplitter();
  let seen = false;
  for await (const text of utf8Text(chunks)) {
    seen ||= text.trim() !== '';
    const out: ImportItem[] = [];
    splitter.push(text, out);
    if (out.length > 0) yield out;
  }
  if (!seen) throw new DomainError('IMPORT_EMPTY');
  splitter.end();
};
