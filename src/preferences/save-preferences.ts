import type { ChangeReport } from '../graphql/mutate';
import { readerIn, type Tx } from '../neo4j/database';
import { recordConsentDecision } from '../consent';
import { raiseCase } from '../cases';
import { preferenceState, type PreferenceSwitch } from './preference-state';

export const PREFERENCE_SOURCE = 'preference-centre';

/**
 * Records each switch the person changed as a grant or withdrawal (source `preference-centre`),
 * against the state read in this transaction; unchanged switches write nothing. Answers how many
 * decisions were recorded.
 */
export async function savePreferences(tx: Tx, report: ChangeReport, personId: string, wanted: PreferenceSwitch[]): Promise<number> {
  const state = await preferenceState(readerIn(tx), personId);
  if (!state) return 0;
  const now = new Date().toISOString();
  const granted: string[] = [];
  const withdrawn: string[] = [];
  for (const current of state.switches) {
    const want = wanted.find((w) => w.channel === current.channel && w.purpose === current.purpose);
    if (!want || want.granted === current.granted) continue;
    const decision = await recordConsentDecision(tx, { personId, channel: current.channel, purpose: current.purpose, granted: want.granted, source: PREFERENCE_SOURCE, at: now });
    (want.granted ? granted : withdrawn).push(decision.id);
  }
  if (granted.length) report.emit({ type: 'consent.granted', targetIds: [personId, ...granted] });
  if (withdrawn.length) report.emit({ type: 'consent.withdrawn', targetIds: [personId, ...withdrawn] });
  report.touched(personId, ...granted, ...withdrawn);
  return granted.length + withdrawn.length;
}

/** The requests the two buttons make: a Case raised by the person for the service team. */
export const REQUEST_SUBJECTS = { export: 'data export request', erasure: 'erasure request' } as const;
export type DataRequest = keyof typeof REQUEST_SUBJECTS;

const OPEN_REQUEST_CASE = `
MATCH (c:Case {subject: $subject})-[:RAISED_BY]->(:Person {id: $personId})
WHERE c.status IN ['OPEN', 'IN_PROGRESS']
RETURN c.id AS id LIMIT 1`;

/** Opens the case for the request, unless one for it is still open (a second click adds nothing). */
export async function requestFromPreferenceCentre(tx: Tx, report: ChangeReport, personId: string, request: DataRequest): Promise<string> {
  const subject = REQUEST_SUBJECTS[request];
  const [open] = await tx.run<{ id: string }>(OPEN_REQUEST_CASE, { subject, personId });
  if (open) return open.id;
  const raised = await raiseCase(tx, {
    subject,
    description: `Requested by the person on the preference centre page (${request === 'export' ? 'GDPR Art. 15/20' : 'GDPR Art. 17'}).`,
    severity: 'HIGH',
    raisedById: personId,
  });
  report.touched(personId);
  return raised.id;
}
