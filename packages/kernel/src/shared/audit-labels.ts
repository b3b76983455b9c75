/**
 * What the audit log's action codes mean, in words an auditor reads (issue #13 item 9): the kernel's own actions here;
 * a module's from its workflows' action labels (`<module>.<kind>.<action>`) and the `auditActions` it declares for the
 * rest (registry changes, exports …). An unknown code is shown as it is.
 */
export interface ActionLabel {
  zh: string;
  en: string;
}

export const KERNEL_AUDIT_LABELS: Readonly<Record<string, ActionLabel>> = {
  'kernel.auth.login': { zh: '登录', en: 'Sign-in' },
  'kernel.auth.logout': { zh: '退出登录', en: 'Sign-out' },
  'kernel.auth.second-factor.enrol': { zh: '绑定双因素认证', en: 'Second factor enrolled' },
  'kernel.user.create': { zh: '新增账号', en: 'Account created' },
  'kernel.user.update': { zh: '修改账号', en: 'Account changed' },
  'kernel.user.unlock': { zh: '解除账号锁定', en: 'Account unlocked' },
  'kernel.user.reset-password': { zh: '重置口令', en: 'Password reset' },
  'kernel.user.reset-second-factor': { zh: '重置双因素认证', en: 'Second factor reset' },
  'kernel.user.change-password': { zh: '修改本人口令', en: 'Own password changed' },
  'kernel.user.export': { zh: '导出账号清单', en: 'Accounts exported' },
  'kernel.org.create': { zh: '新增单位', en: 'Unit created' },
  'kernel.org.update': { zh: '修改单位', en: 'Unit changed' },
  'kernel.org.export': { zh: '导出单位清单', en: 'Units exported' },
  'kernel.party.register': { zh: '登记当事人', en: 'Party registered' },
  'kernel.party.export': { zh: '导出当事人', en: 'Parties exported' },
  'kernel.party.unmask': { zh: '查看当事人完整证件号码或手机号码', en: 'Party ID or phone revealed' },
  'kernel.matter.reveal-phone': { zh: '查看当事人联系电话', en: 'Party phone revealed for a matter' },
  'kernel.matter.add-party': { zh: '添加事项当事人', en: 'Party added to a matter' },
  'kernel.matter.remove-party': { zh: '移除事项当事人', en: 'Party removed from a matter' },
  'kernel.document.issue': { zh: '出具文书', en: 'Document issued' },
  'kernel.document.revoke': { zh: '作废文书', en: 'Document revoked' },
  'kernel.document.download': { zh: '下载文书', en: 'Document downloaded' },
  'kernel.attachment.upload': { zh: '上传附件', en: 'Attachment uploaded' },
  'kernel.attachment.download': { zh: '下载附件', en: 'Attachment downloaded' },
  'kernel.attachment.delete': { zh: '删除附件', en: 'Attachment deleted' },
  'kernel.deadline.pause': { zh: '期限中止', en: 'Deadline paused' },
  'kernel.deadline.resume': { zh: '期限恢复计算', en: 'Deadline resumed' },
  'kernel.deadline.extend': { zh: '期限延长', en: 'Deadline extended' },
  'kernel.deadline.complete': { zh: '期限完成', en: 'Deadline met' },
  'kernel.deadline.cancel': { zh: '期限撤销', en: 'Deadline cancelled' },
  'kernel.calendar.load': { zh: '导入节假日安排', en: 'Holiday calendar loaded' },
  'kernel.calendar.load-bundled': { zh: '载入内置节假日安排', en: 'Bundled holiday calendar loaded' },
  'kernel.indicator.export': { zh: '导出统计指标', en: 'Indicators exported' },
  'kernel.audit.export': { zh: '导出审计日志', en: 'Audit log exported' },
  'kernel.audit.seal-leftover': { zh: '封存遗留审计记录', en: 'Leftover audit entries sealed' },
  'kernel.audit.reanchor': { zh: '重新锚定审计链', en: 'Audit chain re-anchored' },
  'kernel.access.denied': { zh: '越权访问被拒绝', en: 'Access denied' },
  'kernel.access.not-found': { zh: '访问不存在或管辖范围外的记录', en: 'Record not found or out of scope' },
  'kernel.public.code-sent': { zh: '向群众发送登录验证码', en: 'Sign-in code sent to a citizen' },
  'kernel.public.login': { zh: '群众登录', en: 'Citizen sign-in' },
  'kernel.public.logout': { zh: '群众退出登录', en: 'Citizen sign-out' },
  'kernel.seed': { zh: '初始化数据', en: 'Initial data loaded' },
};

/** The words the kernel adds to a matter kind's workflow actions that every kind has (opening, bulk import). */
const MATTER_VERBS: Readonly<Record<string, ActionLabel>> = {
  register: { zh: '登记', en: 'registered' },
  import: { zh: '批量导入', en: 'imported' },
};

/** What a module contributes to the catalogue: its name, its workflows' labels and the extra codes it declares. */
export interface AuditLabelSource {
  name: string;
  labelZh: string;
  labelEn: string;
  workflows?: readonly { module: string; kind: string; labels: { actions: Record<string, ActionLabel> } }[];
  auditActions?: Readonly<Record<string, ActionLabel>>;
}

/** One lookup table of every code the kernel and the modules declare. */
export function auditLabelCatalogue(modules: readonly AuditLabelSource[]): ReadonlyMap<string, ActionLabel> {
  const out = new Map<string, ActionLabel>(Object.entries(KERNEL_AUDIT_LABELS));
  for (const m of modules) {
    for (const wf of m.workflows ?? []) {
      const kind = { zh: m.labelZh, en: m.labelEn };
      for (const [verb, l] of Object.entries(MATTER_VERBS)) out.set(`${wf.module}.${wf.kind}.${verb}`, { zh: `${kind.zh}${l.zh}`, en: `${kind.en} ${l.en}` });
      for (const [action, l] of Object.entries(wf.labels.actions))
        out.set(`${wf.module}.${wf.kind}.${action}`, { zh: `${kind.zh}：${l.zh}`, en: `${kind.en}: ${l.en}` });
    }
    for (const [code, l] of Object.entries(m.auditActions ?? {})) out.set(code, l);
  }
  return out;
}
