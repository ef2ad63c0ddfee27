/**
 * `npm run token -- --user <key or id> [--expires-in 24h]`: prints a token (HS256, signed with
 * AUTH_JWT_SECRET or the development secret) for that user, on stdout alone, so that
 * `TOKEN=$(npm run -s token -- --user u-kim-berg)` works. The user is checked first, exactly as
 * the server checks a request: by the running API (PORT) when it answers, else in the database
 * (NEO4J_URI, or the embedded store when no API holds it). An unknown or deactivated user exits 1.
 */
import { ConfigError, loadConfig, type Config } from '../config';
import { createLogger } from '../logger';
import { connectNeo4j } from '../neo4j/connect';
import { authSettings, type AuthSettings } from './auth-settings';
import { DEFAULT_TOKEN_LIFETIME, mintToken } from './mint-token';
import { SignInRefused } from './refusal';
import { authenticator } from './sign-in';

const USAGE = 'usage: npm run token -- --user <user key or id> [--expires-in 24h]';

function parseCliArgs(argv: string[]): { user: string; expiresIn: string } {
  let user: string | undefined;
  let expiresIn = DEFAULT_TOKEN_LIFETIME;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--user') user = argv[(i += 1)];
    else if (argv[i] === '--expires-in') expiresIn = argv[(i += 1)];
    else throw new Error(`unknown argument ${argv[i]}. ${USAGE}`);
  }
  if (!user) throw new Error(USAGE);
  if (!/^\d+ ?(s|m|h|d|w)$/.test(expiresIn ?? '')) throw new Error(`--expires-in must look like 30m, 24h or 7d, got "${expiresIn}". ${USAGE}`);
  return { user, expiresIn };
}

interface SignedInUser {
  name: string;
  roles: string[];
}

const WHO = /* GraphQL */ `
  query TokenCheck {
    viewer {
      user {
        name
      }
      roles
    }
  }
`;

/** Asks the running API who the token signs in; undefined when no API answers on PORT. */
async function checkWithApi(port: number, token: string): Promise<SignedInUser | undefined> {
  let response: Response;
  try {
    response = await fetch(`http://localhost:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: WHO }),
    });
  } catch {
    return undefined;
  }
  const body = (await response.json()) as { data?: { viewer: { user: { name: string }; roles: string[] } }; errors?: { message: string }[] };
  if (!body.data) throw new Error(`the API on port ${port} refuses the token: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
  return { name: body.data.viewer.user.name, roles: body.data.viewer.roles };
}

/** Signs the token in against the database, as the server would. */
async function checkWithDatabase(config: Config, settings: AuthSettings, token: string): Promise<SignedInUser> {
  let neo4j: Awaited<ReturnType<typeof connectNeo4j>>;
  try {
    neo4j = await connectNeo4j(config, createLogger('warn'));
  } catch (error) {
    throw new Error(
      `no API answers on port ${config.port} and the database cannot be opened (${(error as Error).message}). ` +
        'Is npm start running on another PORT? Set PORT to it.',
    );
  }
  try {
    const viewer = await authenticator(neo4j.db, settings)({ authorization: `Bearer ${token}` });
    return { name: String(viewer.user.name), roles: viewer.roles };
  } finally {
    await neo4j.close();
  }
}

async function main(): Promise<void> {
  const { user, expiresIn } = parseCliArgs(process.argv.slice(2));
  const config = loadConfig();
  const settings = authSettings(config.auth, config.nodeEnv === 'production');
  const token = await mintToken(settings, user, expiresIn);
  const signedIn = (await checkWithApi(config.port, token)) ?? (await checkWithDatabase(config, settings, token));
  const roles = signedIn.roles.length ? signedIn.roles.join(', ') : 'no role';
  process.stderr.write(`token of ${signedIn.name} (${user}; ${roles}), valid ${expiresIn}; send it as "Authorization: Bearer <token>"\n`);
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  const message = error instanceof ConfigError || error instanceof SignInRefused ? error.message : (error as Error).message;
  process.stderr.write(`npm run token: ${message}\n`);
  process.exit(1);
});
