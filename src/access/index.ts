/** Access and data protection (DESIGN §9): what a PARTNER may see. */

export { partnerScope, viewerScope, type ScopedViewer } from './partner-scope';
