import { describe, expect, it } from 'vitest';
import { appUrl, parseShellConfig, ShellConfigError } from '../src/index';

const TOKEN = 'k3Yq0f7Zr2X9mWc4Lp8Tn1Hs6Vb5Ja0D';
const parse = (value: unknown, app: 'kiosk' | 'counter' | 'display' = 'kiosk') =>
  parseShellConfig(typeof value === 'string' ? value : JSON.stringify(value), app, '/etc/luot/luot.json');
const problem = (value: unknown, app?: 'kiosk' | 'counter' | 'display'): string => {
  try {
    parse(value, app);
  } catch (e) {
    if (e instanceof ShellConfigError) return e.message;
    throw e;
  }
  throw new Error('accepted');
};

describe('Electron shell configuration', () => {
  it('E1: a kiosk config with a USB printer is read, 80 mm paper by default', () => {
    expect(parse({ hubUrl: 'http://192.168.1.10:8080', token: TOKEN, printer: { usb: '/dev/usb/lp0' } })).toEqual({
      hubUrl: 'http://192.168.1.10:8080',
      token: TOKEN,
      printer: { usb: '/dev/usb/lp0', paper: 80 },
    });
    expect(parse({ hubUrl: 'https://hub.local/', token: TOKEN }, 'display')).toEqual({
      hubUrl: 'https://hub.local/',
      token: TOKEN,
    });
  });

  it('E1: the page is the app under the hub with the device token', () => {
    const config = parse({ hubUrl: 'http://192.168.1.10:8080', token: TOKEN });
    expect(appUrl(config, 'counter')).toBe(`http://192.168.1.10:8080/counter/?token=${TOKEN}`);
  });

  it.each([
    ['not JSON', '{hubUrl: x', 'không phải JSON hợp lệ'],
    ['not an object', [1, 2], 'phải là một đối tượng JSON'],
    ['no hub', { token: TOKEN }, 'hubUrl phải là địa chỉ của hub'],
    ['an ftp hub', { hubUrl: 'ftp://192.168.1.10', token: TOKEN }, 'hubUrl phải là địa chỉ của hub'],
    ['a hub with a path', { hubUrl: 'http://192.168.1.10:8080/kiosk/', token: TOKEN }, 'không có đường dẫn'],
    ['a short token', { hubUrl: 'http://h:1', token: 'abc' }, 'token phải là mã thiết bị'],
    ['a misspelt key', { hubUrl: 'http://h:1', token: TOKEN, printr: {} }, 'Khoá không được hỗ trợ: printr.'],
    [
      'a relative printer path',
      { hubUrl: 'http://h:1', token: TOKEN, printer: { usb: 'lp0' } },
      'printer phải có dạng',
    ],
    [
      'a 57 mm paper',
      { hubUrl: 'http://h:1', token: TOKEN, printer: { usb: '/dev/usb/lp0', paper: 57 } },
      'khổ giấy 80 hoặc 58 mm',
    ],
  ])('E1: %s is refused in Vietnamese, naming the file', (_name, value, text) => {
    const message = problem(value);
    expect(message).toContain(text);
    expect(message).toContain('/etc/luot/luot.json');
  });

  it('E1: every problem is listed at once', () => {
    const message = problem({ hubUrl: 'x', token: 'y' });
    expect(message).toContain('hubUrl');
    expect(message).toContain('token');
  });

  it('E1: a printer belongs to a kiosk only', () => {
    expect(problem({ hubUrl: 'http://h:1', token: TOKEN, printer: { usb: '/dev/usb/lp0' } }, 'counter')).toContain(
      'printer chỉ dùng cho kiosk',
    );
  });
});
