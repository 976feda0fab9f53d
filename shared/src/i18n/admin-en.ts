import type { adminVi } from './admin-vi';

/** English messages of the admin part (merged into `en.admin`). */
export const adminEn = {
  title: 'Administration',
} satisfies typeof adminVi;
