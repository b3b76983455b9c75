import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DivisionRow, OrgKind, SeedUnit } from '@sifa/kernel';

interface OrgSeed {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  kind: OrgKind;
  name: string;
  divisionCode: string;
  sort: number;
  abbr: string | null;
}

/**
 * The bureau hierarchy of one city built from its divisions: the city bureau with its legal-aid and public
 * legal-service centres, a bureau per county-level division with its own centres, and a judicial office per
 * township or street (司法所). Other kinds (committees, firms, …) are added by modules (`units`, each module's
 * `seedUnits`, placed under every unit of the kind they name) and by administrators.
 */
export function buildOrgTree(divisions: DivisionRow[], units: readonly SeedUnit[] = []): OrgSeed[] {
  const city = divisions.find((d) => d.level === 2);
  if (!city) throw new Error('区划数据缺少地级市');
  const out: OrgSeed[] = [];
  const add = (parent: OrgSeed | null, kind: OrgKind, name: string, divisionCode: string, sort: number, abbr: string | null = null) => {
    const id = randomUUID();
    const org: OrgSeed = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? ''}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      kind,
      name,
      divisionCode,
      sort,
      abbr,
    };
    out.push(org);
    return org;
  };
  // Number abbreviations (案号简称): the city's first character, plus the county's for county bureaus (赣章);
  // a clash takes one more character. Judicial offices number under their county bureau.
  const cityAbbr = city.name.slice(0, 1);
  const used = new Set<string>([cityAbbr]);
  const abbrOf = (name: string) => {
    for (let n = 1; n <= name.length; n++) {
      const a = cityAbbr + name.slice(0, n);
      if (!used.has(a)) {
        used.add(a);
        return a;
      }
    }
    return null;
  };
  const modulesUnder = (parent: OrgSeed, kind: SeedUnit['under'], division: DivisionRow) => {
    for (const u of units) if (u.under === kind) add(parent, u.kind, u.name(division.name), division.code, u.sort);
  };
  const root = add(null, 'city-bureau', `${city.name}司法局`, city.code, 0, cityAbbr);
  add(root, 'legal-aid-centre', `${city.name}法律援助中心`, city.code, 1);
  add(root, 'service-centre', `${city.name}公共法律服务中心`, city.code, 2);
  modulesUnder(root, 'city-bureau', city);
  const counties = divisions.filter((d) => d.level === 3);
  counties.forEach((county, i) => {
    const bureau = add(root, 'county-bureau', `${county.name}司法局`, county.code, 10 + i, abbrOf(county.name));
    add(bureau, 'legal-aid-centre', `${county.name}法律援助中心`, county.code, 1);
    add(bureau, 'service-centre', `${county.name}公共法律服务中心`, county.code, 2);
    modulesUnder(bureau, 'county-bureau', county);
    divisions
      .filter((d) => d.level === 4 && d.parentCode === county.code)
      .forEach((town, j) => {
        const office = add(bureau, 'judicial-office', `${town.name}司法所`, town.code, 10 + j);
        modulesUnder(office, 'judicial-office', town);
      });
  });
  return out;
}

export async function insertOrgTree(db: Kysely<Database>, orgs: OrgSeed[]) {
  for (let i = 0; i < orgs.length; i += 200)
    await db
      .insertInto('kernel.orgs')
      .values(orgs.slice(i, i + 200))
      .execute();
}
