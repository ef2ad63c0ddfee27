/** The offline GraphQL IDE at GET /graphql (development): GraphiQL bundled, no CDN. */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { developmentToken } from '../api/sign-in';
import { authorizationHeaders } from '../auth/session';

const EXAMPLE = `# xrm-graph: press Ctrl-Enter to run. The docs (book icon) describe every field.
{
  search(text: "Bau Schmidt", types: ["Organization"], first: 3) {
    score
    node { id ... on Organization { name city lifecycleStage } }
  }
}
`;

/** The explorer's token of this tab, else (in development) the ADMIN token the server printed. */
async function credentialHeaders(): Promise<Record<string, string>> {
  const headers = authorizationHeaders();
  if (Object.keys(headers).length) return headers;
  const token = await developmentToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

// The fetcher sends the credential with every request, the schema's introspection too; the
// Headers tab shows it and may override it.
void credentialHeaders().then((headers) => {
  const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql`, headers });
  const initialHeaders = Object.keys(headers).length ? JSON.stringify(headers, null, 2) : undefined;
  createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, { fetcher, defaultQuery: EXAMPLE, initialHeaders }));
});
