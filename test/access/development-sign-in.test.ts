import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { announceDevelopmentToken, authSettings } from '../../src/access';
import { developmentSecret } from '../../src/development-secret';
import type { ImportDocument } from '../../src/import';
import { runCli } from '../support/run-cli';
import { useTestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'User', key: 'u-paul-engel', properties: { name: 'Paul Engel', roles: ['ADMIN'] } },
    { type: 'User', key: 'u-kim-berg', properties: { name: 'Kim Berg', roles: ['KEY_ACCOUNT_MANAGER'] } },
    { type: 'User', key: 'u-gone', properties: { name: 'Gone Away', roles: ['SALES'], active: false } },
  ],
};

/** Runs `npm run token -- <args>` (the same entry) with the given environment. */
const runToken = (args: string[], env: Record<string, string>) => runCli('src/access/token-cli.ts', args, env);

const tempFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-access-')), 'data', name);

describe('the development secret', () => {
  it('is generated once into the data folder, readable by its owner only, and reused on the next start', () => {
    const file = tempFile('jwt-secret');
    const secret = developmentSecret(file);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(developmentSecret(file)).toBe(secret);
  });

  it('is used only when development configures neither a secret nor a JWKS URL', () => {
    const devSecretFile = tempFile('jwt-secret');
    const none = { jwtSecret: undefined, jwksUrl: undefined, issuer: undefined, audience: undefined, devSecretFile };
    expect(authSettings(none, false).jwtSecret).toBe(developmentSecret(devSecretFile));
    expect(authSettings({ ...none, jwtSecret: 'c'.repeat(32) }, false).jwtSecret).toBe('c'.repeat(32));
    expect(authSettings({ ...none, jwksUrl: 'https://login.example/keys' }, false)).toEqual({ jwksUrl: 'https://login.example/keys' });
  });
});

describe('development tokens', () => {
  const { server } = useTestServer({ graph: WORLD });

  it('npm start logs a ready token of the sample world\'s ADMIN, which signs in', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    await announceDevelopmentToken(server.db, server.auth, log);
    const message = JSON.parse(lines[0]).msg as string;
    expect(message).toMatch(/development token of Paul Engel \(u-paul-engel, ADMIN\)/);
    const token = message.slice(message.lastIndexOf(' ') + 1);
    expect((await server.as({ token }).data(/* GraphQL */ `{ viewer { user { key } roles } }`)).viewer).toEqual({ user: { key: 'u-paul-engel' }, roles: ['ADMIN'] });
  });

  it('npm run token mints a token for any user, checked by the running API', async () => {
    const env = { AUTH_JWT_SECRET: server.auth.jwtSecret!, PORT: new URL(server.url).port };
    const kim = await runToken(['--user', 'u-kim-berg'], env);
    expect(kim.code).toBe(0);
    expect(kim.stderr).toMatch(/token of Kim Berg \(u-kim-berg; KEY_ACCOUNT_MANAGER\), valid 24h/);
    const token = kim.stdout.trim();
    expect((await server.as({ token }).data(/* GraphQL */ `{ viewer { user { key } } }`)).viewer.user.key).toBe('u-kim-berg');

    const unknown = await runToken(['--user', 'u-nobody'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/No user has the key or id "u-nobody"/);
    const gone = await runToken(['--user', 'u-gone'], env);
    expect(gone.stderr).toMatch(/"u-gone" is deactivated/);
  });

  it('npm run token checks the user in the database when no API answers', async () => {
    const env = { AUTH_JWT_SECRET: server.auth.jwtSecret!, PORT: '1' };
    const paul = await runToken(['--user', 'u-paul-engel', '--expires-in', '2h'], env);
    expect(paul.stderr).toMatch(/token of Paul Engel \(u-paul-engel; ADMIN\), valid 2h/);
    expect((await server.as({ token: paul.stdout.trim() }).data(/* GraphQL */ `{ viewer { user { key } } }`)).viewer.user.key).toBe('u-paul-engel');
    const unknown = await runToken(['--user', 'u-nobody'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No user has the key or id "u-nobody"/);
  });

  it('npm run token says how to use it when the arguments are wrong', async () => {
    const result = await runToken([], { AUTH_JWT_SECRET: server.auth.jwtSecret! });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/usage: npm run token -- --user <user key or id>/);
  });
});
