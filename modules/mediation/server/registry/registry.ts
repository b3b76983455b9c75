import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  appendAudit,
  AppError,
  chinaDay,
  checkMobile,
  findOrg,
  insertUnit,
  maskPhone,
  notFound,
  renameUnit,
  type Ctx,
  type Database,
  type FieldCrypto,
} from '@sifa/kernel';
import { COMMITTEE_PARENT_KINDS, compositionWarnings, memberCount } from '../../shared/registry';
import type {
  CommitteeDetail,
  CommitteeFilter,
  CommitteeListItem,
  CreateCommitteeInput,
  CreateMediatorInput,
  Mediator,
  MediatorFilter,
  UpdateCommitteeInput,
  UpdateMediatorInput,
} from '../../shared/registry-schemas';
import * as repo from './registry-repository';

/** A register use case: the request's context plus the personal-data crypto for mediators' phones. */
export interface RegistryCtx extends Ctx {
  pii: FieldCrypto;
}

const iso = (d: Date | string) => new Date(d).toISOString();
/** '' clears an optional text; undefined leaves it as it is. */
const blank = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v.trim());
const phoneAad = (id: string) => `mediation.mediators/${id}/phone`;

function invalid(problem: string): never {
  throw new AppError('VALIDATION_FAILED', { first: problem }, [{ field: 'body', message: problem }]);
}

function toMediator(r: repo.MediatorRow): Mediator {
  return {
    id: r.id,
    committeeOrgId: r.committeeOrgId,
    committeeName: r.committeeName,
    name: r.name,
    gender: r.gender as Mediator['gender'],
    ethnicity: r.ethnicity,
    position: r.position as Mediator['position'],
    employment: r.employment as Mediator['employment'],
    termStart: r.termStart,
    termEnd: r.termEnd,
    specialties: r.specialties,
    phoneMasked: r.phoneMasked,
    userId: r.userId,
    active: r.active,
    ratingCount: r.ratingCount,
    ratingAverage: r.ratingAverage === null ? null : Number(r.ratingAverage),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

function toCommittee(r: repo.CommitteeRow, people: Mediator[]): CommitteeListItem {
  const active = people.filter((p) => p.active);
  const multiEthnicArea = r.multiEthnicArea ?? false;
  return {
    id: r.id,
    name: r.name,
    parentId: r.parentId,
    parentName: r.parentName,
    type: r.type,
    registered: r.registeredId !== null,
    field: r.field,
    establishedOn: r.establishedOn,
    address: r.address,
    phone: r.phone,
    multiEthnicArea,
    active: r.active,
    memberCount: memberCount(active),
    mediatorCount: active.length,
    warnings: compositionWarnings({ multiEthnicArea }, active, chinaDay()),
  };
}

async function checkUnitFilter(ctx: Ctx, orgId: string | undefined) {
  if (orgId && !(await findOrg(ctx.db, ctx.scope, orgId))) throw notFound('单位');
}

/** A page of committees of the caller's scope, each with its member count and composition warnings. */
export async function listCommittees(ctx: Ctx, f: CommitteeFilter, page: number, pageSize: number) {
  await checkUnitFilter(ctx, f.orgId);
  const { rows, total } = await repo.listCommittees(ctx.db, ctx.scope, f, page, pageSize);
  const people = (
    await repo.mediatorsOf(
      ctx.db,
      ctx.scope,
      rows.map((r) => r.id),
    )
  ).map(toMediator);
  return {
    items: rows.map((r) =>
      toCommittee(
        r,
        people.filter((p) => p.committeeOrgId === r.id),
      ),
    ),
    total,
  };
}

export async function getCommittee(ctx: Ctx, id: string): Promise<CommitteeDetail> {
  const r = await repo.findCommittee(ctx.db, ctx.scope, id);
  if (!r) throw notFound('人民调解委员会');
  const people = (await repo.mediatorsOf(ctx.db, ctx.scope, [id])).map(toMediator);
  return { ...toCommittee(r, people), notes: r.notes, divisionCode: r.divisionCode, mediators: people };
}

const registerValues = (input: Omit<UpdateCommitteeInput, 'name'>) => ({
  ...(input.type !== undefined ? { type: input.type } : {}),
  ...(input.field !== undefined ? { field: blank(input.field) } : {}),
  ...(input.establishedOn !== undefined ? { establishedOn: input.establishedOn } : {}),
  ...(input.address !== undefined ? { address: blank(input.address) } : {}),
  ...(input.phone !== undefined ? { phone: blank(input.phone) } : {}),
  ...(input.multiEthnicArea !== undefined ? { multiEthnicArea: input.multiEthnicArea } : {}),
  ...(input.notes !== undefined ? { notes: blank(input.notes) } : {}),
});

/**
 * A new committee: a kernel unit of kind `mediation-committee` under a judicial office or bureau of the caller's
 * scope, and its register entry — one transaction, one audit entry. Names are unique under one unit.
 */
export async function createCommittee(ctx: Ctx, input: CreateCommitteeInput): Promise<CommitteeDetail> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const parent = await findOrg(trx, ctx.scope, input.parentId);
    if (!parent) throw notFound('上级单位');
    if (!parent.active) throw new AppError('ORG_INACTIVE', { name: parent.name });
    if (!COMMITTEE_PARENT_KINDS.includes(parent.kind)) invalid(`人民调解委员会应设在司法局、司法所或公共法律服务中心(站)之下，“${parent.name}”不是这类单位`);
    if (await repo.siblingNamed(trx, parent.id, input.name)) throw new AppError('CONFLICT', { reason: `“${parent.name}”下已有“${input.name}”，请勿重复登记` });
    const orgId = await insertUnit(trx, parent, { kind: 'mediation-committee', name: input.name });
    await repo.insertCommittee(trx, { orgId, ...registerValues(input), type: input.type });
    await appendAudit(trx, ctx.actor, {
      action: 'mediation.committee.create',
      targetType: 'org',
      targetId: orgId,
      summary: { name: input.name, parent: parent.name, type: input.type },
    });
    return orgId;
  });
  return getCommittee(ctx, id);
}

