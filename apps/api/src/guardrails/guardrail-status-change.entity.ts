import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { GuardrailChangeCause, GuardrailStatus } from '@bearing/contracts';
import { Guardrail } from './guardrail.entity.js';

/** One change of a guardrail's status and the point whose value caused it. Never updated. */
@Entity({ name: 'guardrail_status_change' })
@Index('IDX_guardrail_status_change_guardrail_id_changed_at_id', ['guardrailId', 'changedAt', 'id'])
@Check('CHK_guardrail_status_change_to_status', `"to_status" IN ('ok', 'warning', 'breached')`)
@Check(
  'CHK_guardrail_status_change_cause',
  `"cause" IN ('created', 'points', 'edited', 'metric-edited')`,
)
export class GuardrailStatusChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_guardrail_status_change' })
  id!: string;

  @Column({ name: 'guardrail_id', type: 'uuid' })
  guardrailId!: string;

  @ManyToOne(() => Guardrail, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'guardrail_id',
    foreignKeyConstraintName: 'FK_guardrail_status_change_guardrail',
  })
  guardrail?: Guardrail;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: GuardrailStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus!: GuardrailStatus;

  /** The evaluated point's value and timestamp. */
  @Column({ type: 'double precision' })
  value!: number;

  @Column({ name: 'point_timestamp', type: 'timestamptz', precision: 3 })
  pointTimestamp!: Date;

  @Column({ type: 'varchar', length: 16 })
  cause!: GuardrailChangeCause;

  /** Millisecond precision: the history pages by (changed_at, id). */
  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz', precision: 3 })
  changedAt!: Date;
}
