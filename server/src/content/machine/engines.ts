// The machine translation engines (MT30–MT39, docs/languages.md "Machine translation"): a
// LibreTranslate-compatible HTTP service, or Apertium's APY server. `none` (the default) is no
// engine at all: machine translation is off for every session.
import { primaryLanguage } from '@open-talks/shared';
import { AppError } from '../../errors.js';
import { apertiumPair } from './apertium-codes.js';
import type { TranslationEngine } from './types.js';

export type EngineKind = 'none' | 'libretranslate' | 'apertium';

export interface EngineConfig {
  engine: EngineKind;
  /** The service's base URL (`http://localhost:2737`). */
  url: string | undefined;
  /** LibreTranslate's `api_key`, when the service wants one. */
  apiKey: string | undefined;
  /** ms before a request to the engine is given up. */
  timeoutMs: number;
}

/** How the engines reach their service: `fetch`, replaceable in tests. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The configured engine, or null for `none`. */
export function createEngine(config: EngineConfig, fetcher: Fetch = fetch): TranslationEngine | null {
  if (config.engine === 'none') return null;
  if (!config.url) throw new Error(`Invalid configuration:\n  TRANSLATE_URL: required with TRANSLATE_ENGINE=${config.engine}`);
  const base = config.url.replace(/\/+$/u, '');
  return config.engine === 'apertium' ? new ApertiumEngine(base, config.timeoutMs, fetcher) : new LibreTranslateEngine(base, config.apiKey, config.timeoutMs, fetcher);
}

const PAIRS_TTL = 60_000; // ms: the pairs a service lists are read again after this

function unavailable(engine: string, why: string): AppError {
  return new AppError('unavailable', `Machine translation (${engine}) failed: ${why}`, { reason: 'machineTranslation.unavailable' });
}

/** One request to the service, with the timeout; the body as JSON, or `unavailable`. */
async function call(engine: string, fetcher: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetcher(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw unavailable(engine, error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'the service cannot be reached');
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: judged by the status below.
  }
  return { status: response.status, body };
}

/** The pairs a service offers, read once a minute (concurrent readers share one request). */
class PairCache {
  private pairs: { at: number; value: Promise<Set<string>> } | null = null;

  constructor(private readonly load: () => Promise<Set<string>>) {}

  get(): Promise<Set<string>> {
    const now = Date.now();
    if (this.pairs && now - this.pairs.at < PAIRS_TTL) return this.pairs.value;
    const value = this.load();
    this.pairs = { at: now, value };
    // A failed read is not kept: the next asks again.
    value.catch(() => {
      if (this.pairs?.value === value) this.pairs = null;
    });
    return value;
  }
}

/**
 * Apertium's APY server: `GET /listPairs` lists its pairs in ISO 639-3 (`eng` → `spa`);
 * `POST /translate` with a form body `langpair=eng|spa&q=…&markUnknown=no` answers
 * `{ responseData: { translatedText } }`. Unknown words are not starred (`markUnknown=no`). MT31.
 */
export class ApertiumEngine implements TranslationEngine {
  readonly name = 'apertium';
  private readonly pairs: PairCache;

  constructor(
    private readonly base: string,
    private readonly timeoutMs: number,
    private readonly fetcher: Fetch = fetch,
  ) {
    this.pairs = new PairCache(async () => {
      const { status, body } = await call(this.name, this.fetcher, `${this.base}/listPairs`, { method: 'GET', headers: { accept: 'application/json' } }, this.timeoutMs);
      const data = (body as { responseData?: unknown } | null)?.responseData;
      if (status !== 200 || !Array.isArray(data)) throw unavailable(this.name, `listPairs answered ${status}`);
      return new Set((data as { sourceLanguage: string; targetLanguage: string }[]).map((p) => `${p.sourceLanguage}|${p.targetLanguage}`));
    });
  }

  async supports(from: string, to: string): Promise<boolean> {
    return apertiumPair(from, to, await this.pairs.get()) !== null;
  }

  async translate(text: string, from: string, to: string): Promise<string> {
    const langpair = apertiumPair(from, to, await this.pairs.get());
    if (langpair === null) throw unavailable(this.name, `no pair from ${from} to ${to}`);
    const form = new URLSearchParams({ langpair, q: text, markUnknown: 'no' });
    const { status, body } = await call(
      this.name,
      this.fetcher,
      `${this.base}/translate`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form.toString() },
      this.timeoutMs,
    );
    const translated = (body as { responseData?: { translatedText?: unknown } } | null)?.responseData?.translatedText;
    if (status !== 200 || typeof translated !== 'string') throw unavailable(this.name, `translate answered ${status}`);
    // APY keeps the spacing of words it drops ("Cómo  el"): one space between words.
    return translated.replace(/[ \t]{2,}/gu, ' ').trim();
  }
}

/**
 * A LibreTranslate-compatible service: `POST /translate` with JSON
 * `{ q, source, target, format: 'text', api_key? }` answers `{ translatedText }`;
 * `GET /languages` lists `[{ code, targets }]`. Languages go by their primary code (`en`). MT32.
 */
export class LibreTranslateEngine implements TranslationEngine {
  readonly name = 'libretranslate';
  private readonly pairs: PairCache;

  constructor(
    private readonly base: string,
    private readonly apiKey: string | undefined,
    private readonly timeoutMs: number,
    private readonly fetcher: Fetch = fetch,
  ) {
    this.pairs = new PairCache(async () => {
      const { status, body } = await call(this.name, this.fetcher, `${this.base}/languages`, { method: 'GET', headers: { accept: 'application/json' } }, this.timeoutMs);
      if (status !== 200 || !Array.isArray(body)) throw unavailable(this.name, `languages answered ${status}`);
      const pairs = new Set<string>();
      for (const language of body as { code?: unknown; targets?: unknown }[]) {
        if (typeof language.code !== 'string') continue;
        // Services without `targets` translate between every pair they list.
        const targets = Array.isArray(language.targets) ? (language.targets as unknown[]) : (body as { code?: unknown }[]).map((l) => l.code);
        for (const target of targets) if (typeof target === 'string' && target !== language.code) pairs.add(`${language.code}|${target}`);
      }
      return pairs;
    });
  }

  async supports(from: string, to: string): Promise<boolean> {
    return (await this.pairs.get()).has(`${primaryLanguage(from)}|${primaryLanguage(to)}`);
  }

  async translate(text: string, from: string, to: string): Promise<string> {
    const request = { q: text, source: primaryLanguage(from), target: primaryLanguage(to), format: 'text', ...(this.apiKey !== undefined && { api_key: this.apiKey }) };
    const { status, body } = await call(
      this.name,
      this.fetcher,
      `${this.base}/translate`,
      { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(request) },
      this.timeoutMs,
    );
    const translated = (body as { translatedText?: unknown } | null)?.translatedText;
    if (status !== 200 || typeof translated !== 'string') throw unavailable(this.name, `translate answered ${status}`);
    return translated;
  }
}
