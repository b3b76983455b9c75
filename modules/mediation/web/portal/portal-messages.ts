import { useCallback } from 'react';
import { formatNumber, useI18n } from '@sifa/ui';
import type { Lang } from '@sifa/ui';

/**
 * The mediation pages of the public portal (申请人民调解, 评价调解员): their own text, [中文, English] per key, read in
 * the portal's current language with `usePortalText`.
 */
export const PORTAL_MESSAGES = {
  'apply.title': ['申请人民调解', 'Apply for mediation'],
  'apply.intro': [
    '人民调解不收费。请按步骤填写，填写内容会自动保存在本机，下次打开可继续。',
    'People\u2019s mediation is free. Fill in step by step; your draft is saved on this device.',
  ],
  'apply.step.office': ['选择司法所', 'Judicial office'],
  'apply.step.dispute': ['纠纷情况', 'The dispute'],
  'apply.step.parties': ['当事人', 'Parties'],
  'apply.step.confirm': ['确认提交', 'Confirm'],
  'apply.office': ['受理的司法所', 'Judicial office'],
  'apply.officeHint': ['一般选择纠纷发生地或您居住地的司法所', 'Usually where the dispute arose or where you live'],
  'apply.officeSearch': ['输入街道、乡镇或区县名称查找', 'Search by street, town or county'],
  'apply.officeRequired': ['请选择司法所', 'Choose a judicial office'],
  'apply.county': ['所在县(区)', 'County'],
  'apply.countyFirst': ['请先选择县(区)，或直接输入街道、乡镇名称查找', 'Choose a county first, or search by name'],
  'apply.officeNone': ['没有找到司法所，请换个名称试试', 'No judicial office found; try another name'],
  'apply.category': ['纠纷类型', 'Type of dispute'],
  'apply.categoryRequired': ['请选择纠纷类型', 'Choose the type of dispute'],
  'apply.summary': ['纠纷简述', 'In a few words'],
  'apply.summaryPlaceholder': ['如：楼上漏水纠纷', 'e.g. water leaking from upstairs'],
  'apply.summaryRequired': ['请简述纠纷 (2 至 60 个字)', 'Describe the dispute in 2\u201360 characters'],
  'apply.description': ['纠纷经过和您的请求', 'What happened and what you ask for'],
  'apply.descriptionPlaceholder': ['请写明何时、何地、发生了什么，以及希望如何解决', 'When, where, what happened, and how you would like it resolved'],
  'apply.descriptionRequired': ['请写明纠纷经过和请求 (至少 5 个字)', 'Describe what happened (at least 5 characters)'],
  'apply.address': ['纠纷发生地 (选填)', 'Where it happened (optional)'],
  'apply.applicant': ['申请人 (您本人)', 'Applicant (you)'],
  'apply.name': ['姓名', 'Name'],
  'apply.nameRequired': ['请填写姓名', 'Enter the name'],
  'apply.idType': ['证件类型', 'ID type'],
  'apply.idNumber': ['证件号码', 'ID number'],
  'apply.idRequired': ['请填写证件号码', 'Enter the ID number'],
  'apply.phone': ['联系手机', 'Mobile phone'],
  'apply.phoneFromLogin': ['{phone} (登录手机号；查询进度时使用)', '{phone} (the phone you signed in with; used to track progress)'],
  'apply.respondents': ['被申请人 (对方)', 'Respondents (the other side)'],
  'apply.respondentN': ['被申请人 {n}', 'Respondent {n}'],
  'apply.kind.person': ['个人', 'Person'],
  'apply.kind.organisation': ['单位', 'Organisation'],
  'apply.respondentName': ['姓名或单位名称', 'Name'],
  'apply.respondentId': ['证件号码 (知道的请填写)', 'ID number (if known)'],
  'apply.uscc': ['统一社会信用代码 (知道的请填写)', 'Unified social credit code (if known)'],
  'apply.usccInvalid': ['统一社会信用代码有误：{problem}', 'Invalid credit code: {problem}'],
  'apply.respondentPhone': ['对方手机 (选填)', 'Their mobile (optional)'],
  'apply.addRespondent': ['再添加一名被申请人', 'Add another respondent'],
  'apply.remove': ['删除', 'Remove'],
  'apply.confirmIntro': ['请核对以下内容。提交后司法所将在 3 个工作日内联系您。', 'Please check. The judicial office will contact you within 3 working days.'],
  'apply.done': ['申请已提交', 'Application submitted'],
  'apply.number': ['申请编号', 'Application number'],
  'apply.remember': ['请记下编号，用于查询进度', 'Note this number: you need it to track progress'],
  'apply.doneOffice': ['受理司法所：{office}', 'Judicial office: {office}'],
  'apply.goTrack': ['查询办理进度', 'Track progress'],
  'rate.title': ['评价调解员', 'Rate the mediator'],
  'rate.intro': ['调解已结束，请对调解员的工作作出评价。', 'The mediation has ended; please rate the mediator.'],
  'rate.score': ['评分', 'Rating'],
  'rate.scoreRequired': ['请选择 1 至 5 星', 'Choose 1 to 5 stars'],
  'rate.comment': ['意见和建议 (选填)', 'Comments (optional)'],
  'rate.submit': ['提交评价', 'Submit rating'],
  'rate.done': ['感谢您的评价', 'Thank you for your rating'],
  'rate.given': ['您的评价：{score} 星', 'Your rating: {score} stars'],
  'rate.login': ['登录后评价调解员', 'Sign in to rate the mediator'],
  'rate.loginText': [
    '调解已结束。当事人用申请时留的手机号登录后，可以评价调解员。',
    'The mediation has ended. Parties can sign in with the phone they gave to rate the mediator.',
  ],
  'apply.phoneInvalid': ['请输入正确的 11 位手机号', 'Enter a valid 11-digit mobile number'],
} as const satisfies Record<string, readonly [string, string]>;

export type PortalKey = keyof typeof PORTAL_MESSAGES;
export type PortalText = (key: PortalKey, vars?: Record<string, string | number>) => string;

/** `key` in `lang` with `{name}` placeholders filled (numbers with thousands separators). */
export function portalText(lang: Lang, key: PortalKey, vars?: Record<string, string | number>): string {
  const text: string = PORTAL_MESSAGES[key][lang === 'en' ? 1 : 0];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** The console's translator and language, plus `pt` for these pages' own keys. */
export function usePortalText() {
  const i18n = useI18n();
  const { lang } = i18n;
  const pt = useCallback<PortalText>((key, vars) => portalText(lang, key, vars), [lang]);
  return { ...i18n, pt };
}
