import { graphql } from '../gql';

export const LoginMutation = graphql(`
  mutation SharedLogin($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      expiresAt
      user { id fullName email roles }
      userErrors { code field message }
    }
  }
`);

export const RefreshMutation = graphql(`
  mutation SharedRefresh($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      accessToken
      refreshToken
      expiresAt
      userErrors { code field message }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation SharedLogout($input: LogoutInput!) {
    logout(input: $input) { userErrors { code message } }
  }
`);

export const ViewerQuery = graphql(`
  query SharedViewer {
    me { id fullName email roles }
  }
`);
