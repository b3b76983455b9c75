import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import type { CreateOrgInput, UpdateOrgInput } from '../shared/orgs';
import * as repo from './org.repository';

const strip = ({ path: _path, ...org }: repo.OrgRow) => org;

async function reread(ctx: Ctx, db: Ctx['db'], id: string) {
  const org = await repo.findOrg(db, ctx.scope, id);
  if (!org) throw notFound('单位');
  return strip(org);
}

export async function getOrg(ctx: Ctx, id: string) {
  const org = await repo.findOrg(ctx.db, ctx.scope, id);
  if (!org) throw notFound('单位');
  return strip(org);
}

export async function listOrgTree(ctx: Ctx, includeInactive: boolean) {
  return (await repo.listOrgs(ctx.db, ctx.scope, includeInactive)).map(strip);
}

export async function createOrg(ctx: Ctx, input: CreateOrgInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const parent = await repo.findOrg(trx, ctx.scope, input.parentId);
    if (!parent) throw notFound('上级单位');
    if (!parent.active) throw new AppError('ORG_INACTIVE', { name: parent.name });
    const divisionCode = input.divisionCode ?? parent.divisionCode;
    if (divisionCode && !(await repo.findDivision(trx, divisionCode))) throw notFound(`区划代码 ${divisionCode} `);
    const id = randomUUID();
    await repo.insertOrg(trx, {
      id,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      kind: input.kind,
      name: input.name,
      divisionCode,
      sort: input.sort ?? 0,
    });
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.org.create',
      targetType: 'org',
      targetId: id,
      summary: { name: input.name, kind: input.kind, parent: parent.name, divisionCode },
    });
    return reread(ctx, trx, id);
  });
}

export async function updateOrg(ctx: Ctx, id: string, input: UpdateOrgInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await repo.findOrg(trx, ctx.scope, id);
    if (!org) throw notFound('单位');
    await repo.updateOrg(trx, id, input);
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.org.update',
      targetType: 'org',
      targetId: id,
      summary: { before: { name: org.name, sort: org.sort }, after: input },
    });
    return reread(ctx, trx, id);
  });
}

export async function setOrgActive(ctx: Ctx, id: string, active: boolean) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await repo.findOrg(trx, ctx.scope, id);
    if (!org) throw notFound('单位');
    if (!active) {
      if (org.id === ctx.scope.orgId) throw new AppError('ORG_ROOT');
      const users = await repo.countActiveUsersUnder(trx, org.path);
      if (users > 0) throw new AppError('ORG_HAS_ACTIVE_USERS', { name: org.name, count: users });
    } else if (org.parentId) {
      const parent = await repo.findOrg(trx, ctx.scope, org.parentId);
      if (parent && !parent.active) throw new AppError('ORG_INACTIVE', { name: parent.name });
    }
    const changed = await repo.setSubtreeActive(trx, org.path, active);
    await appendAudit(trx, ctx.actor, {
      action: active ? 'kernel.org.activate' : 'kernel.org.deactivate',
      targetType: 'org',
      targetId: id,
      summary: { name: org.name, unitsChanged: changed },
    });
    return reread(ctx, trx, id);
  });
}

export const listDivisions = (ctx: Ctx, parent: string | null) => repo.listDivisions(ctx.db, parent);
