import { QueueReportInput, formatDateVi, startOfLocalDay, type QueueFigures, type QueueReport } from '@luot/shared';
import { openDatabase } from '../../db/open';
import { createCentreRepository } from '../../features/centre/centre-repository';
import { createQueueReport } from '../../features/reports/queue-report';
import { dbPath, parse, UsageError, type Command } from '../cli-context';

const mmss = (s: number | null): string =>
  s === null ? '—' : `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

type GroupBy = QueueReport['groupBy'];

/** One column of the table: its heading on two lines, in plain Vietnamese, and its cell. */
interface Column {
  head: [string, string];
  cell(f: QueueFigures): string;
}
/** Cell width: the longest heading line. */
const WIDTH = 16;

/**
 * Q25: the columns, headed in words a head of centre reads without a legend. Tickets are issued
 * by the kiosk for a service, so only the service table counts them.
 */
function columnsFor(groupBy: GroupBy): Column[] {
  return [
    ...(groupBy === 'service' ? [{ head: ['Số đã cấp', ''], cell: (f) => String(f.issued) } satisfies Column] : []),
    { head: ['Đã phục vụ', ''], cell: (f) => String(f.served) },
    { head: ['Vắng mặt', ''], cell: (f) => String(f.noShows) },
    { head: ['50% công dân chờ', 'không quá'], cell: (f) => mmss(f.waitMedianSeconds) },
    { head: ['90% công dân chờ', 'không quá'], cell: (f) => mmss(f.waitP90Seconds) },
    { head: ['50% lượt phục vụ', 'không quá'], cell: (f) => mmss(f.serviceMedianSeconds) },
    { head: ['90% lượt phục vụ', 'không quá'], cell: (f) => mmss(f.serviceP90Seconds) },
  ];
}

const GROUP_HEADING: Record<GroupBy, string> = { service: 'Dịch vụ', counter: 'Quầy', officer: 'Cán bộ' };
/** The line of the tickets without a counter or an officer. */
const UNGROUPED: Record<GroupBy, string> = {
  service: '',
  counter: 'Chưa được gọi tới quầy',
  officer: 'Không có cán bộ (chưa gọi)',
};

/** The human table of `luot report queue`: the rows, then the total, which is their sum (Q25). */
export function reportTable(report: QueueReport): string[] {
  const cols = columnsFor(report.groupBy);
  const rows: [string, QueueFigures][] = report.groups.map((g) => [g.name, g]);
  if (report.ungrouped) rows.push([UNGROUPED[report.groupBy], report.ungrouped]);
  const total: [string, QueueFigures] = ['Tổng cộng', report.total];
  const nameWidth = Math.min(
    40,
    Math.max(GROUP_HEADING[report.groupBy].length, ...[...rows, total].map(([n]) => n.length)) + 2,
  );
  const line = (name: string, cells: string[]): string =>
    [name.padEnd(nameWidth), ...cells.map((c) => c.padEnd(WIDTH))].join('  ').trimEnd();
  return [
    line(
      GROUP_HEADING[report.groupBy],
      cols.map((c) => c.head[0]),
    ),
    line(
      '',
      cols.map((c) => c.head[1]),
    ),
    ...[...rows, total].map(([name, f]) =>
      line(
        name,
        cols.map((c) => c.cell(f)),
      ),
    ),
    '',
    'Thời gian ghi phút:giây. Chờ: từ lúc lấy số đến lúc được gọi; phục vụ: từ lúc bắt đầu (hoặc lúc gọi) đến lúc xong.',
  ];
}

export const reportQueue: Command = {
  path: ['report', 'queue'],
  summary:
    'luot report queue --from YYYY-MM-DD --to YYYY-MM-DD [--group-by service|counter|officer] [--json] [--db PATH]',
  run(argv) {
    const { values } = parse(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      'group-by': { type: 'string', default: 'service' },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
    });
    const q = QueueReportInput.safeParse({ from: values.from, to: values.to, groupBy: values['group-by'] });
    if (!q.success) {
      throw new UsageError(
        'Cần --from và --to dạng YYYY-MM-DD (từ ngày không sau đến ngày), --group-by service|counter|officer.',
      );
    }
    const db = openDatabase(dbPath(values.db));
    try {
      const report = createQueueReport(db, createCentreRepository(db))(q.data.from, q.data.to, q.data.groupBy);
      if (values.json) {
        console.log(JSON.stringify(report));
        return 0;
      }
      const period = `${formatDateVi(startOfLocalDay(report.from))} – ${formatDateVi(startOfLocalDay(report.to))}`;
      const by = { service: 'theo dịch vụ', counter: 'theo quầy', officer: 'theo cán bộ' }[report.groupBy];
      console.log([`Số liệu xếp hàng ${period}, ${by}`, '', ...reportTable(report)].join('\n'));
      return 0;
    } finally {
      db.close();
    }
  },
};
