import type { Page } from 'playwright-core';
import { type Browser, launchBrowser } from './browser.js';
import type { RunningFaultline } from './faultline-process.js';

/**
 * Signs in through the form, as a person does; lands on the first organization's issues once
 * the page has put the project in the address (a click before that redirect could be undone by it).
 */
export async function signIn(page: Page, fl: RunningFaultline): Promise<void> {
  await page.goto(`${fl.base}/auth/login/`);
  await page.getByLabel('E-mail').fill(fl.admin.email);
  await page.getByLabel('Password').fill(fl.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/organizations\/[^/]+\/issues\/\?(.*&)?project=/);
}

/** A fresh browser whose page is signed in, with the end-to-end tests' 15 s default timeout. */
export async function launchSignedIn(fl: RunningFaultline): Promise<Browser> {
  const browser = await launchBrowser();
  browser.page.setDefaultTimeout(15_000);
  await signIn(browser.page, fl);
  return browser;
}
