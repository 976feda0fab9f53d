import { DEMO_OFFICERS, DEMO_PIN } from '../../demo/demo-centre';
import { startHub, type RunningHub } from '../../main';
import { dbPath, intFlag, parse, type Command } from '../cli-context';

export const start: Command = {
  path: ['start'],
  summary: 'luot start [--demo] [--db PATH] [--port N] [--host H] [--allow-origin URL]   chạy máy chủ hub',
  async run(argv) {
    const { values } = parse(argv, {
      demo: { type: 'boolean', default: false },
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      'allow-origin': { type: 'string', multiple: true },
    });
    // A screen served from another host (its origin, e.g. https://man-hinh.example.vn) may use the hub.
    const allowedOrigins = [...(values['allow-origin'] ?? []), ...(process.env.LUOT_ALLOWED_ORIGINS ?? '').split(',')]
      .map((o) => o.trim())
      .filter((o) => o !== '');
    const port = intFlag(values.port ?? process.env.LUOT_PORT, 'port', 8080);
    const running = await startHub({ dbPath: dbPath(values.db), port, host: values.host, demo: values.demo, allowedOrigins });
    printWelcome(running);
    const shutdown = (): void => {
      void running.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return new Promise<number>(() => {});
  },
};

function printWelcome(r: RunningHub): void {
  const base = `http://localhost:${r.port}`;
  const lines = [`Lượt hub đang chạy: ${base}  (listening on port ${r.port})`];
  const t = r.demoTokens;
  if (t) {
    lines.push(
      '',
      `Trung tâm mẫu / demo centre: ${r.hub.centre.settings()?.name ?? ''}`,
      `  Kiosk lấy số    ${base}/kiosk/?token=${t.kiosk}`,
      `  Màn hình sảnh   ${base}/display/?token=${t.display}`,
      `  Quầy (mọi quầy) ${base}/counter/?token=${t.admin}`,
      ...t.counters.map((c) => `  Quầy ${c.number}          ${base}/counter/?token=${c.token}`),
      '',
      `  Cán bộ mẫu / demo officers: ${DEMO_OFFICERS.join(', ')} — mã PIN ${DEMO_PIN}`,
    );
  }
  console.log(lines.join('\n'));
}
