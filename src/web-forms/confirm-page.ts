import { escapeHtml, sendPage, type PublicPage } from '../web';
import { hashToken } from '../public-links';
import { confirmConsentRequest, openRequestOwner } from './confirm-consent';

export const CONFIRM_PATH = '/consent/confirm';

const CHANNEL_NAMES: Record<string, string> = { EMAIL: 'E-mail', PHONE: 'Phone', POST: 'Post', SMS: 'Text messages', SOCIAL: 'Social media' };

/** Thrown inside the write to roll it back (and its change event with it) when the link is no longer valid. */
class LinkNoLongerValid extends Error {}

/**
 * GET /consent/confirm?token=… (public): the double opt-in's second step. A usable token grants
 * each requested consent once and shows a short page; a used, expired or unknown one shows a 410
 * page and writes nothing. The page names the consents only, nothing else about the person.
 */
export const consentConfirmationPage: PublicPage = async ({ req, res, url, db, write }) => {
  if (url.pathname !== CONFIRM_PATH) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET' }).end();
    return true;
  }
  const token = url.searchParams.get('token') ?? '';
  const tokenHash = hashToken(token);
  const personId = /^[A-Za-z0-9_-]{20,100}$/.test(token)
    ? await db.readTransaction((tx) => openRequestOwner(tx, tokenHash))
    : null;
  const confirmed = personId
    ? await write('confirmConsent', personId)(async (tx, report) => {
        const result = await confirmConsentRequest(tx, report, tokenHash);
        if (!result) throw new LinkNoLongerValid();
        return result;
      }).catch((error: unknown) => {
        if (error instanceof LinkNoLongerValid) return null;
        throw error;
      })
    : null;
  if (!confirmed) {
    sendPage(res, 410, 'Link no longer valid', `<h1>This confirmation link is no longer valid</h1>
<p>It was used already, it has expired (links work for 7 days), or it is not one we sent. Nothing was changed.</p>
<p class="note">To subscribe again, please fill in the form on our website once more.</p>`);
    return true;
  }
  const items = confirmed.consents.map((c) => `<li>${escapeHtml(CHANNEL_NAMES[c.channel] ?? c.channel)}: ${escapeHtml(c.purpose)}</li>`).join('');
  sendPage(res, 200, 'Thank you', `<h1>Thank you — confirmed</h1>
<p>You agreed to hear from us for:</p><ul>${items}</ul>
<p class="note">Every message we send you has a link to change your choices or to withdraw at any time.</p>`);
  return true;
};
