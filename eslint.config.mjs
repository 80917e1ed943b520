import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';

// #18 in progress: removed when the branch that fixes it is merged. Each entry is a file that breaks
// one of the architecture rules below today and is being fixed on another branch (named after it);
// the coordinator empties these lists after merging. Nothing new goes here: fix the code instead.
const IN_PROGRESS = {
  // Views that still build the HTTP Response of their route.
  responseInComponents: [],
  // Files over 350 lines, being split.
  longFiles: [],
  // Functions over 80 lines, being split.
  longFunctions: [],
  // Pages that still query the database themselves.
  pagesWithDb: [],
  // Components that import form-state types from server-action files (app/**/actions.ts).
  componentsImportingApp: [],
  // Import cycles.
  cycles: [],
};

const SOURCE = ['**/*.{ts,tsx,js,mjs,cjs}'];
// Data and generated files are not .ts/.js (prisma/demo/*.json, data/, the Prisma client in
// node_modules, public/assets ignored above), so the size rules never see them.
const LIB_ZONE = { target: './lib', from: ['./components', './app'], message: 'lib/ ne doit importer ni components/ ni app/.' };
// Tests and benchmarks: a describe() callback or a benchmark's main is a list of cases or of
// measured steps, not a function to split; the file size rule still applies to them.
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'bench/**/*.bench.ts'];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      'node_modules/**',
      '.next*/**',
      '.data/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'public/assets/**',
      'public/assets-dev/**',
    ],
  },
  {
    // Rendered by lib/render, without Next.js's client runtime: next/link does not exist there. Since the
    // catch-all 404 (app/[...unknown]), the rule takes every local address for a page: off for the views.
    files: ['components/**'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },

  // ── Architecture rules (issue #18; ARCHITECTURE.md, "Rules that keep it so") ──────────────────
  {
    // A disable comment says why: `// eslint-disable-next-line rule -- reason`.
    files: SOURCE,
    plugins: { '@eslint-community/eslint-comments': eslintComments },
    rules: { '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }] },
  },
  {
    // No import cycle (followed through the TypeScript resolver eslint-config-next sets up).
    files: SOURCE,
    ignores: IN_PROGRESS.cycles,
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Layers: app/ → components/ → lib/. Paths are resolved, so `@/app/…` and `../../app/…` alike.
    files: SOURCE,
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './components', from: './app', except: [], message: 'components/ ne doit pas importer app/ (les couches vont app → components → lib).' },
            LIB_ZONE,
          ],
        },
      ],
    },
  },
  // Until their branches land: the same layer rule without the components → app zone.
  ...(IN_PROGRESS.componentsImportingApp.length === 0
    ? []
    : [{ files: IN_PROGRESS.componentsImportingApp, rules: { 'import/no-restricted-paths': ['error', { zones: [LIB_ZONE] }] } }]),
  {
    // A page renders; it asks lib/ for its data and never holds the database client.
    files: ['app/**/page.tsx'],
    ignores: IN_PROGRESS.pagesWithDb,
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './app',
              from: './lib/db',
              message: 'Une page (app/**/page.tsx) ne lit pas la base elle-même : elle appelle une fonction de lib/<domaine>.',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@prisma/client',
              importNames: ['PrismaClient'],
              message: 'Une page ne crée pas de client Prisma : elle appelle une fonction de lib/<domaine>.',
            },
          ],
        },
      ],
    },
  },
  {
    // Views render; routes (app/) own HTTP.
    files: ['components/**'],
    ignores: IN_PROGRESS.responseInComponents,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Response']", message: 'Un composant ne construit pas de Response HTTP : c’est le rôle de la route (app/).' },
        { selector: "MemberExpression[object.name='Response']", message: 'Un composant ne construit pas de Response HTTP : c’est le rôle de la route (app/).' },
        { selector: "Identifier[name='NextResponse']", message: 'Un composant ne construit pas de Response HTTP : c’est le rôle de la route (app/).' },
        // Also a view typed as answering HTTP, whichever helper builds the Response (lib/render's htmlResponse…).
        { selector: "TSTypeReference[typeName.name='Response']", message: 'Un composant ne renvoie pas de Response HTTP : c’est le rôle de la route (app/).' },
      ],
    },
  },
  {
    // Sizes, counted as `wc -l` counts (blank lines and comments included).
    files: SOURCE,
    ignores: IN_PROGRESS.longFiles,
    rules: { 'max-lines': ['error', { max: 350, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: SOURCE,
    ignores: [...TESTS, ...IN_PROGRESS.longFunctions],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }] },
  },
];

export default config;
