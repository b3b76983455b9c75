import { describe, expect, test } from 'vitest';
import { desktopContext, inCi, missing, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer } from '@sifa/testing';

warnIfSkipped('mediation-categories.browser.test');

// issue #4 item 2: the dispute categories are configurable — the city keeps the list, every form offers it.
describe.skipIf(missing && !inCi)('dispute categories 纠纷类型 in a browser', () => {
  const env = useBrowserAndServer();

  test('the city administrator adds 校园纠纷 counted as 其他; the new-dispute form then offers it', async () => {
    const { browser, server } = env();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'admin');

    await page.getByRole('menuitem', { name: /纠纷类型/ }).click();
    await page.waitForURL((url) => url.pathname === '/mediation/categories');
    const names = page.getByTestId('category-name');
    await names.filter({ hasText: '婚姻家庭' }).waitFor();
    expect(await names.count()).toBe(15);

    // a code already used is refused by the server, the message beside the code
    await page.getByTestId('category-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('代码').fill('neighbour');
    await dialog.getByLabel('中文名称').fill('校园纠纷');
    await dialog.getByLabel('英文名称').fill('Campus');
    await dialog.locator('.ant-form-item').filter({ hasText: '统计归类' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option[title="其他"]').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.locator('.ant-form-item').filter({ hasText: '代码' }).getByText('类型代码“neighbour”已被使用，请换一个').waitFor();
    await page.waitForTimeout(300); // the error's fade-in
    await dialog.screenshot({ path: `${SCREENSHOTS}/mediation-category-form.png` });

    await dialog.getByLabel('代码').fill('campus');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row').filter({ has: page.getByTestId('category-name').getByText('校园纠纷', { exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('campus');
    expect(await row.textContent()).toContain('其他');
    expect(await names.count()).toBe(16);
    await page.waitForTimeout(300); // the success message settles
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-categories.png`, fullPage: true });
    await context.close();

    // a judicial office registers a dispute: the category select offers the new category
    const officeContext = await desktopContext(browser);
    const office = await officeContext.newPage();
    await signIn(office, server.url, 'office');
    await office.goto(`${server.url}/mediation/disputes/new`);
    await office.locator('.ant-form-item').filter({ hasText: '纠纷类型' }).locator('.ant-select').click();
    // the drop-down lists the active categories in their order; the new one is last (the list scrolls), search finds it
    await office.locator('.ant-select-item-option[title="婚姻家庭"]').waitFor();
    await office.keyboard.type('校园');
    await office.locator('.ant-select-item-option[title="校园纠纷"]').waitFor();
    await office.locator('.ant-select-item-option[title="校园纠纷"]').click();
    expect(await office.locator('.ant-form-item').filter({ hasText: '纠纷类型' }).locator('.ant-select').textContent()).toContain('校园纠纷');
    await officeContext.close();
  });
});
