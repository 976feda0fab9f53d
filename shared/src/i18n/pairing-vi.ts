/** Vietnamese messages of the pairing part (merged into `vi.pairing`). */
export const pairingVi = {
  title: 'Ghép nối thiết bị',
};
