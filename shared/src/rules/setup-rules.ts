/**
 * C2–C8: the rules across the fields of the centre's setup document, and what applying one
 * document over another changes. Pure: the hub adds what needs its state (a new officer's PIN, a
 * service with citizens waiting, C5, C6).
 */
import type { z } from 'zod';
import { fillMessage } from '../i18n/format';
import { vi } from '../i18n/vi';
import type { CentreSettings } from '../model/centre';
import type { WorkingCalendar } from '../model/dossier';
import type { Service, ServiceSession } from '../model/service';
import {
  CentreSetup,
  type CounterSetup,
  type DisplaySetupEntry,
  type FieldProblem,
  type OfficerSetup,
} from '../model/setup';
import { DomainError } from '../protocol/errors';

const P = vi.setup.problems;
const CH = vi.setup.changes;
const AS: Record<string, string> = vi.setup.aspects;

/** C2: refused as a whole with every wrong field; nothing is applied. */
export class SetupInvalidError extends DomainError {
  /** `BAD_REQUEST` for a form that is not the setup document (a procedure edited in the console, R12). */
  constructor(
    readonly problems: FieldProblem[],
    code: 'SETUP_INVALID' | 'BAD_REQUEST' = 'SETUP_INVALID',
  ) {
    super(code, problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'SetupInvalidError';
  }
}

/** Names as people compare them: case and spacing aside (Q26's first step). */
export const nameKey = (name: string): string => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

const TIME_KEYS = new Set(['from', 'to', 'lastNumberAt', 'opensAt', 'closesAt']);

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** One zod issue of the whole document as a field's Vietnamese problem (C2). */
function issueProblem(raw: unknown, issue: z.core.$ZodIssue): FieldProblem {
  const path = issue.path.map(String).join('.');
  const last = String(issue.path[issue.path.length - 1] ?? '');
  const parent = issue.path.length > 1 ? String(issue.path[issue.path.length - 2]) : '';
  const at = (message: string, where = path): FieldProblem => ({ path: where, message });
  const value = valueAt(raw, issue.path);
  if (issue.code === 'custom') {
    if (issue.message === 'notWeekend') return at(P.notWeekend);
    if (issue.message === 'alsoHoliday') return at(P.alsoHoliday);
    if (issue.message === 'counter listed twice') return at(P.counterListedTwice);
    // The session's refine (from < lastNumberAt ≤ to): say which field, with the times.
    const s = value as Partial<ServiceSession> | undefined;
    if (s && typeof s.from === 'string' && typeof s.to === 'string') {
      if (!(s.from < s.to)) return at(fillMessage(P.sessionOrder, { from: s.from, to: s.to }), `${path}.to`);
      return at(
        fillMessage(P.lastNumberOutside, { time: String(s.lastNumberAt), from: s.from, to: s.to }),
        `${path}.lastNumberAt`,
      );
    }
    return at(P.invalid);
  }
  if (issue.code === 'invalid_type' && value === undefined) return at(P.required);
  if (issue.code === 'unrecognized_keys') return at(fillMessage(P.unknownKeys, { keys: issue.keys.join(', ') }));
  if (issue.code === 'too_small' && issue.origin === 'string') return at(P.empty);
  if (issue.code === 'too_big' && issue.origin === 'string')
    return at(fillMessage(P.tooLong, { max: Number(issue.maximum) }));
  if (issue.code === 'too_big' && issue.origin === 'array')
    return at(fillMessage(P.tooMany, { max: Number(issue.maximum) }));
  if (issue.code === 'too_small' && issue.origin === 'number')
    return at(fillMessage(P.tooSmall, { min: Number(issue.minimum) }));
  if (issue.code === 'too_big' && issue.origin === 'number')
    return at(fillMessage(P.tooBig, { max: Number(issue.maximum) }));
  if (issue.code === 'invalid_type' && issue.expected === 'int') return at(P.wholeNumber);
  if (path === 'format') return at(P.format);
  if (TIME_KEYS.has(last)) return at(P.time);
  if (last === 'pin') return at(P.pin);
  if (parent === 'holidays' || parent === 'workingWeekends') return at(P.date);
  if (last === 'publicUrl') return at(P.url);
  if (issue.code === 'invalid_format') return at(P.pattern);
  if (issue.code === 'invalid_type') return at(P.wrongType);
  return at(P.invalid);
}

/**
 * C2: a document as received (a file, the console's form): the setup, or every problem of its
 * shape and across its fields, each with its path and Vietnamese message.
 */
export function parseSetup(raw: unknown): { ok: true; setup: CentreSetup } | { ok: false; problems: FieldProblem[] } {
  const parsed = CentreSetup.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => issueProblem(raw, i)) };
  const problems = setupProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, setup: parsed.data };
}

