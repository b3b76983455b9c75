import type { ModuleDefinition } from './define-module';
import { assembleDeadlineRules } from './deadlines/rules';
import { documentNumberTemplate } from './documents/document-kinds';
import { NUMBER_FIELD, numberMark } from './matters/numbering';
import { isModuleRole } from './shared/permissions';

/** What the modules declare does not hold together: the platform does not start (every problem is listed). */
export class ModuleDeclarationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`模块声明有误，拒绝启动：\n  ${problems.join('\n  ')}`);
    this.name = 'ModuleDeclarationError';
  }
}

/** A route as the boot check sees it: its module and the permission it declares. */
export interface DeclaredRoute {
  method: string;
  url: string;
  module?: string | undefined;
  permission?: string | undefined;
}

/**
 * Checks what each module declares before anything is registered: its permissions are `<module>.…`; it grants
 * (to org-level roles and its own roles) only permissions it declares, its roles also the kernel's; its roles are
 * `<module>.<role>`; its number templates have a `{seq}` and a mark no other counter uses; its document kinds are
 * `<module>.…`; its deadline rules assemble into one catalogue (deadlines/rules.ts).
 */
export function moduleDeclarationProblems(modules: readonly ModuleDefinition[]): string[] {
  const problems: string[] = [];
  const kernelPermissions = new Set(modules.find((m) => m.name === 'kernel')?.permissions ?? []);
  const seen = { modules: new Set<string>(), roles: new Set<string>(), documentKinds: new Set<string>() };
  const marks = numberMarks(problems);
  for (const m of modules) {
    const who = `模块“${m.name}”`;
    if (seen.modules.has(m.name)) problems.push(`${who}重复注册`);
    seen.modules.add(m.name);
    const declared = new Set(m.permissions);
    for (const p of m.permissions) if (!p.startsWith(`${m.name}.`)) problems.push(`${who}声明的权限“${p}”应以“${m.name}.”开头`);
    for (const [role, granted] of Object.entries(m.roleGrants ?? {})) {
      for (const p of granted) if (!declared.has(p)) problems.push(`${who}把未声明的权限“${p}”授予角色“${role}”`);
    }
    for (const role of m.roles ?? []) {
      if (!isModuleRole(role.code) || !role.code.startsWith(`${m.name}.`)) problems.push(`${who}的角色代码“${role.code}”应为“${m.name}.<角色>”`);
      if (seen.roles.has(role.code)) problems.push(`角色“${role.code}”重复声明`);
      seen.roles.add(role.code);
      for (const p of role.permissions) {
        if (!declared.has(p) && !kernelPermissions.has(p)) problems.push(`${who}的角色“${role.code}”含有未声明的权限“${p}”`);
      }
    }
    for (const wf of m.workflows ?? []) {
      if (wf.module !== m.name) problems.push(`${who}的事项类型“${wf.kind}”属于模块“${wf.module}”`);
      marks.claim(`${who}的事项类型“${wf.kind}”`, wf.number, `matter:${m.name}`);
    }
    for (const d of m.documentKinds ?? []) {
      if (!d.kind.startsWith(`${m.name}.`)) problems.push(`${who}的文书类型“${d.kind}”应以“${m.name}.”开头`);
      if (seen.documentKinds.has(d.kind)) problems.push(`文书类型“${d.kind}”重复声明`);
      seen.documentKinds.add(d.kind);
      const template = documentNumberTemplate(d);
      marks.claim(`${who}的文书类型“${d.kind}”`, template, `document:${template}`);
    }
  }
  try {
    assembleDeadlineRules(modules);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

/**
 * Number templates: each has a `{seq}`, and each mark (the literal text, `{}调〔{}〕{}号`) belongs to one counter — a
 * line's matters count per module, documents per template — or two counters would hand out the same number.
 */
function numberMarks(problems: string[]) {
  const owners = new Map<string, { counter: string; who: string }>();
  return {
    claim(who: string, template: string, counter: string) {
      const fields = [...template.matchAll(NUMBER_FIELD)].map((f) => f[1]);
      if (!fields.includes('seq')) problems.push(`${who}的编号格式“${template}”缺少序号 {seq}`);
      const mark = numberMark(template);
      const before = owners.get(mark);
      if (before && before.counter !== counter) problems.push(`${who}的编号格式“${template}”与${before.who}的编号字样相同，编号会重复`);
      else owners.set(mark, { counter, who });
    },
  };
}

/** Throws a ModuleDeclarationError when the modules' declarations do not hold together. */
export function checkModules(modules: readonly ModuleDefinition[]): void {
  const problems = moduleDeclarationProblems(modules);
  if (problems.length) throw new ModuleDeclarationError(problems);
}

/**
 * Routes whose `config.permission` their module does not declare (the kernel's routes against the kernel's
 * permissions): a typo or a permission no role can be granted would otherwise refuse everyone silently.
 */
export function undeclaredPermissionRoutes(routes: readonly DeclaredRoute[], modules: readonly ModuleDefinition[]): string[] {
  const declared = new Map(modules.map((m) => [m.name, new Set(m.permissions)]));
  return routes
    .filter((r) => r.permission !== undefined && !declared.get(r.module ?? 'kernel')?.has(r.permission))
    .map((r) => `${r.method} ${r.url}: ${r.permission ?? ''}（模块“${r.module ?? 'kernel'}”未声明此权限）`);
}
