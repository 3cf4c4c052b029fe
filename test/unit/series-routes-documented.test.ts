// Every route of the series routers is in docs/api.md (its method and path, in backticks), so a
// part that adds an endpoint also documents it. Reads the routers' own stacks: nothing is listed twice.
import { readFileSync } from 'node:fs';
import type { Router } from 'express';
import { describe, expect, it } from 'vitest';
import type { SeriesDeps } from '../../server/src/series/deps.js';
import { seriesRouters } from '../../server/src/series/index.js';

const API_DOC = new URL('../../docs/api.md', import.meta.url);

/** A stand-in for every dependency: routers only keep references while they are built. */
const noop = (_req: unknown, _res: unknown, next?: () => void) => next?.();
const deps = new Proxy({}, { get: () => noop }) as unknown as SeriesDeps;

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

function routesOf(router: Router, prefix: string): string[] {
  return (router.stack as Layer[]).flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${prefix}${layer.route!.path}`) : [],
  );
}

/** `GET /api/x`, `GET|POST /api/x?query`: each method with the path, query left out. */
function documented(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const [, methods, path] of markdown.matchAll(/`((?:GET|POST|PUT|PATCH|DELETE)(?:\|(?:GET|POST|PUT|PATCH|DELETE))*) (\/[^`\s?]*)/g)) {
    for (const method of methods!.split('|')) out.add(`${method} ${path}`);
  }
  return out;
}

describe('SER20 the series endpoints are documented', () => {
  it('SER20 every route of the series routers is in docs/api.md', () => {
    const { api, pages } = seriesRouters(deps);
    const routes = [...api.flatMap((router) => routesOf(router, '/api')), ...routesOf(pages, '')];
    expect(routes).toContain('PATCH /api/series/:id');
    const doc = documented(readFileSync(API_DOC, 'utf8'));
    expect(routes.filter((route) => !doc.has(route))).toEqual([]);
  });
});
