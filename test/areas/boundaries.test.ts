import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');

/** Runs the house checks (`npm run lint:deps`) on a copy of src/ with `extra` files added. */
function checkCopy(extra: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-house-'));
  try {
    fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), text);
    const run = spawnSync(DEPCRUISE, ['src', '--config', path.join(ROOT, '.dependency-cruiser.cjs')], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the house checks', () => {
  it('pass on the tree as it is', () => {
    const { status, output } = checkCopy({});
    expect(output).toMatch(/no dependency violations found/);
    expect(status).toBe(0);
  });

  it('fail on an area reaching into another area, plumbing importing an area, and a cycle', () => {
    const { status, output } = checkCopy({
      'src/dashboard/reach-in.ts': "import { OPEN_CASE_STATUSES } from '../cases/open-statuses';\nexport const statuses = OPEN_CASE_STATUSES;\n",
      'src/graphql/knows-an-area.ts': "import type { PathRow } from '../paths';\nexport type Row = PathRow;\n",
      'src/search/ping.ts': "import { pong } from './pong';\nexport const ping = () => pong;\n",
      'src/search/pong.ts': "import { ping } from './ping';\nexport const pong = () => ping;\n",
    });
    expect(output).toMatch(/area-internals: src\/dashboard\/reach-in\.ts → src\/cases\/open-statuses\.ts/);
    expect(output).toMatch(/plumbing-imports-no-area: src\/graphql\/knows-an-area\.ts → src\/paths\/index\.ts/);
    expect(output).toMatch(/no-cycles: src\/search\/ping\.ts →\s+src\/search\/pong\.ts →\s+src\/search\/ping\.ts/);
    expect(status).not.toBe(0);
  });
});
