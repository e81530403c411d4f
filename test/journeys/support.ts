import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { fixedClock } from '../../src/clock.js';
import { startSmtpCapture, type CapturedEmail, type SmtpCapture } from '../accounts/support/smtp-capture.js';
import { axeViolations, DESKTOP, launchBrowser, MOBILE, scrollsSideways } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startFakeNotify } from '../two-factor/fake-notify.js';
import { waitFor } from '../support/wait.js';

/** The guide's example: Barney's request arrived on 8th Aug 2023; "today" is a few days later. */
export const JOURNEY_START = '2023-08-20T09:00:00Z';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

export interface ViewportSpec {
  name: 'desktop' | 'mobile';
  size: { width: number; height: number };
  /** Mobile is driven by taps (a touch screen); desktop by the keyboard. */
  touch: boolean;
}

export const VIEWPORTS: ViewportSpec[] = [
  { name: 'desktop', size: DESKTOP, touch: false },
  { name: 'mobile', size: MOBILE, touch: true },
];

export type FakeNotify = Awaited<ReturnType<typeof startFakeNotify>>;

/**
 * One app (real database, real queue) with its mail going to an SMTP server on loopback and its
 * text messages to a fake GOV.UK Notify on loopback, a fixed clock, and one Chromium.
 */
export interface World {
  t: TestApp;
  clock: ReturnType<typeof fixedClock>;
  smtp: SmtpCapture;
  notify: FakeNotify;
  browser: Browser;
  /** Page templates already checked with axe, per viewport (axe takes a second or more a page). */
  axeChecked: Set<string>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const smtp = await startSmtpCapture();
  const notify = await startFakeNotify();
  const clock = fixedClock(JOURNEY_START);
  const t = await startTestApp({
    clock,
    env: {
      SMTP_URL: smtp.url,
      SMS_PROVIDER: 'notify',
      NOTIFY_API_KEY: `ehc_hub_test-${crypto.randomUUID()}-${crypto.randomUUID()}`,
      NOTIFY_BASE_URL: notify.url,
      NOTIFY_SMS_TEMPLATE_ID: crypto.randomUUID(),
    },
  });
  const browser = await launchBrowser();
  return {
    t,
    clock,
    smtp,
    notify,
    browser,
    axeChecked: new Set(),
    async close() {
      await browser.close();
      await t.close();
      await smtp.close();
      await notify.close();
    },
  };
}

/**
 * A code from an authenticator app holding `secret`. The clock moves on one 30-second step
 * first: the app refuses a code from a step already used, as a real app's user would wait.
 */
export async function appCode(world: World, secret: string): Promise<string> {
  world.clock.advance(30_000);
  return generate({ secret, epoch: Math.floor(world.clock.now().getTime() / 1000) });
}

/** The path of the first link to this app in an email (the app's BASE_URL is not the test server's). */
export function emailLink(email: CapturedEmail, prefix = '/'): string {
  const match = new RegExp(`https?://localhost:3000(${prefix}[^\\s]*)`).exec(email.text);
  if (!match) throw new Error(`No ${prefix} link in the email "${email.subject}":\n${email.text}`);
  return match[1];
}

/** Waits for the `n`th email (1-based) to an address. */
export async function nthEmailTo(world: World, to: string, n = 1): Promise<CapturedEmail> {
  const mine = () => world.smtp.messages.filter((m) => m.to.includes(to));
  world.t.queue.nudge();
  await world.smtp.waitFor(() => mine().length >= n);
  return mine()[n - 1];
}

/** The text messages Notify was asked to send to a number, in order. */
export const textsTo = (world: World, e164: string) =>
  world.notify.requests.filter((r) => r.body.phone_number === e164).map((r) => r.body.personalisation?.body ?? '');

export async function nthTextTo(world: World, e164: string, n: number): Promise<string> {
  world.t.queue.nudge();
  return waitFor(`text ${n} to ${e164}`, () => textsTo(world, e164)[n - 1], 20_000);
}

export function codeInText(text: string): string {
  const match = /^(\d{6}) is your EHC Hub log in code\. It expires in 10 minutes\.$/.exec(text);
  if (!match) throw new Error(`Not a log in code text: ${text}`);
  return match[1];
}

/**
 * One person's browser (a context) at one viewport, with JavaScript on or off. `check` is called
 * on every page reached: the heading, axe (once per page template and state), fitting the
 * screen, and no script errors. The form steps are driven by the keyboard at desktop size and
 * by taps on the touch screen at mobile size.
 */
