import { describe, expect, it } from 'vitest';
import { addressAs, announcementOptions, buildAnnouncement } from '..';
import { withAddressForm } from './address-form';
import { vi } from './vi';

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));

describe('the register of address (I5)', () => {
  it('I5: "Ông/Bà" replaces "công dân" on every public screen, and nowhere a staff message speaks of citizens', () => {
    const formal = withAddressForm(vi, 'ongBa');
    expect(formal.kiosk.subtitle).toBe('Mời Ông/Bà chạm vào dịch vụ cần thực hiện');
    expect(formal.phone.called).toBe('Đã đến lượt — mời Ông/Bà đến quầy {n}');
    expect(formal.display.calling).toBe('Mời Ông/Bà có số thứ tự');
    expect(formal.phone.done).toBe('Đã phục vụ xong. Xin trân trọng cảm ơn Ông/Bà!');
    for (const part of ['wait', 'kiosk', 'phone', 'display', 'dossiers', 'printedTicket', 'opening'] as const) {
      expect(leaves(formal[part] as Tree).filter((s) => /công dân/i.test(s))).toEqual([]);
    }
    expect(formal.errors.QUEUE_EMPTY).toBe(vi.errors.QUEUE_EMPTY);
    expect(formal.counterApp).toBe(vi.counterApp);
  });

  it('I5: "công dân", the default, leaves the catalogue as it is', () => {
    expect(withAddressForm(vi, 'congDan')).toBe(vi);
    expect(addressAs('Mời công dân có số thứ tự', 'congDan')).toBe('Mời công dân có số thứ tự');
    expect(addressAs('Công dân vui lòng chờ', 'ongBa')).toBe('Ông/Bà vui lòng chờ');
  });

  it('I5 V10: the default announcement says "Ông/Bà" as the centre chose, spoken without the slash', () => {
    const call = buildAnnouncement('1005', 3, announcementOptions({ addressForm: 'ongBa' }));
    expect(call.text).toBe('Mời Ông/Bà có số thứ tự 1005 đến quầy số 3');
    expect(call.spoken).toBe('Mời Ông Bà có số thứ tự một nghìn không trăm linh năm đến quầy số ba');
  });
});
