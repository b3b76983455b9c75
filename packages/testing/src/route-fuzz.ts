import fc from 'fast-check';

// Requests generated from the app's own OpenAPI document (property tests over every route's schemas): mostly
// values the schema allows — ids and codes that exist, so the handlers run past their lookups — mixed with text
// that broke the server before (NUL, unpaired surrogates, markup, over-long strings) and values just outside the
// bounds. The route fuzz test (apps/server/test/route-fuzz.test.ts) asserts that none of them gets a 5xx.

/** The part of JSON Schema the API document uses (zod's `toJSONSchema`, draft 2020-12 / OpenAPI 3.1). */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface ApiOperation {
  method: string;
  /** As the document writes it: /api/disputes/{id} */
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: OpenApiDocument): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  return out;
}

/** Values found in the app's answers: real ids and codes, so generated requests reach past "not found". */
export interface FuzzPools {
  uuids: string[];
  /** Other short strings seen (codes, numbers, names), tried against a string's pattern. */
  words: string[];
  /** The ids a list answered, by the list's path: `/api/x/{id}…` takes those of `/api/x` first. */
  idsByPath?: Record<string, string[]>;
  /** Values to try for a body field of that name (an ID number with its check digit, a phone number). */
  fieldHints?: Record<string, unknown[]>;
}

/** The `id`s of the records a list answered (`items[].id`, or a top-level array's, or a tree's `children`). */
export function listedIds(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 6) return out;
  const rows = Array.isArray(value) ? value : value && typeof value === 'object' && 'items' in value ? value.items : undefined;
  if (!Array.isArray(rows)) return out;
  for (const r of rows) {
    if (!r || typeof r !== 'object') continue;
    const { id, children } = r as { id?: unknown; children?: unknown };
    if (typeof id === 'string' && UUID.test(id)) out.push(id);
    if (children) listedIds(children, out, depth + 1);
  }
  return out;
}

/** Collects ids and short strings from a JSON answer into `pools` (no duplicates). */
export function harvest(value: unknown, pools: FuzzPools, seen = new Set<string>()): void {
  if (typeof value === 'string') {
    if (seen.has(value) || value.length > 80) return;
    seen.add(value);
    if (UUID.test(value)) pools.uuids.push(value);
    else pools.words.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value.slice(0, 50)) harvest(v, pools, seen);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) harvest(v, pools, seen);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text that broke servers before: ill-formed Unicode, markup, SQL and LIKE metacharacters, direction marks. */
export const HOSTILE_TEXT = [
  '\u0000',
  '调解\u0000书',
  '\ud800',
  'a\udfffb',
  '\udc00\ud800',
  '😀𠀀',
  '<img src=x onerror=alert(1)>',
  '<style onload=alert(1)></style>',
  "'; drop table kernel.users; --",
  '%_\\',
  '\u202e\u200b',
  ' ',
  '',
  '../../etc/passwd',
  '{{7*7}}${7*7}',
] as const;

const dateText = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function validString(s: JsonSchema, pools: FuzzPools): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  if (s.format === 'uuid') return pools.uuids.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.uuids) }, fc.uuid()) : fc.uuid();
  if (s.format === 'date') return dateText;
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern);
    } catch {
      return fc.string({ minLength: min, maxLength: max });
    }
    const known = pools.words.filter((w) => re.test(w) && w.length >= min && w.length <= (s.maxLength ?? Infinity));
    const generated = fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
    return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, generated) : generated;
  }
  const chinese = fc.constantFrom('张三', '李四', '邻里纠纷', '章贡区', '赣州市', '调解协议', '人民调解委员会', '13907970001', '360702199001010037');
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    chinese.filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity)),
  );
}

function hostileString(s: JsonSchema): fc.Arbitrary<string> {
  const over = (s.maxLength ?? 4000) + 1;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    // Any UTF-16 code unit, lone surrogates included.
    { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
    fc.constantFrom('x'.repeat(over), '长'.repeat(over)),
  );
}

