import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The program link tables, what each links to, and the table that record lives in. */
const LINKS = [
  { table: 'program_team', column: 'team_id', target: 'team' },
  { table: 'program_objective', column: 'objective_id', target: 'objective' },
  { table: 'program_guardrail', column: 'guardrail_id', target: 'guardrail' },
] as const;

/**
 * Foreign keys from the program links to the linked teams, objectives and guardrails, now that
 * those tables exist (the programs migration ran before them). ON DELETE CASCADE: a deleted
 * team, objective or guardrail simply disappears from its programs. Links whose record is
 * already gone (possible without the key) are removed first, as the cascade would have.
 */
export class AddProgramLinkForeignKeys1764700000000 implements MigrationInterface {
  name = 'AddProgramLinkForeignKeys1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, column, target } of LINKS) {
      await queryRunner.query(
        `DELETE FROM "${table}" link
          WHERE NOT EXISTS (SELECT 1 FROM "${target}" record WHERE record."id" = link."${column}")`,
      );
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "FK_${table}_${target}" FOREIGN KEY ("${column}")
          REFERENCES "${target}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, target } of [...LINKS].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "FK_${table}_${target}"`);
    }
  }
}
