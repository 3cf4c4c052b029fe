import { describe, expect, it } from 'vitest';
import { apertiumCodes, apertiumPair } from '../../server/src/content/machine/apertium-codes.js';
import { ApertiumEngine, createEngine, LibreTranslateEngine, type Fetch } from '../../server/src/content/machine/engines.js';
import { AppError } from '../../server/src/errors.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that records each request and answers from `answer`. */
function recording(answer: (url: string) => { status: number; body: unknown }): { fetch: Fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: Fetch = (url, init) => {
    sent.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body as string | undefined });
    const { status, body } = answer(url);
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  };
  return { fetch, sent };
}

const APY_PAIRS = {
  responseData: [
    { sourceLanguage: 'eng', targetLanguage: 'spa' },
    { sourceLanguage: 'spa', targetLanguage: 'eng' },
    { sourceLanguage: 'spa', targetLanguage: 'eng_US' },
    { sourceLanguage: 'fra', targetLanguage: 'spa' },
  ],
  responseDetails: null,
  responseStatus: 200,
};

describe('BCP 47 → Apertium codes', () => {
  it('MT30 maps the primary language to ISO 639-3, a region to the variant first', () => {
    expect(apertiumCodes('en')).toEqual(['eng']);
    expect(apertiumCodes('es')).toEqual(['spa']);
    expect(apertiumCodes('fr')).toEqual(['fra']);
    expect(apertiumCodes('ar')).toEqual(['ara']);
    expect(apertiumCodes('zh-Hans')).toEqual(['zho']);
    expect(apertiumCodes('EN-us')).toEqual(['eng_US', 'eng']);
    expect(apertiumCodes('ast')).toEqual(['ast']);
    expect(apertiumCodes('not a tag')).toEqual([]);
    expect(apertiumCodes('und')).toEqual(['und']);
  });

  it('MT30 picks the most specific pair APY lists, or none', () => {
    const pairs = new Set(APY_PAIRS.responseData.map((p) => `${p.sourceLanguage}|${p.targetLanguage}`));
    expect(apertiumPair('en', 'es', pairs)).toBe('eng|spa');
    expect(apertiumPair('en-GB', 'es-MX', pairs)).toBe('eng|spa');
    expect(apertiumPair('es', 'en-US', pairs)).toBe('spa|eng_US');
    expect(apertiumPair('es', 'en-GB', pairs)).toBe('spa|eng');
    expect(apertiumPair('fr-CA', 'es', pairs)).toBe('fra|spa');
    expect(apertiumPair('en', 'fr', pairs)).toBeNull();
  });
});

describe('the engines’ requests', () => {
  it('MT31 Apertium: GET /listPairs, then POST /translate with langpair, q and markUnknown=no as a form', async () => {
    const { fetch, sent } = recording((url) =>
      url.endsWith('/listPairs') ? { status: 200, body: APY_PAIRS } : { status: 200, body: { responseData: { translatedText: 'Cómo  el plan' }, responseStatus: 200 } },
    );
    const engine = new ApertiumEngine('http://apy.test', 5_000, fetch);
    expect(engine.name).toBe('apertium');
    expect(await engine.supports('en', 'es')).toBe(true);
    expect(await engine.supports('en', 'ar')).toBe(false);
    expect(await engine.translate('How the plan', 'en', 'es')).toBe('Cómo el plan');
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['GET http://apy.test/listPairs', 'POST http://apy.test/translate']);
    expect(sent[1]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent[1]!.body))).toEqual({ langpair: 'eng|spa', q: 'How the plan', markUnknown: 'no' });
  });

  it('MT31 Apertium refuses a pair it does not list with unavailable, without asking to translate', async () => {
    const { fetch, sent } = recording(() => ({ status: 200, body: APY_PAIRS }));
    const engine = new ApertiumEngine('http://apy.test', 5_000, fetch);
    await expect(engine.translate('Hello', 'en', 'ar')).rejects.toMatchObject({ code: 'unavailable' });
    expect(sent.map((s) => s.url)).toEqual(['http://apy.test/listPairs']);
  });

  it('MT32 LibreTranslate: POST /translate with JSON {q, source, target, format, api_key}', async () => {
    const { fetch, sent } = recording((url) =>
      url.endsWith('/languages')
        ? {
            status: 200,
            body: [
              { code: 'en', name: 'English', targets: ['es', 'fr'] },
              { code: 'es', name: 'Spanish', targets: ['en'] },
            ],
          }
        : { status: 200, body: { translatedText: '¿Por qué?' } },
    );
    const engine = new LibreTranslateEngine('http://lt.test', 'k3y', 5_000, fetch);
    expect(engine.name).toBe('libretranslate');
    expect(await engine.supports('en-GB', 'es')).toBe(true);
    expect(await engine.supports('es', 'fr')).toBe(false);
    expect(await engine.translate('Why?', 'en-GB', 'es-MX')).toBe('¿Por qué?');
    expect(sent[1]!.url).toBe('http://lt.test/translate');
    expect(sent[1]!.method).toBe('POST');
    expect(sent[1]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent[1]!.body!)).toEqual({ q: 'Why?', source: 'en', target: 'es', format: 'text', api_key: 'k3y' });
  });

  it('MT33 an engine that fails or cannot be reached answers unavailable', async () => {
    const down: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    const error = await new LibreTranslateEngine('http://lt.test', undefined, 5_000, down).translate('Why?', 'en', 'es').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable' });
    const { fetch } = recording(() => ({ status: 500, body: { error: 'boom' } }));
    await expect(new LibreTranslateEngine('http://lt.test', undefined, 5_000, fetch).translate('Why?', 'en', 'es')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('MT34 none is no engine; an engine without a URL is a configuration error', () => {
    expect(createEngine({ engine: 'none', url: undefined, apiKey: undefined, timeoutMs: 1_000 })).toBeNull();
    expect(() => createEngine({ engine: 'apertium', url: undefined, apiKey: undefined, timeoutMs: 1_000 })).toThrow(/TRANSLATE_URL/);
    expect(createEngine({ engine: 'apertium', url: 'http://apy.test/', apiKey: undefined, timeoutMs: 1_000 })?.name).toBe('apertium');
    expect(createEngine({ engine: 'libretranslate', url: 'http://lt.test', apiKey: undefined, timeoutMs: 1_000 })?.name).toBe('libretranslate');
  });
});
