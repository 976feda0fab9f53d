/** Vietnamese messages of the setup part (merged into `vi.setup`). */
export const setupVi = {
  title: 'Thiết lập trung tâm',
};
