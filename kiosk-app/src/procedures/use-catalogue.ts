import { buildProcedureIndex, ProcedureList, type ProcedureIndex, type ProcedureSummary } from '@luot/shared';
import { shallowRef } from 'vue';

export type CatalogueState =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; index: ProcedureIndex<ProcedureSummary>; fields: string[] };

/**
 * R9: the centre's catalogue, read once each time the citizen opens "Tra cứu thủ tục" (one public
 * request), and its search index built then: every keystroke searches in the page (R6, R10).
 */
export function useCatalogue() {
  const state = shallowRef<CatalogueState>({ kind: 'loading' });
  async function load(): Promise<void> {
    state.value = { kind: 'loading' };
    try {
      const res = await fetch('/api/procedures');
      if (!res.ok) throw new Error(String(res.status));
      const list = ProcedureList.parse(await res.json());
      const index = buildProcedureIndex(list.procedures);
      // Fields in the order the browse list gives them (by field, folded).
      const fields = [...new Set(index.search('', list.procedures.length).map((h) => h.item.field))];
      state.value = { kind: 'ready', index, fields };
    } catch {
      state.value = { kind: 'failed' };
    }
  }
  return { state, load };
}