export class Person {
  readonly errors: string[] = [];
  readonly pagesSeen: string[] = [];

  private constructor(
    readonly world: World,
    readonly viewport: ViewportSpec,
    readonly javaScript: boolean,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.keyboard = !viewport.touch;
    page.on('pageerror', (error) => this.errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Chromium logs a form page answered with 400 (GOV.UK error pages) or 429 as a failed load.
      const isThePageItself = message.location().url === page.url() && /status of (400|429) /.test(message.text());
      if (!isThePageItself) this.errors.push(`${page.url()}: ${message.text()}`);
    });
  }

  static async open(world: World, viewport: ViewportSpec, options: { javaScript?: boolean } = {}): Promise<Person> {
    const javaScript = options.javaScript ?? true;
    const context = await world.browser.newContext({
      viewport: viewport.size,
      hasTouch: viewport.touch,
      isMobile: viewport.touch,
      javaScriptEnabled: javaScript,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return new Person(world, viewport, javaScript, context, page);
  }

  get url(): string {
    return this.page.url();
  }

  private keyboard: boolean;

  /** Drives a touch-screen browser by keyboard too (a keyboard paired with a phone). */
  useKeyboard(): void {
    this.keyboard = true;
  }

  async goto(path: string, heading: string | RegExp): Promise<void> {
    await this.page.goto(`${this.world.t.baseUrl}${path}`);
    await this.check(heading);
  }

  /** Checks the page now shown. */
  async check(heading: string | RegExp): Promise<void> {
    const { page } = this;
    await page.waitForLoadState('load');
    const h1 = ((await page.locator('h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
    if (typeof heading === 'string') assert.equal(h1, heading, `heading on ${page.url()}`);
    else assert.match(h1, heading, `heading on ${page.url()}`);
    this.pagesSeen.push(new URL(page.url()).pathname);

    const hasErrors = (await page.locator('.govuk-error-summary').count()) > 0;
    const template = templateOf(page.url());
    const key = `${this.viewport.name}${this.javaScript ? '' : ' no-js'} ${template}${hasErrors ? ' (errors)' : ''}`;
    if (!this.world.axeChecked.has(key)) {
      this.world.axeChecked.add(key);
      const violations = this.javaScript
        ? await axeViolations(page)
        : await axeWithoutScripts(this.world, this.viewport, page);
      assert.deepEqual(violations, [], `axe on ${key}`);
    }
    if (await scrollsSideways(page)) await this.failOnOverflow();
    if (hasErrors && this.javaScript)
      await this.expectFocusOn(page.locator('.govuk-error-summary'), 'the error summary');
    assert.deepEqual(this.errors, [], 'no script or console errors');
  }

  /** Fails on a page wider than the screen, naming what sticks out. */
  private async failOnOverflow(): Promise<void> {
    const offenders = (await this.page.evaluate(FIND_OVERFLOW)) as string[];
    assert.fail(
      `${this.page.url()} is wider than the ${this.viewport.name} screen: ${offenders.slice(0, 6).join(', ')}`,
    );
  }

  /** Checks the page has the error summary with these messages, and (with JavaScript) the focus on it. */
  async expectErrors(...messages: string[]): Promise<void> {
    const summary = this.page.locator('.govuk-error-summary');
    assert.equal(await summary.count(), 1, `an error summary on ${this.page.url()}`);
    const text = (await summary.textContent()) ?? '';
    assert.match(text, /There is a problem/);
    for (const message of messages) assert.ok(text.includes(message), `"${message}" in the error summary: ${text}`);
  }

  async expectFocusOn(locator: Locator, what: string): Promise<void> {
    await this.page
      .waitForFunction((el) => el === document.activeElement, await locator.elementHandle(), { timeout: 5000 })
      .catch(() => assert.fail(`focus is not on ${what} on ${this.page.url()}`));
  }

  async mainText(): Promise<string> {
    return ((await this.page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
  }

  /** Tab until `target` has the focus, checking each stop on the way shows where the focus is. */
  async tabTo(target: Locator, maxTabs = 60): Promise<void> {
    const handle = await target.elementHandle();
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      if (await this.page.evaluate((el) => el === document.activeElement, handle)) {
        await this.assertFocusVisible();
        return;
      }
    }
    assert.fail(`Could not reach ${target} with the Tab key on ${this.page.url()}`);
  }

  async assertFocusVisible(): Promise<void> {
    const style = await this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const css = getComputedStyle(el);
      return {
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
        outline:
          css.outlineStyle !== 'none' &&
          parseFloat(css.outlineWidth) > 0 &&
          !/rgba\(.*, 0\)$|transparent/.test(css.outlineColor),
        shadow: css.boxShadow !== 'none',
        background: css.backgroundColor,
      };
    });
    assert.ok(style.outline || style.shadow, `focus is not visible on ${style.what} at ${this.page.url()}`);
  }

  /** Types into a field: Tab to it and type, or tap it and type on the touch screen. */
  async type(field: Locator, text: string): Promise<void> {
    if (this.keyboard) await this.tabTo(field);
    else await field.tap();
    // Replaces what the field kept from the last try, as a person would.
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  /** Chooses a radio: Tab into the group, arrow keys to the choice, Space; or a tap. */
  async choose(radio: Locator): Promise<void> {
    if (!this.keyboard) {
      await radio.tap();
      assert.equal(await radio.isChecked(), true);
      return;
    }
    const name = await radio.getAttribute('name');
    for (let i = 0; i < 60; i++) {
      await this.page.keyboard.press('Tab');
      if (await this.page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name)) break;
    }
    await this.assertFocusVisible();
    const handle = await radio.elementHandle();
    for (let i = 0; i < 10 && !(await this.page.evaluate((el) => el === document.activeElement, handle)); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Space');
    assert.equal(await radio.isChecked(), true, `chose ${await radio.getAttribute('value')}`);
  }

  /** Follows a link or presses a button that loads a new page: Tab and Enter, or a tap. */
  async activate(control: Locator): Promise<void> {
    if (this.keyboard) await this.tabTo(control);
    const loaded = this.page.waitForEvent('load');
    if (this.keyboard) await this.page.keyboard.press('Enter');
    else await control.tap();
    await loaded.catch(async (error: Error) => {
      const summary = await this.page
        .locator('.govuk-error-summary')
        .textContent()
        .catch(() => null);
      throw new Error(
        `No new page after activating ${control} on ${this.page.url()} (error summary: ${summary}): ${error.message}`,
      );
    });
  }

  /** Opens a details element (or similar toggle) without leaving the page: Enter/Space, or a tap. */
  async toggle(summary: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    if (this.keyboard) {
      await this.tabTo(summary);
      await this.page.keyboard.press(key);
    } else {
      await summary.tap();
    }
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * The deepest elements whose box or content reaches past the right edge of the screen. A string,
 * so that the TypeScript loader adds nothing to it that the page does not have.
 */
const FIND_OVERFLOW = `(() => {
  const edge = document.documentElement.clientWidth + 1;
  const sticksOut = (el) => {
    const rect = el.getBoundingClientRect();
    return rect.width > 1 && (rect.right > edge || rect.left + el.scrollWidth > edge);
  };
  return Array.from(document.querySelectorAll('body *'))
    .filter((el) => sticksOut(el) && !Array.from(el.children).some(sticksOut))
    .map((el) => el.tagName.toLowerCase() + '.' + el.className);
})()`;

/**
 * axe needs JavaScript, so a page shown with JavaScript off is checked as a copy: the same HTML,
 * its scripts taken out, in a browser with the same screen that runs only axe.
 */
async function axeWithoutScripts(world: World, viewport: ViewportSpec, shown: Page): Promise<string[]> {
  const url = shown.url().split('#')[0];
  const html = (await shown.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const context = await world.browser.newContext({
    viewport: viewport.size,
    hasTouch: viewport.touch,
    isMobile: viewport.touch,
  });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      const request = route.request();
      if (request.url().split('#')[0] === url)
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await page.goto(url);
    return await axeViolations(page);
  } finally {
    await context.close();
  }
}

/** A page's template: its path with ids and tokens taken out. */
function templateOf(url: string): string {
  return new URL(url).pathname
    .split('/')
    .map((segment) => (/^[0-9a-f-]{36}$/i.test(segment) || /^[\w-]{20,}$/.test(segment) ? ':id' : segment))
    .join('/');
}

/** The bytes of a download started by `start` (a click on a link). */
export async function downloadBytes(
  person: Person,
  start: () => Promise<void>,
): Promise<{ bytes: Buffer; filename: string }> {
  const [download] = await Promise.all([person.page.waitForEvent('download'), start()]);
  const file = await download.path();
  return { bytes: fs.readFileSync(file), filename: download.suggestedFilename() };
}