/** Each later entry whose key an earlier one already has: [index, the first one's index]. */
function duplicates<T>(items: readonly T[], key: (t: T) => string | number): [number, number][] {
  const seen = new Map<string | number, number>();
  const out: [number, number][] = [];
  items.forEach((t, i) => {
    const k = key(t);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else out.push([i, first]);
  });
  return out;
}

/** C3: a weekday's sessions: each in order (from < lastNumberAt ≤ to), none overlapping the one before. */
function sessionProblems(sessions: readonly ServiceSession[], path: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  sessions.forEach((s, j) => {
    const at = `${path}.${j}`;
    if (!(s.from < s.to)) out.push({ path: `${at}.to`, message: fillMessage(P.sessionOrder, s) });
    else if (s.lastNumberAt !== undefined && !(s.from < s.lastNumberAt && s.lastNumberAt <= s.to)) {
      out.push({
        path: `${at}.lastNumberAt`,
        message: fillMessage(P.lastNumberOutside, { time: s.lastNumberAt, from: s.from, to: s.to }),
      });
    }
    const prev = sessions[j - 1];
    if (!prev) return;
    if (s.from < prev.from) {
      out.push({
        path: `${at}.from`,
        message: fillMessage(P.sessionsOutOfOrder, { from: s.from, prevFrom: prev.from }),
      });
    } else if (s.from < prev.to) {
      out.push({
        path: `${at}.from`,
        message: fillMessage(P.sessionsOverlap, { from: s.from, to: s.to, prevFrom: prev.from, prevTo: prev.to }),
      });
    }
  });
  return out;
}

/**
 * C3, C4, C6, C7: every problem across the fields of a document whose shape is right: sessions,
 * unique ids, blocks, names and counter numbers, counters' services, displays' counters.
 */