/** Edits the register entry (creating it for a committee that had none) and the unit's name. */
export async function updateCommittee(ctx: Ctx, id: string, input: UpdateCommitteeInput): Promise<CommitteeDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findCommittee(trx, ctx.scope, id);
    if (!before) throw notFound('人民调解委员会');
    if (input.name !== undefined && input.name !== before.name) {
      if (before.parentId && (await repo.siblingNamed(trx, before.parentId, input.name, id)))
        throw new AppError('CONFLICT', { reason: `“${before.parentName ?? ''}”下已有“${input.name}”，请换一个名称` });
      await renameUnit(trx, id, input.name);
    }
    const values = registerValues(input);
    await repo.upsertCommittee(trx, id, before.type, values, ctx.now);
    const was = {
      name: before.name,
      type: before.type,
      field: before.field,
      establishedOn: before.establishedOn,
      address: before.address,
      phone: before.phone,
      multiEthnicArea: before.multiEthnicArea,
      notes: before.notes,
    };
    await appendAudit(trx, ctx.actor, { action: 'mediation.committee.update', targetType: 'org', targetId: id, summary: { before: was, after: input } });
  });
  return getCommittee(ctx, id);
}

export async function listMediators(ctx: Ctx, f: MediatorFilter, page: number, pageSize: number) {
  await checkUnitFilter(ctx, f.orgId);
  const { rows, total } = await repo.listMediators(ctx.db, ctx.scope, f, page, pageSize);
  return { items: rows.map(toMediator), total };
}

export async function getMediator(ctx: Ctx, id: string): Promise<Mediator> {
  const r = await repo.findMediator(ctx.db, ctx.scope, id);
  if (!r) throw notFound('调解员');
  return toMediator(r);
}

async function activeCommittee(trx: Kysely<Database>, ctx: Ctx, committeeOrgId: string) {
  const c = await repo.findCommittee(trx, ctx.scope, committeeOrgId);
  if (!c) throw notFound('人民调解委员会');
  if (!c.active) throw new AppError('ORG_INACTIVE', { name: c.name });
  return c;
}

function phoneColumns(pii: FieldCrypto, id: string, phone: string | undefined) {
  if (phone === undefined) return {};
  if (phone.trim() === '') return { phoneCipher: null, phoneMasked: null };
  const m = checkMobile(phone);
  if (!m.ok) invalid(m.problem);
  return { phoneCipher: pii.encrypt(m.normalised, phoneAad(id)), phoneMasked: maskPhone(m.normalised) };
}

async function checkUser(trx: Kysely<Database>, ctx: Ctx, userId: string | null | undefined) {
  if (userId && !(await repo.userInScope(trx, ctx.scope, userId))) throw notFound('调解员的系统账号');
}

