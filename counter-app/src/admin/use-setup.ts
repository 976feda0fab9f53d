/**
 * The admin console's one way to edit the centre (SPEC C8): the setup document is read once
 * (and again on every `centre:changed`), each page edits a copy of one section, and Save sends the
 * whole document with that section replaced. A refusal (SETUP_INVALID) comes back as field
 * problems keyed by the field's path in the document; a page's FormField shows the ones under its path.
 */
import type { CentreSetup, FieldProblem } from '@luot/shared';
import { HubError, type HubConnection } from '@luot/shared/client/connection';
import { computed, inject, onScopeDispose, provide, reactive, ref, watch, type InjectionKey, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';

export type SetupSection = Exclude<keyof CentreSetup, 'format'>;

/** The document as the hub last answered it, shared by every page of the console. */
export interface SetupStore {
  hub: HubConnection;
  doc: Ref<CentreSetup | null>;
  loadError: Ref<string | null>;
  reload(): Promise<void>;
  /** Sends a whole document; the store takes the hub's answer. */
  apply(setup: CentreSetup): Promise<string[]>;
}

const STORE: InjectionKey<SetupStore> = Symbol('setup-store');
const EDITOR: InjectionKey<FieldProblems> = Symbol('section-editor');

/** A deep copy of plain JSON data (also of Vue's reactive proxies, which structuredClone refuses). */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The text of any failure, in the console's words. */
export function useFailureText(): (e: unknown) => string {
  const { t } = useI18n();
  return (e) => (e instanceof HubError ? t(`errors.${e.code}`) : t('errors.INTERNAL'));
}

/** Called once, by the console's root: reads the document now and whenever the hub says it changed. */
export function provideSetupStore(hub: HubConnection): SetupStore {
  const doc = ref<CentreSetup | null>(null);
  const loadError = ref<string | null>(null);
  const failureText = useFailureText();
  async function reload(): Promise<void> {
    try {
      doc.value = await hub.request('setup:get', {});
      loadError.value = null;
    } catch (e) {
      loadError.value = failureText(e);
    }
  }
  async function apply(setup: CentreSetup): Promise<string[]> {
    const answer = await hub.request('setup:apply', { setup });
    doc.value = answer.setup;
    return answer.changes;
  }
  const onChanged = (): void => void reload();
  hub.socket.on('centre:changed', onChanged);
  hub.socket.on('connect', onChanged);
  onScopeDispose(() => {
    hub.socket.off('centre:changed', onChanged);
    hub.socket.off('connect', onChanged);
  });
  if (hub.socket.connected) void reload();
  const store: SetupStore = { hub, doc, loadError, reload, apply };
  provide(STORE, store);
  return store;
}

export function useSetupStore(): SetupStore {
  const store = inject(STORE);
  if (!store) throw new Error('useSetupStore outside AdminConsole');
  return store;
}

/** What a FormField needs: the messages for the fields at and under a path. */
export interface FieldProblems {
  problemsAt(path: string): string[];
  /** A field shows its path's messages while on screen; returns how to say it is gone. */
  shows(path: string): () => void;
}

export function useFieldProblems(): FieldProblems | null {
  return inject(EDITOR, null);
}

const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(prefix + '.');

export interface SectionEditor<K extends SetupSection> extends FieldProblems {
  store: SetupStore;
  /** The page's copy of its section; null until the document is read. */
  draft: Ref<CentreSetup[K] | null>;
  dirty: Ref<boolean>;
  saving: Ref<boolean>;
  /** The hub's lines for the last save (empty: nothing changed); null before a save. */
  changes: Ref<string[] | null>;
  /** Why the last save failed ("nothing was saved"), or null. */
  failure: Ref<string | null>;
  problems: Ref<FieldProblem[]>;
  /** Problems no field on screen shows (another section's, another service's), for the save bar. */
  otherProblems: Ref<FieldProblem[]>;
  save(): Promise<boolean>;
  /** Changes the copy with `edit` and saves at once (a button such as "disable"); refused, the copy is undone. */
  saveNow(edit: (draft: CentreSetup[K]) => void): Promise<boolean>;
  undo(): void;
}

/** What the save bar shows and does, whatever the section. */
export type SaveState = Pick<
  SectionEditor<SetupSection>,
  'dirty' | 'saving' | 'changes' | 'failure' | 'otherProblems' | 'save' | 'undo'
>;

export interface SectionOptions<K extends SetupSection> {
  /** The whole document to send, from the latest one and the page's copy (default: the copy in its place). */
  compose?: (base: CentreSetup, draft: CentreSetup[K]) => CentreSetup;
}

/**
 * One page's editor of one section. While the copy is untouched it follows the document (another
 * admin's change, a `luot setup apply`); once edited it is the page's until saved or undone.
 */
export function useSectionEditor<K extends SetupSection>(
  section: K,
  options: SectionOptions<K> = {},
): SectionEditor<K> {
  const store = useSetupStore();
  const failureText = useFailureText();
  const { t } = useI18n();
  const draft = ref(null) as Ref<CentreSetup[K] | null>;
  const saving = ref(false);
  const changes = ref<string[] | null>(null);
  const failure = ref<string | null>(null);
  const problems = ref<FieldProblem[]>([]);
  const original = computed(() => (store.doc.value ? JSON.stringify(store.doc.value[section]) : null));
  const dirty = computed(() => draft.value !== null && JSON.stringify(draft.value) !== original.value);

  watch(
    original,
    (now, before) => {
      if (!store.doc.value) return;
      // Untouched means equal to the document as it was before this change.
      const untouched = draft.value === null || JSON.stringify(draft.value) === (before ?? now);
      if (untouched) draft.value = copy(store.doc.value[section]);
    },
    { immediate: true },
  );
  // Editing again clears the last save's confirmation.
  watch(
    draft,
    () => {
      if (dirty.value) changes.value = null;
    },
    { deep: true },
  );

  async function save(): Promise<boolean> {
    const base = store.doc.value;
    if (!base || draft.value === null || saving.value) return false;
    saving.value = true;
    failure.value = null;
    problems.value = [];
    try {
      const body = options.compose
        ? options.compose(copy(base), copy(draft.value))
        : { ...copy(base), [section]: copy(draft.value) };
      changes.value = await store.apply(body);
      draft.value = copy(store.doc.value![section]);
      return true;
    } catch (e) {
      changes.value = null;
      problems.value = e instanceof HubError ? (e.fields ?? []) : [];
      failure.value = [
        failureText(e),
        e instanceof HubError && e.code === 'SETUP_INVALID' ? '' : t('admin.save.notSaved'),
      ]
        .filter(Boolean)
        .join(' ');
      return false;
    } finally {
      saving.value = false;
    }
  }

  async function saveNow(edit: (d: CentreSetup[K]) => void): Promise<boolean> {
    if (draft.value === null) return false;
    edit(draft.value);
    const saved = await save();
    // Refused: the copy goes back to the document; the messages stay.
    if (!saved && store.doc.value) draft.value = copy(store.doc.value[section]);
    return saved;
  }

  function undo(): void {
    if (store.doc.value) draft.value = copy(store.doc.value[section]);
    problems.value = [];
    failure.value = null;
  }

  const problemsAt = (path: string): string[] =>
    problems.value.filter((p) => under(p.path, path)).map((p) => p.message);
  /** The paths of the fields on screen, each with how many fields show it. */
  const shown = reactive(new Map<string, number>());
  function shows(path: string): () => void {
    shown.set(path, (shown.get(path) ?? 0) + 1);
    return () => {
      const n = (shown.get(path) ?? 1) - 1;
      if (n > 0) shown.set(path, n);
      else shown.delete(path);
    };
  }
  const otherProblems = computed(() =>
    problems.value.filter((p) => ![...shown.keys()].some((path) => under(p.path, path))),
  );

  const editor: SectionEditor<K> = {
    store,
    draft,
    dirty,
    saving,
    changes,
    failure,
    problems,
    otherProblems,
    save,
    saveNow,
    undo,
    problemsAt,
    shows,
  };
  provide(EDITOR, editor);
  return editor;
}

/**
 * What a page reads from the hub besides the document (officer:list, device:list): read now and
 * again whenever the document changes, as such a change is what changes it.
 */
export function useLiveList<T>(read: () => Promise<T[]>): {
  items: Ref<T[]>;
  error: Ref<string | null>;
  reload: () => Promise<void>;
} {
  const failureText = useFailureText();
  const items = ref([]) as Ref<T[]>;
  const error = ref<string | null>(null);
  async function reload(): Promise<void> {
    try {
      items.value = await read();
      error.value = null;
    } catch (e) {
      error.value = failureText(e);
    }
  }
  watch(useSetupStore().doc, () => void reload(), { immediate: true });
  return { items, error, reload };
}
