/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'json'],
  // Stands in for 'default': prints Jest's summary, then the plain line CI reads.
  reporters: ['<rootDir>/test/support/summaryReporter.js'],
  setupFiles: ['<rootDir>/test/support/jsdomSetup.ts'],
  testTimeout: 60000,
};
