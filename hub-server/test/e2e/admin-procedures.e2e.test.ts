import { vi as texts, type ProcedureDetail } from '@luot/shared';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import type { Browser } from '../support/layout';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const CSV = join(import.meta.dirname, '..', 'procedures', 'fixtures', 'thu-tuc-xa.csv');
const KET_HON = '1.000894.000.00.00.H12';

describe('the procedure catalogue in the admin console', () => {
  const e2e = e2eSession();
  const pages: Page[] = [];
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
  });

  async function openProcedures(viewport: { width: number; height: number } = SIZES[0]): Promise<Page> {
    const page = await e2e.browser.newPage({ viewport, locale: 'vi-VN' });
    pages.push(page);
    await page.goto(`${e2e.hub.url}/counter/?token=${e2e.hub.demoTokens!.admin}`);
    await page.locator('[data-test="page-centre"]').waitFor();
    await page.locator('[data-test="nav-procedures"]').click();
    await page.locator('[data-test="page-procedures"]').waitFor();
    await page.locator('[data-test="procedure-item"]').first().waitFor();
    return page;
  }
  async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
    const overflow = await page.evaluate(() => {
      const g = globalThis as unknown as Browser;
      const main = g.document.querySelector('.admin-main')!;
      return { page: g.document.documentElement.scrollWidth - g.innerWidth, main: main.scrollWidth - main.clientWidth };
    });
    expect(overflow, where).toEqual({ page: 0, main: 0 });
  }
  const detail = async (code: string): Promise<{ status: number; body: ProcedureDetail }> => {
    const res = await fetch(`${e2e.hub.url}/api/procedures/${encodeURIComponent(code)}`);
    return { status: res.status, body: (await res.json()) as ProcedureDetail };
  };

  it('R12: "Nhập từ tệp" previews a CSV (columns, counts, rejected rows), then imports it', async () => {
    const page = await openProcedures();
    await page.locator('[data-test="procedure-file"]').setInputFiles(CSV);
    const result = page.locator('[data-test="procedure-import-result"]');
    await expect.poll(() => result.innerText()).toContain('Xem trước (chưa ghi gì)');
    expect(await result.innerText()).toContain('3 dòng lỗi');
    const rejected = page.locator('[data-test="procedure-rejected"] tbody tr');
    expect(await rejected.count()).toBe(3);
    expect(await page.locator('[data-test="procedure-rejected"]').innerText()).toContain(
      texts.procedures.rejects.codeMissing,
    );
    expect(await page.locator('[data-test="procedure-columns"]').innerText()).toContain('Mã TTHC → Mã thủ tục');
    // Nothing written by the preview: the demo's procedure still has its own documents.
    const before = await detail(KET_HON);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `admin-procedures-import-${size.width}x${size.height}`);
      await expectNoHorizontalScroll(page, `import at ${size.width}×${size.height}`);
    }
    await page.setViewportSize(SIZES[0]);
    await page.locator('[data-test="procedure-import-now"]').click();
    await expect.poll(() => result.innerText()).toContain('Đã nhập');
    const after = await detail(KET_HON);
    expect(after.body.documents[0]).toBe('Tờ khai đăng ký kết hôn theo mẫu');
    expect(after.body.documents).not.toEqual(before.body.documents);
  });

  it('R12: a procedure edited in the form (its fees) is what GET /api/procedures/:code answers; a wrong field is named', async () => {
    const page = await openProcedures();
    await page.locator('[data-test="procedure-search"]').fill('dang ky ket hon');
    await page.locator(`[data-test="procedure-item"][data-code="${KET_HON}"]`).click();
    await expect.poll(() => page.locator('[data-test="procedure-code"]').inputValue()).toBe(KET_HON);
    await page.locator('[data-test="procedure-fees"]').fill('Lệ phí: 8.000 đồng (miễn cho người khuyết tật)');
    await page.locator('[data-test="procedure-save"]').click();
    await expect
      .poll(() => page.locator('[data-test="procedure-notice"]').innerText())
      .toBe(`Đã lưu thủ tục ${KET_HON}.`);
    expect((await detail(KET_HON)).body.fees).toBe('Lệ phí: 8.000 đồng (miễn cho người khuyết tật)');

    // The hub's message under the very field, and nothing saved.
    await page.locator('[data-test="procedure-name"]').fill('');
    await page.locator('[data-test="procedure-forms"]').fill('Tờ khai (ftp://sai-dia-chi)');
    await page.locator('[data-test="procedure-save"]').click();
    const errors = page.locator('[data-test="procedure-form"] [data-test="field-error"]');
    await expect
      .poll(() => errors.allInnerTexts())
      .toEqual([texts.procedures.rejects.nameMissing, texts.procedures.rejects.formUrlInvalid]);
    expect((await detail(KET_HON)).body.name).toBe('Đăng ký kết hôn');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `admin-procedures-edit-${size.width}x${size.height}`);
      await expectNoHorizontalScroll(page, `edit at ${size.width}×${size.height}`);
    }
  });

  it('R13: "Xoá thủ tục" asks first, then the procedure is gone from the list and from GET /api/procedures/:code', async () => {
    const page = await openProcedures(SIZES[1]);
    const code = '1.001193.000.00.00.H12';
    await page.locator(`[data-test="procedure-item"][data-code="${code}"]`).click();
    await expect.poll(() => page.locator('[data-test="procedure-code"]').inputValue()).toBe(code);
    await page.locator('[data-test="procedure-delete"]').click();
    const confirm = page.locator('[data-test="procedure-delete-confirm"]');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(code);
    await screenshot(page, 'admin-procedures-delete-1920x1080');
    await page.locator('[data-test="procedure-delete-yes"]').click();
    await expect.poll(() => page.locator('[data-test="procedure-notice"]').innerText()).toBe(`Đã xoá thủ tục ${code}.`);
    expect(await page.locator(`[data-test="procedure-item"][data-code="${code}"]`).count()).toBe(0);
    expect((await detail(code)).status).toBe(404);
  });
});
