import { z } from 'zod';
import { DEFAULT_TEXT_MAX, illFormedCharacter } from '../shared/common';

// What every route accepts as text, enforced where requests are validated (the app's validator compiler) so a
// module cannot forget it (ADR 0017):
//   - no NUL byte and no unpaired UTF-16 surrogate anywhere in a body, query or path (PostgreSQL cannot store them:
//     they used to fail in the database as 500s), object keys included;
//   - a string field without its own `.max(n)` gets DEFAULT_TEXT_MAX; a field that needs more declares it.

export interface IllFormedText {
  /** Where in the request part, e.g. ['parties', 0, 'name']; a key's own text is reported at the key. */
  path: (string | number)[];
  reason: 'nul' | 'surrogate';
}

/** The first string (or object key) in a parsed request part that PostgreSQL could not store, if any. */
export function findIllFormedText(value: unknown, path: (string | number)[] = [], depth = 0): IllFormedText | undefined {
  if (typeof value === 'string') {
    const bad = illFormedCharacter(value);
    return bad ? { path, reason: bad } : undefined;
  }
  // JSON bodies are bounded by the body limit; the depth guard only keeps a pathological nesting off the stack.
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    const bad = illFormedCharacter(key);
    if (bad) return { path: [...path, key], reason: bad };
    const found = findIllFormedText(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

export const ILL_FORMED_TEXT_MESSAGE: Record<IllFormedText['reason'], string> = {
  nul: '含有空字符 (U+0000)，无法保存：请删除后重新输入或粘贴',
  surrogate: '含有残缺的 Unicode 字符 (不成对的代理项)，无法保存：请删除后重新输入或粘贴',
};

type AnySchema = z.ZodType;
type Def = Record<string, unknown> & { type: string };

const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;
const isSchema = (v: unknown): v is AnySchema => typeof v === 'object' && v !== null && '_zod' in v;
// String formats whose own pattern bounds the length (a uuid, a date): a default maximum would only add noise.
const BOUNDED_FORMATS = new Set([
  'uuid',
  'guid',
  'date',
  'datetime',
  'time',
  'duration',
  'ipv4',
  'ipv6',
  'cidrv4',
  'cidrv6',
  'e164',
  'ulid',
  'cuid',
  'cuid2',
  'nanoid',
]);

const hardened = new WeakMap<AnySchema, AnySchema>();

/** A copy of `schema` keeping its description (the API document reads it from the registry of the original). */
function cloneWith(schema: AnySchema, def: Def): AnySchema {
  const copy = (schema as unknown as { clone(def: Def): AnySchema }).clone(def);
  const meta = z.globalRegistry.get(schema);
  if (meta) {
    const { id: _id, ...rest } = meta;
    z.globalRegistry.add(copy, rest);
  }
  return copy;
}

function hardenString(schema: AnySchema, def: Def): AnySchema {
  const checks = (def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? [];
  const bounded = checks.some((c) => c._zod.def.check === 'max_length' || c._zod.def.check === 'length_equals');
  if (bounded || (typeof def.format === 'string' && BOUNDED_FORMATS.has(def.format))) return schema;
  return (schema as z.ZodString).max(DEFAULT_TEXT_MAX, `内容过长：最多 ${DEFAULT_TEXT_MAX} 个字`);
}

/**
 * The input schema of a route as the app validates it: every string without its own maximum gets
 * DEFAULT_TEXT_MAX. The original is left alone (it may also describe a response, where no limit applies);
 * copies are made only where something changed, and remembered per schema.
 */
export function hardenInput<T extends AnySchema>(schema: T): T {
  return hardenAny(schema) as T;
}

function hardenAny(schema: AnySchema): AnySchema {
  const known = hardened.get(schema);
  if (known) return known;
  const def = defOf(schema);
  // A recursive schema meets itself again while being copied: the inner reference stays as it was.
  hardened.set(schema, schema);
  let out = schema;
  const swap = (changes: Record<string, unknown>) => {
    out = cloneWith(schema, { ...def, ...changes });
  };
  switch (def.type) {
    case 'string':
      out = hardenString(schema, def);
      break;
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const next: Record<string, AnySchema> = {};
      let changed = false;
      for (const [k, v] of Object.entries(shape)) {
        next[k] = hardenAny(v);
        changed ||= next[k] !== v;
      }
      const catchall = isSchema(def.catchall) ? hardenAny(def.catchall) : def.catchall;
      if (changed || catchall !== def.catchall) swap({ shape: next, catchall });
      break;
    }
    case 'array':
      swapIfChanged(def, ['element'], swap);
      break;
    case 'union':
      if (Array.isArray(def.options)) {
        const options = (def.options as AnySchema[]).map(hardenAny);
        if (options.some((o, i) => o !== (def.options as AnySchema[])[i])) swap({ options });
      }
      break;
    case 'tuple': {
      const items = (def.items as AnySchema[]).map(hardenAny);
      const rest = isSchema(def.rest) ? hardenAny(def.rest) : def.rest;
      if (rest !== def.rest || items.some((o, i) => o !== (def.items as AnySchema[])[i])) swap({ items, rest });
      break;
    }
    case 'lazy': {
      const getter = def.getter as () => AnySchema;
      out = cloneWith(schema, { ...def, getter: () => hardenAny(getter()) });
      break;
    }
    case 'intersection':
      swapIfChanged(def, ['left', 'right'], swap);
      break;
    case 'pipe':
      swapIfChanged(def, ['in', 'out'], swap);
      break;
    case 'record':
      swapIfChanged(def, ['keyType', 'valueType'], swap);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      swapIfChanged(def, ['innerType'], swap);
      break;
    default:
      break;
  }
  hardened.set(schema, out);
  hardened.set(out, out);
  return out;
}

function swapIfChanged(def: Def, keys: string[], swap: (changes: Record<string, unknown>) => void) {
  const changes: Record<string, unknown> = {};
  for (const k of keys) {
    const v = def[k];
    if (!isSchema(v)) continue;
    const h = hardenAny(v);
    if (h !== v) changes[k] = h;
  }
  if (Object.keys(changes).length) swap(changes);
}

/**
 * What the app validates a request part with: well-formed text first (anywhere, keys too, even under
 * `z.unknown()`), then the hardened schema. Only for validation: the API document shows `hardenInput(schema)`.
 */
export function requestSchemaOf<T extends AnySchema>(schema: T): z.ZodType<z.output<T>> {
  const wellFormed = z.unknown().superRefine((value, ctx) => {
    const bad = findIllFormedText(value);
    if (bad) ctx.addIssue({ code: 'custom', path: bad.path, message: ILL_FORMED_TEXT_MESSAGE[bad.reason], params: { reason: bad.reason } });
  });
  return wellFormed.pipe(hardenInput(schema));
}
