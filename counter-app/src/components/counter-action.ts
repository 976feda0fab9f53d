/**
 * One button of the action bar, with its keyboard shortcuts. In a .ts file rather than exported from
 * ActionBar.vue: type-aware tools other than vue-tsc see a .vue module only through its `*.vue` shim.
 */
export interface CounterAction {
  id: string;
  /** The letter key, shown on the button. */
  key: string;
  /** The function key a USB caller keypad sends. */
  fkey: string;
  label: string;
  enabled: boolean;
  primary?: boolean;
  run(): unknown;
}
