import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, desktopContext, inCi, missing, signIn, warnIfSkipped, useBrowserAndServer, shanghaiDay } from '@sifa/testing';
import { createDispute } from '@sifa/mediation/testing';

warnIfSkipped('mediation-follow-up.browser.test');

// issue #4 item 3: "Follow-up: whether the agreement was performed" (人民调解法 第三十一条).
describe.skipIf(missing && !inCi)('follow-up on an agreement 履行回访 in a browser', () => {
  const env = useBrowserAndServer();

  test('the county records a visit after an oral agreement; the dispute shows it, newest first', async () => {
    const { browser, server } = env();
    // accepted, assigned, mediated and agreed through the API (the action forms have their own browser tests)
    const d = await createDispute(server, { summary: '噪音扰民回访纠纷' });
    const committee = (await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '解放街道人民调解委员会').executeTakeFirstOrThrow()).id;
    const today = shanghaiDay();
    let v = (await d.staff.json<{ version: number }>('POST', `/api/mediation/disputes/${d.id}/accept`, { expectedVersion: 1 })).version;
    v = (
      await d.staff.json<{ version: number }>('POST', `/api/mediation/disputes/${d.id}/assign`, {
        expectedVersion: v,
        committeeOrgId: committee,
        mediatorName: '刘调解',
      })
    ).version;
    v = (
      await d.staff.json<{ version: number }>('POST', `/api/mediation/disputes/${d.id}/start-session`, {
        expectedVersion: v,
        on: today,
        place: '调解室',
        attendees: '双方',
        record: '双方同意夜间十点后不再施工',
      })
    ).version;
    await d.staff.json('POST', `/api/mediation/disputes/${d.id}/reach-agreement`, {
      expectedVersion: v,
      kind: 'oral',
      effectiveOn: today,
      terms: ['夜间十点后停止装修'],
      signedBy: '王小明、李大华',
    });

    const page = await (await desktopContext(browser)).newPage();
    await signIn(page, server.url, 'zhanggong');
    await page.goto(`${server.url}/mediation/disputes/${d.id}`);

    const card = page.getByTestId('follow-up-card');
    await card.getByText('尚无回访记录').waitFor();
    // the performance is required: saving without it names the field
    await card.getByLabel('回访日期').fill(today);
    await card.getByLabel('回访日期').press('Enter');
    await card.getByTestId('follow-up-save').click();
    await card.getByText('请选择履行情况').waitFor();

    await card.getByText('部分履行', { exact: true }).click();
    await card.getByLabel('情况说明').fill('已停止夜间施工，噪音赔偿尚未支付');
    await card.getByTestId('follow-up-save').click();
    await card.locator('.ant-list-item').filter({ hasText: '已停止夜间施工' }).waitFor();
    expect(await card.locator('.ant-list-item').first().textContent()).toContain('部分履行');

    await card.getByLabel('回访日期').fill(today);
    await card.getByLabel('回访日期').press('Enter');
    await card.getByText('已全部履行', { exact: true }).click();
    await card.getByTestId('follow-up-save').click();
    // waits for the new visit as the other browser tests wait (vitest's 1 s default poll is too short under the full suite)
    await card.locator('.ant-list-item').filter({ hasText: '已全部履行' }).waitFor();
    expect(await card.locator('.ant-list-item').count()).toBe(2);
    expect(await card.locator('.ant-list-item').first().textContent()).toContain('已全部履行');
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-follow-up.png`, fullPage: true });
  });
});
