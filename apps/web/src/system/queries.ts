import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { AuditEntry, Division, TodoItem, User, pageOf, RoleCodeSchema } from '@sifa/kernel/shared';
import { apiGet, queryString } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';

/** `GET /api/roles`: the roles an administrator may grant. */
export const RoleInfo = z.object({
  code: RoleCodeSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.string()),
  /** The module that declares the role; absent for the org-level roles. */
  module: z.string().optional(),
});
export type RoleInfo = z.infer<typeof RoleInfo>;

/** `GET /api/audit/verify`: the hash chain check. */
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().optional().nullable(),
  reason: z.string().optional().nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const UserList = pageOf(User);
export const AuditList = pageOf(AuditEntry);
export const TodoList = z.object({ items: z.array(TodoItem), total: z.number().int() });

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => apiGet('/api/roles', z.array(RoleInfo)),
    staleTime: 30 * 60_000,
  });
}

/** The divisions directly under `parent` (a division code); nothing is asked without one. */
export function useDivisions(parent: string | null | undefined) {
  return useQuery({
    queryKey: ['divisions', parent],
    queryFn: () => apiGet(`/api/divisions${queryString({ parent })}`, z.array(Division)),
    enabled: Boolean(parent),
    staleTime: 60 * 60_000,
  });
}

export type ListParams = Record<string, QueryValue>;

export function useUserPage(params: ListParams) {
  return useQuery({
    queryKey: ['users', params],
    queryFn: () => apiGet(`/api/users${queryString(params)}`, UserList),
    placeholderData: keepPreviousData,
  });
}

export function useAuditPage(params: ListParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => apiGet(`/api/audit${queryString(params)}`, AuditList),
    placeholderData: keepPreviousData,
  });
}

export function useTodos() {
  return useQuery({
    queryKey: ['todos'],
    queryFn: () => apiGet('/api/todos', TodoList),
  });
}
