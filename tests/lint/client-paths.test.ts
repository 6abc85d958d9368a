import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const clientSrc = path.resolve(__dirname, '../../client/src');
/** The typed helper: the only client file that may spell the `/api` prefix. */
const HELPER = 'api/call.ts';

/** A string or template literal that starts with `/api` (then `/`, `?`, `${` or its end). */
const API_LITERAL = /(['"`])\/api(?![\w.-])/g;

/** The lines of a text holding a hand-written API path. */
function handWrittenPaths(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.match(API_LITERAL) ? [i + 1] : []));
}

function clientFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientFiles(full);
    return /\.(ts|vue)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('the client reaches the server only through the typed endpoint catalogue', () => {
  it('When a path under /api is written by hand, then the check finds it', () => {
    const text = [
      "import { call } from './call';",
      "export const get = (id: string) => http.get(`/api/lawyers/${id}`);",
      "export const list = () => http.get('/api/posts');",
      'const base = "/api";',
      "export const one = (id: string) => call('GET /lawyers/:id', { params: { id } });",
      "const docs = '/apidocs-are-not-this';",
    ].join('\n');
    expect(handWrittenPaths(text)).toEqual([2, 3, 4]);
  });

  it('When the client sources are read, then no file but the typed helper spells an API path', () => {
    const files = clientFiles(clientSrc);
    expect(files.length).toBeGreaterThan(50);
    const found = files
      .filter((f) => path.relative(clientSrc, f) !== HELPER)
      .flatMap((f) => handWrittenPaths(readFileSync(f, 'utf8')).map((line) => `${path.relative(clientSrc, f)}:${line}`));
    expect(found).toEqual([]);
    // The helper itself does hold the prefix (so the check above looks at the right thing).
    expect(handWrittenPaths(readFileSync(path.join(clientSrc, HELPER), 'utf8')).length).toBeGreaterThan(0);
  });
});
