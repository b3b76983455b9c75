/** A wizard's saved place: the step it was on and what was typed. */
export interface WizardDraft<V> {
  step: number;
  values: V;
}

/** One key per service; inside it, one draft per citizen (account id), so two people sharing a phone keep theirs apart. */
export const draftStorageKey = (service: string): string => `sifa.portal.${service}`;

type DraftsByCitizen = Record<string, WizardDraft<unknown>>;

const isDraft = (d: unknown): d is WizardDraft<unknown> =>
  typeof d === 'object' && d !== null && 'step' in d && typeof d.step === 'number' && 'values' in d && typeof d.values === 'object' && d.values !== null;

function readAll(service: string): { drafts: DraftsByCitizen; legacy?: WizardDraft<unknown> } {
  try {
    const raw = localStorage.getItem(draftStorageKey(service));
    if (!raw) return { drafts: {} };
    const parsed = JSON.parse(raw) as unknown;
    // before drafts were kept per citizen the key held one draft for the device: whoever opens the form next gets it
    if (isDraft(parsed)) return { drafts: {}, legacy: parsed };
    if (typeof parsed !== 'object' || parsed === null) return { drafts: {} };
    const kept = Object.entries(parsed).filter((e): e is [string, WizardDraft<unknown>] => isDraft(e[1]));
    return { drafts: Object.fromEntries(kept) };
  } catch {
    return { drafts: {} };
  }
}

function writeAll(service: string, drafts: DraftsByCitizen): void {
  try {
    if (Object.keys(drafts).length === 0) localStorage.removeItem(draftStorageKey(service));
    else localStorage.setItem(draftStorageKey(service), JSON.stringify(drafts));
  } catch {
    // private mode or storage full: the draft lasts as long as the page
  }
}

/** The draft of `citizenId` for `service`, if one was saved on this device. */
export function loadWizardDraft<V>(service: string, citizenId: string): WizardDraft<V> | undefined {
  const { drafts, legacy } = readAll(service);
  return (drafts[citizenId] ?? legacy) as WizardDraft<V> | undefined;
}

/** Saves the draft of `citizenId` for `service`, leaving other citizens' drafts as they are. */
export function saveWizardDraft<V>(service: string, citizenId: string, draft: WizardDraft<V>): void {
  const { drafts } = readAll(service);
  writeAll(service, { ...drafts, [citizenId]: draft });
}

/** Forgets the draft of `citizenId` for `service` (submitted, or started over); the key goes when no draft is left. */
export function removeWizardDraft(service: string, citizenId: string): void {
  const { drafts } = readAll(service);
  const { [citizenId]: _gone, ...rest } = drafts;
  writeAll(service, rest);
}
