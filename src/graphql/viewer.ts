import type { USER_ROLES } from '../model/enums';

/**
 * Who is asking, decided from the request's credential before any resolver runs (ACCESS.md).
 * The access area adds what its own resolvers need by declaration merging.
 */
export interface Viewer {
  /** A user's token, or a client app's API key. */
  kind: 'user' | 'apiKey';
  /** The User id of a token, the ApiKey id of an API key: the actor of the audit log. */
  id: string;
  /** The signed-in user; null for an API key. */
  userId: string | null;
  /** What the credential may do (a user's roles, or the key's); permissions add up. */
  roles: (typeof USER_ROLES)[number][];
  /** The partner organization a PARTNER acts for; null for everyone else. */
  actsForId: string | null;
}
