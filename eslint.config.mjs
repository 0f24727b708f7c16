import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Dependencies point inward: UI, Excel and CLI depend on model/workbook, never the reverse.
const layer = (files, forbidden, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((folder) => ({ group: [`**/${folder}/*`, `../${folder}/*`], message: `this layer must not depend on src/${folder}` })),
          ...extra,
        ],
      },
    ],
  },
});
// The office-js rules of eslint-plugin-office-addins's recommended config, at its severities. The rest
// of that config (Prettier formatting, its own parser, js recommended again) is not taken: this
// config sets those. The plugin supports ESLint 9 only, hence eslint 9 in package.json.
const officeAddinRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((c) => Object.entries(c.rules ?? {})).filter(([rule]) => rule.startsWith('office-addins/')),
);
const noHostOrUi = [
  { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'pure layers do not use React' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'pure layers do not use Node APIs' },
];

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'test-output/', 'coverage/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { Office: 'readonly', Excel: 'readonly', CustomFunctions: 'readonly', console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'readonly', Buffer: 'readonly', TextDecoder: 'readonly', document: 'readonly', window: 'readonly' },
    },
    rules: {
      // ESLint 10's additions to the recommended rules, kept while ESLint stays on 9.
      'no-unassigned-vars': 'error',
      'no-useless-assignment': 'error',
      'preserve-caught-error': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Untrusted document text is rendered as React text only.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'document text is never rendered as HTML' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'document text is never rendered as HTML' },
      ],
    },
  },
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The code that runs in Excel or Word: office-js's load, sync and null-object patterns.
  { files: ['src/excel/**', 'src/word/**', 'src/taskpane/**', 'src/functions/**', 'src/commands/**'], plugins: { 'office-addins': officeAddins }, rules: officeAddinRules },
  { files: ['src/**/*.tsx', 'src/taskpane/**/*.ts'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  layer(['src/model/**'], ['import', 'workbook', 'report', 'excel', 'cli', 'taskpane', 'functions', 'commands'], noHostOrUi),
  layer(['src/import/**'], ['workbook', 'report', 'excel', 'cli', 'taskpane', 'functions', 'commands'], noHostOrUi),
  layer(['src/workbook/**', 'src/report/**'], ['excel', 'cli', 'taskpane', 'functions', 'commands'], noHostOrUi),
  layer(['src/excel/**'], ['cli', 'taskpane', 'functions', 'commands']),
  layer(['src/cli/**'], ['excel', 'taskpane', 'functions', 'commands']),
  layer(['src/functions/**'], ['import', 'workbook', 'report', 'excel', 'cli', 'taskpane', 'commands']),
  // Components reach the workbook only through the host they are given; only the entry picks the office-js host.
  { ...layer(['src/taskpane/**'], ['cli', 'excel', 'functions', 'commands']), ignores: ['src/taskpane/index.tsx'] },
  { files: ['src/model/**', 'src/import/**', 'src/workbook/**', 'src/report/**', 'src/taskpane/**'], ignores: ['src/taskpane/index.tsx'], rules: { 'no-restricted-globals': ['error', { name: 'Excel', message: 'only src/excel talks to Excel' }] } },
);
