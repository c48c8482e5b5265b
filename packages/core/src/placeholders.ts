/** Values only the user knows, written into generated files for them to replace (each README says how). */
export const placeholders = { account: 'AWS_ACCOUNT_ID', owner: 'GITHUB_OWNER' } as const;
