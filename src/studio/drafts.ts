/** Drafts saved in this browser (localStorage), by name, plus the text being edited so a reload keeps it. */
export const DRAFTS_KEY = "dealcraft.studio.drafts";
export const CURRENT_KEY = "dealcraft.studio.current";

export interface Draft {
  text: string;
  savedAt: number;
}

export function listDrafts(storage: Storage): Record<string, Draft> {
  try {
    const doc = JSON.parse(storage.getItem(DRAFTS_KEY) ?? "null") as { version?: number; drafts?: Record<string, unknown> } | null;
    if (!doc || doc.version !== 1 || !doc.drafts || typeof doc.drafts !== "object") return {};
    const out: Record<string, Draft> = {};
    for (const [name, d] of Object.entries(doc.drafts)) {
      const draft = d as Partial<Draft>;
      if (typeof draft?.text === "string" && typeof draft.savedAt === "number") out[name] = { text: draft.text, savedAt: draft.savedAt };
    }
    return out;
  } catch {
    return {};
  }
}

function write(storage: Storage, drafts: Record<string, Draft>): boolean {
  try {
    storage.setItem(DRAFTS_KEY, JSON.stringify({ version: 1, drafts }));
    return true;
  } catch {
    return false;
  }
}

export function saveDraft(storage: Storage, name: string, text: string): boolean {
  return write(storage, { ...listDrafts(storage), [name]: { text, savedAt: Date.now() } });
}

export function deleteDraft(storage: Storage, name: string): void {
  const drafts = listDrafts(storage);
  delete drafts[name];
  write(storage, drafts);
}

export function keepCurrent(storage: Storage, text: string): void {
  try {
    storage.setItem(CURRENT_KEY, text);
  } catch {
    // the explicit save reports storage problems; the silent keep does not nag
  }
}