export function setupProblems(setup: CentreSetup): FieldProblem[] {
  const out: FieldProblem[] = [];
  const { services, counters, officers, displays } = setup;
  // C3: services.
  for (const [i] of duplicates(services, (s) => s.id)) {
    out.push({ path: `services.${i}.id`, message: fillMessage(P.idTaken, { id: services[i]!.id }) });
  }
  for (const [i, first] of duplicates(services, (s) => s.block)) {
    out.push({
      path: `services.${i}.block`,
      message: fillMessage(P.blockTaken, { block: services[i]!.block, other: services[first]!.name }),
    });
  }
  for (const [i, first] of duplicates(services, (s) => nameKey(s.name))) {
    out.push({
      path: `services.${i}.name`,
      message: fillMessage(P.serviceNameTaken, { other: services[first]!.name }),
    });
  }
  services.forEach((s, i) => {
    if (s.closesAt <= s.opensAt) {
      out.push({
        path: `services.${i}.closesAt`,
        message: fillMessage(P.sessionOrder, { from: s.opensAt, to: s.closesAt }),
      });
    }
    s.schedule?.week.forEach((day, d) => out.push(...sessionProblems(day, `services.${i}.schedule.week.${d}`)));
  });
  // C4: counters.
  const serviceIds = new Set(services.map((s) => s.id));
  for (const [i] of duplicates(counters, (c) => c.id)) {
    out.push({ path: `counters.${i}.id`, message: fillMessage(P.idTaken, { id: counters[i]!.id }) });
  }
  for (const [i] of duplicates(counters, (c) => c.number)) {
    out.push({
      path: `counters.${i}.number`,
      message: fillMessage(P.counterNumberTaken, { number: counters[i]!.number }),
    });
  }
  counters.forEach((c, i) => {
    if (c.serviceIds.length === 0) out.push({ path: `counters.${i}.serviceIds`, message: P.counterNoService });
    c.serviceIds.forEach((id, k) => {
      if (!serviceIds.has(id)) {
        out.push({ path: `counters.${i}.serviceIds.${k}`, message: fillMessage(P.counterUnknownService, { id }) });
      }
    });
    for (const [k] of duplicates(c.serviceIds, (id) => id)) {
      out.push({
        path: `counters.${i}.serviceIds.${k}`,
        message: fillMessage(P.counterServiceTwice, { id: c.serviceIds[k]! }),
      });
    }
  });
  // C6: officers.
  for (const [i, first] of duplicates(officers, (o) => nameKey(o.name))) {
    out.push({
      path: `officers.${i}.name`,
      message: fillMessage(P.officerNameTaken, { other: officers[first]!.name }),
    });
  }
  // C7: displays.
  const numbers = new Set(counters.map((c) => c.number));
  for (const [i] of duplicates(displays, (d) => d.id)) {
    out.push({ path: `displays.${i}.id`, message: fillMessage(P.idTaken, { id: displays[i]!.id }) });
  }
  displays.forEach((d, i) =>
    d.config.counters.forEach((n, k) => {
      if (!numbers.has(n)) {
        out.push({
          path: `displays.${i}.config.counters.${k}`,
          message: fillMessage(P.displayUnknownCounter, { number: n }),
        });
      }
    }),
  );
  return out;
}

/** C6: a new officer (no officer of that name yet) must come with a PIN. */
export function newOfficerPinProblems(setup: CentreSetup, existingNames: readonly string[]): FieldProblem[] {
  const known = new Set(existingNames.map(nameKey));
  return setup.officers.flatMap((o, i) =>
    known.has(nameKey(o.name)) || o.pin !== undefined
      ? []
      : [{ path: `officers.${i}.name`, message: P.officerNeedsPin }],
  );
}

// ---------------------------------------------------------------------------------------------
// C8: what applying a document changes.

const sortedKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortedKeys)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, x]) => [k, sortedKeys(x)]),
        )
      : v;
/** Equality of JSON values, key order and undefined fields aside. */
export const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));

const byNumber =
  <T>(key: (t: T) => number) =>
  (a: T, b: T) =>
    key(a) - key(b);
const sortedDays = (days: readonly string[]): string[] => [...new Set(days)].sort();

/** The document in its one order: records by id (officers by name), calendar days sorted once each. */
export function normalizeSetup(setup: CentreSetup): CentreSetup {
  return {
    ...setup,
    services: [...setup.services].sort(byNumber((s) => s.id)),
    counters: [...setup.counters].sort(byNumber((c) => c.id)),
    officers: [...setup.officers].sort((a, b) =>
      nameKey(a.name) < nameKey(b.name) ? -1 : nameKey(a.name) > nameKey(b.name) ? 1 : 0,
    ),
    displays: [...setup.displays].sort(byNumber((d) => d.id)),
    calendar: {
      holidays: sortedDays(setup.calendar.holidays),
      workingWeekends: sortedDays(setup.calendar.workingWeekends),
    },
  };
}

export type ChangeOp = 'added' | 'changed' | 'removed';
interface Change<K extends string, T, Key extends string | number> {
  kind: K;
  op: ChangeOp;
  /** The record's id (an officer: the name, case and spacing aside; the centre: the field). */
  key: Key;
  before: T | null;
  after: T | null;
  /** The change in Vietnamese, as the console, `luot setup apply` and the audit log say it. */
  text: string;
}
export type SetupChange =
  | Change<'centre', unknown, string>
  | Change<'service', Service, number>
  | Change<'counter', CounterSetup, number>
  | Change<'officer', OfficerSetup, string>
  | Change<'display', DisplaySetupEntry, number>
  | Change<'calendar', WorkingCalendar, 'calendar'>;

