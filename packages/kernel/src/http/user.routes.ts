import { z } from 'zod';
import { IdParams, pageOf, PageQuery } from '../shared/common';
import { ROLE_CODES, ROLE_NAMES, roleNameOf } from '../shared/permissions';
import { CreateUserInput, ResetPasswordInput, ResetSecondFactorInput, RoleCodeSchema, UpdateUserInput, User } from '../shared/users';
import { resetSecondFactor } from '../auth/second-factor.service';
import { moduleRolesOf, permissionsOf, type ModuleDefinition } from '../define-module';
import * as users from '../users/user.service';
import { ctxOf, EXPORT_LIMIT, fmtDateTime, sendXlsx } from './context';
import type { ModuleDeps, SifaApp } from './types';

const tags = ['用户管理'];

const UserFilterQuery = z.object({
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid('单位编号格式不正确').optional(),
  role: RoleCodeSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
const filterOf = (q: z.infer<typeof UserFilterQuery>) => ({
  q: q.q || undefined,
  orgId: q.orgId,
  role: q.role,
  active: q.active === undefined ? undefined : q.active === 'true',
});

/** A role of the role list: org-level, or a module's (with the module's name). */
const Role = z.object({ code: RoleCodeSchema, nameZh: z.string(), nameEn: z.string(), permissions: z.array(z.string()), module: z.string().optional() });

export function userRoutes(app: SifaApp, { engine }: ModuleDeps, modules: () => readonly ModuleDefinition[]) {
  const db = engine.db;
  // The roles in force: the org-level ones and the registered modules' (known when the routes are registered).
  const moduleRoles = moduleRolesOf(modules());
  const roleCodes = [...ROLE_CODES, ...moduleRoles.map((r) => r.code)];
  const KnownRole = RoleCodeSchema.refine((c) => roleCodes.includes(c), { message: '未知的角色' });
  const KnownRoles = z.array(KnownRole).min(1, '至少选择一个角色');
  const CreateUserBody = CreateUserInput.extend({ roles: KnownRoles });
  const UpdateUserBody = UpdateUserInput.extend({ roles: KnownRoles.optional() });
  const roleName = (code: string) => roleNameOf(code, moduleRoles);

  app.get(
    '/api/users',
    {
      config: { permission: 'kernel.user.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '用户列表', querystring: UserFilterQuery.extend(PageQuery.shape), response: { 200: pageOf(User) } },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      return { ...(await users.listUsers(ctxOf(req, db), filterOf(req.query), page, pageSize)), page, pageSize };
    },
  );

  app.get(
    '/api/users/export.xlsx',
    { config: { permission: 'kernel.user.read', scopeProbe: { kind: 'list' } }, schema: { tags, summary: '导出用户 (Excel)', querystring: UserFilterQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { items } = await users.listUsers(ctx, filterOf(req.query), 1, EXPORT_LIMIT);
      return sendXlsx(ctx, reply, {
        filename: '用户.xlsx',
        sheet: '用户',
        action: 'kernel.user.export',
        filter: req.query,
        rows: items,
        columns: [
          { header: '登录名', value: (u) => u.username },
          { header: '姓名', value: (u) => u.displayName },
          { header: '所属单位', width: 30, value: (u) => u.orgName },
          { header: '角色', width: 30, value: (u) => u.roles.map((r) => roleName(r).zh).join('、') },
          { header: '状态', width: 8, value: (u) => (u.active ? (u.lockedUntil ? '锁定' : '启用') : '停用') },
          { header: '最近登录', width: 20, value: (u) => fmtDateTime(u.lastLoginAt) },
        ],
      });
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'kernel.user.read', scopeProbe: { kind: 'resource', resource: 'user' } },
      schema: { tags, summary: '用户详情', params: IdParams, response: { 200: User } },
    },
    (req) => users.getUser(ctxOf(req, db), req.params.id),
  );

  app.post(
    '/api/users',
    {
      config: {
        permission: 'kernel.user.manage',
        scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: { username: 'intruder', displayName: '越权', roles: ['office-staff'], password: 'Aa1!aaaaaa' } },
      },
      schema: { tags, summary: '新增用户', body: CreateUserBody, response: { 201: User } },
    },
    async (req, reply) => reply.code(201).send(await users.createUser(ctxOf(req, db), req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'kernel.user.manage', scopeProbe: { kind: 'resource', resource: 'user', body: { displayName: '改名' } } },
      schema: { tags, summary: '修改用户 (姓名、单位、角色)', params: IdParams, body: UpdateUserBody, response: { 200: User } },
    },
    (req) => users.updateUser(ctxOf(req, db), req.params.id, req.body),
  );

  const actions = {
    deactivate: ['停用用户', (ctx, id) => users.setUserActive(ctx, id, false)],
    activate: ['启用用户', (ctx, id) => users.setUserActive(ctx, id, true)],
    unlock: ['解除锁定', (ctx, id) => users.unlockUser(ctx, id)],
  } as const satisfies Record<string, readonly [string, (ctx: ReturnType<typeof ctxOf>, id: string) => Promise<User>]>;
  for (const [action, [summary, run]] of Object.entries(actions)) {
    app.post(
      `/api/users/:id/${action}`,
      {
        config: { permission: 'kernel.user.manage', scopeProbe: { kind: 'resource', resource: 'user' } },
        schema: { tags, summary, params: IdParams, response: { 200: User } },
      },
      (req) => run(ctxOf(req, db), req.params.id),
    );
  }

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'kernel.user.manage', scopeProbe: { kind: 'resource', resource: 'user', body: { newPassword: 'Bb2@bbbbbb' } } },
      schema: { tags, summary: '重置口令', params: IdParams, body: ResetPasswordInput },
    },
    async (req, reply) => {
      await users.resetPassword(ctxOf(req, db), req.params.id, req.body.newPassword);
      return reply.code(204).send();
    },
  );

  // A lost phone: the security administrator (not the platform admin, 三员分立) removes the account's second
  // factor with a reason; the account enrols again at its next sign-in (ADR 0020).
  app.post(
    '/api/users/:id/reset-second-factor',
    {
      config: { permission: 'kernel.user.security', scopeProbe: { kind: 'resource', resource: 'user', body: { reason: '手机丢失' } } },
      schema: { tags, summary: '重置二次验证 (动态口令)', params: IdParams, body: ResetSecondFactorInput },
    },
    async (req, reply) => {
      await resetSecondFactor(ctxOf(req, db), req.params.id, req.body.reason);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/roles',
    {
      config: { permission: 'kernel.user.read', scopeProbe: { kind: 'unscoped', reason: '角色定义对全平台相同' } },
      schema: { tags, summary: '角色及其权限', response: { 200: z.array(Role) } },
    },
    () => [
      ...ROLE_CODES.map((code) => ({
        code,
        nameZh: ROLE_NAMES[code].zh,
        nameEn: ROLE_NAMES[code].en,
        permissions: [...permissionsOf(modules(), [code])].sort(),
      })),
      ...moduleRoles.map((r) => ({
        code: r.code,
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        module: r.module,
        permissions: [...permissionsOf(modules(), [r.code])].sort(),
      })),
    ],
  );
}
