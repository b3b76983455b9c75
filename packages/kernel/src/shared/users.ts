import { z } from 'zod';
import { ROLE_CODES } from './permissions';

/**
 * GB/T 22239-2019 level 3 asks for password complexity: at least 8 characters from at least three of
 * upper case, lower case, digits and symbols.
 */
export function passwordProblem(pw: string): string | undefined {
  if (pw.length < 8) return '口令至少 8 位';
  if (pw.length > 128) return '口令不超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) return '口令须包含大写字母、小写字母、数字、符号中的至少三类';
  return undefined;
}

export const Password = z.string().superRefine((pw, ctx) => {
  const problem = passwordProblem(pw);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const RolePart = z.string().regex(/^[a-z][a-z0-9-]*$/);
/**
 * An org-level role or a module role (`<module>.<role>`). Which module roles exist is known at boot: the user
 * routes accept only the registered ones.
 */
export const RoleCodeSchema = z.union([z.enum(ROLE_CODES), z.templateLiteral([RolePart, '.', RolePart])], { error: '角色代码格式不正确' });

export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '登录名为 3–32 位小写字母、数字、下划线、点或连字符，以字母开头');

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  roles: z.array(RoleCodeSchema),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** Whether a second factor (TOTP) is enrolled. */
  secondFactorEnrolled: z.boolean(),
});
export type User = z.infer<typeof User>;

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不超过 40 个字'),
  orgId: z.uuid('请选择所属单位'),
  roles: z.array(RoleCodeSchema).min(1, '至少选择一个角色'),
  password: Password,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不超过 40 个字').optional(),
  orgId: z.uuid('请选择所属单位').optional(),
  roles: z.array(RoleCodeSchema).min(1, '至少选择一个角色').optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const LoginInput = z.object({
  username: z.string().trim().min(1, '请输入登录名').max(64),
  password: z.string().min(1, '请输入口令').max(128),
  /** The second factor, asked for when the account has one: a 6-digit TOTP code or a recovery code (xxxxx-xxxxx). */
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[a-zA-Z2-9]{5}-?[a-zA-Z2-9]{5})$/, '请输入 6 位动态验证码或恢复码 (如 abcde-fghjk)')
    .optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前口令').max(128),
  newPassword: Password,
});

export const ResetPasswordInput = z.object({ newPassword: Password });

export const ResetSecondFactorInput = z.object({ reason: z.string().trim().min(2, '请填写重置原因 (如 手机丢失)').max(200, '原因不超过 200 个字') });

export const TotpSetup = z.object({ secret: z.string(), uri: z.string() });
export const TotpConfirmInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入 App 显示的 6 位数字验证码'),
});
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const SecondFactorStatus = z.object({
  enrolled: z.boolean(),
  enrolledAt: z.string().nullable(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

export const SessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  roles: z.array(RoleCodeSchema),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** The account's second factor: enrolled or not, and whether its roles require one (then enrolment comes first). */
export const SecondFactorState = z.object({ enrolled: z.boolean(), required: z.boolean() });
export type SecondFactorState = z.infer<typeof SecondFactorState>;

export const SessionInfo = z.object({ user: SessionUser, csrfToken: z.string(), secondFactor: SecondFactorState.optional() });
export type SessionInfo = z.infer<typeof SessionInfo>;

/**
 * The response header with the seconds left before the staff session ends unless used again (idle timeout or absolute
 * lifetime): the console warns a few minutes ahead and offers to stay signed in (issue #13 item 2).
 */
export const SESSION_EXPIRES_IN_HEADER = 'x-session-expires-in';

/**
 * The request header a console sends on its own polls (the bell's unread count): such a request is not the person
 * working, so it does not renew the idle timer — or an open tab would never time out (issue #13 item 2).
 */
export const BACKGROUND_REQUEST_HEADER = 'x-sifa-background';
