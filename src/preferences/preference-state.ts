import type { Reader } from '../neo4j/database';
import { CONSENT_CHANNELS } from '../model/enums';

/** One switch of the page: a channel and purpose, and whether the person agrees now. */
export interface PreferenceSwitch {
  channel: string;
  purpose: string;
  granted: boolean;
}

export interface PreferenceState {
  name: string;
  switches: PreferenceSwitch[];
}

// The purposes any consent or campaign uses; per channel and purpose the person's latest decision
// (a withdrawal wins a tie), as the consent area's rule reads it.
const PREFERENCES = `
MATCH (p:Person {id: $personId})
CALL () {
  CALL () { MATCH (c:Consent) RETURN DISTINCT c.purpose AS purpose UNION MATCH (k:Campaign) RETURN DISTINCT k.purpose AS purpose }
  WITH purpose WHERE purpose IS NOT NULL
  RETURN collect(purpose) AS purposes
}
RETURN p.name AS name, purposes, COLLECT {
  MATCH (p)-[:GAVE]->(c:Consent)
  WITH c ORDER BY c.at DESC, c.granted ASC
  WITH c.channel AS channel, c.purpose AS purpose, collect(c.granted)[0] AS granted
  RETURN { channel: channel, purpose: purpose, granted: granted }
} AS current`;

/** The person's name and a switch per channel × purpose in use; null when there is no such person. */
export async function preferenceState(db: Pick<Reader, 'read'>, personId: string): Promise<PreferenceState | null> {
  const [row] = await db.read<{ name: string; purposes: string[]; current: PreferenceSwitch[] }>(PREFERENCES, { personId });
  if (!row) return null;
  const granted = new Set(row.current.filter((c) => c.granted).map((c) => `${c.channel}|${c.purpose}`));
  const purposes = [...new Set(row.purposes)].sort();
  const switches = CONSENT_CHANNELS.flatMap((channel) =>
    purposes.map((purpose) => ({ channel, purpose, granted: granted.has(`${channel}|${purpose}`) })));
  return { name: row.name, switches };
}
