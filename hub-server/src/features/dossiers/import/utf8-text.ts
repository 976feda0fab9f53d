import { DomainError } from '@luot/shared';

/**
 * Decodes chunks as strict UTF-8 (a UTF-8 BOM is dropped). Windows-1258 or UTF-16 bytes are not
 * read as mojibake: they stop the import with IMPORT_ENCODING (UTF-16 of plain text is valid UTF-8
 * byte by byte, but full of NULs, which no dossier file has).
 */
export async function* utf8Text(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new DomainError(
        'IMPORT_ENCODING',
        `byte không hợp lệ trong khoảng byte ${offset}–${offset + (chunk?.length ?? 0)}`,
      );
    }
  };
  for await (const chunk of chunks) {
    const text = decode(chunk);
    if (text.includes('\u0000')) throw new DomainError('IMPORT_ENCODING', 'tệp có ký tự NUL (UTF-16?)');
    offset += chunk.length;
    if (text !== '') yield text;
  }
  const rest = decode();
  if (rest !== '') yield rest;
}
