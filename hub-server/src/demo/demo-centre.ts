import type { CentreSetupInput } from '@luot/shared';
import demoSetupJson from './demo-setup.json';

/**
 * The demo centre as a setup document (C8): a commune centre as the reform left them — five
 * fields, six counters, two screens, six officers, Vietnam's holidays of 2026–2027. It takes
 * numbers at any hour of any working day, so `npm start` works at night and at weekends (Q23); a
 * real centre's sessions are its own (e.g. 07:30–11:30 and 13:30–17:00 on weekdays).
 */
export const DEMO_SETUP: CentreSetupInput = demoSetupJson as CentreSetupInput;

/** Demo officers (as in the document); every demo PIN is 1234. */
export const DEMO_OFFICERS = DEMO_SETUP.officers.map((o) => o.name);
export const DEMO_PIN = '1234';

/** The demo's admin password (G7), printed by `luot start --demo`; a real centre sets its own at first start. */
export const DEMO_ADMIN_PASSWORD = 'luot-demo-2026';
