/** The offline GraphQL IDE at GET /graphql (development): GraphiQL bundled, no CDN. */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
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

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: EXAMPLE,
    initialHeaders: Object.keys(headers).length ? JSON.stringify(headers, null, 2) : undefined,
  }),
);
