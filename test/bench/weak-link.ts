// A weak link for `npm run bench:join`: Chromium's own network throttling through CDP, and a
// count of what went over it. Each measured page gets a fresh browser context (cold cache,
// no pooled connections), so runs do not help each other.
import type { Browser, CDPSession, Page } from 'playwright-core';

export const LINK = {
  kbitPerSecond: 400, // down and up
  latencyMs: 400, // added to every request's round trip
};

export interface Traffic {
  /** Bytes on the wire for JavaScript (headers included), as Chromium counts them. */
  jsBytes: number;
  /** Bytes on the wire for everything HTTP (document, scripts, styles, API calls). */
  totalBytes: number;
  /** Number of scripts fetched. */
  scripts: number;
}

/** Throttles `page` to the weak link and counts bytes from now on. */
export async function throttle(page: Page): Promise<{ cdp: CDPSession; traffic: () => Traffic; reset: () => void }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesPerSecond = (LINK.kbitPerSecond * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LINK.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  const types = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (event) => types.set(event.requestId, event.type ?? 'Other'));
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => sizes.set(event.requestId, event.encodedDataLength));
  return {
    cdp,
    reset: () => sizes.clear(),
    traffic: () => {
      let jsBytes = 0;
      let totalBytes = 0;
      let scripts = 0;
      for (const [id, bytes] of sizes) {
        totalBytes += bytes;
        if (types.get(id) === 'Script') {
          jsBytes += bytes;
          scripts += 1;
        }
      }
      return { jsBytes, totalBytes, scripts };
    },
  };
}

/** A fresh context (cold cache) with `init` run before any page script, throttled. */
export async function coldPage(browser: Browser, init?: { credentials: string }) {
  // bypassCSP: the usable-check below is evaluated as text, which the app's CSP (rightly) forbids.
  const context = await browser.newContext({ locale: 'en-GB', bypassCSP: true });
  if (init) await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), init.credentials);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const link = await throttle(page);
  return { context, page, ...link };
}

/**
 * Milliseconds since the page's navigation began, read in the page once `usable` (a JavaScript
 * expression, kept as text so no bundler helper leaks into the page) is true.
 */
export async function usableAfter(page: Page, usable: string): Promise<number> {
  const handle = await page.waitForFunction(`(${usable}) ? performance.now() : 0`, undefined, { polling: 'raf' });
  return (await handle.jsonValue()) as number;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
