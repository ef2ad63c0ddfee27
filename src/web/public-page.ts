import type http from 'node:http';
import type { Logger } from '../logger';
import type { Mutate } from '../graphql/mutate';
import type { Reader } from '../neo4j/database';

/** What a public page gets: the request, a reader, and the one way to write (like a mutation). */
export interface PublicRequest {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  db: Reader;
  log: Logger;
  /**
   * The write of a page, recorded like a mutation's (its change event): `operation` names it in
   * the event type table, `actorId` is the person whose link it is.
   */
  write(operation: string, actorId: string | null): Mutate;
}

/**
 * A page people reach through a link (no credential: the link's token is the proof). Answers true
 * when it handled the request; the server tries each before its own routes.
 */
export type PublicPage = (request: PublicRequest) => Promise<boolean>;

// Server-rendered pages without scripts: a form posts to the same origin and nothing else loads.
const PAGE_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2733;line-height:1.5}
h1{font-size:1.5rem}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #dde3ea}
button{font:inherit;padding:.4rem 1rem;margin:.25rem .5rem .25rem 0}.note{color:#4c5a69;font-size:.9rem}`;

/** Sends a whole HTML page (nothing cached, nothing framed, no script allowed). */
export function sendPage(res: http.ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': PAGE_SECURITY_POLICY,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>`);
}

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const MAX_FORM_BYTES = 64 * 1024;

/** The fields of a posted HTML form (application/x-www-form-urlencoded); null when it is too large. */
export async function readForm(req: http.IncomingMessage): Promise<URLSearchParams | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
