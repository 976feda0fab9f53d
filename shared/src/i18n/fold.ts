/** Vietnamese text compared the way people type it: with or without diacritics, any case. */

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Text folded for comparison: no diacritics (đ → d), lower case, runs of white space as one space,
 * trimmed. Two spellings of a name fold alike when they differ only in tone marks, letters with
 * hooks and breves, or case.
 * @example foldVi('  Nguyễn  Văn ĐỨC ') // 'nguyen van duc'
 */
export function foldVi(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