/** Registers a mediator on a committee (人民调解法 第十三条); the phone is stored encrypted and shown masked. */
export async function createMediator(ctx: RegistryCtx, committeeOrgId: string, input: CreateMediatorInput): Promise<Mediator> {
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const committee = await activeCommittee(trx, ctx, committeeOrgId);
    await checkUser(trx, ctx, input.userId);
    if (await repo.activeNamesake(trx, committeeOrgId, input.name))
      throw new AppError('CONFLICT', { reason: `“${committee.name}”已有在册调解员“${input.name}”，请勿重复登记；如系同名的另一人，请在姓名后加注以示区别` });
    await repo.insertMediators(trx, [
      {
        id,
        committeeOrgId,
        name: input.name,
        gender: input.gender,
        ethnicity: blank(input.ethnicity) ?? null,
        position: input.position,
        employment: input.employment,
        termStart: input.termStart ?? null,
        termEnd: input.termEnd ?? null,
        specialties: [...new Set(input.specialties ?? [])],
        userId: input.userId ?? null,
        ...phoneColumns(ctx.pii, id, input.phone),
      },
    ]);
    await appendAudit(trx, ctx.actor, {
      action: 'mediation.mediator.create',
      targetType: 'mediator',
      targetId: id,
      summary: { name: input.name, committee: committee.name, position: input.position, employment: input.employment },
    });
  });
  return getMediator(ctx, id);
}

export async function updateMediator(ctx: RegistryCtx, id: string, input: UpdateMediatorInput): Promise<Mediator> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findMediator(trx, ctx.scope, id);
    if (!before) throw notFound('调解员');
    const committeeOrgId = input.committeeOrgId ?? before.committeeOrgId;
    if (input.committeeOrgId && input.committeeOrgId !== before.committeeOrgId) await activeCommittee(trx, ctx, input.committeeOrgId);
    await checkUser(trx, ctx, input.userId);
    const name = input.name ?? before.name;
    if (before.active && (await repo.activeNamesake(trx, committeeOrgId, name, id)))
      throw new AppError('CONFLICT', { reason: `该调委会已有在册调解员“${name}”` });
    const termStart = input.termStart ?? before.termStart;
    const termEnd = input.termEnd ?? before.termEnd;
    if (termStart && termEnd && termEnd < termStart) invalid('任期届满日期不能早于任期开始日期');
    const patch = {
      ...(input.committeeOrgId !== undefined ? { committeeOrgId: input.committeeOrgId } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.ethnicity !== undefined ? { ethnicity: blank(input.ethnicity) } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.employment !== undefined ? { employment: input.employment } : {}),
      ...(input.termStart !== undefined ? { termStart: input.termStart } : {}),
      ...(input.termEnd !== undefined ? { termEnd: input.termEnd } : {}),
      ...(input.specialties !== undefined ? { specialties: [...new Set(input.specialties)] } : {}),
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
      ...phoneColumns(ctx.pii, id, input.phone),
      updatedAt: ctx.now,
    };
    await repo.updateMediatorRow(trx, id, patch);
    const { phone, ...after } = input;
    await appendAudit(trx, ctx.actor, {
      action: 'mediation.mediator.update',
      targetType: 'mediator',
      targetId: id,
      summary: { name: before.name, after: { ...after, ...(phone !== undefined ? { phoneChanged: true } : {}) } },
    });
  });
  return getMediator(ctx, id);
}

/** Deactivates (离任、解聘) or reactivates a mediator; the record stays for the disputes it handled. */
export async function setMediatorActive(ctx: Ctx, id: string, active: boolean, reason: string | undefined): Promise<Mediator> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findMediator(trx, ctx.scope, id);
    if (!before) throw notFound('调解员');
    if (before.active === active) return;
    if (active) {
      await activeCommittee(trx, ctx, before.committeeOrgId);
      if (await repo.activeNamesake(trx, before.committeeOrgId, before.name, id))
        throw new AppError('CONFLICT', { reason: `该调委会已有在册调解员“${before.name}”，不能重复启用` });
    }
    await repo.updateMediatorRow(trx, id, { active, updatedAt: ctx.now });
    await appendAudit(trx, ctx.actor, {
      action: active ? 'mediation.mediator.activate' : 'mediation.mediator.deactivate',
      targetType: 'mediator',
      targetId: id,
      summary: { name: before.name, committee: before.committeeName, reason },
    });
  });
  return getMediator(ctx, id);
}
