import { describe, expect, it } from 'vitest';
import {
  AnnouncementTemplate,
  buildAnnouncement,
  buildShortAnnouncement,
  DEFAULT_ANNOUNCEMENT_TEMPLATE,
  readLabelVi,
} from '../src/rules/announcement';

describe('buildAnnouncement (V8–V10)', () => {
  it('V10: the default wording shows digits and speaks words', () => {
    expect(buildAnnouncement('1005', 3)).toEqual({
      text: 'Mời công dân có số thứ tự 1005 đến quầy số 3',
      spoken: 'Mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba',
    });
  });

  it('V10: a centre template puts the number and counter where it says, and reads its own digits', () => {
    const a = buildAnnouncement('2014', 12, { template: 'Xin mời số {số}, mời lên quầy {quầy} tầng 2' });
    expect(a.text).toBe('Xin mời số 2014, mời lên quầy 12 tầng 2');
    expect(a.spoken).toBe('Xin mời số hai nghìn không trăm mười bốn, mời lên quầy mười hai tầng hai');
  });

  it('V7: the southern option reaches the spoken text', () => {
    expect(buildAnnouncement('1024', 4, { dialect: 'south' }).spoken).toBe(
      'Mời công dân có số thứ tự một ngàn không trăm hai mươi bốn đến quầy số bốn',
    );
  });

  it('V9: a letter-prefixed label is the letter name then the number, padding zeros unspoken', () => {
    expect(readLabelVi('A001')).toBe('a một');
    expect(readLabelVi('B015')).toBe('bê mười lăm');
    expect(readLabelVi('C0105')).toBe('xê một trăm linh năm');
    expect(readLabelVi('m120')).toBe('em mờ một trăm hai mươi');
    expect(buildAnnouncement('D021', 2).text).toBe('Mời công dân có số thứ tự D021 đến quầy số 2');
    expect(buildAnnouncement('D021', 2).spoken).toBe('Mời công dân có số thứ tự dê hai mươi mốt đến quầy số hai');
  });

  it('V8: digit runs too long for a number are read digit by digit; separators are dropped', () => {
    expect(readLabelVi('12345678')).toBe('một hai ba bốn năm sáu bảy tám');
    expect(readLabelVi('A-01')).toBe('a một');
  });

  it('V10: a template must hold {số} and {quầy} exactly once and no other placeholder', () => {
    expect(AnnouncementTemplate.safeParse(DEFAULT_ANNOUNCEMENT_TEMPLATE).success).toBe(true);
    for (const bad of [
      'Mời số {số}',
      'Mời {số} {số} quầy {quầy}',
      'Mời {số} quầy {quầy} {tên}',
      '',
      'Mời {số}\nquầy {quầy}',
    ]) {
      expect(AnnouncementTemplate.safeParse(bad).success, bad).toBe(false);
    }
    expect(() => buildAnnouncement('1001', 1, { template: 'Mời số {số}' })).toThrow();
  });

  it('V10: a template typed with decomposed diacritics still fills its placeholders', () => {
    const decomposed = 'Mời số {số} đến quầy {quầy}'.normalize('NFD');
    expect(buildAnnouncement('1001', 1, { template: decomposed }).text).toBe('Mời số 1001 đến quầy 1');
  });
});

describe('buildShortAnnouncement (V16)', () => {
  it('V16: the short form is the label and the counter, in words, without the template', () => {
    expect(buildShortAnnouncement('1003', 2)).toEqual({
      text: '1003, quầy 2',
      spoken: 'một nghìn không trăm linh ba, quầy hai',
    });
    const template = 'Xin mời số {số}, mời lên quầy {quầy} tầng 2';
    expect(buildShortAnnouncement('2014', 12, { template }).spoken).toBe(
      'hai nghìn không trăm mười bốn, quầy mười hai',
    );
  });

  it('V16: letters and the southern reading carry over (V7, V9)', () => {
    expect(buildShortAnnouncement('B015', 24, { dialect: 'south' }).spoken).toBe('bê mười lăm, quầy hai mươi bốn');
    expect(buildShortAnnouncement('1024', 4, { dialect: 'south' }).spoken).toBe(
      'một ngàn không trăm hai mươi bốn, quầy bốn',
    );
  });
});
