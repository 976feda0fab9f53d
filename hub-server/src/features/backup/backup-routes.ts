import { DomainError, type Clock } from '@luot/shared';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import { sendError } from '../../http/http-util';
import { downloadName, isDiskFull, removeDatabaseFile } from './backup-file';
import type { HubBackups } from './hub-backups';

/** The download takes no query: anything in it is a mistake (H6). */
export const BackupQuery = z.strictObject({});

export interface BackupRouteDeps {
  backups: HubBackups;
  clock: Clock;
  logger: Logger;
}

/**
 * B3: `GET /api/backup` (admin): a fresh backup of the hub's database, made by the hub's own
 * connection into the backup folder, checked (B2), streamed as an attachment named
 * luot-YYYYMMDD-HHmm.db (local time), then deleted.
 */
export function backupRoutes(deps: BackupRouteDeps): RawRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/api\/backup$/,
      roles: ['admin'],
      doc: {
        path: '/api/backup',
        summary: {
          vi: 'Tải về một bản sao lưu cơ sở dữ liệu vừa tạo (SQLite, đã kiểm tra)',
          en: 'Download a fresh, checked backup of the database (SQLite)',
        },
        query: BackupQuery,
        response: {
          content: { 'application/vnd.sqlite3': null },
          description: {
            vi: 'Tệp cơ sở dữ liệu, tên luot-YYYYMMDD-HHmm.db (giờ Việt Nam)',
            en: 'The database file, named luot-YYYYMMDD-HHmm.db (local time)',
          },
        },
        errors: ['BAD_REQUEST', 'BACKUP_FAILED', 'DISK_FULL'],
      },
      async handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://hub');
        if (!BackupQuery.safeParse(Object.fromEntries(url.searchParams)).success) return sendError(res, 'BAD_REQUEST');
        const name = downloadName(deps.clock.now());
        const report = await deps.backups.snapshot().catch((e: unknown) => {
          deps.logger.error({ err: e }, 'backup for download failed');
          throw new DomainError(isDiskFull(e) ? 'DISK_FULL' : 'BACKUP_FAILED');
        });
        try {
          // The admin may have gone while the copy was made: nothing to send then.
          if (res.destroyed) return;
          res.writeHead(200, {
            'content-type': 'application/vnd.sqlite3',
            'content-length': report.bytes,
            'content-disposition': `attachment; filename="${name}"`,
            'cache-control': 'no-store',
          });
          // Ends when the file is sent, or at once when the connection is gone; never left hanging.
          await pipeline(createReadStream(report.file), res).catch((e: unknown) => {
            deps.logger.warn({ err: e }, 'a backup download ended early');
          });
        } finally {
          removeDatabaseFile(report.file);
        }
      },
    },
  ];
}
