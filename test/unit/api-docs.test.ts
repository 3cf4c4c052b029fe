import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS, type HttpRoute } from '../../shared/src/protocol/index.js';

// The HTTP routes of commands are derived from the command table; this keeps docs/api.md from
// drifting away from it. The docs abbreviate, so their endpoints are read the way a person would.

const ENDPOINT = /^(GET|POST|PUT|PATCH|DELETE) ?([^\s?]*)/;

/** Every `METHOD /api/path` docs/api.md names, abbreviations spelled out. */
function documentedEndpoints(markdown: string): Set<string> {
  const found = new Set<string>();
  let base = ''; // the Town Hall table's paths are relative to its base
  let last = '';
  for (const line of markdown.split('\n')) {
    if (line.startsWith('#')) base = /^### Town Hall/.test(line) ? '/api/sessions/:id/townhall' : '';
    let method = '';
    for (const [, span] of line.matchAll(/`([^`]+)`/g)) {
      const endpoint = ENDPOINT.exec(span!);
      let path: string;
      if (endpoint) {
        method = endpoint[1]!;
        path = endpoint[2]!;
      } else if (method && /^\/[^\s?]*$/.test(span!)) {
        path = span!; // `POST /floor/pause` · `/floor/resume`, or `POST /questions/:questionId/approve` · `/hide`
        if (path.split('/').length === 2) path = last.slice(0, last.lastIndexOf('/')) + path;
        else if (!path.startsWith('/api')) path = base + path;
        found.add(`${method} ${path}`);
        last = path;
        continue;
      } else continue;
      if (path.startsWith('…'))
        path = last.slice(0, last.indexOf(path.slice(1).split('/')[1]!) - 1) + path.slice(1); // `PUT …/ideas/:ideaId/text`
      else if (!path.startsWith('/api')) path = base + path;
      found.add(`${method} ${path}`);
      last = path;
    }
  }
  return found;
}

describe('docs/api.md', () => {
  const documented = documentedEndpoints(readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8'));

  it('documents the endpoint of every command that has one (method and path)', () => {
    const routes = COMMAND_NAMES.flatMap((name) => {
      const http: HttpRoute | undefined = (COMMANDS[name] as { http?: HttpRoute }).http;
      return http ? [`${http.method.toUpperCase()} /api${http.path}`] : [];
    });
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('reads abbreviated rows as a person would', () => {
    expect(documented).toContain('POST /api/sessions/:id/townhall/questions/:questionId/hide');
    expect(documented).toContain('POST /api/sessions/:id/townhall/floor/resume');
    expect(documented).toContain('DELETE /api/sessions/:id/cafe/tables/:tableId/rounds/:round/ideas/:ideaId');
    expect(documented).not.toContain('POST /api/sessions/:id/townhall/questions/:questionId/unknown');
  });
});
