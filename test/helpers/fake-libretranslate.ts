// A tiny LibreTranslate-compatible service on 127.0.0.1 for the tests of machine translation
// (docs/languages.md): `GET /languages` lists the pairs, `POST /translate` answers with what the
// test chooses and keeps each request it was sent, so a test can check what left the server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLibreTranslate {
  /** Its address, for `TRANSLATE_URL`. */
  url: string;
  /** The bodies of the translation requests, in order. */
  asked: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function fakeLibreTranslate(options: {
  /** What `GET /languages` says: a source language and the targets it offers. */
  languages: { code: string; name: string; targets: string[] }[];
  /** The translation of one request. */
  answer: (asked: { q: string; target: string }) => string;
}): Promise<FakeLibreTranslate> {
  const asked: FakeLibreTranslate['asked'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET') return void res.end(JSON.stringify(options.languages));
      const request = JSON.parse(body) as { q: string; target: string };
      asked.push(request);
      res.end(JSON.stringify({ translatedText: options.answer(request) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
