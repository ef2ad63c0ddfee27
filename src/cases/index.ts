/** Complaints and service cases, from raised to closed, and who else has the same problem. */
import { createCaseLoaders } from './loaders';
import type { OpenCaseRow } from './open-cases';
import type { CreditRecordRow } from './record-credit';
import type { SameProblemRow } from './same-problem';

export { caseResolvers as resolvers } from './resolvers';
export { createCaseLoaders as createLoaders };
export { OPEN_CASE_STATUSES } from './open-statuses';
export { raiseCase, type RaiseCaseInput } from './case-writes';

type CaseLoaders = ReturnType<typeof createCaseLoaders>;
declare module '../graphql/context' {
  interface Loaders extends CaseLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    OpenCase: OpenCaseRow;
    SameProblemAccount: SameProblemRow;
    CreditRecord: CreditRecordRow;
  }
}
