import type { pairingVi } from './pairing-vi';

/** English messages of the pairing part (merged into `en.pairing`). */
export const pairingEn = {
  title: 'Device pairing',
} satisfies typeof pairingVi;
