/** Vietnamese messages of the admin part (merged into `vi.admin`). */
export const adminVi = {
  title: 'Quản trị',
};
