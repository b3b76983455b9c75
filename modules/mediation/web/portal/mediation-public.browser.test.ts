import { describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import {
  SCREENSHOTS,
  inCi,
  missing,
  phoneContext,
  warnIfSkipped,
  useBrowserAndServer,
  CITIZEN_PHONE,
  lastSmsCode,
  shanghaiDay,
  signInApi,
} from '@sifa/testing';

warnIfSkipped('mediation-public.browser.test');

const APPLICANT_ID = '360702198503151230';

describe.skipIf(missing && !inCi)('people’s mediation on the public portal, on a phone (390 × 844)', () => {
  const env = useBrowserAndServer();

  test('a citizen applies in four steps, the office reaches a written agreement, the citizen sees 调解成功 and rates the mediator', async () => {
    const { browser, server } = env();
    const base = server.url;
    const context = await phoneContext(browser);
    const page = await context.newPage();

    // the entry on the portal home asks for sign-in first, then comes back to the form
    await page.goto(`${base}/portal`);
    await page.getByTestId('entry-mediation-apply').click();
    await page.waitForURL((url) => url.pathname === '/portal/login');
    await page.getByLabel('手机号').fill(CITIZEN_PHONE);
    await page.getByTestId('request-code').click();
    await expect.poll(() => page.getByTestId('request-code').textContent()).toMatch(/\d+ 秒后重新获取/);
    await page.getByLabel('验证码').fill(await lastSmsCode(server));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/portal/mediation/apply');

    // 1 选择司法所: search and pick
    await page.getByTestId('apply-next').click();
    await page.getByText('请选择司法所', { exact: true }).last().waitFor();
    await page.getByLabel('输入街道、乡镇或区县名称查找').fill('解放');
    await page.getByText('解放街道司法所', { exact: true }).click();
    await page.getByTestId('apply-next').click();

    // 2 纠纷情况
    await page.getByText('第 2 步，共 4 步').waitFor();
    await page.getByLabel('纠纷类型').click();
    await page.locator('.ant-select-item-option[title="邻里"]').click();
    await page.getByLabel('纠纷简述').fill('楼上漏水纠纷');
    await page.getByLabel('纠纷经过和您的请求').fill('楼上住户卫生间漏水，导致我家天花板损坏，多次协商未果，请求对方修缮并赔偿。');
    await page.getByLabel('纠纷发生地 (选填)').fill('解放街道和平路 8 号');
    await page.getByTestId('apply-next').click();
    await page.getByText('第 3 步，共 4 步').waitFor();

    // save and resume: reloading the page keeps the step and what was typed
    await page.reload();
    await page.getByText('已恢复您上次未提交的填写内容').waitFor();
    await page.getByText('第 3 步，共 4 步').waitFor();

    // 3 当事人: the ID number is checked as it is typed
    await page.getByLabel('姓名', { exact: true }).fill('王小明');
    await page.getByLabel('证件号码', { exact: true }).fill('360702198503151231');
    await page.getByTestId('apply-next').click();
    await page
      .getByText(/校验码/)
      .first()
      .waitFor();
    await page.getByLabel('证件号码', { exact: true }).fill(APPLICANT_ID);
    expect(await page.getByTestId('apply-phone').textContent()).toContain('139****1234');
    await page.getByLabel('姓名或单位名称').fill('李大山');
    await page.getByLabel('对方手机 (选填)').fill('13800001111');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-apply-parties.png`, fullPage: true });
    await page.getByTestId('apply-next').click();

    // 4 确认提交
    const confirm = page.getByTestId('apply-confirm');
    await confirm.getByText('解放街道司法所').waitFor();
    await confirm.getByText('楼上漏水纠纷').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-apply-confirm.png`, fullPage: true });
    await page.getByTestId('apply-submit').click();
    const number = (await page.getByTestId('apply-number').textContent()) ?? '';
    expect(number).toMatch(/^赣章调〔\d{4}〕\d+号$/);
    await page.getByText('请记下编号，用于查询进度').waitFor();
    await page.getByText('受理司法所：解放街道司法所').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('sifa.portal.mediation-apply'))).toBeNull();
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-apply.png`, fullPage: true });

    // the judicial office accepts, assigns the committee and reaches a written agreement
    const db = server.engine.db;
    const { id } = await db.selectFrom('kernel.matters').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    const committee = await db.selectFrom('kernel.orgs').select('id').where('name', '=', '解放街道人民调解委员会').executeTakeFirstOrThrow();
    const office = await signInApi(base, 'office');
    const dispute = await office.json<{ source: string; matter: { orgName: string } }>('GET', `/api/mediation/disputes/${id}`);
    expect(dispute).toMatchObject({ source: 'portal', matter: { orgName: '解放街道司法所' } });
    const act = async (action: string, body: Record<string, unknown>) =>
      (await office.json<{ version: number }>('POST', `/api/mediation/disputes/${id}/${action}`, body)).version;
    let v = await act('accept', { expectedVersion: 1 });
    v = await act('assign', { expectedVersion: v, committeeOrgId: committee.id, mediatorName: '刘调解' });
    v = await act('start-session', {
      expectedVersion: v,
      on: shanghaiDay(),
      place: '解放街道调解室',
      attendees: '王小明、李大山',
      record: '双方陈述，同意修缮',
    });
    await act('reach-agreement', {
      expectedVersion: v,
      kind: 'written',
      effectiveOn: shanghaiDay(),
      terms: ['李大山于 7 日内修缮卫生间防水', '李大山赔偿王小明天花板修复费用 800 元'],
      signedBy: '王小明、李大山',
    });
    const docs = await office.json<{ title: string; number: string }[]>('GET', `/api/matters/${id}/documents`);
    expect(docs).toEqual([expect.objectContaining({ title: '人民调解协议书', number: expect.stringMatching(/^赣章调协〔\d{4}〕\d+号$/) as string })]);

    // the citizen tracks it: 调解成功, and the rating form
    await page.getByTestId('apply-go-track').click();
    await page.waitForURL((url) => url.pathname === '/portal/track');
    await page.getByLabel('编号').fill(number);
    await page.getByLabel('申请时留的手机号').fill(CITIZEN_PHONE);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    expect(await page.getByTestId('track-status').textContent()).toBe('调解成功');
    const form = page.getByTestId('rate-form');
    await form.getByText('评价调解员').waitFor();
    await form.locator('li.ant-rate-star').nth(4).locator('div[role="radio"]').click();
    await form.getByLabel('意见和建议 (选填)').fill('调解员耐心细致，谢谢！');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-track-agreed.png`, fullPage: true });
    await form.getByTestId('rate-submit').click();
    await page.getByTestId('rate-done').getByText('感谢您的评价').waitFor();
    await page.getByText('您的评价：5 星 · 调解员耐心细致，谢谢！').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-track-rated.png`, fullPage: true });
    const ratings = await sql<{ score: number; comment: string }>`select score, comment from mediation.ratings`.execute(db);
    expect(ratings.rows).toEqual([{ score: 5, comment: '调解员耐心细致，谢谢！' }]);
    await context.close();
  });
});
