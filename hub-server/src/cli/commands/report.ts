import { QueueReportInput, formatDateVi, startOfLocalDay, type QueueFigures } from '@luot/shared';
import { openDatabase } from '../../db/open';
import { createCentreRepository } from '../../features/centre/centre-repository';
import { createQueueReport } from '../../features/reports/queue-report';
import { dbPath, parse, UsageError, type Command } from '../cli-context';

const mmss = (s: number | null): string =>
  s === null ? '—' : `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

function line(name: string, f: QueueFigures): string {
  return [
    name.padEnd(36),
    String(f.issued).padStart(6),
    String(f.served).padStart(6),
    String(f.noShows).padStart(7),
    mmss(f.waitMedianSeconds).padStart(8),
    mmss(f.waitP90Seconds).padStart(8),
    mmss(f.serviceMedianSeconds).padStart(8),
    mmss(f.serviceP90Seconds).padStart(8),
  ].join(' ');
}

export const reportQueue: Command = {
  path: ['report', 'queue'],
  summary: 'luot report queue --from YYYY-MM-DD --to YYYY-MM-DD [--group-by service|counter|officer] [--json] [--db PATH]',
  async run(argv) {
    const { values } = parse(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      'group-by': { type: 'string', default: 'service' },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
    });
    const q = QueueReportInput.safeParse({ from: values.from, to: values.to, groupBy: values['group-by'] });
    if (!q.success) {
      throw new UsageError('Cần --from và --to dạng YYYY-MM-DD (từ ngày không sau đến ngày), --group-by service|counter|officer.');
    }
    const db = openDatabase(dbPath(values.db));
    try {
      const report = createQueueReport(db, createCentreRepository(db))(q.data.from, q.data.to, q.data.groupBy);
      if (values.json) {
        console.log(JSON.stringify(report));
        return 0;
      }
      const period = `${formatDateVi(startOfLocalDay(report.from))} – ${formatDateVi(startOfLocalDay(report.to))}`;
      console.log(`Số liệu xếp hàng ${period}\n`);
      console.log(`${'Nhóm'.padEnd(36)}  Cấp số Đã phục vụ Vắng  Chờ TV  Chờ P90  Phục vụ TV  P90`);
      for (const g of report.groups) console.log(line(g.name, g));
      console.log(line('Tổng', report.total));
      return 0;
    } finally {
      db.close();
    }
  },
};
