import { describe, expect, it } from '@jest/globals';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
// @ts-expect-error -- a plain-JavaScript ESLint rule without type declarations
import { foreignTableAccess } from '../../../eslint-rules/foreign-table-access.js';

/** The API's table-ownership rule, run on a file placed in a feature folder. */
function lint(filename: string, code: string): string[] {
  const linter = new Linter({ cwd: '/repo' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { bearing: { rules: { 'foreign-table-access': foreignTableAccess } } },
        rules: { 'bearing/foreign-table-access': ['error', { root: 'apps/api/src' }] },
      },
    ],
    `/repo/apps/api/src/${filename}`,
  );
  return messages.map(({ message }) => message);
}

const READS_TEAMS = `
  import { Team } from '../teams/team.entity.js';
  import { Sprint } from './sprint.entity.js';
  export const read = (manager) => [manager.findOneBy(Team, { id: '1' }), manager.getRepository(Sprint)];
`;

describe('foreign-table-access', () => {
  it("refuses another feature's entity handed to an EntityManager method outside a repository", () => {
    expect(lint('sprints/sprints.service.ts', READS_TEAMS)).toEqual([
      "'Team' is the teams feature's table: call its repository or service instead of EntityManager.findOneBy.",
    ]);
  });

  it("allows the feature's own entities, and every entity inside a repository", () => {
    expect(lint('sprints/sprint.repository.ts', READS_TEAMS)).toEqual([]);
    expect(lint('teams/teams.service.ts', READS_TEAMS.replace('../teams/', './'))).toEqual([]);
  });
});