const aspects = (names: string[]): string => names.map((n) => AS[n] ?? n).join(', ');
const changedFields = <T extends object>(a: T, b: T, groups: Record<string, (keyof T)[]>): string[] =>
  Object.entries(groups)
    .filter(([, keys]) => keys.some((k) => !sameJson(a[k], b[k])))
    .map(([name]) => name);

/** Added, changed and removed records of one kind, matched by key. */
function diffRecords<T, Key extends string | number>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => Key,
  same: (a: T, b: T) => boolean,
): { op: ChangeOp; key: Key; before: T | null; after: T | null }[] {
  const old = new Map(before.map((t) => [key(t), t]));
  const now = new Map(after.map((t) => [key(t), t]));
  const out: { op: ChangeOp; key: Key; before: T | null; after: T | null }[] = [];
  for (const [k, a] of old) {
    const b = now.get(k);
    if (b === undefined) out.push({ op: 'removed', key: k, before: a, after: null });
    else if (!same(a, b)) out.push({ op: 'changed', key: k, before: a, after: b });
  }
  for (const [k, b] of now) if (!old.has(k)) out.push({ op: 'added', key: k, before: null, after: b });
  return out;
}

const SERVICE_ASPECTS: Record<string, (keyof Service)[]> = {
  name: ['name'],
  nameEn: ['nameEn'],
  field: ['field'],
  block: ['block'],
  hours: ['opensAt', 'closesAt', 'schedule'],
};
const COUNTER_ASPECTS: Record<string, (keyof CounterSetup)[]> = {
  number: ['number'],
  name: ['name'],
  services: ['serviceIds'],
};
const officerState = (o: OfficerSetup) => ({ name: o.name, disabled: o.disabled });

/**
 * C8: what turns `current` into `desired`, one Vietnamese line each: the centre's fields, each
 * service, counter, officer (by name, case and spacing aside) and display added, changed or
 * removed, and the calendar. An existing officer's PIN is never a change (only a new officer's
 * is read, C6). `diffSetup(x, x)` is empty.
 */
