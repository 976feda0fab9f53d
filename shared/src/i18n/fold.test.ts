import { describe, expect, it } from 'vitest';
import { foldVi } from './fold';

describe('foldVi', () => {
  it('drops diacritics and case, keeps the letters', () => {
    expect(foldVi('Nguyễn Văn An')).toBe('nguyen van an');
    expect(foldVi('ĐẶNG THỊ ĐÀO')).toBe('dang thi dao');
    expect(foldVi('Hạn trả'.normalize('NFD'))).toBe('han tra');
    expect(foldVi('  Phường \t Đồng   Tâm ')).toBe('phuong dong tam');
  });
  it('tells apart what differs in letters', () => {
    expect(foldVi('Nguyễn Văn An')).not.toBe(foldVi('Nguyễn Văn Anh'));
  });
});
