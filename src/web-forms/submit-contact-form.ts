import { badUserInput, tooManyRequests } from '../graphql/errors';
import type { ChangeReport } from '../graphql/mutate';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { nameKeyOf } from '../model/name-key';
import { convertProperty, email as emailKind } from '../model/properties';
import { logInteraction } from '../interactions';
import { hashToken, newLinkToken, publicUrl } from '../public-links';

export interface ContactFormInput {
  email: string;
  name?: string | null;
  organizationName?: string | null;
  message?: string | null;
  consents?: readonly { channel: string; purpose: string }[] | null;
  textVersion?: string | null;
  source: string;
}

/** Submissions per e-mail address and hour; the next one is TOO_MANY_REQUESTS. */
export const SUBMISSIONS_PER_HOUR = 5;
/** How long a confirmation link works. */
export const CONFIRMATION_DAYS = 7;
const MAX_CONSENTS = 10;

// One throttle per address (hashed: no e-mail in clear): its write lock, taken before the read by
// the dependent SET, makes concurrent submissions of one address count one after the other.
const COUNT_SUBMISSION = `
MERGE (t:ContactFormThrottle {emailHash: $emailHash})
SET t.recent = [at IN coalesce(t.recent, []) WHERE at > $hourAgo]
RETURN size(t.recent) AS recent`;
const ADD_SUBMISSION = 'MATCH (t:ContactFormThrottle {emailHash: $emailHash}) SET t.recent = t.recent + $now';

const FIND_OR_CREATE_PERSON = `
OPTIONAL MATCH (existing:Person {email: $email})
WITH existing ORDER BY existing.createdAt, existing.id LIMIT 1
CALL (existing) {
  WITH existing WHERE existing IS NULL
  CREATE (p:Entity:Person {id: randomUUID(), name: $name, nameKey: $nameKey, email: $email, createdAt: $now, updatedAt: $now})
  RETURN p
  UNION
  WITH existing WHERE existing IS NOT NULL
  RETURN existing AS p
}
RETURN p.id AS id`;

const CREATE_REQUEST = `
MATCH (p:Person {id: $personId})
CREATE (p)-[:REQUESTED {createdAt: $now}]->(:ConsentRequest {
  channels: $channels, purposes: $purposes, textVersion: $textVersion, source: $source,
  requestedAt: $now, expiresAt: $now + duration({days: $days}), tokenHash: $tokenHash
})`;

/**
 * A website's contact form (DESIGN §10): finds the person by e-mail (stored lower-case) or
 * creates one, logs the message as an INBOUND WEB_FORM interaction, and for requested consents
 * stores a ConsentRequest (only the token's hash) and emits consent.confirmation_requested with
 * the confirmation link. Nothing is granted here, and the answer never tells whether the person
 * existed. At most SUBMISSIONS_PER_HOUR per address.
 */
export async function submitContactForm(tx: Tx, report: ChangeReport, input: ContactFormInput): Promise<{ accepted: true }> {
  const email = checkedEmail(input.email);
  const consents = [...new Map((input.consents ?? []).map((c) => [`${c.channel}|${c.purpose.trim()}`, { channel: c.channel, purpose: c.purpose.trim() }])).values()];
  checkInput(input, consents);
  const now = new Date();
  const emailHash = hashToken(email);
  const [{ recent }] = await tx.run<{ recent: number }>(COUNT_SUBMISSION, {
    emailHash,
    hourAgo: param.dateTime(new Date(now.getTime() - 3_600_000).toISOString()),
  });
  if (recent >= SUBMISSIONS_PER_HOUR) {
    throw tooManyRequests(`At most ${SUBMISSIONS_PER_HOUR} submissions per e-mail address and hour; try again later.`);
  }
  await tx.run(ADD_SUBMISSION, { emailHash, now: param.dateTime(now.toISOString()) });

  const name = input.name?.trim() || email;
  const [person] = await tx.run<{ id: string }>(FIND_OR_CREATE_PERSON, {
    email,
    name,
    nameKey: nameKeyOf(name),
    now: param.dateTime(now.toISOString()),
  });
  const summary = [input.organizationName?.trim() && `Organization: ${input.organizationName.trim()}`, input.message?.trim()]
    .filter(Boolean)
    .join('\n');
  const interaction = await logInteraction(tx, {
    type: 'WEB_FORM',
    direction: 'INBOUND',
    occurredAt: now.toISOString(),
    summary: summary.slice(0, 2000) || `Web form "${input.source}"`,
    outcome: `source: ${input.source}`.slice(0, 500),
    participantIds: [person.id],
  });
  report.touched(person.id, interaction.id);

  if (consents.length) {
    const { token, tokenHash } = newLinkToken();
    await tx.run(CREATE_REQUEST, {
      personId: person.id,
      channels: consents.map((c) => c.channel),
      purposes: consents.map((c) => c.purpose),
      textVersion: input.textVersion,
      source: input.source.trim(),
      now: param.dateTime(now.toISOString()),
      days: param.integer(CONFIRMATION_DAYS),
      tokenHash,
    });
    const url = `${publicUrl()}/consent/confirm?token=${token}`;
    report.emit({ type: 'consent.confirmation_requested', targetIds: [person.id], data: { personId: person.id, url } });
  }
  return { accepted: true };
}

function checkedEmail(raw: string): string {
  const checked = convertProperty(emailKind, raw.trim());
  if ('error' in checked) throw badUserInput(`input.email ${checked.error}`);
  return checked.value as string;
}

function checkInput(input: ContactFormInput, consents: { channel: string; purpose: string }[]): void {
  const problems: string[] = [];
  if (!input.source.trim() || input.source.length > 80) problems.push('input.source must name the form in 1 to 80 characters, e.g. "website-contact"');
  if ((input.name?.length ?? 0) > 200) problems.push('input.name must be at most 200 characters');
  if ((input.organizationName?.length ?? 0) > 200) problems.push('input.organizationName must be at most 200 characters');
  if ((input.message?.length ?? 0) > 1800) problems.push('input.message must be at most 1800 characters');
  if (consents.length > MAX_CONSENTS) problems.push(`input.consents may ask for at most ${MAX_CONSENTS} consents`);
  if (consents.some((c) => !c.purpose || c.purpose.length > 100)) problems.push('every consent purpose must be 1 to 100 characters');
  if (consents.length && !input.textVersion?.trim()) problems.push('input.textVersion is required when consents are asked for: it is the consent text the person saw');
  if ((input.textVersion?.length ?? 0) > 50) problems.push('input.textVersion must be at most 50 characters');
  if (problems.length) throw badUserInput(`Invalid contact form: ${problems.join('; ')}.`);
}
