import { gql } from './client';

/**
 * Asks the API a question any signed-in caller may ask, so a refused token is noticed at the
 * sign-in screen rather than on the first map. (Once sign-in exists this becomes `viewer`.)
 */
export async function checkCredential(): Promise<void> {
  await gql<{ __typename: string }>('query SignInCheck { __typename }');
}
