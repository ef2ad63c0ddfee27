/** Access and data protection (DESIGN §9): what a PARTNER may see. */

export { partnerScope } from './partner-scope';
