// Two tiers in one run: unit specs next to the code, end-to-end specs under test/ against the real
// PostgreSQL and Redis (each test file makes its own database and queue prefix and removes them).
const moduleNameMapper = {
  '^@app/(domain|config|persistence|queues|notifications|workflow)$': '<rootDir>/libs/$1/src',
  '^@app/(domain|config|persistence|queues|notifications|workflow)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// Type checking is its own step (npm run typecheck); ts-jest only transpiles, which keeps runs fast.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };

/** @type {import('jest').Config} */
module.exports = {
  // End-to-end tests boot the API and talk to PostgreSQL and Redis; jest only honours this at the top level.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/*.spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper,
      transform,
    },
  ],
};
