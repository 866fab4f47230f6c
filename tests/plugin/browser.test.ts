/**
 * The BUILT plugins (plugin/dist/<id>/module.js) in Debian's Chromium, against the running collector service through
 * the harness's data proxy: the data source's QueryEditor lists the fleet, and the ask-AI panel answers the Korean
 * seed question, in English and, for a Korean Grafana user, in Korean. One service, one harness and one browser for
 * all; screenshots in test-results/plugin/.
 */
import type { Browser, Page } from 'playwright-core';

import { CONTRACT_SERVER_IDS } from '../../collector-service/src/collectors/dummy/fleet';
import { buildHost } from '../../plugin/browser/buildHost';
import { launchChromium } from '../../plugin/browser/chromium';
import { Harness, startHarness } from '../../plugin/browser/harnessServer';
// window.__openmanager, the state the host page exposes
import type {} from '../../plugin/browser/hostState';
import { TEST_IDS } from '../../plugin/src/shared/testIds';
import { LIVE_API_KEY, LiveService, startLiveService } from '../../plugin/src/testing/liveService';
import { pixelStats, saveScreenshot } from './support/screenshots';

jest.setTimeout(180_000);

let service: LiveService;
let harness: Harness;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  const [started] = await Promise.all([startLiveService(), buildHost()]);
  service = started;
  harness = await startHarness({ serviceUrl: service.url, apiKey: LIVE_API_KEY });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await service?.stop();
});

beforeEach(async () => {
  consoleErrors.length = 0;
  page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  // Grafana's Inter font and spinner.svg are not in any npm package: their 404s are expected.
  page.on(
    'console',
    (message) => message.type() === 'error' && !/404/.test(message.text()) && consoleErrors.push(message.text())
  );
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

afterEach(() => page.close());

async function openHost(params: Record<string, string>) {
  await page.goto(`${harness.url}/?${new URLSearchParams(params)}`);
  await page.waitForFunction(() => window.__openmanager?.rendered || window.__openmanager?.error);
  expect(await page.evaluate(() => window.__openmanager.error)).toBeUndefined();
}

function expectNotBlank(png: Buffer) {
  const stats = pixelStats(png);
  expect(stats.colours).toBeGreaterThan(50);
  expect(stats.foreground).toBeGreaterThan(0.02);
}

it('renders the data source QueryEditor from dist/module.js and lists the 30 servers of the running service', async () => {
  await openHost({ plugin: 'openmanager-vibe-datasource' });

  await page.getByLabel('Servers').click();
  const menu = page.getByLabel('Select options menu');
  await menu.getByText('WEB-US-003', { exact: true }).waitFor();
  const listed = await menu.getByRole('option').allInnerTexts();
  const ids = listed.map((text) => text.split('\n')[0].trim()).filter((text) => !text.startsWith('$'));
  expect(ids.sort()).toEqual([...CONTRACT_SERVER_IDS].sort());
  expect(listed.find((text) => text.startsWith('DB-EU-002'))).toContain('aws · eu-west-1 · database · critical');

  const png = await page.screenshot();
  saveScreenshot('query-editor.png', png);
  expectNotBlank(png);
  expect(consoleErrors).toEqual([]);
});

it('asks the ask-AI panel from dist/module.js the Korean seed question: critical, with cpu and memory findings and charts', async () => {
  await openHost({
    plugin: 'openmanager-askai-panel',
    options: JSON.stringify({ askOnRefresh: false, defaultQuestion: '' }),
    width: '760',
    height: '640',
  });
  const panel = page.getByTestId(TEST_IDS.panel);

  const box = panel.getByRole('textbox', { name: 'Question' });
  await box.fill('DB-EU-002 서버에 문제가 있나요?');
  await box.press('Enter');

  const answer = panel.getByTestId(TEST_IDS.answer);
  await answer.waitFor({ timeout: 30_000 });
  expect(await answer.getByTestId(TEST_IDS.severity).innerText()).toBe('critical');
  const findings = answer.getByTestId(TEST_IDS.finding);
  const metrics = await findings.evaluateAll((items) =>
    items.map((item) => `${item.dataset.server} ${item.dataset.metric}`)
  );
  expect(metrics).toEqual(expect.arrayContaining(['DB-EU-002 cpu', 'DB-EU-002 memory']));
  expect(
    await answer
      .getByText(/메모리/)
      .first()
      .isVisible()
  ).toBe(true);
  // uPlot draws each sparkline on a canvas once its series has arrived through the data source
  await answer.locator(`[data-testid="${TEST_IDS.sparkline}"] canvas`).nth(1).waitFor();
  // the host page's Korean web font is in use, so the screenshot shows Hangul, not empty boxes
  const korean = await page.evaluate(() =>
    Array.from(document.fonts)
      .filter((f) => f.family.includes('Nanum Gothic'))
      .map((f) => f.status)
  );
  expect(korean).toContain('loaded');

  const wide = await panel.screenshot();
  saveScreenshot('askai-panel-wide.png', wide);
  expectNotBlank(wide);

  await page.evaluate(() => window.__openmanager.resize!(320, 640));
  await page.waitForFunction((testId) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    return el !== null && el.clientWidth <= 320;
  }, TEST_IDS.panel);
  // narrow: everything wraps inside the panel, nothing sticks out sideways
  const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const narrow = await panel.screenshot();
  saveScreenshot('askai-panel-narrow.png', narrow);
  expectNotBlank(narrow);
  expect(consoleErrors).toEqual([]);
});

it('speaks Korean to a Korean Grafana user: the panel from dist/ with its built ko-KR locale', async () => {
  await openHost({
    plugin: 'openmanager-askai-panel',
    language: 'ko-KR',
    options: JSON.stringify({ askOnRefresh: false, defaultQuestion: '' }),
    width: '760',
    height: '640',
  });
  const panel = page.getByTestId(TEST_IDS.panel);
  expect(await panel.getByText(/서버에 대해 한국어나 영어로 물어보세요/).isVisible()).toBe(true);

  const box = panel.getByRole('textbox', { name: '질문' });
  await box.fill('DB-EU-002 서버에 문제가 있나요?');
  await panel.getByRole('button', { name: '질문하기' }).click();

  const answer = panel.getByTestId(TEST_IDS.answer);
  await answer.waitFor({ timeout: 30_000 });
  expect(await answer.getByTestId(TEST_IDS.severity).innerText()).toBe('심각');
  expect(await answer.getByRole('heading', { name: /^발견 사항/ }).isVisible()).toBe(true);
  expect(await panel.getByText('Question', { exact: true }).count()).toBe(0);

  const png = await panel.screenshot();
  saveScreenshot('askai-panel-korean.png', png);
  expectNotBlank(png);
  expect(consoleErrors).toEqual([]);
});
