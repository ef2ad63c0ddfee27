/** The offline GraphQL IDE at GET /graphql (development): GraphiQL bundled, no CDN. */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { developmentToken } from '../api/sign-in';
import { authorizationHeaders } from '../auth/session';

const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql` });
const headers = authorizationHeaders();
const EXAMPLE = `# xrm-graph: press Ctrl-Enter to run. The docs (book icon) describe every field.
{
  search(text: "Bau Schmidt", types: ["Organization"], first: 3) {
    score
    node { id ... on Organization { name city lifecycleStage } }
  }
}
`;

/** The explorer's token of this tab, else (in development) the ADMIN token the server printed. */
async function initialHeaders(): Promise<string | undefined> {
  const token = Object.keys(headers).length ? undefined : await developmentToken();
  const chosen = token ? { Authorization: `Bearer ${token}` } : headers;
  return Object.keys(chosen).length ? JSON.stringify(chosen, null, 2) : undefined;
}

void initialHeaders().then((initial) =>
  createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, { fetcher, defaultQuery: EXAMPLE, initialHeaders: initial })),
);
