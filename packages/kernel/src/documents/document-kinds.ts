import { documentKindsOf, type DocumentKind, type ModuleDefinition } from '../define-module';
import { AppError } from '../errors';

/** The platform's own numbering when a kind names none: one sequence per numbering unit and year (赣章文〔2026〕1号). */
export const DEFAULT_DOCUMENT_NUMBER = '{abbr}文〔{year}〕{seq}号';

export type DeclaredDocumentKind = DocumentKind & { module: string };

// The kinds of the registered modules, installed at boot beside the deadline catalogue (platform app.ts).
let declared = new Map<string, DeclaredDocumentKind>();

/** Sets the catalogue of document kinds from the registered modules (at boot). */
export function installDocumentKinds(modules: readonly ModuleDefinition[]): void {
  declared = new Map(documentKindsOf(modules).map((k) => [k.kind, k]));
}

/**
 * The declared kind a matter of `module` may issue: its own module's kinds only, so one line cannot issue under
 * another's name or number format. Refuses an undeclared kind with the list the module has.
 */
export function documentKindFor(module: string, kind: string): DeclaredDocumentKind {
  const k = declared.get(kind);
  if (k && k.module === module) return k;
  const known = [...declared.values()].filter((d) => d.module === module).map((d) => `${d.kind}（${d.nameZh}）`);
  throw new AppError('DOCUMENT_KIND_UNKNOWN', { kind, known: known.length ? known.join('、') : '无' });
}

/** The number template of a declared kind. */
export const documentNumberTemplate = (k: DocumentKind) => k.number ?? DEFAULT_DOCUMENT_NUMBER;
