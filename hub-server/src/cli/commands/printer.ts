import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createTcpTransport,
  parsePrinterUrl,
  printTicket,
  sampleTicket,
  startVirtualPrinter,
  type PaperWidth,
  type PrinterStatus,
  type QrMode,
} from '@luot/hardware';
import { systemClock } from '@luot/shared';
import { intFlag, parse, UsageError, type Command } from '../cli-context';

function paperFlag(value: string | undefined): PaperWidth {
  if (value === undefined || value === '80') return 80;
  if (value === '58') return 58;
  throw new UsageError(`--width phải là 80 hoặc 58 (nhận được "${value}").`);
}

function qrFlag(value: string | undefined): QrMode {
  if (value === undefined || value === 'native') return 'native';
  if (value === 'raster') return 'raster';
  throw new UsageError(`--qr phải là native hoặc raster (nhận được "${value}").`);
}

/** A status in words an operator reads at the printer. */
function describeStatus(s: PrinterStatus): string {
  const problems = [
    s.paperOut && 'hết giấy',
    s.coverOpen && 'nắp đang mở',
    !s.online && 'ngoại tuyến',
    s.paperLow && 'giấy sắp hết',
  ].filter(Boolean);
  return problems.length ? problems.join(', ') : 'sẵn sàng';
}

export const printerSim: Command = {
  path: ['printer-sim'],
  summary: 'luot printer-sim --port P --out DIR [--width 80|58] [--paper-out]   chạy máy in ảo, lưu mỗi vé thành PNG',
  async run(argv) {
    const { values } = parse(argv, {
      port: { type: 'string' },
      out: { type: 'string' },
      width: { type: 'string' },
      'paper-out': { type: 'boolean' },
    });
    if (values.port === undefined) throw new UsageError('Cần --port.');
    if (!values.out) throw new UsageError('Cần --out DIR (thư mục lưu ảnh vé).');
    const port = intFlag(values.port, 'port', 0);
    if (port > 65535) throw new UsageError('--port phải từ 0 đến 65535.');
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    let count = 0;
    const printer = await startVirtualPrinter({
      port,
      paper: paperFlag(values.width),
      condition: { paperOut: values['paper-out'] === true },
      onTicket(ticket) {
        count += 1;
        const file = join(out, `ve-${systemClock.now()}-${count}.png`);
        try {
          writeFileSync(file, ticket.png);
          console.log(`Đã in vé thứ ${count}: ${file}`);
        } catch (e) {
          console.error(`Không ghi được ${file}: ${(e as Error).message}`);
        }
      },
    });
    console.log(
      `Máy in ảo đang chạy tại ${printer.url}${values['paper-out'] ? ' (đang báo hết giấy)' : ''}. Ảnh vé lưu vào ${out}. Nhấn Ctrl+C để dừng.`,
    );
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await printer.close();
    return 0;
  },
};

export const printTest: Command = {
  path: ['print-test'],
  summary: 'luot print-test --printer tcp://HOST:PORT [--width 80|58] [--qr native|raster]   in thử một vé mẫu',
  async run(argv) {
    const { values } = parse(argv, { printer: { type: 'string' }, width: { type: 'string' }, qr: { type: 'string' } });
    const address = parsePrinterUrl(values.printer ?? '');
    if (!address) throw new UsageError('--printer phải có dạng tcp://HOST:PORT, ví dụ tcp://192.168.1.50:9100.');
    const paper = paperFlag(values.width);
    const transport = createTcpTransport(address);
    try {
      const result = await printTicket(transport, sampleTicket(systemClock.now()), { paper, qr: qrFlag(values.qr) });
      console.log(`Trạng thái trước khi in: ${describeStatus(result.before)}`);
      console.log(`Đã gửi vé mẫu khổ ${paper} mm (${result.bytes.toLocaleString('vi-VN')} byte).`);
      console.log(`Trạng thái sau khi in: ${result.after ? describeStatus(result.after) : 'máy in không trả lời'}`);
      return 0;
    } finally {
      await transport.close();
    }
  },
};