function numberArb(s: JsonSchema, integer: boolean, wild: boolean): fc.Arbitrary<number> {
  const lo = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -1e6;
  const hi = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : 1e6;
  const inRange = integer
    ? fc.integer({ min: Math.max(Math.ceil(lo), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(hi), Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: lo, max: hi, noNaN: true });
  return wild ? fc.oneof({ weight: 4, arbitrary: inRange }, fc.constantFrom(lo - 1, hi + 1, 0, -1, 0.5, 2 ** 31, 2 ** 53, 1e308, -1e308)) : inRange;
}

/**
 * Values for one schema. `wild`: some values anywhere are hostile or out of bounds; otherwise only what the
 * schema allows (a request then fails, if at all, past validation — where a single hostile field is put).
 */
export function valueOf(s: JsonSchema | undefined, pools: FuzzPools, wild = true, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constantFrom<unknown>(null, 'x', 1);
  const or = <T>(valid: fc.Arbitrary<T>, weight: number, hostile: fc.Arbitrary<unknown>) => (wild ? fc.oneof({ weight, arbitrary: valid }, hostile) : valid);
  if (s.const !== undefined) return or(fc.constant(s.const), 5, fc.constantFrom<unknown>('\u0000', null));
  if (s.enum?.length) return or(fc.constantFrom(...s.enum), 6, hostileString(s));
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => valueOf(a, pools, wild, depth + 1)));
  if (s.allOf?.length) {
    return fc
      .tuple(...s.allOf.map((a) => valueOf(a, pools, wild, depth + 1)))
      .map((parts): unknown => (parts.every((p) => p && typeof p === 'object' && !Array.isArray(p)) ? (Object.assign({}, ...parts) as object) : parts[0]));
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => valueOf({ ...s, type }, pools, wild, depth + 1)));
  const hostile = hostileString(s);
  switch (types[0]) {
    case 'string':
      return or(validString(s, pools), 3, hostile);
    case 'integer':
    case 'number':
      return or(numberArb(s, types[0] === 'integer', wild), 6, hostile);
    case 'boolean':
      return or(fc.boolean(), 6, hostile);
    case 'null':
      return fc.constant(null);
    case 'array': {
      const maxLength = Math.max(Math.min(s.maxItems ?? 4, 4), s.minItems ?? 0);
      const items = fc.array(valueOf(s.items, pools, wild, depth + 1), { minLength: s.minItems ?? 0, maxLength });
      return or(items, 6, hostile);
    }
    case 'object':
      return or(objectOf(s, pools, wild, depth), 8, fc.constantFrom<unknown>(null, [], 'x'));
    case undefined:
    default:
      // No type (z.unknown(), z.any()): any JSON, hostile text included.
      return wild ? fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostile) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(s: JsonSchema, pools: FuzzPools, wild: boolean, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) {
    const hints = pools.fieldHints?.[k];
    model[k] = hints?.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom<unknown>(...hints) }, valueOf(v, pools, wild, depth + 1))
      : valueOf(v, pools, wild, depth + 1);
  }
  const record = fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
  if (!wild) return record;
  // Now and then a required field is missing, or a field nobody declared is there (with a hostile key).
  return fc.tuple(record, fc.nat({ max: 9 }), fc.constantFrom(...HOSTILE_TEXT)).map(([value, roll, key]) => {
    const out: Record<string, unknown> = { ...value };
    if (roll === 0 && required.size) return Object.fromEntries(Object.entries(out).filter(([k]) => k !== [...required][0]));
    if (roll === 1) out[`extra${key}`] = key;
    return out;
  });
}

/** One generated request. */
export interface FuzzRequest {
  method: string;
  url: string;
  body?: unknown;
}

/**
 * Percent-encodes text for a URL, keeping what `encodeURIComponent` refuses: an unpaired surrogate goes as its
 * WTF-8 bytes (what a client sending raw UTF-16 would put on the wire).
 */
export function encodeUrlText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(text[i] as string);
  }
  return out;
}

const asUrlText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

/** Requests for one operation: its path parameters, query and JSON body from their schemas. */
export function requestsOf(op: ApiOperation, pools: FuzzPools): fc.Arbitrary<FuzzRequest> {
  const path = op.parameters.filter((p) => p.in === 'path');
  const query = op.parameters.filter((p) => p.in === 'query');
  // The record a path names: ids its list answered, most of the time.
  const listed = pools.idsByPath?.[op.path.slice(0, op.path.indexOf('/{'))] ?? [];
  const pathValue = (p: Parameter, wild: boolean, i: number) =>
    i === 0 && listed.length
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>(...listed) }, valueOf(p.schema, pools, wild))
      : valueOf(p.schema, pools, wild);
  const partsOf = (wild: boolean) =>
    fc.record({
      path: fc.tuple(...path.map((p, i) => pathValue(p, wild, i))),
      query: fc.tuple(
        ...query.map((p) =>
          p.required
            ? valueOf(p.schema, pools, wild).map((v) => [v])
            : fc.option(
                valueOf(p.schema, pools, wild).map((v) => [v]),
                { freq: 3 },
              ),
        ),
      ),
      body: op.body ? (wild ? fc.option(valueOf(op.body, pools, wild), { freq: 9, nil: undefined }) : valueOf(op.body, pools, wild)) : fc.constant(undefined),
    });
  // A valid request with one text (a path or query parameter, or a string in the body) made hostile: what reaches
  // the handler and the database. Beside it, valid requests and requests hostile anywhere.
  const oneHostile = fc.tuple(partsOf(false), fc.nat(), hostileString({})).map(([generated, pick, text]) => {
    const parts = structuredClone(generated); // generated values are fast-check's to reuse: change a copy
    const slots: ((v: string) => void)[] = [];
    parts.path.forEach((_, i) => slots.push((v) => (parts.path[i] = v)));
    parts.query.forEach((q) => q && slots.push((v) => (q[0] = v)));
    collectStringSlots(
      parts.body,
      (set) => slots.push(set),
      (v) => (parts.body = v),
    );
    slots[pick % Math.max(slots.length, 1)]?.(text);
    return parts;
  });
  const parts = fc.oneof({ weight: 4, arbitrary: oneHostile }, { weight: 2, arbitrary: partsOf(false) }, { weight: 2, arbitrary: partsOf(true) });
  return parts.map(({ path: pathValues, query: queryValues, body }) => {
    let url = op.path;
    path.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, encodeUrlText(asUrlText(pathValues[i])) || '%20');
    });
    const pairs: string[] = [];
    query.forEach((p, i) => {
      const v = queryValues[i];
      if (v) pairs.push(`${encodeURIComponent(p.name)}=${encodeUrlText(asUrlText(v[0]))}`);
    });
    return { method: op.method, url: pairs.length ? `${url}?${pairs.join('&')}` : url, ...(body === undefined ? {} : { body }) };
  });
}

/** Setters for every string in a JSON value (the value itself when it is a string). */
function collectStringSlots(value: unknown, add: (set: (v: string) => void) => void, setSelf: (v: string) => void): void {
  if (typeof value === 'string') add(setSelf);
  else if (Array.isArray(value)) value.forEach((v, i) => collectStringSlots(v, add, (s) => (value[i] = s)));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) collectStringSlots(o[k], add, (s) => (o[k] = s));
  }
}
