/**
 * Access and data protection (DESIGN §9): sign-in with tokens and API keys, the permission
 * table and its enforcement, the audit log, and what a PARTNER may see (the scope of a request).
 */
import type { Viewer } from '../graphql/viewer';
import type { EntityRow } from '../nodes/entity-row';
import type { ApiKeyRow } from './api-keys';
import type { AuditEntryRow } from './audit-log';

export { accessResolvers as resolvers } from './resolvers';
export { authenticator, type Authenticate } from './sign-in';
export { SignInCache } from './sign-in-cache';
export { SignInRefused } from './refusal';
export { authSettings, type AuthSettings } from './auth-settings';
export { mintToken, DEFAULT_TOKEN_LIFETIME } from './mint-token';
export { enforcePermissions } from './enforce-permissions';
export { recordAudit } from './audit';
export { partnerScope, viewerScope, type ScopedViewer } from './partner-scope';
export { announceDevelopmentToken } from './development-token';

declare module '../graphql/viewer' {
  interface Viewer {
    /**
     * The User node Viewer.user answers, read at sign-in: the signed-in user, or for an API key
     * the user accountable for it (its creator).
     */
    user: EntityRow;
    /** The API key in use; null for a token. */
    apiKey: ApiKeyRow | null;
  }
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    Viewer: Viewer;
    ApiKey: ApiKeyRow;
    CreatedApiKey: { apiKey: ApiKeyRow; secret: string };
    AuditEntry: AuditEntryRow;
  }
}
