import { CentreSettings, ServiceSchedule, type Counter, type Service } from '@luot/shared';
import type { Db } from '../../db/open';

interface ServiceRow {
  id: number;
  name: string;
  name_en: string;
  field: string;
  block: number;
  opens_at: string;
  closes_at: string;
  /** Q23: ServiceSchedule as JSON, or NULL. */
  schedule: string | null;
}
export interface CounterRow {
  id: number;
  number: number;
  name: string;
  service_ids: string;
  paused: number;
  priority_streak: number;
  officer_id: number | null;
}

const toService = (r: ServiceRow): Service => ({
  id: r.id,
  name: r.name,
  nameEn: r.name_en,
  field: r.field,
  block: r.block,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  ...(r.schedule === null ? {} : { schedule: ServiceSchedule.parse(JSON.parse(r.schedule)) }),
});

export const toCounter = (r: CounterRow): Counter => ({
  id: r.id,
  number: r.number,
  name: r.name,
  serviceIds: JSON.parse(r.service_ids) as number[],
  paused: r.paused === 1,
});

/** The centre's configuration: settings, services and counters. */
export function createCentreRepository(db: Db) {
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const putSetting = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const allServices = db.prepare<[], ServiceRow>('SELECT * FROM services ORDER BY block');
  const oneService = db.prepare<[number], ServiceRow>('SELECT * FROM services WHERE id = ?');
  const allCounters = db.prepare<[], CounterRow>('SELECT * FROM counters ORDER BY number');
  const oneCounter = db.prepare<[number], CounterRow>('SELECT * FROM counters WHERE id = ?');
  const insertService = db.prepare(
    'INSERT INTO services (id, name, name_en, field, block, opens_at, closes_at, schedule) VALUES (@id, @name, @nameEn, @field, @block, @opensAt, @closesAt, @schedule)',
  );
  const insertCounter = db.prepare(
    'INSERT INTO counters (id, number, name, service_ids, paused) VALUES (@id, @number, @name, @serviceIds, @paused)',
  );

  // Settings are read on every ticket; parse them once, and again only after a save.
  let cachedSettings: CentreSettings | null | undefined;

  return {
    settings(): CentreSettings | null {
      if (cachedSettings === undefined) {
        const row = getSetting.get('centre');
        cachedSettings = row ? CentreSettings.parse(JSON.parse(row.value)) : null;
      }
      return cachedSettings;
    },
    saveSettings(settings: CentreSettings): void {
      putSetting.run('centre', JSON.stringify(CentreSettings.parse(settings)));
      cachedSettings = undefined;
    },
    demoTokens(): unknown {
      const row = getSetting.get('demoTokens');
      return row ? (JSON.parse(row.value) as unknown) : null;
    },
    saveDemoTokens(tokens: object): void {
      putSetting.run('demoTokens', JSON.stringify(tokens));
    },
    services: (): Service[] => allServices.all().map(toService),
    service(id: number): Service | null {
      const row = oneService.get(id);
      return row ? toService(row) : null;
    },
    counters: (): Counter[] => allCounters.all().map(toCounter),
    counterRows: (): CounterRow[] => allCounters.all(),
    counterRow: (id: number): CounterRow | undefined => oneCounter.get(id),
    counter(id: number): Counter | null {
      const row = oneCounter.get(id);
      return row ? toCounter(row) : null;
    },
    /** Q23: a service's sessions and daily cap; null: opensAt–closesAt Monday to Friday. */
    setSchedule(serviceId: number, schedule: ServiceSchedule | null): void {
      db.prepare('UPDATE services SET schedule = ? WHERE id = ?').run(
        schedule === null ? null : JSON.stringify(ServiceSchedule.parse(schedule)),
        serviceId,
      );
    },
    addService(s: Service): void {
      const { schedule, ...row } = s;
      insertService.run({
        ...row,
        schedule: schedule === undefined ? null : JSON.stringify(ServiceSchedule.parse(schedule)),
      });
    },
    /** C3: a service's fields as set up (its id stays). */
    updateService(s: Service): void {
      const { schedule, ...row } = s;
      db.prepare(
        'UPDATE services SET name = @name, name_en = @nameEn, field = @field, block = @block, opens_at = @opensAt, closes_at = @closesAt, schedule = @schedule WHERE id = @id',
      ).run({ ...row, schedule: schedule === undefined ? null : JSON.stringify(ServiceSchedule.parse(schedule)) });
    },
    /** Moves a service's block out of the way, so blocks can be swapped in one transaction (UNIQUE). */
    parkServiceBlock(id: number): void {
      db.prepare('UPDATE services SET block = ? WHERE id = ?').run(-id, id);
    },
    removeService(id: number): void {
      db.prepare('DELETE FROM services WHERE id = ?').run(id);
    },
    /** C4: a counter's number, name and services (paused and the officer are not setup). */
    updateCounter(c: { id: number; number: number; name: string; serviceIds: number[] }): void {
      db.prepare('UPDATE counters SET number = ?, name = ?, service_ids = ? WHERE id = ?').run(
        c.number,
        c.name,
        JSON.stringify(c.serviceIds),
        c.id,
      );
    },
    /** Moves a counter's number out of the way, so numbers can be swapped in one transaction (UNIQUE). */
    parkCounterNumber(id: number): void {
      db.prepare('UPDATE counters SET number = ? WHERE id = ?').run(-id, id);
    },
    removeCounter(id: number): void {
      db.prepare('DELETE FROM counters WHERE id = ?').run(id);
    },
    /** Another process changed the settings (H2): read them again. */
    forgetCachedSettings(): void {
      cachedSettings = undefined;
    },
    addCounter(c: Counter): void {
      insertCounter.run({ ...c, serviceIds: JSON.stringify(c.serviceIds), paused: c.paused ? 1 : 0 });
    },
  };
}
export type CentreRepository = ReturnType<typeof createCentreRepository>;
