import type { setupVi } from './setup-vi';

/** English messages of the setup part (merged into `en.setup`). */
export const setupEn = {
  title: 'Centre setup',
} satisfies typeof setupVi;
