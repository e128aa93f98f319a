// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  eslint.configs.recommended,
  // type-aware: floating/misused promises, await-thenable, unsafe any, unnecessary assertions ...
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // one TypeScript program from tsconfig.json (it includes every linted .ts file)
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
      // a switch over a union names every member; a `default:` does not count as covering a new one
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
      ],
    },
  },
  {
    // Temporal workflow code must be deterministic: only the workflow SDK, pure domain code and type imports.
    // Relative imports stay within workflows/src (dependency-cruiser checks where they lead, too).
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/workflow$|@ct/domain/workflow-safe$|\\./(?!.*\\.\\./))',
              allowTypeImports: true,
              message:
                'Workflow code may import only @temporalio/workflow, @ct/domain/workflow-safe, files in its own folder and types (determinism, no zod in the sandbox).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests and benches. jest's mock.calls and asymmetric matchers (expect.any, objectContaining),
    // supertest's getHttpServer() and raw db.query rows are typed `any` by those libraries, so the
    // no-unsafe-* rules only flag framework typing there, not our code. Fakes implement async
    // interfaces with async methods that need no await.
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts', '**/src/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
