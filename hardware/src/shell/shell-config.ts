import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The three apps a shell can show, each at `<hub>/<app>/`. */
export type ShellApp = 'kiosk' | 'counter' | 'display';

const HubUrl = z.url({ protocol: /^https?$/ }).refine((s) => {
  // Zod runs this even after the URL check failed; that failure is already reported.
  if (!URL.canParse(s)) return false;
  const u = new URL(s);
  return u.pathname === '/' && !u.search && !u.hash && !u.username;
});

/** A kiosk's own USB printer-class device (Linux usblp), for kiosks the hub does not print for. */
const UsbPrinter = z.strictObject({
  usb: z.string().regex(/^\/[^\0]{1,254}$/),
  paper: z.union([z.literal(80), z.literal(58)]).default(80),
});

/**
 * The shell's configuration file, written by the installer. Strict: a misspelt key is an error,
 * not a silently ignored setting.
 */
export const ShellConfig = z.strictObject({
  hubUrl: HubUrl,
  token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  printer: UsbPrinter.optional(),
});
export type ShellConfig = z.infer<typeof ShellConfig>;
export type ShellPrinterConfig = z.infer<typeof UsbPrinter>;

/** A configuration the shell cannot start with; `message` is Vietnamese, for the technician. */
export class ShellConfigError extends Error {
  override name = 'ShellConfigError';
}

const EXAMPLE = '{"hubUrl": "http://192.168.1.10:8080", "token": "mã thiết bị"}';

const FIELD_HELP: Record<string, string> = {
  hubUrl: 'hubUrl phải là địa chỉ của hub dạng http://MÁY:CỔNG, không có đường dẫn, ví dụ "http://192.168.1.10:8080".',
  token: 'token phải là mã thiết bị do lệnh "luot token create" cấp (16–128 ký tự chữ, số, "-" hoặc "_").',
  printer: 'printer phải có dạng {"usb": "/dev/usb/lp0", "paper": 80}: đường dẫn máy in USB và khổ giấy 80 hoặc 58 mm.',
};

/**
 * Reads and checks the configuration of the shell that shows `app`.
 * @throws ShellConfigError with every problem, in Vietnamese.
 * @example loadShellConfig('/etc/luot/kiosk.json', 'kiosk') // { hubUrl, token, printer? }
 */
export function loadShellConfig(path: string, app: ShellApp): ShellConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ShellConfigError(
      `Không đọc được tệp cấu hình ${path} (${code}). Hãy tạo tệp với nội dung dạng ${EXAMPLE}.`,
    );
  }
  return parseShellConfig(text, app, path);
}

/** The checks of loadShellConfig on text already read; `source` names it in messages. */
export function parseShellConfig(text: string, app: ShellApp, source: string): ShellConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ShellConfigError(`Tệp cấu hình ${source} không phải JSON hợp lệ. Nội dung cần có dạng ${EXAMPLE}.`);
  }
  const parsed = ShellConfig.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map(describeIssue);
  if (parsed.success && parsed.data.printer && app !== 'kiosk') {
    problems.push('printer chỉ dùng cho kiosk: quầy và màn hình không in vé.');
  }
  if (!parsed.success || problems.length > 0) {
    throw new ShellConfigError(
      `Tệp cấu hình ${source} không hợp lệ:\n${[...new Set(problems)].map((p) => `• ${p}`).join('\n')}`,
    );
  }
  return parsed.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `Khoá không được hỗ trợ: ${issue.keys.join(', ')}.`;
  const field = issue.path[0];
  if (field === undefined) return `Nội dung phải là một đối tượng JSON dạng ${EXAMPLE}.`;
  return FIELD_HELP[String(field)] ?? `${String(field)} không hợp lệ.`;
}

/** The page the shell opens: the app under the hub, with the device token the app then keeps. */
export function appUrl(config: ShellConfig, app: ShellApp): string {
  const url = new URL(`/${app}/`, config.hubUrl);
  url.searchParams.set('token', config.token);
  return url.toString();
}
