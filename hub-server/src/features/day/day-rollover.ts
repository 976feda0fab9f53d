import { localDate, nextLocalMidnight, type Clock } from '@luot/shared';
import type { Logger } from 'pino';
import type { HubEvent } from '../../realtime/notifier';
import type { DisplayService } from '../display/display-service';
import type { DossierService } from '../dossiers/dossier-service';
import type { QueueService } from '../queue/queue-service';

const HOUR_MS = 60 * 60 * 1000;

export interface DayRolloverDeps {
  clock: Clock;
  queue: QueueService;
  display: DisplayService;
  dossiers: DossierService;
  publish(events: readonly HubEvent[]): void;
  logger: Logger;
  /** How soon a failed close is tried again (Q15). */
  retryMs?: number;
}

/**
 * Q8, Q15: the day closes at 00:00 Asia/Ho_Chi_Minh even when nobody acts, and the screens are
 * told. A close that fails (a busy or full database) is logged and tried again until it commits;
 * the day counts as changed only after the commit. Returns the function that stops the timer.
 */
export function startDayRollover(deps: DayRolloverDeps): () => void {
  const { clock, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  /** The day the wall's "this month / this year" panel was last drawn for. */
  let panelDay = localDate(clock.now());

  const arm = (delay: number): void => {
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  const untilMidnight = (): number =>
    Math.min(HOUR_MS, Math.max(1000, nextLocalMidnight(clock.now()) - clock.now() + 1000));

  function tick(): void {
    try {
      const events: HubEvent[] = deps.queue.rollover() ? deps.display.dayClosed() : [];
      const day = localDate(clock.now());
      if (day !== panelDay) events.push(['dossiersUpdated', deps.dossiers.panel()]);
      panelDay = day;
      deps.publish(events);
    } catch (e) {
      logger.error({ err: e }, 'closing the day failed; trying again');
      return arm(deps.retryMs ?? 5000);
    }
    arm(untilMidnight());
  }

  arm(untilMidnight());
  return () => clearTimeout(timer);
}
