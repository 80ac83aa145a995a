/** What a stored sign-in step (`admin_auth_flows`) is waiting for. */
export const AUTH_FLOW_PURPOSES = ['passkey-add', 'passkey-sign-in', 'oidc'] as const;
export type AuthFlowPurpose = (typeof AUTH_FLOW_PURPOSES)[number];