export function diffSetup(current: CentreSetup, desired: CentreSetup): SetupChange[] {
  const out: SetupChange[] = [];
  const a = normalizeSetup(current);
  const b = normalizeSetup(desired);
  const centreKeys = [...new Set([...Object.keys(a.centre), ...Object.keys(b.centre)])] as (keyof CentreSettings)[];
  for (const field of centreKeys) {
    const [x, y] = [a.centre[field], b.centre[field]];
    if (sameJson(x, y)) continue;
    out.push({
      kind: 'centre',
      op: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed',
      key: field,
      before: x ?? null,
      after: y ?? null,
      text: fillMessage(CH.centreChanged, { what: aspects([field]) }),
    });
  }
  for (const c of diffRecords(a.services, b.services, (s) => s.id, sameJson)) {
    const s = (c.after ?? c.before)!;
    const what = c.before && c.after ? changedFields(c.before, c.after, SERVICE_ASPECTS) : [];
    const text =
      c.op === 'added'
        ? fillMessage(CH.serviceAdded, { name: s.name, block: s.block })
        : c.op === 'removed'
          ? fillMessage(CH.serviceRemoved, { name: s.name, block: s.block })
          : what.length === 1 && what[0] === 'hours'
            ? fillMessage(CH.serviceHours, { name: c.before!.name })
            : fillMessage(CH.serviceChanged, { name: c.before!.name, what: aspects(what) });
    out.push({ kind: 'service', ...c, text });
  }
  for (const c of diffRecords(a.counters, b.counters, (x) => x.id, sameJson)) {
    const x = (c.before ?? c.after)!;
    const text =
      c.op === 'added'
        ? fillMessage(CH.counterAdded, { number: x.number, name: x.name })
        : c.op === 'removed'
          ? fillMessage(CH.counterRemoved, { number: x.number, name: x.name })
          : fillMessage(CH.counterChanged, {
              number: x.number,
              what: aspects(changedFields(c.before!, c.after!, COUNTER_ASPECTS)),
            });
    out.push({ kind: 'counter', ...c, text });
  }
  const officerChanges = diffRecords(
    a.officers,
    b.officers,
    (o) => nameKey(o.name),
    (x, y) => sameJson(officerState(x), officerState(y)),
  );
  for (const c of officerChanges) {
    const name = (c.after ?? c.before)!.name;
    const text =
      c.op === 'added'
        ? fillMessage(CH.officerAdded, { name })
        : c.op === 'removed'
          ? fillMessage(CH.officerRemoved, { name })
          : c.before!.disabled !== c.after!.disabled
            ? fillMessage(c.after!.disabled ? CH.officerDisabled : CH.officerEnabled, { name: c.before!.name })
            : fillMessage(CH.officerRenamed, { before: c.before!.name, name });
    // An existing officer's PIN is not part of the change (C6).
    const after = c.op === 'added' ? c.after : c.after && c.before ? { ...c.after, pin: c.before.pin } : c.after;
    if (after && after.pin === undefined) delete after.pin;
    out.push({ kind: 'officer', ...c, after, text });
  }
  for (const c of diffRecords(a.displays, b.displays, (d) => d.id, sameJson)) {
    const d = (c.before ?? c.after)!;
    const what =
      c.before && c.after
        ? [
            ...(c.before.name === c.after.name ? [] : ['name']),
            ...changedFields(c.before.config, c.after.config, {
              counters: ['counters'],
              orientation: ['orientation'],
              notice: ['notice'],
              dossierPanel: ['dossierPanel'],
            }),
          ]
        : [];
    const text =
      c.op === 'added'
        ? fillMessage(CH.displayAdded, { name: d.name })
        : c.op === 'removed'
          ? fillMessage(CH.displayRemoved, { name: d.name })
          : fillMessage(CH.displayChanged, { name: d.name, what: aspects(what) });
    out.push({ kind: 'display', ...c, text });
  }
  if (!sameJson(a.calendar, b.calendar)) {
    out.push({
      kind: 'calendar',
      op: 'changed',
      key: 'calendar',
      before: a.calendar,
      after: b.calendar,
      text: fillMessage(CH.calendarChanged, {
        holidays: b.calendar.holidays.length,
        workingWeekends: b.calendar.workingWeekends.length,
      }),
    });
  }
  return out;
}

/** Puts a record in place of its key's (or removes it, or adds it). */
function applyTo<T, Key>(list: readonly T[], key: (t: T) => Key, c: { key: Key; after: T | null }): T[] {
  const rest = list.filter((t) => key(t) !== c.key);
  return c.after === null ? rest : [...rest, c.after];
}

/** C8: the document the changes make of `current` (the pure model of what the hub applies). */
export function applySetupChanges(current: CentreSetup, changes: readonly SetupChange[]): CentreSetup {
  let s = normalizeSetup(current);
  for (const c of changes) {
    switch (c.kind) {
      case 'centre': {
        const centre = { ...s.centre } as Record<string, unknown>;
        if (c.after === null) delete centre[c.key];
        else centre[c.key] = c.after;
        s = { ...s, centre: centre as CentreSettings };
        break;
      }
      case 'service':
        s = { ...s, services: applyTo(s.services, (x) => x.id, c) };
        break;
      case 'counter':
        s = { ...s, counters: applyTo(s.counters, (x) => x.id, c) };
        break;
      case 'officer':
        s = { ...s, officers: applyTo(s.officers, (x) => nameKey(x.name), c) };
        break;
      case 'display':
        s = { ...s, displays: applyTo(s.displays, (x) => x.id, c) };
        break;
      case 'calendar':
        s = { ...s, calendar: c.after! };
        break;
    }
  }
  return normalizeSetup(s);
}
