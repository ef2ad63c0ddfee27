import { escapeHtml, readForm, sendPage, type PublicPage, type PublicRequest } from '../web';
import { PREFERENCES_PATH } from './preference-link';
import { preferenceState, type PreferenceState } from './preference-state';
import { verifyPreferenceToken } from './preference-token';
import { requestFromPreferenceCentre, savePreferences, type DataRequest } from './save-preferences';

const CHANNEL_NAMES: Record<string, string> = { EMAIL: 'E-mail', PHONE: 'Phone', POST: 'Post', SMS: 'Text messages', SOCIAL: 'Social media' };
const NOTICES: Record<string, string> = {
  saved: 'Your choices are saved.',
  export: 'Your request for a copy of your data is with our service team.',
  erasure: 'Your request to erase your data is with our service team.',
};

/**
 * GET and POST /preferences/<token> (public, no JavaScript needed): the person's name and a
 * switch per channel × purpose; saving records each change as a grant or withdrawal, two buttons
 * raise a data export or erasure request. A forged or expired token gets a 410 page. The page
 * shows nothing else about the person.
 */
export const preferenceCentre: PublicPage = async (request) => {
  const { req, res, url } = request;
  if (!url.pathname.startsWith(PREFERENCES_PATH)) return false;
  // A JWT needs no decoding: its alphabet is URL-safe, and anything else is no token of ours.
  const personId = await verifyPreferenceToken(url.pathname.slice(PREFERENCES_PATH.length));
  const state = personId ? await preferenceState(request.db, personId) : null;
  if (!personId || !state) {
    sendPage(res, 410, 'Link no longer valid', `<h1>This link is no longer valid</h1>
<p>It has expired or it is not one we sent. Please use the link in our latest message, or ask us for a new one.</p>`);
    return true;
  }
  if (req.method === 'POST') return post(request, personId, state);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, POST' }).end();
    return true;
  }
  sendPage(res, 200, 'Your preferences', render(state, NOTICES[url.searchParams.get('done') ?? ''] ?? null));
  return true;
};

async function post({ req, res, url, write }: PublicRequest, personId: string, state: PreferenceState): Promise<boolean> {
  const form = await readForm(req);
  if (!form) {
    sendPage(res, 413, 'Too large', '<h1>That form was too large</h1>');
    return true;
  }
  const action = form.get('action');
  let done: string;
  if (action === 'export' || action === 'erasure') {
    const request: DataRequest = action;
    await write(action === 'export' ? 'requestDataExport' : 'requestErasure', personId)((tx, report) => requestFromPreferenceCentre(tx, report, personId, request));
    done = action;
  } else {
    // Only switches the page showed count; a switch is on when its box was ticked.
    const ticked = new Set(form.getAll('on'));
    const wanted = state.switches.map((s) => ({ ...s, granted: ticked.has(switchId(s)) }));
    if (wanted.some((w, i) => w.granted !== state.switches[i].granted)) {
      await write('savePreferences', personId)((tx, report) => savePreferences(tx, report, personId, wanted));
    }
    done = 'saved';
  }
  // Post/redirect/get: a reload shows the page instead of posting again.
  res.writeHead(303, { location: `${url.pathname}?done=${done}`, 'cache-control': 'no-store' }).end();
  return true;
}

const switchId = (s: { channel: string; purpose: string }) => `${s.channel}|${s.purpose}`;

function render(state: PreferenceState, notice: string | null): string {
  const rows = state.switches.map((s) => {
    const id = `s-${escapeHtml(s.channel)}-${escapeHtml(s.purpose).replace(/\s+/g, '-')}`;
    return `<tr><td>${escapeHtml(CHANNEL_NAMES[s.channel] ?? s.channel)}</td><td>${escapeHtml(s.purpose)}</td>
<td><input type="checkbox" role="switch" name="on" id="${id}" value="${escapeHtml(switchId(s))}"${s.granted ? ' checked' : ''}>
<label for="${id}">${s.granted ? 'yes' : 'no'}</label></td></tr>`;
  }).join('\n');
  return `<h1>Your preferences</h1>
<p>Hello ${escapeHtml(state.name)}. Choose how we may contact you, and what about.</p>
${notice ? `<p role="status"><strong>${escapeHtml(notice)}</strong></p>` : ''}
<form method="post">
<table><thead><tr><th>Channel</th><th>What about</th><th>I agree</th></tr></thead><tbody>
${rows}
</tbody></table>
<button type="submit" name="action" value="save">Save my choices</button>
</form>
<h2>Your data</h2>
<form method="post">
<button type="submit" name="action" value="export">Send me my data</button>
<button type="submit" name="action" value="erasure">Erase my data</button>
</form>
<p class="note">Our service team answers requests within one month.</p>`;
}
